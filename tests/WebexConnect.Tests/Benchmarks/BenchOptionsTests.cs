using System;
using WebexConnect.Benchmarks;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Benchmarks
{
    public sealed class BenchOptionsTests
    {
        [Fact]
        public void With_no_arguments_every_scenario_runs_against_the_sandbox()
        {
            var options = BenchOptions.Parse(Array.Empty<string>());

            Assert.True(options.AgainstSandbox);
            Assert.Equal(BenchOptions.AllScenarios, options.Scenarios);
            Assert.Equal(MessageChannel.Sms, options.Channel);
        }

        [Fact]
        public void Scenarios_keep_the_table_order_whatever_order_they_are_asked_in()
        {
            var options = BenchOptions.Parse(new[] { "--scenario", "baseline,rate", "--tps", "750", "--latency-ms", "20", "--channel", "email" });

            Assert.Equal(new[] { "rate", "baseline" }, options.Scenarios);
            Assert.Equal(750, options.Tps);
            Assert.Equal(20, options.LatencyMs);
            Assert.Equal(MessageChannel.Email, options.Channel);
        }

        [Fact]
        public void A_real_endpoint_needs_credentials_and_an_explicit_count_because_it_really_sends()
        {
            Assert.Contains("--count", Assert.Throws<ArgumentException>(() =>
                BenchOptions.Parse(new[] { "--endpoint", "https://api.us.webexconnect.io/", "--service-key", "k", "--tps", "50" })).Message);
            Assert.Contains("--service-key", Assert.Throws<ArgumentException>(() =>
                BenchOptions.Parse(new[] { "--endpoint", "https://api.us.webexconnect.io/", "--count", "10", "--tps", "50" })).Message);
            Assert.Contains("--tps", Assert.Throws<ArgumentException>(() =>
                BenchOptions.Parse(new[] { "--endpoint", "https://api.us.webexconnect.io/", "--service-key", "k", "--count", "10" })).Message);
        }

        [Fact]
        public void The_full_messages_url_is_accepted_as_an_endpoint()
        {
            var options = BenchOptions.Parse(new[] { "--endpoint", "https://api.eu.webexconnect.io/v2/messages", "--service-key", "k", "--count", "5", "--tps", "50" });

            Assert.Equal(new Uri("https://api.eu.webexconnect.io/"), options.Endpoint);
        }

        [Theory]
        [InlineData("--tps", "0")]
        [InlineData("--count", "-3")]
        [InlineData("--channel", "fax")]
        [InlineData("--scenario", "everything")]
        [InlineData("--frobnicate", "1")]
        public void Bad_values_are_refused_with_the_option_named(string option, string value)
        {
            var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(new[] { option, value }));

            Assert.True(error.Message.Contains(option, StringComparison.Ordinal) || error.Message.Contains(value, StringComparison.Ordinal), error.Message);
        }

        [Fact]
        public void Service_id_and_secret_go_together()
        {
            Assert.Throws<ArgumentException>(() => BenchOptions.Parse(new[] { "--service-id", "svc" }));
        }
    }
}
