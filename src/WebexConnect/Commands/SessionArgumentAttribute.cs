using System;
using System.Collections;
using System.Management.Automation;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses, with what to do instead, a -Session that is a copy from another PowerShell process: Start-Job's
    /// $using:, Invoke-Command and Import-Clixml hand over a property bag ("Deserialized.WebexConnect.Results.ConnectSession")
    /// whose connection and credentials stayed in the process that connected. PowerShell's own refusal ("Cannot
    /// convert the value of type Deserialized...") says neither why nor that the job should connect itself.
    /// With <see cref="RowValue"/> (the send cmdlets), any other value that is no session binds as $null, what it was kept
    /// for the command to name (<see cref="RefusedText"/>). Anything else is left to PowerShell's binder as it was.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SessionArgumentAttribute : ArgumentTransformationAttribute
    {
        private const string Parameter = "Session";
        private static readonly string CopyTypeName = "Deserialized." + typeof(ConnectSession).FullName;

        /// <summary>What the refusal says; PowerShell puts "Cannot process argument transformation on parameter 'Session'." before it.</summary>
        internal const string CopyFromAnotherProcess =
            "-Session was given a copy of a session from another PowerShell process (Start-Job's $using:, Invoke-Command or " +
            "Import-Clixml): its connection and credentials stay in the process that connected. Run Connect-WebexConnect in the " +
            "job itself (environment variables or a SecretManagement vault can give it the credentials), or use Start-ThreadJob " +
            "or ForEach-Object -Parallel, which run in this process and can be given the session.";

        /// <summary>PowerShell's own ErrorId for a value it could not convert to a session, kept for the stop and the row's Code.</summary>
        internal const string NotASessionErrorId = "CannotConvertArgumentNoMessage";

        /// <summary>
        /// True for the send cmdlets, whose -Session a script's loop can fill from a row: -Session $sessions[$r.Tenant] of a
        /// DataRow (DBNull), -Session $r.Tenant (a text, not the session it names), an empty cell. PowerShell's binder refused each
        /// ("Cannot convert the "uk" value ...") and its error ended the loop's statement without the row's result; let through
        /// as $null, the command makes it that row's Invalid result, or a piped run's one stop, naming what was given.
        /// </summary>
        public bool RowValue { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject wrapped && wrapped.BaseObject is not ConnectSession && wrapped.TypeNames.Contains(CopyTypeName))
                throw new ArgumentTransformationMetadataException(CopyFromAnotherProcess);
            if (!RowValue) return inputData;
            // Set or cleared at every binding (a $null too), so a command never reads an earlier command's value.
            RefusedArguments.Clear(Parameter);
            var value = inputData is PSObject inner ? inner.BaseObject : inputData;
            if (value is null or ConnectSession || value is object?[] { Length: 1 } one && (one[0] is PSObject item ? item.BaseObject : one[0]) is ConnectSession)
                return inputData;
            RefusedArguments.Set(Parameter, Given(value));
            return null;
        }

        /// <summary>What -Session was given that is no session, worded for the row's reason; null when it was given $null or a session.</summary>
        public static string? RefusedText() => RefusedArguments.Of(Parameter);

        /// <summary>True when <paramref name="given"/> (<see cref="RefusedText"/>) is an empty or NULL cell: no session, as $null is.</summary>
        public static bool IsEmpty(string given) => given.StartsWith(EmptyCell, StringComparison.Ordinal) || given == NullCell;

        private const string EmptyCell = "an empty cell (";
        private const string NullCell = "a database's NULL (DBNull)";

        private static string Given(object value) => value switch
        {
            DBNull => NullCell,
            string text when string.IsNullOrWhiteSpace(text) => EmptyCell + InputEcho.Quote(text) + ")",
            string text => "the text " + InputEcho.Quote(text.Length > 40 ? text.Substring(0, 40) + "..." : text),
            IConvertible number when number.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal =>
                "the number " + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            ScriptBlock => "a script block ({ ... })",
            IDictionary => "a hashtable",
            PSCustomObject => "an object with properties",
            ICollection list => "a list of " + list.Count + " values",
            _ => "a " + value.GetType().Name,
        };
    }
}
