using System;
using System.Collections;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets Send-ConnectMessage -AdditionalProperty take a JSON object as a string (-AdditionalProperty $u.Json), as -Option and
    /// -Content take one, besides a hashtable. PowerShell's own conversion refused it ("Cannot convert ... to IDictionary")
    /// before the command ran: a script's loop of one-row calls lost that row, without a result. What is not a dictionary is
    /// kept (<see cref="AdditionalPropertyObject"/>) for the command to read as -Option is read, or to refuse as the row's.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class AdditionalPropertyArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : inputData;
            return value is null || value is IDictionary ? value : new AdditionalPropertyObject(inputData!);
        }
    }
}
