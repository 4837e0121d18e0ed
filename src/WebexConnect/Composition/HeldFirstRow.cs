using System;
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
        /// True when <paramref name="next"/> has the held row's column names, in the same order (in any case, as PowerShell
        /// binds them): the next row of the same CSV, whose content nothing gives either.
        /// </summary>
        public bool SameShape(InputRow next)
        {
            if (next is null) throw new ArgumentNullException(nameof(next));
            if (next.ListCount.HasValue != Columns.ListCount.HasValue || next.Columns.Count != Columns.Columns.Count) return false;
            for (var i = 0; i < next.Columns.Count; i++)
                if (!string.Equals(next.Columns[i].Key, Columns.Columns[i].Key, StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }
    }
}
