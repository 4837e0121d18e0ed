using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>Which command-line values are a one-row call's own, so that their problem is the row's result, not the command's stop.</summary>
    public class OneRowCallTests
    {
        private static readonly Dictionary<string, string> TextGiven = new Dictionary<string, string> { ["Text"] = "Text", ["Body"] = "Text" };

        [Fact]
        public void APipedRunHasNoOneRowValues()
        {
            Assert.Null(OneRowCall.For(piped: true, TextGiven, new[] { "FallbackText" }, new string[0]));
        }

        [Fact]
        public void WithNothingPipedWhatAColumnWouldGiveAndTheContentNoColumnGivesAreTheRowsOwn()
        {
            var call = OneRowCall.For(piped: false, TextGiven, new[] { "FallbackText" }, new string[0])!;

            Assert.True(call.Owns("Text"));
            Assert.True(call.Owns("fallbacktext"));
            Assert.False(call.Owns("From"));
        }

        [Fact]
        public void AnExpiryIsTheRowsOwnAsItsColumnIsAPipedRows()
        {
            // foreach ($u in Import-Csv c.csv) { Send-ConnectSms ... -ExpireAt $u.ExpireAt }: before, a wrong one stopped the call
            // as the script's setting, and the loop had no result for that row.
            var call = OneRowCall.For(piped: false, new Dictionary<string, string> { ["Validity"] = "Validity", ["ExpireAt"] = "ExpireAt" }, new string[0], new string[0])!;

            Assert.True(call.Owns("Validity"));
            Assert.True(call.Owns("ExpireAt"));
        }

        [Fact]
        public void SubstitutionsAreTheRowsOwnThoughNoColumnGivesThem()
        {
            // -Substitution @{ Name = $u.Name }: the row's values, as a piped row's columns are.
            var call = OneRowCall.For(piped: false, TextGiven, new string[0], new string[0])!;

            Assert.True(call.Owns("Substitution"));
        }

        [Fact]
        public void ANotifyUrlIsTheRowsOwnSoItsProblemIsNotCalledEveryRows()
        {
            // foreach ($u in ...) { Send-ConnectSms ... -NotifyUrl 'bad' }: before, "It is the same for every row" stopped the call.
            var call = OneRowCall.For(piped: false, TextGiven, new string[0], new string[0])!;

            Assert.True(call.Owns("NotifyUrl"));
        }

        [Fact]
        public void AParameterRefusedBeforeTheRowWasReadIsKnownAsRefused()
        {
            // -From '': the row's result says "From: it is empty"; the message's check of its From would say it again.
            var call = OneRowCall.For(piped: false, TextGiven, new string[0], new string[0])!;
            call.Refuse(new ValidationProblem("From", "it is empty"), "ParameterArgumentValidationError");

            Assert.True(call.Refused("From"));
            Assert.False(call.Refused("Text"));
        }

        [Fact]
        public void AProblemRefusedAgainForTheSameRowIsSaidOnce()
        {
            // Send-ConnectMessage reads -AdditionalProperty each time it makes the row's message: @{ appid = $r.AppId } of a NULL
            // cell is refused each time, and the row's reason must not name it twice. Another problem of the field is kept.
            var call = OneRowCall.For(piped: false, TextGiven, new[] { "AdditionalProperty" }, new string[0])!;
            call.Refuse(new ValidationProblem("AdditionalProperty", "its member 'appid' is a database's NULL"), "InvalidAdditionalProperty");
            call.Refuse(new ValidationProblem("AdditionalProperty", "its member 'appid' is a database's NULL"), "InvalidAdditionalProperty");
            call.Refuse(new ValidationProblem("AdditionalProperty", "its member 'tag' is a database's NULL"), "InvalidAdditionalProperty");

            var record = call.WithRefused(new ComposedRecord(new Recipient("+447700900001", null), new ValidationProblem[0]));

            Assert.Equal(new[] { "its member 'appid' is a database's NULL", "its member 'tag' is a database's NULL" },
                System.Linq.Enumerable.Select(record.Problems, p => p.Message));
            Assert.Equal("InvalidAdditionalProperty", record.InvalidCode);
        }

        [Fact]
        public void ACommandsSettingIsNotTheRowsOwnThoughAColumnCouldGiveIt()
        {
            // Send-ConnectRcs -FallbackText without -SmsFallback: a FallbackText column binds it, but its problem is the switch.
            var call = OneRowCall.For(piped: false, new Dictionary<string, string> { ["FallbackText"] = "FallbackText" }, new string[0],
                new[] { "FallbackText" })!;

            Assert.False(call.Owns("FallbackText"));
        }

        [Fact]
        public void TheRowsProblemIsWordedForTheCommandLinesValueNotForACell()
        {
            var problem = new ValidationProblem("Text", "Text is only white space: give the text", ", or leave the row out");

            Assert.Equal("Text: Text is only white space: give the text", Assert.Single(OneRowCall.RowsOwn(new[] { problem }, all: 1)!).ToString());
        }

        [Fact]
        public void TheRowTakesItsProblemsOnlyWhenNoneIsOfAValueThatIsNoRows()
        {
            var own = new[] { new ValidationProblem("Text", "the SMS has no text") };

            Assert.Equal("Text: the SMS has no text", Assert.Single(OneRowCall.RowsOwn(own, all: 1)!).ToString());
            // -From '' beside -Text '': the command stops as before, naming both.
            Assert.Null(OneRowCall.RowsOwn(own, all: 2));
            Assert.Null(OneRowCall.RowsOwn(new ValidationProblem[0], all: 0));
        }
    }
}
