using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of suggestion chips: how many, the label, and the fields each type needs.</summary>
    internal static class RcsSuggestionRules
    {
        internal const int MaxDisplayTextCharacters = 25;

        internal static void CheckList(IReadOnlyList<RcsSuggestion> suggestions, int max, string field, string owner, ProblemList problems)
        {
            if (suggestions.Count > max)
                problems.Add(field, $"{owner} has {suggestions.Count} suggestions: at most {max} are allowed");
            for (var i = 0; i < suggestions.Count; i++)
            {
                var itemField = ProblemList.Indexed(field, i);
                if (suggestions[i] is RcsSuggestion suggestion) Check(suggestion, itemField, problems);
                else problems.Add(itemField, "the suggestion is empty: build one with New-ConnectRcsSuggestion");
            }
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
