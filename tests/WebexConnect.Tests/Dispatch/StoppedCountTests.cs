using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Composition;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// What a stopped run (Ctrl+C, a downstream Select-Object -First) knows of the rows it read and gave no result: before,
    /// every row handed to the transport counted as "may have gone", those still waiting at the rate gate included.
    /// </summary>
    public class StoppedCountTests
    {
        [Fact]
        public void Rows_still_waiting_at_the_rate_gate_count_as_not_sent_and_only_requests_that_left_as_may_have_gone()
        {
            // Batch 1 answered, batch 2 on its way (Unknown when stopped), batch 3 stopped at the gate, row 7 in an open batch.
            var transport = new StagedTransport();
            using var dispatcher = new Dispatcher(transport, new OpenGate(2), TestShapes.Of, Items.Options(), CancellationToken.None, Items.NoLinger);
            for (var row = 1; row <= 7; row++) dispatcher.Add(Items.Person(row) with { Row = row });
            Assert.True(SpinWait.SpinUntil(() => transport.Waiting == 2, TimeSpan.FromSeconds(10)), "batches 2 and 3 not out");
            Assert.True(SpinWait.SpinUntil(() => dispatcher.Progress.Completed == 2, TimeSpan.FromSeconds(10)), "batch 1 not answered");

            var rows = dispatcher.StopAndCount(TimeSpan.FromSeconds(10));

            Assert.Equal((2, 2, 3), (rows.Sent, rows.MayHaveGone, rows.NotSent));
            // Which rows went, for the end warnings that count them (the copies warning): not those stopped at the gate.
            Assert.Equal(new long[] { 1, 2, 3, 4 }, rows.RowsThatWent.OrderBy(row => row));
            // The stop lets nothing more leave.
            Assert.Equal(3, transport.Started);
        }

        [Fact]
        public void A_request_still_out_at_the_deadline_counts_as_may_have_gone()
        {
            var transport = new StagedTransport { IgnoresTheStop = true };
            using var dispatcher = new Dispatcher(transport, new OpenGate(2), TestShapes.Of, Items.Options(), CancellationToken.None, Items.NoLinger);
            for (var row = 1; row <= 4; row++) dispatcher.Add(Items.Person(row));
            Assert.True(SpinWait.SpinUntil(() => transport.Waiting == 1 && dispatcher.Progress.Completed == 2, TimeSpan.FromSeconds(10)));

            var rows = dispatcher.StopAndCount(TimeSpan.FromMilliseconds(100));

            Assert.Equal((2, 2, 0), (rows.Sent, rows.MayHaveGone, rows.NotSent));
            transport.Release.Set();
        }

        [Fact]
        public void A_request_that_ignores_its_cancellation_holds_the_stop_up_once_for_the_count_and_the_dispose_together()
        {
            // Before: the count waited its second for it, then Dispose another of its own, so Ctrl+C took two seconds.
            var transport = new StagedTransport { IgnoresTheStop = true };
            var dispatcher = new Dispatcher(transport, new OpenGate(2), TestShapes.Of, Items.Options(), CancellationToken.None, Items.NoLinger);
            try
            {
                for (var row = 1; row <= 4; row++) dispatcher.Add(Items.Person(row));
                Assert.True(SpinWait.SpinUntil(() => transport.Waiting == 1 && dispatcher.Progress.Completed == 2, TimeSpan.FromSeconds(10)));
                var counting = System.Diagnostics.Stopwatch.StartNew();
                var rows = dispatcher.StopAndCount(TimeSpan.FromSeconds(1));
                counting.Stop();

                var disposing = System.Diagnostics.Stopwatch.StartNew();
                dispatcher.Dispose();
                disposing.Stop();

                // The count waited its second and counted the request still out; Dispose did not wait a second again.
                Assert.Equal((2, 2, 0), (rows.Sent, rows.MayHaveGone, rows.NotSent));
                Assert.True(counting.Elapsed >= TimeSpan.FromSeconds(0.9), "the count waited " + counting.Elapsed);
                // A second of its own would be 1 s or more; a loaded machine takes a good part of a second without it.
                Assert.True(disposing.Elapsed < TimeSpan.FromSeconds(0.9), "Dispose waited " + disposing.Elapsed);
            }
            finally
            {
                transport.Release.Set();
                dispatcher.Dispose();
            }
        }

        [Fact]
        public void Dispose_without_a_count_still_gives_a_request_that_ignores_its_cancellation_its_moment()
        {
            var transport = new StagedTransport { IgnoresTheStop = true };
            var dispatcher = new Dispatcher(transport, new OpenGate(2), TestShapes.Of, Items.Options(), CancellationToken.None, Items.NoLinger);
            try
            {
                for (var row = 1; row <= 4; row++) dispatcher.Add(Items.Person(row));
                Assert.True(SpinWait.SpinUntil(() => transport.Waiting == 1 && dispatcher.Progress.Completed == 2, TimeSpan.FromSeconds(10)));
                var clock = System.Diagnostics.Stopwatch.StartNew();

                dispatcher.Dispose();

                Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), "Dispose waited " + clock.Elapsed);
            }
            finally
            {
                transport.Release.Set();
            }
        }

        [Fact]
        public void Results_Complete_took_together_and_had_not_handed_over_yet_count_as_sent()
        {
            // 5 rows | Send-ConnectSms | Select-Object -First 1: one request answered all 5, and the stop came while the first
            // result was written. Before, the other 4 were neither held nor written, and the warning said "none was sent".
            var transport = new FakeTransport();
            using var dispatcher = new Dispatcher(transport, new OpenGate(10), TestShapes.Of, Items.Options(), CancellationToken.None, Items.NoLinger);
            for (var row = 1; row <= 5; row++) dispatcher.Add(Items.Person(row));
            using var results = dispatcher.Complete().GetEnumerator();
            Assert.True(results.MoveNext());
            Assert.Equal(SendStatus.Queued, results.Current.Status);
            Assert.Equal(1, transport.Calls);

            var rows = dispatcher.StopAndCount(TimeSpan.FromSeconds(1));

            Assert.Equal((4, 0, 0), (rows.Sent, rows.MayHaveGone, rows.NotSent));
        }

        [Theory]
        [InlineData(false, "A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 5, so rows 6-40 (35 rows) get no result: " +
            "5 were sent, 10 may have been sent (their requests left, and no answer came back), 20 were not sent. " +
            "The journal '/j' records which went: run the same command with it again to send only the rows it did not send (a row that may have been sent comes back Unknown, and goes again only with -ResendUnknown).")]
        [InlineData(true, "Send-ConnectSms was stopped (Ctrl+C, Stop-Job or the end of its task) after the result of row 5, so rows 6-40 (35 rows) get no result: " +
            "5 were sent, 10 may have been sent (their requests left, and no answer came back), 20 were not sent. " +
            "Nothing records which of these 35 rows went: give -Journal to a run that may be cut short, so that running it again sends only what it did not send.")]
        public void The_warning_says_how_many_rows_went_may_have_gone_and_were_not_sent(bool ctrlC, string expected)
        {
            var rows = new StoppedRows();
            rows.Add(SendStatus.Queued, 5);
            rows.Add(SendStatus.Unknown, 4);
            for (var row = 10; row < 16; row++) rows.AddOnItsWay(row);
            rows.AddNeverLeft(3);
            // 17 rows the run never handed over (read while the stop came) are not sent either.

            Assert.Equal(expected, StoppedRun.Warning("Send-ConnectSms", !ctrlC, 5, 40, rows, ctrlC ? null : "/j"));
        }

        [Fact]
        public void Rows_that_all_went_are_not_said_to_be_unknown_without_a_journal()
        {
            // Before: "all were sent. Nothing records which of these 4 rows went": the run knew; a second send is what to avoid.
            var rows = new StoppedRows();
            rows.Add(SendStatus.Queued, 4);

            Assert.Equal("A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 1, so rows 2-5 (4 rows) " +
                "get no result: all were sent. Sending them again sends each a second time: give -Journal to a run that may be cut short, so that " +
                "running it again sends only what it did not send.", StoppedRun.Warning("Send-ConnectSms", true, 1, 5, rows, null));
        }

        [Fact]
        public void The_held_first_row_s_error_says_the_second_row_was_read_and_not_sent()
        {
            // $a, $b | Send-ConnectSms -From X -ErrorAction Stop, only $b with a Text property: row 2 was read while row 1 was
            // held (HeldFirstRow), and row 1's error ended the command before row 2 was handled. Before, nothing named row 2.
            Assert.Equal("Send-ConnectSms ended at the error of row 1 (InvalidInput): row 1 has its result, row 2 was read and not sent, and any " +
                "rows the input had after row 2 were not read, so not sent. Nothing records which rows went: running the command again sends " +
                "row 1 again. Give -Journal to a run that may stop part-way, so that running it again sends only the rows it did not send.",
                StoppedRun.AtRowError("Send-ConnectSms", 1, "InvalidInput", 1, null, readNotSent: 2));
            Assert.StartsWith("Send-ConnectSms ended at the error of row 5 (InvalidInput): the 5 rows it read have their results, and any rows the input had after row 5 were",
                StoppedRun.AtRowError("Send-ConnectSms", 5, "InvalidInput", 5, null));
        }

        [Fact]
        public void A_stop_at_an_Unknown_row_with_a_journal_says_a_re_run_stops_there_again_and_how_to_go_on()
        {
            // A re-run after a crash, under $ErrorActionPreference = 'Stop': the journal keeps row 3 Unknown, so "Correct row 3,
            // then run the same command with the journal again" sent the admin round the same stop every night.
            var warning = StoppedRun.AtRowError("Send-ConnectSms", 3, "OutcomeUnknown", 3, "/jobs/sms.journal");

            Assert.EndsWith("were not read, so not sent. Row 3 may have been sent, so the journal '/jobs/sms.journal' keeps it Unknown and the same " +
                "command run again stops at row 3 again. Check the delivery reports for the rows left Unknown, then run the same command with " +
                "-ErrorAction Continue, which leaves them Unknown and sends the others, or with -ResendUnknown, which sends them again too " +
                "(they may arrive twice). Either way the rows it sent are Skipped.", warning);
            Assert.DoesNotContain("Correct row", warning);
            // A row that can be corrected keeps its advice.
            Assert.Contains("Correct row 3, then run the same command with the journal '/jobs/sms.journal' again",
                StoppedRun.AtRowError("Send-ConnectSms", 3, "InvalidInput", 3, "/jobs/sms.journal"));
        }

        [Theory]
        [InlineData("SendFailed")]
        [InlineData("ServiceUnavailable")]
        [InlineData("RateLimited")]
        public void A_stop_at_a_row_the_service_was_not_reached_for_says_there_is_nothing_in_it_to_correct(string errorId)
        {
            // The service down under $ErrorActionPreference = 'Stop': before, "Correct row 1, then run ..." sent the admin
            // looking in a row that was right.
            var warning = StoppedRun.AtRowError("Send-ConnectSms", 1, errorId, 1, "/jobs/sms.journal");

            Assert.EndsWith("were not read, so not sent. Row 1 was not sent because the service could not be reached or was busy, not for " +
                "anything in it: once the service answers, run the same command with the journal '/jobs/sms.journal' again: the rows it sent " +
                "are Skipped, and the others are sent.", warning);
            Assert.DoesNotContain("Correct row", warning);
        }

        [Fact]
        public void A_question_no_one_answered_at_a_row_says_that_row_and_those_after_it_were_not_sent()
        {
            Assert.Equal("Send-ConnectSms ended before sending row 1 (PromptWithoutInput): nothing was sent, and any rows the input had after row 1 " +
                "were not read, so not sent. Running the command again sends them all.",
                StoppedRun.BeforeRow("Send-ConnectSms", 1, "PromptWithoutInput", null));
            Assert.Equal("Send-ConnectSms ended before sending row 4 (PromptWithoutInput): rows 1-3 have their results, row 4 was not sent, and any " +
                "rows the input had after row 4 were not read, so not sent. Nothing records which rows went: running the command again sends rows 1-3 " +
                "again. Give -Journal to a run that may stop part-way, so that running it again sends only the rows it did not send.",
                StoppedRun.BeforeRow("Send-ConnectSms", 4, "PromptWithoutInput", null));
            Assert.EndsWith("row 2 was not sent, and any rows the input had after row 2 were not read, so not sent. Run the same command with the " +
                "journal '/j' again: the rows it sent are Skipped, and the others are sent.",
                StoppedRun.BeforeRow("Send-ConnectSms", 2, "PromptWithoutInput", "/j"));
        }

        [Fact]
        public void A_stop_before_any_row_left_says_none_was_sent_and_nothing_when_every_row_has_its_result()
        {
            Assert.Equal("Send-ConnectSms was stopped (Ctrl+C, Stop-Job or the end of its task) before its first result, so rows 1-3 (3 rows) get no result: none was sent. " +
                "Give -Journal to a run that may be cut short, so that running it again sends only what it did not send.",
                StoppedRun.Warning("Send-ConnectSms", false, 0, 3, new StoppedRows(), null));
            Assert.Null(StoppedRun.Warning("Send-ConnectSms", false, 3, 3, new StoppedRows(), null));
        }

        /// <summary>Batch 1 answers at once; later batches wait until stopped: batch 2 as a request on its way, the rest at the gate.</summary>
        private sealed class StagedTransport : IBatchTransport
        {
            private int _started;
            private int _waiting;

            public bool IgnoresTheStop { get; set; }

            public ManualResetEventSlim Release { get; } = new ManualResetEventSlim();

            public int Started => Volatile.Read(ref _started);

            public int Waiting => Volatile.Read(ref _waiting);

            public async Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _started);
                if (batch.Number == 1) return Outcome(batch, SendStatus.Queued);
                Interlocked.Increment(ref _waiting);
                if (IgnoresTheStop)
                {
                    await Task.Run(() => Release.Wait(TimeSpan.FromSeconds(30)));
                    return Outcome(batch, SendStatus.Queued);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException cancelled)
                {
                    if (batch.Number == 2) return Outcome(batch, SendStatus.Unknown);
                    throw new BatchNeverSentException(cancelled);
                }

                throw new InvalidOperationException("unreachable");
            }

            private static BatchOutcome Outcome(OutgoingBatch batch, SendStatus status) =>
                new BatchOutcome(batch.Recipients.Select(_ => new DestinationOutcome { Status = status, Attempts = 1 }).ToArray());
        }
    }
}
