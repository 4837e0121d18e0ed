using System;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Validity take '90m', '48h', '2d' or a number of seconds besides a TimeSpan (see <see cref="ValidityText"/>):
    /// PowerShell would read a bare number as ticks and '48:00:00' as 48 days.
    /// </summary>
    /// <remarks>
    /// What is no duration becomes an <see cref="UnreadableTime"/> mark rather than an exception: in a script's loop of one-row
    /// calls (-Validity $u.Validity) PowerShell's refusal ended the call without a result for that row. The command refuses the
    /// mark: that row's Invalid result, or a piped run's stop with the message PowerShell gave.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidityArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // Blank is none, as an empty Validity cell is a piped row's: a loop passes -Validity $u.Validity for every row.
            // A database's NULL too: it was "a DBNull is not a duration", the row Invalid.
            if (value is string blank && string.IsNullOrWhiteSpace(blank) || value is DBNull) return null;
            var validity = ValidityText.ReadArgument(value, out var problem);
            // Marked, not thrown: the command refuses it (SendCommandBase), a one-row call's as its row's Invalid result.
            return problem is null ? validity : UnreadableTime.MarkDuration(RowTimeArgumentAttribute.TextOf(value), "-Validity " + problem + ".");
        }
    }
}
