using System;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Session
{
    /// <summary>
    /// A session remembers that the Messaging API refused its credential, so that the next calls of a script's loop make no
    /// request (CredentialRefusal): which failures it remembers, for how long, and what clears it.
    /// </summary>
    public class CredentialRefusalTests
    {
        private static readonly DateTimeOffset Refused = new DateTimeOffset(2026, 12, 7, 21, 55, 3, TimeSpan.Zero);

        private static ConnectSession KeySession() => ConnectSession.Open(new FakeConnectEngine(), new ConnectionSettings
        {
            BaseUri = new Uri("https://api.eu.webexconnect.io/"),
            AuthMode = ConnectAuthMode.ServiceKey,
        }, Refused.AddMinutes(-1));

        private static SessionFailureException ApiRefusal() =>
            new SessionFailureException("AuthenticationFailed", "The service refused the credentials (HTTP 401 code 7001: Unauthorized). Check ...", "7001")
            {
                RefusedByService = true,
                SessionRefusedWith = "HTTP 401 code 7001: Unauthorized",
            };

        [Fact]
        public void TheApisRefusalHoldsFiveMinutesThenTheNextCallAsksAgain()
        {
            var session = KeySession();
            session.Remember(ApiRefusal(), Refused);

            Assert.NotNull(session.RefusedAt(Refused.AddMinutes(4.9)));
            // A credential put right in Webex Connect (a service enabled again) is not refused by this computer for ever.
            Assert.Null(session.RefusedAt(Refused.AddMinutes(5)));
            // A clock set back is no reason to ask again at once.
            Assert.NotNull(session.RefusedAt(Refused.AddMinutes(-10)));
        }

        [Fact]
        public void AProxysRefusalPageAndAJournalFailureAreNotRemembered()
        {
            // The page of a proxy or firewall never checked the credential; a full disk says nothing of it either.
            var session = KeySession();
            session.Remember(new SessionFailureException("AuthenticationFailed", "The request was refused, but not by the Messaging API", "WebPage")
            { RefusedByService = true }, Refused);
            session.Remember(new SessionFailureException("JournalWriteFailed", "The journal could not be written"), Refused);

            Assert.Null(session.RefusedAt(Refused));
        }

        [Fact]
        public void APipedRunsSecondMeetingKeepsTheTimeOfTheFirstAndTestWebexConnectClearsOrRenewsIt()
        {
            var session = KeySession();
            session.Remember(ApiRefusal(), Refused);
            session.Remember(ApiRefusal(), Refused.AddSeconds(30));
            Assert.Equal(Refused, session.RefusedAt(Refused.AddSeconds(31))!.At);

            session.Accepted();
            Assert.Null(session.RefusedAt(Refused.AddSeconds(32)));

            session.Refused("HTTP 403", Refused.AddMinutes(1));
            Assert.Equal("HTTP 403", session.RefusedAt(Refused.AddMinutes(2))!.Answer);
        }

        [Fact]
        public void ALaterCallsErrorFitsTwoLinesAndItsRowsSayWhenAndWhatTheServiceAnswered()
        {
            var refusal = new CredentialRefusal(Refused, "HTTP 401 code 7001: Unauthorized");

            var failure = refusal.Failure(ConnectAuthMode.ServiceKey);
            Assert.Equal("AuthenticationFailed", failure.ErrorId);
            Assert.Equal("Not sent: the service refused this session's service key at 21:55:03 UTC; no request was made. " +
                "Run Connect-WebexConnect with a working key.", failure.Message);
            // The error view of an 80-column console wraps its message at 73: two lines.
            Assert.True(failure.Message.Length <= 146, failure.Message);
            // Not remembered again as a new refusal: no request left.
            Assert.Null(failure.SessionRefusedWith);
            Assert.Equal("Not sent: the service refused this session's service key at 21:55:03 UTC (HTTP 401 code 7001: Unauthorized), so no " +
                "request was made. Safe to send again once Connect-WebexConnect has a working service key.", failure.RowReason);

            var jwt = refusal.Failure(ConnectAuthMode.Jwt);
            Assert.Contains("refused this session's tokens at 21:55:03 UTC", jwt.Message);
            Assert.EndsWith("with a working secret.", jwt.Message);
            Assert.Contains("has a working service ID and secret.", jwt.RowReason);
            Assert.StartsWith("Not looked up: the service refused this session's service key at 21:55:03 UTC;", refusal.LookupMessage(ConnectAuthMode.ServiceKey));
        }

        [Theory]
        [InlineData("ServiceInactive", "7007", "HTTP 400 code 7007: Service inactive")]
        [InlineData("SourceIpNotAllowed", "7010", "HTTP 403 code 7010: Source IP not allowed")]
        public void AnInactiveServiceOrABlockedAddressIsRememberedUnderItsOwnErrorIdAndTestWebexConnectClearsIt(string errorId, string code, string answer)
        {
            // Before, only a refused credential was remembered: a loop on a stopped tenant sent one refused request a row.
            var session = KeySession();
            session.Remember(new SessionFailureException(errorId, "The service ...", code) { RefusedByService = true, SessionRefusedWith = answer }, Refused);

            var refusal = session.RefusedAt(Refused.AddMinutes(4.9))!;
            Assert.Equal(errorId, refusal.ErrorId);
            Assert.Equal(answer, refusal.Answer);
            Assert.Null(session.RefusedAt(Refused.AddMinutes(5)));

            session.Remember(new SessionFailureException(errorId, "The service ...", code) { RefusedByService = true, SessionRefusedWith = answer }, Refused);
            session.Accepted();
            Assert.Null(session.RefusedAt(Refused.AddSeconds(1)));
        }

        [Fact]
        public void ALaterCallOnAnInactiveServiceSaysToActivateItAndKeepsServiceInactive()
        {
            var refusal = new CredentialRefusal(Refused, "HTTP 400 code 7007: Service inactive", "ServiceInactive");

            var failure = refusal.Failure(ConnectAuthMode.ServiceKey);
            Assert.Equal("ServiceInactive", failure.ErrorId);
            Assert.Equal("Not sent: the service said at 21:55:03 UTC it is inactive; no request was made. Activate it in Webex Connect, " +
                "then run Test-WebexConnect.", failure.Message);
            Assert.True(refusal.LookupMessage(ConnectAuthMode.Jwt).Length <= 146, refusal.LookupMessage(ConnectAuthMode.Jwt));
            Assert.Null(failure.SessionRefusedWith);
            Assert.Equal("Not sent: the service answered at 21:55:03 UTC that it is inactive (HTTP 400 code 7007: Service inactive), so no " +
                "request was made. Safe to send again once the service is activated in Webex Connect.", failure.RowReason);
            // Nothing of a credential: the key was not what the service refused.
            Assert.DoesNotContain("key", failure.Message + failure.RowReason, StringComparison.Ordinal);
        }

        [Fact]
        public void ALaterCallFromABlockedAddressSaysToAddThisComputersPublicIpAndKeepsSourceIpNotAllowed()
        {
            var refusal = new CredentialRefusal(Refused, "HTTP 403 code 7010: Source IP not allowed", "SourceIpNotAllowed");

            var failure = refusal.Failure(ConnectAuthMode.Jwt);
            Assert.Equal("SourceIpNotAllowed", failure.ErrorId);
            Assert.Equal("Not sent: the service refused this computer's IP at 21:55:03 UTC; no request was made. Add its public IP to " +
                "the allow-list in Webex Connect.", failure.Message);
            Assert.True(refusal.LookupMessage(ConnectAuthMode.Jwt).Length <= 146, refusal.LookupMessage(ConnectAuthMode.Jwt));
            Assert.Equal("Not sent: the service refused this computer's IP address at 21:55:03 UTC (HTTP 403 code 7010: Source IP not " +
                "allowed), so no request was made. Safe to send again once this computer's public IP address is on the service's " +
                "allow-list in Webex Connect.", failure.RowReason);
            Assert.DoesNotContain("secret", failure.Message + failure.RowReason, StringComparison.Ordinal);
        }
    }
}
