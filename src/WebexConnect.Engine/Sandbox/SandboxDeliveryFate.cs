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
