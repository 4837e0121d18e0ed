using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Faults
{
    /// <summary>
    /// The process is killed mid-run (Task Scheduler's time limit, a reboot) and the same send is run again
    /// with the same -Journal. A kill is simulated in-process: at one instant the server stops taking anything
    /// from the dying run and the journal file is copied as the kill would have left it; the re-run, in a new
    /// session, reads that copy.
    /// </summary>
    public class KilledRunFaultTests
    {
        private const int Tps = 400;
        private const int Rows = 2000;

        [Fact]
        public async Task A_run_killed_mid_run_then_run_again_with_its_journal_sends_each_destination_at_most_once_and_says_so()
        {
            await using var killed = await KilledAndRerunAsync();
            var results = killed.Rerun;

            FaultBench.AssertExactlyOnceAndTruthful(results, Rows, killed.Host.Server);
            var byStatus = killed.Describe();
            // What the killed run had confirmed is skipped, never sent again: every row its journal says was queued, however
            // many that was at the kill (a busy machine confirms fewer by then, or sends the first rows part-full).
            Assert.True(killed.KeysConfirmedAtTheKill > 0, byStatus);
            Assert.Equal(killed.KeysConfirmedAtTheKill, results.Count(r => r.Status == SendStatus.Skipped));
            Assert.Equal(results.Count(r => r.Status == SendStatus.Queued), killed.Host.Server.AcceptedDestinations.Total - killed.AcceptedBeforeRerun);
            // The request in flight at the kill had been taken by the server: its rows are Unknown (honest), not
            // resent, and say how to resend them on purpose.
            for (var row = 1; row <= Rows; row++)
            {
                if (killed.AcceptedBeforeRerunOf(row) == 1)
                    Assert.Contains(results[row - 1].Status, new[] { SendStatus.Skipped, SendStatus.Unknown });
            }
            Assert.Contains(results, r => r.Status == SendStatus.Unknown);
            Assert.All(results.Where(r => r.Status == SendStatus.Unknown), r => Assert.Contains("-ResendUnknown", r.Reason));
            Assert.DoesNotContain(results, r => r.Status == SendStatus.Failed);
        }

        [Fact]
        public async Task Rows_that_never_left_the_killed_process_are_sent_by_the_rerun()
        {
            await using var killed = await KilledAndRerunAsync();

            // Unknown only for what was on its way at the kill, as the journal it left says: the rows whose intent was
            // written and whose outcome was not (taken but unconfirmed, cut by the kill, or about to leave when it came:
            // how many of each depends on the threads' timing). Every row the journal never saw leave is sent.
            Assert.Equal(killed.KeysInFlightAtTheKill, killed.Rerun.Count(r => r.Status == SendStatus.Unknown));
            Assert.Equal(Rows, killed.Rerun.Count(r => r.Status is SendStatus.Unknown or SendStatus.Skipped or SendStatus.Queued));
            var takenButUnconfirmed = killed.AcceptedBeforeRerun - killed.Rerun.Count(r => r.Status == SendStatus.Skipped);
            Assert.True(killed.KeysInFlightAtTheKill >= takenButUnconfirmed, killed.Describe());
        }

        private static async Task<KilledRun> KilledAndRerunAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "wxc-faults-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            // 300 ms per answer: a request is in flight at the kill.
            var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions
                { ServiceKey = FaultBench.Key, Tps = Tps, Latency = TimeSpan.FromMilliseconds(300) });
            var journal = Path.Combine(folder, "people.journal");
            var leftByTheKill = Path.Combine(folder, "after-kill.journal");

            await KillMidRunAsync(host, journal, leftByTheKill);
            var killed = new KilledRun(host, folder);

            using var rerunSession = FaultBench.OpenSession(host, Tps);
            killed.Rerun = FaultBench.Drive(rerunSession.CreateDispatcher(new DispatchOptions { JournalPath = leftByTheKill }, CancellationToken.None), 1, Rows);
            return killed;
        }

        /// <summary>Runs the send until a request is in flight after one was answered, then "kills" it.</summary>
        private static async Task KillMidRunAsync(LoopbackSandboxHost host, string journal, string leftByTheKill)
        {
            using var session = FaultBench.OpenSession(host, Tps);
            using var kill = new CancellationTokenSource();
            var resultsTaken = 0;
            var dying = Task.Run(() =>
            {
                using var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, kill.Token);
                for (var i = 1; i <= Rows; i++)
                {
                    dispatcher.Add(FaultBench.Item(i));
                    Interlocked.Add(ref resultsTaken, dispatcher.TakeReady().Count);
                }
                foreach (var _ in dispatcher.Complete()) { }
            });

            // A second's worth of requests leaves at once and is answered 300 ms later; the next second's first
            // request has just been taken by the server (its answer comes 300 ms later), so the kill finds some on the wire.
            // And the run has had its first results, so their outcome is in its journal (written before a result is handed
            // over): some confirmed. The server's answers alone did not say so: a busy machine records them late.
            var firstSecond = Tps / RateGate.BatchSizeFor(Tps);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (host.Server.Requests.Count(r => r.StatusCode == 201) <= firstSecond || Volatile.Read(ref resultsTaken) == 0)
            {
                Assert.True(DateTime.UtcNow < until, "the run never got past its first second");
                await Task.Delay(5);
            }

            // The instant of the kill: nothing more from this run reaches the server, and its journal stays as it is now.
            for (var i = 0; i < 1000; i++) host.Server.Faults.Enqueue(SandboxFault.DropBeforeBody);
            await CopyHeldFileAsync(journal, leftByTheKill);
            kill.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);
            // A request the server took before the kill may be accepted after the run is over (a busy machine runs its thread
            // late): what the server holds is counted once it has handled them all, so nothing late lands in the re-run's count.
            Assert.True(await host.WaitUntilIdleAsync(TimeSpan.FromSeconds(20)), "the server was still handling the killed run's requests");
            host.Server.Faults.Clear();
        }

        /// <summary>
        /// The running journal holds an exclusive lock (flock on Unix, which .NET's own readers respect): copy it
        /// the way a backup tool would, with cp, which ignores advisory locks. Windows shares it for reading.
        /// </summary>
        private static async Task CopyHeldFileAsync(string from, string to)
        {
            if (OperatingSystem.IsWindows())
            {
                File.Copy(from, to);
                return;
            }

            using var cp = Process.Start(new ProcessStartInfo("cp", new[] { from, to }) { UseShellExecute = false })!;
            await cp.WaitForExitAsync();
            Assert.Equal(0, cp.ExitCode);
        }
    
        /// <summary>The server and what it held when the killed run was over, and the re-run's results.</summary>
        private sealed class KilledRun : IAsyncDisposable
        {
            private readonly string _folder;
            private readonly int[] _acceptedBefore;

            public KilledRun(LoopbackSandboxHost host, string folder)
            {
                Host = host;
                _folder = folder;
                AcceptedBeforeRerun = host.Server.AcceptedDestinations.Total;
                _acceptedBefore = Enumerable.Range(1, Rows)
                    .Select(i => host.Server.AcceptedDestinations.CountOf(FaultBench.Address(i), FaultBench.CorrelationOf(i))).ToArray();
                RequestsCutByTheKill = host.Server.Requests.Count(r => r.Fault == "DropBeforeBody");
                var left = LastStates(Path.Combine(folder, "after-kill.journal"));
                KeysInFlightAtTheKill = left.Count(s => s is "intent" or "unknown");
                KeysConfirmedAtTheKill = left.Count(s => s == "queued");
                Arrivals = string.Join(" ", host.Server.Requests.Select(r => r.StatusCode + (r.Fault == null ? "" : "/" + r.Fault)));
            }

            public LoopbackSandboxHost Host { get; }
            public long AcceptedBeforeRerun { get; }
            public int RequestsCutByTheKill { get; }

            /// <summary>The keys whose last line in the journal the kill left is an intent (or unknown): maybe sent.</summary>
            public int KeysInFlightAtTheKill { get; }

            /// <summary>The keys whose last line in the journal the kill left says the service queued them.</summary>
            public int KeysConfirmedAtTheKill { get; }
            public string Arrivals { get; }
            public System.Collections.Generic.List<SendResult> Rerun { get; set; } = new System.Collections.Generic.List<SendResult>();

            public int AcceptedBeforeRerunOf(int row) => _acceptedBefore[row - 1];

            public string Describe() =>
                "re-run: " + string.Join(", ", Rerun.GroupBy(r => r.Status).Select(g => g.Key + " " + g.Count())) + "; killed run's requests: " + Arrivals +
                "; in flight by its journal: " + KeysInFlightAtTheKill + ", confirmed: " + KeysConfirmedAtTheKill;

            /// <summary>Each key's last state in the journal.</summary>
            private static System.Collections.Generic.List<string> LastStates(string journal)
            {
                var last = new System.Collections.Generic.Dictionary<string, string>();
                foreach (var line in File.ReadLines(journal).Skip(1))
                {
                    System.Text.Json.JsonDocument document;
                    // A last line the copy cut short is dropped, as the journal's own reader drops it.
                    try { document = System.Text.Json.JsonDocument.Parse(line); }
                    catch (System.Text.Json.JsonException) { continue; }
                    using (document)
                    {
                        var state = document.RootElement.GetProperty("s").GetString()!;
                        foreach (var key in document.RootElement.GetProperty("k").EnumerateArray()) last[key.GetString()!] = state;
                    }
                }
                return last.Values.ToList();
            }

            public async ValueTask DisposeAsync()
            {
                await Host.DisposeAsync();
                try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
            }
        }
    }
}
