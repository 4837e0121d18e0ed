using System;
using System.Buffers;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// A growable byte buffer for the writer. ArrayBufferWriter would do, but net472 has no public one.
    /// </summary>
    internal sealed class PayloadBuffer : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        public PayloadBuffer(int initialCapacity = 256) => _buffer = new byte[Math.Max(initialCapacity, 16)];

        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _written);

        public int WrittenCount => _written;

        public int Capacity => _buffer.Length;

        public byte[] ToArray() => WrittenSpan.ToArray();

        /// <summary>The bytes written, in the buffer itself: for an API that takes an array (net472 has no span overloads), without a copy.</summary>
        public ArraySegment<byte> WrittenSegment => new ArraySegment<byte>(_buffer, 0, _written);

        /// <summary>Forgets what was written and keeps the memory, for the next payload.</summary>
        public void Clear() => _written = 0;

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
            _written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Reserve(int sizeHint)
        {
            var needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written >= needed) return;
            var size = Math.Max(_buffer.Length * 2, _written + needed);
            Array.Resize(ref _buffer, size);
        }
    }
}
