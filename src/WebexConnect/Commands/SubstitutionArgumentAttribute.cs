using System;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Substitution take an object whose properties are the values, the Import-Csv row itself (-Substitution $u), besides
    /// a hashtable. PowerShell's own conversion refused it ("Cannot convert value "@{Name=Ann}" to type Hashtable"), before the
    /// command ran: a script's loop of one-row calls lost that row, without a result. What holds no values (a text) is marked,
    /// not thrown, and the command refuses it (<see cref="SubstitutionProperties.Unreadable"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SubstitutionArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => SubstitutionProperties.Of(inputData);
    }
}
