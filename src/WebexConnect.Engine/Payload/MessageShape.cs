using System;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// The shared part of a request (everything but "to"), serialised once. Two records whose shapes are
    /// equal travel in one request. Equality compares the serialised bytes.
    /// </summary>
    internal sealed class MessageShape : IEquatable<MessageShape>
    {
        private MessageShape(ConnectMessage message, byte[] sharedJson)
        {
            Message = message;
            SharedJson = sharedJson;
        }

        public ConnectMessage Message { get; }

        public MessageChannel Channel => Message.Channel;

        /// <summary>The body's members other than "to", as UTF-8 JSON without the enclosing braces.</summary>
        public ReadOnlyMemory<byte> SharedJson { get; }

        public static MessageShape Of(ConnectMessage message) => throw new NotImplementedException("PayloadWriter: issue 2");

        public bool Equals(MessageShape? other) => other is not null && SharedJson.Span.SequenceEqual(other.SharedJson.Span);

        public override bool Equals(object? obj) => Equals(obj as MessageShape);

        public override int GetHashCode() => throw new NotImplementedException("PayloadWriter: issue 2");
    }
}
