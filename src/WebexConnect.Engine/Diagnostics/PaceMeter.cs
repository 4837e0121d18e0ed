using System;
using System.Threading;
using WebexConnect.Engine.Dispatch;

namespace WebexConnect.Engine.Diagnostics
{
    /// <summary>
    /// A send run's accounting of where its time went, for the line that says what limited its pace (DispatchPace): the
    /// transport says what each request is doing (at the gate, awaiting the answer, waiting to be resent), the dispatcher how
    /// long the pipeline thread waited on sending and for rows. Counters and sums only: a few clock reads a request and a
    /// row, nothing allocated. It observes; nothing reads it to decide what to send or when.
    /// </summary>
    /// <remarks>
    /// A wait of the pipeline thread is charged to each thing a request of the run was doing when the wait ended (the dispatcher
    /// waits in slices of at most 50 ms): requests waiting at the gate while the pipeline waits say the TPS budget held it back,
    /// requests out for their answer the service's time, requests between attempts the retries.
    /// </remarks>
    internal sealed class PaceMeter
    {
        private int _atGate;
        private int _exchanging;
        private int _attempting;
        private int _answering;
        private long _answers;
        private long _answerTicks;
        private long _retries;

        // The pipeline thread's own sums: only it calls Waited, RowCame and RowLeft, and reads them after the last result.
        private long _waited;
        private long _onBudget;
        private long _onAnswers;
        private long _onRetries;
        private long _betweenRows;
        private bool _slotsFull;
        private long _rowLeftAt = MonotonicTicks.Now();

        public void EnterGate() => Interlocked.Increment(ref _atGate);

        public void LeaveGate() => Interlocked.Decrement(ref _atGate);

        public void EnterAnswer() => Interlocked.Increment(ref _answering);

        /// <summary>The answer came (or the attempt ended without one) after <paramref name="took"/>.</summary>
        public void LeaveAnswer(TimeSpan took)
        {
            Interlocked.Decrement(ref _answering);
            Interlocked.Increment(ref _answers);
            Interlocked.Add(ref _answerTicks, took.Ticks);
        }

        /// <summary>A request starts its attempts; between two of them it waits to be resent.</summary>
        public void EnterExchange() => Interlocked.Increment(ref _exchanging);

        public void LeaveExchange() => Interlocked.Decrement(ref _exchanging);

        /// <summary>An attempt starts; <paramref name="again"/> when it resends the request.</summary>
        public void EnterAttempt(bool again)
        {
            Interlocked.Increment(ref _attempting);
            if (again) Interlocked.Increment(ref _retries);
        }

        public void LeaveAttempt() => Interlocked.Decrement(ref _attempting);

        /// <summary>The pipeline thread waited <paramref name="slice"/> on sending; <paramref name="slotsFull"/> when for a request slot.</summary>
        public void Waited(TimeSpan slice, bool slotsFull = false)
        {
            if (slice <= TimeSpan.Zero) return;
            _waited += slice.Ticks;
            _slotsFull |= slotsFull;
            if (Volatile.Read(ref _atGate) > 0) _onBudget += slice.Ticks;
            if (Volatile.Read(ref _answering) > 0) _onAnswers += slice.Ticks;
            if (Volatile.Read(ref _exchanging) > Volatile.Read(ref _attempting)) _onRetries += slice.Ticks;
        }

        /// <summary>The pipeline handed a row (or its end) to the dispatcher: the time since the last one left was the pipeline's.</summary>
        public void RowCame() => _betweenRows += MonotonicTicks.Now() - _rowLeftAt;

        /// <summary>The dispatcher gave the pipeline thread back after a row.</summary>
        public void RowLeft() => _rowLeftAt = MonotonicTicks.Now();

        /// <summary>What was measured, with the run's elapsed time, the destinations answered, and its budget.</summary>
        public Sending.DispatchPace Read(TimeSpan elapsed, long destinations, int maxConcurrentRequests, int tps, string budget)
        {
            var answers = Interlocked.Read(ref _answers);
            return new Sending.DispatchPace
            {
                Elapsed = elapsed,
                BetweenRows = TimeSpan.FromTicks(_betweenRows),
                WaitedForSending = TimeSpan.FromTicks(_waited),
                OnTheBudget = TimeSpan.FromTicks(_onBudget),
                OnAnswers = TimeSpan.FromTicks(_onAnswers),
                OnRetries = TimeSpan.FromTicks(_onRetries),
                Retries = Interlocked.Read(ref _retries),
                Answers = answers,
                AverageAnswer = answers == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _answerTicks) / answers),
                MaxConcurrentRequests = maxConcurrentRequests,
                ReachedMaxConcurrent = _slotsFull,
                Destinations = destinations,
                Tps = tps,
                Budget = budget,
            };
        }
    }
}
