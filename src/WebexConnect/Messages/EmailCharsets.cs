using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Messages
{
    /// <summary>
    /// The character sets an email's -Encoding takes: the MIME names mail programs read (API.md gives utf-8 as its
    /// example). Any other text went to the service as written: 'utf9' or 'UTF 8' was refused there or garbled the mail.
    /// </summary>
    internal static class EmailCharsets
    {
        /// <summary>
        /// The names, as a mail header writes them; utf-8 first, the one to use unless a reader needs another. Every
        /// language's set that Outlook and Thunderbird write: the first list left out the Baltic (windows-1257,
        /// iso-8859-13), Vietnamese, Thai, Ukrainian and Outlook's Korean (ks_c_5601-1987) ones, and refused the run.
        /// </summary>
        internal static IReadOnlyList<string> Known { get; } = new[]
        {
            "utf-8", "us-ascii", "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
            "iso-8859-7", "iso-8859-8", "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
            "iso-8859-16", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
            "windows-1256", "windows-1257", "windows-1258", "windows-874", "tis-620", "koi8-r", "koi8-u", "shift_jis",
            "iso-2022-jp", "euc-jp", "euc-kr", "ks_c_5601-1987", "iso-2022-kr", "gb2312", "gbk", "gb18030", "big5",
        };

        /// <summary>True for a name of <see cref="Known"/> in any casing.</summary>
        internal static bool IsKnown(string name) => Known.Contains(name, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The MIME name of what PowerShell's file cmdlets call an encoding (utf8, utf8NoBOM, ascii, latin1), or null:
        /// $PSDefaultParameterValues['*:Encoding'] = 'utf8', which about_Character_Encoding advises, reaches -Encoding too.
        /// </summary>
        internal static string? OfPowerShellName(string name) => name.Trim().ToLowerInvariant() switch
        {
            "utf8" or "utf8bom" or "utf8nobom" => "utf-8",
            "ascii" => "us-ascii",
            "latin1" => "iso-8859-1",
            _ => null,
        };
    }
}
