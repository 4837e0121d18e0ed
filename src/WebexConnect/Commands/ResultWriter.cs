using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>The cmdlet's Write methods, as <see cref="ResultWriter"/> uses them; PowerShell's in a real host.</summary>
    internal interface IResultStreams
    {
        /// <summary>WriteObject.</summary>
        void Output(SendResult result);

        /// <summary>WriteError with the result's non-terminating error.</summary>
        void Error(SendResult result);

        /// <summary>WriteVerbose.</summary>
        void Verbose(string text);

        /// <summary>What the engine had to say since the last call (WriteVerbose, WriteDebug, WriteWarning).</summary>
        void Diagnostics();

        /// <summary>WriteProgress when a redraw is due, or the record that removes the bar when <paramref name="completed"/>.</summary>
        void Progress(bool completed);

        /// <summary>WriteVerbose with the line the run ends with, saying that <paramref name="stoppedBy"/> (an ErrorId) stopped it.</summary>
        void Summary(string stoppedBy);

        /// <summary>
        /// WriteWarning that the error of <paramref name="row"/> (<paramref name="errorId"/>) ended the command before its input
        /// did, and what became of the rows after it (StoppedRun).
        /// </summary>
        void StoppedAtRow(long row, string errorId);

        /// <summary>
        /// WriteWarning that a stop other than a row's error (<paramref name="stoppedBy"/>, an ErrorId) ended the command at
        /// <paramref name="row"/>, read and not sent, and what became of the rows before and after it (StoppedRun).
        /// </summary>
        void StoppedBeforeRow(long row, string stoppedBy);

        /// <summary>
        /// WriteWarning that a command after this one (Select-Object -First) stopped the pipeline, and what became of the rows
        /// read without a result (StoppedRun); once per run. Said after the last result's own error.
        /// </summary>
        void StoppedDownstream();

        /// <summary>The cmdlet's Stopping: Ctrl+C or a host's Stop().</summary>
        bool PipelineStopping { get; }
    }

    /// <summary>
    /// Writes a send run's results, each with its error, verbose line and progress, and keeps every row reported
    /// when an action preference ends the command part-way.
    /// </summary>
    /// <remarks>
    /// Under -ErrorAction Stop (or -WarningAction, $VerbosePreference, $DebugPreference, $ProgressPreference Stop,
    /// or Inquire answered Halt) the Write method itself throws PipelineStoppedException into the cmdlet. Rows
    /// after the one whose error stopped it were already handed to the dispatcher, and many already sent: if the
    /// exception left at once, their results (in hand or in flight) would never be written, and without -Journal
    /// nothing would tell the admin they went out. So the writer remembers the stop, keeps writing the results
    /// (output only: each further error or warning would only stop the command again), and the cmdlet finishes
    /// the run with <see cref="FinishStopped"/>, which ends the command with the original stop.
    /// Output itself is never caught: a stop there is Ctrl+C or Select-Object -First, and the pipeline wants no more.
    /// Once a preference has stopped the command PowerShell no longer calls StopProcessing on Ctrl+C (the pipeline
    /// already counts as failed), so while the run finishes a watch cancels the sending when the pipeline stops.
    /// </remarks>
    internal sealed class ResultWriter : IDisposable
    {
        internal static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

        private readonly IResultStreams _streams;
        private readonly Action _cancelSending;
        // Made once: Write runs per result, and a method group or lambda passed to Stream is a new delegate each time.
        private readonly Action _writeDiagnostics;
        private readonly Action _advanceProgress;
        private const int ProgressEvery = 256;
        private readonly bool _invalidErrorsWrittenWhenRead;
        private readonly bool _errorsStopTheCommand;
        private bool _runFailed;
        private int _sinceProgress;
        private Exception? _stop;
        // The ErrorId of the row error that stopped the command (-ErrorAction Stop), for the summary: the stop
        // PowerShell raises does not carry it.
        private string? _stoppedBy;
        // The row of that error: the stop's warning names it (0 when no row's error stopped the command).
        private long _stoppedAtRow;
        // The row read and not sent when a stop other than a row's error ended the command (a question no one could
        // answer): the stop's warning names it (0 when none did).
        private long _stoppedBeforeRow;
        private string? _stoppedBeforeBy;
        private Timer? _watch;

        /// <param name="streams">Where to write.</param>
        /// <param name="cancelSending">Cancels the run (what StopProcessing does); called from a timer thread.</param>
        /// <param name="invalidErrorsWrittenWhenRead">
        /// The cmdlet writes an Invalid row's error as soon as it reads the row (when -ErrorAction Inquire must ask
        /// before any later row is sent), so its result goes out without one.
        /// </param>
        /// <param name="errorsStopTheCommand">-ErrorAction Stop (or $ErrorActionPreference): the first error written ends the command.</param>
        public ResultWriter(IResultStreams streams, Action cancelSending, bool invalidErrorsWrittenWhenRead = false, bool errorsStopTheCommand = false)
        {
            _streams = streams ?? throw new ArgumentNullException(nameof(streams));
            _cancelSending = cancelSending ?? throw new ArgumentNullException(nameof(cancelSending));
            _invalidErrorsWrittenWhenRead = invalidErrorsWrittenWhenRead;
            _errorsStopTheCommand = errorsStopTheCommand;
            _writeDiagnostics = streams.Diagnostics;
            _advanceProgress = () => streams.Progress(false);
        }

        /// <summary>True once a preference ended the command; later rows must not be read or sent.</summary>
        public bool Stopped => _stop != null;

        /// <summary>
        /// The stop (<see cref="Stopped"/>) came while the cmdlet handled <paramref name="row"/>, before it was sent, and not
        /// from a row's error: <see cref="FinishStopped"/> warns that it and the rows after it were not sent.
        /// </summary>
        /// <param name="row">The row read and not sent.</param>
        /// <param name="preference">What stopped it when the stop names nothing itself ("-WarningAction Stop"): PowerShell throws
        /// a bare PipelineStoppedException into the cmdlet for a preference's stop; a question no one could answer names
        /// itself (PromptWithoutInput). Null where a bare stop is not this row's: Select-Object -First after -Verbose merged
        /// into output (4&gt;&amp;1) stops the command inside -Confirm's verbose line, and says its own word.</param>
        public void StoppedBefore(long row, string? preference)
        {
            if (_stop == null || _stoppedAtRow != 0 || _stoppedBeforeRow != 0) return;
            var by = _stop is PipelineStoppedException || _stop is ActionPreferenceStopException ? preference : StoppedBy(_stop);
            if (by is null) return;
            _stoppedBeforeRow = row;
            _stoppedBeforeBy = by;
        }

        /// <summary>
        /// The ErrorId of the stop when it is a question no one could answer (-Confirm or Inquire under -NonInteractive, with
        /// input closed, or in a host without a UI): "PromptWithoutInput". Null before a stop and for a preference's own stop
        /// (-ErrorAction Stop), which ends the command on purpose where a question ends it by accident.
        /// </summary>
        public string? UnansweredQuestion =>
            _stop is null || _stop is PipelineStoppedException || _stop is ActionPreferenceStopException ? null : StoppedBy(_stop);

        /// <summary>Writes results in order, with what goes with each.</summary>
        public void Write(IEnumerable<SendResult> results)
        {
            Stream(_writeDiagnostics);
            // Called after every row, most often with nothing finished: no enumerator for that.
            if (results is IReadOnlyCollection<SendResult> { Count: 0 })
            {
                Stream(_advanceProgress);
                return;
            }

            foreach (var result in results)
            {
                Stream(_writeDiagnostics);
                // A row the run's failure stopped (a refused key) comes before this one: that failure is the first error in
                // row order, and the terminating error that follows says it. Under -ErrorAction Stop a later row's own
                // error (an Invalid row) would end the command first, and PowerShell reports only the first stop.
                _runFailed |= result.Code == SendErrors.RunStoppedCode;
                OutputKeepingItsError(result);
                // Each result first, then its error: a stop at that error still has the row in the caller's report, and
                // the console shows the error under its row of the table.
                if (OwesError(result)) WriteError(result);
                else if (result.Status == SendStatus.Skipped) WriteSkipped(result);
                // Whoever keeps the result ($r = ...) must not keep the row with it.
                result.ReleaseInput();
                // The bar is redrawn at most four times a second; asking (it reads the clock) every result would cost more.
                if (++_sinceProgress >= ProgressEvery)
                {
                    _sinceProgress = 0;
                    Stream(_advanceProgress);
                }
            }
            Stream(_advanceProgress);
            Stream(_writeDiagnostics);
        }

        private bool OwesError(SendResult result) =>
            SendErrors.WritesError(result) && !(_invalidErrorsWrittenWhenRead && result.Status == SendStatus.Invalid)
            && !(_runFailed && _errorsStopTheCommand);

        /// <summary>
        /// Writes the result. When the command after this one takes it and stops the pipeline (Select-Object -First 1), the
        /// result's error is written before the stop goes on: before, an Invalid first row reached the caller with no error,
        /// and $Error or -ErrorVariable, which a scheduled task's log is made of, had nothing of it.
        /// </summary>
        private void OutputKeepingItsError(SendResult result)
        {
            try
            {
                _streams.Output(result);
            }
            catch (Exception stop) when (Composition.DownstreamStop.Is(stop, _streams.PipelineStopping))
            {
                // Not Ctrl+C (the pipeline is then stopping and takes no more records) and not after a preference's stop,
                // which writes no further error. The downstream stop is rethrown whatever the error's writing raises.
                if (_stop == null && OwesError(result))
                {
                    try
                    {
                        _streams.Error(result);
                    }
                    catch (Exception again) when (ErrorActionStop.IsStopOfThisCommand(again, _streams.PipelineStopping) || again is PipelineStoppedException)
                    {
                        // -ErrorAction Stop: the error is recorded; the command ends with the downstream stop all the same.
                    }
                }
                // Then what became of the rows after it: before, this warning came between the row's line and its error.
                _streams.StoppedDownstream();
                throw;
            }
        }

        // Methods of their own: in Write's loop, the lambdas' capture of the result would be made for every result.
        private void WriteError(SendResult result) => WriteRowError(result.Row, SendErrors.ErrorIdFor(result), () => _streams.Error(result));

        /// <summary>
        /// Writes the error of row <paramref name="row"/>. A stop it raises (-ErrorAction Stop, or Inquire answered Halt or
        /// asked where no one can answer) is that row's: <see cref="FinishStopped"/> then warns that the rows after it were
        /// not read. Also for an Invalid row's error, written before its result when Inquire asks: before, that stop left a
        /// scheduled task's log without the warning, and the rows the input had after it were never sent, unmentioned.
        /// </summary>
        /// <param name="row">The row the error is of.</param>
        /// <param name="errorId">The error's ErrorId ("InvalidInput").</param>
        /// <param name="write">Writes the error.</param>
        public void WriteRowError(long row, string errorId, Action write)
        {
            var running = _stop == null;
            Stream(write);
            if (running && _stop != null)
            {
                _stoppedBy = errorId;
                _stoppedAtRow = row;
            }
        }

        /// <summary>"Row 3: Skipped +447700900001: Already sent ...": one line of a log that names the row, as an error does.</summary>
        private void WriteSkipped(SendResult result) =>
            Stream(() => _streams.Verbose((result.Row > 0 ? Composition.RowErrorText.Prefix(result.Row) : "") + "Skipped " + result.Destination + ": " + result.Reason));

        /// <summary>
        /// Runs a write to a stream other than output. A stop of this command it raises is kept for
        /// <see cref="FinishStopped"/>; after one, nothing more is written to these streams.
        /// </summary>
        public void Stream(Action write)
        {
            if (_stop != null) return;
            try
            {
                write();
            }
            catch (Exception stop) when (ErrorActionStop.IsStopOfThisCommand(stop, _streams.PipelineStopping))
            {
                _stop = ErrorActionStop.Explained(stop);
                _watch = new Timer(_ => CancelIfPipelineStopping(), null, WatchInterval, WatchInterval);
            }
        }

        /// <summary>
        /// After a stop: writes the remaining results (the run's Complete, so nothing already handed over is left
        /// unreported), removes the progress bar, writes the run's summary and, when a row's error stopped it before the
        /// input ended, the warning that says so, and ends the command with the stop PowerShell raised.
        /// </summary>
        /// <param name="rest">The results not yet written.</param>
        /// <param name="inputEnded">Every row of the input was read (the stop came at EndProcessing): none was left unread.</param>
        public void FinishStopped(IEnumerable<SendResult> rest, bool inputEnded = false)
        {
            var stop = _stop ?? throw new InvalidOperationException("The command was not stopped.");
            Write(rest);
            try
            {
                _streams.Progress(true);
            }
            catch (Exception again) when (ErrorActionStop.IsStopOfThisCommand(again, _streams.PipelineStopping))
            {
                // $ProgressPreference = 'Stop': the command is ending anyway.
            }

            // As a run a failure stops (a refused key) ends: before, a scheduled task's -Verbose log of a run that
            // $ErrorActionPreference = 'Stop' ended at an Invalid row had no line saying what became of the rows.
            try
            {
                _streams.Summary(_stoppedBy ?? StoppedBy(stop));
            }
            catch (Exception again) when (ErrorActionStop.IsStopOfThisCommand(again, _streams.PipelineStopping))
            {
                // $VerbosePreference = 'Stop': the command is ending anyway.
            }

            // Not -Verbose only: without it, a scheduled task's log showed the row's error and nothing of the rows after it,
            // which the stop left unread and unsent, so "row 500 failed" read as the run's only problem.
            if ((_stoppedAtRow > 0 || _stoppedBeforeRow > 0) && !inputEnded)
            {
                try
                {
                    if (_stoppedAtRow > 0) _streams.StoppedAtRow(_stoppedAtRow, _stoppedBy!);
                    else _streams.StoppedBeforeRow(_stoppedBeforeRow, _stoppedBeforeBy!);
                }
                catch (Exception again) when (ErrorActionStop.IsStopOfThisCommand(again, _streams.PipelineStopping))
                {
                    // -WarningAction Stop: the command is ending anyway.
                }
            }

            ExceptionDispatchInfo.Capture(stop).Throw();
        }

        /// <summary>The ErrorId the stop itself carries ("PromptWithoutInput"), or its kind.</summary>
        private static string StoppedBy(Exception stop)
        {
            var id = (stop as IContainsErrorRecord)?.ErrorRecord?.FullyQualifiedErrorId;
            if (string.IsNullOrEmpty(id)) return stop.GetType().Name;
            var comma = id!.IndexOf(',');
            return comma > 0 ? id.Substring(0, comma) : id;
        }

        /// <summary>Ends the watch.</summary>
        public void Dispose() => _watch?.Dispose();

        private void CancelIfPipelineStopping()
        {
            // An exception escaping a timer callback would end the PowerShell process.
            try
            {
                if (_streams.PipelineStopping) _cancelSending();
            }
            catch (ObjectDisposedException)
            {
                // The run is already over.
            }
        }
    }
}
