using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// The inputs both runtimes use. The xunit suite (net10) renders <see cref="PayloadSms"/> and checks it against
    /// Fixtures/sms-payload.json; the smoke run (net472) renders the same input and must produce the same text.
    /// This file is compiled into both projects so the input cannot drift between them.
    /// </summary>
    internal static class SmokeSamples
    {
        public const string PayloadFixtureName = "sms-payload.json";

        /// <summary>Three substitutions, non-ASCII, HTML-ish characters, quotes and an emoji: where encoders differ.</summary>
        public static SmsMessage Sms { get; } = Build(sendAt: null);

        /// <summary>The message whose -PayloadOnly JSON is pinned in the fixture: <see cref="Sms"/> plus a sendAt, whose
        /// date format is runtime-sensitive (sending it would make the results Scheduled, not Queued).</summary>
        public static SmsMessage PayloadSms { get; } = Build(new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1)));

        private static SmsMessage Build(DateTimeOffset? sendAt) => new SmsMessage
        {
            From = "ACME",
            Text = "Hi $(Name), order $(Order) ships to $(City) \u2014 \u00a35 off <next> time & \"thanks\" \U0001F600",
            RequestedReceipts = new[] { "SENT", "DELIVERED" },
            CallbackData = "smoke;run=1",
            SendAt = sendAt,
            Validity = TimeSpan.FromMinutes(90),
        };

        /// <summary>Row <paramref name="row"/> of the personalised run: a number, a correlation ID and three substitutions.</summary>
        public static Recipient Person(int row) => new Recipient(
            "+4477009" + row.ToString("00000", CultureInfo.InvariantCulture),
            "row-" + row.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string>
            {
                ["Name"] = "Person " + row.ToString(CultureInfo.InvariantCulture),
                ["Order"] = "A-" + row.ToString(CultureInfo.InvariantCulture),
                ["City"] = row % 2 == 0 ? "Z\u00fcrich" : "\u0141\u00f3d\u017a",
            });

        /// <summary>The recipient of the pinned -PayloadOnly JSON.</summary>
        public static Recipient PayloadRecipient => Person(7);

        /// <summary>Line endings differ by OS (the writer uses Environment.NewLine); the text must not.</summary>
        public static string NormaliseNewLines(string json) => json.Replace("\r\n", "\n").TrimEnd('\n');
    }
}
