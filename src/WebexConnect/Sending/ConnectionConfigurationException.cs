using System;
using System.Management.Automation;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The exception of a terminating error about the connection: it cannot work as configured (missing or conflicting
    /// credentials, an insecure endpoint), or there is none to use (NotConnected, SessionClosed). Its ErrorId is the
    /// record's. The message never contains a secret.
    /// </summary>
    /// <remarks>
    /// Public so that a script can catch it by type (catch [WebexConnect.Sending.ConnectionConfigurationException]), as
    /// $_.Exception.GetType() and Get-Error show it: while it was internal, such a catch ended the script with "Unable
    /// to find type" in place of the error it was written for.
    /// </remarks>
    public sealed class ConnectionConfigurationException : Exception
    {
        internal ConnectionConfigurationException(string errorId, ErrorCategory category, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>Stable error ID, e.g. "MissingCredentials" (also the first part of the record's FullyQualifiedErrorId).</summary>
        public string ErrorId { get; }

        internal ErrorCategory Category { get; }

        /// <summary>The ErrorRecord a cmdlet throws; the target is what the user can fix.</summary>
        internal ErrorRecord ToErrorRecord(object? target) => new ErrorRecord(this, ErrorId, Category, target);
    }
}
