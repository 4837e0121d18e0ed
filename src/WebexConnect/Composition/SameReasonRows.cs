using System;
using WebexConnect.Results;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Rows whose errors come one after another for one reason: the night the service is down, 20,000 rows each failed with
    /// "could not connect to ... (check this computer's network and firewall ...) (6 attempts). Safe to send again.", and
    /// the log of a scheduled task held that advice 20,000 times, eight lines a row. The first of them says the reason in
    /// full; each after it names its row and the row that said it ("Row 2: Failed (ConnectionFailed) +447700900001: same
    /// reason as row 1"), so that -ErrorVariable and $Error keep an error for every row, and the results keep the whole
    /// reason. Any other reason in between is said in full, and the rows after it refer to it.
    /// </summary>
    internal sealed class SameReasonRows
    {
        private SendResult? _said;
        private int _saidStart;

        /// <summary>
        /// The earlier row whose error gave <paramref name="result"/>'s status, code and reason in full, when the last error
        /// written did; otherwise 0, and this result's error is the one that says it.
        /// </summary>
        public long EarlierRowFor(SendResult result)
        {
            var start = SendErrors.ReasonStart(result);
            if (_said is { } said && result.Row > 0 && said.Row > 0 && result.Status == said.Status &&
                string.Equals(result.Code, said.Code, StringComparison.Ordinal) && SameReason(said.Reason, _saidStart, result.Reason, start))
                return said.Row;
            _said = result;
            _saidStart = start;
            return 0;
        }

        // Compared in place, without the "Row 7: " each Invalid reason begins with: no string made for it.
        private static bool SameReason(string? said, int saidStart, string? reason, int start)
        {
            if (said is null || reason is null) return false;
            var length = reason.Length - start;
            return length > 0 && said.Length - saidStart == length && string.CompareOrdinal(said, saidStart, reason, start, length) == 0;
        }
    }
}
