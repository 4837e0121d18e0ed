using System;
using System.Linq;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// The warning for a script that calls a send command once per row in a loop (a script moved from Invoke-RestMethod):
    /// its rows go one request at a time, not batched at the session's TPS.
    /// </summary>
    public class OneRowCallsTests
    {
        private const string Example = "Import-Csv ./people.csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)'";
        private static readonly DateTime Start = new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

        /// <summary>Calls from one place, each 100 ms long and 10 ms after the last: what a foreach loop does.</summary>
        private static string?[] Loop(OneRowCalls calls, int count, string script = "/scripts/send.ps1", int line = 12, bool oneRow = true, DateTime? from = null)
        {
            var at = from ?? Start;
            var said = new string?[count];
            for (var i = 0; i < count; i++)
            {
                said[i] = calls.Ended("Send-ConnectSms", script, line, 5, oneRow, at, at.AddMilliseconds(100), Example);
                at = at.AddMilliseconds(110);
            }
            return said;
        }

        [Fact]
        public void WarnsOnceAtTheThresholdthCallOfALoopAndNamesThePlaceAndThePipedCall()
        {
            var said = Loop(new OneRowCalls(), 100);

            Assert.All(said.Take(OneRowCalls.Threshold - 1), Assert.Null);
            Assert.Equal("Send-ConnectSms was called 20 times in a row from /scripts/send.ps1, line 12, each time for one row given on the " +
                "command line: each call sends a request of its own and waits for its answer, so the rows go one at a time, not up to " +
                "1000 a request at the session's TPS, and every result says Row 1. Pipe the rows into one call instead, their columns " +
                "giving -To, the text and its $(name) values: Import-Csv ./people.csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' " +
                "(about_WebexConnect, \"Moving a script from Invoke-RestMethod\"). Said once for this place.", said[OneRowCalls.Threshold - 1]);
            Assert.All(said.Skip(OneRowCalls.Threshold), Assert.Null);
        }

        [Fact]
        public void AFewCallsSayNothing()
        {
            // A script that sends a handful of alerts one by one is no loop over a CSV.
            Assert.All(Loop(new OneRowCalls(), OneRowCalls.Threshold - 1), Assert.Null);
        }

        [Fact]
        public void PipedOrManyRowCallsSayNothing()
        {
            // Group-Object ... | ForEach-Object { $_.Group | Send-ConnectSms -From $_.Name ... }: each call sends its group, piped.
            Assert.All(Loop(new OneRowCalls(), 100, oneRow: false), Assert.Null);
        }

        [Fact]
        public void CallsFromOtherPlacesCountApart()
        {
            var calls = new OneRowCalls();
            for (var i = 0; i < OneRowCalls.Threshold - 1; i++)
            {
                Assert.Null(Loop(calls, 1, line: 12, from: Start.AddSeconds(i * 0.2))[0]);
                Assert.Null(Loop(calls, 1, line: 30, from: Start.AddSeconds(i * 0.2 + 0.1))[0]);
            }
        }

        [Fact]
        public void APauseOrAPipedCallBetweenStartsTheCountAgain()
        {
            var calls = new OneRowCalls();
            Loop(calls, OneRowCalls.Threshold - 1);
            // The same line run again later (a scheduled script's next pass in the same process, a console command repeated).
            var later = Start.AddSeconds(10);
            Assert.All(Loop(calls, OneRowCalls.Threshold - 1, from: later), Assert.Null);
            Assert.NotNull(Loop(calls, 1, from: later.AddMilliseconds(110 * (OneRowCalls.Threshold - 1)))[0]);

            var other = new OneRowCalls();
            Loop(other, OneRowCalls.Threshold - 1);
            Loop(other, 1, oneRow: false, from: Start.AddMilliseconds(110 * (OneRowCalls.Threshold - 1)));
            Assert.Null(Loop(other, 1, from: Start.AddMilliseconds(110 * OneRowCalls.Threshold))[0]);
        }

        [Fact]
        public void CallsOutsideAScriptFileSayNothing()
        {
            // The console's commands, and a C# host's AddScript: line 1 of no file, each one of them, loop or not.
            Assert.All(Loop(new OneRowCalls(), 100, script: "", line: 1), Assert.Null);
        }
    }
}
