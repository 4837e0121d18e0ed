using System;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads -SendAt (and a row's ExpireAt cell, <see cref="ReadCell"/>) as <see cref="UnixTimeArgumentAttribute"/>, then <see cref="IsoDateArgumentAttribute"/>, then PowerShell's
    /// own conversion in the current culture would, in that order and as one step, and never refuses text: an empty text is no
    /// time (send now), and one that cannot be read becomes an <see cref="UnreadableTime"/> mark that says why.
    /// </summary>
    /// <remarks>
    /// -SendAt binds from a SendAt column (appointment reminders, each row at its own time). A transformation that throws while
    /// PowerShell binds a row's column makes PowerShell drop that row with a binder error: no result, and the rows after it
    /// renumbered. The mark lets the row get its own Invalid result instead; given on the command line, the command ends with
    /// the error a refused value always gave there (SendCommandBase).
    /// A local time (no offset or Z, a [datetime] not in UTC) is also put to <see cref="ClockChanges"/>, the rule for the days
    /// the clocks change, for -SendAt, -ExpireAt (<see cref="CommandLineOnly"/>) and both columns alike: one the clocks skip is
    /// refused as a text that is no time is, one they show twice is noted for the run's warning.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class RowTimeArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly UnixTimeArgumentAttribute _unixTime;
        private readonly IsoDateArgumentAttribute _isoDate = new IsoDateArgumentAttribute();

        public RowTimeArgumentAttribute(string parameterName) => _unixTime = new UnixTimeArgumentAttribute(parameterName);

        /// <summary>
        /// True for a parameter no column binds (-ExpireAt: RowExpiry reads its column): text PowerShell reads (not ISO 8601) is
        /// read as its binder reads it, and what it cannot read, or a local time the clocks skip, becomes a mark too. Before, both
        /// were refused while binding, and a script's loop of one-row calls (-ExpireAt $u.ExpireAt) lost that row's result.
        /// </summary>
        public bool CommandLineOnly { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!CommandLineOnly) return Read(inputData);
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // Blank is no expiry, as an empty ExpireAt cell is a piped row's: a loop passes -ExpireAt $u.ExpireAt for every row.
            // A database's NULL (a DataRow's empty cell) is blank too: it was "'' is not a time", the row Invalid.
            if (value is string blank && string.IsNullOrWhiteSpace(blank) || value is DBNull) return null;
            object? read;
            try
            {
                read = _isoDate.Transform(null!, _unixTime.Transform(null!, inputData));
            }
            catch (ArgumentTransformationMetadataException refused)
            {
                return UnreadableTime.Mark(TextOf(value), refused.Message);
            }
            // Text PowerShell reads (not ISO 8601) is read here as it will read it, only to know its time on the clock.
            var time = read is DateTimeOffset converted ? converted
                : value is DateTime given ? ClockChanges.AsRead(given, TimeZoneInfo.Local)
                : value is string text && DateTimeOffset.TryParse(text.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.AssumeLocal, out var parsed) ? parsed
                : (DateTimeOffset?)null;
            if (time is DateTimeOffset at && OnTheClock(value, at) is string skipped)
                return UnreadableTime.Mark(TextOf(value), SkippedReason(value, skipped), skipped);
            return ConvertedOrMark(read, value);
        }

        /// <summary>
        /// <paramref name="read"/> as PowerShell's binder converts it (in no culture); a mark, with the binder's words, for what it
        /// could not convert (a hashtable, a row given whole), so that the command refuses it: the one row's Invalid result, or
        /// a piped row's. Before, -SendAt @{...} was refused by the binder, and a loop's statement ended without the row's result.
        /// </summary>
        private static object? ConvertedOrMark(object? read, object? value)
        {
            if (read is null || read is DateTimeOffset || read is DateTime) return read;
            try
            {
                return LanguagePrimitives.ConvertTo(read, typeof(DateTimeOffset), CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException unreadable)
            {
                return UnreadableTime.MarkCast(TextOf(value), unreadable.Message);
            }
        }

        /// <summary>The time <paramref name="inputData"/> gives; null for blank text; a mark for a value that is no time.</summary>
        public object? Read(object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // A database's NULL is an empty cell, send now: PowerShell's binder could not make a DateTimeOffset of it, and a
            // loop's -SendAt $r.SendAt ended its statement without the row's result.
            if (value is DBNull) return null;
            if (value is DateTime given && given.Kind != DateTimeKind.Utc && ClockChanges.Changes(given, TimeZoneInfo.Local))
            {
                var time = ClockChanges.AsRead(given, TimeZoneInfo.Local);
                return OnTheClock(given, time) is string skipped ? UnreadableTime.Mark(TextOf(given), SkippedReason(given, skipped), skipped) : time;
            }
            // An object's text is its wrapper's (@{at=09:00}, a JSON row's nested object): the bare PSCustomObject has none.
            if (!(value is string text)) return ConvertedOrMark(UnixTimeOrMark(inputData, value), value is PSCustomObject ? inputData : value);
            var read = ReadText(text, out var refused, out var skippedText);
            return refused is null ? read : UnreadableTime.Mark(text, refused, skippedText);
        }

        /// <summary>
        /// A number as a Unix time, else as given; a mark for a number that is no Unix time in seconds (1796000000000, Unix
        /// milliseconds as an export or ConvertFrom-Json gives them): PowerShell's binder dropped a piped row that had it, and
        /// ended a one-row call, without a result.
        /// </summary>
        private object? UnixTimeOrMark(object? inputData, object? value)
        {
            try
            {
                return _unixTime.Transform(null!, inputData);
            }
            catch (ArgumentTransformationMetadataException notSeconds)
            {
                return UnreadableTime.Mark(TextOf(value), notSeconds.Message);
            }
        }

        /// <summary>
        /// The time a row's cell gives, read by the module rather than PowerShell's binder (an ExpireAt column, RowExpiry): by
        /// the same rules as <see cref="Read"/>, with PowerShell's conversion of what is not text ([datetime]) too; null for an
        /// empty cell, and null with <paramref name="refused"/> saying why for one that is no time.
        /// </summary>
        public DateTimeOffset? ReadCell(object? cell, out UnreadableTime.Unreadable? refused)
        {
            var value = cell is PSObject wrapped ? wrapped.BaseObject : cell;
            refused = null;
            string? skipped;
            if (value is string text)
            {
                var read = ReadText(text, out var unreadable, out skipped);
                if (unreadable is not null) refused = new UnreadableTime.Unreadable(text, unreadable, skipped);
                return refused is null ? read : null;
            }
            if (value is null || value is DBNull) return null;
            try
            {
                var time = (DateTimeOffset)LanguagePrimitives.ConvertTo(_unixTime.Transform(null!, value), typeof(DateTimeOffset), CultureInfo.CurrentCulture);
                if (value is DateTime given && given.Kind != DateTimeKind.Utc && OnTheClock(given, time) is string why)
                {
                    refused = new UnreadableTime.Unreadable(TextOf(given), SkippedReason(given, why), why);
                    return null;
                }
                return time;
            }
            catch (Exception unreadable) when (unreadable is ArgumentTransformationMetadataException || unreadable is PSInvalidCastException)
            {
                refused = new UnreadableTime.Unreadable(TextOf(value), unreadable.Message);
                return null;
            }
        }

        /// <summary>
        /// The time <paramref name="text"/> gives, or null: for blank text, and for text that is no time (<paramref name="refused"/>
        /// says why) or a local time the clocks skip (<paramref name="skipped"/> too, what ClockChanges says of it).
        /// </summary>
        private DateTimeOffset? ReadText(string text, out string? refused, out string? skipped)
        {
            refused = skipped = null;
            if (string.IsNullOrWhiteSpace(text)) return null;
            DateTimeOffset time;
            try
            {
                var read = _isoDate.Transform(null!, _unixTime.Transform(null!, text));
                time = read is DateTimeOffset iso ? iso : (DateTimeOffset)LanguagePrimitives.ConvertTo(text.Trim(), typeof(DateTimeOffset), CultureInfo.CurrentCulture);
            }
            catch (Exception unreadable) when (unreadable is ArgumentTransformationMetadataException || unreadable is PSInvalidCastException)
            {
                refused = unreadable.Message;
                return null;
            }
            skipped = OnTheClock(text, time);
            if (skipped is null) return time;
            refused = SkippedReason(text, skipped);
            return null;
        }

        /// <summary>
        /// What ClockChanges says of <paramref name="time"/>, read from <paramref name="value"/>, when it is a local time the
        /// clocks skip; null otherwise, having noted one they show twice. A time read with its offset or Z, a Unix time, a UTC
        /// [datetime] and every time outside the hours the clocks change are as they were read.
        /// </summary>
        private static string? OnTheClock(object? value, DateTimeOffset time)
        {
            var zone = TimeZoneInfo.Local;
            // The usual time costs this one question.
            if (!ClockChanges.Changes(time.DateTime, zone)) return null;
            if (!IsLocal(value))
            {
                ClockChanges.Forget(time);
                return null;
            }
            if (ClockChanges.Skipped(time.DateTime, zone) is string skipped) return skipped;
            ClockChanges.NoteTwice(TextOf(value), time, zone);
            return null;
        }

        /// <summary>True when <paramref name="value"/> is a time on this computer's clock: text without an offset or Z, a [datetime] not in UTC.</summary>
        private static bool IsLocal(object? value) => value switch
        {
            DateTime given => given.Kind != DateTimeKind.Utc,
            string text => IsoDateArgumentAttribute.GivesOffset(text) is bool offset
                ? !offset
                : DateTime.TryParse(text.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.RoundtripKind, out var read) && read.Kind == DateTimeKind.Unspecified,
            _ => false,
        };

        /// <summary>"-SendAt '2027-03-28 02:30' is not a time in this computer's time zone ...": the command line's refusal.</summary>
        private string SkippedReason(object? value, string skipped) =>
            "-" + _unixTime.ParameterName + " " + InputEcho.Quote(TextOf(value)) + " " + skipped + ".";

        /// <summary>The value as an error echoes it: a [datetime] in ISO 8601, other values as they are written.</summary>
        internal static string TextOf(object? value) => value switch
        {
            DateTime given => given.ToString(given.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            string text => text.Trim(),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
