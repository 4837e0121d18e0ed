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
                CredentialRefusedWith = "HTTP 401 code 7001: Unauthorized",
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
            Assert.Null(failure.CredentialRefusedWith);
            Assert.Equal("Not sent: the service refused this session's service key at 21:55:03 UTC (HTTP 401 code 7001: Unauthorized), so no " +
                "request was made. Safe to send again once Connect-WebexConnect has a working service key.", failure.RowReason);

            var jwt = refusal.Failure(ConnectAuthMode.Jwt);
            Assert.Contains("refused this session's tokens at 21:55:03 UTC", jwt.Message);
            Assert.EndsWith("with a working secret.", jwt.Message);
            Assert.Contains("has a working service ID and secret.", jwt.RowReason);
            Assert.StartsWith("Not looked up: the service refused this session's service key at 21:55:03 UTC;", refusal.LookupMessage(ConnectAuthMode.ServiceKey));
        }
    }
}
