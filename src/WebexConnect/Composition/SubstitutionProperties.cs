using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// -Substitution given an object instead of a hashtable: the row itself, in a script's loop of one-row calls (foreach ($u in
    /// Import-Csv users.csv) { Send-ConnectSms -To $u.Phone -Text 'Hi $(Name)' -Substitution $u }). Its properties are the
    /// $(name) values as a piped row's columns are, read alike (InputRow): a value is trimmed at its ends, and a property that is
    /// $null or holds no one value (a list, an object) is not sent, a problem only when a text uses it (<see cref="LeftOut"/>).
    /// Before, PowerShell refused any object but a hashtable, and the loop lost that row without a result. What cannot be read
    /// as values at all (a text, a number, a list of rows) is kept as <see cref="Unreadable"/>, for the command to refuse.
    /// </summary>
    /// <remarks>A hashtable, so that -Substitution keeps its type, and the command reads it as it reads one.</remarks>
    internal sealed class SubstitutionProperties : Hashtable
    {
        /// <summary>PowerShell's ErrorId for a value it could not make a hashtable of, kept for the one the command now refuses itself.</summary>
        public const string UnreadableErrorId = "CannotConvertArgumentNoMessage";

        private readonly Dictionary<string, string> _leftOut = new Dictionary<string, string>(StringComparer.Ordinal);

        private SubstitutionProperties()
            : base(StringComparer.Ordinal)
        {
        }

        /// <summary>What was given when it holds no values at all ("the text 'Name=Ann'"); null when it was read.</summary>
        public string? Unreadable { get; private set; }

        /// <summary>Whether the object had a property <paramref name="name"/> (spelled as $(name) is matched), sent or left out.</summary>
        public bool Has(string name) => ContainsKey(name) || _leftOut.ContainsKey(name);

        /// <summary>The properties not sent, each with why ("is $null", "holds an array of 2 values").</summary>
        public IReadOnlyDictionary<string, string> LeftOut => _leftOut;

        /// <summary>
        /// -Substitution as the command reads it: $null and a hashtable as given, another dictionary as a hashtable of its
        /// entries, any other object as its properties (<see cref="SubstitutionProperties"/>).
        /// </summary>
        public static object? Of(object? given)
        {
            var value = given is PSObject wrapped ? wrapped.BaseObject : given;
            switch (value)
            {
                case null:
                case Hashtable:
                    return value;
                case IDictionary dictionary:
                    return new Hashtable(dictionary);
                case string text:
                    return new SubstitutionProperties { Unreadable = "the text " + InputEcho.Quote(text) };
                case ValueType:
                    return new SubstitutionProperties { Unreadable = "the value " + InputEcho.Quote(SubstitutionText.Of(value)) };
                case ICollection list:
                    return new SubstitutionProperties { Unreadable = SubstitutionText.Describe(list) };
                case Results.ConnectSession:
                    return new SubstitutionProperties { Unreadable = "a session" };
            }
            var read = new SubstitutionProperties();
            foreach (var column in InputRow.Read(given as PSObject ?? PSObject.AsPSObject(value)).Columns)
            {
                if (SubstitutionText.IsNothing(column.Value)) read._leftOut[column.Key] = "is $null";
                else if (SubstitutionText.TryOfCell(column.Value, out var text)) read[column.Key] = text;
                else read._leftOut[column.Key] = "holds " + SubstitutionText.Describe(column.Value);
            }
            return read;
        }

        /// <summary>
        /// Why <paramref name="table"/> cannot give the values <paramref name="texts"/> use (each text with its parameter): the
        /// first left-out property one of them uses, as "'Name' is $null, and -Text uses $(Name): ..."; null when none is used.
        /// A $null one is sent empty with <paramref name="allowMissing"/> (added to the table), as a piped row's $null column is.
        /// </summary>
        public static string? UsedLeftOut(Hashtable? table, IEnumerable<KeyValuePair<string, string>> texts, bool allowMissing, out string? key)
        {
            key = null;
            if (table is not SubstitutionProperties { _leftOut.Count: > 0 } properties) return null;
            foreach (var text in texts)
            {
                foreach (var name in PersonalisedText.VariablesIn(text.Value))
                {
                    if (!properties._leftOut.TryGetValue(name, out var why)) continue;
                    var isNull = why == "is $null";
                    if (isNull && allowMissing)
                    {
                        properties[name] = "";
                        continue;
                    }
                    key = name;
                    return "'" + name + "' " + why + (isNull ? " (as Import-Csv gives for a line with fewer fields than the header)" : "") +
                        ", and -" + text.Key + " uses $(" + name + "): " +
                        (isNull ? "fill it, or give -AllowMissingSubstitution to send it empty" : "give it one string, number, true/false or date");
                }
            }
            return null;
        }

        /// <summary>
        /// What stands for <paramref name="table"/> once the one row is Invalid for it: every variable of <paramref name="texts"/>
        /// it leaves without a value filled with '' (the row is not sent), so that its result says the problem once, not once
        /// more for each text as "$(Name) has no value".
        /// </summary>
        public static Hashtable Refused(Hashtable? table, IEnumerable<KeyValuePair<string, string>> texts)
        {
            var stand = table is SubstitutionProperties { Unreadable: null } ? new Hashtable(table) : new Hashtable();
            foreach (var text in texts)
                foreach (var name in PersonalisedText.VariablesIn(text.Value))
                    if (!stand.ContainsKey(name)) stand[name] = "";
            return stand;
        }

        /// <summary>
        /// Only the properties <paramref name="names"/> names (-SubstitutionColumn, matched as a row's columns are, ignoring case),
        /// as a piped row gives only those columns; <paramref name="missing"/> is the first name it has no property for.
        /// </summary>
        public SubstitutionProperties Only(IReadOnlyList<string> names, out string? missing)
        {
            missing = null;
            var only = new SubstitutionProperties();
            foreach (var name in names)
            {
                var found = false;
                foreach (DictionaryEntry entry in this)
                    if (string.Equals((string)entry.Key, name, StringComparison.OrdinalIgnoreCase)) { only[entry.Key] = entry.Value; found = true; }
                foreach (var left in _leftOut)
                    if (string.Equals(left.Key, name, StringComparison.OrdinalIgnoreCase)) { only._leftOut[left.Key] = left.Value; found = true; }
                if (!found) missing ??= name;
            }
            return only;
        }

        /// <summary>The stop's or the row's words for <see cref="Unreadable"/>.</summary>
        public static string UnreadableProblem(string unreadable) =>
            "is " + unreadable + ", which holds no $(name) values: give a hashtable (@{ Name = 'Ann' }) or an object whose " +
            "properties are the values, such as the row itself (-Substitution $u)";
    }
}
