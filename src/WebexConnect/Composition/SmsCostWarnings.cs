using System;
using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The warnings of one run about an SMS text that costs more parts than it needs to (<see cref="TypographicCharacters"/>,
    /// <see cref="WindowsLineBreaks"/>): Send-ConnectSms's text and Send-ConnectRcs's SMS fallback. Both can come at one row.
    /// </summary>
    internal sealed class SmsCostWarnings
    {
        private readonly TypographicCharacters _typographic = new TypographicCharacters();
        private readonly WindowsLineBreaks _lineBreaks = new WindowsLineBreaks();

        /// <summary>What to say before row <paramref name="row"/> is sent: usually nothing.</summary>
        public IReadOnlyList<string> Before(ConnectMessage message, long row)
        {
            var typographic = _typographic.WarningFor(message, row);
            var lineBreaks = _lineBreaks.WarningFor(message, row);
            if (typographic is null) return lineBreaks is null ? Array.Empty<string>() : new[] { lineBreaks };
            return lineBreaks is null ? new[] { typographic } : new[] { typographic, lineBreaks };
        }
    }
}
