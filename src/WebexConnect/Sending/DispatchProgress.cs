using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// A snapshot of a send run for Write-Progress: read on the pipeline thread while sending goes on in
    /// the background, so every number is a copy, not a live view.
    /// </summary>
    internal sealed class DispatchProgress
    {
        public DispatchProgress(long added, long submitted, long completed, long failed, double destinationsPerSecond,
            TimeSpan elapsed, long? expectedTotal)
        {
            Added = added;
            Submitted = submitted;
            Completed = completed;
            Failed = failed;
            DestinationsPerSecond = destinationsPerSecond;
            Elapsed = elapsed;
            ExpectedTotal = expectedTotal;
        }

        /// <summary>Records handed to the run (Add and AddCompleted).</summary>
        public long Added { get; }

        /// <summary>Records whose batch has been handed to the transport.</summary>
        public long Submitted { get; }

        /// <summary>Records that have a result (any status).</summary>
        public long Completed { get; }

        /// <summary>Of <see cref="Completed"/>, the results that are not a success (Invalid and Skipped included).</summary>
        public long Failed { get; }

        /// <summary>Destinations that got an outcome from the transport, per second since the run started.</summary>
        public double DestinationsPerSecond { get; }

        /// <summary>Time since the run started.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The total the caller announced, when known (for an ETA).</summary>
        public long? ExpectedTotal { get; }
    }
}
