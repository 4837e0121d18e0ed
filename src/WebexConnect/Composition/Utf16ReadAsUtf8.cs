using System;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A UTF-16 file without a byte order mark (bcp -w, some database and Java exports) read as UTF-8, as PowerShell 7
    /// reads every file without one: each ASCII letter keeps a NUL beside it, so the header "Phone" becomes
    /// "P\0h\0o\0n\0e\0" (little-endian; "\0P\0h..." big-endian) and no column binds. The advice for other misread
    /// files (-Encoding 1252) does not read it; -Encoding Unicode (or BigEndianUnicode) does.
    /// </summary>
    internal static class Utf16ReadAsUtf8
    {
        /// <summary>
        /// True when <paramref name="text"/> holds a NUL: what no CSV cell or header of a text file holds, but every
        /// ASCII character of a UTF-16 one carries when it is read as UTF-8.
        /// </summary>
        public static bool IsIn(string? text) => text != null && text.IndexOf('\0') >= 0;

        /// <summary><paramref name="text"/> without its NULs, trimmed: "P\0h\0o\0n\0e\0" is "Phone".</summary>
        public static string Without(string text) => text.Replace("\0", "").Trim();

        /// <summary>"read it with Import-Csv -Encoding Unicode" (or BigEndianUnicode: see <see cref="EncodingOf"/>).</summary>
        public static string Advice(string? firstColumn) =>
            "the file is UTF-16 (Unicode) without a byte order mark, read as UTF-8 (the NUL bytes between its letters show as " +
            "\\u0000): read it with Import-Csv -Encoding " + EncodingOf(firstColumn) + ", or save it as UTF-8";

        /// <summary>
        /// The -Encoding that reads the file: BigEndianUnicode when the first column's name starts with the NUL (the high byte
        /// of its first letter), Unicode (little-endian, what Windows writes) otherwise or when the header is not at hand.
        /// </summary>
        public static string EncodingOf(string? firstColumn) =>
            firstColumn?.StartsWith("\0", StringComparison.Ordinal) == true ? "BigEndianUnicode" : "Unicode";
    }
}
