using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Messages;
using WebexConnect.Engine.Payload;
using WebexConnect.Results;

namespace WebexConnect.Engine.Transport
{
    /// <summary>One request's worth of destinations that share a message shape.</summary>
    internal sealed class OutgoingBatch
    {
        public OutgoingBatch(MessageShape shape, IReadOnlyList<Recipient> recipients, long number)
        {
            Shape = shape;
            Recipients = recipients;
            Number = number;
        }

        public MessageShape Shape { get; }
        public IReadOnlyList<Recipient> Recipients { get; }

        /// <summary>1-based batch number within the run, reported on every result.</summary>
        public long Number { get; }

        /// <summary>The number of addresses across the recipients: what the TPS budget counts.</summary>
        public int DestinationCount
        {
            get
            {
                var n = 0;
                for (var i = 0; i < Recipients.Count; i++) n += Recipients[i].Addresses.Count;
                return n;
            }
        }
    }

    /// <summary>What happened to one recipient (destination object) of a batch; never changed, so the recipients of one request share one.</summary>
    internal sealed class DestinationOutcome
    {
        public SendStatus Status { get; init; }
        public string? MessageId { get; init; }
        /// <summary>The API code (7041), the HTTP status ("503"), or ours ("Timeout", "ConnectionFailed").</summary>
        public string? Code { get; init; }
        public string? Reason { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
    }

    /// <summary>The outcome of a batch: one entry per recipient, in the batch's order.</summary>
    internal sealed class BatchOutcome
    {
        public BatchOutcome(IReadOnlyList<DestinationOutcome> perRecipient) => PerRecipient = perRecipient;

        public IReadOnlyList<DestinationOutcome> PerRecipient { get; }

        /// <summary>x-rate-limit-limit of the last response: the TPS the service announced, if it did.</summary>
        public int? AnnouncedTpsLimit { get; init; }

        /// <summary>x-rate-limit-remaining of the last response, if present.</summary>
        public int? RateLimitRemaining { get; init; }

        /// <summary>The x-quota-limit-* headers of the last response (lower-case names); empty when absent.</summary>
        public IReadOnlyDictionary<string, string> QuotaHeaders { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>
    /// Sends one batch with retries that never duplicate a message, bisection of destination errors,
    /// and the session's rate gate before every HTTP attempt. Throws SessionFailureException for
    /// failures that doom every later batch, or <see cref="BatchStoppedException"/> carrying it when part
    /// of the batch was or may have been accepted first; OperationCanceledException when cancelled.
    /// </summary>
    internal interface IBatchTransport
    {
        Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken);
    }

    /// <summary>
    /// The session's TPS budget, in destinations per second, shared by every request of the session
    /// (retries and bisected halves included).
    /// </summary>
    internal interface IRateGate
    {
        /// <summary>The TPS in force now: the user's, or the one the service announced or refusals brought it down to.</summary>
        int Tps { get; }

        /// <summary>The largest number of destinations one request may carry now: a second of the TPS, or a tenth when the session's first answer was slow; 1 to 1000.</summary>
        int MaxBatchSize { get; }

        /// <summary>
        /// Waits until <paramref name="destinations"/> may be sent without passing the TPS in any one-second
        /// window. The caller must settle the permit once: Answered when the request may have reached the
        /// service, NotSent when it certainly did not.
        /// </summary>
        ValueTask<Dispatch.RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken);

        /// <summary>Adopts the limit the service announced (x-rate-limit-limit) when the user gave none.</summary>
        void AdoptAnnouncedLimit(int tps);

        /// <summary>
        /// The service refused the permit's request for the rate (429/7020) or its size (7009): when the user gave
        /// no limit, the gate lowers its own.
        /// </summary>
        void Refused(Dispatch.RatePermit permit, string code);
    }
}
