namespace WebexConnect.Engine.Dispatch
{
    /// <summary>Lets the dispatcher ask whether a partial batch could go out at once, and how many requests are worth having out.</summary>
    internal interface IRateProbe
    {
        /// <summary>True when nothing waits at the gate and it has room for <paramref name="destinations"/> now.</summary>
        bool WouldAllowNow(int destinations);

        /// <summary>
        /// Requests worth having out at once: a second's worth waiting at the gate, those a round trip keeps answering,
        /// and one more (before any warm answer, the first second's only). Any more would only queue at the gate with
        /// their size fixed, while the gate may still learn that it wants smaller ones.
        /// </summary>
        int RequestsAhead { get; }
    }
}
