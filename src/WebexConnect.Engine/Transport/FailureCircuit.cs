using System;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Stops a session from hammering a service it cannot reach: after <c>threshold</c> batches in a row
    /// end without any answer that shows the service working (every destination Failed or Unknown), further
    /// batches fail fast, without a request, for the break duration. Then one batch may probe; its success
    /// closes the circuit, its failure opens it again. Batches failed fast are Failed (never sent), so they
    /// are safe to send again; the dispatcher may read <see cref="IsOpen"/> to stop the run instead.
    /// Failures count as consecutive only when each batch was sent after the previous failure was seen:
    /// batches that were in flight together when one blip hit (a server restart cuts them all at once) are
    /// one failure, not one each, so a single blip cannot open the circuit by itself.
    /// </summary>
    internal sealed class FailureCircuit
    {
        private readonly int _threshold;
        private readonly TimeSpan _breakDuration;
        private readonly TimeProvider _clock;
        private readonly object _gate = new object();
        private int _consecutiveFailures;
        private string? _lastFailure;
        private DateTimeOffset? _openedAt;
        private bool _probing;
        private long _failuresSeen;

        public FailureCircuit(int threshold, TimeSpan breakDuration, TimeProvider clock)
        {
            _threshold = threshold;
            _breakDuration = breakDuration;
            _clock = clock;
        }

        public bool IsOpen
        {
            get { lock (_gate) return _openedAt is not null; }
        }

        /// <summary>False (with the reason to report) when the batch must fail fast without a request.</summary>
        public bool TryPass(out string? reason) => TryPass(out reason, out _);

        /// <summary>
        /// As <see cref="TryPass(out string?)"/>; <paramref name="ticket"/> marks how many failures had been seen
        /// when the batch left, for <see cref="Record(bool, string?, long)"/>.
        /// </summary>
        public bool TryPass(out string? reason, out long ticket)
        {
            lock (_gate)
            {
                reason = null;
                ticket = _failuresSeen;
                if (_openedAt is not { } opened) return true;
                if (!_probing && _clock.GetUtcNow() - opened >= _breakDuration)
                {
                    _probing = true;
                    return true;
                }

                reason = "Not sent: stopped after " + _consecutiveFailures + " consecutive failures" + (_lastFailure is null ? "" : " (last: " + _lastFailure + ")");
                return false;
            }
        }

        /// <summary>A batch that passed ended without telling anything (cancelled, session failure): let another probe.</summary>
        public void Abandon()
        {
            lock (_gate) _probing = false;
        }

        /// <summary>Records a batch that was sent, counting its failure as new.</summary>
        public void Record(bool serviceAnswered, string? failureReason)
        {
            long ticket;
            lock (_gate) ticket = _failuresSeen;
            Record(serviceAnswered, failureReason, ticket);
        }

        /// <summary>
        /// Records a batch that was sent: did any request get an answer showing the service works?
        /// <paramref name="failureReason"/> says what the failure met ("HTTP 502"), without advice: the reason of the
        /// batches failed fast quotes it. A failure of a
        /// batch that left before another failure was seen (<paramref name="ticket"/> is older) is the same episode.
        /// </summary>
        public void Record(bool serviceAnswered, string? failureReason, long ticket)
        {
            lock (_gate)
            {
                _probing = false;
                if (serviceAnswered)
                {
                    _consecutiveFailures = 0;
                    _openedAt = null;
                    return;
                }

                _lastFailure = failureReason;
                if (ticket < _failuresSeen) return;
                _failuresSeen++;
                _consecutiveFailures++;
                if (_consecutiveFailures >= _threshold) _openedAt = _clock.GetUtcNow();
            }
        }
    }
}
