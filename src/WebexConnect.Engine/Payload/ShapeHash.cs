using System;
using System.Buffers.Binary;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// A fast non-cryptographic hash of a shape's bytes (FNV-1a over 8-byte words, then the tail), computed
    /// once per shape. Only dictionary bucketing depends on it; equality always compares the bytes.
    /// </summary>
    internal static class ShapeHash
    {
        private const ulong Offset = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static int Of(ReadOnlySpan<byte> bytes)
        {
            var hash = Offset;
            var i = 0;
            for (; i + 8 <= bytes.Length; i += 8)
                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i))) * Prime;
            for (; i < bytes.Length; i++)
                hash = (hash ^ bytes[i]) * Prime;
            // Fold the high bits in: whole-word FNV leaves them weakly mixed.
            hash ^= hash >> 29;
            return unchecked((int)hash ^ (int)(hash >> 32));
        }
    }
}
