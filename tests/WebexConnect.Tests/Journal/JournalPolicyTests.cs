using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>What a re-run does with each outcome an earlier run recorded, over scripted transports.</summary>
    public class JournalPolicyTests
    {
        // Rows 1-3 queued, 4-5 rejected, 6-7 failed, 8-9 unknown.
        private static SendStatus FirstRun(int row) => row switch
        {
            <= 3 => SendStatus.Queued,
            <= 5 => SendStatus.Rejected,
            <= 7 => SendStatus.Failed,
            _ => SendStatus.Unknown,
        };

        [Fact]
        public void Queued_is_skipped_unknown_is_held_back_and_rejected_and_failed_are_sent_again()
        {
            using var folder = new TempFolder();
            var journal = folder.File("policy.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> second;
            using (var dispatcher = JournalKit.OverFake(again, journal)) second = JournalKit.Send(dispatcher, JournalKit.Rows(1, 9));

            Assert.Equal(new[] { 4, 5, 6, 7 }, again.SentRows.OrderBy(r => r));
            Assert.Equal(new[]
            {
                SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped,
                SendStatus.Queued, SendStatus.Queued, SendStatus.Queued, SendStatus.Queued,
                SendStatus.Unknown, SendStatus.Unknown,
            }, second.Select(r => r.Status));
            Assert.Equal(Enumerable.Range(1, 9), second.Select(r => (int)r.InputObject!));
        }

        [Fact]
        public void A_rerun_that_computes_SendAt_anew_skips_what_an_earlier_run_scheduled()
        {
            using var folder = new TempFolder();
            var journal = folder.File("moving.journal");
            SmsMessage At(int minutes) => new SmsMessage { From = "ACME", Text = JournalKit.Greeting.Text, SendAt = DateTimeOffset.UtcNow.AddMinutes(minutes) };
            using (var first = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Scheduled), journal)) JournalKit.Send(first, JournalKit.Rows(1, 3), At(60));

            var again = new ScriptedTransport(_ => SendStatus.Scheduled);
            List<SendResult> second;
            using (var dispatcher = JournalKit.OverFake(again, journal)) second = JournalKit.Send(dispatcher, JournalKit.Rows(1, 4), At(75));

            Assert.Equal(new[] { 4 }, again.SentRows);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Scheduled }, second.Select(r => r.Status));
        }

        [Fact]
        public void A_journal_whose_keys_held_SendAt_as_earlier_versions_wrote_them_still_skips_what_it_scheduled()
        {
            using var folder = new TempFolder();
            var journal = folder.File("earlier-version.journal");
            var message = new SmsMessage { From = "ACME", Text = JournalKit.Greeting.Text, SendAt = DateTimeOffset.UtcNow.AddHours(1), CallbackData = "nightly" };
            using (var earlier = SendJournal.Open(journal))
            using (var keys = new JournalKeyMaker(earlier.Salt))
            {
                var shape = MessageShape.Of(message);
                earlier.Record(JournalState.Scheduled, JournalKit.Rows(1, 3).Select(i => keys.AsKeyedBefore(shape, JournalKit.Person(i), 1)).ToList());
            }

            var again = new ScriptedTransport(_ => SendStatus.Scheduled);
            List<SendResult> second;
            using (var dispatcher = JournalKit.OverFake(again, journal)) second = JournalKit.Send(dispatcher, JournalKit.Rows(1, 4), message);

            Assert.Equal(new[] { 4 }, again.SentRows);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Scheduled }, second.Select(r => r.Status));
        }

        /// <summary>
        /// Before: a version that sent a row's substitution values as its cells held them ("Bernd " from a semicolon CSV)
        /// journaled the send with them; the next version trims them, under another key, so a re-run after the update found
        /// nothing and sent the row again. Now the row is looked up, and recorded, under its values as given too, also for a
        /// scheduled send, which the oldest versions keyed with its sendAt.
        /// </summary>
        [Fact]
        public void A_row_an_earlier_version_sent_with_untrimmed_values_is_skipped_when_sent_now_with_them_trimmed()
        {
            using var folder = new TempFolder();
            var journal = folder.File("untrimmed-before.journal");
            static Recipient Person(int i, string name) =>
                new Recipient(JournalKit.Number(i), "row-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { ["Name"] = name });
            var later = new SmsMessage { From = "ACME", Text = "Hi $(Name)", SendAt = DateTimeOffset.UtcNow.AddHours(1) };
            using (var earlier = SendJournal.Open(journal))
            using (var keys = new JournalKeyMaker(earlier.Salt))
            {
                // As those versions named the sends: the values as the cells held them.
                earlier.Record(JournalState.Queued, new[] { keys.For(MessageShape.Of(JournalKit.Greeting), Person(1, "Bernd "), 1) });
                earlier.Record(JournalState.Scheduled, new[] { keys.AsKeyedBefore(MessageShape.Of(later), Person(3, " Cy"), 1) });
            }
            using (var preview = JournalPreview.Open(journal, resendUnknown: false))
                Assert.Equal(SendStatus.Skipped, preview.EarlierOutcome(new DispatchItem(JournalKit.Greeting, Person(1, "Bernd"), 1) { RecipientAsGiven = Person(1, "Bernd ") })?.Status);

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> second;
            using (var now = JournalKit.OverFake(again, journal))
            {
                now.Add(new DispatchItem(JournalKit.Greeting, Person(1, "Bernd"), 1) { RecipientAsGiven = Person(1, "Bernd ") });
                // Row 2's cell had the same spaces, but it was never sent: it goes.
                now.Add(new DispatchItem(JournalKit.Greeting, Person(2, "Ann"), 2) { RecipientAsGiven = Person(2, "Ann ") });
                now.Add(new DispatchItem(later, Person(3, "Cy"), 3) { RecipientAsGiven = Person(3, " Cy") });
                second = now.Complete().ToList();
            }

            Assert.Equal(new[] { 2 }, again.SentRows);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Queued, SendStatus.Skipped }, second.Select(r => r.Status));
            // And a version before the trim, run on this journal again, finds row 2 as it names it.
            using var reread = SendJournal.Open(journal);
            using var sameKeys = new JournalKeyMaker(reread.Salt);
            Assert.True(reread.TryGetEarlier(sameKeys.For(MessageShape.Of(JournalKit.Greeting), Person(2, "Ann "), 1), out var asGiven));
            Assert.Equal(JournalState.Queued, asGiven.State);
        }

        /// <summary>
        /// Before: a version that sent an email row whole (to ann, cc ann and boss) journaled it with both copies; the next
        /// version sends it without the copy its To has (OverlappingCopies), under another key, so a re-run after the update
        /// found nothing and sent the row, and the boss's copy, a second time. Now the row is looked up as given too.
        /// </summary>
        [Fact]
        public void An_email_an_earlier_version_sent_with_a_copy_its_To_has_is_skipped_when_sent_now_without_it()
        {
            using var folder = new TempFolder();
            var journal = folder.File("copies-before.journal");
            static Recipient Person(int i) => new Recipient("user" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.com", "row-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            EmailMessage Email(params string[] cc) => new EmailMessage { From = "it@example.com", Subject = "S", Text = "Hi", Cc = cc };
            var given = Email("user1@example.com", "boss@example.com");
            using (var earlier = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal))
            {
                // As that version did: row 1's email with every copy it gave.
                earlier.Add(new DispatchItem(given, Person(1), 1));
                earlier.Complete().ToList();
            }
            // -WhatIf and -Confirm read ahead by the same rule.
            using (var preview = JournalPreview.Open(journal, resendUnknown: false))
                Assert.Equal(SendStatus.Skipped, preview.EarlierOutcome(new DispatchItem(Email("boss@example.com"), Person(1), 1) { AsGiven = given })?.Status);

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> second;
            using (var now = JournalKit.OverFake(again, journal))
            {
                now.Add(new DispatchItem(Email("boss@example.com"), Person(1), 1) { AsGiven = given });
                // Row 2 gave the same copies but was never sent: it goes.
                now.Add(new DispatchItem(Email("boss@example.com"), Person(2), 2) { AsGiven = given });
                second = now.Complete().ToList();
            }

            Assert.Equal(new[] { 2 }, again.SentRows);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Queued }, second.Select(r => r.Status));
        }

        /// <summary>
        /// Before: a row sent without the copy its To has was journaled only under the message as sent, so the version
        /// before, run on the same journal by a task whose account still loads it, looked for the row as given, found
        /// nothing and sent it (and the boss's copy) again. Now the row is recorded under both.
        /// </summary>
        [Fact]
        public void An_email_sent_without_a_copy_its_To_has_is_found_by_the_key_the_version_before_looks_for()
        {
            using var folder = new TempFolder();
            var journal = folder.File("copies-after.journal");
            var person = new Recipient("user1@example.com", "row-1");
            EmailMessage Email(params string[] cc) => new EmailMessage { From = "it@example.com", Subject = "S", Text = "Hi", Cc = cc };
            var given = Email("user1@example.com", "boss@example.com");
            var sent = Email("boss@example.com");
            using (var run = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal))
            {
                run.Add(new DispatchItem(sent, person, 1) { AsGiven = given });
                run.Complete().ToList();
            }

            using (var reread = SendJournal.Open(journal))
            using (var keys = new JournalKeyMaker(reread.Salt))
            {
                Assert.True(reread.TryGetEarlier(keys.For(MessageShape.Of(sent), person, 1), out var asSent));
                Assert.True(reread.TryGetEarlier(keys.For(MessageShape.Of(given), person, 1), out var asGiven), "the row under the message as given");
                Assert.Equal(JournalState.Queued, asSent.State);
                Assert.Equal(JournalState.Queued, asGiven.State);
            }

            // And the version before, which knows no AsGiven, skips it on a re-run.
            var again = new ScriptedTransport(_ => SendStatus.Queued);
            using (var before = JournalKit.OverFake(again, journal))
            {
                before.Add(new DispatchItem(given, person, 1));
                Assert.Equal(SendStatus.Skipped, before.Complete().Single().Status);
            }

            Assert.Empty(again.SentRows);
        }

        [Fact]
        public void A_scheduled_send_this_version_journals_is_found_by_the_key_earlier_versions_look_for_too()
        {
            // The task's account may load an older copy of the module than the one that ran last: it looks a scheduled
            // send up by the key with -SendAt in it, and must find it there rather than send it again.
            using var folder = new TempFolder();
            var journal = folder.File("both-keys.journal");
            var message = new SmsMessage { From = "ACME", Text = JournalKit.Greeting.Text, SendAt = DateTimeOffset.UtcNow.AddHours(1), NotifyUrl = "https://hooks.example.com/r" };
            using (var run = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Scheduled), journal)) JournalKit.Send(run, JournalKit.Rows(1, 3), message);

            using var reread = SendJournal.Open(journal);
            using var keys = new JournalKeyMaker(reread.Salt);
            var shape = MessageShape.Of(message);
            foreach (var i in JournalKit.Rows(1, 3))
            {
                Assert.True(reread.TryGetEarlier(keys.For(shape, JournalKit.Person(i), 1), out var now));
                Assert.True(reread.TryGetEarlier(keys.AsKeyedBefore(shape, JournalKit.Person(i), 1), out var before), $"row {i} under the earlier key");
                Assert.Equal(JournalState.Scheduled, now.State);
                Assert.Equal(JournalState.Scheduled, before.State);
            }

            // A message without those members has one key, written once.
            Assert.Equal(keys.For(MessageShape.Of(JournalKit.Greeting), JournalKit.Person(1), 1), keys.AsKeyedBefore(MessageShape.Of(JournalKit.Greeting), JournalKit.Person(1), 1));
        }

        [Fact]
        public void Of_the_two_keys_of_a_scheduled_send_the_one_recorded_last_decides()
        {
            // This version's run failed to send it (both keys: failed); an earlier version's run then scheduled it (its
            // own key only). A third run must skip it, not send it a second time on the strength of the older line.
            using var folder = new TempFolder();
            var journal = folder.File("turns.journal");
            var message = new SmsMessage { From = "ACME", Text = JournalKit.Greeting.Text, SendAt = DateTimeOffset.UtcNow.AddHours(1) };
            var shape = MessageShape.Of(message);
            var at = DateTimeOffset.UtcNow;
            using (var written = SendJournal.Open(journal, () => at))
            using (var keys = new JournalKeyMaker(written.Salt))
            {
                written.Record(JournalState.Failed, new[] { keys.For(shape, JournalKit.Person(1), 1), keys.AsKeyedBefore(shape, JournalKit.Person(1), 1) });
                at = at.AddMinutes(15);
                written.Record(JournalState.Scheduled, new[] { keys.AsKeyedBefore(shape, JournalKit.Person(1), 1) });
            }

            var again = new ScriptedTransport(_ => SendStatus.Scheduled);
            List<SendResult> third;
            using (var dispatcher = JournalKit.OverFake(again, journal)) third = JournalKit.Send(dispatcher, new[] { 1 }, message);

            Assert.Empty(again.SentRows);
            Assert.Equal(SendStatus.Skipped, third.Single().Status);
        }

        [Fact]
        public void ResendUnknown_sends_what_an_earlier_run_could_not_confirm_but_never_what_it_queued()
        {
            using var folder = new TempFolder();
            var journal = folder.File("resend.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            using (var dispatcher = JournalKit.OverFake(again, journal, resendUnknown: true)) JournalKit.Send(dispatcher, JournalKit.Rows(1, 9));

            Assert.Equal(new[] { 4, 5, 6, 7, 8, 9 }, again.SentRows.OrderBy(r => r));
        }

        /// <summary>
        /// Before: a re-run of a CSV exported again with a column that changes on every export sent every row a second time
        /// without a word. Now a run none of whose rows an earlier run recorded warns once, at its end, when earlier runs sent.
        /// </summary>
        [Theory]
        [InlineData(10, 3, true)]   // rows 10-12: none of them in the journal
        [InlineData(9, 3, false)]   // row 9 was in flight earlier: one row matched, so the journal was the right one
        [InlineData(4, 1, false)]   // row 4 was rejected earlier and is sent again: it matched all the same
        [InlineData(10, 1, false)]  // one new row: what each call of a loop of one-row calls sends, not a sign of a changed export
        [InlineData(10, 2, true)]   // two new rows
        public void A_run_none_of_whose_rows_the_journal_recorded_warns_once_at_its_end(int first, int count, bool warns)
        {
            using var folder = new TempFolder();
            var journal = folder.File("none-matched.journal");
            using (var earlier = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(earlier, JournalKit.Rows(1, 9));

            using var dispatcher = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal);
            var results = JournalKit.Send(dispatcher, JournalKit.Rows(first, count));
            var warnings = dispatcher.TakeDiagnostics().Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message).ToList();
            dispatcher.Complete().ToList();

            Assert.Equal(count, results.Count);
            if (!warns)
            {
                Assert.Empty(warnings);
                return;
            }
            var warning = Assert.Single(warnings);
            var all = count == 2 ? "both rows" : $"all {count} rows";
            Assert.StartsWith($"The journal '{journal}' records 3 rows sent by earlier runs, and not one row of this run is among them: {all} went out as new.", warning);
            // Its text names every column of the rows: a column it names is the cause to look for, not one it does not.
            Assert.Contains("a column the text names as $(name) whose value changes with each export", warning);
            Assert.DoesNotContain("-SubstitutionColumn", warning);
            Assert.Contains("-WhatIf", warning);
            Assert.DoesNotContain(dispatcher.TakeDiagnostics(), d => d.Level == DiagnosticLevel.Warning);
        }

        /// <summary>
        /// Before: a daily task given the same -Journal every day skipped, from its second day on, every reminder whose text
        /// repeats ("Your weekly pickup is tomorrow"), with nothing but Skipped rows in its log. Now a run that skips rows sent
        /// 12 hours or more before it began warns once, at its end, and says to put the date in the journal's name; a re-run
        /// of a run cut short hours before does not.
        /// </summary>
        [Theory]
        [InlineData(25, true)]    // yesterday's run of a daily task
        [InlineData(24 * 7, true)] // last week's
        [InlineData(9, false)]    // last night's run at 23:00, finished the morning after
        public void A_run_that_skips_rows_sent_on_an_earlier_day_says_to_give_each_day_its_own_journal(int hoursAgo, bool warns)
        {
            using var folder = new TempFolder();
            var journal = folder.File("reminders.journal");
            var sentAt = DateTimeOffset.UtcNow.AddHours(-hoursAgo);
            using (var earlier = SendJournal.Open(journal, () => sentAt))
            using (var keys = new JournalKeyMaker(earlier.Salt))
            {
                var shape = MessageShape.Of(JournalKit.Greeting);
                earlier.Record(JournalState.Queued, JournalKit.Rows(1, 3).Select(i => keys.For(shape, JournalKit.Person(i), 1)).ToList());
            }

            var today = new ScriptedTransport(_ => SendStatus.Queued);
            using var dispatcher = JournalKit.OverFake(today, journal);
            var results = JournalKit.Send(dispatcher, JournalKit.Rows(1, 4));
            var warnings = dispatcher.TakeDiagnostics().Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message).ToList();

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Queued }, results.Select(r => r.Status));
            if (!warns)
            {
                Assert.Empty(warnings);
                return;
            }
            var warning = Assert.Single(warnings);
            var when = sentAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"3 rows Skipped as already sent: the journal '{journal}' records them sent 12 hours or more before this run began (the latest on {when} UTC).", warning);
            Assert.Contains($"'reminders-{DateTime.Now:yyyy-MM-dd}.journal' today", warning);
            dispatcher.Complete().ToList();
            Assert.DoesNotContain(dispatcher.TakeDiagnostics(), d => d.Level == DiagnosticLevel.Warning);
        }

        [Fact]
        public void A_journal_with_no_send_recorded_gives_no_warning_however_new_the_rows()
        {
            using var folder = new TempFolder();
            var journal = folder.File("all-failed.journal");
            using (var earlier = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Failed), journal)) JournalKit.Send(earlier, JournalKit.Rows(1, 3));

            using var dispatcher = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal);
            JournalKit.Send(dispatcher, JournalKit.Rows(10, 3));

            Assert.DoesNotContain(dispatcher.TakeDiagnostics(), d => d.Level == DiagnosticLevel.Warning);
        }

        [Fact]
        public void ResendUnknown_names_each_row_it_sends_again_as_one_that_may_arrive_twice()
        {
            using var folder = new TempFolder();
            var journal = folder.File("resend-said.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            var said = new List<string>();
            using (var dispatcher = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal, resendUnknown: true))
            {
                foreach (var i in JournalKit.Rows(1, 9))
                {
                    dispatcher.Add(new WebexConnect.Sending.DispatchItem(JournalKit.Greeting, JournalKit.Person(i), i) { Row = i });
                    said.AddRange(dispatcher.TakeDiagnostics().Select(d => d.Message).Where(m => m.Contains("Sending again")));
                }

                dispatcher.Complete().ToList();
            }

            // Only the rows of unknown outcome: a failed or rejected row was never accepted, so it cannot arrive twice.
            Assert.Equal(2, said.Count);
            Assert.StartsWith("Row 8: Sending again +447700900008 (-ResendUnknown): its outcome was unknown in an earlier run on ", said[0]);
            Assert.EndsWith(" UTC (journal), so it may arrive twice.", said[0]);
            Assert.StartsWith("Row 9: Sending again +447700900009 (-ResendUnknown): ", said[1]);
        }

        [Fact]
        public void A_run_that_died_with_a_request_in_flight_leaves_those_rows_Unknown_until_ResendUnknown()
        {
            using var folder = new TempFolder();
            var journal = folder.File("crash.journal");
            // The first run's request never comes back: the process "dies" with it in flight (the run is
            // abandoned without an outcome, as a kill or power loss would leave it).
            var never = new TaskCompletionSource<bool>();
            var hanging = new FakeTransport { Hold = _ => never.Task };
            var dead = JournalKit.OverFake(hanging, journal);
            for (var i = 1; i <= 5; i++) dead.Add(new WebexConnect.Sending.DispatchItem(JournalKit.Greeting, JournalKit.Person(i), i));
            var flushed = Task.Run(() => dead.Complete().ToList());
            Assert.True(SpinWait.SpinUntil(() => hanging.Calls > 0, TimeSpan.FromSeconds(10)), "the request went out");
            dead.Dispose();
            // The abandoned run's Complete ends with the dispatcher gone; its results are not the point.
            Assert.ThrowsAny<Exception>(() => flushed.GetAwaiter().GetResult());

            var afterCrash = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> second;
            using (var dispatcher = JournalKit.OverFake(afterCrash, journal)) second = JournalKit.Send(dispatcher, JournalKit.Rows(1, 5));

            Assert.All(second, r =>
            {
                Assert.Equal(SendStatus.Unknown, r.Status);
                Assert.Contains(" recorded sending it but not what the service answered (journal); it may have been sent.", r.Reason);
                // Where to look, as the run's own Unknown rows say it (before: "check delivery reports", and no word of where).
                Assert.EndsWith("Not resent: check its delivery receipts (-NotifyUrl) or the service's message logs, then use -ResendUnknown to send it again.", r.Reason);
            });
            Assert.Equal(0, afterCrash.Sent);

            var resend = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> third;
            using (var dispatcher = JournalKit.OverFake(resend, journal, resendUnknown: true)) third = JournalKit.Send(dispatcher, JournalKit.Rows(1, 5));
            Assert.All(third, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(5, resend.Sent);
        }

        [Fact]
        public async Task A_batch_whose_intent_cannot_be_written_is_not_sent()
        {
            using var folder = new TempFolder();
            var run = new JournalRun(folder.File("closed.journal"), resendUnknown: false);
            var inner = new ScriptedTransport(_ => SendStatus.Queued);
            var transport = new JournalingTransport(attempts => new WholeBatchAttempt(inner, attempts), run);
            var item = new WebexConnect.Sending.DispatchItem(JournalKit.Greeting, JournalKit.Person(1), 1);
            Assert.Null(run.Admit(item, MessageShape.Of(item.Message), out var toSend, out _));
            run.Dispose();

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                transport.SendAsync(new OutgoingBatch(MessageShape.Of(toSend.Message), new[] { toSend.Recipient }, 1), CancellationToken.None));

            Assert.Equal("JournalWriteFailed", failure.ErrorId);
            Assert.Equal(0, inner.Sent);
        }
    }
}
