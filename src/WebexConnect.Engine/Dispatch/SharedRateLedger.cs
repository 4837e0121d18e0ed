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
    /// The file, its locks and its one handle per process are <see cref="LedgerFile"/>'s; this class keeps the book.
    /// </remarks>
    internal sealed class SharedRateLedger : IRateLedger
    {
        private readonly LedgerFile _file;
        private readonly LedgerBook _book = new LedgerBook();
        private readonly long _idBase;
        private long _nextId;
        private readonly int _owner;
        private int _disposed;

        private SharedRateLedger(string path, int owner)
        {
            Path = path;
            _owner = owner;
            _file = LedgerFile.Acquire(path);

            // Ids must not collide between processes: a random high half, a counter below.
            var random = new byte[4];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(random);
            _idBase = (long)BitConverter.ToUInt32(random, 0) << 31;
        }

        public string Path { get; }

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

        internal static readonly int ProcessId = CurrentProcessId();
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

        /// <summary>
        /// Reads, edits and (for a change) rewrites the book under the file's change lock; sessions of this process
        /// share the file's one handle, so they take turns on it first.
        /// </summary>
        private T Locked<T>(Func<LedgerBook, T> change, bool write)
        {
            lock (_file)
            {
                _file.LockForChange();
                try
                {
                    var stream = _file.Stream;
                    stream.Position = 0;
                    using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true)) _book.Read(reader);
                    var result = change(_book);
                    if (write)
                    {
                        stream.Position = 0;
                        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) _book.Write(writer);
                        stream.SetLength(stream.Position);
                        stream.Flush();
                    }
                    return result;
                }
                finally
                {
                    _file.Unlock();
                }
            }
        }


        public void Dispose()
        {
            // The file counts its sessions: give this one back once.
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _file.Dispose();
        }
    }
}
