using System;
using System.Diagnostics;
using System.Globalization;
using WebexConnect.Sending;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The line a send run's -Verbose ends with besides its counts: what limited its pace. An admin whose 10,000 rows took four
    /// minutes asks whether to raise -Tps, ask the vendor for more TPS, mend the input or blame the service; the counts alone
    /// ("10,000 rows in 240.0 s") said none of it.
    /// </summary>
    /// <remarks>
    /// The engine measures where the run's time went (<see cref="DispatchPace"/>); this adds the time -Confirm's questions took,
    /// which the engine sees only as time between rows, and names the largest share: the TPS budget, the service's answers,
    /// retries, the input, or the questions. It observes only: nothing here changes how the run sends.
    /// </remarks>
    internal sealed class RunPace
    {
        /// <summary>A run shorter than this has no pace worth explaining: a one-row call says nothing more.</summary>
        internal static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

        private long _askingTicks;

        /// <summary>The time -Confirm's questions took so far.</summary>
        public TimeSpan Asking => TimeSpan.FromTicks(_askingTicks);

        /// <summary>A question asked of a row, from <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>) to now.</summary>
        public void Asked(long startedAt) =>
            _askingTicks += (long)((Stopwatch.GetTimestamp() - startedAt) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));

        /// <summary>What limited the run's pace, the largest share of its time; null for a run under <see cref="Shortest"/>.</summary>
        public PaceLimit? LimitOf(DispatchPace pace)
        {
            if (pace.Elapsed < Shortest) return null;
            var input = pace.BetweenRows - Asking;
            var limit = PaceLimit.Input;
            var most = input;
            void Consider(PaceLimit candidate, TimeSpan spent)
            {
                if (spent <= most) return;
                limit = candidate;
                most = spent;
            }

            Consider(PaceLimit.Questions, Asking);
            Consider(PaceLimit.Budget, pace.OnTheBudget);
            Consider(PaceLimit.Answers, pace.OnAnswers);
            Consider(PaceLimit.Retries, pace.OnRetries);
            return most > TimeSpan.Zero ? limit : null;
        }

        /// <summary>
        /// "Send SMS: limited by the TPS: 50 destinations a second (-Tps 50); 4.8 of 5.2 s waiting for it."; null when the run was
        /// too short to say (<see cref="Shortest"/>). Short: the counts have a line of their own.
        /// </summary>
        /// <param name="action">"Send SMS".</param>
        /// <param name="commandName">The command as the session has it, for the input's words ("the commands before Send-ConnectSms").</param>
        /// <param name="pace">What the engine measured.</param>
        public string? Line(string action, string commandName, DispatchPace pace) =>
            LimitOf(pace) is { } limit ? action + ": limited by " + Reason(limit, pace, commandName, verbose: true) : null;

        /// <summary>A run shorter than this is not warned of, however slow: a scheduled task's log is not the place for seconds.</summary>
        internal static readonly TimeSpan ShortestWarned = TimeSpan.FromMinutes(1);

        /// <summary>
        /// The warning of a run of a minute or more that went at less than half the pace its TPS allows, for a reason the admin
        /// may act on or take to the vendor: the service's answers, retries, or the input. Null otherwise, and for a run the TPS
        /// or -Confirm's questions held back: the first is the pace asked for, the second the admin's own. A scheduled task's log
        /// has no -Verbose, and "10,000 rows in 240 s" alone left its reader guessing.
        /// </summary>
        /// <param name="action">"Send SMS".</param>
        /// <param name="commandName">The command as the session has it.</param>
        /// <param name="pace">What the engine measured.</param>
        public string? Warning(string action, string commandName, DispatchPace pace)
        {
            if (pace.Elapsed < ShortestWarned || pace.Tps <= 0 || LimitOf(pace) is not { } limit) return null;
            if (limit is PaceLimit.Budget or PaceLimit.Questions) return null;
            if (pace.Destinations / pace.Elapsed.TotalSeconds >= pace.Tps / 2.0) return null;
            return action + ": " + pace.Destinations.ToString("N0", CultureInfo.InvariantCulture) + " destinations in " + Seconds(pace.Elapsed) +
                ", under half the pace of " + pace.Tps.ToString("N0", CultureInfo.InvariantCulture) + " a second the TPS allows: limited by " +
                Reason(limit, pace, commandName, verbose: false);
        }

        private string Reason(PaceLimit limit, DispatchPace pace, string commandName, bool verbose)
        {
            var of = " of " + Seconds(pace.Elapsed) + " waiting ";
            return limit switch
            {
                PaceLimit.Budget => "the TPS: " + pace.Budget + "; " + Of(pace.OnTheBudget) + of + "for it.",
                PaceLimit.Answers => "the service's answers: " + Seconds(pace.AverageAnswer, "0.00") + " each on average" +
                    (pace.ReachedMaxConcurrent ? " (" + pace.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture) + " requests out at once, the most)" : "") +
                    "; " + Of(pace.OnAnswers) + of + "for them.",
                PaceLimit.Retries => "retries: " + pace.Retries.ToString("N0", CultureInfo.InvariantCulture) + " " + (pace.Retries == 1 ? "request" : "requests") +
                    " sent again (" + (verbose ? "the lines above say" : "-Verbose says") + " why); " + Of(pace.OnRetries) + of + "to send again.",
                PaceLimit.Questions => "-Confirm's questions: " + Of(Asking) + of + "for answers.",
                _ => "the input: " + Of(pace.BetweenRows - Asking) + of + "for rows from the commands before " + commandName + ".",
            };
        }

        /// <summary>"4.8" of "4.8 of 5.2 s": the unit is said once.</summary>
        private static string Of(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

        private static string Seconds(TimeSpan span, string format = "0.0") =>
            span.TotalSeconds.ToString(format, CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>What limited a send run's pace (<see cref="RunPace.LimitOf"/>).</summary>
    internal enum PaceLimit
    {
        /// <summary>Rows came slowly: the commands before the send command.</summary>
        Input,

        /// <summary>-Confirm's questions.</summary>
        Questions,

        /// <summary>The TPS budget: requests waited at the rate gate.</summary>
        Budget,

        /// <summary>The service's answer time: requests out waited for their answers.</summary>
        Answers,

        /// <summary>Requests waited to be sent again (Retry-After, backoff).</summary>
        Retries,
    }
}
