using System.IO;
using WebexConnect.Engine.Journal;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// A journal says whether sandbox runs made it, and a run to the other kind refuses it: a rehearsal's journal listed
    /// every row as sent, so the real run that reused it skipped them all and the service got nothing.
    /// </summary>
    public sealed class JournalTargetTests
    {
        // A header as journals were written before it said which (and as real runs still write it).
        private const string HeaderWithoutTarget =
            "{\"format\":\"WebexConnect.Journal\",\"version\":1,\"created\":\"2026-11-30T08:00:00Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}\n" +
            "{\"s\":\"queued\",\"t\":\"2026-11-30T08:00:01Z\",\"k\":[\"0123456789abcdef0123456789abcdef\"]}\n";

        /// <summary>A journal for <paramref name="forSandbox"/> runs that recorded one send.</summary>
        private static void OneSend(string path, bool forSandbox)
        {
            Assert.True(JournalKey.TryParse("0123456789abcdef0123456789abcdef", out var key));
            using var journal = SendJournal.Open(path, forSandbox: forSandbox);
            journal.Record(JournalState.Queued, new[] { key });
        }

        [Fact]
        public void A_sandbox_runs_journal_is_refused_by_a_run_to_the_service_and_by_its_preview()
        {
            using var folder = new TempFolder();
            var path = folder.File("rehearsal.journal");
            OneSend(path, forSandbox: true);

            var opened = Assert.Throws<SessionFailureException>(() => SendJournal.Open(path, forSandbox: false));
            var previewed = Assert.Throws<SessionFailureException>(() => SendJournal.ReadEarlier(path, forSandbox: false));

            Assert.Equal("JournalSandboxMismatch", opened.ErrorId);
            Assert.Contains("was written by sandbox runs", opened.Message);
            Assert.Equal("JournalSandboxMismatch", previewed.ErrorId);
            SendJournal.Open(path, forSandbox: true).Dispose();
        }

        [Fact]
        public void A_journal_whose_header_does_not_say_is_the_services()
        {
            using var folder = new TempFolder();
            var path = folder.File("older.journal");
            File.WriteAllText(path, HeaderWithoutTarget);

            using (SendJournal.Open(path, forSandbox: false)) { }
            var refused = Assert.Throws<SessionFailureException>(() => SendJournal.Open(path, forSandbox: true));

            Assert.Equal("JournalSandboxMismatch", refused.ErrorId);
            Assert.Contains("this session is the sandbox", refused.Message);
            Assert.Equal(HeaderWithoutTarget, File.ReadAllText(path));
        }

        [Fact]
        public void A_journal_that_recorded_nothing_is_made_anew_for_the_other_kind_of_run()
        {
            // A rehearsal stopped before its first row left a header alone: it lists no row a real run could skip.
            using var folder = new TempFolder();
            var path = folder.File("empty.journal");
            SendJournal.Open(path, forSandbox: true).Dispose();

            Assert.Null(SendJournal.ReadEarlier(path, forSandbox: false));
            OneSend(path, forSandbox: false);

            Assert.DoesNotContain("sandbox", File.ReadAllLines(path)[0]);
            Assert.Equal("JournalSandboxMismatch", Assert.Throws<SessionFailureException>(() => SendJournal.Open(path, forSandbox: true)).ErrorId);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_new_journal_says_sandbox_only_when_a_sandbox_run_made_it(bool forSandbox)
        {
            using var folder = new TempFolder();
            var path = folder.File("new.journal");

            SendJournal.Open(path, forSandbox: forSandbox).Dispose();

            var header = File.ReadAllLines(path)[0];
            Assert.StartsWith("{\"format\":\"WebexConnect.Journal\",\"version\":1,", header);
            if (forSandbox) Assert.EndsWith(",\"sandbox\":true}", header);
            else Assert.DoesNotContain("sandbox", header);
        }
    }
}
