using System;
using System.Management.Automation;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads an empty cell given to Send-ConnectRcs's -Card, -Carousel or -Suggestion in a script's loop of one-row calls
    /// (-Card $r.Card of a DataRow whose cell is NULL, -Suggestion $r.Chip of a CSV whose cell is empty) as the parameter
    /// left out: no chips for -Suggestion; for -Card and -Carousel no card, which the command's rules make that row's
    /// Invalid result saying a card is required.
    /// </summary>
    /// <remarks>
    /// PowerShell's binder refused DBNull ('Invalid cast from System.DBNull to RcsCard') and '' ('Cannot convert the ""
    /// value'), and its error ended the statement without the row's result. Placed after RowScriptArgument (a script block
    /// is no cell) and before RcsCardArgument (which tells a text that is not blank to make a card first).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class EmptyCellArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>True for -Suggestion, whose $null is refused as a chip not made: an empty cell is no chips instead.</summary>
        public bool Chips { get; set; }

        // What the latest card parameter bound on this thread was given when it read as no card: the cell's words for the row's
        // Invalid result. Per thread, as UnmadeCard's notes: the command binds it on the pipeline thread right before it reads it.
        [ThreadStatic]
        private static string? _emptyCard;

        /// <summary>
        /// What the latest -Card or -Carousel bound on this thread was given when this read it as no card ("an empty cell ('')",
        /// "a NULL cell (DBNull)"), forgetting it; null for any other value ($null itself, a card).
        /// </summary>
        public static string? TakeEmptyCard()
        {
            var given = _emptyCard;
            _emptyCard = null;
            return given;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // Every binding of a card parameter sets it (a $null too), so a later command never reads an earlier one's cell.
            if (!Chips) _emptyCard = value is DBNull ? "a NULL cell (DBNull)" : IsEmpty(value) ? $"an empty cell ({InputEcho.Quote((string)value!)})" : null;
            if (IsEmpty(value)) return Chips ? Array.Empty<RcsSuggestion>() : null;
            // A list of cells (-Carousel $r.Card1, $r.Card2): an empty one is a $null card or chip, which the command's rules
            // make the row's Invalid result, naming its place in the list.
            if (value is object?[] items && Array.Exists(items, item => IsEmpty(item is PSObject inner ? inner.BaseObject : item)))
                return Array.ConvertAll(items, item => IsEmpty(item is PSObject inner ? inner.BaseObject : item) ? null : item);
            return inputData;
        }

        private static bool IsEmpty(object? value) => value is DBNull || value is string text && string.IsNullOrWhiteSpace(text);
    }
}
