using System;
using System.Globalization;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The journal's name for one send: the first 128 bits of a salted HMAC over what was sent.
    /// 128 bits keep a million-row journal small in memory while a collision stays out of reach.
    /// </summary>
    internal readonly struct JournalKey : IEquatable<JournalKey>
    {
        public const int ByteLength = 16;

        private readonly ulong _high;
        private readonly ulong _low;

        private JournalKey(ulong high, ulong low)
        {
            _high = high;
            _low = low;
        }

        /// <summary>The key made of the first 16 bytes of a hash.</summary>
        public static JournalKey FromHash(byte[] hash) =>
            hash is null ? throw new ArgumentNullException(nameof(hash)) : FromHash(new ReadOnlySpan<byte>(hash));

        /// <summary>The key made of the first 16 bytes of a hash held in a span (no array for it).</summary>
        public static JournalKey FromHash(ReadOnlySpan<byte> hash)
        {
            if (hash.Length < ByteLength) throw new ArgumentException("A journal key needs at least 16 bytes.", nameof(hash));
            ulong high = 0, low = 0;
            for (var i = 0; i < 8; i++) high = (high << 8) | hash[i];
            for (var i = 8; i < 16; i++) low = (low << 8) | hash[i];
            return new JournalKey(high, low);
        }

        /// <summary>Reads the 32 hex digits written by <see cref="ToString"/>.</summary>
        public static bool TryParse(string? text, out JournalKey key)
        {
            key = default;
            if (text is null || text.Length != 2 * ByteLength) return false;
            if (!ulong.TryParse(text.Substring(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)) return false;
            if (!ulong.TryParse(text.Substring(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)) return false;
            key = new JournalKey(high, low);
            return true;
        }

        public bool Equals(JournalKey other) => _high == other._high && _low == other._low;

        public override bool Equals(object? obj) => obj is JournalKey other && Equals(other);

        // The bits are already uniformly distributed: any of them make a good hash code.
        public override int GetHashCode() => unchecked((int)_low);

        /// <summary>How many characters <see cref="ToString"/> and <see cref="WriteHex"/> make.</summary>
        public const int HexLength = 2 * ByteLength;

        /// <summary>32 lower-case hex digits.</summary>
        public override string ToString()
        {
            var hex = new char[HexLength];
            WriteHex(hex);
            return new string(hex);
        }

        /// <summary>
        /// The 32 lower-case hex digits of <see cref="ToString"/>, into <paramref name="destination"/>: the journal writes two
        /// lines for every row it sends, and made three strings a key for them (ToString of each half, then the two joined).
        /// </summary>
        public void WriteHex(Span<char> destination)
        {
            if (destination.Length < HexLength) throw new ArgumentException("A journal key needs 32 characters.", nameof(destination));
            for (var i = 0; i < 16; i++)
            {
                destination[15 - i] = HexDigit(_high >> (4 * i));
                destination[31 - i] = HexDigit(_low >> (4 * i));
            }
        }

        private static char HexDigit(ulong value)
        {
            var digit = (int)(value & 0xF);
            return (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        }
    }
}
