using System.Collections.Generic;

namespace WebexConnect.Messages.Sms
{
    /// <summary>Splits a text into concatenated SMS parts the way a handset or SMSC does.</summary>
    internal static class SmsParts
    {
        /// <summary>
        /// Parts needed for a sequence of indivisible units (an escape pair or a surrogate pair is one unit
        /// of size 2). Walks the text rather than dividing, because a unit that does not fit in the rest of a
        /// part moves whole to the next one and leaves a gap.
        /// </summary>
        internal static int Count(IReadOnlyList<int> unitSizes, int singlePartCapacity, int concatenatedPartCapacity)
        {
            var total = 0;
            foreach (var size in unitSizes) total += size;
            // An empty text is still one (empty) message, and one billed part.
            if (total <= singlePartCapacity) return 1;

            var parts = 1;
            var used = 0;
            foreach (var size in unitSizes)
            {
                if (used + size > concatenatedPartCapacity)
                {
                    parts++;
                    used = 0;
                }
                used += size;
            }
            return parts;
        }
    }
}
