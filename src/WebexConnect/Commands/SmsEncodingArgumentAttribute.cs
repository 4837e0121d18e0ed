using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Encoding of Send-ConnectSms and Measure-ConnectSms take a text file's encoding (utf8, utf8NoBOM, ascii, an
    /// [Text.Encoding]...) as Auto, which sends every character of the text as the file would have kept it.
    /// </summary>
    /// <remarks>
    /// about_Character_Encoding advises $PSDefaultParameterValues['*:Encoding'] = 'utf8' so that every cmdlet writes
    /// UTF-8 files, and many scripts and profiles set it. It reaches these -Encoding parameters too: before, each call
    /// warned "The binding of default value 'utf8' to parameter 'Encoding' failed", and under $WarningPreference = 'Stop'
    /// no SMS could be sent. 'Unicode' is left alone: it is this parameter's own value (UCS-2, 70 characters a part).
    /// Anything else is left to PowerShell, whose error lists Auto, Text and Unicode.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SmsEncodingArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The names PowerShell 7 and Windows PowerShell 5.1 give -Encoding of their file cmdlets, but Unicode.</summary>
        private static readonly HashSet<string> FileEncodings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ansi", "ascii", "bigendianunicode", "bigendianutf32", "byte", "default", "latin1", "oem", "string", "unknown",
            "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32",
        };

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                System.Text.Encoding _ => Messages.SmsEncoding.Auto,
                string name when FileEncodings.Contains(name.Trim()) => Messages.SmsEncoding.Auto,
                _ => inputData,
            };
        }
    }
}
