using System;
using System.IO;
using WebexConnect.Engine;
using WebexConnect.Net472Smoke;
using Xunit;

namespace WebexConnect.Tests.Net472Smoke
{
    /// <summary>
    /// The net472 smoke run (under Mono or .NET Framework) compares its -PayloadOnly JSON with a fixture; this is
    /// where the fixture's truth comes from: the same input rendered by the net8.0 engine, through the same seam.
    /// </summary>
    public class SmokePayloadFixtureTests
    {
        private static readonly string FixturePath =
            Path.Combine(RepoPaths.Root, "tests", "WebexConnect.Net472Smoke", "Fixtures", SmokeSamples.PayloadFixtureName);

        [Fact]
        public void The_smoke_fixture_is_what_the_net8_engine_renders_for_the_smoke_input()
        {
            var rendered = new ConnectEngine().RenderPayload(SmokeSamples.PayloadSms, new[] { SmokeSamples.PayloadRecipient });

            // Set WEBEXCONNECT_UPDATE_SMOKE_FIXTURE=1 once after an intended change of the wire format.
            if (Environment.GetEnvironmentVariable("WEBEXCONNECT_UPDATE_SMOKE_FIXTURE") == "1")
                File.WriteAllText(FixturePath, SmokeSamples.NormaliseNewLines(rendered) + "\n");

            Assert.Equal(SmokeSamples.NormaliseNewLines(File.ReadAllText(FixturePath)), SmokeSamples.NormaliseNewLines(rendered));
        }

        [Fact]
        public void The_smoke_input_exercises_substitutions_and_escaping()
        {
            var rendered = new ConnectEngine().RenderPayload(SmokeSamples.PayloadSms, new[] { SmokeSamples.PayloadRecipient });

            // If these stop holding, the fixture no longer covers what differs between encoders and runtimes.
            Assert.Contains("\"Name\": \"Person 7\"", rendered);
            Assert.Contains("\"City\": \"\u0141\u00f3d\u017a\"", rendered);
            Assert.Contains("\\\"thanks\\\"", rendered);
            Assert.Contains("\"type\": \"unicode\"", rendered);
        }
    }
}
