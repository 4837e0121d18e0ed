using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>Email content (or template), the top-level copy fields and options.</summary>
    internal static class EmailPartWriter
    {
        /// <param name="urls">How to write the URLs: as sent, or as an earlier version did (the journal's key of that version).</param>
        public static void Write(Utf8JsonWriter writer, EmailMessage email, UrlForm urls = UrlForm.Sent)
        {
            writer.WriteIfSet("cc", email.Cc);
            writer.WriteIfSet("bcc", email.Bcc);
            writer.WriteIfSet("multipleToRecipients", email.MultipleToRecipients);
            WriteOptions(writer, email, urls);

            if (email.Template is not null)
            {
                SharedPartWriter.WriteTemplate(writer, email.Template, MessageChannel.Email);
                return;
            }

            writer.WriteStartObject("content");
            // An empty Html is "no HTML" here, as everywhere else in the payload.
            writer.WriteString("type", string.IsNullOrEmpty(email.Html) ? "text" : "html");
            writer.WriteIfSet("subject", email.Subject);
            writer.WriteIfSet("text", email.Text);
            writer.WriteIfSet("html", email.Html);
            writer.WriteIfSet("encoding", email.Encoding);
            writer.WriteIfSet("replyTo", email.ReplyTo);
            if (email.Attachments.Count > 0)
            {
                writer.WriteStartArray("attachments");
                foreach (var attachment in email.Attachments)
                {
                    writer.WriteStartObject();
                    writer.WriteIfSet("mimetype", attachment.MimeType);
                    writer.WriteIfSet("name", attachment.Name);
                    writer.WriteIfSet("mediaUrl", urls.Of(attachment.MediaUrl, attachment.MediaUrlAsGiven));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        private static void WriteOptions(Utf8JsonWriter writer, EmailMessage email, UrlForm urls)
        {
            if (string.IsNullOrEmpty(email.FromName) && email.TrackClicks is null && email.TrackOpens is null
                && string.IsNullOrEmpty(email.ListUnsubscribeUrl) && string.IsNullOrEmpty(email.UnsubscribeEmailAddress)
                && string.IsNullOrEmpty(email.UnsubscribeEmailSubject))
                return;

            writer.WriteStartObject("options");
            writer.WriteIfSet("fromName", email.FromName);
            writer.WriteIfSet("trackClicks", email.TrackClicks);
            writer.WriteIfSet("trackOpens", email.TrackOpens);
            writer.WriteIfSet("listUnsubscribeUrl", urls.Of(email.ListUnsubscribeUrl));
            writer.WriteIfSet("unsubscribeEmailAddress", email.UnsubscribeEmailAddress);
            writer.WriteIfSet("unsubscribeEmailSubject", email.UnsubscribeEmailSubject);
            writer.WriteEndObject();
        }
    }
}
