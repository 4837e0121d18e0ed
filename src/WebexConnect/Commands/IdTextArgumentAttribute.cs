using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Keeps an ID or a token (-CorrelationId, -CallbackData, -TemplateId, -From, ...) from being sent as the name of the type it
    /// was given: a hashtable, an object with properties (a ConvertFrom-Json row's member), a script block with nothing piped, a
    /// list of more than one value, a date, or any object whose text is its type's name (a DataRow). It is kept for the command
    /// to name (<see cref="RefusedText"/>) and binds as a placeholder meanwhile, which is never sent.
    /// </summary>
    /// <remarks>
    /// PowerShell's binder made text of them: -CorrelationId @{a=1} went as "System.Collections.Hashtable", a [datetime] as
    /// "01/02/2026 00:00:00", a member of a JSON row as "@{id=1}"; a list of two stopped the statement, so a script's loop of
    /// one-row calls lost that row's result. A text (a CSV cell) returns at once: the piped path pays nothing. A number (a
    /// database's order number) is its invariant-culture digits, as it was.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class IdTextArgumentAttribute : ArgumentTransformationAttribute
    {
        // What a refused value binds as: told apart by reference, so a later row that has no such column (the binder's default,
        // null) is never mistaken for it, and an ID that happens to read the same is still sent.
        private static readonly string Placeholder = new string(new[] { '(', 'n', 'o', 't', ' ', 't', 'e', 'x', 't', ')' });

        private const string DatePrefix = "a date ";
        private const string ScriptBlockGiven = "a script block ({ ... })";

        private readonly string _parameter;

        /// <param name="parameter">The parameter's name, under which what it was given is kept.</param>
        public IdTextArgumentAttribute(string parameter) => _parameter = parameter;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is string) return inputData;
            var value = inputData is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : inputData;
            if (value is string || value is null) return value;
            if (value is object?[] { Length: <= 1 } few)
            {
                // One value in a list (a JSON array of one, -From @($u.Sender)) is that value; none is none given.
                if (few.Length == 0) return null;
                return Transform(engineIntrinsics, few[0]);
            }
            if (IsNumber(value)) return Convert.ToString(value, CultureInfo.InvariantCulture);
            if (Given(value) is not string given) return inputData;
            RefusedArguments.Set(_parameter, given);
            return Placeholder;
        }

        /// <summary>What <paramref name="value"/> is, worded for the row's reason, when it is no text to send; null when it is.</summary>
        private static string? Given(object value)
        {
            switch (value)
            {
                case IDictionary dictionary:
                    return dictionary.Count == 0 ? "a hashtable (@{})" : "a hashtable (@{" + Keys(dictionary) + "})";
                case PSObject { BaseObject: PSCustomObject } properties:
                    return "an object with properties (" + Short(LanguagePrimitives.ConvertTo<string>(properties) ?? "") + ")";
                case ScriptBlock:
                    return ScriptBlockGiven;
                case DateTime or DateTimeOffset:
                    return DatePrefix + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
                case ICollection list:
                    return "a list of " + list.Count.ToString(CultureInfo.InvariantCulture) + " values";
            }
            // Any other object whose text is only its type's name (a DataRow, the row itself).
            var type = value.GetType();
            return string.Equals(value.ToString(), type.FullName, StringComparison.Ordinal) ? "a " + type.Name + " object" : null;
        }

        private static string Keys(IDictionary dictionary)
        {
            var keys = new System.Collections.Generic.List<string>();
            foreach (var key in dictionary.Keys)
            {
                if (keys.Count == 3) { keys.Add("..."); break; }
                keys.Add((key?.ToString() ?? "") + "=...");
            }
            return Short(string.Join("; ", keys));
        }

        private static string Short(string text) => InputEcho.OneLine(text.Length > 40 ? text.Substring(0, 40) + "..." : text);

        private static bool IsNumber(object value) =>
            value is IConvertible convertible && convertible.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

        /// <summary>
        /// What <paramref name="parameter"/> was given that is no text, when it bound as <paramref name="value"/> (the placeholder);
        /// null when it bound a text.
        /// </summary>
        public static string? RefusedText(string parameter, object? value) =>
            ReferenceEquals(value, Placeholder) ? RefusedArguments.Of(parameter) : null;

        /// <summary>The value to compose and report: null for the placeholder, which a result's CorrelationId showed as "(not text)".</summary>
        public static string? WithoutPlaceholder(string? value) => ReferenceEquals(value, Placeholder) ? null : value;

        /// <summary>What is wrong with <paramref name="given"/> as <paramref name="parameter"/> and what to write instead.</summary>
        /// <param name="parameter">The parameter's name, which is the field and the column.</param>
        /// <param name="given">What it was given (<see cref="RefusedText"/>).</param>
        /// <param name="piped">True for a piped row's column, whose object is the row's member.</param>
        public static string Problem(string parameter, string given, bool piped)
        {
            var example = parameter == "CorrelationId" ? "$r.OrderId" : "$r." + parameter;
            var fix = given.StartsWith(DatePrefix, StringComparison.Ordinal)
                ? $"its text would depend on the computer's culture; write it as the text you want sent, e.g. -{parameter} $d.ToString('yyyy-MM-dd')"
                : given == ScriptBlockGiven && !piped
                    ? $"a script block is run for each piped row only; with nothing piped, give the value itself, e.g. -{parameter} {example}"
                : piped
                    ? $"give the value itself in the {parameter} column, or pick its member, e.g. -{parameter} {{ $_.{parameter}.Id }}"
                    : $"give the value itself, e.g. -{parameter} {example}";
            return given + " is not text: " + fix;
        }
    }
}
