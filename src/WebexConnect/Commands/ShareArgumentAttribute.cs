using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -SandboxFailureRate take a share written with a decimal comma ('0,25'), as a de-DE or fr-FR admin types it,
    /// and explains the unquoted form PowerShell splits into a list (0,25).
    /// </summary>
    /// <remarks>
    /// PowerShell converts text to a number in the invariant culture, where a comma groups thousands: '0,5' became 5, and
    /// <see cref="ValidateShareAttribute"/> answered "for 5 %, write 0.05", a share the admin never meant. A share is at
    /// most 1, so a single comma in it cannot group thousands: it is the decimal mark.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ShareArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;

        public ShareArgumentAttribute(string parameter) => _parameter = parameter;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    var trimmed = text.Trim();
                    var withPoint = DecimalComma.AsPoint(trimmed);
                    if (!string.Equals(withPoint, trimmed, StringComparison.Ordinal) &&
                        double.TryParse(withPoint, NumberStyles.Float, CultureInfo.InvariantCulture, out var share))
                        return share;
                    return inputData;
                case IList list when list.Count > 1:
                    var items = UnquotedList.Items(list);
                    throw new ArgumentTransformationMetadataException(UnquotedList.ReachedAsList(_parameter, items) +
                        $" Give one share from 0 to 1: write {string.Join(".", items)} or '{string.Join(",", items)}'.");
                default:
                    // A number, or what PowerShell converts (and reports) as usual.
                    return inputData;
            }
        }
    }
}
