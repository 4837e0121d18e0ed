namespace WebexConnect.Sending
{
    /// <summary>
    /// What running the same command again does, in the words of the engine's results and errors, said to fit the run: with
    /// -Journal a re-run skips what went; without one it sends every row again. The advice said "with the same -Journal" to runs
    /// that had none, and an admin who re-ran such a run as told sent every row it had sent a second time.
    /// </summary>
    internal static class RerunAdvice
    {
        /// <summary>
        /// Where to learn whether a row left Unknown went: "Check " + this + " before sending it again". One phrase for the run's
        /// own Unknown rows and for those a -Journal re-run reports: "check delivery reports" alone left an admin asking where,
        /// and the re-run's rows said only that after the run's own had learnt to say more.
        /// </summary>
        public const string WhereToCheck = "its delivery receipts (-NotifyUrl) or the service's message logs";

        /// <summary>After "Check " + <see cref="WhereToCheck"/> + " before sending it again: ", for a row that may have been accepted (Unknown).</summary>
        /// <param name="journaled">The run keeps a -Journal.</param>
        public static string MaybeSent(bool journaled) => journaled
            ? "a re-run with the same -Journal reports it Unknown again instead of sending it twice."
            : "this run has no -Journal, so running the command again sends it again. " +
              "Give -Journal to a run that may be cut short: a re-run then reports such a row Unknown instead of sending it twice.";

        /// <summary>After "then ", once what stopped the run is mended: how to send only the rows it did not send.</summary>
        /// <param name="journaled">The run keeps a -Journal.</param>
        public static string NotSent(bool journaled) => journaled
            ? "run the same command again: with the same -Journal, it sends only the rows this run did not send."
            : "send again only the rows this run did not send: the results with Status Failed and Code " + Results.SendErrors.RunStoppedCode +
              " (their Row says which) and any rows it did not read. This run has no -Journal, so running the same command again sends every row again; " +
              "give -Journal to a run that may stop part-way, so that a re-run sends only what did not go.";
    }
}
