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
            if (!_byCode.TryGetValue(code, out var tally)) _byCode[code] = tally = new Tally(code, result.Status, result.Row, result);
            else tally.Compare(result);
            tally.Count++;
            if (_commonest is null || tally.Count > _commonest.Count) _commonest = tally;
        }

        /// <summary>The failure most rows met (the first met, of equals); null when every row succeeded.</summary>
        public Tally? Commonest => _commonest;

        /// <summary>One kind of failure: its Code, the status it gives, how many rows met it, and the first of them.</summary>
        internal sealed class Tally
        {
            // The first row's reason, without its "Row 7: ", while every row of the tally had the same; null once one differs.
            private string? _reason;
            private int _reasonStart;

            public Tally(string code, SendStatus status, long firstRow, SendResult? first = null)
            {
                Code = code;
                Status = status;
                FirstRow = firstRow;
                if (first?.Reason is string reason)
                {
                    _reason = reason;
                    _reasonStart = SendErrors.ReasonStart(first);
                }
            }

            /// <summary>
            /// The reason every row of this kind had, without "Row N: ", or null when they differ: then the warning a run ends
            /// with can say the one fix ("$(Nmae) has no value ... write $(Name) instead") once, instead of sending the admin
            /// to the first row's error.
            /// </summary>
            public string? SharedReason => _reason?.Substring(_reasonStart);

            /// <summary>Forgets the shared reason when <paramref name="result"/>'s differs (compared in place: no string made).</summary>
            internal void Compare(SendResult result)
            {
                if (_reason is null) return;
                var reason = result.Reason;
                var start = SendErrors.ReasonStart(result);
                var length = (reason?.Length ?? 0) - start;
                if (reason is null || length != _reason.Length - _reasonStart || string.CompareOrdinal(_reason, _reasonStart, reason, start, length) != 0)
                    _reason = null;
            }

            public string Code { get; }

            public SendStatus Status { get; }

            public long FirstRow { get; }

            public long Count { get; set; }
        }
    }
}
