using System;

namespace WebexConnect.Engine.Transport
{
    /// <summary>Retry, timeout and circuit settings of a <see cref="BatchTransport"/>.</summary>
    internal sealed class TransportOptions
    {
        /// <summary>HTTP attempts per request, first try included, for failures that are safe to retry.</summary>
        public int MaxAttempts { get; init; } = 6;

        /// <summary>First backoff delay; it doubles per retry (with jitter) up to <see cref="MaxBackoff"/>.</summary>
        public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest Retry-After honoured; a larger value is cut to this.</summary>
        public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>How long one HTTP attempt may take before it ends as a timeout (outcome Unknown).</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>The connect timeout the HttpClient was made with (<see cref="ConnectHttpClientFactory.ConnectTimeout"/>), for the words of a failure.</summary>
        public TimeSpan ConnectTimeout { get; init; } = ConnectHttpClientFactory.ConnectTimeout;

        /// <summary>Resend after a timeout, reset or 500/502/504 although the service may have accepted it.</summary>
        public bool ResendAmbiguous { get; init; }

        /// <summary>Consecutive batches that end without reaching the service before the circuit opens.</summary>
        public int CircuitThreshold { get; init; } = 5;

        /// <summary>How long an open circuit fails batches fast before one batch may try again.</summary>
        public TimeSpan CircuitBreak { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>Told about each HTTP request right before it leaves (the journal records intent there); none by default.</summary>
        public IAttemptObserver? AttemptObserver { get; init; }

        /// <summary>The run keeps a -Journal: what a result or an error says a re-run does depends on it (RerunAdvice).</summary>
        public bool Journaled { get; init; }

        /// <summary>The proxy requests go through, when one does: a failure to reach it names it. Null: direct.</summary>
        public Uri? Proxy { get; init; }

        internal void Validate()
        {
            if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt.");
            if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "Must be positive.");
            if (CircuitThreshold < 1) throw new ArgumentOutOfRangeException(nameof(CircuitThreshold), CircuitThreshold, "At least 1.");
        }
    }
}
