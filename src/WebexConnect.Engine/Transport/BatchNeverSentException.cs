using System;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// The cancellation of a batch none of whose requests can have been accepted: it was stopped while it
    /// waited for rate budget or a backoff, or before its body was written. A dispatcher stopped by a
    /// failure reports such rows as not sent (Failed) rather than Unknown. Still an
    /// OperationCanceledException, so every other caller sees a cancellation as before.
    /// </summary>
    internal sealed class BatchNeverSentException : OperationCanceledException
    {
        public BatchNeverSentException(OperationCanceledException cancelled)
            : base(cancelled.Message, cancelled, cancelled.CancellationToken)
        {
        }
    }
}
