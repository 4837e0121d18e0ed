using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// Checks a message and its recipients against the API's rules before anything is sent, reporting
    /// every problem at once.
    /// </summary>
    /// <remarks>
    /// Values are never corrected here: a number with spaces or without + is reported with what is wrong and
    /// an example, and the user fixes the data. Each problem names the field as the cmdlet parameter (From,
    /// Text, SendAt) or as a path into it (Cards[2].Title, Suggestions[0].DisplayText, To[3]).
    /// </remarks>
    public static class MessageValidator
    {
        internal const int MaxCorrelationIdBytes = 50;

        /// <summary>The field a destination's substitution problems name.</summary>
        internal const string SubstitutionsField = "Substitutions";

        /// <summary>Problems of the shared part of a message (empty when it is valid).</summary>
        /// <param name="message">The message to check.</param>
        /// <param name="now">The current time: SendAt and ExpireAt must be later, and SendAt at most 7 days later.</param>
        public static IReadOnlyList<ValidationProblem> Validate(ConnectMessage message, DateTimeOffset now) => Validate(message, now, now);

        /// <summary>The same, for a message of a run that started at <paramref name="runStarted"/>.</summary>
        /// <param name="message">The message to check.</param>
        /// <param name="now">The current time: ExpireAt must be later, and SendAt at most 7 days later.</param>
        /// <param name="runStarted">
        /// When the run checked its first message: SendAt must be later than that. A SendAt the run itself overtakes (a
        /// 100,000-row job started at 05:55 with -SendAt 06:00) is what the admin meant for every row, not a wrong date.
        /// </param>
        internal static IReadOnlyList<ValidationProblem> Validate(ConnectMessage message, DateTimeOffset now, DateTimeOffset runStarted)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            var problems = new ProblemList();
            CommonRules.Check(message, now, runStarted, problems);
            switch (message)
            {
                case SmsMessage sms:
                    SmsRules.Check(sms, problems);
                    break;
                case EmailMessage email:
                    EmailRules.Check(email, problems);
                    break;
                case RcsMessage rcs:
                    RcsRules.Check(rcs, problems);
                    break;
                case RawMessage raw:
                    RawRules.Check(raw, problems);
                    break;
            }
            return problems.ToList();
        }

        /// <summary>Problems of one destination object for a channel (empty when it is valid).</summary>
        /// <remarks>A single address is named "To"; the addresses of a bulk destination "To[0]", "To[1]"...</remarks>
        public static IReadOnlyList<ValidationProblem> ValidateRecipient(MessageChannel channel, Recipient recipient) =>
            ValidateRecipient(channel, recipient, sent: null);

        /// <summary>
        /// Problems of one destination object of <paramref name="message"/>: by its channel, or for a message
        /// whose content the caller wrote, by its destination key and the rules every channel shares.
        /// </summary>
        public static IReadOnlyList<ValidationProblem> ValidateRecipient(ConnectMessage message, Recipient recipient) =>
            ValidateRecipient(message, recipient, sent: null);

        /// <summary>The same, with only the substitutions a request carries (<paramref name="sent"/>; null for all) checked.</summary>
        public static IReadOnlyList<ValidationProblem> ValidateRecipient(ConnectMessage message, Recipient recipient, ISet<string>? sent)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            return message is RawMessage raw ? ValidateRawRecipient(raw, recipient, sent) : ValidateRecipient(message.Channel, recipient, sent);
        }

        private static IReadOnlyList<ValidationProblem> ValidateRecipient(MessageChannel channel, Recipient recipient, ISet<string>? sent)
        {
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            var problems = ProblemList.OfThisThread();
            // -To $rows.Phone of a long list: the API takes 1000 destinations a request, and one row's go in one request.
            RawRules.CheckDestinationCount(recipient, problems);
            CheckAddresses(recipient, channel == MessageChannel.Email
                    ? "the destination has no address: give at least one email address"
                    : "the destination has no number: give at least one E.164 number",
                channel == MessageChannel.Email ? EmailAddressRule.Check : PhoneNumberRule.Check, problems);
            CheckRest(channel, recipient, problems, sent);
            return problems.ToList();
        }

        // A method of its own: the lambda's closure over raw would otherwise be made on entry, for every row of every channel.
        private static IReadOnlyList<ValidationProblem> ValidateRawRecipient(RawMessage raw, Recipient recipient, ISet<string>? sent)
        {
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));

            var problems = ProblemList.OfThisThread();
            RawRules.CheckDestinationCount(recipient, problems);
            CheckAddresses(recipient, "the destination has no address: give at least one", a => RawRules.CheckAddress(raw, a), problems);
            CheckRest(raw.Channel, recipient, problems, sent);
            return problems.ToList();
        }

        private static void CheckAddresses(Recipient recipient, string noAddress, Func<string, string?> rule, ProblemList problems)
        {
            var addresses = recipient.Addresses;
            if (addresses.Count == 0) problems.Add("To", noAddress);
            for (var i = 0; i < addresses.Count; i++)
            {
                var problem = rule(addresses[i]);
                if (problem is not null) problems.Add(addresses.Count == 1 ? "To" : ProblemList.Indexed("To", i), problem);
            }
        }

        /// <summary>What every destination object must satisfy besides its addresses.</summary>
        /// <summary>How many GTR IDs <paramref name="value"/> lists, split at commas and semicolons; null when it is one.</summary>
        private static int? GtrIdsIn(string? value)
        {
            if (value is null || value.IndexOfAny(GtrIdSeparators) < 0) return null;
            var parts = value.Split(GtrIdSeparators, StringSplitOptions.RemoveEmptyEntries).Count(part => part.Trim().Length > 0);
            return parts >= 2 ? parts : null;
        }

        private static readonly char[] GtrIdSeparators = { ',', ';' };

        private static void CheckRest(MessageChannel channel, Recipient recipient, ProblemList problems, ISet<string>? sent)
        {
            var addresses = recipient.Addresses;
            if (recipient.CorrelationId is string correlationId)
            {
                var bytes = Encoding.UTF8.GetByteCount(correlationId);
                if (bytes > MaxCorrelationIdBytes)
                    problems.Add("CorrelationId", CommonRules.TooLong(bytes, MaxCorrelationIdBytes, "bytes as UTF-8") +
                        " (accented letters take 2 bytes, emoji 4)");
            }

            CommonRules.CheckLine(recipient.CorrelationId, "CorrelationId", problems);
            CommonRules.CheckSubstitutions(recipient.Substitutions, SubstitutionsField, problems, sent);
            for (var i = 0; i < recipient.GtrIds.Count; i++)
            {
                // The service would get "" or null for that number: a hole in the list, not "no GTR ID".
                if (string.IsNullOrWhiteSpace(recipient.GtrIds[i]))
                    problems.Add(ProblemList.Indexed("GtrId", i), (recipient.GtrIds[i] is null ? "the GTR ID is $null" : "the GTR ID is empty") +
                        ": give one GTR ID per number, or none");
                CommonRules.CheckLine(recipient.GtrIds[i], ProblemList.Indexed("GtrId", i), problems);
                // A GtrId cell "g1;g2" on a row of one number went as that number's one GTR ID, "g1;g2", while a To cell
                // "a;b" is refused: the API takes one GTR ID per number, so a list in one value is never one of them.
                if (GtrIdsIn(recipient.GtrIds[i]) is int several)
                    problems.Add(ProblemList.Indexed("GtrId", i), $"{InputEcho.Quote(recipient.GtrIds[i])} holds {several} GTR IDs, not one: the " +
                        "service takes one GTR ID per number. Give each number its own row with its own GtrId, or pass them as lists of " +
                        "the same length (-To '+447700900001', '+447700900002' -GtrId 'g1', 'g2')");
            }

            if (recipient.GtrIds.Count > 0)
            {
                if (channel != MessageChannel.Rcs)
                    problems.Add("GtrId", "GTR IDs are for RCS only");
                else if (recipient.GtrIds.Count != addresses.Count)
                    problems.Add("GtrId", $"{recipient.GtrIds.Count} GTR IDs for {addresses.Count} numbers: give one GTR ID per number, or none");
            }
        }
    }
}
