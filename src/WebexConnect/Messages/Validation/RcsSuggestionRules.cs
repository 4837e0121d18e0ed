using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of suggestion chips: how many, the label, and the fields each type needs.</summary>
    internal static class RcsSuggestionRules
    {
        internal const int MaxDisplayTextCharacters = 25;

        /// <param name="suggestions">The chips.</param>
        /// <param name="max">The most the owner takes.</param>
        /// <param name="field">The chips' field, as the parameter that gives them: "Suggestion", "Card.Suggestions".</param>
        /// <param name="owner">What the chips are on: "a message".</param>
        /// <param name="problems">Where the problems go.</param>
        /// <param name="notMade">What New-ConnectRcsSuggestion said for each $null chip, in order, when known.</param>
        /// <param name="slotProblems">
        /// What the command knows is wrong with a $null chip, by slot (a text given where a chip goes), said in its place; those
        /// slots are not among the chips <paramref name="notMade"/> speaks of.
        /// </param>
        internal static void CheckList(IReadOnlyList<RcsSuggestion> suggestions, int max, string field, string owner, ProblemList problems,
            IReadOnlyList<string>? notMade = null, IReadOnlyList<string?>? slotProblems = null)
        {
            if (suggestions.Count > max)
                problems.Add(field, TooMany(suggestions.Count, max, owner));
            for (int i = 0, nulls = 0; i < suggestions.Count; i++)
            {
                var itemField = ProblemList.Indexed(field, i);
                if (suggestions[i] is RcsSuggestion suggestion) Check(suggestion, itemField, problems);
                else if (slotProblems is not null && i < slotProblems.Count && slotProblems[i] is string known) problems.Add(itemField, known);
                else if (notMade is not null && nulls < notMade.Count)
                    problems.Add(itemField, "the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: " + notMade[nulls++].TrimEnd('.'));
                else problems.Add(itemField, "the suggestion is $null (a variable or column with no chip in it), or " +
                    "New-ConnectRcsSuggestion refused it with an error before this one: give a chip made by New-ConnectRcsSuggestion, or leave it out");
            }
        }

        /// <summary>
        /// More chips than <paramref name="owner"/> ("a message", "a rich card", "a carousel card") takes, with the service's
        /// limit and where the others can go. Before, the limit alone was said (and New-ConnectRcsCard said PowerShell's "no
        /// more than 4 value(s)"), and the admin went to the help to learn that a message takes 10 and a lone card 4.
        /// </summary>
        /// <param name="count">The chips given.</param>
        /// <param name="max">The most <paramref name="owner"/> takes.</param>
        /// <param name="owner">What the chips are on, as the sentence starts: "a rich card".</param>
        internal static string TooMany(int count, int max, string owner)
        {
            var over = count - max;
            var fix = max switch
            {
                RcsCardRules.MaxCarouselSuggestions => $"take {over} off the card, or send the card alone with -Card, where a card takes {RcsCardRules.MaxStandaloneSuggestions}",
                RcsCardRules.MaxStandaloneSuggestions => $"take {over} off the card; the message itself takes up to {RcsRules.MaxMessageSuggestions} of its own (Send-ConnectRcs -Suggestion)",
                _ => $"leave {over} out",
            };
            return $"{owner} has {count} suggestions: at most {max} are allowed (the service's limit): {fix}";
        }

        private static void Check(RcsSuggestion suggestion, string field, ProblemList problems)
        {
            if (string.IsNullOrWhiteSpace(suggestion.DisplayText))
                problems.Add(field + ".DisplayText", "-DisplayText is required: the label on the chip");
            else if (suggestion.DisplayText.Length > MaxDisplayTextCharacters)
                problems.Add(field + ".DisplayText", CommonRules.TooLong(suggestion.DisplayText, MaxDisplayTextCharacters));

            CommonRules.CheckLine(suggestion.DisplayText, field + ".DisplayText", problems);
            CommonRules.CheckCharacters(suggestion.PostbackData, field + ".PostbackData", problems);
            CommonRules.CheckLine(suggestion.Url, field + ".Url", problems);
            CommonRules.CheckCharacters(suggestion.Address, field + ".Address", problems);
            CommonRules.CheckLine(suggestion.MeetingTitle, field + ".MeetingTitle", problems);
            CommonRules.CheckCharacters(suggestion.MeetingDescription, field + ".MeetingDescription", problems);

            switch (suggestion.Type)
            {
                case RcsSuggestionType.OpenUrl:
                    if (string.IsNullOrWhiteSpace(suggestion.Url))
                        problems.Add(field + ".Url", "an OpenUrl suggestion needs -Url: the web page the chip opens");
                    else if ((UrlRule.CheckWeb(suggestion.Url!) ?? UrlRule.CheckNoVariable(suggestion.Url!)) is string urlProblem)
                        problems.Add(field + ".Url", urlProblem);
                    break;
                case RcsSuggestionType.DialPhone:
                    if (PhoneNumberRule.Check(suggestion.Phone) is string phoneProblem)
                        problems.Add(field + ".Phone", "a DialPhone suggestion needs an E.164 -Phone: " + phoneProblem);
                    break;
                case RcsSuggestionType.ViewLocation:
                    CheckLocation(suggestion, field, problems);
                    break;
                case RcsSuggestionType.CalendarEvent:
                    CheckCalendarEvent(suggestion, field, problems);
                    break;
            }
        }

        private static void CheckLocation(RcsSuggestion suggestion, string field, ProblemList problems)
        {
            var hasLatitude = suggestion.Latitude is not null;
            var hasLongitude = suggestion.Longitude is not null;
            if (hasLatitude != hasLongitude)
                problems.Add(field + (hasLatitude ? ".Longitude" : ".Latitude"), "a ViewLocation suggestion needs -Latitude and -Longitude together");
            else if (!hasLatitude && string.IsNullOrWhiteSpace(suggestion.Address))
                problems.Add(field + ".Address", "a ViewLocation suggestion needs -Latitude and -Longitude, or -Address");

            if (suggestion.Latitude is double latitude && (double.IsNaN(latitude) || latitude < -90 || latitude > 90))
                problems.Add(field + ".Latitude", $"{latitude.ToString(CultureInfo.InvariantCulture)} is not a latitude: use -90 to 90 degrees");
            if (suggestion.Longitude is double longitude && (double.IsNaN(longitude) || longitude < -180 || longitude > 180))
                problems.Add(field + ".Longitude", $"{longitude.ToString(CultureInfo.InvariantCulture)} is not a longitude: use -180 to 180 degrees");
        }

        private static void CheckCalendarEvent(RcsSuggestion suggestion, string field, ProblemList problems)
        {
            if (suggestion.StartTime is null)
                problems.Add(field + ".StartTime", "a CalendarEvent suggestion needs -StartTime");
            if (suggestion.EndTime is null)
                problems.Add(field + ".EndTime", "a CalendarEvent suggestion needs -EndTime");
            if (string.IsNullOrWhiteSpace(suggestion.MeetingTitle))
                problems.Add(field + ".MeetingTitle", "a CalendarEvent suggestion needs -Title: the event's title, the chip's MeetingTitle");
            if (suggestion.StartTime is { } start && suggestion.EndTime is { } end && end <= start)
                problems.Add(field + ".EndTime",
                    $"-EndTime {CommonRules.Format(end)} is not after -StartTime {CommonRules.Format(start)}: the event must end after it starts");
        }
    }
}
