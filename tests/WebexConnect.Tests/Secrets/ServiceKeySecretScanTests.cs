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
    /// <summary>Reliability item 4 with a service key (see <see cref="SecretScenario"/>).</summary>
    public class ServiceKeySecretScanTests
    {
        [Fact]
        public async Task A_service_key_session_through_every_fault_shows_the_key_nowhere()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = ServiceKey, Tps = 1000 });
            await using var tap = WireTap.To(host.BaseUri);
            var scan = new LeakScanner().SecretKey("service key", ServiceKey);
            var session = Connect(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Secure(ServiceKey), BaseUri = tap.BaseUri, Tps = 10 });
            var journals = JournalFolder();
            try
            {
                var runs = SendThroughFaults(session, host.Server, jwt: false, journals);
                // A key cannot be renewed: a 401 ends the run with a session failure.
                host.Server.Faults.Enqueue(SandboxFault.Status(401));
                var refused = Send(session.Engine, 3);

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

            // The key did travel, so not finding it elsewhere means something.
            Assert.Equal(new[] { ServiceKey }, tap.KeyHeaders);
            scan.AssertNoSecretAppears();
        }

        [Fact]
        public async Task A_wrong_service_key_is_refused_without_showing_either_key()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = ServiceKey, Tps = 1000 });
            await using var tap = WireTap.To(host.BaseUri);
            var scan = new LeakScanner().SecretKey("right key", ServiceKey).SecretKey("wrong key", WrongKey);
            var session = Connect(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Secure(WrongKey), BaseUri = tap.BaseUri, Tps = 10 });
            try
            {
                var run = Send(session.Engine, Rows());

                Assert.Equal("AuthenticationFailed", Assert.IsType<SessionFailureException>(run.Failure).ErrorId);
                Collect(scan, "wrong key", run);
                CollectSession(scan, session, host);
            }
            finally
            {
                session.Close();
            }

            Assert.Equal(new[] { WrongKey }, tap.KeyHeaders);
            scan.AssertNoSecretAppears();
        }

    }
}
