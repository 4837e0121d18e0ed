using System;
using System.Collections.Generic;
using System.Text;

namespace WebexConnect.Tests.Docs
{
    internal enum ScriptTokenKind
    {
        /// <summary>A bare word: a command name, a number, a path, an operator in expression mode.</summary>
        Word,

        /// <summary>-Name or -Name: (the value then follows as the next token).</summary>
        Parameter,

        /// <summary>$name, ${name}, $env:name: member access after it comes as adjacent tokens.</summary>
        Variable,

        /// <summary>@name: splatting.</summary>
        Splat,

        /// <summary>'...', "...", @'...'@, @"..."@; an expandable string's $(...) parts are its children.</summary>
        String,

        /// <summary>(...), $(...), @(...), {...}, @{...}, [...]: the tokens inside are its children.</summary>
        Group,

        /// <summary>| (ends a pipeline element).</summary>
        Pipe,

        /// <summary>; &amp;&amp; || (end a statement).</summary>
        StatementEnd,

        NewLine,

        Comma,

        /// <summary>&gt; &gt;&gt; 2&gt; 2&gt;&amp;1 *&gt;...</summary>
        Redirection,
    }

    /// <summary>One token of example code, with the line it starts on (1-based, within the code given).</summary>
    internal sealed class ScriptToken
    {
        public ScriptToken(ScriptTokenKind kind, string text, int line, bool spaced, IReadOnlyList<ScriptToken>? children = null)
        {
            Kind = kind;
            Text = text;
            Line = line;
            Spaced = spaced;
            Children = children ?? Array.Empty<ScriptToken>();
        }

        public ScriptTokenKind Kind { get; }

        /// <summary>The source text; for a group only its opener, for a parameter the name without the dash or colon.</summary>
        public string Text { get; }

        public int Line { get; }

        /// <summary>Whitespace (or the start of the code) comes before it; adjacent tokens make one argument.</summary>
        public bool Spaced { get; }

        /// <summary>For a parameter: written -Name:value, so the next token is its value whatever the parameter's type.</summary>
        public bool HasColon { get; init; }

        /// <summary>For a string: in double quotes, so $ inside it expands.</summary>
        public bool Expandable { get; init; }

        /// <summary>A group's tokens; an expandable string's $(...) groups.</summary>
        public IReadOnlyList<ScriptToken> Children { get; }

        public override string ToString() => Kind switch
        {
            ScriptTokenKind.Parameter => "-" + Text + (HasColon ? ":" : ""),
            ScriptTokenKind.Group => Text + "..." + Closer(Text),
            _ => Text,
        };

        internal static char Closer(string opener) => opener[^1] switch { '(' => ')', '{' => '}', _ => ']' };
    }

    /// <summary>Code the tokenizer cannot read, with the line (1-based within the code) where it noticed.</summary>
    internal sealed class ScriptSyntaxException : FormatException
    {
        public ScriptSyntaxException(int line, string problem)
            : base($"line {line}: {problem}")
        {
            Line = line;
            Problem = problem;
        }

        public int Line { get; }

        public string Problem { get; }
    }

    /// <summary>
    /// Just enough of PowerShell's tokenizer to find cmdlet calls in documentation: quoted strings and
    /// here-strings (so a -Dash inside text is not a parameter), $(...) in double quotes only, groups read
    /// recursively, # and &lt;# #&gt; comments, backtick line continuation. Code it cannot follow (an unclosed
    /// quote or bracket) throws with the line, so a broken example fails rather than being skipped.
    /// </summary>
    internal sealed class ScriptTokenizer
    {
        // PowerShell accepts typographic dashes and quotes as well; text pasted from a word processor has them.
        private const string Dashes = "-\u2013\u2014\u2015";
        private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";
        private const string DoubleQuotes = "\"\u201C\u201D\u201E";
        private const string WordEnds = " \t\r\n|;,(){}[]";

        private readonly string _code;
        private int _at;

        private ScriptTokenizer(string code) => _code = code.Replace("\r\n", "\n");

        public static IReadOnlyList<ScriptToken> Tokenize(string code) => new ScriptTokenizer(code).ReadUntil(null, 1);

        private char Peek(int ahead = 0) => _at + ahead < _code.Length ? _code[_at + ahead] : '\0';

        private int Line(int at)
        {
            var line = 1;
            for (var i = 0; i < at && i < _code.Length; i++) if (_code[i] == '\n') line++;
            return line;
        }

