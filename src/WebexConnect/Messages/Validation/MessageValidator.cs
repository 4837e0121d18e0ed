using System;
using System.Collections.Generic;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// Checks a message and its recipients against the API's rules before anything is sent, reporting
    /// every problem at once.
    /// </summary>
    public static class MessageValidator
    {
        /// <summary>Problems of the shared part of a message (empty when it is valid).</summary>
        public static IReadOnlyList<ValidationProblem> Validate(ConnectMessage message, DateTimeOffset now) =>
            throw new NotImplementedException("issue 2: validation");

        /// <summary>Problems of one destination object for a channel (empty when it is valid).</summary>
        public static IReadOnlyList<ValidationProblem> ValidateRecipient(MessageChannel channel, Recipient recipient) =>
            throw new NotImplementedException("issue 2: validation");
    }
}
