using System;
using System.IO;
using WebexConnect.Engine;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// Where the shared TPS ledger lives on a server other accounts use. Before: /tmp/WebexConnect-tps-&lt;hash&gt;.ledger,
    /// a name anyone could work out from the endpoint and the Service ID, in a folder anyone may write; a symbolic
    /// link another user planted there made the admin's send rewrite the file it named (root's own, under a root task).
    /// </summary>
    public class LedgerFolderTests
    {
        [Fact]
        public void ATenantsLedgerIsInTheAccountsOwnFolderNotTheTempFolderEveryAccountWrites()
        {
            var settings = new ConnectionSettings { AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc-" + Guid.NewGuid().ToString("N"), BaseUri = new Uri("http://127.0.0.1:9/") };

            var ledger = SessionBuilder.LedgerFor(settings);
            try
            {
                var shared = Assert.IsType<SharedRateLedger>(ledger);
                var own = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), LedgerFolder.Name);
                Assert.Equal(own, Path.GetDirectoryName(shared.Path));
                Assert.False(shared.Path.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), shared.Path);
            }
            finally
            {
                var path = (ledger as SharedRateLedger)?.Path;
                (ledger as IDisposable)?.Dispose();
                if (path != null) File.Delete(path);
            }
        }

        [Fact]
        public void OnLinuxTheFolderAndANewLedgerAreReadableByTheAccountOnly()
        {
            if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) return;
            var root = Path.Combine(Path.GetTempPath(), "WebexConnect-test-" + Guid.NewGuid().ToString("N"), ".local", "share");
            try
            {
                var folder = LedgerFolder.Ensure(root, out _);
                Assert.Equal(Path.Combine(root, LedgerFolder.Name), folder);
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder!));

                var path = SharedRateLedger.PathFor(new Uri("http://127.0.0.1:9/"), "jwt:svc", folder!);
                using (var ledger = SharedRateLedger.TryOpen(path, out var problem))
                {
                    Assert.True(ledger != null, problem);
                    Assert.True(ledger!.TryTake(10, 1, 0, MonotonicTicks.PerSecond, out _, out _));
                }

                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(root))!, recursive: true);
            }
        }

        [Fact]
        public void AnAccountWithoutAFolderOfItsOwnGetsNoSharedLedgerRatherThanOneInTemp()
        {
            Assert.Null(LedgerFolder.Ensure("", out var none));
            Assert.Contains("no local application data folder", none, StringComparison.Ordinal);
            Assert.Null(LedgerFolder.Ensure(null, out _));
            Assert.Null(LedgerFolder.Ensure("relative/share", out _));
        }

        /// <summary>
        /// Before: a ledger that could not be used (no writable home for a service account) left the budget unshared in
        /// silence. Connect-WebexConnect -Verbose now says which file it is shared through, or why it is not.
        /// </summary>
        [Fact]
        public void WhatConnectVerboseSaysOfTheSharingNamesTheFileOrWhyThereIsNone()
        {
            var settings = new ConnectionSettings { AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc-" + Guid.NewGuid().ToString("N"), BaseUri = new Uri("http://127.0.0.1:9/") };

            var ledger = SessionBuilder.LedgerFor(settings, out var shared);
            try
            {
                Assert.StartsWith("TPS budget shared with this account's other processes sending to this tenant, through ", shared, StringComparison.Ordinal);
                Assert.EndsWith(((SharedRateLedger)ledger).Path + ".", shared, StringComparison.Ordinal);
            }
            finally
            {
                var path = ((SharedRateLedger)ledger).Path;
                ((IDisposable)ledger).Dispose();
                File.Delete(path);
            }

            using (var local = (IDisposable)SessionBuilder.LedgerFor(new ConnectionSettings { BaseUri = settings.BaseUri, NoSharedTps = true }, out var kept))
                Assert.Equal("TPS budget kept to this session (-NoSharedTps or WEBEXCONNECT_NO_SHARED_TPS).", kept);
        }
    }
}
