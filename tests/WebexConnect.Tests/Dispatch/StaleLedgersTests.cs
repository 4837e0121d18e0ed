using System;
using System.Diagnostics;
using System.IO;
using WebexConnect.Benchmarks.EndToEnd;
using WebexConnect.Engine;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Sending;
using WebexConnect.Tests.Faults;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// Before: every endpoint and credential left a ledger in the account's WebexConnect folder for good; loopback
    /// tests and trials on a new port each time left 3,800 on one developer's computer. A new ledger now removes
    /// those nothing has written to for a day, unless a live process holds them.
    /// </summary>
    public sealed class StaleLedgersTests : IDisposable
    {
        private static readonly DateTime Now = DateTime.UtcNow;
        private static readonly DateTime TwoDaysAgo = Now.AddDays(-2);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "WebexConnect-stale-" + Guid.NewGuid().ToString("N"));

        public StaleLedgersTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Ledger(string tenant) => SharedRateLedger.PathFor(new Uri("http://127.0.0.1:" + tenant + "/"), "jwt:svc", _folder);

        /// <summary>A ledger some run used and closed, last written at <paramref name="at"/>.</summary>
        private string Used(string tenant, DateTime at)
        {
            var path = Ledger(tenant);
            using (var ledger = SharedRateLedger.TryOpen(path, out var problem))
            {
                Assert.True(ledger != null, problem);
                Assert.True(ledger!.TryTake(10, 1, 0, MonotonicTicks.PerSecond, out _, out _));
            }
            File.SetLastWriteTimeUtc(path, at);
            return path;
        }

        [Fact]
        public void ALedgerUnwrittenForADayAndClosedIsRemovedAFreshOneAndOtherFilesAreKept()
        {
            var stale = Used("9001", TwoDaysAgo);
            var fresh = Used("9002", Now.AddHours(-23));
            var other = Path.Combine(_folder, "notes.txt");
            File.WriteAllText(other, "mine");
            File.SetLastWriteTimeUtc(other, TwoDaysAgo);
            var kept = Used("9003", TwoDaysAgo);

            Assert.Equal(1, StaleLedgers.Remove(_folder, keep: kept, Now));

            Assert.False(File.Exists(stale), "a ledger unwritten for two days, which no process has open");
            Assert.True(File.Exists(fresh), "written 23 hours ago");
            Assert.True(File.Exists(other), "not a ledger");
            Assert.True(File.Exists(kept), "the ledger being made");
        }

        [Fact]
        public void ALedgerASessionOfThisProcessHasOpenIsKeptAndStillShared()
        {
            var path = Used("9004", TwoDaysAgo);
            using var session = SharedRateLedger.TryOpen(path, out _)!;
            File.SetLastWriteTimeUtc(path, TwoDaysAgo);

            Assert.Equal(0, StaleLedgers.Remove(_folder, keep: Ledger("9005"), Now));

            Assert.True(File.Exists(path));
            // Another session of this process and the first still share one book: the earlier run's 1, and 3.
            using (var second = SharedRateLedger.TryOpen(path, out _)!)
                Assert.True(second.TryTake(10, 3, 0, MonotonicTicks.PerSecond, out _, out _));
            Assert.Equal(4, session.HeldAt(0));
        }

        [Fact]
        public void ALedgerAnotherLiveProcessHoldsIsKeptAndOnceThatProcessIsKilledItIsRemoved()
        {
            var path = Used("9006", TwoDaysAgo);
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { RealProcessKillTests.ChildProgram(), LedgerHoldChild.Mode, path }) start.ArgumentList.Add(arg);
            using var child = Process.Start(start)!;
            try
            {
                var said = child.StandardOutput.ReadLine();
                if (said != LedgerHoldChild.Holding) Assert.Fail("The child did not hold the ledger: " + said + child.StandardError.ReadToEnd());
                File.SetLastWriteTimeUtc(path, TwoDaysAgo);

                Assert.Equal(0, StaleLedgers.Remove(_folder, keep: Ledger("9007"), Now));
                Assert.True(File.Exists(path), "another process has it open: its sends count on it");
            }
            finally
            {
                // Killed while holding it, as a task at its time limit: the system drops its locks.
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            Assert.Equal(1, StaleLedgers.Remove(_folder, keep: Ledger("9007"), Now));
            Assert.False(File.Exists(path));
        }

        /// <summary>
        /// A process that opened a ledger just before another removed it finds the file marked as removed once it
        /// holds it, and opens the path again: a new ledger, the one later processes open too. A mark left at the
        /// path (its removal failed) is read as an empty book.
        /// </summary>
        [Fact]
        public void ALedgerMarkedRemovedIsOpenedAsANewEmptyOne()
        {
            var path = Ledger("9008");
            File.WriteAllBytes(path, BitConverter.GetBytes(-1));

            using var ledger = SharedRateLedger.TryOpen(path, out var problem);

            Assert.True(ledger != null, problem);
            Assert.Equal(0, ledger!.HeldAt(0));
            Assert.True(ledger.TryTake(10, 2, 0, MonotonicTicks.PerSecond, out _, out _));
            Assert.Equal(2, ledger.HeldAt(0));
        }

        /// <summary>
        /// Before: the first Connect on a computer with thousands of stale ledgers removed them all, and took 0.4-1.7 s;
        /// a scheduled task starts a new process, and pays its Connect, every few minutes. Now each Connect removes a
        /// few, the one that opens an existing ledger too, so the task's next runs clear out the rest.
        /// </summary>
        [Fact]
        public void EachConnectRemovesAFewStaleLedgersAndLaterConnectsToTheSameTenantRemoveTheRest()
        {
            var root = Path.Combine(_folder, "home");
            var folder = LedgerFolder.Ensure(root, out _)!;
            const int count = StaleLedgers.MostPerConnect * 2 + 5;
            for (var i = 0; i < count; i++)
            {
                var path = SharedRateLedger.PathFor(new Uri("http://127.0.0.1:" + (20000 + i) + "/"), "jwt:svc", folder);
                File.WriteAllBytes(path, new byte[64]);
                File.SetLastWriteTimeUtc(path, TwoDaysAgo);
            }
            var settings = new ConnectionSettings { AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc", BaseUri = new Uri("http://127.0.0.1:9011/") };
            int Left() => Directory.GetFiles(folder, StaleLedgers.Pattern).Length - 1; // but the tenant's own

            // The first Connect makes the tenant's ledger; the next two open it again, as the task's next runs do.
            var left = new int[3];
            for (var run = 0; run < 3; run++)
            {
                using ((IDisposable)SessionBuilder.LedgerFor(settings, folder, out _)) left[run] = Left();
            }

            Assert.Equal(new[] { count - StaleLedgers.MostPerConnect, count - 2 * StaleLedgers.MostPerConnect, 0 }, left);
        }

        /// <summary>Connect makes the ledger through SessionBuilder: that is where a new one clears out the old.</summary>
        [Fact]
        public void MakingANewTenantsLedgerRemovesTheStaleOnesBesideIt()
        {
            var root = Path.Combine(_folder, "home");
            var folder = LedgerFolder.Ensure(root, out _)!;
            var stale = SharedRateLedger.PathFor(new Uri("http://127.0.0.1:9009/"), "jwt:svc", folder);
            using (SharedRateLedger.TryOpen(stale, out _)) { }
            File.SetLastWriteTimeUtc(stale, TwoDaysAgo);
            var settings = new ConnectionSettings { AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc", BaseUri = new Uri("http://127.0.0.1:9010/") };

            using (var made = (IDisposable)SessionBuilder.LedgerFor(settings, folder, out _))
            {
                Assert.False(File.Exists(stale));
                Assert.True(File.Exists(((SharedRateLedger)made).Path));
            }
        }
    }
}
