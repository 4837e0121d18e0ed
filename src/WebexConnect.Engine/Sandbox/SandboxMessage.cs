using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>One address of an accepted request, with the correlationId of its destination object.</summary>
    internal readonly struct SandboxDestination
    {
        public SandboxDestination(string address, string? correlationId)
        {
            Address = address;
            CorrelationId = correlationId;
        }

        public string Address { get; }
        public string? CorrelationId { get; }
    }

    /// <summary>What the sandbox keeps of a request body that passed validation.</summary>
    internal sealed class SandboxMessage
    {
        public SandboxMessage(string channel, string from, List<SandboxDestination> destinations, string? callbackData, string? notifyUrl, string? correlationId,
            int segments = 1, DateTimeOffset? sendAt = null, IReadOnlyList<string>? copies = null, IReadOnlyList<string>? requestedReceipts = null)
        {
            Copies = copies ?? Array.Empty<string>();
            RequestedReceipts = requestedReceipts ?? Array.Empty<string>();
            SendAt = sendAt;
            Channel = channel;
            From = from;
            Destinations = destinations;
            CallbackData = callbackData;
            NotifyUrl = notifyUrl;
            CorrelationId = correlationId;
            Segments = segments;
        }

        public string Channel { get; }

        /// <summary>The sender (sender ID, address or app ID): the lookup answers with it, as the service does.</summary>
        public string From { get; }
        public IReadOnlyList<SandboxDestination> Destinations { get; }

        /// <summary>
        /// An email's cc and bcc addresses: the service posts each its own receipts under the message's transid, but they are
        /// no destination (not counted as accepted, not looked up).
        /// </summary>
        public IReadOnlyList<string> Copies { get; }

        /// <summary>The body's requestedReceipts: the receipts posted, when there are any (API.md: the array filters the webhooks).</summary>
        public IReadOnlyList<string> RequestedReceipts { get; }
        public string? CallbackData { get; }
        public string? NotifyUrl { get; }

        /// <summary>The top-level correlationId, echoed in the 201 body.</summary>
        public string? CorrelationId { get; }

        /// <summary>The lookup's numSegments: the SMS parts of the first destination's text (<see cref="SandboxSmsSegments"/>); 1 for other channels.</summary>
        public int Segments { get; }

        /// <summary>The body's sendAt: a message scheduled for later goes out then, and no receipt comes before it.</summary>
        public DateTimeOffset? SendAt { get; }

        /// <summary>The time it goes out: its sendAt when that is later than <paramref name="acceptedAt"/>, else at once.</summary>
        public DateTimeOffset GoesOutAt(DateTimeOffset acceptedAt) => SendAt is DateTimeOffset later && later > acceptedAt ? later : acceptedAt;
    }

    /// <summary>A 400 the API would answer: the code and the message naming the field.</summary>
    internal sealed class SandboxRejection
    {
        public SandboxRejection(string code, string message)
        {
            Code = code;
            Message = message;
        }

        public string Code { get; }
        public string Message { get; }
    }
}
