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

namespace WebexConnect.Tests.Secrets
{
    /// <summary>The scanner itself must be able to fail.</summary>
    public class LeakScannerTests
    {
        [Fact]
        public void The_scan_finds_a_planted_secret_in_any_form()
        {
            var token = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzdmMifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(ServiceSecret));
            foreach (var planted in new[] { ServiceKey, ServiceSecret, decoded, "sig=" + token.Split('.')[2], "Bearer " + token })
            {
                var scan = new LeakScanner().SecretKey("service key", ServiceKey).SecretBase64("service secret", ServiceSecret).SecretJwt("JWT", token);
                scan.Text("clean", "Batch 1: 3 SMS destinations sent.");
                scan.Exception("planted", new InvalidOperationException("outer", new SessionFailureException("AuthenticationFailed", "refused " + planted)));

                var failure = Assert.ThrowsAny<Exception>(() => scan.AssertNoSecretAppears());
                Assert.Contains("planted", failure.Message);
                Assert.DoesNotContain(planted, failure.Message);
            }
        }
    }
}
