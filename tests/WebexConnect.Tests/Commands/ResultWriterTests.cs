using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using WebexConnect.Commands;
using WebexConnect.Messages;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// What the send cmdlets write when an action preference ends the command part-way. The fake streams throw what
    /// a real host throws: under -ErrorAction Stop (or -WarningAction Stop) every WriteError (WriteWarning) throws
    /// PipelineStoppedException into the cmdlet while Stopping stays false; WriteObject goes on working.
    /// </summary>
    public class ResultWriterTests
    {
        private sealed class HostStreams : IResultStreams
        {
            public bool ErrorActionStop { get; set; }
            public bool WarningActionStop { get; set; }
            public int WarningsPending { get; set; }
            public bool PipelineStopping { get; set; }
            public List<SendResult> Outputs { get; } = new List<SendResult>();
            public List<SendResult> Errors { get; } = new List<SendResult>();
            public List<object?> ErrorTargets { get; } = new List<object?>();
            public List<string> Verbose { get; } = new List<string>();
            public int Warnings { get; private set; }
            public int CompletedProgress { get; private set; }

            public void Output(SendResult result)
            {
                if (PipelineStopping) throw new PipelineStoppedException();
                Outputs.Add(result);
            }

            public void Error(SendResult result)
            {
                if (PipelineStopping || ErrorActionStop) throw new PipelineStoppedException();
                Errors.Add(result);
                ErrorTargets.Add(result.InputObject);
            }

            void IResultStreams.Verbose(string text) => Verbose.Add(text);

            public void Diagnostics()
            {
                if (WarningsPending == 0) return;
                WarningsPending--;
                if (WarningActionStop) throw new PipelineStoppedException();
                Warnings++;
            }

            public void Progress(bool completed)
            {
                if (completed) CompletedProgress++;
            }

            public List<string> Summaries { get; } = new List<string>();

            public void Summary(string stoppedBy) => Summaries.Add(stoppedBy);

            public List<string> StoppedAt { get; } = new List<string>();

            public void StoppedAtRow(long row, string errorId) => StoppedAt.Add(row.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + errorId);

            public void StoppedBeforeRow(long row, string stoppedBy) => StoppedAt.Add("before " + row.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + stoppedBy);

            // The stop a downstream command made is said after the errors written so far: how many there were then.
            public List<int> StoppedDownstreamAfterErrors { get; } = new List<int>();

            public void StoppedDownstream() => StoppedDownstreamAfterErrors.Add(Errors.Count);
        }

        private static SendResult Result(int row, SendStatus status) =>
            new SendResult(MessageChannel.Sms, "+4477009000" + row.ToString("00", System.Globalization.CultureInfo.InvariantCulture), null, status,
                code: status == SendStatus.Queued ? null : "1002", reason: status.ToString(), sequence: row);

        private static ResultWriter Writer(HostStreams streams, Action? cancel = null) => new ResultWriter(streams, cancel ?? (() => { }));

        [Fact]
        public void A_written_result_lets_go_of_its_input_row_after_its_error_named_the_row()
        {
            var streams = new HostStreams();
            var rows = new[] { new object(), new object() };
            var results = new[]
            {
                new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, inputObject: rows[0], sequence: 1, row: 1),
                new SendResult(MessageChannel.Sms, "+447700900002", null, SendStatus.Failed, code: "1002", inputObject: rows[1], sequence: 2, row: 2),
            };

            using var writer = Writer(streams);
            writer.Write(results);

            // The error record's TargetObject is the row; the result an admin keeps ($r = ...) holds no row.
            Assert.Same(rows[1], Assert.Single(streams.ErrorTargets));
            Assert.All(streams.Outputs, r => Assert.Null(r.InputObject));
        }

        [Fact]
        public void An_ErrorAction_Stop_at_one_result_still_outputs_every_later_result_without_more_errors()
        {
            var streams = new HostStreams { ErrorActionStop = true };
            var results = new[] { Result(1, SendStatus.Queued), Result(2, SendStatus.Failed), Result(3, SendStatus.Queued), Result(4, SendStatus.Rejected) };
            using var writer = Writer(streams);

            writer.Write(results);

            Assert.True(writer.Stopped);
            Assert.Equal(new long[] { 1, 2, 3, 4 }, streams.Outputs.Select(r => r.Sequence));
            Assert.Empty(streams.Errors);
        }

        [Fact]
        public void Without_a_stop_each_unsuccessful_result_writes_its_error_and_a_skipped_one_a_verbose_line()
        {
            var streams = new HostStreams();
            using var writer = Writer(streams);

            writer.Write(new[] { Result(1, SendStatus.Failed), Result(2, SendStatus.Skipped), Result(3, SendStatus.Invalid), Result(4, SendStatus.Queued) });

            Assert.False(writer.Stopped);
            Assert.Equal(new long[] { 1, 3 }, streams.Errors.Select(r => r.Sequence));
            Assert.Single(streams.Verbose);
        }

        [Fact]
        public void An_invalid_result_whose_error_the_cmdlet_wrote_when_it_read_the_row_is_not_reported_twice()
        {
            var streams = new HostStreams();
            using var writer = new ResultWriter(streams, () => { }, invalidErrorsWrittenWhenRead: true);

            writer.Write(new[] { Result(1, SendStatus.Failed), Result(2, SendStatus.Invalid) });

            Assert.Equal(new long[] { 1, 2 }, streams.Outputs.Select(r => r.Sequence));
            Assert.Equal(new long[] { 1 }, streams.Errors.Select(r => r.Sequence));
        }

        [Fact]
        public void Under_ErrorAction_Stop_an_invalid_result_is_written_before_its_error_ends_the_command()
        {
            var streams = new HostStreams { ErrorActionStop = true };
            using var writer = Writer(streams);

            writer.Write(new[] { Result(1, SendStatus.Queued), Result(2, SendStatus.Invalid), Result(3, SendStatus.Queued) });

            Assert.True(writer.Stopped);
            Assert.Equal(new long[] { 1, 2, 3 }, streams.Outputs.Select(r => r.Sequence));
        }

        [Fact]
        public void Under_ErrorAction_Stop_a_later_rows_error_does_not_take_the_place_of_the_failure_that_stopped_the_run()
        {
            // Row 1's request was refused with the key (RunStopped, no error of its own: AuthenticationFailed follows);
            // row 2's own error would end the command first, and the caller's catch would see an Invalid row.
            var streams = new HostStreams { ErrorActionStop = true };
            using var writer = new ResultWriter(streams, () => { }, errorsStopTheCommand: true);
            var stopped = new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Failed, code: WebexConnect.Results.SendErrors.RunStoppedCode, reason: "Not accepted", sequence: 1);

            writer.Write(new[] { stopped, Result(2, SendStatus.Invalid), Result(3, SendStatus.Unknown) });

            Assert.False(writer.Stopped);
            Assert.Equal(new long[] { 1, 2, 3 }, streams.Outputs.Select(r => r.Sequence));
        }

        [Fact]
        public void Without_a_stop_a_later_rows_error_after_the_run_failed_is_still_written()
        {
            var streams = new HostStreams();
            using var writer = new ResultWriter(streams, () => { }, errorsStopTheCommand: false);
            var stopped = new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Failed, code: WebexConnect.Results.SendErrors.RunStoppedCode, reason: "Not accepted", sequence: 1);

            writer.Write(new[] { stopped, Result(2, SendStatus.Invalid) });

            Assert.Equal(new long[] { 2 }, streams.Errors.Select(r => r.Sequence));
        }

        [Fact]
        public void Finishing_a_stopped_run_writes_the_rest_removes_the_bar_sums_it_up_and_ends_with_the_hosts_own_stop()
        {
            var streams = new HostStreams { ErrorActionStop = true };
            using var writer = Writer(streams);
            writer.Write(new[] { Result(1, SendStatus.Failed) });

            var ended = Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(new[] { Result(2, SendStatus.Queued), Result(3, SendStatus.Unknown) }));

            Assert.Equal(new long[] { 1, 2, 3 }, streams.Outputs.Select(r => r.Sequence));
            Assert.Equal(1, streams.CompletedProgress);
            Assert.NotNull(ended);
            // The summary after every result, naming the error that stopped the run.
            Assert.Equal(new[] { "SendFailed" }, streams.Summaries);
        }

        [Fact]
        public void A_row_error_that_stops_the_command_before_the_input_ended_names_its_row_after_the_summary()
        {
            // Without -Verbose the summary is not shown: the warning is what tells a log that rows after it were not read.
            var streams = new HostStreams { ErrorActionStop = true };
            using var writer = Writer(streams);
            var invalid = new SendResult(MessageChannel.Sms, "nope", null, SendStatus.Invalid, code: "InvalidInput", reason: "Row 5: To: ...", sequence: 5, row: 5);
            writer.Write(new[] { Result(4, SendStatus.Queued), invalid });

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(new[] { Result(6, SendStatus.Queued) }));

            Assert.Equal(new[] { "5 InvalidInput" }, streams.StoppedAt);
        }

        [Fact]
        public void A_row_error_that_stops_the_command_after_the_last_row_was_read_warns_of_no_unread_rows()
        {
            var streams = new HostStreams { ErrorActionStop = true };
            using var writer = Writer(streams);
            var invalid = new SendResult(MessageChannel.Sms, "nope", null, SendStatus.Invalid, code: "InvalidInput", reason: "Row 5: To: ...", sequence: 5, row: 5);
            writer.Write(new[] { invalid });

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(Array.Empty<SendResult>(), inputEnded: true));

            Assert.Empty(streams.StoppedAt);
            Assert.Single(streams.Summaries);
        }

        [Fact]
        public void A_stop_that_came_before_a_row_was_sent_names_that_row_after_the_summary()
        {
            // -Confirm under -NonInteractive: before, the rows after the question were said unsent only in the verbose summary.
            var streams = new HostStreams { WarningActionStop = true, WarningsPending = 1 };
            using var writer = Writer(streams);
            writer.Write(new[] { Result(1, SendStatus.Queued) });
            writer.StoppedBefore(2, "-WarningAction Stop");

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(Array.Empty<SendResult>()));

            Assert.Equal(new[] { "before 2 -WarningAction Stop" }, streams.StoppedAt);
        }

        [Fact]
        public void A_bare_stop_inside_a_question_is_not_the_question_s_and_names_no_row()
        {
            // Select-Object -First after -Verbose 4>&1 stops the command inside -Confirm's verbose line: a bare stop, not a refusal.
            var streams = new HostStreams { WarningActionStop = true, WarningsPending = 1 };
            using var writer = Writer(streams);
            writer.Write(new[] { Result(1, SendStatus.Queued) });
            writer.StoppedBefore(2, preference: null);

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(Array.Empty<SendResult>()));

            Assert.Empty(streams.StoppedAt);
        }

        [Fact]
        public void A_stop_that_came_before_a_row_was_sent_says_nothing_when_every_row_was_read()
        {
            var streams = new HostStreams { WarningActionStop = true, WarningsPending = 1 };
            using var writer = Writer(streams);
            writer.Write(new[] { Result(1, SendStatus.Queued) });
            writer.StoppedBefore(2, "-WarningAction Stop");

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(Array.Empty<SendResult>(), inputEnded: true));

            Assert.Empty(streams.StoppedAt);
        }

        [Fact]
        public void A_stop_no_rows_error_raised_names_no_row()
        {
            var streams = new HostStreams { WarningActionStop = true, WarningsPending = 1 };
            using var writer = Writer(streams);
            writer.Write(new[] { Result(1, SendStatus.Queued) });

            Assert.Throws<PipelineStoppedException>(() => writer.FinishStopped(Array.Empty<SendResult>()));

            Assert.Empty(streams.StoppedAt);
        }

        [Fact]
        public void A_warning_that_stops_the_command_loses_no_result_already_in_hand()
        {
            var streams = new HostStreams { WarningActionStop = true, WarningsPending = 1 };
            using var writer = Writer(streams);

            writer.Write(new[] { Result(1, SendStatus.Queued), Result(2, SendStatus.Queued) });

            Assert.True(writer.Stopped);
            Assert.Equal(2, streams.Outputs.Count);
        }

        [Fact]
        public void Ctrl_C_is_not_taken_for_a_preference_stop_and_ends_the_writing_at_once()
        {
            var streams = new HostStreams { PipelineStopping = true };
            using var writer = Writer(streams);

            Assert.Throws<PipelineStoppedException>(() => writer.Write(new[] { Result(1, SendStatus.Failed), Result(2, SendStatus.Queued) }));

            Assert.False(writer.Stopped);
            Assert.Empty(streams.Outputs);
        }

        [Fact]
        public void What_WriteObject_throws_is_never_swallowed()
        {
            // Select-Object -First ends the command through WriteObject; so does Ctrl+C.
            var streams = new HostStreams();
            var writer = new ResultWriter(new ThrowingOutput(streams), () => { });

            Assert.Throws<PipelineStoppedException>(() => writer.Write(new[] { Result(1, SendStatus.Queued), Result(2, SendStatus.Queued) }));
            Assert.False(writer.Stopped);
        }

        [Fact]
        public void A_result_the_downstream_command_takes_before_it_stops_the_pipeline_still_has_its_error_written()
        {
            // Select-Object -First 1 took row 1 (Invalid) and stopped the pipeline in WriteObject: before, its error was
            // never written, and $Error and -ErrorVariable had nothing of it. Row 2 is never reached.
            var streams = new HostStreams();
            var writer = new ResultWriter(new ThrowingOutput(streams), () => { });

            Assert.Throws<PipelineStoppedException>(() => writer.Write(new[] { Result(1, SendStatus.Invalid), Result(2, SendStatus.Failed) }));

            Assert.Equal(new long[] { 1 }, streams.Errors.Select(r => r.Sequence));
            Assert.False(writer.Stopped);
            // The warning of the stop comes once, after row 1's error: before, it stood between the row and its error.
            Assert.Equal(new[] { 1 }, streams.StoppedDownstreamAfterErrors);
        }

        [Fact]
        public void A_downstream_stop_at_a_result_without_an_error_is_said_too()
        {
            var streams = new HostStreams();
            var writer = new ResultWriter(new ThrowingOutput(streams), () => { });

            Assert.Throws<PipelineStoppedException>(() => writer.Write(new[] { Result(1, SendStatus.Queued), Result(2, SendStatus.Queued) }));

            Assert.Equal(new[] { 0 }, streams.StoppedDownstreamAfterErrors);
        }

        [Fact]
        public void Ctrl_C_while_a_stopped_run_waits_for_its_last_requests_cancels_the_sending()
        {
            // After a preference stop PowerShell does not call StopProcessing on Ctrl+C; the writer must notice.
            var streams = new HostStreams { ErrorActionStop = true };
            using var cancelled = new ManualResetEventSlim();
            using var writer = Writer(streams, cancelled.Set);
            writer.Write(new[] { Result(1, SendStatus.Failed) });

            IEnumerable<SendResult> InFlight()
            {
                streams.PipelineStopping = true;
                if (!cancelled.Wait(TimeSpan.FromSeconds(30))) yield return Result(2, SendStatus.Queued);
                throw new OperationCanceledException();
            }

            Assert.Throws<OperationCanceledException>(() => writer.FinishStopped(InFlight()));
            Assert.True(cancelled.IsSet);
        }

        [Fact]
        public void Nothing_is_cancelled_while_the_pipeline_runs_on()
        {
            var streams = new HostStreams { ErrorActionStop = true };
            var cancels = 0;
            using var writer = Writer(streams, () => Interlocked.Increment(ref cancels));
            writer.Write(new[] { Result(1, SendStatus.Failed) });

            Thread.Sleep(ResultWriter.WatchInterval + ResultWriter.WatchInterval + ResultWriter.WatchInterval);

            Assert.Equal(0, Volatile.Read(ref cancels));
        }

        private sealed class ThrowingOutput : IResultStreams
        {
            private readonly HostStreams _inner;

            public ThrowingOutput(HostStreams inner) => _inner = inner;

            public bool PipelineStopping => false;

            public void Output(SendResult result) => throw new PipelineStoppedException();

            public void Error(SendResult result) => _inner.Error(result);

            public void Verbose(string text) => ((IResultStreams)_inner).Verbose(text);

            public void Diagnostics() => _inner.Diagnostics();

            public void Progress(bool completed) => _inner.Progress(completed);

            public void Summary(string stoppedBy) => _inner.Summary(stoppedBy);

            public void StoppedAtRow(long row, string errorId) => _inner.StoppedAtRow(row, errorId);

            public void StoppedBeforeRow(long row, string stoppedBy) => _inner.StoppedBeforeRow(row, stoppedBy);

            public void StoppedDownstream() => _inner.StoppedDownstream();
        }
    }
}
