using System;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// The shape of the message asked about last, made again only for another message object: the cmdlet hands the same
    /// one for every row of a run (or of a run of rows), and a shape renders the shared JSON, an HTML newsletter's too.
    /// One caller thread: the dispatcher and the journal ask on the pipeline thread.
    /// </summary>
    internal sealed class LastShape
    {
        private readonly Func<ConnectMessage, MessageShape> _shapeOf;
        private ConnectMessage? _message;
        private MessageShape? _shape;

        public LastShape(Func<ConnectMessage, MessageShape> shapeOf) => _shapeOf = shapeOf;

        public MessageShape Of(ConnectMessage message)
        {
            if (!ReferenceEquals(message, _message) || _shape is null)
            {
                _shape = _shapeOf(message);
                _message = message;
            }

            return _shape;
        }
    }
}