        private List<ScriptToken> ReadUntil(char? closer, int openedOn)
        {
            var tokens = new List<ScriptToken>();
            var spaced = true;
            while (_at < _code.Length)
            {
                var c = Peek();
                if (c == closer)
                {
                    _at++;
                    return tokens;
                }
                if (c == ' ' || c == '\t' || c == '\r' || (c == '`' && Peek(1) == '\n'))
                {
                    _at += c == '`' ? 2 : 1;
                    spaced = true;
                    continue;
                }
                if (c == '<' && Peek(1) == '#')
                {
                    var end = _code.IndexOf("#>", _at + 2, StringComparison.Ordinal);
                    if (end < 0) throw Error("<# comment is never closed by #>", Line(_at));
                    _at = end + 2;
                    spaced = true;
                    continue;
                }
                if (c == '#')
                {
                    while (_at < _code.Length && Peek() != '\n') _at++;
                    continue;
                }

                ScriptToken token;
                if (c == '\n') token = Simple(ScriptTokenKind.NewLine, 1, spaced);
                else if ((c == '&' && Peek(1) == '&') || (c == '|' && Peek(1) == '|')) token = Simple(ScriptTokenKind.StatementEnd, 2, spaced);
                else if (c == '|') token = Simple(ScriptTokenKind.Pipe, 1, spaced);
                else if (c == ';') token = Simple(ScriptTokenKind.StatementEnd, 1, spaced);
                else if (c == ',') token = Simple(ScriptTokenKind.Comma, 1, spaced);
                else if (c == '(' || c == '{' || c == '[') token = Group(c.ToString(), spaced);
                else if ((c == '$' || c == '@') && Peek(1) == '(') token = Group(c + "(", spaced);
                else if (c == '@' && Peek(1) == '{') token = Group("@{", spaced);
                else if (c == ')' || c == '}' || c == ']')
                    throw Error(closer is null ? $"'{c}' closes nothing" : $"'{c}' where '{closer}' should come first", Line(_at));
                else if (c == '@' && (SingleQuotes + DoubleQuotes).IndexOf(Peek(1)) >= 0 && RestOfLineIsBlank(_at + 2)) token = HereString(spaced);
                else if (SingleQuotes.IndexOf(c) >= 0) token = SingleQuoted(spaced);
                else if (DoubleQuotes.IndexOf(c) >= 0) token = DoubleQuoted(spaced);
                else if (c == '$') token = VariableToken(spaced);
                else if (c == '@' && IsNameStart(Peek(1))) token = Read(ScriptTokenKind.Splat, spaced, () => { _at++; ReadName(); });
                else if (Dashes.IndexOf(c) >= 0 && IsNameStart(Peek(1))) token = ParameterToken(spaced);
                else if (c == '>' || ((char.IsDigit(c) || c == '*') && Peek(1) == '>')) token = Read(ScriptTokenKind.Redirection, spaced, SkipRedirection);
                else token = Read(ScriptTokenKind.Word, spaced, SkipWord);
                tokens.Add(token);
                spaced = token.Kind == ScriptTokenKind.NewLine;
            }
            if (closer != null) throw Error($"this line opens what no '{closer}' closes", openedOn);
            return tokens;
        }

        private ScriptToken Simple(ScriptTokenKind kind, int length, bool spaced) => Read(kind, spaced, () => _at += length);

        /// <summary>A token whose text is everything <paramref name="skip"/> moves past.</summary>
        private ScriptToken Read(ScriptTokenKind kind, bool spaced, Action skip)
        {
            var start = _at;
            skip();
            return new ScriptToken(kind, _code.Substring(start, _at - start), Line(start), spaced);
        }

        private ScriptToken Group(string opener, bool spaced)
        {
            var line = Line(_at);
            _at += opener.Length;
            return new ScriptToken(ScriptTokenKind.Group, opener, line, spaced, ReadUntil(ScriptToken.Closer(opener), line));
        }

        private ScriptToken SingleQuoted(bool spaced)
        {
            var start = _at++;
            var text = new StringBuilder();
            while (true)
            {
                if (_at >= _code.Length) throw Error("the string that starts on this line has no closing quote", Line(start));
                var c = _code[_at++];
                if (SingleQuotes.IndexOf(c) < 0) text.Append(c);
                else if (SingleQuotes.IndexOf(Peek()) >= 0) text.Append(_code[_at++]); // '' is one quote inside the string
                else break;
            }
            return new ScriptToken(ScriptTokenKind.String, text.ToString(), Line(start), spaced);
        }

