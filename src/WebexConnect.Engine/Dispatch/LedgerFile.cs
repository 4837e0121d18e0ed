using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// A tenant's ledger file as this process has it open: one handle per path, shared by every session of the
    /// process, holding a byte-range lock of its own for as long as a session uses it, so that
    /// <see cref="TryRetire"/> in another process can tell a ledger in use from one nobody has open.
    /// </summary>
    /// <remarks>
    /// The file's locks, all far past the data (on Windows a locked range cannot be read through other handles):
    /// the change lock at <see cref="ChangeOffset"/>, held for one read-edit-write; and <see cref="HolderSlots"/>
    /// bytes after it, one held by each process that has the ledger open. A byte-range lock belongs to the process
    /// (fcntl) and closing any handle of the process to the file drops them all: hence one handle per path, closed
    /// when its last session ends, and <see cref="TryRetire"/> never opening a file this process has open. A process
    /// that is killed loses its locks with it, as before: its ledger is then a file nobody holds.
    /// </remarks>
    internal sealed class LedgerFile : IDisposable
    {
        private const long ChangeOffset = 1L << 30;
        private const int HolderSlots = 128;
        private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The first four bytes of a ledger <see cref="TryRetire"/> removed: a process that opened it just before
        /// sees this once it holds it, and opens the path again. <see cref="LedgerBook.Read"/> takes it for an empty
        /// book (it is no format version), so a module without this class just starts over.
        /// </summary>
        private const int RetiredMark = -1;

        private static readonly Dictionary<string, LedgerFile> Open = new Dictionary<string, LedgerFile>(StringComparer.Ordinal);

        private readonly string _path;
        private int _users;

        private LedgerFile(string path, FileStream stream)
        {
            _path = path;
            Stream = stream;
        }

        /// <summary>The shared handle: use it only between <see cref="LockForChange"/> and <see cref="Unlock"/>.</summary>
        public FileStream Stream { get; }

        /// <summary>
        /// The ledger at <paramref name="path"/>, opened (or created) and held for one more session of this process;
        /// give it back with <see cref="Dispose"/>.
        /// </summary>
        public static LedgerFile Acquire(string path)
        {
            // One key per file, however the folder was spelled: TryRetire must recognise a file this process holds.
            path = Path.GetFullPath(path);
            lock (Open)
            {
                if (!Open.TryGetValue(path, out var file))
                {
                    file = new LedgerFile(path, OpenHeld(path));
                    Open[path] = file;
                }
                file._users++;
                return file;
            }
        }

        /// <summary>
        /// Opens the path and takes a holder's byte; opens it again when the file turns out to be one that
        /// <see cref="TryRetire"/> removed between the open and the hold (a few times: a mark no one removed is
        /// overwritten by the first change, as an empty book).
        /// </summary>
        private static FileStream OpenHeld(string path)
        {
            for (var attempt = 0; ; attempt++)
            {
                var stream = OpenStream(path);
                try
                {
                    TakeHolderSlot(stream);
                    if (attempt < 3 && IsRetired(stream))
                    {
                        stream.Dispose();
                        continue;
                    }
                    return stream;
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }
        }

        /// <summary>
        /// Opens or creates the file, unbuffered (buffer size 1): a buffer kept across the lock would show another
        /// process's old book. A new file is the account's alone (0600 on Linux), as its folder is.
        /// </summary>
        private static FileStream OpenStream(string path)
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

#pragma warning disable CA1416 // Lock/Unlock: SharedRateLedger.TryOpen never makes a shared ledger on macOS.

        /// <summary>
        /// Locks one of the holders' bytes, starting at one picked by the process id so that processes rarely try the
        /// same. All taken means a <see cref="TryRetire"/> holds them for a moment, or 128 processes use the ledger:
        /// after <see cref="LockPatience"/> go on without a byte, as every process did before there were any.
        /// </summary>
        private static void TakeHolderSlot(FileStream stream)
        {
            var first = SharedRateLedger.ProcessId % HolderSlots;
            var started = MonotonicTicks.Now();
            while (true)
            {
                for (var i = 0; i < HolderSlots; i++)
                {
                    try
                    {
                        stream.Lock(ChangeOffset + 1 + (first + i) % HolderSlots, 1);
                        return;
                    }
                    catch (IOException)
                    {
                        // Another process's byte.
                    }
                }
                if (MonotonicTicks.Now() - started >= LockPatience.Ticks) return;
                Thread.Sleep(1);
            }
        }

        /// <summary>Whether the file starts with <see cref="RetiredMark"/>: read under the change lock, past any retiring.</summary>
        private static bool IsRetired(FileStream stream)
        {
            LockForChange(stream);
            try
            {
                if (stream.Length < 4) return false;
                stream.Position = 0;
                var head = new byte[4];
                var read = 0;
                while (read < 4)
                {
                    var n = stream.Read(head, read, 4 - read);
                    if (n == 0) return false;
                    read += n;
                }
                return BitConverter.ToInt32(head, 0) == RetiredMark;
            }
            finally
            {
                stream.Unlock(ChangeOffset, 1);
            }
        }

        /// <summary>Takes the change lock, waiting while another process is between its read and its write.</summary>
        public void LockForChange() => LockForChange(Stream);

        public void Unlock() => Stream.Unlock(ChangeOffset, 1);

        private static void LockForChange(FileStream stream)
        {
            var started = MonotonicTicks.Now();
            var spins = 0;
            while (true)
            {
                try
                {
                    stream.Lock(ChangeOffset, 1);
                    return;
                }
                catch (IOException) when (MonotonicTicks.Now() - started < LockPatience.Ticks)
                {
                    // A few microseconds, usually.
                    if (++spins < 20) Thread.SpinWait(50);
                    else Thread.Sleep(1);
                }
            }
        }

        /// <summary>
        /// Removes the ledger at <paramref name="path"/> if no process has it open (this one included) and nothing was
        /// written to it since <paramref name="unusedSince"/>. Holding the change lock and every holder's byte,
        /// it marks the file <see cref="RetiredMark"/>, then deletes it: a process that opened it meanwhile waits
        /// for a byte, then sees the mark and opens the path again (a new file).
        /// </summary>
        /// <returns>True when it was removed.</returns>
        public static bool TryRetire(string path, DateTime unusedSince)
        {
            path = Path.GetFullPath(path);
            lock (Open)
            {
                // Opening and closing a file this process holds would drop the process's locks on it.
                if (Open.ContainsKey(path)) return false;
                FileStream stream;
                try
                {
                    stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return false;
                }

                using (stream)
                {
                    try
                    {
                        stream.Lock(ChangeOffset, 1 + HolderSlots);
                    }
                    catch (IOException)
                    {
                        return false; // held by a live process, or being changed
                    }

                    try
                    {
                        // Written since it was listed: in use. A file made again at the path since this opened it
                        // is new, so this never removes a file it does not hold.
                        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) > unusedSince) return false;
                        stream.Position = 0;
                        stream.Write(BitConverter.GetBytes(RetiredMark), 0, 4);
                        stream.SetLength(4);
                        stream.Flush();
                        File.Delete(path);
                        return true;
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        return false;
                    }
                    finally
                    {
                        stream.Unlock(ChangeOffset, 1 + HolderSlots);
                    }
                }
            }
        }

#pragma warning restore CA1416

        /// <summary>One session fewer; the last closes the handle, which gives up this process's holder byte.</summary>
        public void Dispose()
        {
            lock (Open)
            {
                if (--_users > 0) return;
                Open.Remove(_path);
                Stream.Dispose();
            }
        }
    }
}
