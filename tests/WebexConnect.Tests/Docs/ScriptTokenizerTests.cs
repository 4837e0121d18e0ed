using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>The example checker's tokenizer on the cases where a simpler reading would invent or lose parameters.</summary>
    public class ScriptTokenizerTests
    {
        private static IReadOnlyList<ScriptToken> Tokens(string code) => ScriptTokenizer.Tokenize(code);

        /// <summary>The parameter tokens at any depth, in order.</summary>
        private static string[] Parameters(IEnumerable<ScriptToken> tokens) =>
            tokens.SelectMany(t => Parameters(t.Children).Prepend(t.Kind == ScriptTokenKind.Parameter ? t.ToString() : null)).OfType<string>().ToArray();

        [Fact]
        public void DashesInsideQuotedTextAreText()
        {
            var tokens = Tokens("Send-ConnectSms -Text 'Call -Name now, order A-1' -From \"x -Y\" -To 'it''s -Z'");
            Assert.Equal(new[] { "-Text", "-From", "-To" }, Parameters(tokens));
            Assert.Equal(new[] { "Call -Name now, order A-1", "x -Y", "it's -Z" },
                tokens.Where(t => t.Kind == ScriptTokenKind.String).Select(t => t.Text));
        }

        [Fact]
        public void SubexpressionsRunOnlyInDoubleQuotes()
        {
            var single = Tokens("'Hi $(Name) -X'").Single();
            Assert.Equal(ScriptTokenKind.String, single.Kind);
            Assert.Empty(single.Children);

            var expandable = Tokens("\"Hi $(Get-Thing -Id 1) and `$(not code) and \"\"$x\"\"\"").Single();
            var group = Assert.Single(expandable.Children);
            Assert.Equal("$(", group.Text);
            Assert.Equal(new[] { "Get-Thing", "Id", "1" }, group.Children.Select(t => t.Text));
        }

        [Fact]
        public void HereStringsHoldTextUntilTheirClosingLine()
        {
            var code = "$a = @'\n-NotAParameter 'quoted' \"too\"\n'@\n$b = @\"\nline $(Get-Date -Format o)\n\"@\nNext-Command -Real";
            var tokens = Tokens(code);
            Assert.Equal(new[] { "-Format", "-Real" }, Parameters(tokens));
            Assert.Equal("-NotAParameter 'quoted' \"too\"", tokens.First(t => t.Kind == ScriptTokenKind.String).Text);
            Assert.Equal(7, tokens.Single(t => t.Text == "Next-Command").Line);
        }

        [Fact]
        public void NestedGroupsCloseInOrder()
        {
            var tokens = Tokens("(a (b $(c @(d)) {e [f]}) g).Prop[1]");
            var outer = tokens[0];
            Assert.Equal("(", outer.Text);
            Assert.Equal(new[] { "a", "(", "g" }, outer.Children.Select(t => t.Text));
            Assert.Equal(new[] { "b", "$(", "{" }, outer.Children[1].Children.Select(t => t.Text));
            Assert.Equal(new[] { ".Prop", "[" }, tokens.Skip(1).Select(t => t.Text));
            Assert.All(tokens.Skip(1), t => Assert.False(t.Spaced));
        }

        [Fact]
        public void AColonJoinsAValueToItsParameter()
        {
            var tokens = Tokens("-Text:'x' -PayloadOnly:$false -Plain");
            Assert.Equal(new[] { "-Text:", "-PayloadOnly:", "-Plain" }, Parameters(tokens));
            Assert.Equal(ScriptTokenKind.String, tokens[1].Kind);
            Assert.False(tokens[1].Spaced);
            Assert.Equal("$false", tokens[3].Text);
        }

        [Fact]
        public void CommentsAreSkippedButAHashInsideAWordIsNot()
        {
            var tokens = Tokens("a -B # -Line 'comment\n<# -Block\n 'comment #> c#d -E");
            Assert.Equal(new[] { "-B", "-E" }, Parameters(tokens));
            Assert.Contains(tokens, t => t.Text == "c#d");
        }

        [Fact]
        public void OnlyABacktickRightBeforeTheLineEndContinuesTheLine()
        {
            Assert.DoesNotContain(Tokens("a `\n  -B"), t => t.Kind == ScriptTokenKind.NewLine);
            // PowerShell reads "` " as an escaped space: the command ends at the line end.
            Assert.Contains(Tokens("a ` \n  -B"), t => t.Kind == ScriptTokenKind.NewLine);
        }

        [Fact]
        public void NumbersAndTypographicDashesAreToldApart()
        {
            var tokens = Tokens("-Latitude -33.86 \u2013Longitude 151.2");
            Assert.Equal(new[] { "-Latitude", "-Longitude" }, Parameters(tokens));
            Assert.Equal(ScriptTokenKind.Word, tokens[1].Kind);
        }

        [Fact]
        public void LinesAreCountedThroughStringsAndComments()
        {
            var tokens = Tokens("a 'x\ny'\n<# c\nc #>\nb");
            Assert.Equal(5, tokens.Single(t => t.Text == "b").Line);
        }

        [Theory]
        [InlineData("x\nSend-ConnectSms -Text 'unclosed\ny", 2, "the string that starts on this line has no closing quote")]
        [InlineData("a (b\nc", 1, "this line opens what no ')' closes")]
        [InlineData("a {b\n)", 2, "')' where '}' should come first")]
        [InlineData("x\n@'\ntext", 2, "the here-string that starts on this line has no line starting with '@")]
        public void CodeThatCannotBeReadFailsWithItsLine(string code, int line, string problem)
        {
            var error = Assert.Throws<ScriptSyntaxException>(() => Tokens(code));
            Assert.Equal((line, problem), (error.Line, error.Problem));
        }
    }
}