        private ScriptToken DoubleQuoted(bool spaced)
        {
            var start = _at++;
            var text = new StringBuilder();
            var children = new List<ScriptToken>();
            while (true)
            {
                if (_at >= _code.Length) throw Error("the string that starts on this line has no closing quote", Line(start));
                if (DoubleQuotes.IndexOf(Peek()) >= 0)
                {
                    if (DoubleQuotes.IndexOf(Peek(1)) < 0) break;
                    _at++; // "" is one quote inside the string
                }
                ExpandableCharacter(text, children);
            }
            _at++;
            return new ScriptToken(ScriptTokenKind.String, text.ToString(), Line(start), spaced, children) { Expandable = true };
        }

        /// <summary>@' or @" at the end of a line, to a line that starts with '@ or "@; only @" expands $(...).</summary>
        private ScriptToken HereString(bool spaced)
        {
            var start = _at;
            var quote = Peek(1);
            var contentStart = _code.IndexOf('\n', _at);
            var end = _code.IndexOf("\n" + quote + "@", contentStart, StringComparison.Ordinal);
            if (end < 0) throw Error($"the here-string that starts on this line has no line starting with {quote}@", Line(start));
            _at = contentStart + 1;
            var text = new StringBuilder();
            var children = new List<ScriptToken>();
            while (_at < end)
            {
                if (SingleQuotes.IndexOf(quote) >= 0) text.Append(_code[_at++]);
                else ExpandableCharacter(text, children);
            }
            _at = end + 3;
            return new ScriptToken(ScriptTokenKind.String, text.ToString(), Line(start), spaced, children) { Expandable = DoubleQuotes.IndexOf(quote) >= 0 };
        }

        /// <summary>One character of "..." text: a backtick escape, a $(...) read as code, or the character itself.</summary>
        private void ExpandableCharacter(StringBuilder text, List<ScriptToken> children)
        {
            if (Peek() == '`' && _at + 1 < _code.Length)
            {
                text.Append(Peek(1));
                _at += 2;
            }
            else if (Peek() == '$' && Peek(1) == '(')
            {
                children.Add(Group("$(", spaced: false));
                text.Append("$(...)");
            }
            else text.Append(_code[_at++]);
        }

        private ScriptToken VariableToken(bool spaced) => Read(ScriptTokenKind.Variable, spaced, () =>
        {
            _at++;
            if (Peek() == '{')
            {
                var end = _code.IndexOf('}', _at);
                _at = end < 0 ? _code.Length : end + 1;
            }
            else if ("$?^".IndexOf(Peek()) >= 0) _at++;
            else while (IsNameChar(Peek()) || (Peek() == ':' && IsNameStart(Peek(1)))) _at++;
        });

        private ScriptToken ParameterToken(bool spaced)
        {
            var line = Line(_at);
            _at++;
            var name = ReadName();
            var colon = Peek() == ':';
            if (colon) _at++;
            return new ScriptToken(ScriptTokenKind.Parameter, name, line, spaced) { HasColon = colon };
        }

        private void SkipRedirection()
        {
            if (Peek() != '>') _at++;
            _at++;
            if (Peek() == '>') _at++;
            if (Peek() == '&' && char.IsDigit(Peek(1))) _at += 2;
        }

        private void SkipWord()
        {
            var start = _at;
            while (_at < _code.Length)
            {
                var c = Peek();
                if (c == '`' && Peek(1) != '\n' && _at + 1 < _code.Length) { _at += 2; continue; }
                if (WordEnds.IndexOf(c) >= 0 || c == '`' || SingleQuotes.IndexOf(c) >= 0 || DoubleQuotes.IndexOf(c) >= 0) break;
                if (c == '$' && _at > start) break;
                _at++;
            }
            if (_at == start) _at++; // a lone character no other rule takes
        }

        private string ReadName()
        {
            var start = _at;
            while (IsNameChar(Peek())) _at++;
            return _code.Substring(start, _at - start);
        }

        private bool RestOfLineIsBlank(int from)
        {
            for (var i = from; i < _code.Length && _code[i] != '\n'; i++)
                if (!char.IsWhiteSpace(_code[i])) return false;
            return from < _code.Length;
        }

        private static ScriptSyntaxException Error(string message, int line) => new ScriptSyntaxException(line, message);

        private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
