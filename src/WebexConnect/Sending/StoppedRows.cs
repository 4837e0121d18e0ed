using System.Collections.Generic;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The rows a stopped run (Ctrl+C, Stop-Job, a downstream Select-Object -First) read but wrote no result for, by what
    /// is known of each when it stopped: sent (the service accepted it, or an earlier run did), may have gone (its request
    /// left and no answer came back), not sent (it never left, or the service refused it: safe to send again).
    /// </summary>
    internal sealed class StoppedRows
    {
        /// <summary>Accepted by the service (Queued, Scheduled), or sent by an earlier run (Skipped).</summary>
        public long Sent { get; private set; }

        /// <summary>Its request left and its outcome is not known (Unknown, or still on its way when counted).</summary>
        public long MayHaveGone { get; private set; }

        /// <summary>Never left, or refused by the service.</summary>
        public long NotSent { get; private set; }

        /// <summary>
        /// The rows among them that a request of this run carried and that were accepted or may have been: those the run's
        /// end warnings count as having gone (a row the copies warning names). Before, those warnings counted only the
        /// results written, so a run stopped after 2 results said "2 rows ... goes once" of 5 rows that went.
        /// </summary>
        public List<long> RowsThatWent { get; } = new List<long>();

        /// <summary><paramref name="rows"/> rows whose result of <paramref name="status"/> was never written.</summary>
        public void Add(SendStatus status, long rows = 1)
        {
            switch (status)
            {
                case SendStatus.Queued:
                case SendStatus.Scheduled:
                case SendStatus.Skipped:
                    Sent += rows;
                    break;
                case SendStatus.Unknown:
                    MayHaveGone += rows;
                    break;
                default:
                    NotSent += rows;
                    break;
            }
        }

        /// <summary>A result never written: counted by its status, and among <see cref="RowsThatWent"/> when it went.</summary>
        public void Add(SendResult result)
        {
            Add(result.Status);
            // Batch 0: the journal answered for it (an earlier run sent it), or it never reached a request.
            if (result.Batch > 0 && (result.Status == SendStatus.Queued || result.Status == SendStatus.Scheduled || result.Status == SendStatus.Unknown))
                RowsThatWent.Add(result.Row);
        }

        /// <summary>Row <paramref name="row"/>, whose request left and had no answer when the run stopped.</summary>
        public void AddOnItsWay(long row)
        {
            MayHaveGone++;
            RowsThatWent.Add(row);
        }

        /// <summary>Rows whose request never left.</summary>
        public void AddNeverLeft(long rows) => NotSent += rows;
    }
}
