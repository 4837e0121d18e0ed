using System;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Validity take '90m', '48h', '2d' or a number of seconds besides a TimeSpan (see <see cref="ValidityText"/>):
    /// PowerShell would read a bare number as ticks and '48:00:00' as 48 days.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidityArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            var validity = ValidityText.Read(value, out var problem);
            if (problem != null) throw new ArgumentTransformationMetadataException("-Validity " + problem + ".");
            return validity;
        }
    }
}
