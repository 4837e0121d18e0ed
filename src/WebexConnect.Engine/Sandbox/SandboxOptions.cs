using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// How the sandbox behaves. Credentials: with a ServiceKey it accepts exactly that `key` header; with
    /// ServiceId and ServiceSecret (Base64) it accepts exactly the JWTs signed with that secret for that issuer.
    /// With neither configured it accepts any non-empty key, and any well-formed HS256 bearer token whose
    /// claims pass the time rules (the signature is then not checked: there is nothing to check it against).
    /// </summary>
    internal sealed class SandboxOptions
    {
        public string? ServiceKey { get; set; }
        public string? ServiceId { get; set; }

        /// <summary>The Service Secret as the tenant shows it: Base64. Its decoded bytes are the HMAC key.</summary>
        public string? ServiceSecret { get; set; }

        /// <summary>Destinations per second over any one-second window; 0 = unlimited (and no x-rate-limit headers).</summary>
        public int Tps { get; set; } = 100;

        /// <summary>Time before each answer, plus a random 0..LatencyJitter.</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;
        public TimeSpan LatencyJitter { get; set; } = TimeSpan.Zero;

        /// <summary>Keep a SandboxRequest per request (Get-ConnectSandboxRequest). Benchmarks may turn it off.</summary>
        public bool RecordRequests { get; set; } = true;

        /// <summary>Keep the JSON body in each SandboxRequest; off = Body is empty (cheaper for benchmarks).</summary>
        public bool RecordBodies { get; set; } = true;

        /// <summary>
        /// At most this many requests are kept, the oldest forgotten first; null keeps all. The in-process
        /// sandbox behind Connect-WebexConnect -Sandbox bounds it so a large trial run stays in constant memory.
        /// </summary>
        public int? MaxRecordedRequests { get; set; }

        /// <summary>
        /// At most about this many bytes of recorded requests are kept (each counted as its body's UTF-8 bytes plus
        /// <see cref="SandboxServer.RecordOverheadBytes"/>), the oldest forgotten first; null for no such bound. A count
        /// alone is no bound on memory: 10,000 requests of 1,000 destinations each are 850 MB of bodies.
        /// </summary>
        public long? MaxRecordedBytes { get; set; }

        /// <summary>Count every accepted destination (AcceptedDestinations): what tests check for duplicates.</summary>
        public bool CountAcceptedDestinations { get; set; } = true;

        /// <summary>Keep what is needed to produce delivery receipts for accepted destinations.</summary>
        public bool RecordReceipts { get; set; } = true;

        /// <summary>POST receipts to the body's notifyUrl when it is a loopback http(s) URL.</summary>
        public bool PostReceiptsToLoopback { get; set; }

        /// <summary>Addresses that are accepted but fail later: their receipts say 7102 (invalid address), or for an email address 7520 (Bounced).</summary>
        public ISet<string> UndeliverableAddresses { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Share (0..1) of the other accepted addresses whose receipts say Failed (7102), or Bounced (7520) for email, instead of Delivered,
        /// chosen by a hash of the address so that the same address fails every time.
        /// </summary>
        public double FailedReceiptShare { get; set; }

        /// <summary>
        /// How many destinations the accepted messages GET /v2/messages/{messageId} remembers may hold together
        /// (the most recent messages; the newest always); 0 = none.
        /// </summary>
        public int LookupCapacity { get; set; } = 10_000;

        /// <summary>Label success bodies `application/json; charset=ISO-8859-1`, as the service sometimes does.</summary>
        public bool LabelResponsesIso88591 { get; set; }

        /// <summary>Share of requests (0..1) that get a random fault from RandomFaults, for soak tests.</summary>
        public double FaultRate { get; set; }

        /// <summary>Seed of the fault dice, so a soak run can be replayed.</summary>
        public int FaultSeed { get; set; } = 1;

        /// <summary>The faults FaultRate draws from.</summary>
        public IList<SandboxFault> RandomFaults { get; } = new List<SandboxFault>
        {
            SandboxFault.Status(503),
            SandboxFault.Status(429, "1"),
            SandboxFault.Status(500),
            SandboxFault.Status(502),
            SandboxFault.Status(504),
            SandboxFault.DropBeforeBody,
            SandboxFault.DropAfterBody,
        };

        /// <summary>The wall clock (timestamps, JWT times, sendAt). The TPS window uses a monotonic clock.</summary>
        public Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
