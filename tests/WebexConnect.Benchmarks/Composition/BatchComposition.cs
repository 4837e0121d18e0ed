using WebexConnect.Engine.Payload;
using WebexConnect.Messages;

namespace WebexConnect.Benchmarks.Composition
{
    /// <summary>
    /// What the engine does to turn one batch into bytes, exactly as the transport asks for it: the shape
    /// (the shared part, serialised once) and the body with every destination written into it.
    /// </summary>
    internal sealed class BatchComposition
    {
        public const int Destinations = 1000;

        private readonly ConnectMessage _message;
        private readonly Recipient[] _recipients;
        private readonly MessageShape _shape;
        private readonly PayloadBuffer _reused = new PayloadBuffer(256 * 1024);

        public BatchComposition(MessageChannel channel = MessageChannel.Sms)
        {
            Send = new PersonalisedSend(channel);
            _message = Send.Message;
            _recipients = Send.Recipients(Destinations);
            _shape = MessageShape.Of(_message);
        }

        public PersonalisedSend Send { get; }

        /// <summary>The shape from the message, then the body as an array of its exact length.</summary>
        public int ShapeAndBody()
        {
            var shape = MessageShape.Of(_message);
            return PayloadWriter.Write(shape, _recipients).Length;
        }

        /// <summary>The body alone, into a buffer kept between batches: the floor of what writing costs.</summary>
        public int BodyIntoReusedBuffer()
        {
            _reused.Clear();
            PayloadWriter.Write(_shape, _recipients, _reused);
            return _reused.WrittenCount;
        }

        /// <summary>Making the 1000 Recipient objects from row values: the cmdlet's share, for comparison.</summary>
        public int RecipientsFromRows() => Send.Recipients(Destinations).Length;
    }
}
