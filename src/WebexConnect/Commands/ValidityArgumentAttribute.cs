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
    /// -Validity binds from a Validity column, so it never refuses a value: a blank cell is no validity, and one that is no
    /// duration becomes an <see cref="UnreadableDuration"/> mark, the row's Invalid result. A transformation that throws on a
    /// row's column makes PowerShell drop the row with no result. Given on the command line, the mark ends the command with the
    /// error a refused value always gave there (SendCommandBase).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidityArgumentAttribute : ArgumentTransformationAttribute, IRowCellReader
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Read(inputData);

        /// <inheritdoc />
        public object? Read(object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string blank && string.IsNullOrWhiteSpace(blank)) return null;
            var validity = ValidityText.Read(value, out var problem);
            return problem is null ? validity : UnreadableDuration.Mark(value is string text ? text.Trim() : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", problem);
        }
    }
}
