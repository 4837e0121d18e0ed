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
        public SandboxMessage(string channel, List<SandboxDestination> destinations, string? callbackData, string? notifyUrl, string? correlationId)
        {
            Channel = channel;
            Destinations = destinations;
            CallbackData = callbackData;
            NotifyUrl = notifyUrl;
            CorrelationId = correlationId;
        }

        public string Channel { get; }
        public IReadOnlyList<SandboxDestination> Destinations { get; }
        public string? CallbackData { get; }
        public string? NotifyUrl { get; }

        /// <summary>The top-level correlationId, echoed in the 201 body.</summary>
        public string? CorrelationId { get; }
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
