using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using WebexConnect.Engine.Payload;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The file that lets a re-run send only what was not sent: one JSON line per event, appended and
    /// flushed to disk before the call returns, so what it says survives a crash, a reboot or Ctrl+C.
    /// </summary>
    /// <remarks>
    /// Line 1 is the header (format, version, salt, and "sandbox":true for a journal made by a sandbox run). Every other line is
    /// {"s":"intent|queued|scheduled|rejected|failed|unknown","t":"2026-01-31T12:00:00Z","m":"messageId","k":["32 hex digits",...],"d":[...]}:
    /// an intent line right before each request leaves, a failed line when the service refuses it before a
    /// retry or bisection, and one line per batch, outcome state and messageId at the end ("m" only where the
    /// service gave one; lines without it still read). "d" names the line's destinations alone (<see cref="JournalDestinations"/>);
    /// lines of earlier versions have none, and earlier versions read lines with it, since they ignore members they do not know. The file stays open and
    /// writable by this run only, for as long as the run lasts: a second run on the same journal fails at once.
    /// </remarks>
    internal sealed class SendJournal : IEarlierSends, IDisposable
    {
        private const string FormatName = "WebexConnect.Journal";
        private const int FormatVersion = 1;
        private const int SaltLength = 32;

        private readonly Stream _file;
        // The opened file itself, under any test's stream (_file): what JournalsReadHere notes when the run closes it.
        private readonly FileStream _opened;
        private readonly JournalReader.Content _read;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Dictionary<JournalKey, JournalEntry> _earlier;
        private readonly PayloadBuffer _line = new PayloadBuffer(4096);
        private readonly object _sync = new object();
        private bool _disposed;
        private bool _damagedAtEnd;

        private SendJournal(string path, FileStream opened, Stream file, JournalReader.Content read, Func<DateTimeOffset> clock)
        {
            Destinations = read.Destinations;
            Path = path;
            _opened = opened;
            _file = file;
            _read = read;
            Salt = read.Salt!;
            _earlier = read.Entries;
            _clock = clock;
        }

        /// <summary>The journal's full path.</summary>
        public string Path { get; }

        /// <summary>The random HMAC key of this journal, from its header.</summary>
        public byte[] Salt { get; }

        /// <summary>Where this run's read of the file began: 0 when it read it whole, else where the last run here stopped (<see cref="JournalsReadHere"/>).</summary>
        public long ReadFrom { get; private set; }

        /// <summary>The destinations earlier runs sent to.</summary>
        public JournalDestinations Destinations { get; }

        /// <summary>How many keys earlier runs recorded.</summary>
        public int EarlierCount => _earlier.Count;

        /// <summary>How many of <see cref="Earlier"/> stand at each kind of event (what <see cref="JournalFindings"/> says of them).</summary>
        public JournalTally EarlierTally => _read.Tally;

        /// <summary>The last thing earlier runs recorded for each key.</summary>
        public IEnumerable<JournalEntry> Earlier => _earlier.Values;

        /// <summary>
        /// Opens or creates the journal and reads what earlier runs recorded. Throws SessionFailureException
        /// when it cannot be used, before anything is sent (sending without it would defeat it):
        /// JournalPathInvalid, JournalIsDirectory, JournalFolderMissing, JournalIsDevice, JournalIsPipe, JournalIsLink, JournalReadOnly,
        /// JournalAccessDenied, JournalInUse, JournalUnreadable, JournalSandboxMismatch (see <see cref="EnsureSameTarget"/>).
        /// </summary>
        /// <param name="path">The journal file.</param>
        /// <param name="clock">The time its lines carry.</param>
        /// <param name="forSandbox">Whether the run sends to the sandbox: a new journal records it, an earlier one must match it.</param>
        /// <param name="writeThrough">
        /// Tests only: the stream this run's lines are written, flushed and cut back through, around the opened file
        /// (a disk that fills up, or a share that drops, in the middle of a write).
        /// </param>
        public static SendJournal Open(string path, Func<DateTimeOffset>? clock = null, bool forSandbox = false, Func<FileStream, Stream>? writeThrough = null)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("The journal path is empty.", nameof(path));
            var fullPath = JournalPath.Full(path);
            var file = OpenLocked(fullPath);
            // From the lock on, not from the end of the read: reading a large journal takes seconds.
            JournalsHeldHere.Opened(fullPath);
            try
            {
                JournalPath.EnsureRegularFile(file, fullPath);
                // What this process read of it before, when the file is still as its last run here left it: read on from there.
                var readBefore = JournalsReadHere.Take(fullPath, file);
                var readFrom = readBefore?.ValidLength ?? 0;
                var content = JournalReader.Read(file, fullPath, readBefore);
                // A journal that recorded nothing (a rehearsal stopped before its first row, an empty CSV) is made anew
                // for this run's kind: it lists no row another kind of run could wrongly skip.
                if (content.Salt is null || (content.Entries.Count == 0 && content.Sandbox != forSandbox))
                {
                    var salt = NewSalt();
                    file.SetLength(0);
                    WriteHeader(file, salt, (clock ?? Now)(), forSandbox);
                    content = JournalReader.Content.Made(salt, forSandbox, file.Length);
                }
                else
                {
                    EnsureSameTarget(fullPath, content.Sandbox, forSandbox);
                    // A half-written last line is an event whose flush never completed: drop it, so that
                    // the lines appended now start on a line of their own and the file reads cleanly next time.
                    if (content.ValidLength < file.Length) file.SetLength(content.ValidLength);
                }

                file.Seek(0, SeekOrigin.End);
                return new SendJournal(fullPath, file, writeThrough?.Invoke(file) ?? file, content, clock ?? Now) { ReadFrom = readFrom };
            }
            catch
            {
                file.Dispose();
                JournalsHeldHere.Closed(fullPath);
                throw;
            }
        }

        /// <summary>
        /// What earlier runs recorded, read without writing, creating or locking anything: what -WhatIf needs. Null when
        /// there is no file or nothing was recorded in it yet. Throws the SessionFailureException a send run would meet
        /// on this path (JournalIsDirectory, JournalIsLink, JournalUnreadable...), so that a dry run shows it; JournalInUse
        /// where the system's locks keep even readers out while a run writes; JournalSandboxMismatch as <see cref="Open"/> does.
        /// </summary>
        public static JournalSnapshot? ReadEarlier(string path, bool forSandbox = false)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("The journal path is empty.", nameof(path));
            var fullPath = JournalPath.Full(path);
            JournalPath.EnsureNotDirectory(fullPath);
            JournalPath.EnsureNoLinkInSharedFolder(fullPath);
            FileStream file;
            try
            {
                file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.None);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (Exception ex) when (JournalPath.Refusal(ex, fullPath) is SessionFailureException refusal)
            {
                throw refusal;
            }

            using (file)
            {
                JournalPath.EnsureRegularFile(file, fullPath);
                var content = JournalReader.Read(file, fullPath);
                // Nothing recorded: no row to skip, whoever made it (a run on it makes it anew, see Open).
                if (content.Salt is null || content.Entries.Count == 0) return null;
                EnsureSameTarget(fullPath, content.Sandbox, forSandbox);
                return new JournalSnapshot(content.Salt, content.Entries, content.Destinations);
            }
        }

        /// <summary>
        /// Refuses a journal made by a sandbox run for a run to the real service, and the other way round. A rehearsal's
        /// journal lists every row as sent, so the real run that reused it sent nothing: every row Skipped, "already sent",
        /// and the service got 0 requests. A rehearsal on the real run's journal would skip what it sent, and add sandbox
        /// sends that the next real run would skip as well. No run can want either. A journal made before the header said
        /// which (no "sandbox" member) counts as the real service's, as most were.
        /// </summary>
        private static void EnsureSameTarget(string path, bool writtenBySandbox, bool forSandbox)
        {
            if (writtenBySandbox == forSandbox) return;
            throw new SessionFailureException("JournalSandboxMismatch", writtenBySandbox
                ? $"The journal '{path}' was written by sandbox runs (Connect-WebexConnect -Sandbox), whose messages never left this " +
                  "computer: with it, every row it lists would be Skipped as sent, and would never reach Webex Connect. Give -Journal " +
                  "a new file for the real service, and keep the rehearsal's journal for rehearsals. Nothing was sent."
                : $"The journal '{path}' records sends to Webex Connect, and this session is the sandbox: a rehearsal with it would " +
                  "skip what the real runs sent, and record sandbox sends that the next real run would skip as sent. Give the " +
                  "sandbox run a journal of its own. Nothing was sent.");
        }

        /// <summary>The last thing an earlier run recorded for the key, if anything.</summary>
        public bool TryGetEarlier(JournalKey key, out JournalEntry entry) => _earlier.TryGetValue(key, out entry);

        /// <summary>Appends one line for the keys and flushes it to disk. Throws when it could not.</summary>
        public void Record(JournalState state, IReadOnlyList<JournalKey> keys, IReadOnlyList<JournalKey>? destinations = null) =>
            Record(new[] { new JournalLine(state, null, keys, destinations) });

        /// <summary>
        /// Appends the lines and flushes them to disk once. Throws when it could not, and then leaves the file as it was
        /// before the call: a line cut short by a full disk, with a later line written after it, would be damage in the
        /// middle of the file, which the next run refuses (only a damaged last line is dropped on its own).
        /// </summary>
        public void Record(IReadOnlyList<JournalLine> lines)
        {
            lock (_sync)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(SendJournal), "The send run's journal is closed.");
                if (_damagedAtEnd)
                    throw new IOException("An earlier write to the journal failed part-way and could not be undone; nothing more is " +
                        "written to it, so that the damage stays on its last line, which the next run drops on its own.");
                var start = _file.Position;
                try
                {
                    Append(lines);
                    FlushToDisk();
                }
                catch (ArgumentOutOfRangeException tooLarge)
                {
                    // .NET reports EFBIG (a file-size limit: ulimit -f, systemd's LimitFSIZE, a file system's largest file)
                    // as this, not as an IOException: before, it escaped every caller that handles a failed write, and the
                    // run ended on a bare "Specified file length was too large" with no result for its rows.
                    CutBackTo(start);
                    throw new IOException("The journal file has reached the largest file size this process may write (a file-size limit).", tooLarge);
                }
                catch
                {
                    CutBackTo(start);
                    throw;
                }
            }
        }

        private void Append(IReadOnlyList<JournalLine> lines)
        {
            var at = _clock();
            Span<char> hex = stackalloc char[JournalKey.HexLength];
            foreach (var line in lines)
            {
                if (line.Keys.Count == 0) continue;
                _line.Clear();
                using (var writer = new Utf8JsonWriter(_line, WireFormat.Compact))
                {
                    writer.WriteStartObject();
                    writer.WriteString("s", JournalStates.Name(line.State));
                    writer.WriteString("t", WireFormat.Timestamp(at.ToUniversalTime()));
                    if (line.MessageId is not null) writer.WriteString("m", line.MessageId);
                    writer.WriteStartArray("k");
                    foreach (var key in line.Keys)
                    {
                        key.WriteHex(hex);
                        writer.WriteStringValue(hex);
                    }
                    writer.WriteEndArray();
                    if (line.Destinations is { Count: > 0 } destinations)
                    {
                        writer.WriteStartArray("d");
                        foreach (var destination in destinations)
                        {
                            destination.WriteHex(hex);
                            writer.WriteStringValue(hex);
                        }
                        writer.WriteEndArray();
                    }
                    writer.WriteEndObject();
                }

                var span = _line.GetSpan(1);
                span[0] = (byte)'\n';
                _line.Advance(1);
                // The buffer itself, not a copy of it for every line.
                var written = _line.WrittenSegment;
                _file.Write(written.Array!, written.Offset, written.Count);
            }
        }

        /// <summary>
        /// Removes what a failed <see cref="Record"/> wrote of its lines. The file is unbuffered (see <see cref="OpenLocked"/>),
        /// so no byte of them waits in memory to reach the disk with a later line or at close. When even this fails (the
        /// share is gone), nothing more is appended: whatever is left of the line stays the last one.
        /// </summary>
        private void CutBackTo(long start)
        {
            try
            {
                _file.SetLength(start);
                _file.Seek(start, SeekOrigin.Begin);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ObjectDisposedException)
            {
                _damagedAtEnd = true;
            }
        }

        private void FlushToDisk()
        {
            if (_file is FileStream file) file.Flush(flushToDisk: true);
            else _file.Flush();
        }

        /// <summary>Closes the file and releases it for the next run. Later records are refused.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed) return;
                _disposed = true;
                // Not after a write that could not be undone: the next run drops its damage, which only a whole read sees.
                var known = _damagedAtEnd ? null : JournalsReadHere.Note(_opened, _read);
                _file.Dispose();
                JournalsReadHere.Keep(Path, known);
                JournalsHeldHere.Closed(Path);
            }
        }

        /// <summary>
        /// Windows: others may read the file meanwhile, no one else may write it. Elsewhere .NET enforces
        /// sharing with flock, where any share but None is a shared lock two runs could both hold, so the
        /// lock is exclusive there: tools that do not lock (cat, tail) can still read it.
        /// </summary>
        private static FileShare ExclusiveWriter =>
            Environment.OSVersion.Platform == PlatformID.Win32NT ? FileShare.Read : FileShare.None;

        /// <summary>
        /// No FileStream buffer: a buffered stream whose flush failed keeps the bytes and writes them with the next line or at
        /// close, after the caller was told they were not written. Each line is one write of its own buffer anyway.
        /// </summary>
        private const int Unbuffered = 1;

        private static DateTimeOffset Now() => DateTimeOffset.UtcNow;

        private static FileStream OpenLocked(string fullPath)
        {
            JournalPath.EnsureNotDirectory(fullPath);
            JournalPath.EnsureNoLinkInSharedFolder(fullPath);
            try
            {
#if NET8_0_OR_GREATER
                if (!OperatingSystem.IsWindows())
                {
                    // A new journal is the account's alone (0600), like an SSH key: its salt sits beside its hashes, so
                    // whoever reads it can test guessed numbers against it. The umask left it readable by every account.
                    return new FileStream(fullPath, new FileStreamOptions
                    {
                        Mode = FileMode.OpenOrCreate,
                        Access = FileAccess.ReadWrite,
                        Share = ExclusiveWriter,
                        BufferSize = Unbuffered,
                        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    });
                }
#endif
                return new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, ExclusiveWriter, Unbuffered, FileOptions.None);
            }
            catch (Exception ex) when (JournalPath.Refusal(ex, fullPath, JournalsHeldHere.Holds(fullPath)) is SessionFailureException refusal)
            {
                throw refusal;
            }
        }

        private static byte[] NewSalt()
        {
            var salt = new byte[SaltLength];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(salt);
            return salt;
        }

        private static void WriteHeader(FileStream file, byte[] salt, DateTimeOffset created, bool forSandbox)
        {
            var buffer = new PayloadBuffer(256);
            using (var writer = new Utf8JsonWriter(buffer, WireFormat.Compact))
            {
                writer.WriteStartObject();
                writer.WriteString("format", FormatName);
                writer.WriteNumber("version", FormatVersion);
                writer.WriteString("created", WireFormat.Timestamp(created.ToUniversalTime()));
                writer.WriteBase64String("salt", salt);
                // Only when true: a real run's header reads as it always did, to this version and to earlier ones.
                if (forSandbox) writer.WriteBoolean("sandbox", true);
                writer.WriteEndObject();
            }

            // The newline in the same write: WriteByte is buffered even on an unbuffered stream in .NET Framework.
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            var bytes = buffer.ToArray();
            file.Write(bytes, 0, bytes.Length);
            file.Flush(flushToDisk: true);
        }

        /// <summary>Reads a journal file: its header's salt, the last entry per key, and where the good lines end.</summary>
        internal static class JournalReader
        {
            public sealed class Content
            {
                public byte[]? Salt { get; set; }
                public bool Sandbox { get; set; }
                public Dictionary<JournalKey, JournalEntry> Entries { get; } = new Dictionary<JournalKey, JournalEntry>();
                public JournalDestinations Destinations { get; } = new JournalDestinations();
                /// <summary>Where the good lines read so far end.</summary>
                public long ValidLength { get; set; }
                /// <summary>How many lines end there (the header and blank lines too): the number a damaged line after them is given.</summary>
                public long Lines { get; set; }

                /// <summary>How many entries stand at each kind of event, kept as they are set.</summary>
                public JournalTally Tally { get; } = new JournalTally();

                public void Set(JournalKey key, JournalEntry entry)
                {
                    Tally.Change(Entries.TryGetValue(key, out var before) ? before : (JournalEntry?)null, entry);
                    Entries[key] = entry;
                }

                /// <summary>A journal just made: its header and nothing else.</summary>
                public static Content Made(byte[] salt, bool sandbox, long headerLength) =>
                    new Content { Salt = salt, Sandbox = sandbox, ValidLength = headerLength, Lines = 1 };
            }

            /// <summary>
            /// Reads the file whole, or, given what an earlier read of it found (<paramref name="readBefore"/>, see
            /// <see cref="JournalsReadHere"/>), only the lines after those, into it.
            /// </summary>
            public static Content Read(FileStream file, string path, Content? readBefore = null)
            {
                var content = readBefore ?? new Content();
                var lines = new LineScanner(file, content.ValidLength);
                var lineNumber = content.Lines;
                while (lines.Next(out var line, out var complete, out var endOffset))
                {
                    lineNumber++;
                    // An editor that saved the file (Notepad, Set-Content -Encoding UTF8 in 5.1) may have put a UTF-8 byte
                    // order mark before the header: still this journal, and refusing it would invite a new one.
                    if (lineNumber == 1) line = WithoutByteOrderMark(line);
                    var isLast = !complete || lines.AtEnd;
                    // A line without its newline was cut short, however well it parses: none of it counts.
                    var understood = false;
                    try
                    {
                        if (complete) understood = lineNumber == 1 ? ReadHeader(line, path, content) : IsBlank(line) || ReadEvent(line, content);
                    }
                    catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException)
                    {
                        understood = false;
                    }

                    if (understood)
                    {
                        content.ValidLength = endOffset;
                        content.Lines = lineNumber;
                        continue;
                    }

                    if (lineNumber == 1 && !complete && IsStartOfHeader(line))
                    {
                        // The header itself was cut short: nothing was ever recorded, start afresh. Anything
                        // else on line 1 is someone's file, never overwritten.
                        content.Salt = null;
                        return content;
                    }

                    if (lineNumber == 1 && complete && (IsWholeStartOfHeader(line) || NextLineIsAnEvent(lines)))
                        throw DamagedHeader(path);
                    if (lineNumber == 1)
                        throw new SessionFailureException("JournalUnreadable",
                            $"'{path}' is not a WebexConnect journal. Give -Journal a new file, or the journal of an earlier run of this script.");
                    if (isLast) return content;
                    throw DamagedLine(path, lineNumber);
                }

                return content;
            }

            /// <summary>
            /// A damaged line with whole lines after it: not a crash's cut-short last line, so not dropped on its own. The message
            /// says how to drop it by hand, because a new journal (what the admin would reach for) sends every row again, and what
            /// dropping it costs: an outcome or withdrawal line's rows fall back to their intent (Unknown, not resent); only rows
            /// no other line names (an intent line whose write failed, so its request never left) are sent.
            /// </summary>
            private static SessionFailureException DamagedLine(string path, long lineNumber)
            {
                var literal = path.Replace("'", "''");
                return new SessionFailureException("JournalUnreadable",
                    $"Line {lineNumber} of the journal '{path}' is damaged, and whole lines follow it, so it is not a last line cut " +
                    "short by a crash (those are dropped on their own). Nothing was sent. Keep a copy of the journal, remove that line, " +
                    $"and run the command again: (Get-Content -LiteralPath '{literal}') | Where-Object ReadCount -ne {lineNumber} | " +
                    $"Set-Content -LiteralPath '{literal}'. Rows an earlier line shows in flight are then reported Unknown, not resent; " +
                    "rows no other line names are sent. Do not give -Journal a new file: that sends every row again.");
            }

            /// <summary>
            /// A damaged header with journal lines after it: the rows it recorded are still there, but their keys are salted with
            /// the header's salt, so none of them can be matched without line 1. "Not a journal, give a new file" led to a new
            /// journal, which sends every row again.
            /// </summary>
            private static SessionFailureException DamagedHeader(string path) =>
                new SessionFailureException("JournalUnreadable",
                    $"Line 1 of the journal '{path}' (its header) is damaged, and journal lines follow it. Nothing was sent. " +
                    "Restore line 1 from a backup of the journal if there is one, and run the command again. Do not give -Journal " +
                    "a new file unless you first remove from the input the rows this journal recorded as sent (the earlier runs' " +
                    "reports show them): a new journal sends those rows again.");

            /// <summary>True when the line after a bad line 1 reads as a journal event (the scanner is not used after this).</summary>
            private static bool NextLineIsAnEvent(LineScanner lines)
            {
                if (!lines.Next(out var next, out var complete, out _) || !complete) return false;
                try
                {
                    return ReadEvent(next, new Content());
                }
                catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException)
                {
                    return false;
                }
            }

            /// <summary>True for a line that begins with all of a header's opening bytes.</summary>
            private static bool IsWholeStartOfHeader(byte[] line) =>
                line.Length >= System.Text.Encoding.UTF8.GetByteCount("{\"format\":\"" + FormatName + "\",") && IsStartOfHeader(line);

            private static byte[] WithoutByteOrderMark(byte[] line) =>
                line.Length >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF ? line.AsSpan(3).ToArray() : line;

            private static bool IsBlank(byte[] line)
            {
                foreach (var b in line)
                {
                    if (b != (byte)' ' && b != (byte)'\r' && b != (byte)'\t') return false;
                }

                return true;
            }

            /// <summary>True for the bytes a header begins with, or a beginning of them.</summary>
            private static bool IsStartOfHeader(byte[] line)
            {
                var expected = System.Text.Encoding.UTF8.GetBytes("{\"format\":\"" + FormatName + "\",");
                var n = Math.Min(line.Length, expected.Length);
                for (var i = 0; i < n; i++)
                {
                    if (line[i] != expected[i]) return false;
                }

                return true;
            }

            private static bool ReadHeader(byte[] line, string path, Content content)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return false;
                if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName) return false;
                if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number)) return false;
                // Ours, from a later module: the account that runs this loads an older copy. A new journal would send
                // every row that version sent again, so the message asks for the version, not for another file.
                if (number > FormatVersion)
                    throw new SessionFailureException("JournalUnreadable",
                        $"The journal '{path}' was written by a newer version of WebexConnect (journal format {number}; this version reads format {FormatVersion}). " +
                        "Run the command with that version: Get-Module WebexConnect -ListAvailable shows the copies this account finds (a scheduled task's account may load an older one). " +
                        "Nothing was sent.");
                // Ours, of another format (an older module's): before, its header was called damaged, or the file "not a
                // WebexConnect journal", and the admin gave a new journal, which sends again every row this one recorded.
                if (number != FormatVersion)
                    throw new SessionFailureException("JournalUnreadable",
                        $"The journal '{path}' is a WebexConnect journal of format version {number}, which this version of WebexConnect " +
                        $"cannot read (it reads and writes format {FormatVersion}). Nothing was sent. Run the command with the version of " +
                        "WebexConnect that wrote it: Get-Module WebexConnect -ListAvailable shows the copies this account finds. Give -Journal " +
                        "a new file only if every row this journal recorded may be sent again: a new journal knows nothing of them.");
                if (!root.TryGetProperty("salt", out var salt) || salt.ValueKind != JsonValueKind.String) return false;
                var bytes = salt.GetBytesFromBase64();
                if (bytes.Length == 0) return false;
                content.Salt = bytes;
                content.Sandbox = root.TryGetProperty("sandbox", out var sandbox) && sandbox.ValueKind == JsonValueKind.True;
                return true;
            }

            private static bool ReadEvent(byte[] line, Content content)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return false;
                if (!root.TryGetProperty("s", out var s) || !JournalStates.TryParse(s.ValueKind == JsonValueKind.String ? s.GetString() : null, out var state)) return false;
                if (!root.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.String || !t.TryGetDateTimeOffset(out var at)) return false;
                if (!root.TryGetProperty("k", out var k) || k.ValueKind != JsonValueKind.Array) return false;
                // Optional, and absent from lines of earlier versions: an unreadable one costs only the ID.
                var messageId = root.TryGetProperty("m", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

                var keys = new List<JournalKey>(k.GetArrayLength());
                foreach (var item in k.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !JournalKey.TryParse(item.GetString(), out var key)) return false;
                    keys.Add(key);
                }

                // Applied only once the whole line is known to be good: the last event of a key wins.
                foreach (var key in keys) content.Set(key, new JournalEntry(state, at, messageId));
                if (keys.Count > 0) content.Destinations.Note(state, at, DestinationsOf(root));
                return true;
            }

            /// <summary>
            /// The line's "d" member, its destinations alone; null when it has none (an earlier version's line) or one this
            /// version does not read (a later version's): such a line still counts for its keys, and only cannot warn.
            /// </summary>
            private static List<JournalKey>? DestinationsOf(JsonElement root)
            {
                if (!root.TryGetProperty("d", out var d) || d.ValueKind != JsonValueKind.Array) return null;
                var destinations = new List<JournalKey>(d.GetArrayLength());
                foreach (var item in d.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !JournalKey.TryParse(item.GetString(), out var destination)) return null;
                    destinations.Add(destination);
                }

                return destinations;
            }
        }

        /// <summary>Splits a stream into '\n'-terminated lines of bytes, reporting a last line without one.</summary>
        private sealed class LineScanner
        {
            private readonly Stream _stream;
            private byte[] _buffer = new byte[64 * 1024];
            private int _start;
            private int _end;
            private long _consumed;
            private bool _eof;

            public LineScanner(Stream stream, long from = 0)
            {
                _stream = stream;
                _stream.Seek(from, SeekOrigin.Begin);
                _consumed = from;
            }

            /// <summary>True once nothing follows the line last returned.</summary>
            public bool AtEnd
            {
                get
                {
                    Fill();
                    return _eof && _start == _end;
                }
            }

            public bool Next(out byte[] line, out bool complete, out long endOffset)
            {
                while (true)
                {
                    var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                    if (newline >= 0)
                    {
                        line = Take(newline - _start, 1);
                        complete = true;
                        endOffset = _consumed;
                        return true;
                    }

                    if (_eof)
                    {
                        complete = false;
                        if (_start == _end)
                        {
                            line = Array.Empty<byte>();
                            endOffset = _consumed;
                            return false;
                        }

                        line = Take(_end - _start, 0);
                        endOffset = _consumed;
                        return true;
                    }

                    Fill(force: true);
                }
            }

            private byte[] Take(int length, int terminator)
            {
                var line = new byte[length];
                Buffer.BlockCopy(_buffer, _start, line, 0, length);
                _start += length + terminator;
                _consumed += length + terminator;
                return line;
            }

            private void Fill(bool force = false)
            {
                if (_eof || (!force && _start < _end)) return;
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) _eof = true;
                else _end += read;
            }
        }
    }
}
