namespace WebexConnect.Engine.Dispatch
{
    /// <summary>Where a rate gate's limit in force came from: what a run that waited for it names (RunDiagnostics.Budget).</summary>
    internal enum RateSource
    {
        /// <summary>Connect-WebexConnect -Tps.</summary>
        Given,

        /// <summary>No limit known yet: <see cref="RateGate.ConservativeTps"/>.</summary>
        CautiousStart,

        /// <summary>The service's x-rate-limit-limit header.</summary>
        Announced,

        /// <summary>Lowered after the service refused requests for the rate (429, 7020), or climbing back since.</summary>
        RefusedForRate,

        /// <summary>Found after the service refused requests with too many destinations (7009).</summary>
        RefusedForSize,
    }
}
