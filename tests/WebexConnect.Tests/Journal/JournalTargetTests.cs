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
            "{\"format\":\"WebexConnect.Journal\",\"version\":1,\"created\":\"2026-11-30T08:00:00Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}\n";

        [Fact]
        public void A_sandbox_runs_journal_is_refused_by_a_run_to_the_service_and_by_its_preview()
        {
            using var folder = new TempFolder();
            var path = folder.File("rehearsal.journal");
            SendJournal.Open(path, forSandbox: true).Dispose();

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
