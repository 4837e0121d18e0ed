using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using WebexConnect.Tests.Diagnostics;
using Xunit;
using static WebexConnect.Tests.Diagnostics.EngineRun;
using static WebexConnect.Tests.Secrets.SecretScenario;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Secrets
{
    /// <summary>Reliability item 4 with JWTs minted from the service secret (see <see cref="SecretScenario"/>).</summary>
    public class JwtSecretScanTests
    {
        // Answered at once, the session sends whole seconds of its TPS a request; answered in 150 ms, as a busy machine answers
        // even a loopback sandbox, its first answer is slow and it sends tenths: one row a request at TPS 10. Both must hide
        // every credential (under load the second came by chance, and the scenario's counts assumed the first).
        [Theory]
        [InlineData(0)]
        [InlineData(150)]
        public async Task A_jwt_session_through_every_fault_and_a_renewal_shows_neither_the_secret_nor_any_token(int answerMilliseconds)
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions
                { ServiceId = ServiceId, ServiceSecret = ServiceSecret, Tps = 1000, Latency = TimeSpan.FromMilliseconds(answerMilliseconds) });
            await using var tap = WireTap.To(host.BaseUri);
            var scan = new LeakScanner().SecretBase64("service secret", ServiceSecret);
            var session = Connect(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt, ServiceId = ServiceId, ServiceSecret = Secure(ServiceSecret), BaseUri = tap.BaseUri, Tps = 10,
            });
            var journals = JournalFolder();
            try
            {
                var runs = SendThroughFaults(session, host.Server, jwt: true, journals);
                // Refused again after a fresh token: the run ends with a session failure. One row, so one request meets both
                // 401s: rows in requests of their own (a busy machine's slow first answer makes them tenths of the TPS) would
                // each meet one, renew and be taken.
                host.Server.Faults.Enqueue(SandboxFault.Status(401));
                host.Server.Faults.Enqueue(SandboxFault.Status(401));
                var refused = Send(session.Engine, 1);

                Assert.Contains(runs[0].Diagnostics, d => d.Message.Contains("renewing the token"));
                Assert.Equal("AuthenticationFailed", Assert.IsType<SessionFailureException>(refused.Failure).ErrorId);
                for (var i = 0; i < runs.Count; i++) Collect(scan, "run " + i, runs[i]);
                Collect(scan, "refused", refused);
                CollectSession(scan, session, host);
                CollectJournals(scan, journals);
            }
            finally
            {
                session.Close();
                Directory.Delete(journals, recursive: true);
            }

            Assert.NotEmpty(tap.BearerTokens);
            Assert.Empty(tap.KeyHeaders);
            foreach (var token in tap.BearerTokens) scan.SecretJwt("JWT from the wire", token);
            scan.AssertNoSecretAppears();
        }

        [Fact]
        public async Task A_wrong_secret_is_refused_without_showing_either_secret_or_the_tokens_it_signed()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceId = ServiceId, ServiceSecret = ServiceSecret, Tps = 1000 });
            await using var tap = WireTap.To(host.BaseUri);
            var scan = new LeakScanner().SecretBase64("right secret", ServiceSecret).SecretBase64("wrong secret", WrongSecret);
            var session = Connect(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt, ServiceId = ServiceId, ServiceSecret = Secure(WrongSecret), BaseUri = tap.BaseUri, Tps = 10,
            });
            try
            {
                var run = Send(session.Engine, Rows());

                Assert.Equal("AuthenticationFailed", Assert.IsType<SessionFailureException>(run.Failure).ErrorId);
                Collect(scan, "wrong secret", run);
                CollectSession(scan, session, host);
            }
            finally
            {
                session.Close();
            }

            Assert.NotEmpty(tap.BearerTokens);
            foreach (var token in tap.BearerTokens) scan.SecretJwt("JWT from the wire", token);
            scan.AssertNoSecretAppears();
        }

        [Fact]
        public void New_ConnectJwt_shows_its_token_by_design_but_never_the_secret_that_signed_it()
        {
            var engine = new ConnectEngine();
            var jwt = engine.CreateJwt(ServiceId, Secure(ServiceSecret), TimeSpan.FromMinutes(10));
            var scan = new LeakScanner().SecretBase64("service secret", ServiceSecret);
            scan.Object("ConnectJwt", jwt);

            // Its string form is the header value, which is what the cmdlet is for.
            Assert.Equal("Bearer " + jwt.Token, jwt.ToString());
            scan.AssertNoSecretAppears();

            // A session opened with the same secret shows none of it, nor a token signed with it.
            var session = Connect(new ConnectionSettings { AuthMode = ConnectAuthMode.Jwt, ServiceId = ServiceId, ServiceSecret = Secure(ServiceSecret) });
            try
            {
                var view = new LeakScanner().SecretBase64("service secret", ServiceSecret).SecretJwt("a JWT of the service", jwt.Token);
                view.Object("session", session);
                view.Text("Connect-WebexConnect -Verbose", ConnectionDiagnostics.Describe(session));
                view.AssertNoSecretAppears();
            }
            finally
            {
                session.Close();
            }
        }

    }
}
