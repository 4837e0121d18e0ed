using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Latitude and -Longitude take degrees written with a decimal comma, as a de-DE or fr-FR admin types them and
    /// as their Excel saves them in a CSV ('51,5074'), and explains the unquoted form PowerShell splits into a list.
    /// </summary>
    /// <remarks>
    /// PowerShell converts text to a number in the invariant culture, where a comma groups thousands: '51,5074' became
    /// 515074 and the error was "The 515074 argument is greater than the maximum allowed range of 90", a number the admin
    /// never typed. A single comma in degrees cannot group thousands (no coordinate reaches 1000), so it is the decimal
    /// mark. Unquoted, 51,5074 reaches the cmdlet as the list 51, 5074, and PowerShell said only "Cannot convert
    /// 'System.Object[]' to the type 'System.Double'"; the digits after the comma cannot be trusted there (0,0127 arrives
    /// as 0 and 127), so the list is refused with the way to write it.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class CoordinateArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;

        public CoordinateArgumentAttribute(string parameter) => _parameter = parameter;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    return Degrees(text.Trim());
                case IList list when list.Count > 1:
                    throw new ArgumentTransformationMetadataException(ListProblem(list));
                default:
                    // A number, or what PowerShell converts (and reports) as usual.
                    return inputData;
            }
        }

        /// <summary>PowerShell's own ErrorId for a value it cannot convert, kept for text that is no number of degrees.</summary>
        internal const string NotANumberErrorId = "ParameterArgumentTransformationError";

        // The latest text each parameter could not read on this thread: read right after binding, by the cmdlet it was bound for.
        [ThreadStatic]
        private static Dictionary<string, string>? _unread;

        /// <summary>
        /// Text that is no number ('north', a CSV's misplaced cell) is not refused here: it becomes NaN, and New-ConnectRcsSuggestion
        /// refuses the chip with these words (<see cref="NotANumber"/>). A refusal here ended the statement around it, so a script's
        /// loop, -Suggestion (New-ConnectRcsSuggestion $r.Shop -Latitude $r.Lat ...), lost that row's result.
        /// </summary>
        private object Degrees(string text)
        {
            if (double.TryParse(DecimalComma.AsPoint(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees)) return degrees;
            (_unread ??= new Dictionary<string, string>(StringComparer.Ordinal))[_parameter] = text;
            return double.NaN;
        }

        /// <summary>
        /// What is wrong with <paramref name="degrees"/> of <paramref name="parameter"/> when it is the NaN <see cref="Degrees"/>
        /// gave for text that is no number: the command line's words for it; else null.
        /// </summary>
        public static string? NotANumber(string parameter, double degrees) =>
            double.IsNaN(degrees) && _unread is not null && _unread.TryGetValue(parameter, out var text)
                ? $"-{parameter} '{text}' is not a number of degrees: write it as a decimal number, e.g. 51.5074 (or '51,5074')."
                : null;

        private string ListProblem(IList list) =>
            UnquotedList.ReachedAsList(_parameter, UnquotedList.Items(list)) + " Give one number, with a point as the decimal mark " +
            $"(-{_parameter} 51.5074) or in quotes ('51,5074'), and the other coordinate to -{(_parameter == "Latitude" ? "Longitude" : "Latitude")}.";
    }
}
