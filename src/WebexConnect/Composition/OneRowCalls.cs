using System;
using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Calls of a send command from one place in a script, one right after another, each sending one row given on the
    /// command line: the foreach loop of a script moved from Invoke-RestMethod (foreach ($r in Import-Csv c.csv)
    /// { Send-ConnectSms -To $r.Phone ... }). Each such call makes a request of its own and waits for its answer, so the
    /// rows go one at a time, not up to 1000 a request at the session's TPS, and every result says Row 1. The loop works, so
    /// nothing said so: a 10,000-row job took an hour where one piped call takes minutes. One warning per place, per process.
    /// </summary>
    /// <remarks>
    /// Only after <see cref="Threshold"/> such calls in a row, so that a script that sends a few alerts one by one, or a
    /// console user who runs a command again, hears nothing. A call that is piped or sends several rows, or that comes
    /// more than <see cref="Gap"/> after the last one from its place ended, starts the count again. Only calls in a script
    /// file count: the console's commands, and a host's (a C# program's AddScript or AddCommand), have no place of their own
    /// to tell one loop from many commands that each send one message.
    /// </remarks>
    internal sealed class OneRowCalls
    {
        /// <summary>The calls in a row from one place that bring the warning.</summary>
        public const int Threshold = 20;

        /// <summary>The most time between the end of one call and the start of the next for both to count as one loop.</summary>
        public static readonly TimeSpan Gap = TimeSpan.FromSeconds(2);

        // The places a process has seen: a scheduled script has a handful; the cap keeps a host that runs generated
        // commands for months from growing without end.
        private const int MaxPlaces = 1000;

        /// <summary>The process's own: a loop's calls are separate commands, so the count outlives each of them.</summary>
        public static OneRowCalls OfProcess { get; } = new OneRowCalls();

        private readonly object _gate = new object();
        private readonly Dictionary<string, Place> _places = new Dictionary<string, Place>(StringComparer.Ordinal);

        private sealed class Place
        {
            public int Calls;
            public DateTime LastEnd;
            public bool Warned;
        }

        /// <summary>
        /// A call ended: the warning to write when it is the <see cref="Threshold"/>th one-row call in a row from its place,
        /// else null (and null for every later call from there).
        /// </summary>
        /// <param name="command">The command's name as invoked ("Send-ConnectSms").</param>
        /// <param name="script">The script file the call is in; empty for the command line (not counted).</param>
        /// <param name="line">The call's line in it.</param>
        /// <param name="column">The call's column on that line.</param>
        /// <param name="oneRow">It sent one row, given on the command line, not piped.</param>
        /// <param name="began">When the call began (UTC).</param>
        /// <param name="ended">When it ended (UTC).</param>
        /// <param name="example">A piped call of the command that does the same, for the advice.</param>
        public string? Ended(string command, string script, int line, int column, bool oneRow, DateTime began, DateTime ended, string example)
        {
            if (script.Length == 0) return null;
            var key = command + "|" + script + "|" + line.ToString(CultureInfo.InvariantCulture) + "|" + column.ToString(CultureInfo.InvariantCulture);
            lock (_gate)
            {
                if (!_places.TryGetValue(key, out var place))
                {
                    if (!oneRow) return null;
                    if (_places.Count >= MaxPlaces) _places.Clear();
                    _places[key] = place = new Place();
                }
                var inARow = oneRow && place.Calls > 0 && began - place.LastEnd <= Gap;
                place.Calls = oneRow ? (inARow ? place.Calls + 1 : 1) : 0;
                place.LastEnd = ended;
                if (place.Warned || place.Calls < Threshold) return null;
                place.Warned = true;
            }
            return Warning(command, script, line, example);
        }

        private static string Warning(string command, string script, int line, string example) =>
            command + " was called " + Threshold.ToString(CultureInfo.InvariantCulture) + " times in a row from " + script + ", line " +
            line.ToString(CultureInfo.InvariantCulture) +
            ", each time for one row given on the command line: each call sends a request of its own and waits for its answer, " +
            "so the rows go one at a time, not up to 1000 a request at the session's TPS, and every result says Row 1. " +
            "Pipe the rows into one call instead, their columns giving -To, the text and its $(name) values: " + example +
            " (about_WebexConnect, \"Moving a script from Invoke-RestMethod\"). Said once for this place.";
    }
}
