using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Finds a $(name) variable that PowerShell replaced before the cmdlet saw it: -Text "Hi $(Name)" in double
    /// quotes runs a command called Name (usually "not recognized", so an empty string) and binds "Hi ", and every
    /// row would receive that. Nothing in the bound value shows it, so the command's own source text is read.
    /// </summary>
    /// <remarks>
    /// Only the parameters whose text the service fills $(name) in are looked at, and only a subexpression that is
    /// one bare word that no command answers to, as the module's variables are written: "$($_.Name)", "$(Get-Date)",
    /// "$(hostname)" or "$env:USERNAME" in double quotes are PowerShell on purpose, and -Journal "$(pwd)/run.journal"
    /// is no substitution. A value given through a variable or by splatting has no source text here and is not checked.
    /// </remarks>
    internal static class ExpandedSubstitutions
    {
        /// <summary>The stable ErrorId of the stop, and the Code of a one-row call's Invalid result.</summary>
        public const string ErrorId = "SubstitutionExpandedByPowerShell";

        /// <summary>The parameters of the send cmdlets whose text holds $(name) variables for the service to fill.</summary>
        public static readonly string[] SendParameters = { "Text", "Subject", "Html", "TemplateSubject", "FallbackText", "Content" };

        /// <summary>The parameters of New-ConnectRcsCard and New-ConnectRcsSuggestion that the service fills $(name) in (text fields).</summary>
        public static readonly string[] RcsTextParameters = { "Title", "Description", "DisplayText" };

        /// <summary>
        /// The error that stops <paramref name="cmdlet"/> when one of <paramref name="parameters"/> was written in double
        /// quotes around a $(name) variable, or null. Nothing has been sent or built when it is thrown.
        /// </summary>
        public static ErrorRecord? Error(PSCmdlet cmdlet, string[] parameters)
        {
            if (Find(cmdlet, parameters) is not var (parameter, variable)) return null;
            return new ErrorRecord(new ArgumentException("-" + parameter + ": PowerShell replaced " + variable + " before " +
                cmdlet.MyInvocation.MyCommand.Name + " saw it, because the text is in double quotes, so every row would get the " +
                "same text without its own value. Write the text in single quotes, e.g. -" + parameter + " '... " + variable +
                " ...', so that each row's column fills " + variable + ". Nothing was sent."),
                ErrorId, ErrorCategory.InvalidArgument, null);
        }

        /// <summary>
        /// The problem of a call with nothing piped (<see cref="OneRowCall"/>) whose one row's text PowerShell changed so,
        /// or null: that row's Invalid result. Its fix is PowerShell's own value or a -Substitution key, as there is no row's
        /// column to fill the variable from.
        /// </summary>
        public static ValidationProblem? RowProblem(PSCmdlet cmdlet, string[] parameters)
        {
            if (Find(cmdlet, parameters) is not var (parameter, variable)) return null;
            var name = variable.Substring(2, variable.Length - 3);
            return new ValidationProblem(parameter, "PowerShell replaced " + variable + " before " + cmdlet.MyInvocation.MyCommand.Name +
                " saw it, because the text is in double quotes, so the text lost it. Write the text in single quotes with the value in " +
                "-Substitution (-" + parameter + " '... " + variable + " ...' -Substitution @{ " + name + " = $row." + name + " }), or " +
                "PowerShell's own variable in double quotes (\"... $($row." + name + ") ...\")");
        }

        // PowerShell 7's InvocationInfo.Statement: the command's whole text, across lines. Windows PowerShell 5.1 has
        // only Line, the line the command starts on.
        private static readonly PropertyInfo? StatementProperty = typeof(InvocationInfo).GetProperty("Statement");

        /// <summary>
        /// The first parameter (its full name) written in double quotes around a $(name) variable, with the variable
        /// as written ("$(Name)"); null when there is none or the source text cannot be read.
        /// </summary>
        public static (string Parameter, string Variable)? Find(PSCmdlet cmdlet, string[] parameters)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            var invocation = cmdlet.MyInvocation;
            var candidates = parameters.Where(invocation.BoundParameters.ContainsKey).ToArray();
            if (candidates.Length == 0) return null;
            try
            {
                var command = CommandAst(invocation);
                return command is null ? null : Find(command, invocation.MyCommand, candidates, word => IsCommand(cmdlet, word));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A check that helps, never one that stops a send of its own accord.
                return null;
            }
        }

        private static CommandAst? CommandAst(InvocationInfo invocation)
        {
            if (StatementProperty?.GetValue(invocation) is string statement && statement.Length > 0)
                return HasSubExpression(statement) ? Parse(statement).Find(a => a is CommandAst, true) as CommandAst : null;
            var line = invocation.Line;
            if (string.IsNullOrEmpty(line) || invocation.OffsetInLine < 1 || !HasSubExpression(line)) return null;
            // The command that starts where the invocation does; nested commands ("$(Name)") start elsewhere.
            return Parse(line).Find(a => a is CommandAst && a.Extent.StartColumnNumber == invocation.OffsetInLine, true) as CommandAst;
        }

        private static Ast Parse(string text) => Parser.ParseInput(text, out _, out _);

        /// <summary>
        /// False when the text cannot hold a $(name) subexpression, so parsing it would find none. Parsing the statement
        /// was most of what a one-row call allocated (a script's foreach loop that sends a row a call parses it every time).
        /// </summary>
        private static bool HasSubExpression(string text) => text.IndexOf("$(", StringComparison.Ordinal) >= 0;

        private static (string, string)? Find(CommandAst command, CommandInfo info, string[] candidates, Func<string, bool> isCommand)
        {
            var elements = command.CommandElements;
            for (var i = 1; i < elements.Count; i++)
            {
                if (elements[i] is not CommandParameterAst parameter) continue;
                var argument = parameter.Argument ?? (i + 1 < elements.Count && elements[i + 1] is not CommandParameterAst ? elements[i + 1] : null);
                if (argument is null) continue;
                var name = FullName(info, parameter.ParameterName);
                if (name is null || !candidates.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                if (argument.Find(a => BareWordOf(a) is string word && !isCommand(word), true) is SubExpressionAst variable)
                    return (name, variable.Extent.Text);
            }
            return null;
        }

        /// <summary>The word of $(Name) inside a double-quoted string (a subexpression of one command that is one bare word), else null.</summary>
        private static string? BareWordOf(Ast ast) =>
            ast is SubExpressionAst sub && sub.Parent is ExpandableStringExpressionAst &&
            sub.SubExpression.Statements.Count == 1 &&
            sub.SubExpression.Statements[0] is PipelineAst pipeline && pipeline.PipelineElements.Count == 1 &&
            pipeline.PipelineElements[0] is CommandAst command && command.CommandElements.Count == 1 &&
            command.CommandElements[0] is StringConstantExpressionAst word && word.StringConstantType == StringConstantType.BareWord
                ? word.Value
                : null;

        /// <summary>
        /// True when the word names a command PowerShell can run: "Report from $(hostname)" or "$(Get-Greeting)" in double
        /// quotes is a script using its own command on purpose. $(Name), which nothing answers to, is the module's variable
        /// that PowerShell ran as a command and replaced with nothing.
        /// </summary>
        private static bool IsCommand(PSCmdlet cmdlet, string word)
        {
            try { return cmdlet.InvokeCommand.GetCommand(word, CommandTypes.All) is not null; }
            catch (Exception e) when (e is not OutOfMemoryException) { return false; }
        }

        /// <summary>The parameter a name as typed means: its full name, an alias, or an unambiguous prefix.</summary>
        private static string? FullName(CommandInfo info, string typed)
        {
            IDictionary<string, ParameterMetadata> parameters;
            try { parameters = info.Parameters; }
            catch (Exception e) when (e is not OutOfMemoryException) { return null; }
            foreach (var p in parameters.Values)
                if (string.Equals(p.Name, typed, StringComparison.OrdinalIgnoreCase) ||
                    p.Aliases.Contains(typed, StringComparer.OrdinalIgnoreCase))
                    return p.Name;
            var prefixed = parameters.Values.Where(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToArray();
            return prefixed.Length == 1 ? prefixed[0].Name : null;
        }
    }
}
