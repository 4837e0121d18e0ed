using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The last word of a run stopped before its end: by a command after it that had what it wanted (Select-Object -First),
    /// by Ctrl+C, Stop-Job or the end of the task, or by a row's error under -ErrorAction Stop. Rows read after the last result written get none, and without this
    /// nothing told the admin at the console what became of them: which went, which may have, which did not.
    /// </summary>
    internal static class StoppedRun
    {
        /// <summary>The warning, or null when every row read has its result written.</summary>
        /// <param name="commandName">"Send-ConnectSms".</param>
        /// <param name="byDownstreamCommand">A command after this one stopped the pipeline; otherwise Ctrl+C or its like.</param>
        /// <param name="lastRowWritten">The row of the last result written (0: none).</param>
        /// <param name="rowsRead">The rows the run read.</param>
        /// <param name="rows">What is known of the rows without a result written; rows it does not name were not sent.</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        public static string? Warning(string commandName, bool byDownstreamCommand, long lastRowWritten, long rowsRead, StoppedRows rows, string? journalPath)
        {
            var unreported = rowsRead - lastRowWritten;
            if (unreported <= 0) return null;
            var first = N(lastRowWritten + 1);
            var those = unreported == 1 ? "row " + first + " gets" : "rows " + first + "-" + N(rowsRead) + " (" + N(unreported) + " rows) get";
            var when = lastRowWritten == 0 ? "before its first result" : "after the result of row " + N(lastRowWritten);
            var sent = Clamp(rows.Sent, unreported);
            var gone = Clamp(rows.MayHaveGone, unreported - sent);
            var notSent = unreported - sent - gone;
            return (byDownstreamCommand
                    ? "A command after " + commandName + " (such as Select-Object -First) stopped the pipeline " + when
                    : commandName + " was stopped (Ctrl+C, Stop-Job or the end of its task) " + when) +
                ", so " + those + " no result: " + Fates(unreported, sent, gone, notSent) + " " + Rerun(unreported, sent, gone, journalPath);
        }

        /// <summary>
        /// The warning of a run a row's error ended before its input did (-ErrorAction Stop, $ErrorActionPreference = 'Stop'):
        /// every row read has its result, and the rows the input had after them were never read, so never sent. Without it a
        /// log showed the row's error alone, and "row 500 failed" read as the run's only problem.
        /// </summary>
        /// <param name="commandName">"Send-ConnectSms".</param>
        /// <param name="row">The row whose error ended the command.</param>
        /// <param name="errorId">That error's ErrorId ("InvalidInput").</param>
        /// <param name="rowsRead">The rows the run read, each with its result written.</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        /// <param name="readNotSent">
        /// A row read after it and never handled (0: none): the second row, read before the held first row's error
        /// (HeldFirstRow) ended the command. Before, the warning said nothing of it, and it had no result.
        /// </param>
        public static string AtRowError(string commandName, long row, string errorId, long rowsRead, string? journalPath, long readNotSent = 0)
        {
            var read = rowsRead > row ? rowsRead : row;
            var last = readNotSent > read ? readNotSent : read;
            return commandName + " ended at the error of row " + N(row) + " (" + errorId + "): " +
                (read == 1 ? (last > read ? "row 1 has its result" : "the row it read has its result") : "the " + N(read) + " rows it read have their results") +
                ReadNotSentThenNotRead(read, last) +
                (journalPath is null ? NothingRecords(read)
                    : SendErrors.IsOutcomeUnknown(errorId) ? UnknownStopsAgain(row, journalPath)
                    // A row the service was not reached for has nothing to correct: "Correct row 7" sent the admin looking for one.
                    : SendErrors.IsServiceNotReached(errorId) ? "Row " + N(row) + " was not sent because the service could not be reached " +
                        "or was busy, not for anything in it: once the service answers, run " + SameCommandWith(journalPath)
                    : "Correct row " + N(row) + ", then run " + SameCommandWith(journalPath));
        }

        /// <summary>
        /// The way on from a stop at an Unknown row, which the journal keeps Unknown: before, the warning said "Correct row 7,
        /// then run the same command with the journal again", and every re-run of a script under $ErrorActionPreference =
        /// 'Stop' ended at row 7 again, night after night, the rows after it never sent.
        /// </summary>
        private static string UnknownStopsAgain(long row, string journalPath) =>
            "Row " + N(row) + " may have been sent, so the journal '" + journalPath + "' keeps it Unknown and the same command run " +
            "again stops at row " + N(row) + " again. Check the delivery reports for the rows left Unknown, then run the same command " +
            "with -ErrorAction Continue, which leaves them Unknown and sends the others, or with -ResendUnknown, which sends them " +
            "again too (they may arrive twice). Either way the rows it sent are Skipped.";

        /// <summary>
        /// The warning of a run that ended at a row before sending it, by a stop that was not the row's error: a question no
        /// one could answer (-Confirm, $ConfirmPreference Medium, under -NonInteractive or with no console). The rows before it
        /// have their results; it and the rows after it were not sent. Before, only the verbose summary said so.
        /// </summary>
        /// <param name="commandName">"Send-ConnectSms".</param>
        /// <param name="row">The row read and not sent.</param>
        /// <param name="stoppedBy">The stop's ErrorId ("PromptWithoutInput").</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        /// <param name="readNotSent">
        /// A row read after it and never handled (0: none): the second row, read before the held first row (HeldFirstRow) was
        /// stopped at. Before, the warning said the rows after row 1 were not read.
        /// </param>
        public static string BeforeRow(string commandName, long row, string stoppedBy, string? journalPath, long readNotSent = 0)
        {
            var before = row - 1;
            var last = readNotSent > row ? readNotSent : row;
            return commandName + " ended before sending row " + N(row) + " (" + stoppedBy + "): " +
                (before == 0 ? "nothing was sent" : (before == 1 ? "row 1 has its result" : "rows 1-" + N(before) + " have their results") +
                    ", row " + N(row) + " was not sent") + ReadNotSentThenNotRead(row, last) +
                (before == 0 ? "Running the command again sends them all."
                    : journalPath is not null ? "Run " + SameCommandWith(journalPath) : NothingRecords(before));
        }

        /// <summary>
        /// The warning of a run a failure that dooms every later row (a key refused mid-run) ended while the input went on, under
        /// -ErrorAction Stop or Inquire, which end the command at its first error rather than reading the rest: the rows read have
        /// their results, the rest were never read. Before, the error alone was said, and a 3,000-row CSV ended with 600 results
        /// and nothing in the log about the 2,400 rows after them.
        /// </summary>
        /// <param name="commandName">"Send-ConnectSms".</param>
        /// <param name="errorId">The failure's ErrorId ("AuthenticationFailed").</param>
        /// <param name="rowsRead">The rows the run read, each with its result written.</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        public static string AtFailure(string commandName, string errorId, long rowsRead, string? journalPath) =>
            commandName + " ended at its error (" + errorId + ") after reading row " + N(rowsRead) + ": " +
            (rowsRead == 1 ? "the row it read has its result" : "the " + N(rowsRead) + " rows it read have their results") +
            NotReadAfter(rowsRead) +
            (journalPath is null
                ? "Give -Journal to a run that may stop part-way, so that running it again sends only the rows it did not send."
                : "Once the error is mended, run " + SameCommandWith(journalPath));

        /// <summary>"3 were sent, 2 may have been sent (their requests left, and no answer came back), 30 were not sent."</summary>
        private static string Fates(long unreported, long sent, long gone, long notSent)
        {
            if (unreported == 1)
                return sent == 1 ? "it was sent." : gone == 1 ? "it may have been sent (its request left, and no answer came back)." : "it was not sent.";
            var parts = new List<string>(3);
            if (sent > 0) parts.Add(sent == unreported ? "all were sent" : N(sent) + (sent == 1 ? " was" : " were") + " sent");
            if (gone > 0) parts.Add(N(gone) + " may have been sent (" + (gone == 1 ? "its request" : "their requests") + " left, and no answer came back)");
            if (notSent > 0) parts.Add(notSent == unreported ? "none was sent" : N(notSent) + (notSent == 1 ? " was" : " were") + " not sent");
            return string.Join(", ", parts) + ".";
        }

        private static string Rerun(long unreported, long sent, long gone, string? journalPath)
        {
            if (journalPath is not null)
                return "The journal '" + journalPath + "' records which went: run the same command with it again to send only the rows it did not send" +
                    (gone == 0 ? "." : " (a row that may have been sent comes back Unknown, and goes again only with -ResendUnknown).");
            // Every one of them went: "nothing records which went" told an admin who knew they all had that it was unknown.
            if (sent == unreported)
                return (unreported == 1 ? "Sending it again sends it a second time" : "Sending them again sends each a second time") +
                    ": give -Journal to a run that may be cut short, so that running it again sends only what it did not send.";
            return (sent + gone == 0 ? "Give" : (unreported == 1 ? "Nothing records whether it went" : "Nothing records which of these " + N(unreported) + " rows went") + ": give") +
                " -Journal to a run that may be cut short, so that running it again sends only what it did not send.";
        }

        /// <summary>
        /// The row read behind the held first row and never handled, when <paramref name="last"/> is past
        /// <paramref name="handled"/>, then the rows after the last one read.
        /// </summary>
        private static string ReadNotSentThenNotRead(long handled, long last) =>
            (last > handled ? ", row " + N(last) + " was read and not sent" : "") + NotReadAfter(last);

        /// <summary>", and any rows the input had after row 7 were not read, so not sent. "</summary>
        private static string NotReadAfter(long row) => ", and any rows the input had after row " + N(row) + " were not read, so not sent. ";

        /// <summary>What a re-run with the journal does, after "Run " or "Correct row 7, then run ".</summary>
        internal static string SameCommandWith(string journalPath) =>
            "the same command with the journal '" + journalPath + "' again: the rows it sent are Skipped, and the others are sent.";

        /// <summary>What a re-run without a journal does to the <paramref name="sent"/> rows that have their results.</summary>
        private static string NothingRecords(long sent) =>
            "Nothing records which rows went: running the command again sends " + (sent == 1 ? "row 1" : "rows 1-" + N(sent)) + " again. " +
            "Give -Journal to a run that may stop part-way, so that running it again sends only the rows it did not send.";

        private static long Clamp(long value, long max) => value < 0 ? 0 : value > max ? max : value;

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
