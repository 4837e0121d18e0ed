using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Checks the texts the service fills $(name) variables in, as one recipient will receive them: every
    /// variable has a value (a column of the row or a -Substitution key), and every length limit holds for the
    /// text after substitution, not only for the text as written.
    /// </summary>
    /// <remarks>
    /// A $(Nmae) typo would otherwise reach every customer as written. Names match as the service and
    /// <see cref="SubstitutionText.Apply"/> match them: exactly, case included. The shared text's own limits are
    /// checked once by MessageValidator; here a text is checked again only when substitution changed it.
    /// </remarks>
    internal sealed class PersonalisedText
    {
        private readonly bool _allowMissing;
        // Rows of one run share their message: its texts and their variables are found once, not per row.
        private readonly ProblemList _problems = new ProblemList();
        private ConnectMessage? _fieldsOf;
        private TextField[] _fields = Array.Empty<TextField>();
        // The email's size as written, for the rows over 10 MB after substitution: the same for every row of the message.
        private EmailMessage? _estimatedOf;
        private long _estimatedAsWritten;

        private readonly SentTexts _sentTexts;

        /// <param name="allowMissing">-AllowMissingSubstitution: a variable without a value is sent as written.</param>
        /// <param name="sentTexts">Shared with the SMS encoding, which needs the same texts; a new one when not given.</param>
        public PersonalisedText(bool allowMissing, SentTexts? sentTexts = null)
        {
            _allowMissing = allowMissing;
            _sentTexts = sentTexts ?? new SentTexts();
        }

        /// <summary>
        /// A one-row call (nothing piped: a script's loop that calls the command once a row): a record without columns is
        /// told to give its values with -Substitution, not to add a column to a row it does not have.
        /// </summary>
        public bool NothingPiped { get; init; }

        /// <summary>Every problem of the message's texts for this record; empty when they may be sent.</summary>
        public IReadOnlyList<ValidationProblem> Problems(ConnectMessage message, ComposedRecord record)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            if (record is null) throw new ArgumentNullException(nameof(record));
            if (!ReferenceEquals(message, _fieldsOf))
            {
                _fields = TextFields.Of(message).Where(f => f.Text is not null && f.Text.IndexOf("$(", StringComparison.Ordinal) >= 0).ToArray();
                _fieldsOf = message;
            }

            if (_fields.Length == 0) return Array.Empty<ValidationProblem>();
            _problems.Clear();
            var charset = (message as EmailMessage)?.Encoding;
            foreach (var field in _fields)
            {
                if (!_allowMissing || record.UnusableColumns.Count > 0) CheckVariables(field, message, record, _problems);
                if (charset is not null) CheckValuesWritable(field, charset, message, record.Recipient);
                if (field.MaxUtf8Bytes is long maxBytes) CheckBytes(field, maxBytes, message, record.Recipient);
                else if (field.HasLimits && !(field.PassesAsOneGsmPart && _sentTexts.FillsOneGsmPart(field.Text!, message.Substitutions, record.Recipient.Substitutions)))
                {
                    var sent = _sentTexts.Of(field.Text!, message.Substitutions, record.Recipient.Substitutions);
                    if (string.Equals(sent, field.Text, StringComparison.Ordinal)) continue;
                    field.CheckLimits(sent, _problems);
                    if (field.IsOneLine) CheckOneLine(field, sent, message, record.Recipient);
                    if (field.EmptyAdvice is not null && string.IsNullOrWhiteSpace(sent)) _problems.Add(field.Name, EmptiedByValues(field, message, record.Recipient));
                }
            }
            if (message is EmailMessage email) CheckWholeEmail(email, record.Recipient);
            return _problems.Count == 0 ? Array.Empty<ValidationProblem>() : _problems.ToList();
        }

        /// <summary>
        /// The row's values in an email's -Encoding: the text itself is checked once (EmailRules), but a $(Name) of 'Łukasz'
        /// in an iso-8859-1 email reached its reader as '?ukasz'.
        /// </summary>
        private void CheckValuesWritable(TextField field, string charset, ConnectMessage message, Recipient recipient)
        {
            var variables = field.Variables;
            for (var i = 0; i < variables.Count; i++)
            {
                var name = variables[i];
                if (!recipient.Substitutions.TryGetValue(name, out var value) && !message.Substitutions.TryGetValue(name, out value)) continue;
                if (EmailCharsetFit.FirstUnwritable(value, charset) is string character)
                    _problems.Add(field.Name, $"$({name}) is {InputEcho.Quote(value)} in this row, which holds {character}: " + EmailCharsetFit.CannotWrite(charset));
            }
        }

        /// <summary>
        /// A limit in UTF-8 bytes (an email's HTML), on the count after substitution: the text is made only for a row over the
        /// limit, to tell a text substitution changed from one that is over as written (MessageValidator's problem already).
        /// </summary>
        private void CheckBytes(TextField field, long maxBytes, ConnectMessage message, Recipient recipient)
        {
            var bytes = _sentTexts.Utf8BytesOf(field.Text!, message.Substitutions, recipient.Substitutions);
            if (bytes > maxBytes && !string.Equals(_sentTexts.Of(field.Text!, message.Substitutions, recipient.Substitutions), field.Text, StringComparison.Ordinal))
                field.TooManyBytes(bytes, _problems);
        }

        /// <summary>The 10 MB limit of a whole email, on its texts after substitution (MessageValidator checks them as written).</summary>
        private void CheckWholeEmail(EmailMessage email, Recipient recipient)
        {
            // Counted, not made: a newsletter's HTML is the same for every row but its values (SentTexts.Utf8BytesOf).
            long Bytes(string? text) => text is null ? 0 : _sentTexts.Utf8BytesOf(text, email.Substitutions, recipient.Substitutions);
            var estimated = EmailRules.EstimatedBytes(Bytes(email.Html) + Bytes(email.Text) + Bytes(email.Subject));
            if (estimated <= EmailRules.MaxEmailBytes) return;
            if (!ReferenceEquals(email, _estimatedOf))
            {
                _estimatedAsWritten = EmailRules.EstimatedBytes(email.Subject, email.Text, email.Html);
                _estimatedOf = email;
            }
            if (_estimatedAsWritten <= EmailRules.MaxEmailBytes)
                _problems.Add("Text", $"the email would be about {estimated} bytes once encoded after substitution: at most {EmailRules.MaxEmailBytes} bytes (10 MB) are allowed");
        }

        /// <summary>
        /// A one-line field (a subject, a chip's label) stays one line after substitution: a substitution value may hold line
        /// breaks (it may fill a body too), and in a subject one would start a header of its own. Names the values that bring
        /// the line break in and how to join their lines: before, -Subject 'Order $(Item)' with an Item cell of two lines was
        /// told "after substitution it contains a line break", with no column to look at and nothing to do.
        /// </summary>
        private void CheckOneLine(TextField field, string sent, ConnectMessage message, Recipient recipient)
        {
            // The usual row has no line break: the advice is made only for one that has.
            var joinAdvice = sent.IndexOfAny(LineBreaks) < 0 ? null : JoinAdvice(field, message, recipient);
            CommonRules.CheckLine(sent, field.Name, _problems, "after substitution it", joinAdvice);
        }

        private static readonly char[] LineBreaks = { '\r', '\n' };

        /// <summary>
        /// "the row's 'Item' cell ($(Item)) has several lines: join them into one: ... | ForEach-Object { $_.Item = ... }", the
        /// row's cells first, then -Substitution's keys; null when no value holds a line break.
        /// </summary>
        private static string? JoinAdvice(TextField field, ConnectMessage message, Recipient recipient)
        {
            const string Join = " -replace '\\s*\\r?\\n\\s*', ' '";
            var cells = new List<string>();
            var keys = new List<string>();
            foreach (var name in field.Variables)
            {
                var own = recipient.Substitutions.TryGetValue(name, out var value);
                if (!own && !message.Substitutions.TryGetValue(name, out value)) continue;
                if (value is null || value.IndexOfAny(LineBreaks) < 0) continue;
                (own ? cells : keys).Add(name);
            }
            if (cells.Count == 0 && keys.Count == 0) return null;
            var advice = new StringBuilder();
            if (cells.Count > 0)
            {
                advice.Append(WordList.And(cells.Select(c => "the row's " + InputEcho.Quote(c) + " cell ($(" + c + "))").ToList()))
                    .Append(cells.Count == 1 ? " has" : " have").Append(" several lines: join them into one: ... | ForEach-Object { ");
                foreach (var cell in cells) advice.Append("$_.").Append(cell).Append(" = $_.").Append(cell).Append(Join).Append("; ");
                advice.Append("$_ } | ").Append(message is RcsMessage ? "Send-ConnectRcs" : "Send-ConnectEmail");
            }
            foreach (var key in keys)
                advice.Append(advice.Length == 0 ? "" : ", and ").Append("-Substitution's ").Append(InputEcho.Quote(key)).Append(" ($(").Append(key)
                    .Append(")) has several lines: join them into one: -Substitution @{ ").Append(key).Append(" = $").Append(key).Append(Join).Append(" }");
            return advice.ToString();
        }

        /// <summary>
        /// A text that must show something (an RCS text, its SMS fallback) left empty by the row's values: -FallbackText
        /// '$(FallbackText)' and a row whose FallbackText cell is empty sent an empty SMS, Queued, where the same empty cell
        /// bound to -FallbackText made the row Invalid. Names the variables whose values are empty, the columns to fill.
        /// </summary>
        private static string EmptiedByValues(TextField field, ConnectMessage message, Recipient recipient)
        {
            var empty = new List<string>();
            foreach (var name in field.Variables)
            {
                var own = recipient.Substitutions.TryGetValue(name, out var value);
                if (!own && !message.Substitutions.TryGetValue(name, out value)) continue;
                if (string.IsNullOrWhiteSpace(value)) empty.Add((own ? "the row's " + InputEcho.Quote(name) + " cell" : "-Substitution's " + InputEcho.Quote(name)) + " ($(" + name + "))");
            }
            if (empty.Count == 0) return field.Name + " is only white space after substitution: correct the row's values, " + field.EmptyAdvice;
            var one = empty.Count == 1;
            return field.Name + " is empty after substitution, as " + WordList.And(empty) + (one ? " is" : " are") + " empty. Fill " +
                (one ? "it" : "them") + ", " + field.EmptyAdvice;
        }

        /// <summary>The $(name) variables of a text, each once, in order.</summary>
        internal static IEnumerable<string> VariablesIn(string text) => SubstitutionTemplate.Parse(text).Names.Distinct(StringComparer.Ordinal);

        private void CheckVariables(TextField field, ConnectMessage message, ComposedRecord record, ProblemList problems)
        {
            var own = record.Recipient.Substitutions;
            // By index: a foreach over the list's interface makes an enumerator for every row.
            var variables = field.Variables;
            for (var i = 0; i < variables.Count; i++)
            {
                var name = variables[i];
                if (!_allowMissing && record.EmptyColumns.Count > 0 && Contains(record.EmptyColumns, name))
                {
                    problems.Add(field.Name, EmptyColumn(name));
                    continue;
                }
                if (own.ContainsKey(name) || message.Substitutions.ContainsKey(name)) continue;
                if (record.UnusableColumns.TryGetValue(name, out var held))
                {
                    // Not sendable whatever -AllowMissingSubstitution says: the value exists but is not text.
                    problems.Add(field.Name, UnusableColumn(name, held));
                    continue;
                }
                if (_allowMissing) continue;
                problems.Add(field.Name, Contains(record.ConsumedColumns, name) ? ConsumedColumn(name)
                    : HasColumn(record.RowColumnsWhenNamed, name) ? ColumnNotNamed(name)
                    : NoValue(name, own.Keys, message.Substitutions.Keys.ToList(), NothingPiped && own.Count == 0 && record.ConsumedColumns.Count == 0));
            }
        }

        // The words of the problems, shared with Measure-ConnectSms's Reason (MeasureInput.VariableProblems).

        /// <summary>A variable whose column is $null: the row's value is missing, not empty text.</summary>
        internal static string EmptyColumn(string name) =>
            $"$({name}) has no value: the row's column {InputEcho.Quote(name)} is empty ($null, as " +
            "Import-Csv gives for a line with fewer fields than the header, a database's NULL, or a property that is not set). " +
            "Fix the row, or give -AllowMissingSubstitution to send it empty";

        /// <summary>A variable whose column holds a list or an object (<paramref name="held"/> says which).</summary>
        internal static string UnusableColumn(string name, string held) =>
            $"$({name}) would be filled from the column {InputEcho.Quote(name)}, which holds {held}: " +
            "a substitution must be one string, number, true/false or date (pick one value, e.g. with Select-Object)";

        /// <summary>
        /// A variable named like a column that a parameter read (-To's Phone, CorrelationId): the row has the column, so
        /// "the row has no column named 'Phone'" sent the admin looking for one that was there.
        /// </summary>
        internal static string ConsumedColumn(string name) =>
            $"$({name}) has no value: the row's column {InputEcho.Quote(name)} is read by a parameter (the destination, the " +
            "correlation ID or the like), so it is not sent as a substitution. To send it as one too, name it with " +
            "-SubstitutionColumn, with the other columns the text uses, or give -AllowMissingSubstitution to send it as written";

        /// <summary>
        /// A variable named like a column of the row that -SubstitutionColumn does not name: before, "the row has no column
        /// named 'Code'" sent the admin to a CSV header that has it.
        /// </summary>
        internal static string ColumnNotNamed(string name) =>
            $"$({name}) has no value: the row's column {InputEcho.Quote(name)} is not one -SubstitutionColumn names, so it is not " +
            "sent as a substitution. Add it to -SubstitutionColumn, or give -AllowMissingSubstitution to send it as written";

        /// <summary>True when <paramref name="columns"/> (null: none) has one spelled <paramref name="name"/>, as $(name) is matched.</summary>
        internal static bool HasColumn(IReadOnlyList<KeyValuePair<string, object?>>? columns, string name)
        {
            if (columns is null) return false;
            for (var i = 0; i < columns.Count; i++)
                if (string.Equals(columns[i].Key, name, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>
        /// A variable that no column and no -Substitution key fills: <paramref name="columns"/> are the row's columns that fill
        /// variables, <paramref name="keys"/> -Substitution's keys. Names the fix when one is near: the row's 'Name' for $(Nmae),
        /// 'name' for $(Name), 'Name ' (a header's space); otherwise the few names that have a value. Before, every such
        /// variable got the same 200 characters of advice ("Fix the spelling, add the column, or ..."), in each text it
        /// appeared in, and the admin had to find the column it was near themselves.
        /// </summary>
        /// <param name="name">The variable's name.</param>
        /// <param name="columns">The row's columns that fill variables.</param>
        /// <param name="keys">-Substitution's keys.</param>
        /// <param name="noRow">
        /// A one-row call with no columns: before, a loop's "Send-ConnectEmail -To $u.Email -Subject 'Hi $(Name)'" was told "the
        /// row has no column named 'Name'" of a CSV that has one, and to add the column; the values come from -Substitution.
        /// </param>
        // A method of its own: the lambda's capture of the name would otherwise be made for every variable of every row.
        internal static string NoValue(string name, IEnumerable<string> columns, IReadOnlyCollection<string> keys, bool noRow = false)
        {
            var known = columns.Concat(keys).ToList();
            var text = new StringBuilder();
            text.Append("$(").Append(name).Append(") has no value: ");
            if (noRow) text.Append("nothing was piped, so no row's column fills it, and -Substitution has no key named ").Append(InputEcho.Quote(name));
            else text.Append("the row has no column").Append(keys.Count > 0 ? " and -Substitution no key" : "").Append(" named ").Append(InputEcho.Quote(name));
            // "Name ;Mobile" as Excel leaves a semicolon CSV's header: the row has 'Name ', which the admin sees as Name. Before,
            // "the row has no column named 'Name'" sent them to a header that showed it; the destination's error already said so.
            var spaced = known.FirstOrDefault(k => k.Length != name.Length && string.Equals(k.Trim(), name, StringComparison.Ordinal));
            if (spaced != null)
                return text.Append(" (there is ").Append(InputEcho.Quote(spaced)).Append(", with a space around its name: remove the space from the CSV header)").ToString();
            var cased = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (cased != null)
                return text.Append(" (there is ").Append(InputEcho.Quote(cased)).Append(": names are case-sensitive): write $(").Append(cased).Append(") instead").ToString();
            if (NearestName.To(name, known) is string near)
                return text.Append(", but ").Append(noRow ? "it has " : keys.Contains(near) && !columns.Contains(near) ? "-Substitution has " : "has ")
                    .Append(InputEcho.Quote(near)).Append(": write $(").Append(near).Append(") instead").ToString();
            // The few names there are, to pick from: a directory object's dozens would bury the advice.
            if (known.Count > 0 && known.Count <= MaxNamesListed)
                text.Append(" (names with a value: ").Append(string.Join(", ", known.Select(k => "$(" + k + ")"))).Append(')');
            if (noRow)
                return text.Append(". Give -Substitution @{ ").Append(name).Append(" = '...' } (in a loop over rows, -Substitution $u gives the row's columns), ")
                    .Append("or -AllowMissingSubstitution to send it as written").ToString();
            return text.Append(". Correct the name, add the column, or give -AllowMissingSubstitution to send it as written").ToString();
        }

        /// <summary>At most this many names are listed for a variable that matches none.</summary>
        private const int MaxNamesListed = 6;

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            for (var i = 0; i < names.Count; i++)
                if (string.Equals(names[i], name, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>One text of a message that substitution applies to, and the limits of that text.</summary>
        internal sealed class TextField
        {
            private readonly Action<string, string, ProblemList>? _checkLimits;
            private readonly Action<string, long, ProblemList>? _tooManyBytes;
            private string[]? _variables;

            /// <param name="name">The field the problems name.</param>
            /// <param name="text">The text as written.</param>
            /// <param name="checkLimits">The limits of the text after substitution; null when it has none.</param>
            /// <param name="passesAsOneGsmPart">
            /// An SMS text, which passes <paramref name="checkLimits"/> whenever it fills to one plain GSM-7 part: that is then
            /// known without making the row's text (SentTexts.FillsOneGsmPart).
            /// </param>
            public TextField(string name, string? text, Action<string, string, ProblemList>? checkLimits, bool passesAsOneGsmPart = false)
            {
                Name = name;
                Text = text;
                _checkLimits = checkLimits;
                PassesAsOneGsmPart = passesAsOneGsmPart;
            }

            /// <summary>A text whose one limit is its UTF-8 size: only counted after substitution, never made.</summary>
            /// <param name="name">The field the problems name.</param>
            /// <param name="text">The text as written.</param>
            /// <param name="maxUtf8Bytes">Its limit after substitution, in UTF-8 bytes.</param>
            /// <param name="tooManyBytes">The problem of a text over <paramref name="maxUtf8Bytes"/>, given its count.</param>
            public TextField(string name, string? text, long maxUtf8Bytes, Action<string, long, ProblemList> tooManyBytes)
            {
                Name = name;
                Text = text;
                MaxUtf8Bytes = maxUtf8Bytes;
                _tooManyBytes = tooManyBytes;
            }

            public string Name { get; }

            public string? Text { get; }

            /// <summary>The text's $(name) variables, each once, in order (found at the first call).</summary>
            public IReadOnlyList<string> Variables => _variables ??= VariablesIn(Text ?? "").ToArray();

            /// <summary>The limit of a text that is counted (<see cref="TooManyBytes"/>), not made; null for the others.</summary>
            public long? MaxUtf8Bytes { get; }

            /// <summary>True for an SMS text: its limits pass whenever it fills to one plain GSM-7 part.</summary>
            public bool PassesAsOneGsmPart { get; }

            /// <summary>False when only its variables are checked (an email's text: its size counts in the whole email's).</summary>
            public bool HasLimits => _checkLimits is not null;

            /// <summary>
            /// For a text that must show something (an RCS text, its SMS fallback), what else to do with a row that leaves it
            /// empty ("or leave the row out"); null for a text that may be empty.
            /// </summary>
            public string? EmptyAdvice { get; init; }

            /// <summary>True for a field that must stay one line after substitution (a subject, a chip's label): <see cref="CheckOneLine"/>.</summary>
            public bool IsOneLine { get; init; }

            public void CheckLimits(string sent, ProblemList problems) => _checkLimits?.Invoke(Name, sent, problems);

            public void TooManyBytes(long bytes, ProblemList problems) => _tooManyBytes?.Invoke(Name, bytes, problems);
        }

        /// <summary>The texts of each channel that carry variables, with the limits API.md gives them.</summary>
        internal static class TextFields
        {
            public static IEnumerable<TextField> Of(ConnectMessage message)
            {
                switch (message)
                {
                    case SmsMessage sms:
                        yield return new TextField("Text", sms.Text, (field, sent, problems) => SmsRules.CheckText(sent, sms.Encoding, problems, field, " after substitution"),
                            passesAsOneGsmPart: true);
                        break;
                    case EmailMessage email:
                        // One line as written is MessageValidator's check; a value can still bring a line break in.
                        yield return new TextField("Subject", email.Subject, NoOtherLimit) { IsOneLine = true };
                        yield return new TextField("TemplateSubject", email.Template?.Subject, NoOtherLimit) { IsOneLine = true };
                        yield return new TextField("Text", email.Text, checkLimits: null);
                        yield return new TextField("Html", email.Html, EmailRules.MaxHtmlBytes, (field, bytes, problems) =>
                            problems.Add(field, $"is {bytes} bytes as UTF-8 after substitution: at most {EmailRules.MaxHtmlBytes} bytes (500 KB) are allowed"));
                        break;
                    case RcsMessage rcs:
                        yield return Limited("Text", rcs.Text, RcsRules.MaxTextCharacters, emptyAdvice: LeaveTheRowOut);
                        yield return Limited("FallbackText", rcs.FallbackText, RcsRules.MaxFallbackTextCharacters,
                            emptyAdvice: "or send the row without -SmsFallback");
                        foreach (var field in Suggestions("Suggestion", rcs.Suggestions)) yield return field;
                        var cards = rcs.Card is null ? rcs.Cards : new[] { rcs.Card };
                        for (var i = 0; i < cards.Count; i++)
                        {
                            // An empty card or chip (a card built by hand) is MessageValidator's problem to report.
                            if (cards[i] is null) continue;
                            var name = rcs.Card is null ? ProblemList.Indexed("Carousel", i) : "Card";
                            // A title or text the row's values leave empty shows a blank card: the row is Invalid, as for its text.
                            yield return Limited(name + ".Title", cards[i].Title, RcsCardRules.MaxTitleCharacters, emptyAdvice: LeaveTheRowOut);
                            yield return Limited(name + ".Description", cards[i].Description, RcsCardRules.MaxDescriptionCharacters, emptyAdvice: LeaveTheRowOut);
                            foreach (var field in Suggestions(name + ".Suggestions", cards[i].Suggestions)) yield return field;
                        }
                        break;
                }
            }

            private const string LeaveTheRowOut = "or leave the row out";

            /// <remarks>A label the row's values leave empty is refused by the service: the row is Invalid, naming the empty cells.</remarks>
            private static IEnumerable<TextField> Suggestions(string name, IReadOnlyList<RcsSuggestion> suggestions)
            {
                for (var i = 0; i < suggestions.Count; i++)
                    if (suggestions[i] is not null)
                        yield return Limited(ProblemList.Indexed(name, i) + ".DisplayText", suggestions[i].DisplayText, RcsSuggestionRules.MaxDisplayTextCharacters,
                            oneLine: true, emptyAdvice: LeaveTheRowOut);
            }

            private static TextField Limited(string name, string? text, int limit, bool oneLine = false, string? emptyAdvice = null) =>
                new TextField(name, text, (field, sent, problems) =>
                {
                    if (sent.Length > limit)
                        problems.Add(field, CommonRules.TooLong(sent, limit, " after substitution"));
                }) { EmptyAdvice = emptyAdvice, IsOneLine = oneLine };

            /// <summary>A one-line field with no limit but that (<see cref="TextField.IsOneLine"/>): made and checked after substitution.</summary>
            private static void NoOtherLimit(string field, string sent, ProblemList problems) { }
        }
    }
}
