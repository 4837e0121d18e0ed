using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// What a sender may look like per channel, so that a sender the network would refuse or rewrite is
    /// reported before the run instead of failing (or arriving under another name) for every row.
    /// </summary>
    /// <remarks>
    /// API.md only says "sender ID / short code / long code (no +)" for SMS; the limits here are those of
    /// the SMS network itself (GSM 03.40): an originator is either digits (a short code, or a long code of
    /// at most 15 digits, E.164 without the +) or an alphanumeric name of at most 11 characters, written
    /// in the GSM 7-bit alphabet. Carriers cut a longer name or replace what it cannot carry. The
    /// characters allowed are the printable ASCII ones of the GSM basic set (no ` [ ] { } \ ^ ~ |, which
    /// are extension characters or not GSM at all). An RCS app ID is an identifier from the Webex Connect
    /// UI: one word, no spaces. An email sender is an address (EmailAddressRule).
    /// </remarks>
    internal static class SenderIdRule
    {
        internal const int MaxNumericDigits = 15;
        internal const int MaxAlphanumericCharacters = 11;
        private const string NotGsmBasic = "`[]{}\\^~|";

        /// <summary>Null when <paramref name="sender"/> can be an SMS originator, else what is wrong.</summary>
        /// <remarks>
        /// Empty and control characters are the caller's (CommonRules) to report. The + is checked here, for Send-ConnectSms
        /// -From and Send-ConnectRcs -FallbackSenderId alike: the fallback's sender ID once missed it, so '+447700900001' was
        /// called an alphanumeric sender ID over 11 characters and a shorter '+4477009' went out, for the service to refuse.
        /// </remarks>
        internal static string? CheckSms(string sender)
        {
            if (string.IsNullOrWhiteSpace(sender)) return null;
            if (sender[0] == '+')
                return $"{InputEcho.Quote(sender)} starts with +: write a long code as digits only (e.g. 447700900123)";
            if (sender.Any(char.IsControl)) return null;
            if (sender.All(c => c >= '0' && c <= '9'))
            {
                return sender.Length > MaxNumericDigits
                    ? $"{InputEcho.Quote(sender)} has {Count(sender.Length)} digits: a short or long code has at most {MaxNumericDigits} (E.164 without the +)"
                    : null;
            }

            var refused = Characters(sender).Where(c => c[0] < ' ' || c[0] > '~' || NotGsmBasic.IndexOf(c[0]) >= 0).Distinct().ToArray();
            if (refused.Length > 0)
                return $"{InputEcho.Quote(sender)} contains {string.Join(" ", refused.Select(InputEcho.Quote))}: " +
                    "an alphanumeric sender ID may hold only letters A-Z, digits, spaces and plain punctuation";
            if (sender.Length > MaxAlphanumericCharacters)
                return $"{InputEcho.Quote(sender)} has {Count(sender.Length)} characters: an alphanumeric sender ID has at most " +
                    $"{MaxAlphanumericCharacters} (the network cuts a longer one); use the sender ID configured for the SMS asset";
            if (sender[0] == ' ' || sender[sender.Length - 1] == ' ')
                return $"{InputEcho.Quote(sender)} starts or ends with a space: write the sender ID without it";
            return null;
        }

        /// <summary>Null when <paramref name="appId"/> can be an RCS app ID, else what is wrong.</summary>
        internal static string? CheckRcsAppId(string appId)
        {
            if (string.IsNullOrWhiteSpace(appId) || appId.Any(char.IsControl)) return null;
            return appId.Any(char.IsWhiteSpace)
                ? $"{InputEcho.Quote(appId)} contains a space: an RCS app ID is one word; copy it from the app in the Webex Connect UI"
                : null;
        }

        /// <summary>The text's characters, an emoji (a surrogate pair) as one.</summary>
        private static IEnumerable<string> Characters(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    yield return text.Substring(i, 2);
                    i++;
                }
                else yield return text[i].ToString();
            }
        }

        private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
