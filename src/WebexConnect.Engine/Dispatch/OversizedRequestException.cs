using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The rate gate sent a waiting request back before it left: its limit fell below the request's size while it
    /// waited (a refusal for the rate, or a lower limit announced), or, with a ledger other processes share, only
    /// <see cref="FitsNow"/> of its destinations fit now. Its destinations go again in requests that fit.
    /// </summary>
    internal sealed class OversizedRequestException : Exception
    {
        public OversizedRequestException(int destinations, int tps, int? fitsNow = null)
            : base(fitsNow is int fits
                ? "A request of " + destinations + " destinations does not fit the shared TPS budget now; " + fits + " do."
                : "A request of " + destinations + " destinations no longer fits the TPS in force (" + tps + ").")
        {
            Tps = tps;
            FitsNow = fitsNow;
        }

        /// <summary>The TPS in force when the request was sent back.</summary>
        public int Tps { get; }

        /// <summary>With a shared ledger: how many destinations fit now, to go first.</summary>
        public int? FitsNow { get; }
    }
}
