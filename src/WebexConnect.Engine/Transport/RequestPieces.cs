using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Transport
{
    /// <summary>How recipients are cut into requests of a given size: whole recipients, never none.</summary>
    internal static class RequestPieces
    {
        /// <summary>
        /// How many recipients from <paramref name="start"/> fit in one request of at most <paramref name="maxDestinations"/>
        /// addresses; at least one, since a recipient with more addresses than that still has to go somewhere.
        /// </summary>
        public static int CountThatFit(IReadOnlyList<Recipient> recipients, int start, int maxDestinations)
        {
            var count = 0;
            var destinations = 0;
            while (start + count < recipients.Count && (count == 0 || destinations + recipients[start + count].Addresses.Count <= maxDestinations))
            {
                destinations += recipients[start + count].Addresses.Count;
                count++;
            }

            return count;
        }
    }
}
