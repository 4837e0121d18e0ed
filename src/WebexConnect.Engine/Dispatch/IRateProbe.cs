namespace WebexConnect.Engine.Dispatch
{
    /// <summary>Lets the dispatcher ask whether a partial batch could go out at once.</summary>
    internal interface IRateProbe
    {
        /// <summary>True when nothing waits at the gate and it has room for <paramref name="destinations"/> now.</summary>
        bool WouldAllowNow(int destinations);
    }
}
