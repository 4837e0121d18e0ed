using System;
using System.Collections.Generic;
using WebexConnect.Results;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The unsuccessful results of a run, counted by their Code, for the warning it ends with (RunSummary.Failures): which
    /// failure most rows met, and the first row that met it, whose error says it in full. Counted with a tally per Code,
    /// not per row: a run of 20,000 failed rows makes as many tallies as it met kinds of failure.
    /// </summary>
    internal sealed class RunFailures
    {
        private readonly Dictionary<string, Tally> _byCode = new Dictionary<string, Tally>(StringComparer.Ordinal);
        private Tally? _commonest;

        /// <summary>Counts an unsuccessful result.</summary>
        public void Add(SendResult result)
        {
            var code = result.Code ?? "";
            if (!_byCode.TryGetValue(code, out var tally)) _byCode[code] = tally = new Tally(code, result.Status, result.Row);
            tally.Count++;
            if (_commonest is null || tally.Count > _commonest.Count) _commonest = tally;
        }

        /// <summary>The failure most rows met (the first met, of equals); null when every row succeeded.</summary>
        public Tally? Commonest => _commonest;

        /// <summary>One kind of failure: its Code, the status it gives, how many rows met it, and the first of them.</summary>
        internal sealed class Tally
        {
            public Tally(string code, SendStatus status, long firstRow)
            {
                Code = code;
                Status = status;
                FirstRow = firstRow;
            }

            public string Code { get; }

            public SendStatus Status { get; }

            public long FirstRow { get; }

            public long Count { get; set; }
        }
    }
}
