using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Composition;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Diagnostics.EngineDiagnosticsTests;
using static WebexConnect.Tests.Diagnostics.EngineRun;

namespace WebexConnect.Tests.Diagnostics
{
    /// <summary>
    /// The line a run's -Verbose ends with on what limited its pace: real runs of the wired engine against the sandbox on a
    /// loopback port, each held back by one thing. They assert the reason named, never a time: the machine may be slow.
    /// </summary>
    public class RunPaceTests
    {
        private static (PaceLimit? Limit, string? Line) Verdict(EngineRun run)
        {
            Assert.True(run.Failure is null, run.Failure?.ToString());
            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            var pace = new RunPace();
            return (pace.LimitOf(run.Pace!), pace.Line("Send SMS", "Send-ConnectSms", run.Pace!));
        }

        [Fact]
        public async Task A_low_tps_names_the_budget_and_where_it_came_from()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, 20);

            // 60 rows at 20 a second: three seconds' worth, of which the first 20 go at once.
            var (limit, line) = Verdict(Send(session, 60));

            Assert.Equal(PaceLimit.Budget, limit);
            Assert.Matches(@"^Send SMS: limited by the TPS: 20 destinations a second \(-Tps 20\); \d+\.\d of \d+\.\d s waiting for it\.$", line);
        }

        [Fact]
        public async Task A_rate_the_service_announced_is_named_as_its_own()
        {
            // No -Tps: the sandbox announces its 100 a second in x-rate-limit-limit, and 300 rows wait for it.
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 100 });
            using var session = Open(host, null);

            var (limit, line) = Verdict(Send(session, 300));

            Assert.Equal(PaceLimit.Budget, limit);
            Assert.StartsWith("Send SMS: limited by the TPS: 100 destinations a second (announced by the service: x-rate-limit-limit); ", line);
        }

        [Fact]
        public async Task A_slow_answering_service_names_its_answer_time()
        {
            // Every answer takes 1.5 s; the TPS allows the rows many times over.
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000, Latency = TimeSpan.FromSeconds(1.5) });
            using var session = Open(host, 1000);

            var (limit, line) = Verdict(Send(session, 40));

            Assert.Equal(PaceLimit.Answers, limit);
            Assert.Matches(@"^Send SMS: limited by the service's answers: \d+\.\d\d s each on average; \d+\.\d of \d+\.\d s waiting for them\.$", line);
        }

        [Fact]
        public async Task Every_request_slot_taken_by_slow_answers_is_said()
        {
            // Rows of many texts make one request each; two at once, each answered in 0.6 s, hold the others back.
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000, Latency = TimeSpan.FromSeconds(0.6) });
            using var session = Open(host, 1000);
            var rows = Enumerable.Range(1, 6).Select(Person);
            var run = SendEach(session, rows, new DispatchOptions { MaxConcurrentRequests = 2 });

            var (limit, line) = Verdict(run);

            Assert.Equal(PaceLimit.Answers, limit);
            Assert.Contains(" each on average (2 requests out at once, the most); ", line);
        }

        [Fact]
        public async Task Rows_that_come_slowly_name_the_input()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, 1000);

            // A ForEach-Object that takes 40 ms to make each row: 1.6 s for 40 rows, which the service takes at once.
            var (limit, line) = Verdict(Send(session, Slowly(Enumerable.Range(1, 40).Select(Person), TimeSpan.FromMilliseconds(40))));

            Assert.Equal(PaceLimit.Input, limit);
            Assert.Matches(@"^Send SMS: limited by the input: \d+\.\d of \d+\.\d s waiting for rows from the commands before Send-ConnectSms\.$", line);
        }

        [Fact]
        public async Task A_retry_after_wait_names_the_retries()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            host.Server.Faults.Enqueue(SandboxFault.Status(429, "2"));
            using var session = Open(host, 100);

            var (limit, line) = Verdict(Send(session, 3));

            Assert.Equal(PaceLimit.Retries, limit);
            Assert.Matches(@"^Send SMS: limited by retries: 1 request sent again \(the lines above say why\); \d+\.\d of \d+\.\d s waiting to send again\.$", line);
        }

        [Fact]
        public void Time_spent_on_confirm_questions_is_not_blamed_on_the_input()
        {
            // The engine sees a question as time between rows: 3.5 s of it, of which the admin took 3 s to answer.
            var measured = new DispatchPace { Elapsed = TimeSpan.FromSeconds(4), BetweenRows = TimeSpan.FromSeconds(3.5), OnAnswers = TimeSpan.FromSeconds(0.4) };
            var pace = new RunPace();
            Assert.Equal(PaceLimit.Input, pace.LimitOf(measured));

            pace.Asked(Stopwatch.GetTimestamp() - 3 * Stopwatch.Frequency);

            Assert.Equal(PaceLimit.Questions, pace.LimitOf(measured));
            Assert.Equal("Send SMS: limited by -Confirm's questions: 3.0 of 4.0 s waiting for answers.", pace.Line("Send SMS", "Send-ConnectSms", measured));
        }

        [Fact]
        public void A_run_under_a_second_says_nothing_of_its_pace()
        {
            var measured = new DispatchPace { Elapsed = TimeSpan.FromMilliseconds(900), OnTheBudget = TimeSpan.FromMilliseconds(800) };
            Assert.Null(new RunPace().Line("Send SMS", "Send-ConnectSms", measured));
        }

        [Fact]
        public void A_long_run_at_under_half_its_tps_warns_of_what_held_it_back()
        {
            // 10,000 destinations in 240 s at -Tps 100: 42 a second, a scheduled task's log with no -Verbose.
            var slowService = new DispatchPace
            {
                Elapsed = TimeSpan.FromSeconds(240), Destinations = 10_000, Tps = 100, Budget = "100 destinations a second (-Tps 100)",
                OnAnswers = TimeSpan.FromSeconds(230), AverageAnswer = TimeSpan.FromSeconds(2.1), ReachedMaxConcurrent = true, MaxConcurrentRequests = 16,
            };

            Assert.Equal("Send SMS: 10,000 destinations in 240.0 s, under half the pace of 100 a second the TPS allows: limited by the service's answers: " +
                "2.10 s each on average (16 requests out at once, the most); 230.0 of 240.0 s waiting for them.",
                new RunPace().Warning("Send SMS", "Send-ConnectSms", slowService));
            var slowRows = new DispatchPace { Elapsed = TimeSpan.FromSeconds(240), Destinations = 10_000, Tps = 100, BetweenRows = TimeSpan.FromSeconds(200) };
            Assert.EndsWith(": limited by the input: 200.0 of 240.0 s waiting for rows from the commands before Send-ConnectSms.",
                new RunPace().Warning("Send SMS", "Send-ConnectSms", slowRows));
        }

        [Fact]
        public void No_warning_for_a_run_the_tps_held_back_nor_a_short_or_fast_enough_one()
        {
            var byTheBudget = new DispatchPace { Elapsed = TimeSpan.FromSeconds(240), Destinations = 2_400, Tps = 100, OnTheBudget = TimeSpan.FromSeconds(200) };
            var underAMinute = new DispatchPace { Elapsed = TimeSpan.FromSeconds(50), Destinations = 10, Tps = 100, OnAnswers = TimeSpan.FromSeconds(45) };
            var halfTheTps = new DispatchPace { Elapsed = TimeSpan.FromSeconds(100), Destinations = 5_000, Tps = 100, OnAnswers = TimeSpan.FromSeconds(90) };
            var pace = new RunPace();

            Assert.Null(pace.Warning("Send SMS", "Send-ConnectSms", byTheBudget));
            Assert.Null(pace.Warning("Send SMS", "Send-ConnectSms", underAMinute));
            Assert.Null(pace.Warning("Send SMS", "Send-ConnectSms", halfTheTps));
            // The verbose line still says what limited them.
            Assert.StartsWith("Send SMS: limited by the service's answers: ", pace.Line("Send SMS", "Send-ConnectSms", halfTheTps));
        }

        private static IEnumerable<Recipient> Slowly(IEnumerable<Recipient> rows, TimeSpan each)
        {
            foreach (var row in rows)
            {
                Thread.Sleep(each);
                yield return row;
            }
        }

        /// <summary>Each row with a text of its own: one request per row.</summary>
        private static EngineRun SendEach(IEngineSession session, IEnumerable<Recipient> rows, DispatchOptions options) =>
            Send(session, rows, options, messageOf: r => new SmsMessage { From = "ACME", Text = "Code for " + r.Addresses[0] });
    }
}
