using System;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;

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
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class RowTimeArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly UnixTimeArgumentAttribute _unixTime;
        private readonly IsoDateArgumentAttribute _isoDate = new IsoDateArgumentAttribute();

        public RowTimeArgumentAttribute(string parameterName) => _unixTime = new UnixTimeArgumentAttribute(parameterName);

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Read(inputData);

        /// <summary>The time <paramref name="inputData"/> gives; null for blank text; a mark for text that is no time; other values as given.</summary>
        public object? Read(object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return _unixTime.Transform(null!, inputData);
            var time = ReadText(text, out var refused);
            return refused is null ? time : UnreadableTime.Mark(text, refused);
        }

        /// <summary>
        /// The time a row's cell gives, read by the module rather than PowerShell's binder (an ExpireAt column, RowExpiry): by
        /// the same rules as <see cref="Read"/>, with PowerShell's conversion of what is not text ([datetime]) too; null for an
        /// empty cell, and null with <paramref name="refused"/> saying why for one that is no time.
        /// </summary>
        public DateTimeOffset? ReadCell(object? cell, out string? refused)
        {
            var value = cell is PSObject wrapped ? wrapped.BaseObject : cell;
            if (value is string text) return ReadText(text, out refused);
            refused = null;
            if (value is null || value is DBNull) return null;
            try
            {
                return (DateTimeOffset)LanguagePrimitives.ConvertTo(_unixTime.Transform(null!, value), typeof(DateTimeOffset), CultureInfo.CurrentCulture);
            }
            catch (Exception unreadable) when (unreadable is ArgumentTransformationMetadataException || unreadable is PSInvalidCastException)
            {
                refused = unreadable.Message;
                return null;
            }
        }

        private DateTimeOffset? ReadText(string text, out string? refused)
        {
            refused = null;
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                var read = _isoDate.Transform(null!, _unixTime.Transform(null!, text));
                return read is DateTimeOffset time ? time : (DateTimeOffset)LanguagePrimitives.ConvertTo(text.Trim(), typeof(DateTimeOffset), CultureInfo.CurrentCulture);
            }
            catch (Exception unreadable) when (unreadable is ArgumentTransformationMetadataException || unreadable is PSInvalidCastException)
            {
                refused = unreadable.Message;
                return null;
            }
        }
    }
}
