using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// Errors one after another for one reason: the first says it, each after it names its row and that one. Before, the night
    /// the service was down, every one of 20,000 errors repeated the reason and its advice, eight lines a row in the task's log.
    /// </summary>
    public class SameReasonRowsTests
    {
        private const string Unreachable = "Not sent: could not connect to 127.0.0.1 (check this computer's network and firewall, and " +
                                           "Connect-WebexConnect -BaseUri or -Region): Connection refused (6 attempts). Safe to send again.";

        private static SendResult Failed(long row, string code = "ConnectionFailed", string reason = Unreachable) =>
            new SendResult(MessageChannel.Sms, "+4477009000" + row.ToString("00"), null, SendStatus.Failed, code: code, reason: reason, row: row);

        private static string MessageOf(SameReasonRows said, SendResult result) => SendErrors.MessageFor(result, said.EarlierRowFor(result));

        [Fact]
        public void TheFirstErrorSaysTheReasonAndTheNextNameItsRow()
        {
            var said = new SameReasonRows();

            Assert.Equal("Row 1: Failed (ConnectionFailed) +447700900001: " + Unreachable, MessageOf(said, Failed(1)));
            Assert.Equal("Row 2: Failed (ConnectionFailed) +447700900002: same reason as row 1.", MessageOf(said, Failed(2)));
            Assert.Equal("Row 3: Failed (ConnectionFailed) +447700900003: same reason as row 1.", MessageOf(said, Failed(3)));
        }

        [Fact]
        public void AnotherReasonIsSaidInFullAndTheRowsAfterItReferToIt()
        {
            var said = new SameReasonRows();
            MessageOf(said, Failed(1));

            Assert.Equal("Row 2: Failed (CircuitOpen) +447700900002: Not sent: the circuit is open.", MessageOf(said, Failed(2, "CircuitOpen", "Not sent: the circuit is open.")));
            Assert.Equal("Row 3: Failed (CircuitOpen) +447700900003: same reason as row 2.", MessageOf(said, Failed(3, "CircuitOpen", "Not sent: the circuit is open.")));
            // The same words under another code, or another status, are another failure.
            Assert.StartsWith("Row 4: Failed (503) +447700900004: Not sent", MessageOf(said, Failed(4, "503", "Not sent: the circuit is open.")));
        }

        [Fact]
        public void InvalidRowsCompareTheirReasonsWithoutTheirOwnRowNumber()
        {
            var said = new SameReasonRows();
            SendResult Invalid(long row) => new SendResult(MessageChannel.Sms, "", null, SendStatus.Invalid, code: SendErrors.InvalidInputCode,
                reason: "Row " + row + ": To: the row has no destination.", row: row);

            Assert.Equal("Row 7: Invalid: To: the row has no destination.", MessageOf(said, Invalid(7)));
            Assert.Equal("Row 8: Invalid: same reason as row 7.", MessageOf(said, Invalid(8)));
        }

        [Fact]
        public void AResultWithoutAReasonOrARowIsNeverShortened()
        {
            var said = new SameReasonRows();
            Assert.Equal(0, said.EarlierRowFor(Failed(1, reason: "")));
            Assert.Equal(0, said.EarlierRowFor(Failed(2, reason: "")));
            Assert.Equal(0, said.EarlierRowFor(Failed(0)));
            Assert.Equal(0, said.EarlierRowFor(Failed(0)));
        }
    }
}
