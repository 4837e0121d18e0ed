using System;
using System.Collections.Concurrent;
using System.IO;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// What this process last read of each journal, kept from the end of one send run to the start of the next, so that
    /// the next run on the same file reads only the lines appended since. A script's foreach loop of one-row calls with one
    /// -Journal (what the about topic recommends) makes each call a run of its own: before, each call read the whole journal
    /// before its row, so a loop of N rows read some N²/2 lines, and its calls grew slower row by row.
    /// </summary>
    /// <remarks>
    /// A run takes what is kept (no two runs share it: the journal's lock lets one run at a time have it), reads on from where
    /// the last read stopped, and gives it back when it closes the file, stamped with the file as it left it: its length, its
    /// last write time, and its first and last bytes before that point. The next run reads on only when the file is still
    /// exactly that; anything else (another process appended, the file was replaced, cut back, edited or is another journal)
    /// and it reads the file whole, as every run did before. So a row another process sent between two calls is Skipped.
    /// </remarks>
    internal static class JournalsReadHere
    {
        // A handful: a script gives one journal to its loop. What is kept is what a run holds while it runs (a key and the
        // last entry per row), held on after it for the next call.
        private const int MostKept = 4;
        // Kept only when a following call gains from it: a loop's journal of some thousand rows, read anew a call, is what
        // reading on saves. After a run that read a journal of a million rows (a piped rerun) an interactive session held its
        // read state (an entry a row) until the process ended, for a one-row call that may never come. Measured (xunit, net10.0, a journal read back): an
        // entry costs about 160 B, about 310 B with its row's destination hash; so at most some 16-31 MB a journal is kept.
        // A larger journal is read whole by the next run, as every run did before; one read of it costs little beside its run.
        internal const int MostEntriesKept = 100_000;
        private const int HeadLength = 512;
        private const int TailLength = 4096;

        // Windows file names ignore case; elsewhere two spellings are two files (as JournalsHeldHere).
        private static readonly ConcurrentDictionary<string, Known> Kept = new ConcurrentDictionary<string, Known>(
            Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        /// <summary>
        /// What this process read of the journal before, to read on from, when the locked <paramref name="file"/> is still the
        /// one its last run here closed; otherwise null (read it whole). Either way nothing stays kept for the path until
        /// <see cref="Keep"/>: what a run reads on into is its own.
        /// </summary>
        public static SendJournal.JournalReader.Content? Take(string fullPath, FileStream file)
        {
            if (!Kept.TryRemove(fullPath, out var known)) return null;
            try
            {
                if (file.Length != known.Length || File.GetLastWriteTimeUtc(fullPath) != known.WrittenUtc) return null;
                if (!Holds(file, 0, known.Head) || !Holds(file, known.Content.ValidLength - known.Tail.Length, known.Tail)) return null;
                return known.Content;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// What a run read, noted from its still-open <paramref name="file"/> right before it closes it (its length now, the bytes
        /// the next run checks). Null when the file cannot be read back, or it holds more than <see cref="MostEntriesKept"/>
        /// entries (freed with the run): the next run then reads it whole.
        /// </summary>
        public static Known? Note(FileStream file, SendJournal.JournalReader.Content content)
        {
            try
            {
                var validLength = content.ValidLength;
                if (content.Salt is null || validLength <= 0 || validLength > file.Length) return null;
                if (content.Entries.Count > MostEntriesKept) return null;
                var head = ReadAt(file, 0, (int)Math.Min(HeadLength, validLength));
                var tailLength = (int)Math.Min(TailLength, validLength);
                var tail = ReadAt(file, validLength - tailLength, tailLength);
                return head is null || tail is null ? null : new Known(content, file.Length, head, tail);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ObjectDisposedException)
            {
                return null;
            }
        }

        /// <summary>Keeps what <see cref="Note"/> noted, once the file is closed (its last write time is final only then).</summary>
        public static void Keep(string fullPath, Known? known)
        {
            if (known is null)
            {
                Kept.TryRemove(fullPath, out _); // Take removed it already; nothing of this journal outlives a run not noted.
                return;
            }
            try
            {
                known.WrittenUtc = File.GetLastWriteTimeUtc(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                return;
            }

            Kept[fullPath] = known;
            // Over the bound, another path's goes (which one matters little: a loop comes back to its own at once).
            foreach (var path in Kept.Keys)
            {
                if (Kept.Count <= MostKept) break;
                if (!string.Equals(path, fullPath, StringComparison.Ordinal)) Kept.TryRemove(path, out _);
            }
        }

        /// <summary>Tests only: forgets what is kept for the path, so that the next run reads that journal whole.</summary>
        internal static void Forget(string fullPath) => Kept.TryRemove(fullPath, out _);

        /// <summary>Tests only: whether something is kept for the path.</summary>
        internal static bool Keeps(string fullPath) => Kept.ContainsKey(fullPath);

        private static bool Holds(FileStream file, long offset, byte[] expected)
        {
            if (offset < 0) return false;
            var actual = ReadAt(file, offset, expected.Length);
            return actual is not null && actual.AsSpan().SequenceEqual(expected);
        }

        private static byte[]? ReadAt(FileStream file, long offset, int length)
        {
            var bytes = new byte[length];
            file.Seek(offset, SeekOrigin.Begin);
            var read = 0;
            while (read < length)
            {
                var n = file.Read(bytes, read, length - read);
                if (n == 0) return null;
                read += n;
            }

            return bytes;
        }

        /// <summary>A journal as a run of this process left it.</summary>
        internal sealed class Known
        {
            public Known(SendJournal.JournalReader.Content content, long length, byte[] head, byte[] tail)
            {
                Content = content;
                Length = length;
                Head = head;
                Tail = tail;
            }

            /// <summary>What was read, up to <see cref="SendJournal.JournalReader.Content.ValidLength"/>.</summary>
            public SendJournal.JournalReader.Content Content { get; }

            /// <summary>The file's length when the run closed it (its own lines, not read back yet, included).</summary>
            public long Length { get; }

            /// <summary>The first bytes of the file (the header: its salt tells one journal from another).</summary>
            public byte[] Head { get; }

            /// <summary>The bytes right before where the read stopped.</summary>
            public byte[] Tail { get; }

            /// <summary>The file's last write time once closed.</summary>
            public DateTime WrittenUtc { get; set; }
        }
    }
}
