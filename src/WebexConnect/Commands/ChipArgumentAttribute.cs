using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads New-ConnectRcsCard's -Suggestion and never refuses it: a text given where a chip goes (-Suggestion 'Yes', or a CSV
    /// cell) becomes a $null chip, and the text is kept for the cmdlet to name with its advice (<see cref="TextsFor"/>).
    /// </summary>
    /// <remarks>
    /// PowerShell's binder refused such a value before the cmdlet ran, and its error ended the statement around it: in a
    /// script's loop (Send-ConnectRcs -To $r.Phone -Card (New-ConnectRcsCard -Title Hi -Suggestion $r.Answer)) the
    /// Send-ConnectRcs too, so that row had no result. Now the card is not made, with New-ConnectRcsCard's own error, and the
    /// row is Invalid with its words (UnmadeCard).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ChipArgumentAttribute : ArgumentTransformationAttribute
    {
        // The latest list this thread made with a text in it, and the texts by slot: read right after binding, by the cmdlet
        // the binding was for, which knows the list as its own by reference.
        [ThreadStatic]
        private static RcsSuggestion?[]? _made;

        [ThreadStatic]
        private static string?[]? _texts;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is RcsSuggestion || value is RcsSuggestion[]) return inputData;
            var items = value is IEnumerable list && value is not string && value is not IDictionary ? list : new[] { inputData };
            var chips = new List<RcsSuggestion?>();
            var texts = new List<string?>();
            var anyText = false;
            foreach (var item in items)
            {
                var element = item is PSObject inner ? inner.BaseObject : item;
                // Anything else (a hashtable of a chip's fields) is left to PowerShell's conversion, as before.
                if (element is string text)
                {
                    chips.Add(null);
                    texts.Add(text);
                    anyText = true;
                }
                else
                {
                    chips.Add(element is null ? null : (RcsSuggestion)LanguagePrimitives.ConvertTo(element, typeof(RcsSuggestion), CultureInfo.InvariantCulture));
                    texts.Add(null);
                }
            }
            if (!anyText) return inputData;
            _made = chips.ToArray();
            _texts = texts.ToArray();
            return _made;
        }

        /// <summary>
        /// The texts given in place of chips, by slot, when <paramref name="chips"/> is the list this thread's latest binding
        /// made of them; else null.
        /// </summary>
        public static IReadOnlyList<string?>? TextsFor(RcsSuggestion?[]? chips) =>
            chips is not null && ReferenceEquals(chips, _made) ? _texts : null;

        /// <summary>What to say of <paramref name="text"/> given where a chip goes: what it is, and how to make the chip.</summary>
        public static string Problem(string text) =>
            $"{InputEcho.Quote(text)} is text, not a chip: make the chip with New-ConnectRcsSuggestion, as in " +
            $"-Suggestion (New-ConnectRcsSuggestion {InputEcho.Quote(text)})";
    }
}
