using System;
using System.Collections.Generic;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// The shared part of a request (everything but "to"), serialised once. Two records whose shapes are
    /// equal travel in one request. Equality compares the serialised bytes.
    /// </summary>
    internal sealed class MessageShape : IEquatable<MessageShape>
    {
        private readonly int _hash;
        private byte[]? _receivedJson;
        // Found by whichever thread writes the first request; two finding it at once find the same names.
        private HashSet<string>? _used;
        private volatile bool _usedKnown;

        private MessageShape(ConnectMessage message, byte[] sharedJson)
        {
            Message = message;
            SharedJson = sharedJson;
            _hash = ShapeHash.Of(sharedJson);
        }

        public ConnectMessage Message { get; }

        public MessageChannel Channel => Message.Channel;

        /// <summary>The body's members other than "to", as UTF-8 JSON without the enclosing braces.</summary>
        public ReadOnlyMemory<byte> SharedJson { get; }

        /// <summary>
        /// The shared members that make what the person receives, in the same form: <see cref="SharedJson"/> without
        /// sendAt, expireAt, validity, callbackData, notifyUrl and requestedReceipts. Made on first use: only a
        /// journaled run needs it.
        /// </summary>
        public ReadOnlyMemory<byte> ReceivedJson => _receivedJson ??= Members(Message, SharedPartWriter.WriteWhatIsReceived);

        /// <summary>
        /// <see cref="ReceivedJson"/> with its URLs as an earlier version wrote them (<see cref="UrlForm"/>): the key that version gave
        /// the send. <see cref="ReceivedJson"/> itself when the message has no URL that any form writes otherwise (<see cref="UrlsDiffer"/>).
        /// Made on first use, by a journaled run only.
        /// </summary>
        public ReadOnlyMemory<byte> ReceivedJsonWith(UrlForm urls)
        {
            if (urls == UrlForm.Sent || !UrlsDiffer) return ReceivedJson;
            var earlier = _receivedEarlier ??= new byte[]?[UrlForms.Earlier.Length + 1];
            return earlier[(int)urls] ??= Members(Message, (writer, message) => SharedPartWriter.WriteWhatIsReceived(writer, message, urls));
        }

        private byte[]?[]? _receivedEarlier;

        /// <summary>True when a URL of what is received is written otherwise in some <see cref="UrlForm"/> (UrlForms.Differ).</summary>
        public bool UrlsDiffer => UrlForms.Differ(Message);

        /// <summary>
        /// <see cref="SharedJson"/> with its URLs as the command was given them, not as sent (<see cref="UrlForm.AsGiven"/>): what
        /// versions that keyed a send with its delivery members wrote. Made on first use, by a journaled run only.
        /// </summary>
        public ReadOnlyMemory<byte> SharedJsonAsGiven => _sharedJsonAsGiven ??= Members(Message, SharedPartWriter.WriteMembersAsGiven);

        private byte[]? _sharedJsonAsGiven;

        /// <summary>
        /// The substitution names the message uses (<see cref="Payload.UsedSubstitutions"/>); null when every one is sent.
        /// Found at the first request of the shape, not for shapes only compared.
        /// </summary>
        public HashSet<string>? UsedSubstitutions
        {
            get
            {
                if (!_usedKnown)
                {
                    _used = Payload.UsedSubstitutions.Of(Channel, SharedJson.Span);
                    _usedKnown = true;
                }
                return _used;
            }
        }

        /// <summary>True when <see cref="SharedJson"/> holds members <see cref="ReceivedJson"/> leaves out.</summary>
        /// <remarks>
        /// Told from the message, not by comparing the two: an encoded space alone makes their lengths differ, and writing
        /// <see cref="SharedJsonAsGiven"/> for every shape of a journaled run (a shape per row for a Text column) to compare it
        /// would cost a third serialisation a row.
        /// </remarks>
        public bool HasDeliveryMembers => SharedPartWriter.HasDeliveryMembers(Message);

        public static MessageShape Of(ConnectMessage message)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            return new MessageShape(message, Members(message, SharedPartWriter.WriteMembers));
        }

        private static byte[] Members(ConnectMessage message, Action<Utf8JsonWriter, ConnectMessage> write)
        {
            var buffer = new PayloadBuffer(512);
            using (var writer = new Utf8JsonWriter(buffer, WireFormat.Compact))
            {
                writer.WriteStartObject();
                write(writer, message);
                writer.WriteEndObject();
            }

            // Compact output: the braces are exactly the first and the last byte.
            var withBraces = buffer.WrittenSpan;
            return withBraces.Slice(1, withBraces.Length - 2).ToArray();
        }

        // The same object first: every row of a run of one message looks its batch up by the shape it already is (the
        // dispatcher's dictionary), and comparing a 350 KB HTML body with itself for every row is pure waste.
        public bool Equals(MessageShape? other) => ReferenceEquals(this, other) ||
            (other is not null && _hash == other._hash && SharedJson.Span.SequenceEqual(other.SharedJson.Span));

        public override bool Equals(object? obj) => Equals(obj as MessageShape);

        public override int GetHashCode() => _hash;
    }
}
