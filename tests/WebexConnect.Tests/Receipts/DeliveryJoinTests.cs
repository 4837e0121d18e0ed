using System;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Receipts;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    public class DeliveryJoinTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        private static SendResult Sent(long row, string destination, string? messageId, string? correlationId = null, SendStatus status = SendStatus.Queued) =>
            new SendResult(MessageChannel.Sms, destination, correlationId, status, messageId, row: row);

        private static DeliveryReceipt Receipt(string code, string destination, string? transid, string? correlationId = null) =>
            new DeliveryReceipt(DeliveryStatuses.From(code, null), code, null, null, "sms", destination, "MSISDN", Now, ReceiptReader.MessageIdOf(transid),
                transid, correlationId, null, null, null, null, null, Now, false);

        [Fact]
        public void AReceiptJoinsByMessageIdAndTheNumberWithoutItsPlus()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Add(Sent(2, "+447700900002", "m-1"));
            buffer.Add(Receipt("7501", "447700900002", "m-1_2"));
            buffer.Add(Receipt("7500", "447700900002", "m-1_2"));
            buffer.Add(Receipt("7102", "447700900001", "m-1_1"));

            join.Pull();
            join.EndOfInput();
            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { 1L, 2L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { DeliveryStatus.Failed, DeliveryStatus.Delivered }, ready.Select(r => r.Status));
            Assert.All(ready, r => Assert.False(r.TimedOut));
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void TwoRowsOfOneRequestToTheSameNumberEachTakeTheReceiptOfTheirOwnCorrelationId()
        {
            // Before: both waited under m-1 and the number, so both took the receipt that came last: row 1's Failed read Delivered.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1", "a"));
            buffer.Add(Receipt("7102", "447700900001", "m-1", "a"));
            buffer.Add(Receipt("7500", "447700900001", "m-1", "b"));
            join.Pull();
            join.Add(Sent(2, "+447700900001", "m-1", "b"));   // added after both came: found in the index by its own keys
            join.Pull();
            join.EndOfInput();

            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { DeliveryStatus.Failed, DeliveryStatus.Delivered }, ready.Select(r => r.Status));
            Assert.Equal(new[] { "a", "b" }, ready.Select(r => r.Receipt!.CorrelationId));
        }

        [Fact]
        public void TwoRowsOfOneRequestToTheSameNumberWithoutCorrelationIdsSayTheyShareItsReceipts()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Add(Sent(2, "+447700900001", "m-1"));
            join.Add(Sent(3, "+447700900003", "m-1"));
            join.Add(Sent(4, "+447700900001", "m-1", "d"));   // a correlation ID of its own, the others none: still not told apart

            var ready = join.TakeReady(all: true);

            Assert.Equal(new[] { 2L, 1L, 0L, 1L }, ready.Select(r => r.SharesReceiptsWith));
        }

        [Fact]
        public void ARowAddedAfterTheOtherRowToItsNumberWasWrittenStillSaysItSharesItsReceipts()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(2, "+447700900002", "m-0"));   // another request's row between (another shape's batch)
            buffer.Add(Receipt("7500", "447700900002", "m-0"));
            join.Pull();   // row 2's receipt came before row 3 did: row 1 goes
            Assert.Equal(0, join.TakeReady(all: false).First().SharesReceiptsWith);

            join.Add(Sent(3, "+447700900001", "m-1"));
            join.Add(Sent(4, "+447700900001", "m-2"));   // another message: its own receipts

            var later = join.TakeReady(all: true);
            Assert.Equal(new[] { 0L, 1L, 0L }, later.Select(r => r.SharesReceiptsWith));
            Assert.Equal(new[] { false, true, false }, later.Select(r => r.SharerWrittenFirst));
        }

        [Fact]
        public void ARowAnsweredBeforeAnotherRequestsRowCameWaitsWhileThatRowHasNoFinalReceipt()
        {
            // A, B, A (two texts, TPS-paced requests): row 1's receipt came before row 2, of the next request, was read, and row 3
            // comes right after row 2, before row 2's receipt. Before, row 1 was written when row 2 came, and only row 3's Note
            // said they share their receipts. Now row 1 waits while row 2 has no final receipt, and both say it.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(2, "+447700900002", "m-2"));
            Assert.Empty(join.TakeReady(all: false));   // held: row 2 has no final receipt yet
            join.Add(Sent(3, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900002", "m-2"));
            join.Pull();
            join.Add(Sent(4, "+447700900004", "m-3"));
            var ready = join.TakeReady(all: false);   // row 3 was answered on arrival: it waits for the end of the input
            join.EndOfInput();
            var last = join.TakeReady(all: false);

            Assert.Equal(new[] { 1L, 2L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { 3L, 0L }, ready.Select(r => r.SharesReceiptsWith));
            Assert.Equal((3L, 1L, false), (last[0].Row, last[0].SharesReceiptsWith, last[0].SharerWrittenFirst));
        }

        [Fact]
        public void ARowAnsweredBeforeTheNextRowIsHeldNoLongerThanThatRow()
        {
            // The hold costs nothing the wait would not hold anyway: the row goes just before the row after it, or at the end.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(2, "+447700900002", "m-2"));
            join.Add(Sent(3, "+447700900003", "m-3"));
            Assert.Empty(join.TakeReady(all: false));
            buffer.Add(Receipt("7500", "447700900002", "m-2"));
            join.Pull();
            Assert.Equal(new[] { 1L }, join.TakeReady(all: false).Select(r => r.Row));   // row 2 waits for row 3's request, as before
            join.EndOfInput();
            Assert.Equal(new[] { 2L }, join.TakeReady(all: false).Select(r => r.Row));
            Assert.Equal(1, join.Waiting);
        }

        [Fact]
        public void ARowAnsweredWhileItWasWaitedForWaitsWhileTheRowsOfItsRequestAreStillComing()
        {
            // A live wait: row 1's receipt came while row 2 (another number of the same request) was read. Before, row 1 was
            // written then, and row 3, to row 1's number, was the only row to say they share their receipts.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            Assert.Empty(join.TakeReady(all: false));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(2, "+447700900002", "m-1"));
            Assert.Empty(join.TakeReady(all: false));   // held: the request's rows are still coming
            buffer.Add(Receipt("7500", "447700900002", "m-1"));
            join.Pull();
            Assert.Empty(join.TakeReady(all: false));
            join.Add(Sent(3, "+447700900001", "m-1"));
            join.Add(Sent(4, "+447700900004", "m-2"));   // the next request: no more rows of m-1 follow

            var ready = join.TakeReady(all: false);
            join.EndOfInput();
            var last = join.TakeReady(all: false);   // row 3 had its receipt on arrival: it waits for the end of the input

            Assert.Equal(new[] { 1L, 2L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { 3L, 0L }, ready.Select(r => r.SharesReceiptsWith));
            Assert.Equal((3L, 1L, false), (last[0].Row, last[0].SharesReceiptsWith, last[0].SharerWrittenFirst));
        }

        [Fact]
        public void TwoRowsToTheSameNumberAnsweredByReceiptsAtHandBothSayTheyShareThem()
        {
            // -Receipt reads every receipt before the first row comes. Before, row 1 was written at once, before row 2 was read,
            // and only row 2 said that their receipts could not be told apart.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900003", "m-1"));
            join.Pull();

            join.Add(Sent(1, "+447700900001", "m-1"));
            Assert.Empty(join.TakeReady(all: false));   // held: a later row of the input may share its receipts
            join.Add(Sent(2, "+447700900003", "m-1"));
            join.Add(Sent(3, "+447700900001", "m-1"));
            Assert.Empty(join.TakeReady(all: false));
            join.EndOfInput();
            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { 1L, 2L, 3L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { 3L, 0L, 1L }, ready.Select(r => r.SharesReceiptsWith));
            Assert.All(ready, r => Assert.Equal((DeliveryStatus.Delivered, false), (r.Status, r.TimedOut)));
        }

        [Fact]
        public void ARowAnsweredWhileItWasWaitedForIsWrittenWithoutWaitingForTheEndOfTheInput()
        {
            // A live wait: the receipt comes after the row, and the row is not held for the end of the input.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(2, "+447700900002", "m-2"));   // the next request's row, once it has its receipt, lets it go
            buffer.Add(Receipt("7500", "447700900002", "m-2"));
            join.Pull();

            Assert.Equal(DeliveryStatus.Delivered, join.TakeReady(all: false).First().Status);
        }

        [Fact]
        public void TheSameResultGivenAgainIsReportedAgainTheSameAndIsNotTakenForAnotherRowToItsNumber()
        {
            // Before: the second of $r + $r read as another row of the request to the same number, "Row 1 sent to the same
            // address" on row 1 itself.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            buffer.Add(Receipt("7102", "447700900001", "m-1"));
            join.Pull();
            var sent = Sent(1, "+447700900001", "m-1");

            join.Add(sent);
            join.Add(sent);
            join.Add(Sent(1, "+447700900001", "m-1"));   // the same row of its Export-Csv
            join.Add(Sent(2, "+447700900001", "m-2"));   // another message: not the same send
            join.EndOfInput();
            var ready = join.TakeReady(all: true);

            Assert.Equal(new[] { DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.NoReceipt }, ready.Select(r => r.Status));
            Assert.All(ready, r => Assert.Equal(0, r.SharesReceiptsWith));
            Assert.Equal(new[] { false, true, true, false }, ready.Select(r => r.GivenBefore));
            Assert.Equal((2L, 1L), (join.Repeats, join.FirstRepeatedRow));
        }

        [Fact]
        public void TheSameResultGivenAgainAfterItWasWrittenSaysWhatTheFirstSaid()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            var first = Sent(1, "+447700900001", "m-1");
            join.Add(first);
            join.Add(Sent(2, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.Add(Sent(3, "+447700900003", "m-2"));   // the next request's row, once it has its receipt: rows 1 and 2 go
            buffer.Add(Receipt("7500", "447700900003", "m-2"));
            join.Pull();
            Assert.Equal(new[] { 2L, 1L }, join.TakeReady(all: false).Select(r => r.SharesReceiptsWith));

            join.Pull();
            join.Add(first);
            join.EndOfInput();
            var again = join.TakeReady(all: true).Last();

            Assert.Equal((DeliveryStatus.Delivered, 2L, true), (again.Status, again.SharesReceiptsWith, again.GivenBefore));
        }

        [Fact]
        public void TheSameRowGivenTwiceWhileBothAreWaitedForStillSaysWhichOtherRowSharesItsNumber()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Add(Sent(2, "+447700900001", "m-1"));
            join.Add(Sent(1, "+447700900001", "m-1"));

            var ready = join.TakeReady(all: true);

            Assert.Equal(new[] { 2L, 1L, 2L }, ready.Select(r => r.SharesReceiptsWith));
            Assert.Equal(new[] { false, false, true }, ready.Select(r => r.GivenBefore));
        }

        [Fact]
        public void AReceiptWithoutACorrelationIdStillAnswersForARowThatHasOne()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1", "a"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            join.Pull();
            join.EndOfInput();

            Assert.Equal(DeliveryStatus.Delivered, Assert.Single(join.TakeReady(all: false)).Status);
        }

        [Fact]
        public void AScheduledResultDueAfterTheWaitLeavesAtOnceAsScheduledAndOneDueWithinItIsWaitedFor()
        {
            // Before: a reminder due tomorrow held the run for the whole -Timeout, then ended NoReceipt and TimedOut.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer, wait: TimeSpan.FromMinutes(10));
            join.Add(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Scheduled, "m-1", row: 1, scheduledFor: DateTimeOffset.UtcNow.AddDays(1)));
            join.Add(new SendResult(MessageChannel.Sms, "+447700900002", null, SendStatus.Scheduled, "m-2", row: 2, scheduledFor: DateTimeOffset.UtcNow.AddMinutes(5)));
            // A results file's row does not know its time: waited for, as before.
            join.Add(new SendResult(MessageChannel.Sms, "+447700900003", null, SendStatus.Scheduled, "m-3", row: 3));

            var first = Assert.Single(join.TakeReady(all: false));

            Assert.Equal((1L, DeliveryStatus.Scheduled, false), (first.Row, first.Status, first.TimedOut));
            Assert.Equal(2, join.Waiting);
            Assert.Equal(new[] { DeliveryStatus.NoReceipt, DeliveryStatus.NoReceipt }, join.TakeReady(all: true).Select(r => r.Status));
        }

        private static SendResult Emailed(long row, string to, string? messageId, params string[] copies) =>
            new SendResult(MessageChannel.Email, to, null, SendStatus.Queued, messageId, row: row) { CopyAddresses = copies };

        [Fact]
        public void AnEmailsRowWaitsForItsCopiesAndShowsThemWithoutTakingItsStatusFromThem()
        {
            // Before: a Cc copy's receipt answered for no row, so a report could not say whether a user's manager got the copy.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Emailed(1, "ann@example.com", "m-1", "Boss@Example.com", "audit@example.com"));
            join.Add(Emailed(2, "bob@example.com", "m-1", "Boss@Example.com", "audit@example.com"));
            buffer.Add(Receipt("7500", "ann@example.com", "m-1"));
            buffer.Add(Receipt("7520", "bob@example.com", "m-1"));
            buffer.Add(Receipt("7501", "boss@example.com", "m-1"));

            join.Pull();
            Assert.Empty(join.TakeReady(all: false));   // the copies' final receipts are still to come
            Assert.Equal(2, join.Waiting);

            buffer.Add(Receipt("7520", "boss@example.com", "m-1"));
            buffer.Add(Receipt("7500", "audit@example.com", "m-1"));
            join.Pull();
            join.EndOfInput();
            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { DeliveryStatus.Delivered, DeliveryStatus.Bounced }, ready.Select(r => r.Status));
            Assert.All(ready, r => Assert.Equal("Boss@Example.com: Bounced (7520); audit@example.com: Delivered (7500)", r.Copies));
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void ACopyWithoutAFinalReceiptDoesNotTimeTheRowOutAndSaysWhatCame()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Emailed(1, "ann@example.com", "m-1", "boss@example.com", "ceo@example.com"));
            // Unknown (no message ID, found by correlation ID): its copy is waited for under the message its own receipt names (m-0),
            // and the copy's receipt of another message (m-1) is not taken for it.
            join.Add(new SendResult(MessageChannel.Email, "cy@example.com", "row-2", SendStatus.Unknown, null, row: 2) { CopyAddresses = new[] { "boss@example.com" } });
            buffer.Add(Receipt("7500", "cy@example.com", "m-0", "row-2"));
            buffer.Add(Receipt("7500", "ann@example.com", "m-1"));
            buffer.Add(Receipt("7501", "boss@example.com", "m-1"));

            join.Pull();
            Assert.Equal(2, join.Waiting);   // each row, for its copies
            var ready = join.TakeReady(all: true);

            Assert.Equal((DeliveryStatus.Delivered, false), (ready[0].Status, ready[0].TimedOut));
            Assert.Equal("boss@example.com: Submitted (7501); ceo@example.com: NoReceipt", ready[0].Copies);
            Assert.Equal((DeliveryStatus.Delivered, false, "boss@example.com: NoReceipt"), (ready[1].Status, ready[1].TimedOut, ready[1].Copies));
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void AnUnknownRowFindsItsCopiesUnderTheMessageItsOwnReceiptNames()
        {
            // Before: an Unknown row's copies read NoReceipt whatever came, as no copy receipt was ever looked for.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(new SendResult(MessageChannel.Email, "cy@example.com", "row-1", SendStatus.Unknown, null, row: 1) { CopyAddresses = new[] { "boss@example.com", "audit@example.com" } });
            buffer.Add(Receipt("7520", "boss@example.com", "m-7"));          // kept before the row's own receipt came
            buffer.Add(Receipt("7500", "cy@example.com", "m-7", "row-1"));
            join.Pull();
            Assert.Empty(join.TakeReady(all: false));                         // audit@ is still to come
            buffer.Add(Receipt("7500", "audit@example.com", "m-7"));
            join.Pull();

            var ready = Assert.Single(join.TakeReady(all: false));

            Assert.Equal((DeliveryStatus.Delivered, "m-7"), (ready.Status, ready.MessageId));
            Assert.Equal("boss@example.com: Bounced (7520); audit@example.com: Delivered (7500)", ready.Copies);
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void AnUnknownRowWithoutItsOwnReceiptSaysItsCopiesAreNotKnownRatherThanNoReceipt()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(new SendResult(MessageChannel.Email, "cy@example.com", "row-1", SendStatus.Unknown, null, row: 1) { CopyAddresses = new[] { "boss@example.com" } });
            buffer.Add(Receipt("7500", "boss@example.com", "m-7"));
            join.Pull();

            var ready = Assert.Single(join.TakeReady(all: true));

            Assert.Equal((DeliveryStatus.NoReceipt, "boss@example.com: not known (no message ID)"), (ready.Status, ready.Copies));
        }

        [Fact]
        public void AnSmsOrAnEmailWithoutCopiesHasNoCopies()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Add(Emailed(2, "ann@example.com", "m-2"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            buffer.Add(Receipt("7500", "ann@example.com", "m-2"));

            join.Pull();

            Assert.All(join.TakeReady(all: false), r => Assert.Null(r.Copies));
        }

        [Fact]
        public void ASubmittedReceiptEndsTheWaitForASendThatAskedForNothingLater()
        {
            // -RequestedReceipt submitted (what an SMTP email app can send): no receipt comes after Submitted. Before, the row
            // waited the whole -Timeout and ended TimedOut with an error that blamed SMTP for what the send itself asked.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(new SendResult(MessageChannel.Email, "ann@example.com", null, SendStatus.Queued, "m-1", row: 1) { AskedReceipts = ReceiptFilter.SubmittedOnly });
            join.Add(new SendResult(MessageChannel.Email, "bob@example.com", null, SendStatus.Queued, "m-2", row: 2));
            buffer.Add(Receipt("7501", "ann@example.com", "m-1"));
            buffer.Add(Receipt("7501", "bob@example.com", "m-2"));

            join.Pull();
            join.EndOfInput();   // row 2 is left waiting; row 1 is not held for it any more

            var first = Assert.Single(join.TakeReady(all: false));
            Assert.Equal((1L, DeliveryStatus.Submitted, false), (first.Row, first.Status, first.TimedOut));
            Assert.Equal(1, join.Waiting);
        }

        [Fact]
        public void AnSmtpEmailAppsSubmittedReceiptEndsAnEmailsWaitAndAnEmailWithoutSubmittedAskedIsNotWaitedFor()
        {
            // -EmailRoute Smtp: the service posts an SMTP app's Submitted alone, so an email sent with no -RequestedReceipt
            // is done at it; one whose filter left submitted out gets nothing. Before, both waited the whole -Timeout. An SMS
            // at Submitted still waits for its Delivered.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer, smtpEmail: true);
            join.Add(new SendResult(MessageChannel.Email, "ann@example.com", null, SendStatus.Queued, "m-1", row: 1));
            join.Add(new SendResult(MessageChannel.Email, "bob@example.com", null, SendStatus.Queued, "m-2", row: 2) { AskedReceipts = ReceiptFilter.NoSubmitted });
            join.Add(Sent(3, "+447700900001", "m-3"));
            buffer.Add(Receipt("7501", "ann@example.com", "m-1"));
            buffer.Add(Receipt("7501", "447700900001", "m-3"));

            join.Pull();

            var ready = join.TakeReady(all: false);
            Assert.Equal(new[] { (1L, DeliveryStatus.Submitted, false), (2L, DeliveryStatus.NoReceipt, false) }, ready.Select(r => (r.Row, r.Status, r.TimedOut)));
            Assert.Equal(1, join.Waiting);
        }

        [Fact]
        public void ASendWhoseFilterLetsNothingThroughIsNotWaitedForWhateverTheApp()
        {
            // Read and clicked alone on a text email: the service posts nothing. Before, the row waited the whole -Timeout.
            var join = new DeliveryJoin(new ReceiptBuffer(100));
            join.Add(new SendResult(MessageChannel.Email, "ann@example.com", null, SendStatus.Queued, "m-1", row: 1) { AskedReceipts = ReceiptFilter.Nothing });

            var only = Assert.Single(join.TakeReady(all: false));
            Assert.Equal((DeliveryStatus.NoReceipt, false), (only.Status, only.TimedOut));
            Assert.Equal(0, join.Waiting);
        }

        [Theory]
        // The service posts a receipt for each To, Cc and Bcc address under the message's transid; the row is its To address's.
        [InlineData("7500", "7520", DeliveryStatus.Delivered)]
        [InlineData("7520", "7500", DeliveryStatus.Bounced)]
        public void ACopysReceiptDoesNotAnswerForTheRowItWasCopiedOn(string toCode, string copyCode, DeliveryStatus expected)
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(new SendResult(MessageChannel.Email, "ann@example.com", "row-1", SendStatus.Queued, "m-1", row: 1));
            buffer.Add(Receipt("7501", "boss@example.com", "m-1"));
            buffer.Add(Receipt(copyCode, "boss@example.com", "m-1"));
            join.Pull();
            Assert.Empty(join.TakeReady(all: false));

            buffer.Add(Receipt(toCode, "ann@example.com", "m-1", "row-1"));
            join.Pull();

            var only = Assert.Single(join.TakeReady(all: true));
            Assert.Equal((1L, "ann@example.com", expected, false), (only.Row, only.Destination, only.Status, only.TimedOut));
        }

        [Fact]
        public void ARowWhoseCopiesAloneGotReceiptsHasNoReceiptOfItsOwn()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(new SendResult(MessageChannel.Email, "ann@example.com", "row-1", SendStatus.Queued, "m-1", row: 1));
            buffer.Add(Receipt("7500", "boss@example.com", "m-1", "row-1"));
            join.Pull();

            var only = Assert.Single(join.TakeReady(all: true));
            Assert.Equal((DeliveryStatus.NoReceipt, true), (only.Status, only.TimedOut));
        }

        [Fact]
        public void ReceiptsThatCameBeforeTheResultAreFound()
        {
            var buffer = new ReceiptBuffer(100);
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            var join = new DeliveryJoin(buffer);
            join.Pull();

            join.Add(Sent(1, "+447700900001", "m-1"));
            join.EndOfInput();   // answered on arrival: held until then (TwoRowsToTheSameNumberAnsweredByReceiptsAtHandBothSayTheyShareThem)

            Assert.Equal(DeliveryStatus.Delivered, Assert.Single(join.TakeReady(all: false)).Status);
        }

        [Fact]
        public void EveryRowFindsItsReceiptWhenTheSourceHoldsOneFinalReceiptPerRowWithACorrelationId()
        {
            // Wait-ConnectDelivery -Receipt: a buffer exactly as large as the receipts given, read whole before the second
            // row is added. Each receipt is indexed under two keys (message and correlation ID); an index of one key per
            // receipt pushed out rows 2-5's before those rows came, and they were NoReceipt.
            const int rows = 10;
            var buffer = new ReceiptBuffer(rows);
            for (var i = 1; i <= rows; i++) buffer.Add(Receipt("7500", $"4477009000{i:D2}", "m-1", $"row-{i}"));
            var join = new DeliveryJoin(buffer);

            var results = new System.Collections.Generic.List<DeliveryResult>();
            for (var i = 1; i <= rows; i++)
            {
                join.Add(Sent(i, $"+4477009000{i:D2}", "m-1", $"row-{i}"));
                join.Pull();
                results.AddRange(join.TakeReady(all: false));
            }
            results.AddRange(join.TakeReady(all: true));

            Assert.Equal(Enumerable.Range(1, rows).Select(i => (long)i), results.Select(r => r.Row));
            Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        }

        [Fact]
        public void AResultWithoutAMessageIdJoinsByCorrelationId()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", null, "row-1", SendStatus.Queued));
            buffer.Add(Receipt("7500", "447700900001", "other", "row-1"));

            join.Pull();

            Assert.Equal(DeliveryStatus.Delivered, Assert.Single(join.TakeReady(all: false)).Status);
        }

        [Fact]
        public void ResultsLeaveInInputOrderAndTheRestAreMarkedAtTheEnd()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            join.Add(Sent(2, "+447700900002", "m-2"));
            join.Add(Sent(3, "+447700900003", null, status: SendStatus.Rejected));
            buffer.Add(Receipt("7500", "447700900002", "m-2"));
            buffer.Add(Receipt("7501", "447700900001", "m-1"));
            join.Pull();

            Assert.Empty(join.TakeReady(all: false));
            Assert.Equal(1, join.Waiting);
            var rest = join.TakeReady(all: true);

            Assert.Equal(new[] { 1L, 2L, 3L }, rest.Select(r => r.Row));
            Assert.Equal(new[] { DeliveryStatus.Submitted, DeliveryStatus.Delivered, DeliveryStatus.NotSent }, rest.Select(r => r.Status));
            Assert.Equal(new[] { true, false, false }, rest.Select(r => r.TimedOut));
            Assert.Equal(0, join.Pending);
        }

        [Fact]
        public void AnUnknownResultIsWaitedForAndJoinsByCorrelationIdWhileTheNotSentPassStraightThrough()
        {
            // Unknown: the connection was lost after the request left, so the service may have accepted it.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", null, "c1", SendStatus.Unknown));
            join.Add(Sent(2, "+447700900002", null, "c2", SendStatus.Rejected));
            join.Add(Sent(3, "+447700900003", null, "c3", SendStatus.Failed));
            join.Add(Sent(4, "+447700900004", "m-0", "c4", SendStatus.Skipped));
            join.Add(Sent(5, "+447700900005", null, "c5", SendStatus.Invalid));

            Assert.Empty(join.TakeReady(all: false));
            Assert.Equal(1, join.Waiting);

            buffer.Add(Receipt("7500", "447700900001", "m-9_1", "c1"));
            join.Pull();
            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { 1L, 2L, 3L, 4L, 5L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { DeliveryStatus.Delivered, DeliveryStatus.NotSent, DeliveryStatus.NotSent, DeliveryStatus.SentEarlier, DeliveryStatus.NotSent },
                ready.Select(r => r.Status));
            // The receipt's message ID is the one the send never heard.
            Assert.Equal("m-9", ready[0].MessageId);
            Assert.Equal(SendStatus.Unknown, ready[0].SendStatus);
        }

        [Fact]
        public void TheReceiptsOfAnEarlierSendOfTheSameRowsAreNotTakenForThisOne()
        {
            // The same CSV sent twice in one session (a test run, then the real one): same correlation IDs, same numbers,
            // another message ID. Before, the first send's receipts, still in the listener, answered for the second's rows.
            var buffer = new ReceiptBuffer(100);
            buffer.Add(Receipt("7500", "447700900001", "m-old_1", "row-1"));
            buffer.Add(Receipt("7102", "447700900002", "m-old_2", "row-2"));
            var join = new DeliveryJoin(buffer);
            join.Pull();

            join.Add(Sent(1, "+447700900001", "m-new", "row-1"));
            join.Add(Sent(2, "+447700900002", "m-new", "row-2"));
            buffer.Add(Receipt("7500", "447700900001", "m-old_1", "row-1"));
            join.Pull();

            Assert.Empty(join.TakeReady(all: false));
            Assert.Equal(2, join.Waiting);
            buffer.Add(Receipt("7501", "447700900002", "m-new_2", "row-2"));
            buffer.Add(Receipt("7500", "447700900001", "m-new_1", "row-1"));
            join.Pull();
            var rest = join.TakeReady(all: true);

            Assert.Equal(new[] { DeliveryStatus.Delivered, DeliveryStatus.Submitted }, rest.Select(r => r.Status));
            Assert.Equal(new[] { false, true }, rest.Select(r => r.TimedOut));
            Assert.All(rest, r => Assert.Equal("m-new", r.Receipt!.MessageId));
        }

        [Fact]
        public void AnUnknownResultTakesTheLatestMessagesReceiptForItsCorrelationId()
        {
            // No message ID to tell sends apart: of the receipts that came before, the latest message's is offered,
            // not the earlier send's Delivered only because Delivered ranks above Submitted.
            var buffer = new ReceiptBuffer(100);
            buffer.Add(Receipt("7500", "447700900001", "m-old_1", "row-1"));
            buffer.Add(Receipt("7501", "447700900001", "m-new_1", "row-1"));
            var join = new DeliveryJoin(buffer);
            join.Pull();

            join.Add(Sent(1, "+447700900001", null, "row-1", SendStatus.Unknown));
            var result = Assert.Single(join.TakeReady(all: true));

            Assert.Equal(DeliveryStatus.Submitted, result.Status);
            Assert.Equal("m-new", result.MessageId);
        }

        [Fact]
        public void AnUnknownResultDoesNotTakeAReceiptReceivedBeforeItsRequestLeft()
        {
            // The same CSV sent again in the session: the first send's Delivered for row-1 is in the listener, and this
            // send's request for it was lost on the way (Unknown, no message ID). Before, that old Delivered answered for
            // it, and the admin was told a message that may never have reached the service had been delivered.
            var buffer = new ReceiptBuffer(100);
            buffer.Add(Received("7500", "m-old_1", Now));
            var join = new DeliveryJoin(buffer);
            join.Pull();
            join.Add(new SendResult(MessageChannel.Sms, "+447700900001", "row-1", SendStatus.Unknown, submittedAt: Now.AddSeconds(30), row: 1));

            Assert.Empty(join.TakeReady(all: false));
            Assert.Equal(1, join.Waiting);

            // A receipt that came after the request left may be its own: the service did accept it after all.
            buffer.Add(Received("7500", "m-new_1", Now.AddSeconds(31)));
            join.Pull();
            var result = Assert.Single(join.TakeReady(all: false));
            Assert.Equal(DeliveryStatus.Delivered, result.Status);
            Assert.Equal("m-new", result.MessageId);
        }

        private static DeliveryReceipt Received(string code, string transid, DateTimeOffset receivedAt) =>
            new DeliveryReceipt(DeliveryStatuses.From(code, null), code, null, null, "sms", "447700900001", "MSISDN", receivedAt,
                ReceiptReader.MessageIdOf(transid), transid, "row-1", null, null, null, null, null, receivedAt, false);

        [Fact]
        public void EveryRowEndsWithTheLatestFinalReceiptWhetherItCameBeforeOrAfterTheRowWasAdded()
        {
            // Email: Delivered, then Read. Before, the row added before the receipts came kept the first final one
            // (Delivered) and the row added after them the last (Read): one report, two answers for the same story.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "a@example.com", "m-1"));
            buffer.Add(Stamped("7501", "a@example.com", 0));
            buffer.Add(Stamped("7500", "a@example.com", 5));
            buffer.Add(Stamped("7502", "a@example.com", 600));
            buffer.Add(Stamped("7502", "b@example.com", 600));
            buffer.Add(Stamped("7500", "b@example.com", 5));
            join.Pull();
            join.Add(Sent(2, "b@example.com", "m-1"));
            join.Pull();
            join.EndOfInput();   // row 2 was answered on arrival: held until then

            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { DeliveryStatus.Read, DeliveryStatus.Read }, ready.Select(r => r.Status));
            Assert.All(ready, r => Assert.Equal(Now.AddSeconds(600), r.ReceiptAt));
            Assert.Equal(0, join.Waiting);
        }

        private static DeliveryReceipt Stamped(string code, string destination, int seconds) =>
            new DeliveryReceipt(DeliveryStatuses.From(code, null), code, null, null, "email", destination, "EMAIL", Now.AddSeconds(seconds), "m-1",
                "m-1", null, null, null, null, null, null, Now, false);

        [Fact]
        public void AnUnknownResultWithNeitherIdIsNoReceiptAtOnceNotNotSent()
        {
            var join = new DeliveryJoin(new ReceiptBuffer(10));
            join.Add(Sent(1, "+447700900001", null, null, SendStatus.Unknown));

            var result = Assert.Single(join.TakeReady(all: false));

            Assert.Equal(DeliveryStatus.NoReceipt, result.Status);
            Assert.False(result.TimedOut);
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void AResultWithNoReceiptAtAllIsNoReceipt()
        {
            var join = new DeliveryJoin(new ReceiptBuffer(10));
            join.Add(Sent(1, "+447700900001", "m-1"));

            var result = Assert.Single(join.TakeReady(all: true));

            Assert.Equal(DeliveryStatus.NoReceipt, result.Status);
            Assert.True(result.TimedOut);
            Assert.Null(result.ReceiptAt);
        }

        [Fact]
        public void AReceiptForAnotherMessageOrNumberIsNotJoined()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001", "m-1"));
            buffer.Add(Receipt("7500", "447700900001", "m-2"));
            buffer.Add(Receipt("7500", "447700900009", "m-1"));

            join.Pull();

            Assert.Empty(join.TakeReady(all: false));
        }

        [Fact]
        public void AResultForSeveralNumbersGivesOneDeliveryResultPerNumberWithItsOwnReceipt()
        {
            // Send-ConnectSms -To +447700900001,+447700900002: one destination object, one result "a, b"; the service
            // posts a receipt per number. Before, the joined text matched neither and the wait ended NoReceipt.
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, new Recipient(new[] { "+447700900001", "+447700900002" }).ToString(), "m-1"));
            join.Add(Sent(2, "+447700900003", "m-2"));
            buffer.Add(Receipt("7500", "447700900001", "m-1"));
            buffer.Add(Receipt("7102", "447700900002", "m-1"));
            buffer.Add(Receipt("7500", "447700900003", "m-2"));

            join.Pull();
            join.EndOfInput();
            var ready = join.TakeReady(all: false);

            Assert.Equal(3, join.Expected);
            Assert.Equal(new[] { 1L, 1L, 2L }, ready.Select(r => r.Row));
            Assert.Equal(new[] { "+447700900001", "+447700900002", "+447700900003" }, ready.Select(r => r.Destination));
            Assert.Equal(new[] { DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Delivered }, ready.Select(r => r.Status));
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void AResultForSeveralNumbersWaitsForEachOfThem()
        {
            var buffer = new ReceiptBuffer(100);
            var join = new DeliveryJoin(buffer);
            join.Add(Sent(1, "+447700900001, +447700900002", "m-1"));
            buffer.Add(Receipt("7500", "447700900002", "m-1"));

            join.Pull();

            Assert.Empty(join.TakeReady(all: false));
            Assert.Equal(1, join.Waiting);
            var all = join.TakeReady(all: true);
            Assert.Equal(new[] { DeliveryStatus.NoReceipt, DeliveryStatus.Delivered }, all.Select(r => r.Status));
            Assert.Equal(new[] { true, false }, all.Select(r => r.TimedOut));
        }

        // Before: a row -Journal skipped (an earlier run sent it) came out NotSent, and a report of the re-run listed as
        // not sent what had gone out the night before, inviting a second send.
        [Fact]
        public void ARowAJournalSkippedIsSentEarlierWithTheEarlierMessageIdAndIsNotWaitedFor()
        {
            var join = new DeliveryJoin(new ReceiptBuffer(10));
            join.Add(Sent(1, "+447700900001", "m-earlier", "c1", SendStatus.Skipped));

            var result = Assert.Single(join.TakeReady(all: false));

            Assert.Equal(DeliveryStatus.SentEarlier, result.Status);
            Assert.Equal("m-earlier", result.MessageId);
            Assert.False(result.TimedOut);
            Assert.Equal(0, join.Waiting);
        }

        [Fact]
        public void ARowAJournalSkippedTakesTheEarlierSendsReceiptWhenItIsAtHandAndNoOtherMessages()
        {
            // The listener ran through both runs (or -Receipt gives the saved webhooks): the earlier send's receipt is
            // there. A receipt of another message for the same correlation ID and number is not this one's.
            var buffer = new ReceiptBuffer(10);
            buffer.Add(Receipt("7500", "447700900001", "m-earlier_1", "c1"));
            buffer.Add(Receipt("7102", "447700900002", "m-other_1", "c2"));
            var join = new DeliveryJoin(buffer);
            join.Pull();
            join.Add(Sent(1, "+447700900001", "m-earlier", "c1", SendStatus.Skipped));
            join.Add(Sent(2, "+447700900002", "m-earlier", "c2", SendStatus.Skipped));

            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { DeliveryStatus.Delivered, DeliveryStatus.SentEarlier }, ready.Select(r => r.Status));
            Assert.Equal("7500", ready[0].Code);
            Assert.Null(ready[1].Code);
        }

        [Fact]
        public void ARowAJournalSkippedForSeveralNumbersGivesOneResultPerNumber()
        {
            var buffer = new ReceiptBuffer(10);
            buffer.Add(Receipt("7500", "447700900002", "m-earlier_2"));
            var join = new DeliveryJoin(buffer);
            join.Pull();
            join.Add(Sent(1, "+447700900001, +447700900002", "m-earlier", status: SendStatus.Skipped));

            var ready = join.TakeReady(all: false);

            Assert.Equal(new[] { "+447700900001", "+447700900002" }, ready.Select(r => r.Destination));
            Assert.Equal(new[] { DeliveryStatus.SentEarlier, DeliveryStatus.Delivered }, ready.Select(r => r.Status));
            Assert.Equal(2, join.Expected);
        }

        [Fact]
        public void ARejectedResultForSeveralNumbersStaysOneNotSentResult()
        {
            var join = new DeliveryJoin(new ReceiptBuffer(10));
            join.Add(Sent(1, "+447700900001, +447700900002", null, status: SendStatus.Rejected));

            var result = Assert.Single(join.TakeReady(all: false));

            Assert.Equal(DeliveryStatus.NotSent, result.Status);
            Assert.Equal("+447700900001, +447700900002", result.Destination);
        }

        [Fact]
        public void TheBufferGivesEachReaderWhatIsNewToIt()
        {
            var buffer = new ReceiptBuffer(2);
            long a = 0;
            buffer.Add(Receipt("7500", "1", "m"));
            Assert.Single(buffer.Since(ref a));
            buffer.Add(Receipt("7500", "2", "m"));
            buffer.Add(Receipt("7500", "3", "m"));
            buffer.Add(Receipt("7500", "4", "m"));

            Assert.Equal(new[] { "3", "4" }, buffer.Since(ref a).Select(r => r.Destination));
            Assert.Empty(buffer.Since(ref a));
            Assert.Equal(2, buffer.Dropped);
        }
    }
}
