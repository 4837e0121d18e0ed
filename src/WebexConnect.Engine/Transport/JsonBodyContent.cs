using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Threading;
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
        // NotStarted until the body starts to leave (Started) or the transport withholds it for good (Withheld); one
        // compare-and-swap decides between the two, so a body withheld can never start to leave afterwards.
        private int _start = NotStarted;
        private const int NotStarted = 0;
        private const int Started = 1;
        private const int Withheld = 2;

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
        /// After the request was stopped: true when not one byte of the body started to leave, and none ever will (a later
        /// write fails before it starts), so the service cannot have the request; false when the body started, however far
        /// it got. Only this proof lets a stopped request's rows count as never sent (the journal withdraws their intent).
        /// </summary>
        public bool WithholdIfNotStarted() =>
            Interlocked.CompareExchange(ref _start, Withheld, NotStarted) != Started;

        /// <summary>Marks the body as leaving now; throws when it was withheld (the request was stopped before it left).</summary>
        private void Start()
        {
            if (Interlocked.CompareExchange(ref _start, Started, NotStarted) == Withheld)
                throw new OperationCanceledException("The request was stopped before its body started to leave.");
            _leaving?.Invoke();
        }

        /// <summary>
        /// The body as a receiver in this process takes it (the built-in sandbox): what writing it to a stream does (the
        /// permit hears it leave, then <see cref="BodyWritten"/>) without copying it into a buffer and then an array
        /// first, two copies of about 85 bytes per destination. The body is never written to after the content is
        /// made, so the receiver may keep it.
        /// </summary>
        public ReadOnlyMemory<byte> Hand()
        {
            Start();
            _written = true;
            return _body;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Start();
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
