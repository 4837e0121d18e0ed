using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;

namespace WebexConnect.Benchmarks.Composition
{
    /// <summary>
    /// The send every scenario uses: one message with three $(variables), and recipients made on demand, one
    /// per person, each with its own correlation ID and three substitutions, as rows of a CSV become them.
    /// </summary>
    internal sealed class PersonalisedSend
    {
        private static readonly string[] Names = { "Alice", "Bongani", "Chen", "Dagmar", "Eoin", "Fatima", "Gustavo", "Hiroko" };
        private static readonly string[] Cities = { "London", "Johannesburg", "Lyon", "Auckland", "Cork", "Toronto" };

        public PersonalisedSend(MessageChannel channel)
        {
            Channel = channel;
            Message = CreateMessage(channel);
        }

        public MessageChannel Channel { get; }

        public ConnectMessage Message { get; }

        /// <summary>The recipient of row <paramref name="row"/> (0-based): a distinct address and correlation ID.</summary>
        public Recipient RecipientAt(long row)
        {
            var substitutions = new Dictionary<string, string>(3, StringComparer.Ordinal)
            {
                ["name"] = Names[row % Names.Length],
                ["code"] = (row * 7919 % 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
                ["city"] = Cities[row % Cities.Length],
            };
            return new Recipient(AddressAt(row), "row-" + row.ToString(CultureInfo.InvariantCulture), substitutions);
        }

        public Recipient[] Recipients(int count)
        {
            var recipients = new Recipient[count];
            for (var i = 0; i < count; i++) recipients[i] = RecipientAt(i);
            return recipients;
        }

        /// <summary>+E.164 numbers from a range no real subscriber has, or addresses on example.com.</summary>
        private string AddressAt(long row) => Channel == MessageChannel.Email
            ? "person" + row.ToString(CultureInfo.InvariantCulture) + "@example.com"
            : "+4477" + (row % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

        private static ConnectMessage CreateMessage(MessageChannel channel) => channel switch
        {
            MessageChannel.Sms => new SmsMessage
            {
                From = "WEBEXBENCH",
                Text = "Hello $(name), your code is $(code). See you in $(city)!",
                Encoding = SmsEncoding.Text,
            },
            MessageChannel.Email => new EmailMessage
            {
                From = "bench@example.com",
                Subject = "Your code, $(name)",
                Text = "Hello $(name), your code is $(code). See you in $(city)!",
            },
            MessageChannel.Rcs => new RcsMessage
            {
                From = "bench-rcs-app",
                ContentType = RcsContentType.Text,
                Text = "Hello $(name), your code is $(code). See you in $(city)!",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "No such channel."),
        };
    }
}
