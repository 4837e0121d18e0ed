using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The JSON text of what an admin gives Send-ConnectMessage's -Content, -Option and -AdditionalProperty:
    /// a hashtable ([ordered] keeps its order), a PSCustomObject (ConvertFrom-Json), arrays, strings, numbers,
    /// booleans and $null, nested as deep as the message needs. Only valid JSON is needed here: the engine
    /// writes it again with the body's own escaping.
    /// </summary>
    internal static class ContentJson
    {
        private const int MaxDepth = 64;

        /// <summary>The JSON text of <paramref name="value"/>; an ArgumentException naming the path of a value JSON cannot carry.</summary>
        public static string From(object? value)
        {
            var json = new StringBuilder();
            Write(json, value, "", 0);
            return json.ToString();
        }

        private static void Write(StringBuilder json, object? value, string path, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"{Where(path)}is nested more than {MaxDepth} levels deep.");
            if (value is PSObject wrapped)
            {
                // A PSCustomObject's properties live on its wrapper, not on the base object.
                if (wrapped.BaseObject is PSCustomObject)
                {
                    WriteObject(json, Properties(wrapped), path, depth);
                    return;
                }
                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case null:
                    json.Append("null");
                    return;
                case string text:
                    WriteString(json, text);
                    return;
                case char character:
                    WriteString(json, character.ToString());
                    return;
                case bool flag:
                    json.Append(flag ? "true" : "false");
                    return;
                case SwitchParameter flag:
                    json.Append(flag.IsPresent ? "true" : "false");
                    return;
                case Enum named:
                    WriteString(json, named.ToString());
                    return;
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _: case decimal _:
                    json.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                    return;
                case double number:
                    WriteNumber(json, number, path);
                    return;
                case float number:
                    WriteNumber(json, number, path);
                    return;
                case DateTime time:
                    WriteString(json, time.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset time:
                    WriteString(json, time.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Uri uri:
                    WriteString(json, uri.OriginalString);
                    return;
                case ScriptBlock _:
                    throw new ArgumentException(ScriptBlockGiven(path));
                case WebexConnect.Messages.RcsCard _:
                    throw new ArgumentException(RcsPartGiven(path, "a card from New-ConnectRcsCard", "-Card (or -Carousel)",
                        "@{ title = 'Sale'; media = @{ url = 'https://...'; height = 'MEDIUM' } }"));
                case WebexConnect.Messages.RcsSuggestion _:
                    throw new ArgumentException(RcsPartGiven(path, "a suggestion from New-ConnectRcsSuggestion", "-Suggestion",
                        "@{ type = 'reply'; displayText = 'Yes'; postbackData = 'yes' }"));
                case IDictionary dictionary:
                    WriteObject(json, Entries(dictionary), path, depth);
                    return;
                case IEnumerable items:
                    json.Append('[');
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (index > 0) json.Append(',');
                        Write(json, item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", depth + 1);
                        index++;
                    }
                    json.Append(']');
                    return;
                // A database's NULL (a DataRow's cell, @{ appid = $r.AppId }) said "a DBNull", a name an admin does not know.
                case DBNull:
                    throw new ArgumentException($"{Where(path)}is a database's NULL (DBNull): give the cell a value, or leave the member out.");
                default:
                    throw new ArgumentException($"{Where(path)}is a {value.GetType().Name}, which JSON cannot carry: " +
                        "give a string, number, boolean, hashtable, array or $null.");
            }
        }

        private static void WriteObject(StringBuilder json, IEnumerable<KeyValuePair<string, object?>> members, string path, int depth)
        {
            json.Append('{');
            var first = true;
            foreach (var member in members)
            {
                if (!first) json.Append(',');
                first = false;
                WriteString(json, member.Key);
                json.Append(':');
                Write(json, member.Value, path.Length == 0 ? member.Key : path + "." + member.Key, depth + 1);
            }
            json.Append('}');
        }

        private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                yield return new KeyValuePair<string, object?>(SubstitutionText.Of(entry.Key), entry.Value);
        }

        private static IEnumerable<KeyValuePair<string, object?>> Properties(PSObject value)
        {
            foreach (var property in value.Properties)
                yield return new KeyValuePair<string, object?>(property.Name, property.Value);
        }

        private static void WriteNumber(StringBuilder json, double number, string path)
        {
            if (double.IsNaN(number) || double.IsInfinity(number))
                throw new ArgumentException($"{Where(path)}is {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.");
            json.Append(number.ToString("R", CultureInfo.InvariantCulture));
        }

        /// <summary>Escapes what JSON requires; everything else stays as written (the engine re-escapes anyway).</summary>
        private static void WriteString(StringBuilder json, string text)
        {
            json.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': json.Append("\\\""); break;
                    case '\\': json.Append("\\\\"); break;
                    default:
                        if (c < ' ') json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else json.Append(c);
                        break;
                }
            }
            json.Append('"');
        }

        /// <summary>
        /// What to do instead of a script block meant to run for each row: PowerShell runs one given to a parameter per row only
        /// for a parameter that binds from the row, and these are the same for every row. Before, the refusal said only that
        /// JSON cannot carry a ScriptBlock, and left the admin to guess that a row's values need another way in.
        /// </summary>
        private static string ScriptBlockGiven(string path) =>
            $"{Where(path)}is a script block, which is not run: it is the same for every row, and PowerShell runs a script block " +
            "for each row only for a parameter that takes its value from the row. To put a row's value in the text, write it as " +
            "$(Column) in single quotes ('Hi $(Name)'): each row's other columns are sent as its substitutions. To build each " +
            "row's value in PowerShell, pass the value, not the script block, one row at a time: " +
            "Import-Csv .\\list.csv | ForEach-Object { $_ | Send-ConnectMessage ... -Content @{ type = 'text'; text = 'Hi ' + $_.Name } }.";

        /// <summary>
        /// What to do with the module's own RCS card or chip in -Content: the typed cmdlet writes it, and makes the request
        /// Send-ConnectMessage would. Before, the refusal called it a type JSON cannot carry, and said neither.
        /// </summary>
        private static string RcsPartGiven(string path, string what, string parameter, string written) =>
            $"{Where(path)}is {what}: Send-ConnectRcs {parameter} sends it, in the request Send-ConnectMessage -Channel rcs " +
            $"would make. In -Content, write it with the API's field names instead, e.g. {written}.";

        private static string Where(string path) => path.Length == 0 ? "The value " : "'" + path + "' ";
    }
}
