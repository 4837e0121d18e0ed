using System;
using System.Collections.Generic;
using WebexConnect.Composition;

namespace WebexConnect.Results
{
    /// <summary>
    /// SentMessage.Fields: the lookup's answer by field name, in any casing. Its text is the answer as compact JSON,
    /// so that Export-Csv and string interpolation show what the service said rather than the dictionary's type name.
    /// </summary>
    internal sealed class SentMessageFields : Dictionary<string, object?>
    {
        public SentMessageFields()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <inheritdoc />
        public override string ToString()
        {
            try
            {
                return ContentJson.From(this);
            }
            catch (ArgumentException)
            {
                // Only a tree the engine's JSON reader made gets here, and it holds nothing JSON cannot carry; never throw from ToString.
                return base.ToString() ?? string.Empty;
            }
        }
    }
}
