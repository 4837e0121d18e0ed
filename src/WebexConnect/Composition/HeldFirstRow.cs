using System;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The first piped row, held back while the MissingContent stop it would cause waits for the second row to decide it.
    /// A CSV's rows all have the first row's columns, so a second row of the same shape makes the stop the run's, as
    /// before, with nothing sent; one of another shape ($a, $b | Send-ConnectSms -From X, where only $b has a Text
    /// property) may give the content itself, so the first row gets its own Invalid result and the run goes on. Before,
    /// the first object alone decided, and $b was never sent. One row is held, never more: the pipeline is not buffered.
    /// </summary>
    internal sealed class HeldFirstRow
    {
        public HeldFirstRow(string stop, ConnectMessage message, ComposedRecord record, InputRow columns, PSObject? input)
        {
            Stop = stop;
            Message = message;
            Record = record;
            Columns = columns;
            Input = input;
        }

        /// <summary>The MissingContent message, as the first row made it.</summary>
        public string Stop { get; }

        public ConnectMessage Message { get; }

        public ComposedRecord Record { get; }

        public InputRow Columns { get; }

        public PSObject? Input { get; }

        /// <summary>
        /// True when <paramref name="next"/> has the held row's column names, in any order and any case (as PowerShell binds
        /// them): the next row of the same CSV, or an object with the same properties, whose content nothing gives either.
        /// Before, the order counted, and [ordered]@{To=...;Name=...}, [ordered]@{Name=...;To=...} got one error per row
        /// instead of the one MissingContent stop.
        /// </summary>
        public bool SameShape(InputRow next) => SameShape(Columns, next);

        /// <summary>
        /// True when <paramref name="next"/> has the column names of <paramref name="held"/>, in any order and any case: the
        /// test <see cref="SameShape(InputRow)"/> makes, for a command that holds a first row of its own (Measure-ConnectSms).
        /// </summary>
        public static bool SameShape(InputRow held, InputRow next)
        {
            if (held is null) throw new ArgumentNullException(nameof(held));
            if (next is null) throw new ArgumentNullException(nameof(next));
            if (next.ListCount.HasValue != held.ListCount.HasValue || next.Columns.Count != held.Columns.Count) return false;
            // The same order first: a CSV's rows all have it, and this loop allocates nothing.
            var i = 0;
            while (i < next.Columns.Count && string.Equals(next.Columns[i].Key, held.Columns[i].Key, StringComparison.OrdinalIgnoreCase)) i++;
            if (i == next.Columns.Count) return true;
            // Another order: the same names as a set, both ways, so a name given twice on one side cannot make up for one missing.
            return NamesIn(next.Columns, held.Columns, i) && NamesIn(held.Columns, next.Columns, i);
        }

        /// <summary>True when every name of <paramref name="names"/> from <paramref name="from"/> on is also a name of <paramref name="among"/> from there on.</summary>
        private static bool NamesIn(IReadOnlyList<KeyValuePair<string, object?>> names, IReadOnlyList<KeyValuePair<string, object?>> among, int from)
        {
            for (var i = from; i < names.Count; i++)
            {
                var found = false;
                for (var j = from; j < among.Count && !found; j++)
                    found = string.Equals(names[i].Key, among[j].Key, StringComparison.OrdinalIgnoreCase);
                if (!found) return false;
            }
            return true;
        }
    }
}
