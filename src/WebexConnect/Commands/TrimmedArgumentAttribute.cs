using System;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Drops the white space around a value read from a file: a region from a config file or a CSV cell ('eu ') was
    /// refused by ValidateSet as "does not belong to the set us, us1, eu, ...", which lists the very value the admin gave.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TrimmedArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text ? text.Trim() : inputData;
    }
}
