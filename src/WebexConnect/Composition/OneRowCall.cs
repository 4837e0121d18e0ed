using System;
using System.Collections.Generic;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A send command with nothing piped to it sends one row, whose destination and values the command line gives. A value a
    /// CSV column gives each row when piped (-Text, -Subject, -Html, -CorrelationId, -SendAt...), and the content no column
    /// gives (an RCS -FallbackText or -Card), is that row's own: in a script's loop of one-row calls (foreach ($u in Import-Csv
    /// users.csv) { Send-ConnectSms -To $u.Phone -Text $u.Message }) one user's empty Message is that user's problem. Before,
    /// its problem stopped the command as a problem of every row ("It is the same for every row, so nothing was sent: correct
    /// -Text and run the command again"), and the loop's results had no result for that row. Now the row gets its Invalid
    /// result, with the ErrorId the stop had as its Code, and one error that -ErrorAction Stop still stops at.
    /// </summary>
    internal sealed class OneRowCall
    {
        /// <summary>The Code and ErrorId of a one-row call refused for its own value, as the command's stop was.</summary>
        public const string InvalidParameterValue = "InvalidParameterValue";

        // Values no column gives that a loop gives each row as a piped row's columns would: -Substitution @{ Name = $u.Name }.
        // -NotifyUrl too: its problem in a one-row call stopped it as "the same for every row", the loop's row without a result.
        // And the values a loop's row gives one call as easily (-ContactPolicyGroup $u.Group, Send-ConnectEmail -Encoding
        // $u.Charset -ListUnsubscribeUrl $u.Unsubscribe, Send-ConnectRcs -FallbackSenderId $u.Sender): a wrong one stopped the
        // loop's statement, and that row had no result. A name the command has not is never bound, so never owned.
        private static readonly string[] RowValues =
        {
            "Substitution", "NotifyUrl", "ContactPolicyGroup", "Encoding", "ListUnsubscribeUrl", "UnsubscribeEmailAddress", "FallbackSenderId",
        };

        private readonly HashSet<string> _own;
        // What the checks before the row was read refused of its own values, each with the ErrorId its stop had.
        private List<KeyValuePair<ValidationProblem, string>>? _refused;

        private OneRowCall(HashSet<string> own) => _own = own;

        /// <summary>
        /// The one-row call's own parameters, or null when rows are piped (<paramref name="piped"/>): a piped run's command-line
        /// value is every row's, and its problem stops the command once rather than writing one error per row.
        /// </summary>
        /// <param name="piped">Whether the command reads piped input.</param>
        /// <param name="givenOnCommandLine">The parameters a column could give, given on the command line (column name to parameter).</param>
        /// <param name="content">The command's content parameters that no column gives (Send-ConnectRcs: -FallbackText, -Card).</param>
        /// <param name="settings">
        /// The command's parameters whose problem is the call's, not its row's, though a column could give them (Send-ConnectRcs:
        /// -FallbackText without -SmsFallback, whose problem is the missing switch).
        /// </param>
        public static OneRowCall? For(bool piped, IReadOnlyDictionary<string, string> givenOnCommandLine, IEnumerable<string> content,
            IEnumerable<string> settings)
        {
            if (piped) return null;
            // -ExpireAt and -Validity among them: a piped row's ExpireAt or Validity cell is its own, and so is a loop's
            // -ExpireAt $u.ExpireAt. Before, a wrong one stopped the call as the script's setting, and the loop lost that row.
            var own = new HashSet<string>(givenOnCommandLine.Values, StringComparer.OrdinalIgnoreCase);
            own.UnionWith(RowValues);
            own.UnionWith(content);
            own.ExceptWith(settings);
            return new OneRowCall(own);
        }

        /// <summary>
        /// Keeps <paramref name="problem"/>, which a check before the row was read found (-Text "Hi $(Name)" in double quotes),
        /// for the row's Invalid result, with <paramref name="code"/> (the ErrorId the command's stop had) as its Code. Kept once:
        /// a value read again for the same row (Send-ConnectMessage reads -AdditionalProperty each time it makes the message)
        /// is not said twice in the row's reason.
        /// </summary>
        public void Refuse(ValidationProblem problem, string code)
        {
            _refused ??= new List<KeyValuePair<ValidationProblem, string>>();
            foreach (var refused in _refused)
                if (refused.Key.Field == problem.Field && refused.Key.Message == problem.Message) return;
            _refused.Add(new KeyValuePair<ValidationProblem, string>(problem, code));
        }

        /// <summary>The row's record with what <see cref="Refuse"/> kept; the record itself when nothing was.</summary>
        public ComposedRecord WithRefused(ComposedRecord record)
        {
            if (_refused is null) return record;
            foreach (var refused in _refused) record = record.With(new[] { refused.Key }, refused.Value);
            return record;
        }

        /// <summary>
        /// True when a check before the row was read refused <paramref name="parameter"/>'s value (<see cref="Refuse"/>): the
        /// message's own check of it (-From '' has no sender) would only say again what the row's result says.
        /// </summary>
        public bool Refused(string parameter)
        {
            if (_refused is null) return false;
            foreach (var refused in _refused)
                if (string.Equals(refused.Key.Field, parameter, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>True when <paramref name="parameter"/> (its full name) gives this row's own value.</summary>
        public bool Owns(string parameter) => _own.Contains(parameter);

        /// <summary>
        /// The problems to make the row's Invalid result of, or null when the command must stop: only when every problem
        /// found on the command line is of the row's own values. One of a value that is no row's (-From) stops the command as
        /// before, naming them all.
        /// </summary>
        /// <param name="own">The problems of the row's own values.</param>
        /// <param name="all">How many problems the command line has in all.</param>
        public static IReadOnlyList<ValidationProblem>? RowsOwn(IReadOnlyList<ValidationProblem> own, int all)
        {
            if (own.Count == 0 || own.Count != all) return null;
            // Worded for the command line's value: a row's advice ("or leave the row out", "'$(Text)'") is for a CSV's cell.
            var worded = new ValidationProblem[own.Count];
            for (var i = 0; i < own.Count; i++) worded[i] = own[i].ForCommandLineValue();
            return worded;
        }
    }
}
