using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -SandboxLatency take '250ms', '2s', or a number of seconds besides a TimeSpan. PowerShell's own
    /// conversion reads a bare 250 as 250 ticks (25 microseconds), so -SandboxLatency 250 simulated no latency at
    /// all, and refused '250ms'. A number is seconds here, as for -Validity and -TimeoutSec.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class LatencyArgumentAttribute : ArgumentTransformationAttribute
    {
        private const string Forms = "write a duration such as '250ms', '2s', a number of seconds (0.25) or 'hh:mm:ss.fff'";

        // [0-9], not \d, as ValidityText: other scripts' digits are not a number double.Parse reads.
        private static readonly Regex Milliseconds = new Regex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(ms|msec|milliseconds?)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text && Milliseconds.Match(text.Trim()) is { Success: true } match)
                return TimeSpan.FromTicks((long)Math.Round(double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerMillisecond));
            var latency = ValidityText.ReadArgument(value, out var problem);
            // A decimal comma ('0,25s', or 0,25 unquoted, which PowerShell splits into a list): say where the point goes,
            // as -Validity does; the list of forms alone left a de-DE admin guessing. So for 2d unquoted (a decimal 2).
            if (problem != null && (problem.Contains(ValidityText.DecimalMarkAdvice) || value is decimal))
                throw new ArgumentTransformationMetadataException("-SandboxLatency " + problem + ".");
            if (problem != null)
                throw new ArgumentTransformationMetadataException("-SandboxLatency " + InputEcho.Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") +
                    " is not a duration: " + Forms + ".");
            return latency;
        }
    }
}
