namespace WebexConnect.Messages.Validation
{
    /// <summary>One broken rule: which field, and what the rule is, in words an administrator can act on.</summary>
    public sealed class ValidationProblem
    {
        internal ValidationProblem(string field, string message, string rowAdvice = "")
        {
            Field = field;
            Message = message + rowAdvice;
            ForCommandLine = message;
        }

        /// <summary>The field, named as the PowerShell parameter or the JSON path (e.g. "To[0]", "SendAt", "Cards[2].Title").</summary>
        public string Field { get; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; }

        /// <summary>
        /// <see cref="Message"/> without its advice about rows ("or leave the row out"): the wording when the value came
        /// from the command line, which every row shares and which the command refuses once, before any row is sent.
        /// </summary>
        internal string ForCommandLine { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Field}: {Message}";
    }
}
