using System;
using System.Threading;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Destinations the rate gate let through for one HTTP attempt. They stay in the tenant's budget while the
    /// request is in flight; the transport then says what became of it, once: <see cref="Answered"/> (the
    /// service may have counted it: held until a second after its arrival) or <see cref="NotSent"/> (it never
    /// left: released at once).
    /// </summary>
    internal sealed class RatePermit
    {
        private readonly Action<RatePermit, bool, bool, DateTimeOffset?>? _settle;
        private readonly Func<long>? _clock;
        private long _leftAt;
        private long _heardAt;
        private int _settled;

        internal RatePermit(int destinations, long sentAt, long[] entries, Action<RatePermit, bool, bool, DateTimeOffset?>? settle, Func<long>? clock = null)
        {
            Destinations = destinations;
            SentAt = sentAt;
            _leftAt = sentAt;
            Entries = entries;
            _settle = settle;
            _clock = clock;
        }

        /// <summary>A permit that holds nothing (gates that keep no books).</summary>
        public static RatePermit None { get; } = new RatePermit(0, 0, Array.Empty<long>(), null);

        public int Destinations { get; }

        /// <summary>Destinations in the ledger, these included, when the last of them was granted.</summary>
        public int HeldWhenGranted { get; init; }

        /// <summary>The gate's TPS when the permit was granted: a refusal of it says how far that limit was too high.</summary>
        public int TpsWhenGranted { get; init; }

        /// <summary>When the last of its destinations was granted (<see cref="MonotonicTicks"/>).</summary>
        public long SentAt { get; }

        /// <summary>When the request's body started to leave (<see cref="Leaving"/>); until then, <see cref="SentAt"/>.</summary>
        public long LeftAt => Interlocked.Read(ref _leftAt);

        internal long[] Entries { get; }

        /// <summary>
        /// The body starts to leave now: the delay to the service's arrival is timed from here, so that it does not
        /// include this machine's scheduling between the grant and the send.
        /// </summary>
        public void Leaving()
        {
            if (_clock is not null) Interlocked.Exchange(ref _leftAt, _clock());
        }

        /// <summary>When the answer's status line and headers were in (<see cref="Heard"/>); 0 until then.</summary>
        public long HeardAt => Interlocked.Read(ref _heardAt);

        /// <summary>
        /// The answer's headers are in: the service counted the request before now. Read before the body is, so the
        /// proven bound on its arrival does not include reading and parsing the body (code run for the first time,
        /// in a cold process, takes tens of milliseconds there).
        /// </summary>
        public void Heard()
        {
            if (_clock is not null) Interlocked.CompareExchange(ref _heardAt, _clock(), 0);
        }

        /// <summary>The service answered (or may have received it): <paramref name="serviceTimestamp"/> is its requestTimestamp, if any.</summary>
        /// <param name="accepted">True when the service took the request in (2xx).</param>
        public void Answered(DateTimeOffset? serviceTimestamp, bool accepted = false)
        {
            if (Interlocked.Exchange(ref _settled, 1) == 0) _settle?.Invoke(this, true, accepted, serviceTimestamp);
        }

        /// <summary>The request never left this machine (cancelled or refused before its body was written).</summary>
        public void NotSent()
        {
            if (Interlocked.Exchange(ref _settled, 1) == 0) _settle?.Invoke(this, false, false, null);
        }
    }
}
