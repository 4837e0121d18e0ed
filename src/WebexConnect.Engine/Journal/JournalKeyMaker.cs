using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json;
using WebexConnect.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Names a send without writing what it was: HMAC-SHA256, keyed with the journal's random salt, over
    /// the channel, the message's shared JSON but for when it is sent and where its receipts go (so: text, sender,
    /// options, template, contact policy), the destination object as it travels
    /// (addresses, correlation ID, the substitutions the message names, GTR IDs) and which repeat of it in the run this is.
    /// A column no $(name) of the message names is no part of the send (the request leaves it out): correcting it (the
    /// empty Phone of a row whose email went) must not make the same email a new send. Only the substitutions are put in
    /// order of name first: the same values in another order are the same message
    /// (a hashtable row lists its keys in another order in every process, a CSV's columns can move), and the
    /// shared -Substitution values are sorted by name already.
    /// </summary>
    /// <remarks>
    /// Why a salted HMAC rather than a plain SHA-256: phone numbers are a small space (about 10^10), so a
    /// plain hash of a known message and a number is reversed by trying them all, with tables that serve
    /// every journal alike. With a per-journal salt, nothing precomputed applies and the same person in two
    /// journals gets unrelated keys. The salt lives in the journal's header, so whoever holds the file and
    /// also knows the exact text, substitutions and correlation ID of a row can still test guesses: the file
    /// deserves the care of the CSV it was made from, though it holds no number, address or text itself.
    /// Not thread-safe: the dispatcher calls it on the pipeline thread.
    /// </remarks>
    internal sealed class JournalKeyMaker : IDisposable
    {
        private readonly HMACSHA256 _hmac;
        private readonly PayloadBuffer _buffer = new PayloadBuffer(512);
        private readonly SubstitutionsByName _substitutions = new SubstitutionsByName();

        public JournalKeyMaker(byte[] salt)
        {
            if (salt is null || salt.Length == 0) throw new ArgumentException("The journal needs a salt.", nameof(salt));
            _hmac = new HMACSHA256(salt);
        }

        /// <summary>
        /// The key of the <paramref name="occurrence"/>-th (1-based) identical send of the run. When it goes out and
        /// where its receipts go (sendAt, expireAt, validity, callbackData, notifyUrl, requestedReceipts) are not part
        /// of it: a job that computes -SendAt from the clock sends the same message, which a re-run must skip.
        /// </summary>
        /// <remarks>
        /// Its substitutions are those the request carries (<see cref="MessageShape.UsedSubstitutions"/>, names matched exactly,
        /// as the service matches them). A message whose text the module does not hold (a -TemplateId, a channel other than
        /// SMS, email and RCS) may use any name in Webex Connect, where the module cannot read it: its key keeps every column.
        /// </remarks>
        public JournalKey For(MessageShape shape, Recipient recipient, int occurrence)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            return Make(shape, shape.ReceivedJson, recipient, occurrence, shape.UsedSubstitutions);
        }

        /// <summary>
        /// The key versions before this one gave the same send, which hashed every substitution of the row, named by the
        /// message or not: a journal they wrote names the send so. Equal to <see cref="For"/> when the message names every
        /// column of the row (<see cref="NamesEveryColumn"/>). The other earlier forms (<see cref="ForUrls"/>,
        /// <see cref="AsKeyedBefore"/>) are of those versions too, so they keep every column as well.
        /// </summary>
        public JournalKey WithEveryColumn(MessageShape shape, Recipient recipient, int occurrence)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            return Make(shape, shape.ReceivedJson, recipient, occurrence, used: null);
        }

        /// <summary>True when <see cref="For"/> hashes every substitution of the row: the message names each, or may name any.</summary>
        public static bool NamesEveryColumn(MessageShape shape, Recipient recipient)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            var used = shape.UsedSubstitutions;
            if (used is null || recipient.Substitutions.Count == 0) return true;
            foreach (var pair in new SubstitutionPairs(recipient.Substitutions))
                if (!used.Contains(pair.Key)) return false;
            return true;
        }

        /// <summary>
        /// The key an earlier version of the module gave the same send, which wrote its URLs in the form <paramref name="urls"/>
        /// (every version before the encoding): a journal it wrote names the send so. With every column of the row, as those
        /// versions hashed them: equal to <see cref="WithEveryColumn"/> for a message whose URLs every form writes alike.
        /// </summary>
        public JournalKey ForUrls(MessageShape shape, Recipient recipient, int occurrence, UrlForm urls)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            return Make(shape, shape.ReceivedJsonWith(urls), recipient, occurrence, used: null);
        }

        /// <summary>
        /// The key earlier versions of the module gave the same send, with the delivery members in it: a journal
        /// they wrote names its scheduled sends so. Equal to <see cref="WithEveryColumn"/> for a message without those members. Its URLs
        /// are as the command was given them, as those versions sent them (<see cref="UrlForm.AsGiven"/>).
        /// </summary>
        public JournalKey AsKeyedBefore(MessageShape shape, Recipient recipient, int occurrence)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            return Make(shape, shape.SharedJsonAsGiven, recipient, occurrence, used: null);
        }

        /// <summary>
        /// The key of the destination alone, with its channel: HMAC over "destination", the channel and the addresses as they
        /// are sent, and nothing of the message. Written beside a send's own keys, so that a later run can tell that a row the
        /// journal does not hold goes to someone an earlier run sent other content (<see cref="JournalDestinations"/>). Its own
        /// prefix keeps it apart from every send key (those hash a JSON object).
        /// </summary>
        public JournalKey ForDestination(MessageShape shape, Recipient recipient)
        {
            if (shape is null) throw new ArgumentNullException(nameof(shape));
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            _buffer.Clear();
            Append(DestinationPrefix);
            Append(WireFormat.Channel(shape.Message));
            // By index: a foreach over the list boxed its enumerator, for every row sent.
            var addresses = recipient.Addresses;
            for (var i = 0; i < addresses.Count; i++)
            {
                // A byte no UTF-8 text holds between the parts: no two destinations write the same bytes.
                _buffer.GetSpan(1)[0] = 0xFF;
                _buffer.Advance(1);
                Append(addresses[i]);
            }

#if NET8_0_OR_GREATER
            // Per row sent with -Journal, on the pipeline thread: no array for the hash.
            Span<byte> hash = stackalloc byte[32];
            _hmac.TryComputeHash(_buffer.WrittenSpan, hash, out _);
            return JournalKey.FromHash(hash);
#else
            var written = _buffer.WrittenSegment;
            return JournalKey.FromHash(_hmac.ComputeHash(written.Array!, written.Offset, written.Count));
#endif
        }

        private const string DestinationPrefix = "destination";

        private void Append(string text)
        {
            var span = _buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
#if NET8_0_OR_GREATER
            _buffer.Advance(System.Text.Encoding.UTF8.GetBytes(text.AsSpan(), span));
#else
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            bytes.CopyTo(span);
            _buffer.Advance(bytes.Length);
#endif
        }

        /// <param name="used">The substitution names that count; null for every one.</param>
        private JournalKey Make(MessageShape shape, ReadOnlyMemory<byte> sharedJson, Recipient recipient, int occurrence, HashSet<string>? used)
        {
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));

            _buffer.Clear();
            using (var writer = new Utf8JsonWriter(_buffer, WireFormat.Compact))
            {
                // Valid JSON in which the shared part is one opaque string: no two inputs write the same bytes.
                writer.WriteStartObject();
                writer.WriteString("channel", WireFormat.Channel(shape.Message));
                writer.WriteBase64String("shape", sharedJson.Span);
                DestinationWriter.WriteInNameOrder(writer, shape.Message, recipient, _substitutions, used);
                writer.WriteNumber("occurrence", occurrence);
                writer.WriteEndObject();
            }

            // Hashed where it was written: a copy was a large object for every row of a newsletter (its HTML is in the shape).
#if NET8_0_OR_GREATER
            // Two keys a row or more with -Journal (a row with a column the message does not name has its earlier one too): no array each.
            Span<byte> hash = stackalloc byte[32];
            _hmac.TryComputeHash(_buffer.WrittenSpan, hash, out _);
            return JournalKey.FromHash(hash);
#else
            var written = _buffer.WrittenSegment;
            return JournalKey.FromHash(_hmac.ComputeHash(written.Array!, written.Offset, written.Count));
#endif
        }

        public void Dispose() => _hmac.Dispose();
    }
}
