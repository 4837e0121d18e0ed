using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads a Service ID given as a SecureString as its text. A SecretManagement hashtable secret
    /// (@{ ServiceId = ...; ServiceSecret = ... }, splatted) returns every string value as a SecureString, and an
    /// admin who treats the ID as secret reads it with Read-Host -AsSecureString; PowerShell alone would turn the
    /// SecureString into the text "System.Security.SecureString", which becomes the JWT's issuer and shows up only as
    /// a 401 on the first send. The Service ID is no secret: every token carries it in clear (iss), and
    /// Get-ConnectContext shows it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ServiceIdArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is SecureString secure
                ? UnmanagedSecret.Read(secure, (pointer, length) => Marshal.PtrToStringUni(pointer, length))
                : inputData;
    }
}
