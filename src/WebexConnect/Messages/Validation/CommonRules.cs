using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Composition;

namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of the fields every channel shares: schedule, webhooks, receipts, template, policy.</summary>
    internal static class CommonRules
    {
        internal const int MaxCallbackDataCharacters = 2000;
        internal static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(7);

        internal static void Check(ConnectMessage message, DateTimeOffset now, DateTimeOffset runStarted, ProblemList problems)
        {
            if (string.IsNullOrWhiteSpace(message.From))
                problems.Add("From", $"From is required: {FromMeaning(message.Channel)}");
            CheckLine(message.From, "From", problems);
            CheckSubstitutions(message.Substitutions, "Substitutions", problems);
            CheckSchedule(message, now, runStarted, problems);
            CheckCallback(message, problems);
            CheckReceipts(message, problems);
            CheckTemplate(message, problems);
            CheckContactPolicy(message.ContactPolicy, problems);
        }

        /// <param name="substitutions">The values.</param>
        /// <param name="field">The field a problem names.</param>
        /// <param name="problems">Where problems go.</param>
        /// <param name="sent">
        /// The names a request carries (IConnectEngine.SubstitutionsSent), null for all: a column no $(name) names never
        /// leaves this computer, so what it holds cannot make its row Invalid.
        /// </param>
        internal static void CheckSubstitutions(IReadOnlyDictionary<string, string> substitutions, string field, ProblemList problems,
            ISet<string>? sent = null)
        {
            // One pass (this runs for every row); an empty name is still reported first.
            var first = problems.Count;
            var emptyName = false;
            foreach (var pair in new SubstitutionPairs(substitutions))
            {
                if (sent is not null && !sent.Contains(pair.Key)) continue;
                emptyName |= string.IsNullOrWhiteSpace(pair.Key);
                // Checked for every row's columns: the wording of a problem is only made when there is one.
                if (HasSpecialCharacter(pair.Key)) CheckLine(pair.Key, field, problems, $"the name {InputEcho.Quote(pair.Key)}");
                if (HasSpecialCharacter(pair.Value)) CheckCharacters(pair.Value, field, problems, $"the value of {InputEcho.Quote(pair.Key)}");
            }
            if (emptyName) problems.Insert(first, field, "a substitution has an empty name: every name must be the text between $( and ) in the message");
        }

        /// <summary>True when the text holds a control character, DEL or a surrogate: what CheckCharacters looks at.</summary>
        private static bool HasSpecialCharacter(string? text)
        {
            if (text is null) return false;
            foreach (var c in text)
            {
                if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || char.IsSurrogate(c)) return true;
            }
            return false;
        }

        /// <summary>The control characters text may hold: a tab and line breaks (a message body, a callback value).</summary>
        internal const string TextControls = "\t\n\r";

        /// <summary>
        /// Refuses what the service would refuse or mangle in text: a UTF-16 surrogate without its partner
        /// (e.g. cut out of an emoji; JSON as UTF-8 cannot carry it, so the service would get U+FFFD), and
        /// control characters other than tab and line breaks (NUL, ESC, DEL, C1: invisible in a console, cut
        /// off or dropped on the way, and an ESC sequence can rewrite the screen of whoever reads the logs).
        /// </summary>
        /// <param name="text">The text to check; null is fine.</param>
        /// <param name="field">The field the problem names.</param>
        /// <param name="problems">Where the problem goes.</param>
        /// <param name="what">What in the field holds the text, when the field has several (a substitution's name or value).</param>
        /// <param name="allowedControls">The control characters this field may hold (<see cref="TextControls"/> unless said).</param>
        /// <param name="joinAdvice">How to make a one-line field of several lines one, for a field whose lines may be joined.</param>
        internal static void CheckCharacters(string? text, string field, ProblemList problems, string? what = null, string allowedControls = TextControls,
            string? joinAdvice = null)
        {
            if (text is null) return;
            var prefix = what is null ? "" : what + " ";
            var position = InputEcho.LoneSurrogatePosition(text);
            if (position != 0)
                problems.Add(field, prefix +
                    $"contains a broken character (an unpaired UTF-16 surrogate) at position {Number(position)}: " +
                    "retype or remove it (it is often half of an emoji cut off by a tool)");

            var control = ControlCharacterIndex(text, allowedControls);
            if (control < 0) return;
            var c = text[control];
            var name = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            problems.Add(field, c == '\r' || c == '\n'
                ? EndsWithLineBreak(text, control)
                    ? prefix + $"ends with a line break ({name}): {field} must be one line; remove it (a file read with " +
                      "Get-Content -Raw keeps its last line break: (Get-Content subject.txt -Raw).TrimEnd())"
                    : prefix + $"contains a line break ({name}) at position {Number(control + 1)}: {field} must be one line" + (joinAdvice is null
                        ? " (in a header-like field a line break can smuggle in text of its own)" : ": " + joinAdvice)
                : prefix + $"contains a control character ({name}) at position {Number(control + 1)}: remove it " +
                  "(control characters are invisible, and the service refuses or mangles them)");
        }

        /// <summary>True when nothing but line breaks follows <paramref name="first"/>, the first of them.</summary>
        private static bool EndsWithLineBreak(string text, int first)
        {
            for (var i = first; i < text.Length; i++)
                if (text[i] != '\r' && text[i] != '\n') return false;
            return true;
        }

        /// <summary>
        /// The same for a one-line value (a sender, an ID, a subject, a URL): no control character at all,
        /// tabs and line breaks included.
        /// </summary>
        internal static void CheckLine(string? text, string field, ProblemList problems, string? what = null, string? joinAdvice = null) =>
            CheckCharacters(text, field, problems, what, allowedControls: "", joinAdvice);

        /// <summary>The index of the first C0/C1 control character (or DEL) not in <paramref name="allowed"/>, or -1.</summary>
        private static int ControlCharacterIndex(string text, string allowed)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c < ' ' || (c >= '\u007F' && c <= '\u009F')) && allowed.IndexOf(c) < 0) return i;
            }
            return -1;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>"an SMS", "an email", "an RCS": the channel as a sentence names it.</summary>
        internal static string ChannelNoun(MessageChannel channel) => channel switch
        {
            MessageChannel.Sms => "an SMS",
            MessageChannel.Email => "an email",
            MessageChannel.Rcs => "an RCS",
            _ => "a " + channel,
        };

        private static string FromMeaning(MessageChannel channel) => channel switch
        {
            MessageChannel.Sms => "the sender ID, short code or long code configured for the SMS asset",
            MessageChannel.Email => "the sender address on a verified domain",
            MessageChannel.Rcs => "the RCS app ID",
            _ => "the app ID of the channel's asset in Webex Connect",
        };

        /// <remarks>
        /// SendAt earlier than now is rejected, not sent at once: a past time usually means a wrong date or
        /// time zone in the input, and sending then would surprise the user. Omit SendAt to send now.
        /// "Now" for that is when the run started: rows the run reaches after SendAt are sent with it too, as in a run
        /// with one text (whose message is checked once) they always were; before, with a text per row, each of them was
        /// Invalid, thousands of errors for a long job scheduled a few minutes ahead.
        /// </remarks>
        private static void CheckSchedule(ConnectMessage message, DateTimeOffset now, DateTimeOffset runStarted, ProblemList problems)
        {
            if (message.SendAt is DateTimeOffset sendAt)
            {
                if (sendAt < runStarted)
                    problems.Add("SendAt", $"{Shown(sendAt)} is in the past (now {Format(runStarted)}): give a later time, or omit SendAt to send now");
                else if (sendAt - now > MaxScheduleAhead)
                    problems.Add("SendAt", $"{Shown(sendAt)} is more than 7 days ahead: schedule at most 7 days from now (until {Format(now + MaxScheduleAhead)})");
            }

            if (message.ExpireAt is DateTimeOffset expireAt)
            {
                // The advice for a row (an ExpireAt cell, or -ExpireAt beside the row's SendAt cell); the command line's stop says its own.
                if (expireAt <= now)
                    problems.Add("ExpireAt", $"{Shown(expireAt)} is not in the future (now {Format(now)}): the message would expire before it is sent",
                        "; give the row a later ExpireAt, or none");
                else if (message.SendAt is DateTimeOffset scheduled && expireAt <= scheduled)
                    problems.Add("ExpireAt", $"{Shown(expireAt)} is not after SendAt {Shown(scheduled)}: the message would expire before it is sent",
                        "; give the row a later ExpireAt or an earlier SendAt");
            }

            // The advice for a row whose cells give both: the command line refuses -ExpireAt with -Validity, and either sets every row's.
            if (message.ExpireAt is not null && message.Validity is not null)
                problems.Add("Validity", "ExpireAt and Validity were both given: use one of them, not both", " (leave one of the row's two cells empty)");

            if (message.Validity is TimeSpan validity)
            {
                if (validity <= TimeSpan.Zero)
                    problems.Add("Validity", $"{validity} is not positive: give a duration of at least 1 second");
                else if (validity < TimeSpan.FromSeconds(1))
                    problems.Add("Validity", $"{validity} is under 1 second: Validity must be at least 1 second (write e.g. '90m', '48h' or 3600 for seconds)");
                else if (validity.Ticks % TimeSpan.TicksPerSecond != 0)
                    problems.Add("Validity", $"{validity} is not whole seconds: the API takes validity in whole seconds");
                else if (MaxValidity(message.Channel) is TimeSpan limit && validity > limit)
                    problems.Add("Validity", $"{Describe(validity)} is more than {Describe(limit)}, the longest {ChannelNoun(message.Channel)} may stay valid " +
                        "(carriers honour no more): give at most '72h'. [TimeSpan]'48:00:00' is 48 days; write '48h' for 48 hours");
            }
        }

        /// <summary>
        /// The longest validity a channel documents: SMS carriers honour at most 72 hours (API.md). Email and RCS
        /// document no limit, so none is imposed there.
        /// </summary>
        internal static TimeSpan? MaxValidity(MessageChannel channel) =>
            channel == MessageChannel.Sms ? MaxSmsValidity : (TimeSpan?)null;

        internal static readonly TimeSpan MaxSmsValidity = TimeSpan.FromHours(72);

        /// <summary>"80 hours", "48 days", "259201 seconds": a duration as a person compares it with the limit.</summary>
        private static string Describe(TimeSpan span)
        {
            if (span.TotalHours >= 96) return span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture) + " days";
            if (span.Ticks % TimeSpan.TicksPerHour == 0) return span.TotalHours.ToString("0", CultureInfo.InvariantCulture) + " hours";
            return span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " seconds";
        }

        private static void CheckCallback(ConnectMessage message, ProblemList problems)
        {
            if (message.CallbackData is string data && data.Length > MaxCallbackDataCharacters)
                problems.Add("CallbackData", $"has {data.Length} characters: at most {MaxCallbackDataCharacters} are allowed");
            CheckCharacters(message.CallbackData, "CallbackData", problems);
            CheckLine(message.NotifyUrl, "NotifyUrl", problems);

            if (message.NotifyUrl is string url && UrlRule.CheckWebhook(url) is string urlProblem)
                problems.Add("NotifyUrl", urlProblem);
        }

        private static void CheckReceipts(ConnectMessage message, ProblemList problems)
        {
            var known = ReceiptTypes.For(message.Channel);
            foreach (var receipt in message.RequestedReceipts)
            {
                if (ReceiptTypes.Normalize(message.Channel, receipt) is not null) continue;
                problems.Add("RequestedReceipts", known.Count == 0
                    ? "a receipt name is empty: give the names the channel's webhooks use"
                    : $"{InputEcho.Quote(receipt ?? "")} is not {ChannelNoun(message.Channel)} receipt: use {string.Join(", ", known)}");
            }
        }

        private static void CheckTemplate(ConnectMessage message, ProblemList problems)
        {
            if (message.Template is not MessageTemplate template) return;
            if (string.IsNullOrWhiteSpace(template.Id))
                problems.Add("TemplateId", "the template ID is empty: copy it from the template in the Webex Connect UI");
            // A space copied from the UI or a config file went out as part of the ID: the service refused every row with
            // 7108 Invalid template, whose advice (copy it from Webex Connect) the admin had followed. As -From is refused.
            else if (char.IsWhiteSpace(template.Id[0]) || char.IsWhiteSpace(template.Id[template.Id.Length - 1]))
                problems.Add("TemplateId", $"{InputEcho.Quote(template.Id)} starts or ends with a space: write the template ID without it");
            CheckLine(template.Id, "TemplateId", problems);
            CheckLine(template.Subject, "TemplateSubject", problems);
            if (message.Channel != MessageChannel.Email)
            {
                if (template.Subject is not null)
                    problems.Add("TemplateSubject", "a template subject is for email only");
                if (template.Encoding is not null)
                    problems.Add("TemplateEncoding", "a template encoding is for email only");
            }
        }

        private static void CheckContactPolicy(ContactPolicy? policy, ProblemList problems)
        {
            if (policy is null) return;
            if (string.IsNullOrWhiteSpace(policy.Group))
                problems.Add("ContactPolicy", "the contact policy group is required: give the group ID from Webex Connect");
            CheckLine(policy.Group, "ContactPolicy", problems);
            if (!policy.CheckConsent && !policy.ApplyFrequencyCap)
                problems.Add("ContactPolicy", "a contact policy needs at least one check: CheckConsent, ApplyFrequencyCap or both");
        }

        /// <summary>A time as the user can compare it: UTC, to the second.</summary>
        internal static string Format(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>
        /// The same, followed by the time in <paramref name="zone"/> when that is not UTC: a script that wrote -SendAt '09:00'
        /// in New York finds its 09:00 beside the 14:00:00Z it became, rather than wondering where 14:00 came from.
        /// </summary>
        internal static string FormatWithLocal(DateTimeOffset time, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(time, zone);
            if (local.Offset == TimeSpan.Zero) return Format(time);
            var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
            return Format(time) + " (" + local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " on this computer, UTC" + sign +
                local.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture) + ")";
        }

        /// <summary><see cref="FormatWithLocal"/> in this computer's time zone, the one -SendAt and -ExpireAt text is read in.</summary>
        private static string Shown(DateTimeOffset time) => FormatWithLocal(time, TimeZoneInfo.Local);

        /// <summary>
        /// The problem of a message without a part it needs (an SMS's text, an RCS message's content, an email's subject or
        /// body): <paramref name="missing"/>, then what gives it as the admin writes it (the parameters, and the columns that
        /// bind them), then a template. One wording for every channel: before, each said "Text is required" in words of its
        /// own, one naming the model's "Text content", and none named the column or (for RCS) the other kinds of content.
        /// </summary>
        internal static string Missing(string missing, string givenBy) => $"{missing}: give {givenBy}, or a template (-TemplateId)";

        /// <summary>
        /// Adds the problem of a required text given as spaces, tabs or line breaks only. "Or leave the row out" is
        /// advice for a row's cell; a value from the command line is every row's, and its stop says to correct it.
        /// </summary>
        internal static void AddOnlyWhiteSpace(ProblemList problems, string problemField, string field, string meaning) =>
            problems.Add(problemField, $"{field} is only white space (spaces, tabs or line breaks): give {meaning}", ", or leave the row out");

        /// <summary>The problem message of a text over its limit.</summary>
        internal static string TooLong(int length, int limit, string unit = "characters") =>
            $"has {length} {unit}: at most {limit} are allowed";

        /// <summary>
        /// The problem message of a text over a limit counted in characters. The limits are counted as .NET
        /// counts a string's length, in UTF-16 units, where an emoji is 2: the message says so when the text has
        /// such characters, or "1200 characters" for 600 emoji would look wrong. (API.md gives the limits in
        /// "characters" and does not say how the service counts; UTF-16 units is the stricter reading.)
        /// </summary>
        internal static string TooLong(string text, int limit, string after = "")
        {
            var counted = HasSurrogatePair(text) ? " (counted as UTF-16 units: an emoji or other character beyond U+FFFF counts as 2)" : "";
            return $"has {Number(text.Length)} characters{after}{counted}: at most {Number(limit)} are allowed";
        }

        private static bool HasSurrogatePair(string text)
        {
            for (var i = 0; i + 1 < text.Length; i++)
                if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) return true;
            return false;
        }
    }
}
