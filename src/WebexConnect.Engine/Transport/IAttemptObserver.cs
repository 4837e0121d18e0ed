using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Told about each HTTP request of a <see cref="BatchTransport"/> at the last moment before it leaves:
    /// after the rate gate granted its budget and after any retry backoff, once per attempt (a retry or a
    /// bisected half is an attempt of its own). Whatever it must persist is persisted when the call
    /// returns: the request waits for it.
    /// </summary>
    /// <remarks>
    /// An exception it throws stops the batch before the request is sent and leaves
    /// <see cref="IBatchTransport.SendAsync"/> unchanged. Called from pool threads, possibly for several
    /// batches at once.
    /// </remarks>
    internal interface IAttemptObserver
    {
        /// <param name="recipients">The recipients of the request about to be sent, in the batch's order.</param>
        void BeforeAttempt(IReadOnlyList<Recipient> recipients);

        /// <summary>
        /// The request just told of certainly did not reach the service's queue: refused (a 429, 503, 4xx,
        /// 401 before a token renewal) or failed before its body was sent. Called before any backoff,
        /// retry or bisection; nothing of it is at the service unless a later attempt is told of first.
        /// </summary>
        void NotAccepted(IReadOnlyList<Recipient> recipients);
    }
}
