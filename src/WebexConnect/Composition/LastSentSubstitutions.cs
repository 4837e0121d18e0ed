using System;
using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The substitution names a request for a message carries (IConnectEngine.SubstitutionsSent), asked again only for
    /// another message object. Finding them serialises the message; the rows of a run share one message object (or a run
    /// of rows does, for a Text column), so the checks and the repeat warning of a run share one of these and ask once.
    /// One caller thread: the pipeline's.
    /// </summary>
    internal sealed class LastSentSubstitutions
    {
        private readonly Func<ConnectMessage, ISet<string>?> _of;
        private ConnectMessage? _message;
        private ISet<string>? _names;

        /// <param name="of">The engine's answer for a message: the names, or null when every substitution goes.</param>
        public LastSentSubstitutions(Func<ConnectMessage, ISet<string>?> of) => _of = of;

        /// <summary>The names the request for <paramref name="message"/> carries; null when it carries every one (a template).</summary>
        /// <param name="message">The row's message.</param>
        public ISet<string>? Of(ConnectMessage message)
        {
            if (!ReferenceEquals(message, _message))
            {
                _names = _of(message);
                _message = message;
            }
            return _names;
        }
    }
}
