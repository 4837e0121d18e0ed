using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// Writes a v2 request body: {"to":[destination objects], shared members}. The destinations go straight
    /// into the output; the shared members are the shape's bytes, copied once per request.
    /// </summary>
    internal static class PayloadWriter
    {
        private const int MaxRetainedScratch = 1024 * 1024;

        [ThreadStatic]
        private static PayloadBuffer? t_scratch;

        public static void Write(MessageShape shape, IReadOnlyList<Recipient> recipients, IBufferWriter<byte> output)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            if (recipients is null) throw new ArgumentNullException(nameof(recipients));
            if (output is null) throw new ArgumentNullException(nameof(output));

            // Utf8JsonWriter cannot append raw members, so the object is left open in the writer and finished
            // by hand: flush "{"to":[...]", then copy ",<shared>}" into the output.
            using (var writer = new Utf8JsonWriter(output, WireFormat.Compact))
            {
                writer.WriteStartObject();
                DestinationWriter.WriteTo(writer, shape.Message, recipients, shape.UsedSubstitutions);
                writer.Flush();
            }

            var shared = shape.SharedJson.Span;
            var tail = output.GetSpan(shared.Length + 2);
            var length = 0;
            if (!shared.IsEmpty)
            {
                tail[length++] = (byte)',';
                shared.CopyTo(tail.Slice(length));
                length += shared.Length;
            }
            tail[length++] = (byte)'}';
            output.Advance(length);
        }

        /// <summary>A request body as an array of exactly its length; the working buffer is reused per thread.</summary>
        public static byte[] Write(MessageShape shape, IReadOnlyList<Recipient> recipients)
        {
            var buffer = t_scratch ??= new PayloadBuffer(64 * 1024);
            buffer.Clear();
            Write(shape, recipients, buffer);
            var body = buffer.ToArray();
            // A 10 MB email once must not stay pinned to the thread for the rest of the session.
            if (buffer.Capacity > MaxRetainedScratch) t_scratch = null;
            return body;
        }

        /// <summary>The body exactly as it would be sent, indented for people (-WhatIf, -PayloadOnly).</summary>
        public static string Render(ConnectMessage message, IReadOnlyList<Recipient> recipients)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            if (recipients is null) throw new ArgumentNullException(nameof(recipients));

            var buffer = new PayloadBuffer(1024);
            using (var writer = new Utf8JsonWriter(buffer, WireFormat.Indented))
            {
                writer.WriteStartObject();
                DestinationWriter.WriteTo(writer, message, recipients, MessageShape.Of(message).UsedSubstitutions);
                SharedPartWriter.WriteMembers(writer, message);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
