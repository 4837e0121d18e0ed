using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A share from 0 to 1. ValidateRange(0, 1) answered -SandboxFailureRate 25 with "greater than the maximum allowed
    /// range of 1", which does not say that the 25 % the admin meant is written 0.25.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateShareAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = Convert.ToDouble(arguments is PSObject wrapped ? wrapped.BaseObject : arguments, CultureInfo.InvariantCulture);
            if (value >= 0 && value <= 1) return;
            var given = value.ToString(CultureInfo.InvariantCulture);
            throw new ValidationMetadataException(value > 1 && value <= 100
                ? $"{given} is not a share from 0 to 1: for {given} %, write {(value / 100).ToString(CultureInfo.InvariantCulture)}."
                : $"{given} is not a share from 0 to 1 (0.25 is a quarter).");
        }
    }
}
