using System;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>A request that has arrived: its number, time and the fault it drew. Taken before the body is read.</summary>
    internal sealed class SandboxArrival
    {
        public SandboxArrival(long number, DateTimeOffset receivedAt, SandboxFault? fault)
        {
            Number = number;
            ReceivedAt = receivedAt;
            Fault = fault;
        }

        public long Number { get; }
        public DateTimeOffset ReceivedAt { get; }
        public SandboxFault? Fault { get; }

        /// <summary>True when the connection must be closed before the body is read.</summary>
        public bool DropsBeforeBody => Fault != null && Fault.Kind == SandboxFaultKind.DropBeforeBody;
    }
}
