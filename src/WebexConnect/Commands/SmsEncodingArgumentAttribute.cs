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
    /// Anything else is left to PowerShell, whose error lists Auto, Text and Unicode; with <see cref="KeepsRefused"/> (Send-ConnectSms)
    /// a text that names none of them is let through as a value the enum does not define, its text kept (RefusedArguments) for
    /// the command to refuse: a script's loop (-Encoding $u.Encoding) then keeps that row's Invalid result, where PowerShell's
    /// refusal ended the statement. An empty cell is Auto, as if -Encoding were left out.
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

        /// <summary>A value the enum does not define, given for a text that names none of its values.</summary>
        internal const Messages.SmsEncoding Unnamed = (Messages.SmsEncoding)(-1);

        /// <summary>Whether a text that names no encoding is let through for the command to refuse (see the remarks).</summary>
        public bool KeepsRefused { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                System.Text.Encoding _ => Messages.SmsEncoding.Auto,
                // A database's NULL is an empty cell, Auto: PowerShell's binder refused it, ending a loop's statement without a result.
                DBNull _ when KeepsRefused => Read(""),
                // $null too (-Encoding $u.Encoding of a row without the column): the setter refused it, with no result for the row.
                null when KeepsRefused => Read(""),
                string name when FileEncodings.Contains(name.Trim()) => Messages.SmsEncoding.Auto,
                string text when KeepsRefused => Read(text),
                _ => inputData,
            };
        }

        private static Messages.SmsEncoding Read(string text)
        {
            var name = text.Trim();
            if (name.Length == 0) return Messages.SmsEncoding.Auto;
            if (Enum.TryParse<Messages.SmsEncoding>(name, ignoreCase: true, out var read) && Enum.IsDefined(typeof(Messages.SmsEncoding), read))
            {
                RefusedArguments.Clear("Encoding");
                return read;
            }
            RefusedArguments.Set("Encoding", text);
            return Unnamed;
        }
    }
}
