using System;
using System.Management.Automation;

namespace WebexConnect.Sending
{
    /// <summary>
    /// A connection that cannot work as configured (missing or conflicting credentials, an insecure
    /// endpoint, not connected). The cmdlets turn it into a terminating error with this ErrorId.
    /// The message never contains a secret.
    /// </summary>
    internal sealed class ConnectionConfigurationException : Exception
    {
        public ConnectionConfigurationException(string errorId, ErrorCategory category, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>Stable error ID, e.g. "MissingCredentials".</summary>
        public string ErrorId { get; }

        public ErrorCategory Category { get; }

        /// <summary>The ErrorRecord a cmdlet throws; the target is what the user can fix.</summary>
        public ErrorRecord ToErrorRecord(object? target) => new ErrorRecord(this, ErrorId, Category, target);
    }
}
