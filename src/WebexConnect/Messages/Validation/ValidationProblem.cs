namespace WebexConnect.Messages.Validation
{
    /// <summary>One broken rule: which field, and what the rule is, in words an administrator can act on.</summary>
    public sealed class ValidationProblem
    {
        internal ValidationProblem(string field, string message, string rowAdvice = "")
            : this(field, (message + rowAdvice, message))
        {
        }

        /// <summary>A problem told one way for a row's cell and another for the command line's value.</summary>
        /// <remarks>The two wordings travel as one pair: three strings would have the signature of the constructor above.</remarks>
        private ValidationProblem(string field, (string ForRow, string ForCommandLine) wording)
        {
            Field = field;
            RuleField = field;
            Message = wording.ForRow;
            ForCommandLine = wording.ForCommandLine;
        }

        /// <summary>A problem whose fix is written differently for a row's cell and for the command line's value.</summary>
        internal static ValidationProblem Worded(string field, string forRow, string forCommandLine) =>
            new ValidationProblem(field, (forRow, forCommandLine));

        /// <summary>The field, named as the PowerShell parameter or the JSON path (e.g. "To[0]", "SendAt", "Cards[2].Title").</summary>
        public string Field { get; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; }

        /// <summary>
        /// <see cref="Message"/> without its advice about rows ("or leave the row out"): the wording when the value came
        /// from the command line, which every row shares and which the command refuses once, before any row is sent.
        /// </summary>
        internal string ForCommandLine { get; }

        /// <summary>The same problem, of another field (several items' fields named as one: "Cards[0,2].Title").</summary>
        internal ValidationProblem For(string field) => Worded(field, Message, ForCommandLine);

        /// <summary>
        /// The field the message's rule named, when the problem is told under the parameter the admin typed (ContactPolicy of
        /// -ContactPolicyGroup): the row's own check of the message names it again under it, and is told once (SendRun).
        /// </summary>
        internal string RuleField { get; private set; }

        /// <summary>The same problem told under <paramref name="parameter"/>, the parameter that gave its field.</summary>
        internal ValidationProblem OfParameter(string parameter) =>
            new ValidationProblem(parameter, (Message, ForCommandLine)) { RuleField = RuleField };

        /// <summary>The same problem worded for the command line's value in a row's reason, its rule's field kept.</summary>
        internal ValidationProblem ForCommandLineValue() =>
            new ValidationProblem(Field, (ForCommandLine, ForCommandLine)) { RuleField = RuleField };

        /// <summary>The same problem with <paramref name="advice"/> after its row's wording (the command line's is kept).</summary>
        internal ValidationProblem WithAdvice(string advice) =>
            new ValidationProblem(Field, (Message + advice, ForCommandLine)) { RuleField = RuleField };

        /// <inheritdoc />
        public override string ToString() => $"{Field}: {Message}";
    }
}
