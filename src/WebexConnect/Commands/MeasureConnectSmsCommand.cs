using System.Management.Automation;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows what an SMS text costs before sending it: encoding, length, parts, and the characters that force Unicode.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ConnectSms")]
    [OutputType(typeof(SmsMeasurement))]
    public sealed class MeasureConnectSmsCommand : PSCmdlet
    {
        /// <summary>The text to measure, as it will be sent (after substitution).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The SMS text to measure.")]
        [AllowEmptyString]
        public string Text { get; set; } = "";

        /// <summary>Auto (default) measures as Send-ConnectSms would send; Text or Unicode force an encoding.</summary>
        [Parameter]
        public SmsEncoding Encoding { get; set; } = SmsEncoding.Auto;

        /// <inheritdoc />
        protected override void ProcessRecord() => WriteObject(SmsCalculator.Measure(Text, Encoding));
    }
}
