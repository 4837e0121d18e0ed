using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// A tenant's ledger in a small file in the account's own <see cref="LedgerFolder"/>, so that every process of
    /// this account sending to the same tenant (same base URI, same credential identity) spends one TPS budget. Each change
    /// reads, edits and rewrites the file under an exclusive byte-range lock (LockFileEx on Windows, fcntl on
    /// Linux, in .NET and Mono alike; .NET has no byte-range locks on macOS, where each process keeps its own budget), which the operating system drops when its holder dies, so a
    /// killed process never blocks the others. Entries carry their process's id: those of a process that is
    /// no longer running end a second after that is noticed (what it had sent has arrived or never will).
    /// </summary>
    /// <remarks>
    /// A byte-range lock belongs to the process, not the handle, so sessions in one process exclude each
    /// other with a monitor per file first. The lock covers a byte far past the data: on Windows a locked range
    /// cannot be read through other handles, and readers must never trip over it.
    /// </remarks>
    internal sealed class SharedRateLedger : IRateLedger
    {
        private const long LockOffset = 1L << 30;
        private static readonly Dictionary<string, object> ProcessLocks = new Dictionary<string, object>(StringComparer.Ordinal);
        private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);

        private readonly FileStream _file;
        private readonly object _processLock;
        private readonly LedgerBook _book = new LedgerBook();
        private readonly long _idBase;
        private long _nextId;
        private readonly int _owner;

        private SharedRateLedger(string path, int owner)
        {
            Path = path;
            _owner = owner;
            _file = OpenFile(path);
            lock (ProcessLocks)
            {
                if (!ProcessLocks.TryGetValue(path, out var existing)) ProcessLocks[path] = existing = new object();
                _processLock = existing;
            }

            // Ids must not collide between processes: a random high half, a counter below.
            var random = new byte[4];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(random);
            _idBase = (long)BitConverter.ToUInt32(random, 0) << 31;
        }

        public string Path { get; }

        /// <summary>
        /// Opens or creates the file, unbuffered (buffer size 1): a buffer kept across the lock would show another
        /// process's old book. A new file is the account's alone (0600 on Linux), as its folder is.
        /// </summary>
        private static FileStream OpenFile(string path)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.ReadWrite | FileShare.Delete,
                    BufferSize = 1,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
#endif
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }

        public bool IsShared => true;

        /// <summary>
        /// The ledger file for a tenant: its name is a hash of the base URI and the credential identity (the
        /// service ID, or a hash of the service key), so neither the key nor the tenant can be read from it.
        /// </summary>
        public static string PathFor(Uri baseUri, string credentialIdentity, string folder)
        {
            using var sha = SHA256.Create();
            var text = baseUri.AbsoluteUri.TrimEnd('/').ToLowerInvariant() + "\n" + credentialIdentity;
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var name = new StringBuilder("WebexConnect-tps-");
            for (var i = 0; i < 16; i++) name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return System.IO.Path.Combine(folder, name.Append(".ledger").ToString());
        }

        /// <summary>A hash of a secret, for <see cref="PathFor"/>: the secret itself never reaches a file name.</summary>
        public static string HashOf(byte[] secret)
        {
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(secret));
        }

        /// <summary>Opens the shared ledger, or returns null (with the reason) when the file cannot be used.</summary>
        public static SharedRateLedger? TryOpen(string path, out string? problem) => TryOpen(path, ProcessId, out problem);

        /// <summary>As <see cref="TryOpen(string, out string?)"/>, booking as <paramref name="owner"/> (tests: another process's book).</summary>
        internal static SharedRateLedger? TryOpen(string path, int owner, out string? problem)
        {
            if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.OSX))
            {
                problem = "byte-range file locks are not available on macOS";
                return null;
            }

            try
            {
                problem = null;
                return new SharedRateLedger(path, owner);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                problem = ex.Message;
                return null;
            }
        }

        public bool TryTake(int limit, int destinations, long now, long until, out long id, out long retryAt)
        {
            var taken = Interlocked.Increment(ref _nextId) + _idBase;
            id = taken;
            var retry = 0L;
            var ok = Locked(book =>
            {
                book.EndDeadOwners(now, _owner, IsAlive);
                return book.TryTake(limit, destinations, now, until, taken, _owner, out retry);
            }, write: true);
            retryAt = retry;
            return ok;
        }

        public void Settle(long id, long until) => Locked(book => book.Settle(id, until), write: true);

        public int HeldAt(long now) => Locked(book => book.HeldAt(now), write: false);

        public int HeldAt(long now, out int byOthers)
        {
            var (held, others) = Locked(book => (book.HeldAt(now, _owner, out var fromOthers), fromOthers), write: false);
            byOthers = others;
            return held;
        }

#pragma warning disable CA1416 // Lock/Unlock: TryOpen never makes a shared ledger on macOS.
        private static readonly int ProcessId = CurrentProcessId();
        private readonly Dictionary<int, (bool Alive, long Checked)> _liveness = new Dictionary<int, (bool, long)>();

        private static int CurrentProcessId()
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return self.Id;
        }

        /// <summary>Whether another process is still running; asked at most once a second per process.</summary>
        private bool IsAlive(int processId)
        {
            var now = MonotonicTicks.Now();
            if (_liveness.TryGetValue(processId, out var known) && now - known.Checked < MonotonicTicks.PerSecond) return known.Alive;
            bool alive;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                alive = !process.HasExited;
            }
            catch (ArgumentException)
            {
                alive = false;
            }
            catch (InvalidOperationException)
            {
                alive = false;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Another user's process: it exists.
                alive = true;
            }

            _liveness[processId] = (alive, now);
            return alive;
        }

        private T Locked<T>(Func<LedgerBook, T> change, bool write)
        {
            lock (_processLock)
            {
                AcquireFileLock();
                try
                {
                    _file.Position = 0;
                    using (var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true)) _book.Read(reader);
                    var result = change(_book);
                    if (write)
                    {
                        _file.Position = 0;
                        using (var writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true)) _book.Write(writer);
                        _file.SetLength(_file.Position);
                        _file.Flush();
                    }
                    return result;
                }
                finally
                {
                    _file.Unlock(LockOffset, 1);
                }
            }
        }

        private void AcquireFileLock()
        {
            var started = MonotonicTicks.Now();
            var spins = 0;
            while (true)
            {
                try
                {
                    _file.Lock(LockOffset, 1);
                    return;
                }
                catch (IOException) when (MonotonicTicks.Now() - started < LockPatience.Ticks)
                {
                    // Another process is between its read and its write: a few microseconds, usually.
                    if (++spins < 20) Thread.SpinWait(50);
                    else Thread.Sleep(1);
                }
            }
        }

#pragma warning restore CA1416

        public void Dispose() => _file.Dispose();
    }
}
