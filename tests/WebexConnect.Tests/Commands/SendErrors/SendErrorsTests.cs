using System;
using System.Management.Automation;
using WebexConnect.Messages;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Commands.SendErrors
{
    /// <summary>
    /// The ErrorId and category each unsuccessful result writes. Scripts match on these IDs, so this table
    /// is the contract: change a line only on purpose.
    /// </summary>
    public class SendErrorsTests
    {
        [Theory]
        [InlineData(SendStatus.Invalid, "InvalidInput", "InvalidInput", ErrorCategory.InvalidData)]
        [InlineData(SendStatus.Invalid, "InvalidParameterValue", "InvalidParameterValue", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Invalid, "SubstitutionExpandedByPowerShell", "SubstitutionExpandedByPowerShell", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Rejected, "7041", "InvalidDestination", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Rejected, "7003", "MissingParameter", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Rejected, "7004", "InvalidParameter", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Rejected, "7000", "InvalidRequestBody", ErrorCategory.InvalidData)]
        [InlineData(SendStatus.Rejected, "7001", "AuthenticationFailed", ErrorCategory.AuthenticationError)]
        [InlineData(SendStatus.Rejected, "401", "AuthenticationFailed", ErrorCategory.AuthenticationError)]
        [InlineData(SendStatus.Rejected, "7005", "RequestExpired", ErrorCategory.InvalidOperation)]
        [InlineData(SendStatus.Rejected, "7007", "ServiceInactive", ErrorCategory.ResourceUnavailable)]
        [InlineData(SendStatus.Rejected, "7008", "InactiveProfile", ErrorCategory.ResourceUnavailable)]
        [InlineData(SendStatus.Rejected, "7009", "TooManyDestinations", ErrorCategory.LimitsExceeded)]
        [InlineData(SendStatus.Rejected, "7010", "SourceIpNotAllowed", ErrorCategory.PermissionDenied)]
        [InlineData(SendStatus.Rejected, "7104", "InvalidAppId", ErrorCategory.InvalidArgument)]
        [InlineData(SendStatus.Rejected, "7107", "SmsTooLong", ErrorCategory.LimitsExceeded)]
        [InlineData(SendStatus.Rejected, "7108", "InvalidTemplate", ErrorCategory.ObjectNotFound)]
        [InlineData(SendStatus.Rejected, "9000", "ContactPolicyBlocked", ErrorCategory.PermissionDenied)]
        [InlineData(SendStatus.Rejected, "9010", "ContactPolicyBlocked", ErrorCategory.PermissionDenied)]
        [InlineData(SendStatus.Rejected, "9011", "SendRejected", ErrorCategory.InvalidOperation)]
        [InlineData(SendStatus.Rejected, null, "SendRejected", ErrorCategory.InvalidOperation)]
        [InlineData(SendStatus.Failed, "429", "RateLimited", ErrorCategory.LimitsExceeded)]
        [InlineData(SendStatus.Failed, "7020", "RateLimited", ErrorCategory.LimitsExceeded)]
        [InlineData(SendStatus.Failed, "503", "ServiceUnavailable", ErrorCategory.ResourceUnavailable)]
        [InlineData(SendStatus.Failed, "Cancelled", "SendCancelled", ErrorCategory.OperationStopped)]
        [InlineData(SendStatus.Failed, "ConnectionRefused", "SendFailed", ErrorCategory.ConnectionError)]
        [InlineData(SendStatus.Unknown, "Timeout", "OutcomeUnknown", ErrorCategory.OperationTimeout)]
        [InlineData(SendStatus.Unknown, "502", "OutcomeUnknown", ErrorCategory.ConnectionError)]
        [InlineData(SendStatus.Skipped, "AlreadySent", "SendSkipped", ErrorCategory.ResourceExists)]
        public void EachOutcomeHasAStableErrorIdAndCategory(SendStatus status, string? code, string errorId, ErrorCategory category)
        {
            var result = new SendResult(MessageChannel.Sms, "+447700900001", null, status, code: code, reason: "why");

            Assert.Equal(errorId, WebexConnect.Results.SendErrors.ErrorIdFor(result));
            Assert.Equal(category, WebexConnect.Results.SendErrors.CategoryFor(result));
        }

        [Theory]
        [InlineData(SendStatus.Queued)]
        [InlineData(SendStatus.Scheduled)]
        public void ASuccessHasNoError(SendStatus status)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => WebexConnect.Results.SendErrors.Classify(status, null));
        }

        [Fact]
        public void TheMessageSaysWhichRowWhatHappenedToWhichDestinationAndWhy()
        {
            var result = new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Rejected, code: "7041",
                reason: "Invalid msisdn", row: 7);

            Assert.Equal("Row 7: Rejected (7041) +447700900001: Invalid msisdn", WebexConnect.Results.SendErrors.MessageFor(result));
        }

        [Theory]
        [InlineData(SendStatus.Rejected, "7041")]
        [InlineData(SendStatus.Failed, "503")]
        [InlineData(SendStatus.Unknown, "Timeout")]
        [InlineData(SendStatus.Skipped, "Journal")]
        public void EveryUnsuccessfulResultsMessageStartsWithItsRow(SendStatus status, string code)
        {
            var result = new SendResult(MessageChannel.Sms, "+447700900001", null, status, code: code, reason: "why", row: 50000);

            Assert.StartsWith($"Row 50000: {status} ({code}) +447700900001: why", WebexConnect.Results.SendErrors.MessageFor(result));
        }

        [Fact]
        public void AResultMadeOutsideASendCommandNamesNoRow()
        {
            var result = new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Failed, code: "503", reason: "down");

            Assert.Equal("Failed (503) +447700900001: down", WebexConnect.Results.SendErrors.MessageFor(result));
        }

        [Fact]
        public void AnInvalidRowsMessageStartsWithTheRowAsEveryOtherDoesAndNamesItOnce()
        {
            var result = new SendResult(MessageChannel.Email, "ann@", null, SendStatus.Invalid,
                code: WebexConnect.Results.SendErrors.InvalidInputCode, reason: "Row 3: To[0]: not an email address", row: 3);

            Assert.Equal("Row 3: Invalid ann@: To[0]: not an email address", WebexConnect.Results.SendErrors.MessageFor(result));
        }

        [Fact]
        public void AnInvalidRowWithoutADestinationStartsWithTheRowToo()
        {
            var result = new SendResult(MessageChannel.Sms, "", null, SendStatus.Invalid,
                code: WebexConnect.Results.SendErrors.InvalidInputCode, reason: "Row 12: To: no destination", row: 12);

            Assert.Equal("Row 12: Invalid: To: no destination", WebexConnect.Results.SendErrors.MessageFor(result));
        }

        [Fact]
        public void ARowWithoutADestinationGetsNoEmptyGapBeforeItsReason()
        {
            var result = new SendResult(MessageChannel.Sms, "", null, SendStatus.Invalid,
                code: WebexConnect.Results.SendErrors.InvalidInputCode, reason: "Row 4: To: the destination has no number");

            var message = WebexConnect.Results.SendErrors.MessageFor(result);

            Assert.StartsWith("Invalid: Row 4: To:", message);
            Assert.DoesNotContain("  ", message);
        }

        [Fact]
        public void ADestinationWithALineBreakCannotSplitTheErrorInALog()
        {
            var result = new SendResult(MessageChannel.Email, "ann@example.com\nINFO all rows sent", null, SendStatus.Rejected,
                code: "7004", reason: "Invalid parameter - to");

            var message = WebexConnect.Results.SendErrors.MessageFor(result);

            Assert.DoesNotContain("\n", message);
            Assert.EndsWith(": Invalid parameter - to", message);
        }

        [Fact]
        public void AHugeDestinationIsCutSoTheReasonStaysReadable()
        {
            var result = new SendResult(MessageChannel.Sms, "+" + new string('4', 10000), null, SendStatus.Rejected,
                code: "7041", reason: "Invalid msisdn");

            var message = WebexConnect.Results.SendErrors.MessageFor(result);

            Assert.True(message.Length < 200, "the error echoes the whole 10,000-digit value: " + message.Length + " characters");
            Assert.Contains("10001 characters", message);
            Assert.EndsWith(": Invalid msisdn", message);
        }

        [Theory]
        [InlineData("JournalInUse")]
        [InlineData("JournalUnreadable")]
        [InlineData("JournalWriteFailed")]
        public void AJournalFailureTargetsTheJournalFile(string errorId)
        {
            var session = new object();

            Assert.Equal("/data/run.journal", WebexConnect.Results.SendErrors.TargetForSessionFailure(errorId, session, "/data/run.journal"));
        }

        [Theory]
        [InlineData("AuthenticationFailed", "/data/run.journal")]
        [InlineData("ServiceInactive", null)]
        [InlineData("SourceIpNotAllowed", null)]
        public void ASessionWideFailureTargetsTheSessionThatWasRefused(string errorId, string? journal)
        {
            var session = new object();

            Assert.Same(session, WebexConnect.Results.SendErrors.TargetForSessionFailure(errorId, session, journal));
        }

        [Theory]
        [InlineData("AuthenticationFailed", ErrorCategory.AuthenticationError)]
        [InlineData("ServiceInactive", ErrorCategory.ResourceUnavailable)]
        [InlineData("SourceIpNotAllowed", ErrorCategory.PermissionDenied)]
        [InlineData("CircuitOpen", ErrorCategory.ConnectionError)]
        [InlineData("ProxyRefused", ErrorCategory.ConnectionError)]
        public void SessionFailuresGetAFittingCategory(string errorId, ErrorCategory category)
        {
            Assert.Equal(category, WebexConnect.Results.SendErrors.CategoryForSessionFailure(errorId));
        }

        [Theory]
        [InlineData(SendStatus.Queued, false)]
        [InlineData(SendStatus.Scheduled, false)]
        [InlineData(SendStatus.Skipped, false)]   // a resumed run's point, not a failure: -ErrorAction Stop must not stop on it
        [InlineData(SendStatus.Invalid, true)]
        [InlineData(SendStatus.Rejected, true)]
        [InlineData(SendStatus.Failed, true)]
        [InlineData(SendStatus.Unknown, true)]
        public void Every_status_but_success_and_skipped_goes_to_the_error_stream(SendStatus status, bool isError)
        {
            var result = new SendResult(MessageChannel.Sms, "+447700900001", null, status);

            Assert.Equal(isError, WebexConnect.Results.SendErrors.IsError(result));
        }
    }
}
