using System;
using System.Threading;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The rows whose outcome the journal could not record (the disk filled up, the share dropped) while the run went on:
    /// counted as their batches come back, said once at the end of the run. Their intent stays, so a re-run reports them
    /// Unknown and does not send them: safe, but before, the run itself said nothing of it and exited as if all was
    /// recorded, and the next run's "Unknown" rows were the first the admin heard of it.
    /// </summary>
    /// <remarks>Thread-safe: batches come back on the transport's threads.</remarks>
    internal sealed class UnrecordedOutcomes
    {
        private long _rows;
        private string? _firstReason;

        /// <summary>How many rows' outcomes were not written.</summary>
        public long Rows => Interlocked.Read(ref _rows);

        /// <summary><paramref name="rows"/> rows whose outcome the journal refused with <paramref name="failure"/>.</summary>
        public void Add(long rows, Exception failure)
        {
            if (failure is null) throw new ArgumentNullException(nameof(failure));
            if (rows <= 0) return;
            // The first reason: a failure that repeats says no more, and the first is the one that started it.
            Interlocked.CompareExchange(ref _firstReason, failure.Message, null);
            Interlocked.Add(ref _rows, rows);
        }

        /// <summary>The end-of-run warning for the journal at <paramref name="path"/>; null when every outcome was recorded.</summary>
        public string? Warning(string path)
        {
            var rows = Rows;
            if (rows == 0) return null;
            var them = rows == 1 ? "it" : "them";
            return $"The journal '{path}' could not record what the service answered for {Counted.Of(rows, "row")}: {Reason()} " +
                   $"{(rows == 1 ? "Its result here is" : "Their results here are")} as the service answered. A re-run with this journal " +
                   $"reports {them} Unknown and does not send {them} again: check {them} with Get-ConnectMessage or the delivery reports, " +
                   "then use -ResendUnknown to send what did not arrive.";
        }

        private string Reason()
        {
            var reason = (Volatile.Read(ref _firstReason) ?? "").Trim();
            if (reason.Length == 0) return "the system gave no reason.";
            return reason.EndsWith(".", StringComparison.Ordinal) ? reason : reason + ".";
        }
    }
}
