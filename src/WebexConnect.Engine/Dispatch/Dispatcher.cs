using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Receipts;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Turns the pipeline's records into requests: records of one shape share a batch of at most
    /// <see cref="IRateGate.MaxBatchSize"/> destinations, a bounded number of batches travel at once,
    /// and results come back in input order.
    /// </summary>
    /// <remarks>
    /// Memory stays constant however long the input: Add blocks while every request slot is taken, while the
    /// gate has as many requests out as are worth having (<see cref="RequestsAhead"/>), and while too many
    /// finished results wait for an earlier, slower one.
    /// A full batch goes out at once; a partial one when the pipeline has been quiet for
    /// <see cref="DispatcherTuning.Linger"/> while the process ran on time (<see cref="InputPause"/>: a starved process is not a
    /// paused input), a slot is free and the gate has room now, or at Complete; and the oldest
    /// partial one when the open ones would hold more rows than <see cref="DispatcherTuning.HeldRowsAt"/> the gate's rate.
    /// However many messages are open: only the rows held bound them (each holds at least one), so rows cycling through
    /// hundreds of messages still fill their batches.
    /// Stopping: when the caller's token is cancelled (Ctrl+C, Select-Object -First) everything in
    /// flight is cancelled and records not yet finished get no result, since the pipeline can write no
    /// more: Add and the Complete enumeration throw OperationCanceledException, TakeReady hands over what
    /// finished. A SessionFailureException (or any other failure of the transport) stops sending the
    /// same way, but every record already added still gets a result (<see cref="StoppedRecords"/>):
    /// Unknown when its request was handed to the transport (it may have been accepted), Failed when it
    /// never left; in a batch the failure struck part-way (<see cref="BatchStoppedException"/>), the rows the
    /// service already answered keep that answer. TakeReady and Complete hand those over in order, then rethrow the failure on the
    /// pipeline thread; Add records the record it was given as not sent, then rethrows it.
    /// </remarks>
    internal sealed class Dispatcher : IDispatcher
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

        /// <summary>Results filed per turn of the lock when a batch comes back.</summary>
        private const int FilingSlice = 64;

        /// <summary>How long Dispose waits for the requests it cancelled to unwind, unless StopAndCount set the deadline.</summary>
        private static readonly TimeSpan DisposeUnwind = TimeSpan.FromSeconds(1);

        /// <summary>How long a failure waits for the requests it cancelled to unwind before calling them Unknown.</summary>
        private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(10);

        private readonly IBatchTransport _transport;
        private readonly IRateGate _gate;
        private readonly DispatchOptions _options;
        private readonly DispatcherTuning _tuning;
        private readonly CancellationToken _cancellation;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _stopToken;
        private readonly SemaphoreSlim _slots;
        private readonly Timer _lingerTimer;
        // Guarded by _sync: the linger timer's ticks, to tell a pause of the input from a process that did not run.
        private readonly InputPause _pause;
        private readonly RowThread _rowThread = new RowThread();
        private readonly Func<bool> _rowThreadRunnable;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly DiagnosticSink _diagnostics;
        // Where the run's time goes, for the line on what limited its pace: the pipeline thread's waits, rows and ends.
        private readonly PaceMeter _pace;
        private readonly long _startedAt = MonotonicTicks.Now();

        // Everything below is guarded by _sync.
        private readonly object _sync = new object();
        // The partial batches in the order they were started (the first holds the earliest row), and by their shape: a row
        // finds its batch in one look-up however many are open.
        private readonly List<OpenBatch> _open = new List<OpenBatch>();
        private readonly Dictionary<MessageShape, OpenBatch> _openByShape = new Dictionary<MessageShape, OpenBatch>();
        // The rows in _open's batches, for DispatcherTuning.HeldRowsAt.
        private int _heldRows;
        private readonly ResultSequencer _results = new ResultSequencer();
        private ExceptionDispatchInfo? _fault;
        private readonly StoppedRecords _unfinished;
        private long _sequence;
        private long _submitted;
        private long _completed;
        private long _failed;
        private long _destinationsDone;
        private int _inFlight;
        // Written by Add without the lock (a lock there would be one more per row, contended by the threads
        // recording results); read under the lock by the linger rule, which only needs them roughly current.
        private volatile bool _adding;
        private long _lastAddEndedTicks;
        private bool _disposed;
        // When a stopped run stops waiting for its cancelled requests (StopAndCount): Dispose waits for them until then,
        // not a second more of its own, so a request that ignores its cancellation holds a Ctrl+C up once, not twice.
        private TimeSpan? _unwindUntil;

        // Pipeline thread only: the cmdlet usually hands the same message object for every row.
        private readonly LastShape _shapes;

        private long _batchNumber;
        private readonly int _adaptationsAtStart;

        public Dispatcher(IBatchTransport transport, IRateGate gate, Func<ConnectMessage, MessageShape> shapeOf,
            DispatchOptions options, CancellationToken cancellation, DispatcherTuning? tuning = null, DiagnosticSink? diagnostics = null)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _gate = gate ?? throw new ArgumentNullException(nameof(gate));
            _shapes = new LastShape(shapeOf ?? throw new ArgumentNullException(nameof(shapeOf)));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _unfinished = new StoppedRecords(options.Journaled);
            if (options.MaxConcurrentRequests < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrentRequests, "MaxConcurrentRequests must be at least 1.");
            _tuning = tuning ?? DispatcherTuning.Default;
            _cancellation = cancellation;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            _stopToken = _stop.Token;
            _slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
            var period = InputPause.PeriodFor(_tuning.Linger);
            _pause = new InputPause(_tuning.Linger, _tuning.LongestLinger, period, LingerNow);
            _rowThreadRunnable = _tuning.RowThreadRunnable ?? _rowThread.IsRunnable;
            _lingerTimer = _tuning.LingerClock is null
                ? new Timer(_ => TickLinger(), null, period, period)
                : new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);
            _diagnostics = diagnostics ?? new DiagnosticSink();
            _pace = _diagnostics.Pace;
            _adaptationsAtStart = (_gate as RateGate)?.Adaptations ?? 0;
            _diagnostics.Debug(RunDiagnostics.Started(_gate.MaxBatchSize, options.MaxConcurrentRequests));
        }

        /// <inheritdoc />
        public IReadOnlyList<DiagnosticEntry> TakeDiagnostics() => _diagnostics.TakeAll();

        /// <inheritdoc />
        public Action? WhileWaiting { get; set; }

        /// <inheritdoc />
        public DispatchPace Pace
        {
            get
            {
                long destinations;
                lock (_sync) destinations = _destinationsDone;
                return _pace.Read(_clock.Elapsed, destinations, _options.MaxConcurrentRequests, (_gate as RateGate)?.SettledTps ?? _gate.Tps,
                    RunDiagnostics.Budget(_gate, _startedAt));
            }
        }

        /// <inheritdoc />
        public DispatchProgress Progress
        {
            get
            {
                lock (_sync)
                {
                    var elapsed = _clock.Elapsed;
                    var rate = elapsed > TimeSpan.Zero ? _destinationsDone / elapsed.TotalSeconds : 0;
                    return new DispatchProgress(_sequence, _submitted, _completed, _failed, rate, elapsed, _options.ExpectedTotal);
                }
            }
        }

        /// <inheritdoc />
        public StoppedRows StopAndCount(TimeSpan unwind)
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: already stopped.
            }

            var rows = new StoppedRows();
            lock (_sync)
            {
                // Cancelled requests come back at once as a rule: a batch stopped at the rate gate or before its body left
                // says it never left, one in flight is Unknown. Only what is still out at the deadline is counted on its way.
                var until = _clock.Elapsed + unwind;
                _unwindUntil = until;
                while (_inFlight > 0 && _clock.Elapsed < until) Monitor.Wait(_sync, PollInterval);
                foreach (var result in _results.Held()) rows.Add(result);
                _unfinished.CountInto(rows);
            }

            return rows;
        }

        /// <inheritdoc />
        public void Add(DispatchItem item)
        {
            DispatchItem.Require(item, nameof(item));
            if (Volatile.Read(ref _fault) is not null)
            {
                // Read before the failure surfaced: it still gets its result (not sent) before the failure.
                lock (_sync)
                {
                    var sequence = ++_sequence;
                    Record(sequence, StoppedRecords.NotSent(item, sequence, _fault!.SourceException));
                    Monitor.PulseAll(_sync);
                }
            }

            ThrowIfStopped();
            _pace.RowCame();
            _rowThread.Adding();
            var shape = _shapes.Of(item.Message);
            List<OpenBatch>? full;
            lock (_sync)
            {
                _adding = true;
                full = Accumulate(item, shape, ++_sequence);
            }

            try
            {
                if (full is not null)
                {
                    foreach (var batch in full) Launch(batch);
                }

                WaitForResultRoom();
            }
            finally
            {
                Volatile.Write(ref _lastAddEndedTicks, LingerNow.Ticks);
                _adding = false;
                _pace.RowLeft();
            }
        }

        /// <inheritdoc />
        public void AddCompleted(SendResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            // Known without sending (a journal skip): it keeps its place even when the run has just failed.
            if (Volatile.Read(ref _fault) is null) ThrowIfStopped();
            _pace.RowCame();
            lock (_sync)
            {
                var sequence = ++_sequence;
                Record(sequence, WithSequence(result, sequence));
                Monitor.PulseAll(_sync);
            }

            ThrowIfStopped();

            WaitForResultRoom();
            _pace.RowLeft();
        }

        /// <inheritdoc />
        public IReadOnlyList<SendResult> TakeReady()
        {
            // Called for every row: most of the time nothing is ready, and that needs no lock. The unlocked
            // counts are only a hint; a result missed here is taken at the next row or by Complete.
            if (_results.ReadyCount == 0 && Volatile.Read(ref _fault) is null) return Array.Empty<SendResult>();
            lock (_sync)
            {
                var ready = _results.TakeReady();
                if (ready.Count > 0 || _fault is null) return ready;
            }

            if (SettleAfterFault())
            {
                lock (_sync)
                {
                    var settled = _results.TakeReady();
                    if (settled.Count > 0) return settled;
                }
            }

            // Nothing left that finished before the failure: now is the time to surface it.
            ThrowIfStopped();
            return Array.Empty<SendResult>();
        }

        /// <inheritdoc />
        public IEnumerable<SendResult> Complete()
        {
            // The input ended: the time since the last row was the pipeline's.
            _pace.RowCame();
            List<OpenBatch> rest;
            lock (_sync) rest = SealAll(BatchReason.InputEnded);

            // One result at a time: a result is taken only as it is handed over, so one a downstream stop (Select-Object
            // -First) leaves unwritten is still held here, and StopAndCount counts it as sent. Before, the rest of a list
            // taken at once was lost: rows 4-5 of a request that carried rows 1-5 were said "not sent" after -First 3.
            for (var i = 0; i < rest.Count; i++)
            {
                while (TakeNextQuietly() is SendResult result) yield return result;
                // TryLaunch reports a stop instead of throwing, so what finished can still be yielded below.
                if (IsStopped || !TryLaunch(rest[i])) break;
            }

            var rateWarned = false;
            while (true)
            {
                SendResult? next;
                bool released;
                var waited = false;
                lock (_sync)
                {
                    next = _results.TakeNext();
                    released = _results.Released == _sequence;
                    if (next is null && !released && !IsStopped) waited = !WaitOnSending();
                }

                if (waited) WhileWaiting?.Invoke();

                if (released && !rateWarned)
                {
                    rateWarned = true;
                    WarnIfRateAdapted();
                }

                if (next is not null)
                {
                    yield return next;
                    continue;
                }

                if (released)
                {
                    // Every record has its result; a failure that stopped the run still ends it.
                    if (Volatile.Read(ref _fault) is not null) ThrowIfStopped();
                    yield break;
                }

                if (IsStopped)
                {
                    if (Volatile.Read(ref _fault) is not null && SettleAfterFault()) continue;
                    ThrowIfStopped();
                }
            }
        }

        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed) return;
                _disposed = true;
                Monitor.PulseAll(_sync);
            }

            _lingerTimer.Dispose();
            _stop.Cancel();

            // Give cancelled requests a moment to unwind so nothing of this run outlives it: the moment a stopped run's count
            // already gave them (what is still out then was counted as on its way), else one of its own.
            bool idle;
            lock (_sync)
            {
                var until = _unwindUntil ?? _clock.Elapsed + DisposeUnwind;
                while (_inFlight > 0 && _clock.Elapsed < until) Monitor.Wait(_sync, PollInterval);
                idle = _inFlight == 0;
            }

            if (idle) _stop.Dispose();
        }

        private bool IsStopped => Volatile.Read(ref _fault) is not null || _stopToken.IsCancellationRequested;

        /// <summary>
        /// The rows of the batch this run handed over last (guarded by _sync): the next one, when it is the one open, is sized
        /// for as many. Sized for a whole batch instead, a run whose batches the linger or the held rows send part-full (a
        /// fast tenant answers before 1,000 rows are read) made three lists of 1,000 for every 180 rows or so: 130 bytes a row.
        /// </summary>
        private int _lastBatchRows;

        /// <summary>Puts the record in its shape's open batch; returns the batches that must go out now.</summary>
        private List<OpenBatch>? Accumulate(DispatchItem item, MessageShape shape, long sequence)
        {
            List<OpenBatch>? ready = null;
            var max = _gate.MaxBatchSize;
            _openByShape.TryGetValue(shape, out var batch);
            if (batch is not null && batch.Destinations + item.Recipient.Addresses.Count > max)
            {
                batch.Why = BatchReason.Full;
                Close(batch);
                (ready ??= new List<OpenBatch>()).Add(batch);
                batch = null;
            }

            if (batch is null)
            {
                // Sized like the last batch only when it is the one open (the common run of one message): thousands of open
                // shapes of a row or two each (a text per row) would otherwise take a batch's worth of room apiece. And only
                // once the run has handed one over: a call that sends one row (a script's foreach loop) took some 80 KB for it.
                batch = new OpenBatch(shape, Math.Min(max, _open.Count == 0 ? Math.Max(4, _lastBatchRows) : 4));
                _open.Add(batch);
                _openByShape.Add(shape, batch);
            }

            batch.Add(item, sequence);
            _heldRows++;
            _unfinished.Added(sequence, item);
            if (batch.Destinations >= max)
            {
                batch.Why = BatchReason.Full;
                Close(batch);
                (ready ??= new List<OpenBatch>()).Add(batch);
            }
            else if (_heldRows > _tuning.HeldRowsAt(_gate.Tps))
            {
                ready = SendOldest(ready);
            }

            return ready;
        }

        /// <summary>Takes the open batch started first out of the open ones, to go out with <paramref name="ready"/>.</summary>
        private List<OpenBatch> SendOldest(List<OpenBatch>? ready)
        {
            // _open is in the order the batches were started, so the first holds the earliest row.
            var oldest = _open[0];
            oldest.Why = BatchReason.HeldRows;
            _open.RemoveAt(0);
            _openByShape.Remove(oldest.Shape);
            _heldRows -= oldest.Count;
            (ready ??= new List<OpenBatch>()).Add(oldest);
            return ready;
        }

        /// <summary>Takes <paramref name="batch"/> out of the open ones: it goes out, and its shape's next row starts another.</summary>
        private void Close(OpenBatch batch)
        {
            _open.Remove(batch);
            _openByShape.Remove(batch.Shape);
            _heldRows -= batch.Count;
        }

        /// <summary>
        /// Waits (caller holds _sync) for a pulse, at most <see cref="PollInterval"/>, as time the pipeline thread waited on
        /// sending; true when pulsed.
        /// </summary>
        private bool WaitOnSending()
        {
            var from = _clock.Elapsed;
            var pulsed = Monitor.Wait(_sync, PollInterval);
            _pace.Waited(_clock.Elapsed - from);
            return pulsed;
        }

        /// <summary>Takes a request slot, waiting at most <see cref="PollInterval"/>: false when every slot stayed taken.</summary>
        private bool WaitForSlot()
        {
            var from = _clock.Elapsed;
            var taken = _slots.Wait(PollInterval, _stopToken);
            _pace.Waited(_clock.Elapsed - from, slotsFull: !taken);
            return taken;
        }

        private List<OpenBatch> SealAll(BatchReason why)
        {
            foreach (var batch in _open) batch.Why = why;
            var all = new List<OpenBatch>(_open);
            _open.Clear();
            _openByShape.Clear();
            _heldRows = 0;
            return all;
        }

        /// <summary>Requests worth having out at once, as the gate says (<see cref="IRateProbe.RequestsAhead"/>); only slots bound the rest.</summary>
        internal int RequestsAhead => _gate is IRateProbe probe ? probe.RequestsAhead : int.MaxValue;

        private void WaitForRoomAhead()
        {
            while (true)
            {
                lock (_sync)
                {
                    if (_inFlight < RequestsAhead || IsStopped) return;
                    if (WaitOnSending()) continue;
                }

                WhileWaiting?.Invoke();
            }
        }

        /// <summary>
        /// Blocks until a request slot is free, then sends the batch in the background: in requests of the gate's batch
        /// size at that moment, which may have shrunk while the batch waited.
        /// </summary>
        private void Launch(OpenBatch batch)
        {
            if (TryLaunch(batch)) return;
            ThrowIfStopped();
            throw new OperationCanceledException(_stopToken);
        }

        /// <summary>As <see cref="Launch"/>, but a stop while waiting returns false instead of throwing.</summary>
        private bool TryLaunch(OpenBatch batch)
        {
            while (true)
            {
                try
                {
                    WaitForRoomAhead();
                    while (!WaitForSlot()) WhileWaiting?.Invoke();
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                // The slot a failing batch frees can still be taken after the failure stopped the run: SemaphoreSlim
                // looks at its count before the token, and on a busy machine the failing batch releases its slot before
                // this thread wakes. Sending then would put one more request out after the stop.
                if (_stopToken.IsCancellationRequested)
                {
                    _slots.Release();
                    return false;
                }

                var piece = batch.TakeUpTo(_gate.MaxBatchSize);
                Start(piece);
                if (ReferenceEquals(piece, batch)) return true;
            }
        }

        /// <summary>Sends a batch whose slot is already taken.</summary>
        private void Start(OpenBatch batch)
        {
            var outgoing = new OutgoingBatch(batch.Shape, batch.Recipients, Interlocked.Increment(ref _batchNumber));
            int inFlight;
            lock (_sync)
            {
                _submitted += batch.Count;
                _lastBatchRows = batch.Count;
                inFlight = ++_inFlight;
                _unfinished.Handed(batch.Sequences, outgoing.Number);
            }

            _diagnostics.Debug(RunDiagnostics.Handed(outgoing.Number, batch.Destinations, inFlight, batch.Why, _tuning.Linger));
            _ = Task.Run(() => SendAsync(batch, outgoing));
        }

        private async Task SendAsync(OpenBatch batch, OutgoingBatch outgoing)
        {
            try
            {
                var started = _clock.Elapsed;
                var outcome = await _transport.SendAsync(outgoing, _stopToken).ConfigureAwait(false);
                var results = ToResults(batch, outgoing, outcome);
                _diagnostics.Verbose(RunDiagnostics.Finished(outgoing.Number, results, _clock.Elapsed - started));
                // Filed a slice at a time: the pipeline thread needs the same lock for every row it adds, and
                // should not wait for a whole batch of 1,000 results to be filed.
                for (var start = 0; start < results.Length; start += FilingSlice)
                {
                    lock (_sync)
                    {
                        // A batch that outlived the wait after a failure was already settled as Unknown.
                        var end = Math.Min(results.Length, start + FilingSlice);
                        for (var i = start; i < end; i++)
                            if (_unfinished.IsOpen(batch.Sequences[i])) Record(batch.Sequences[i], results[i]);
                        if (end == results.Length) _destinationsDone += batch.Destinations;
                        Monitor.PulseAll(_sync);
                    }
                }
            }
            catch (OperationCanceledException cancelled) when (_stopToken.IsCancellationRequested)
            {
                // Stopping: the records of this batch get no result, unless a failure stopped the run (StoppedRecords).
                if (cancelled is BatchNeverSentException)
                {
                    lock (_sync) _unfinished.NeverLeft(batch.Sequences);
                }
            }
            catch (BatchStoppedException stopped)
            {
                lock (_sync) FileWhatIsKnown(batch, outgoing, stopped);
                Fail(stopped.Failure);
            }
            catch (Exception ex)
            {
                if (ex is SessionFailureException { BatchNeverAccepted: true } notAccepted)
                {
                    lock (_sync)
                    {
                        if (notAccepted.RefusedByService) _unfinished.Refused(batch.Sequences);
                        else _unfinished.NeverLeft(batch.Sequences);
                    }
                }

                Fail(ex);
            }
            finally
            {
                _slots.Release();
                lock (_sync)
                {
                    _inFlight--;
                    Monitor.PulseAll(_sync);
                }
            }
        }

        private static SendResult[] ToResults(OpenBatch batch, OutgoingBatch outgoing, BatchOutcome outcome)
        {
            if (outcome?.PerRecipient is null || outcome.PerRecipient.Count != batch.Count)
                throw new InvalidOperationException(
                    $"The transport returned {outcome?.PerRecipient?.Count ?? 0} outcomes for batch {outgoing.Number} of {batch.Count} recipients.");

            var results = new SendResult[batch.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var done = outcome.PerRecipient[i] ?? throw new InvalidOperationException($"The transport returned no outcome for a recipient of batch {outgoing.Number}.");
                results[i] = ToResult(batch, i, outgoing, done);
            }

            return results;
        }

        private static SendResult ToResult(OpenBatch batch, int index, OutgoingBatch outgoing, DestinationOutcome done)
        {
            var item = batch.Items[index];
            return new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId,
                done.Status, done.MessageId, done.Code, done.Reason, done.Attempts, outgoing.Number, done.SubmittedAt,
                item.Parts, item.InputObject, batch.Sequences[index], item.Row, ReceiptFilters.Text(item.Message),
                done.Status == SendStatus.Scheduled ? item.Message.SendAt : null)
                {
                    AskedReceipts = ReceiptFilters.Of(item.Message), CopyAddresses = EmailCopies.Of(item.Message),
                };
        }

        /// <summary>
        /// A batch a session failure stopped part-way (caller holds _sync): the rows the service answered get that
        /// answer, the rows of the request it refused with the failure say so, the rows that never left are not sent,
        /// and the rest stay open, to be settled Unknown with the run.
        /// </summary>
        private void FileWhatIsKnown(OpenBatch batch, OutgoingBatch outgoing, BatchStoppedException stopped)
        {
            if (stopped.Outcomes.Count != batch.Count) return;
            var neverLeft = new List<long>();
            var refused = new List<long>();
            for (var i = 0; i < batch.Count; i++)
            {
                var sequence = batch.Sequences[i];
                if (!_unfinished.IsOpen(sequence)) continue;
                if (stopped.Outcomes[i] is { } done) Record(sequence, ToResult(batch, i, outgoing, done));
                else if (stopped.FateOf(i) == StoppedFate.Refused) refused.Add(sequence);
                else if (stopped.FateOf(i) == StoppedFate.NeverLeft) neverLeft.Add(sequence);
            }

            _unfinished.NeverLeft(neverLeft);
            _unfinished.Refused(refused);
            Monitor.PulseAll(_sync);
        }

        private static SendResult WithSequence(SendResult r, long sequence) =>
            new SendResult(r.Channel, r.Destination, r.CorrelationId, r.Status, r.MessageId, r.Code, r.Reason, r.Attempts,
                r.Batch, r.SubmittedAt, r.Parts, r.InputObject, sequence, r.Row, r.RequestedReceipts, r.ScheduledFor)
                { AskedReceipts = r.AskedReceipts, CopyAddresses = r.CopyAddresses };

        /// <summary>Files a result in order (caller holds _sync and pulses it once it has filed them all).</summary>
        private void Record(long sequence, SendResult result)
        {
            _unfinished.Finished(sequence);
            _results.Put(sequence, result);
            _completed++;
            if (!result.IsSuccess) _failed++;
        }

        /// <summary>
        /// After a failure: waits (briefly) for the cancelled requests to unwind, then gives every record
        /// still without a result its result: Unknown when its request was handed over, Failed when it never
        /// left. Returns true when that released any.
        /// </summary>
        private bool SettleAfterFault()
        {
            lock (_sync)
            {
                var until = _clock.Elapsed + SettleWait;
                while (_inFlight > 0 && _clock.Elapsed < until) Monitor.Wait(_sync, PollInterval);
                _open.Clear();
                _openByShape.Clear();
                _heldRows = 0;
                var settled = _unfinished.Settle(_fault!.SourceException);
                foreach (var (sequence, result) in settled) Record(sequence, result);
                Monitor.PulseAll(_sync);
                return settled.Count > 0;
            }
        }

        private void Fail(Exception error)
        {
            lock (_sync)
            {
                _fault ??= ExceptionDispatchInfo.Capture(error);
                Monitor.PulseAll(_sync);
            }

            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: already stopped.
            }
        }

        /// <summary>Blocks while too many finished results wait for an earlier one.</summary>
        private void WaitForResultRoom()
        {
            // The common case, without the lock: far fewer results waiting than the bound (a hint, as in TakeReady).
            if (_results.WaitingCount < _tuning.MaxWaitingResults / 2) return;
            while (true)
            {
                List<OpenBatch>? partial = null;
                var waited = false;
                lock (_sync)
                {
                    if (_results.WaitingCount < _tuning.MaxWaitingResults) return;
                    // The result everyone waits for may sit in a partial batch no record will fill while
                    // we block: send those now.
                    if (_open.Count > 0) partial = SealAll(BatchReason.ResultsWaiting);
                    else if (!IsStopped) waited = !WaitOnSending();
                }

                if (waited) WhileWaiting?.Invoke();

                ThrowIfStopped();
                if (partial is not null)
                {
                    foreach (var batch in partial) Launch(batch);
                }
            }
        }

        /// <summary>The time the linger rule reads: the dispatcher's stopwatch, or the test's clock (<see cref="DispatcherTuning.LingerClock"/>).</summary>
        private TimeSpan LingerNow => _tuning.LingerClock?.Invoke() ?? _clock.Elapsed;

        /// <summary>A tick of the linger timer: sends the partial batches when the input has paused (tests with their own clock call it).</summary>
        internal void TickLinger()
        {
            // An exception escaping a timer callback would take the whole PowerShell process down.
            try
            {
                SendQuietPartialBatches();
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
        }

        /// <summary>The linger rule: partial batches go out once the pipeline has gone quiet.</summary>
        private void SendQuietPartialBatches()
        {
            List<OpenBatch>? quiet = null;
            lock (_sync)
            {
                if (_disposed || IsStopped || _adding || _open.Count == 0)
                {
                    _pause.Ticked(LingerNow);
                    return;
                }

                if (!_pause.HasPaused(LingerNow, TimeSpan.FromTicks(Volatile.Read(ref _lastAddEndedTicks)), _rowThreadRunnable)) return;
                for (var i = 0; i < _open.Count;)
                {
                    // A batch that would only queue at the gate may as well keep collecting records.
                    if (_gate is IRateProbe probe && !probe.WouldAllowNow(_open[i].Destinations))
                    {
                        i++;
                        continue;
                    }

                    if (!_slots.Wait(0)) break;
                    _open[i].Why = BatchReason.InputPaused;
                    var piece = _open[i].TakeUpTo(_gate.MaxBatchSize);
                    _heldRows -= piece.Count;
                    (quiet ??= new List<OpenBatch>()).Add(piece);
                    if (!ReferenceEquals(piece, _open[i])) continue;
                    _openByShape.Remove(piece.Shape);
                    _open.RemoveAt(i);
                }
            }

            if (quiet is null) return;
            foreach (var batch in quiet) Start(batch);
        }

        /// <summary>Once per run, after its last result: the gate had to find the tenant's limit itself.</summary>
        private void WarnIfRateAdapted()
        {
            if (_gate is RateGate gate && gate.Adaptations != _adaptationsAtStart)
                _diagnostics.Warning(RunDiagnostics.RateAdapted(gate.SettledTps, gate.AdaptedBecause, gate.UserLimit));
        }

        private SendResult? TakeNextQuietly()
        {
            lock (_sync) return _results.TakeNext();
        }

        private void ThrowIfStopped()
        {
            Volatile.Read(ref _fault)?.Throw();
            _cancellation.ThrowIfCancellationRequested();
            if (_disposed || _stopToken.IsCancellationRequested) throw new ObjectDisposedException(nameof(Dispatcher));
        }
    }
}
