using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What a send run's engine measured of where its time went, for the line that says what limited its pace
    /// (Composition/RunPace): the time it waited for the pipeline's next row, and the time the pipeline thread waited on
    /// sending, by what the requests out were doing meanwhile. Read once, after the last result.
    /// </summary>
    /// <remarks>
    /// The times a request waited at the gate, for an answer and to be resent are counted only while the pipeline thread
    /// waited on them, each for the whole of such a wait: two at once both count, so they may add up to more than
    /// <see cref="WaitedForSending"/>, but never to more than the run.
    /// </remarks>
    internal sealed class DispatchPace
    {
        /// <summary>Time since the run started.</summary>
        public TimeSpan Elapsed { get; init; }

        /// <summary>Time the engine waited for the pipeline to hand it the next row, or its end: upstream commands, prompts, results written.</summary>
        public TimeSpan BetweenRows { get; init; }

        /// <summary>Time the pipeline thread waited on sending: for room for more requests, or for the results still out.</summary>
        public TimeSpan WaitedForSending { get; init; }

        /// <summary>Of <see cref="WaitedForSending"/>, the time a request waited for the TPS budget.</summary>
        public TimeSpan OnTheBudget { get; init; }

        /// <summary>Of <see cref="WaitedForSending"/>, the time a request waited for the service's answer.</summary>
        public TimeSpan OnAnswers { get; init; }

        /// <summary>Of <see cref="WaitedForSending"/>, the time a request waited to be resent (backoff or Retry-After).</summary>
        public TimeSpan OnRetries { get; init; }

        /// <summary>The requests that went out again after a refusal or failure.</summary>
        public long Retries { get; init; }

        /// <summary>The service's answers, and their average time.</summary>
        public long Answers { get; init; }

        /// <summary>How long an answer took on average; zero before the first.</summary>
        public TimeSpan AverageAnswer { get; init; }

        /// <summary>The most requests a run has out at once (DispatchOptions.MaxConcurrentRequests).</summary>
        public int MaxConcurrentRequests { get; init; }

        /// <summary>True when every request slot was taken while the pipeline thread waited for one.</summary>
        public bool ReachedMaxConcurrent { get; init; }

        /// <summary>The destinations the service answered for.</summary>
        public long Destinations { get; init; }

        /// <summary>The TPS the session's gate kept to at the end (while it searched after a 7009, the largest request taken).</summary>
        public int Tps { get; init; }

        /// <summary>The TPS budget as an admin knows it: "50 destinations a second (-Tps 50)".</summary>
        public string Budget { get; init; } = "";
    }
}
