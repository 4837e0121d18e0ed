using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The rate gate sent a waiting request back: its limit fell below the request's size while it waited (a refusal
    /// for the rate, or a lower limit announced). Nothing of it left; its destinations go again in requests that fit.
    /// </summary>
    internal sealed class OversizedRequestException : Exception
    {
        public OversizedRequestException(int destinations, int tps)
            : base("A request of " + destinations + " destinations no longer fits the TPS in force (" + tps + ").")
        {
            Tps = tps;
        }

        /// <summary>The TPS in force when the request was sent back.</summary>
        public int Tps { get; }
    }
}
