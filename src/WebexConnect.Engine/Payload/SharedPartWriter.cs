using System;
using System.Linq;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// Writes the members every destination of a request shares (all but "to") into an open JSON object:
    /// the common fields here, the channel's content and options in its own writer.
    /// </summary>
    internal static class SharedPartWriter
    {
        public static void WriteMembers(Utf8JsonWriter writer, ConnectMessage message) => Write(writer, message, withDelivery: true, UrlForm.Sent);

        /// <summary>
        /// <see cref="WriteMembers"/> with every URL as the command was given it (<see cref="UrlForm.AsGiven"/>): how versions that
        /// named a send with its delivery members wrote it, long before any URL was trimmed (JournalKeyMaker.AsKeyedBefore).
        /// </summary>
        public static void WriteMembersAsGiven(Utf8JsonWriter writer, ConnectMessage message) => Write(writer, message, withDelivery: true, UrlForm.AsGiven);

        /// <summary>
        /// The same members without those that say when the message goes out, how long it may wait and where its
        /// receipts go (sendAt, expireAt, validity, callbackData, notifyUrl, requestedReceipts): what the person
        /// receives. A re-run with -Journal names a send by this, so that a job which computes -SendAt from the
        /// clock, or gets a new receipt listener URL each run, does not send the same message again.
        /// Its URLs are as sent: 'a b.png' and 'a%20b.png' are one file, and a re-run after the cell was mended skips the row.
        /// </summary>
        public static void WriteWhatIsReceived(Utf8JsonWriter writer, ConnectMessage message) => Write(writer, message, withDelivery: false, UrlForm.Sent);

        /// <summary><see cref="WriteWhatIsReceived(Utf8JsonWriter, ConnectMessage)"/> with its URLs in another form: the key of an earlier version.</summary>
        public static void WriteWhatIsReceived(Utf8JsonWriter writer, ConnectMessage message, UrlForm urls) => Write(writer, message, withDelivery: false, urls);

        /// <summary>
        /// True when <see cref="WriteMembers"/> writes a member <see cref="WriteWhatIsReceived"/> leaves out: the same test as
        /// the writers' (WriteIfSet), told from the message without writing it.
        /// </summary>
        public static bool HasDeliveryMembers(ConnectMessage message) =>
            message.SendAt.HasValue || message.ExpireAt.HasValue || message.Validity.HasValue || !string.IsNullOrEmpty(message.CallbackData)
            || !string.IsNullOrEmpty(message.NotifyUrl) || message.RequestedReceipts.Any(receipt => !string.IsNullOrEmpty(receipt));

        private static void Write(Utf8JsonWriter writer, ConnectMessage message, bool withDelivery, UrlForm urls)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));

            writer.WriteString("channel", WireFormat.Channel(message));
            writer.WriteIfSet("from", message.From);
            writer.WriteSortedIfSet("substitutions", message.Substitutions);
            if (withDelivery)
            {
                writer.WriteIfSet("sendAt", message.SendAt);
                writer.WriteIfSet("expireAt", message.ExpireAt);
                if (message.Validity.HasValue) writer.WriteString("validity", WireFormat.Validity(message.Validity.Value));
                writer.WriteIfSet("callbackData", message.CallbackData);
                writer.WriteIfSet("notifyUrl", urls.Of(message.NotifyUrl));
                writer.WriteIfSet("requestedReceipts", message.RequestedReceipts);
            }

            switch (message)
            {
                case SmsMessage sms:
                    SmsPartWriter.Write(writer, sms);
                    break;
                case EmailMessage email:
                    EmailPartWriter.Write(writer, email, urls);
                    break;
                case RcsMessage rcs:
                    RcsPartWriter.Write(writer, rcs, urls);
                    break;
                case RawMessage raw:
                    RawPartWriter.Write(writer, raw);
                    break;
                default:
                    throw new ArgumentException($"No payload is defined for {message.GetType().Name}.", nameof(message));
            }

            WriteContactPolicy(writer, message.ContactPolicy);
        }

        /// <summary>The template replaces content; only email templates carry an encoding and a subject.</summary>
        public static void WriteTemplate(Utf8JsonWriter writer, MessageTemplate template, MessageChannel channel)
        {
            writer.WriteStartObject("template");
            writer.WriteString("id", template.Id);
            if (channel == MessageChannel.Email)
            {
                writer.WriteIfSet("encoding", template.Encoding);
                writer.WriteIfSet("subject", template.Subject);
            }
            writer.WriteEndObject();
        }

        /// <summary>The flags are plain booleans in the model, so false means "not asked for" and is left out (the API assumes false).</summary>
        private static void WriteContactPolicy(Utf8JsonWriter writer, ContactPolicy? policy)
        {
            if (policy is null) return;
            writer.WriteStartObject("contactPolicy");
            writer.WriteIfSet("contactPolicyGroup", policy.Group);
            if (policy.CheckConsent) writer.WriteBoolean("channelCheckConsent", true);
            if (policy.ApplyFrequencyCap) writer.WriteBoolean("channelApplyFrequencyCap", true);
            writer.WriteEndObject();
        }
    }
}
