using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Transport;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>Runs the failure paths and scans every message and reason they produce for credentials.</summary>
    public class SecretLeakTests
    {
        private static readonly string ServiceSecret = Convert.ToBase64String(Encoding.ASCII.GetBytes("secret-bytes-that-must-not-leak!"));

        [Fact]
        public async Task NoCredentialAppearsInAnyExceptionOrReason()
        {
            var texts = new List<string>();
            var tokens = new List<string>();

            async Task Run(Action<ScriptedServer> script, IRequestCredential? credential = null, TransportOptions? options = null)
            {
                await using var server = await ScriptedServer.StartAsync();
                script(server);
                try
                {
                    var outcome = await NewTransport(server.BaseUri, new RecordingGate(), options ?? FastOptions(maxAttempts: 2), credential)
                        .SendAsync(Batch(Numbers(2)), CancellationToken.None);
                    texts.AddRange(outcome.PerRecipient.Select(o => o.Reason + " " + o.Code + " " + o.MessageId));
                }
                catch (Exception ex)
                {
                    texts.Add(ex.ToString());
                }

                foreach (var request in server.Received)
                {
                    var auth = request.Header("Authorization");
                    if (auth is not null) tokens.Add(auth.Substring("Bearer ".Length));
                }
            }

            IRequestCredential Jwt() => new JwtCredential(new TokenProvider("svc", Secure(ServiceSecret), clock: new ManualClock { Tick = TimeSpan.FromSeconds(1) }));

            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 401, null));
            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 401, null), Jwt());
            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 400, ScriptedServer.Error("7004", "Invalid parameter - sendAt")), Jwt());
            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 500, "<html>oops</html>", "text/html"));
            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 429, null));
            await Run(s => s.ThenDrop(), Jwt());
            await Run(s => s.ThenDelay(TimeSpan.FromSeconds(20)), options: FastOptions(timeout: TimeSpan.FromMilliseconds(300)));
            await Run(s => s.Fallback = (c, _) => ScriptedServer.Reply(c, 400, ScriptedServer.Error("7010", "IP not allowed")));
            texts.Add(Assert.Throws<ArgumentException>(() => new JwtFactory().Create("svc", Secure("%%" + ServiceKey), null)).ToString());

            Assert.NotEmpty(tokens);
            var secrets = new[] { ServiceKey, ServiceSecret, Encoding.ASCII.GetString(Convert.FromBase64String(ServiceSecret)) }.Concat(tokens).ToArray();
            foreach (var text in texts)
            {
                foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
            }

            // Every token's signature is the secret-dependent part: it must not appear on its own either.
            foreach (var text in texts)
            {
                foreach (var token in tokens) Assert.DoesNotContain(token.Split('.')[2], text);
            }
        }
    }
}
