using System;
using WebexConnect.Engine.Auth;
using WebexConnect.Tests.Transport;
using Xunit;

namespace WebexConnect.Tests.Auth
{
    public class TokenProviderTests
    {
        private static TokenProvider Provider(ManualClock clock) =>
            new("svc", TestSecrets.Secure(Convert.ToBase64String(new byte[32])), TimeSpan.FromMinutes(60), clock);

        [Fact]
        public void ReusesTheToken_WhileItHasMoreThanFiveMinutesLeft()
        {
            var clock = new ManualClock();
            var tokens = Provider(clock);
            var first = tokens.Current;

            clock.Now += TimeSpan.FromMinutes(50);

            Assert.Same(first, tokens.Current);
        }

        [Fact]
        public void ReplacesTheToken_WhenLessThanFiveMinutesAreLeft()
        {
            var clock = new ManualClock();
            var tokens = Provider(clock);
            var first = tokens.Current;

            clock.Now += TimeSpan.FromMinutes(56);
            var second = tokens.Current;

            Assert.NotSame(first, second);
            Assert.True(second.ExpiresAt > first.ExpiresAt);
        }

        [Fact]
        public void RefreshAfterARejection_MintsOnce_EvenWhenSeveralRequestsReportTheSameToken()
        {
            var clock = new ManualClock { Tick = TimeSpan.FromSeconds(1) };
            var tokens = Provider(clock);
            var rejected = tokens.Current;

            var renewed = tokens.Refresh(rejected);
            var again = tokens.Refresh(rejected);

            Assert.NotSame(rejected, renewed);
            Assert.NotEqual(rejected.Token, renewed.Token);
            Assert.Same(renewed, again);
            Assert.Same(renewed, tokens.Current);
        }
    }
}
