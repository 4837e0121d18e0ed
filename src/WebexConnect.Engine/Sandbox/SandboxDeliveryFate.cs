using System;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// Decides whether an accepted address is delivered or fails later: an address listed as undeliverable
    /// always fails, and FailedReceiptShare fails that share of the others, chosen by a hash of the address so
    /// the same number fails every time (a test and a re-run see the same outcome). Receipts and lookups agree.
    /// </summary>
    internal sealed class SandboxDeliveryFate
    {
        private readonly SandboxOptions _options;

        public SandboxDeliveryFate(SandboxOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

        /// <summary>
        /// The final receipt's code, Description and deliveryStatus for <paramref name="address"/> of a <paramref name="channel"/>
        /// message: Delivered, or the channel's failure (a number 7102 Failed, an email 7520 Bounced; 7102 is no email code).
        /// The lookup's status is this deliveryStatus too: it once said Failed of an email whose receipt said Bounced.
        /// </summary>
        public (string Code, string Description, string Status) Final(string channel, string address) =>
            !Fails(address) ? ("7500", "Delivered", "Delivered")
            : channel == "email" ? ("7520", "Bounce", "Bounced")
            : ("7102", "Invalid address", "Failed");

        public bool Fails(string address)
        {
            if (_options.UndeliverableAddresses.Contains(address)) return true;
            var share = _options.FailedReceiptShare;
            if (share <= 0) return false;
            if (share >= 1) return true;
            return Bucket(address) < share;
        }

        /// <summary>A stable number in [0, 1) for an address (FNV-1a; string.GetHashCode differs per process).</summary>
        internal static double Bucket(string address)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in address)
                {
                    hash ^= c;
                    hash *= 16777619u;
                }
                return (hash % 10_000u) / 10_000d;
            }
        }
    }
}
