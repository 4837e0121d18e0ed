using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// The request body, which also records whether it was handed to the connection in full. A failure
    /// before that cannot have produced an accepted request, so it is safe to retry; after it, the service
    /// may have accepted the message and resending could duplicate it.
    /// </summary>
    internal sealed class JsonBodyContent : HttpContent
    {
        private readonly ReadOnlyMemory<byte> _body;
        private readonly Action? _leaving;
        private volatile bool _written;

        /// <param name="leaving">Told when the body starts to be written (the rate gate times arrivals from then).</param>
        public JsonBodyContent(ReadOnlyMemory<byte> body, Action? leaving = null)
        {
            _body = body;
            _leaving = leaving;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        /// <summary>True once every byte of the body was written to the request stream.</summary>
        public bool BodyWritten => _written;

        /// <summary>
        /// The body as a receiver in this process takes it (the built-in sandbox): what writing it to a stream does (the
        /// permit hears it leave, then <see cref="BodyWritten"/>) without copying it into a buffer and then an array
        /// first, two copies of about 85 bytes per destination. The body is never written to after the content is
        /// made, so the receiver may keep it.
        /// </summary>
        public ReadOnlyMemory<byte> Hand()
        {
            _leaving?.Invoke();
            _written = true;
            return _body;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _leaving?.Invoke();
            if (MemoryMarshal.TryGetArray(_body, out var segment))
            {
                await stream.WriteAsync(segment.Array!, segment.Offset, segment.Count).ConfigureAwait(false);
            }
            else
            {
                var copy = _body.ToArray();
                await stream.WriteAsync(copy, 0, copy.Length).ConfigureAwait(false);
            }

            _written = true;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
