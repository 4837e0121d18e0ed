using System;
using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// A send run with a journal (-Journal): records an earlier run already sent become results in their
    /// place in the order (Skipped, or Unknown when an earlier run stopped mid-request); the rest go to
    /// the dispatcher, whose transport records each request's intent and each batch's outcome.
    /// </summary>
    internal sealed class JournalingDispatcher : IDispatcher, IJournalLookup
    {
        private readonly IDispatcher _inner;
        private readonly JournalRun _run;
        // Apart, so that rows whose email lost a copy (sent changed, looked up as given too) do not render both in turn.
        private readonly LastShape _sentShapes;
        private readonly LastShape _givenShapes;
        // Pipeline thread only, as Add and TakeDiagnostics: the verbose lines of the journal, what it found first, then
        // the rows sent again with -ResendUnknown.
        private readonly List<DiagnosticEntry> _journalLines = new List<DiagnosticEntry>();

        private JournalingDispatcher(IDispatcher inner, JournalRun run, Func<ConnectMessage, MessageShape> shapeOf, bool resendUnknown)
        {
            _inner = inner;
            _run = run;
            _sentShapes = new LastShape(shapeOf);
            _givenShapes = new LastShape(shapeOf);
            var findings = JournalFindings.Describe(run.Journal.Path, run.Journal.EarlierTally, resendUnknown);
            if (JournalFindings.WithoutDestinations(run.Journal.Path, run.Journal.Destinations) is string without) findings += " " + without;
            _journalLines.Add(new DiagnosticEntry(DiagnosticLevel.Verbose, findings, DateTimeOffset.Now));
            // Counted as the journal was read, not key by key here: a loop's call reads on from the last (JournalsReadHere).
            _sentEarlier = run.Journal.EarlierTally.Sent;
        }

        // What earlier runs sent, counted before this run records its own sends.
        private readonly long _sentEarlier;
        private bool _completed;

        /// <summary>
        /// The dispatcher <paramref name="createDispatcher"/> makes over the transport of
        /// <paramref name="createTransport"/>, with the journal of <see cref="DispatchOptions.JournalPath"/>
        /// around both; unchanged without one. <paramref name="createTransport"/> is given the observer the
        /// transport must tell about each request right before it leaves (null without a journal). The journal is
        /// opened here, before any record is read: one that cannot be used throws its SessionFailureException now.
        /// </summary>
        public static IDispatcher Create(DispatchOptions options, Func<IAttemptObserver?, IBatchTransport> createTransport,
            Func<ConnectMessage, MessageShape> shapeOf, Func<IBatchTransport, IDispatcher> createDispatcher)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (createTransport is null) throw new ArgumentNullException(nameof(createTransport));
            if (string.IsNullOrEmpty(options.JournalPath)) return createDispatcher(createTransport(null));

            var run = new JournalRun(options.JournalPath!, options.ResendAmbiguous, forSandbox: options.JournalForSandbox, skipChanged: options.SkipChanged,
                rowsPiped: options.RowsPiped);
            return Around(run, options.ResendAmbiguous, createTransport, shapeOf, createDispatcher);
        }

        /// <summary>The same around a journal already open (tests open it over a disk that fails); the dispatcher owns it.</summary>
        public static IDispatcher Around(JournalRun run, bool resendUnknown, Func<IAttemptObserver?, IBatchTransport> createTransport,
            Func<ConnectMessage, MessageShape> shapeOf, Func<IBatchTransport, IDispatcher> createDispatcher)
        {
            if (run is null) throw new ArgumentNullException(nameof(run));
            try
            {
                return new JournalingDispatcher(createDispatcher(new JournalingTransport(createTransport, run)), run, shapeOf, resendUnknown);
            }
            catch
            {
                run.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The same over a transport that does not report its attempts (fakes): each batch's intent is
        /// written before the batch is handed over.
        /// </summary>
        public static IDispatcher Create(DispatchOptions options, IBatchTransport transport,
            Func<ConnectMessage, MessageShape> shapeOf, Func<IBatchTransport, IDispatcher> createDispatcher)
        {
            if (transport is null) throw new ArgumentNullException(nameof(transport));
            return Create(options, attempts => attempts is null ? transport : new WholeBatchAttempt(transport, attempts), shapeOf, createDispatcher);
        }

        public DispatchProgress Progress => _inner.Progress;

        /// <inheritdoc />
        public DispatchPace Pace => _inner.Pace;

        public StoppedRows StopAndCount(TimeSpan unwind) => _inner.StopAndCount(unwind);

        public void Add(DispatchItem item)
        {
            DispatchItem.Require(item, nameof(item));
            var instead = _run.Admit(item, _sentShapes.Of(item.Message), out var toSend, out var resending, item.AsGiven is { } given ? _givenShapes.Of(given) : null);
            if (resending is not null) _journalLines.Add(Resending(item, resending));
            if (instead is null) _inner.Add(toSend);
            else _inner.AddCompleted(instead);
        }

        public SendResult? EarlierOutcomeOf(DispatchItem item)
        {
            DispatchItem.Require(item, nameof(item));
            return _run.Peek(item, _sentShapes.Of(item.Message), item.AsGiven is { } given ? _givenShapes.Of(given) : null);
        }

        /// <summary>"Row 7: Sending again +447700900007 (-ResendUnknown): its outcome was unknown ...": a line as a Skipped row's.</summary>
        private static DiagnosticEntry Resending(DispatchItem item, string why) =>
            new DiagnosticEntry(DiagnosticLevel.Verbose,
                (item.Row > 0 ? RowErrorText.Prefix(item.Row) : "") + "Sending again " + item.Recipient + " (-ResendUnknown): " + why,
                DateTimeOffset.Now);

        public void AddCompleted(SendResult result) => _inner.AddCompleted(result);

        public IReadOnlyList<SendResult> TakeReady() => _inner.TakeReady();

        /// <summary>
        /// The last results, then (once) the warnings: when not one row of this run was one an earlier run recorded, when rows
        /// were skipped for sends recorded on an earlier day, and when the journal could not record the outcome of some rows.
        /// </summary>
        public IEnumerable<SendResult> Complete()
        {
            foreach (var result in _inner.Complete()) yield return result;
            if (_completed) yield break;
            _completed = true;
            var (admitted, found) = _run.Matches;
            if (JournalFindings.NoneMatched(_run.Journal.Path, _sentEarlier, admitted, found, whatIf: false, _run.EveryColumnCounted) is string warning)
                _journalLines.Add(new DiagnosticEntry(DiagnosticLevel.Warning, warning, DateTimeOffset.Now));
            if (_run.ChangedWarning() is string changed)
                _journalLines.Add(new DiagnosticEntry(DiagnosticLevel.Warning, changed, DateTimeOffset.Now));
            if (JournalFindings.SentOnEarlierDays(_run.Journal.Path, _run.SkippedOld, whatIf: false) is string earlierDays)
                _journalLines.Add(new DiagnosticEntry(DiagnosticLevel.Warning, earlierDays, DateTimeOffset.Now));
            if (_run.Unrecorded.Warning(_run.Journal.Path) is string unrecorded)
                _journalLines.Add(new DiagnosticEntry(DiagnosticLevel.Warning, unrecorded, DateTimeOffset.Now));
        }

        public IReadOnlyList<DiagnosticEntry> TakeDiagnostics()
        {
            var inner = _inner.TakeDiagnostics();
            if (_journalLines.Count == 0) return inner;
            // The rows' lines first: each was handed over before anything the engine says about its request.
            var all = new List<DiagnosticEntry>(_journalLines.Count + inner.Count);
            all.AddRange(_journalLines);
            all.AddRange(inner);
            _journalLines.Clear();
            return all;
        }

        public Action? WhileWaiting
        {
            get => _inner.WhileWaiting;
            set => _inner.WhileWaiting = value;
        }

        /// <summary>Stops the run first, so that no outcome is still on its way when the journal closes.</summary>
        public void Dispose()
        {
            try
            {
                _inner.Dispose();
            }
            finally
            {
                _run.Dispose();
            }
        }
    }
}
