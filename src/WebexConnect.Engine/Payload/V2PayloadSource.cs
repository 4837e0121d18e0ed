using System;
using WebexConnect.Engine.Transport;

namespace WebexConnect.Engine.Payload
{
    /// <summary>The production request body: the v2 JSON the payload writer produces for a batch.</summary>
    internal sealed class V2PayloadSource : IPayloadSource
    {
        public static V2PayloadSource Instance { get; } = new V2PayloadSource();

        private V2PayloadSource()
        {
        }

        public ReadOnlyMemory<byte> Body(OutgoingBatch batch) => PayloadWriter.Write(batch.Shape, batch.Recipients);
    }
}
