using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.EndToEnd;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using Xunit;
using Xunit.Abstractions;

namespace WebexConnect.Tests.Faults
{
    /// <summary>
    /// The process really dies mid-run (Task Scheduler's time limit, a reboot): a child process sends through
    /// the real engine with a journal to a loopback sandbox this test runs, and is killed, whole process tree,
    /// once the server has accepted some rows but not all. The same send is then run again, in this process,
    /// with the journal the kill left behind. The child's results die with it, so the server is the judge.
    /// Runs alone: a second process sending at full tilt would steal the CPU from timing-sensitive tests.
    /// </summary>
    [Collection(RealProcessCollection.Name)]
    public class RealProcessKillTests
    {
        private const int Tps = 200;
        private const int Rows = 2000;
        private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

        private readonly ITestOutputHelper _output;

        public RealProcessKillTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task A_sending_process_killed_mid_run_then_run_again_with_its_journal_accepts_each_row_at_most_once()
        {
            // The child and the re-run must describe each row the same way, and the fault suite's checks read
            // the server's records through FaultBench's row names.
            Assert.Equal(FaultBench.Address(7), JournalSendChild.Address(7));
            Assert.Equal(FaultBench.CorrelationOf(7), JournalSendChild.CorrelationOf(7));

            var folder = Path.Combine(Path.GetTempPath(), "wxc-kill-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = FaultBench.Key, Tps = Tps, Latency = Latency });
                var journal = Path.Combine(folder, "people.journal");

                await RunChildAndKillMidRunAsync(host, journal);
                await WhenServerSettledAsync(host.Server);
                var acceptedByKilledRun = Enumerable.Range(1, Rows)
                    .Select(i => host.Server.AcceptedDestinations.CountOf(FaultBench.Address(i), FaultBench.CorrelationOf(i))).ToArray();
                var acceptedBefore = host.Server.AcceptedDestinations.Total;
                Assert.InRange(acceptedBefore, 1, Rows - 1);

                List<SendResult> rerun;
                using (var session = FaultBench.OpenSession(host, Tps))
                    rerun = Drive(session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None));

                var described = string.Join(", ", rerun.GroupBy(r => r.Status).Select(g => g.Key + " " + g.Count()))
                                + $"; the killed run had {acceptedBefore} accepted";
                _output.WriteLine("re-run: " + described);
                // One result per row, in order; nothing accepted twice; every status true to the server.
                FaultBench.AssertExactlyOnceAndTruthful(rerun, Rows, host.Server);
                for (var row = 1; row <= Rows; row++)
                {
                    var result = rerun[row - 1];
                    var accepted = host.Server.AcceptedDestinations.CountOf(FaultBench.Address(row), FaultBench.CorrelationOf(row));
                    // What the killed run had accepted is never sent again: skipped, or honestly Unknown.
                    if (acceptedByKilledRun[row - 1] == 1)
                        Assert.True(result.Status is SendStatus.Skipped or SendStatus.Unknown, $"row {row} accepted by the killed run is {result.Status}; {described}");
                    // In the end every row is accepted exactly once, or the user is told it is Unknown.
                    Assert.True(accepted == 1 || result.Status == SendStatus.Unknown, $"row {row} accepted {accepted}× and {result.Status}; {described}");
                }

                Assert.Equal(rerun.Count(r => r.Status == SendStatus.Queued), host.Server.AcceptedDestinations.Total - acceptedBefore);
                // The re-run did real work: the kill left rows that had never been sent.
                Assert.True(rerun.Count(r => r.Status == SendStatus.Queued) >= Rows / 4, described);
                Assert.DoesNotContain(rerun, r => r.Status == SendStatus.Failed);
            }
            finally
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>Starts the child send and kills its whole process tree once the server holds 20–60% of the rows.</summary>
        private static async Task RunChildAndKillMidRunAsync(LoopbackSandboxHost host, string journal)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { ChildProgram(), JournalSendChild.Mode, host.BaseUri.ToString(), journal,
                         Rows.ToString(CultureInfo.InvariantCulture), Tps.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(arg);
            start.Environment[BenchCredentials.KeyVariable] = FaultBench.Key;

            using var child = Process.Start(start) ?? throw new InvalidOperationException("The child send could not start.");
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            var low = Rows / 5;
            var high = Rows * 3 / 5;
            try
            {
                // Generous for a loaded machine: the child needs to start .NET, then ~2 s of sending at this TPS.
                var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                while (host.Server.AcceptedDestinations.Total < low)
                {
                    if (child.HasExited)
                        Assert.Fail($"The child exited ({child.ExitCode}) before the server had accepted {low} rows: {await errors}{await output}");
                    if (DateTime.UtcNow > until)
                        Assert.Fail($"The server had accepted only {host.Server.AcceptedDestinations.Total} rows after 30 s: this machine is too slow to kill the child mid-run.");
                    await Task.Delay(5);
                }

                var acceptedAtKill = host.Server.AcceptedDestinations.Total;
                child.Kill(entireProcessTree: true);
                Assert.True(acceptedAtKill <= high,
                    $"The server had already accepted {acceptedAtKill} of {Rows} rows (more than {high}) when the kill came: it did not land mid-run.");
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await child.WaitForExitAsync(exited.Token);
            }

            Assert.False(child.ExitCode == 0, "The child finished its send before it was killed: " + await output);
        }

        /// <summary>
        /// The killed child's last request may still be in the server's hands (its body half-read): wait until
        /// nothing new is recorded for a while, bounded.
        /// </summary>
        private static async Task WhenServerSettledAsync(SandboxServer server)
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            var seen = -1;
            while (DateTime.UtcNow < until && server.Requests.Count != seen)
            {
                seen = server.Requests.Count;
                await Task.Delay(Latency * 2);
            }
        }

        /// <summary>The re-run, as the same send cmdlet would do it: the child's rows, Add and TakeReady per record.</summary>
        private static List<SendResult> Drive(IDispatcher dispatcher)
        {
            using (dispatcher)
            {
                var results = new List<SendResult>(Rows);
                for (var row = 1; row <= Rows; row++)
                {
                    dispatcher.Add(JournalSendChild.Item(row));
                    results.AddRange(dispatcher.TakeReady());
                }

                results.AddRange(dispatcher.Complete());
                return results;
            }
        }

        /// <summary>
        /// The benchmark program, which the test project references: copied next to this assembly, else in its
        /// own build output. Its internal modes are the tests' child processes (StaleLedgersTests' too).
        /// </summary>
        internal static string ChildProgram()
        {
            var here = Path.GetDirectoryName(typeof(RealProcessKillTests).Assembly.Location)!;
            var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
            var candidates = new[]
            {
                typeof(JournalSendChild).Assembly.Location,
                Path.Combine(RepoPaths.Root, "tests", "WebexConnect.Benchmarks", "bin", configuration, "net10.0", "WebexConnect.Benchmarks.dll"),
            };
            // `dotnet program.dll` needs the program's runtimeconfig beside it.
            var program = candidates.FirstOrDefault(p => File.Exists(p) && File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")));
            return program ?? throw new InvalidOperationException("Cannot find a runnable WebexConnect.Benchmarks.dll; looked at " + string.Join(", ", candidates));
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class RealProcessCollection
    {
        public const string Name = "Real child processes";
    }
}
