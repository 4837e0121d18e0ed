using System;
using System.Management.Automation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses, with what to do instead, a -Session that is a copy from another PowerShell process: Start-Job's
    /// $using:, Invoke-Command and Import-Clixml hand over a property bag ("Deserialized.WebexConnect.Results.ConnectSession")
    /// whose connection and credentials stayed in the process that connected. PowerShell's own refusal ("Cannot
    /// convert the value of type Deserialized...") says neither why nor that the job should connect itself.
    /// Anything else is left to PowerShell's binder as it was.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SessionArgumentAttribute : ArgumentTransformationAttribute
    {
        private static readonly string CopyTypeName = "Deserialized." + typeof(ConnectSession).FullName;

        /// <summary>What the refusal says; PowerShell puts "Cannot process argument transformation on parameter 'Session'." before it.</summary>
        internal const string CopyFromAnotherProcess =
            "-Session was given a copy of a session from another PowerShell process (Start-Job's $using:, Invoke-Command or " +
            "Import-Clixml): its connection and credentials stay in the process that connected. Run Connect-WebexConnect in the " +
            "job itself (environment variables or a SecretManagement vault can give it the credentials), or use Start-ThreadJob " +
            "or ForEach-Object -Parallel, which run in this process and can be given the session.";

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject wrapped && wrapped.BaseObject is not ConnectSession && wrapped.TypeNames.Contains(CopyTypeName))
                throw new ArgumentTransformationMetadataException(CopyFromAnotherProcess);
            return inputData;
        }
    }
}
