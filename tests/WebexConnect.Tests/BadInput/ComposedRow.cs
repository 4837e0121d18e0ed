using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>One input row turned into what the cmdlet would send, with the problems found on the way.</summary>
    internal sealed class ComposedRow
    {
        internal ComposedRow(MessageChannel channel, Recipient recipient, ConnectMessage message, IReadOnlyList<ValidationProblem> readProblems)
        {
            Channel = channel;
            Recipient = recipient;
            Message = message;
            ReadProblems = readProblems;
        }

        internal MessageChannel Channel { get; }

        internal Recipient Recipient { get; }

        internal ConnectMessage Message { get; }

        /// <summary>Values that could not be read at all (a word where a date or an enum name belongs).</summary>
        internal IReadOnlyList<ValidationProblem> ReadProblems { get; }

        /// <summary>Every problem of the row: unreadable values, then the destination, then the message.</summary>
        internal IReadOnlyList<ValidationProblem> Validate(DateTimeOffset now) =>
            ReadProblems
                .Concat(MessageValidator.ValidateRecipient(Channel, Recipient))
                .Concat(MessageValidator.Validate(Message, now))
                .ToArray();
    }
}
