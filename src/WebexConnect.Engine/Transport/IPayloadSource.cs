using System;

namespace WebexConnect.Engine.Transport
{
    /// <summary>The JSON body of a batch (shared shape plus "to"): PayloadWriter in production, a fake in tests.</summary>
    internal interface IPayloadSource
    {
        ReadOnlyMemory<byte> Body(OutgoingBatch batch);
    }

    /// <summary>Adapts a delegate, e.g. one that calls PayloadWriter.Write into an ArrayBufferWriter.</summary>
    internal sealed class DelegatePayloadSource : IPayloadSource
    {
        private readonly Func<OutgoingBatch, ReadOnlyMemory<byte>> _body;

        public DelegatePayloadSource(Func<OutgoingBatch, ReadOnlyMemory<byte>> body) => _body = body ?? throw new ArgumentNullException(nameof(body));

        public ReadOnlyMemory<byte> Body(OutgoingBatch batch) => _body(batch);
    }
}
