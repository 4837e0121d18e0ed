using System;
using System.Management.Automation;
using WebexConnect.Messages;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Encoding of Send-ConnectEmail take what PowerShell's file cmdlets call an encoding (utf8, ascii, an
    /// [Text.Encoding]) as its MIME name: $PSDefaultParameterValues['*:Encoding'] = 'utf8' reaches it in many profiles,
    /// and 'utf8' is no character set a mail program reads. Anything else is left to the message's check, which lists
    /// the names it takes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class EmailCharsetArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
            {
                System.Text.Encoding encoding => encoding.WebName,
                string name => EmailCharsets.OfPowerShellName(name) ?? name,
                _ => inputData,
            };
    }
}
