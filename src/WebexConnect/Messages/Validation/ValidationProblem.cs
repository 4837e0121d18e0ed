namespace WebexConnect.Messages.Validation
{
    /// <summary>One broken rule: which field, and what the rule is, in words an administrator can act on.</summary>
    public sealed class ValidationProblem
    {
        internal ValidationProblem(string field, string message)
        {
            Field = field;
            Message = message;
        }

        /// <summary>The field, named as the PowerShell parameter or the JSON path (e.g. "To[0]", "SendAt", "Cards[2].Title").</summary>
        public string Field { get; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Field}: {Message}";
    }
}
