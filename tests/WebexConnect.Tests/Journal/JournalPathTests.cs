using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using WebexConnect.Engine;
using WebexConnect.Engine.Journal;
using WebexConnect.Messages;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// -Journal takes only a regular file, or a path where one can be created: every other kind of path
    /// ends the command with its own ErrorId before a dispatcher (and so any request) exists.
    /// </summary>
    public sealed class JournalPathTests
    {
        private static readonly SmsMessage Message = new SmsMessage { From = "ACME", Text = "Hi" };

        /// <summary>
        /// The journal opens with the dispatcher, before any record is read: a path that cannot be one fails there, so the
        /// command ends before it takes a row (none is left without a result), and nothing is sent.
        /// </summary>
        private static SessionFailureException Refused(string path)
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 1000 });
            var failure = Assert.Throws<SessionFailureException>(() => session.CreateDispatcher(new DispatchOptions { JournalPath = path }, CancellationToken.None));
            Assert.Empty(session.SandboxRequests);
            return failure;
        }

        private static void Accepted(string path)
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 1000 });
            using var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = path }, CancellationToken.None);
            dispatcher.Add(new DispatchItem(Message, new Recipient("+447700900001"), 1));
            Assert.Single(dispatcher.Complete());
        }

        [Fact]
        public void A_folder_is_refused_as_JournalIsDirectory_with_a_file_path_to_use_instead()
        {
            using var folder = new TempFolder();
            var failure = Refused(folder.Path);
            Assert.Equal("JournalIsDirectory", failure.ErrorId);
            Assert.Contains("is a folder: give the path of a file in it", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_folder_is_JournalFolderMissing_naming_the_folder_and_none_is_made()
        {
            using var folder = new TempFolder();
            var missing = folder.File(Path.Combine("nodir", "sub"));

            var file = Refused(Path.Combine(missing, "run.journal"));
            // A path ending with a separator names a folder: opening it said "permission denied" of a folder that is not there.
            var slash = Refused(missing + Path.DirectorySeparatorChar);

            Assert.Equal("JournalFolderMissing", file.ErrorId);
            Assert.Contains($"its folder '{missing}' does not exist. Create the folder first", file.Message, StringComparison.Ordinal);
            Assert.Equal("JournalFolderMissing", slash.ErrorId);
            Assert.Contains($"so it names a folder, and the folder '{missing}' does not exist", slash.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(folder.File("nodir")));
        }

        [Theory]
        [InlineData("/dev/zero")]
        [InlineData("/dev/full")]
        [InlineData("/dev/null")]
        public void A_device_is_refused_as_JournalIsDevice_and_left_unwritten(string device)
        {
            if (!File.Exists(device)) return; // Windows has no /dev; GetFileType covers NUL and CON there
            var failure = Refused(device);
            Assert.Equal("JournalIsDevice", failure.ErrorId);
            Assert.Contains("is a device, not a file", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_fifo_is_refused_as_JournalIsPipe()
        {
            if (OperatingSystem.IsWindows()) return;
            using var folder = new TempFolder();
            var fifo = folder.File("journal.fifo");
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
                mkfifo.WaitForExit();
            Assert.True(File.Exists(fifo), "mkfifo made no FIFO");

            var failure = Refused(fifo);
            Assert.Equal("JournalIsPipe", failure.ErrorId);
        }

        [Theory]
        [InlineData("run\0.journal", "U+0000 at position 4")]
        public void A_character_no_file_name_can_hold_is_refused_as_JournalPathInvalid(string path, string said)
        {
            var failure = Refused(path);
            Assert.Equal("JournalPathInvalid", failure.ErrorId);
            Assert.Contains(said, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\0", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_regular_file_and_a_new_path_are_accepted()
        {
            using var folder = new TempFolder();
            Accepted(folder.File("new.journal"));
            Accepted(folder.File("new.journal"));
            Assert.True(File.Exists(folder.File("new.journal")));
        }

        [Fact]
        public void A_read_only_file_system_is_JournalReadOnly_not_JournalInUse()
        {
            // EROFS, as .NET reports it on Linux and macOS (an IOException whose HResult is the errno).
            var failure = JournalPath.Refusal(new IOException("Read-only file system : '/mnt/ro/run.journal'", 30), "/mnt/ro/run.journal");
            Assert.Equal("JournalReadOnly", failure!.ErrorId);
            Assert.Contains("read-only file system", failure.Message, StringComparison.Ordinal);
            // ERROR_WRITE_PROTECT on Windows.
            Assert.Equal("JournalReadOnly", JournalPath.Refusal(new IOException("write protected", unchecked((int)0x80070013)), @"E:\run.journal")!.ErrorId);
        }

        [Fact]
        public void Missing_permission_is_JournalAccessDenied_naming_the_account()
        {
            var failure = JournalPath.Refusal(new UnauthorizedAccessException("Access to the path is denied."), "/var/lib/run.journal");
            Assert.Equal("JournalAccessDenied", failure!.ErrorId);
            Assert.Contains(Environment.UserName, failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_refusal_on_Linux_or_macOS_says_the_systems_own_words_and_errno_now_that_it_keeps_no_inner_exception()
        {
            // .NET on Unix gives the errno and its text only as the inner IOException, which the refusal drops (Get-Error's
            // stack trace). Before, a file marked immutable (chattr +i: EPERM) read "permission denied ... change the
            // permissions", and "Operation not permitted", the clue, was nowhere.
            var immutable = new UnauthorizedAccessException("Access to the path '/var/lib/run.journal' is denied.",
                new IOException("Operation not permitted", 1));
            var failure = JournalPath.Refusal(immutable, "/var/lib/run.journal")!;
            Assert.Equal("JournalAccessDenied", failure.ErrorId);
            Assert.Null(failure.InnerException);
            Assert.Contains($"cannot be written by {Environment.UserName}: Operation not permitted (errno 1). Give a path", failure.Message, StringComparison.Ordinal);

            var denied = new UnauthorizedAccessException("Access to the path is denied.", new IOException("Permission denied", 13));
            Assert.Contains(": Permission denied (errno 13). ", JournalPath.Refusal(denied, "/var/lib/run.journal")!.Message, StringComparison.Ordinal);
            // Windows: no inner exception, nothing more to say than the refusal itself.
            Assert.Contains(": permission denied. ", JournalPath.Refusal(new UnauthorizedAccessException("Access to the path is denied."), @"C:\Jobs\run.journal")!.Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void A_cause_the_message_names_in_full_keeps_no_inner_exception_but_an_unknown_one_does()
        {
            // Get-Error prints an inner exception with its stack trace: under "cannot be written by ...: permission
            // denied" or "its folder ... does not exist" that is a page of noise for an expected error.
            Assert.Null(JournalPath.Refusal(new UnauthorizedAccessException("Access to the path is denied."), "/var/lib/run.journal")!.InnerException);
            Assert.Null(JournalPath.Refusal(new DirectoryNotFoundException("Could not find a part of the path."), "/nodir/run.journal")!.InnerException);
            Assert.Null(JournalPath.Refusal(new IOException("Read-only file system", 30), "/mnt/ro/run.journal")!.InnerException);

            var unknown = new IOException("Input/output error", 5);
            Assert.Same(unknown, JournalPath.Refusal(unknown, "/var/lib/run.journal")!.InnerException);
        }

        [Fact]
        public void Only_a_held_lock_on_an_existing_file_is_JournalInUse()
        {
            using var folder = new TempFolder();
            var journal = folder.File("held.journal");
            using (var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 1000 }))
            using (var holder = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None))
            {
                holder.Add(new DispatchItem(Message, new Recipient("+447700900002"), 1));
                Assert.Equal("JournalInUse", Refused(journal).ErrorId);
            }

            Assert.Equal("JournalUnreadable", JournalPath.Refusal(new IOException("Input/output error", 5), journal)!.ErrorId);
        }
    }
}
