using System;
using System.Linq;
using System.Security;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Session.Secrets;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Session
{
    /// <summary>The session object a user sees, and the process-wide current session. Serial: SessionState is global.</summary>
    [Collection(SessionStateCollection.Name)]
    public class ConnectSessionTests : IDisposable
    {
        private readonly FakeConnectEngine _engine = new FakeConnectEngine();

        public ConnectSessionTests() => SessionState.Clear();

        public void Dispose() => SessionState.Clear();

        private ConnectSession Open(ConnectionSettings settings) => ConnectSession.Open(_engine, settings, DateTimeOffset.Now);

        private static ConnectionSettings Jwt() => new ConnectionSettings
        {
            BaseUri = new Uri("https://api.eu.webexconnect.io/"),
            Region = "eu",
            AuthMode = ConnectAuthMode.Jwt,
            ServiceId = "svc-7",
            ServiceSecret = Secure("c2VjcmV0LXNob3VsZC1uZXZlci1zaG93"),
            Tps = 50,
        };

        [Fact]
        public void ASendResultNamesItsSessionWhileOpenAndKeepsNothingOfItOnceClosed()
        {
            // Before: the result held the session itself, so $r kept a closed session alive, engine and sandbox log with it
            // (100 bytes more per kept result of the pwsh benchmark's sandbox run).
            var result = new SendResult(Messages.MessageChannel.Sms, "+447700900001", null, SendStatus.Queued);
            var session = MarkedAndClosed(result, out var open);

            Assert.True(open);
            Assert.Null(result.SentThrough);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(session.IsAlive);
            GC.KeepAlive(result);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private WeakReference MarkedAndClosed(SendResult result, out bool namedWhileOpen)
        {
            var session = Open(Jwt());
            result.MarkSentThrough(session);
            namedWhileOpen = ReferenceEquals(session, result.SentThrough);
            session.Close();
            return new WeakReference(session);
        }

        [Fact]
        public void OpenHandsTheSettingsToTheEngineAndShowsWhereAndHow()
        {
            var settings = Jwt();
            var before = DateTimeOffset.Now;
            var session = Open(settings);
            Assert.Same(settings, Assert.Single(_engine.Opened));
            Assert.Same(_engine, session.EngineHost);
            Assert.Same(_engine.Sessions[0], session.Engine);
            Assert.Equal("eu", session.Region);
            Assert.Equal(ConnectAuthMode.Jwt, session.AuthMode);
            Assert.Equal("svc-7", session.ServiceId);
            Assert.Equal(50, session.Tps);
            Assert.False(session.IsSandbox);
            Assert.InRange(session.ConnectedAt, before, DateTimeOffset.Now);
        }

        [Fact]
        public void NoPublicPropertyOrToStringCarriesASecret()
        {
            var keySession = Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Secure("key-should-never-show") });
            var jwtSession = Open(Jwt());
            foreach (var session in new[] { keySession, jwtSession })
            {
                var props = typeof(ConnectSession).GetProperties();
                Assert.DoesNotContain(props, p => p.PropertyType == typeof(SecureString) || p.PropertyType == typeof(ConnectionSettings));
                var text = string.Join("|", props.Select(p => Convert.ToString(p.GetValue(session)))) + "|" + session;
                Assert.DoesNotContain("key-should-never-show", text);
                Assert.DoesNotContain("c2VjcmV0LXNob3VsZC1uZXZlci1zaG93", text);
            }
        }

        [Fact]
        public void TheSessionTypeIsPublicSealedAndReadOnly()
        {
            var type = typeof(ConnectSession);
            Assert.True(type.IsPublic && type.IsSealed);
            Assert.All(type.GetProperties(), p => Assert.Null(p.GetSetMethod()));
            Assert.Empty(type.GetConstructors()); // only the module creates sessions
        }

        [Fact]
        public void ConnectingAgainClosesThePreviousSession()
        {
            var first = Open(Jwt());
            var second = Open(Jwt());
            SessionState.Replace(first);
            SessionState.Replace(second);
            Assert.Same(second, SessionState.Current);
            Assert.True(first.IsClosed);
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
            Assert.Equal(0, _engine.Sessions[1].DisposeCount);
        }

        [Fact]
        public void ASessionClosedByAReplacementSaysSoAndHowToKeepOne()
        {
            var first = Open(Jwt());
            SessionState.Replace(first);
            SessionState.Replace(Open(Jwt()));
            var error = Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(first, SessionState.Current));
            Assert.Equal("SessionClosed", error.ErrorId);
            Assert.Contains("replaced", error.Message);
            Assert.Contains("-PassThru", error.Message);
        }

        [Fact]
        public void AKeptSessionStaysOpenWhenReplaced_UntilItIsDisconnectedByName()
        {
            // $a = Connect-WebexConnect ... -PassThru; $b = Connect-WebexConnect ... -PassThru: two tenants in one script.
            var a = Open(Jwt());
            SessionState.Replace(a);
            SessionState.Keep(a);
            var b = Open(Jwt());
            SessionState.Replace(b);
            SessionState.Keep(b);

            Assert.Same(b, SessionState.Current);
            Assert.Same(a, ConnectionResolver.SelectSession(a, SessionState.Current));
            Assert.Equal(0, _engine.Sessions[0].DisposeCount);

            // Disconnect-WebexConnect -Session $a: closes that one and leaves the current one alone.
            Assert.True(SessionState.Close(a));
            Assert.False(SessionState.Close(a));
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
            Assert.Same(b, SessionState.Current);
            Assert.Contains("Disconnect-WebexConnect",
                Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(a, b)).Message);

            // Disconnect-WebexConnect -Session $b, the current one: forgets it too.
            Assert.True(SessionState.Close(b));
            Assert.Null(SessionState.Current);
        }

        [Fact]
        public void RemovingTheModuleClosesTheCurrentAndEveryKeptSession()
        {
            var kept = Open(Jwt());
            SessionState.Replace(kept);
            SessionState.Keep(kept);
            var current = Open(Jwt());
            SessionState.Replace(current);

            Assert.Same(current, SessionState.CloseAll());
            Assert.Null(SessionState.Current);
            Assert.True(kept.IsClosed && current.IsClosed);
            Assert.Contains("module was removed",
                Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(kept, null)).Message);
        }

        [Fact]
        public void DisconnectForgetsAndClosesOnce_AndIsQuietWhenNotConnected()
        {
            var session = Open(Jwt());
            SessionState.Replace(session);
            Assert.Same(session, SessionState.Clear());
            Assert.Null(SessionState.Current);
            Assert.Null(SessionState.Clear());
            session.Close();
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
        }

        [Fact]
        public void DisconnectingWhileASendRunsElsewhere_KeepsItsConnectionUntilTheSendEnds()
        {
            // Disconnect-WebexConnect in one runspace while ForEach-Object -Parallel or a thread job still sends.
            var session = Open(Jwt());
            SessionState.Replace(session);
            Assert.True(session.TryBeginSend());

            Assert.Same(session, SessionState.Clear());
            Assert.True(session.IsClosed);
            Assert.Equal(0, _engine.Sessions[0].DisposeCount);

            session.EndSend();
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
        }

        [Fact]
        public void ConnectingAgainWhileTwoSendsRun_ReleasesTheOldConnectionWithTheLastOfThem()
        {
            var first = Open(Jwt());
            SessionState.Replace(first);
            Assert.True(first.TryBeginSend());
            Assert.True(first.TryBeginSend());

            SessionState.Replace(Open(Jwt()));
            first.EndSend();
            Assert.Equal(0, _engine.Sessions[0].DisposeCount);
            first.EndSend();
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
        }

        [Fact]
        public void AClosedSessionAdmitsNoNewSend_AndIsReleasedOnce()
        {
            var session = Open(Jwt());
            session.Close();
            Assert.False(session.TryBeginSend());
            session.Close();
            Assert.Equal(1, _engine.Sessions[0].DisposeCount);
            Assert.Throws<InvalidOperationException>(() => session.EndSend());
        }

        [Fact]
        public void AnOpenSessionStaysOpenAfterItsSendsEnd()
        {
            var session = Open(Jwt());
            Assert.True(session.TryBeginSend());
            session.EndSend();
            Assert.False(session.IsClosed);
            Assert.Equal(0, _engine.Sessions[0].DisposeCount);
        }

        [Fact]
        public void SendsUseTheExplicitSessionFirst_ThenTheCurrentOne()
        {
            var explicitSession = Open(Jwt());
            var current = Open(Jwt());
            Assert.Same(explicitSession, ConnectionResolver.SelectSession(explicitSession, current));
            Assert.Same(current, ConnectionResolver.SelectSession(null, current));
        }

        [Fact]
        public void NotConnectedAndClosedSessionsAreRefusedWithStableIds()
        {
            Assert.Equal("NotConnected", Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(null, null)).ErrorId);
            var closed = Open(Jwt());
            closed.Close();
            Assert.Equal("SessionClosed", Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(closed, null)).ErrorId);
        }

        [Fact]
        public void NotConnectedSaysHowToConnectOrWhichSessionToGive()
        {
            // Send cmdlets and Get-ConnectSandboxRequest give this same error: one wording for one situation.
            var message = Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.SelectSession(null, null)).Message;

            Assert.Contains("Connect-WebexConnect -Sandbox", message);
            Assert.Contains("-Session", message);
            Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, ConnectionResolver.NotConnected().Category);
        }

        [Fact]
        public void ASandboxSessionSaysSo()
        {
            var session = Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, BaseUri = ConnectionResolver.SandboxBaseUri });
            Assert.True(session.IsSandbox);
            Assert.Equal("Webex Connect sandbox", session.ToString());
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SessionStateCollection
    {
        /// <summary>Every test class that touches the process-wide SessionState joins this collection.</summary>
        public const string Name = "SessionState";
    }
}
