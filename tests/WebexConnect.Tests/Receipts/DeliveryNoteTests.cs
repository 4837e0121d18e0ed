using System;
using WebexConnect.Commands;
using WebexConnect.Messages;
using WebexConnect.Receipts;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    public class DeliveryNoteTests
    {
        private static readonly DateTimeOffset Tomorrow = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

        private static DeliveryResult Waited(SendStatus status, bool timedOut, DateTimeOffset? scheduledFor = null) =>
            new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, status, "m-1", row: 1, scheduledFor: scheduledFor),
                "+447700900001", null, DeliveryStatus.NoReceipt, timedOut);

        private static DeliveryReceipt Said(DeliveryStatus status, string? code) =>
            new DeliveryReceipt(status, code, null, null, "sms", "447700900001", "MSISDN", Tomorrow, "m-1", "m-1", null, null, null, null, null, null, Tomorrow, false);

        [Fact]
        public void AScheduledRowWithoutAReceiptSaysInItsNoteThatNoneComesBeforeItsTime()
        {
            // Before: the Note was empty, so the report's Export-Csv showed a reminder due tomorrow as NoReceipt, as if lost.
            var note = new DeliveryNote(null).For(Waited(SendStatus.Scheduled, timedOut: true, Tomorrow));

            Assert.StartsWith("The send was Scheduled for 2026-12-08 09:00:00Z", note);
            Assert.Contains("neither delivered nor failed, and no receipt comes before that time. Do not send it again", note);
        }

        [Fact]
        public void AScheduledRowOfAResultsFileSaysWhereItsTimeCameFrom()
        {
            var note = new DeliveryNote(null).For(Waited(SendStatus.Scheduled, timedOut: true));

            Assert.StartsWith("The send was Scheduled for the time its -SendAt, or its row's SendAt cell, gave:", note);
        }

        [Fact]
        public void AScheduledRowNotWaitedForSaysWhenToLookAgainAndNotThatItMayStillArrive()
        {
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Scheduled, "m-1", row: 1, scheduledFor: Tomorrow),
                "+447700900001", null, DeliveryStatus.Scheduled, timedOut: false);

            var note = new DeliveryNote(null).For(result);

            Assert.StartsWith("The send was Scheduled for 2026-12-08 09:00:00Z", note);
            Assert.EndsWith(": it was not waited for, as no receipt comes before that time. Do not send it again; wait for it after that time.", note);
        }

        [Theory]
        [InlineData("7102", DeliveryStatus.Failed, "The number or address is not valid")]
        [InlineData("7520", DeliveryStatus.Bounced, "The mail server refused it")]
        [InlineData("7521", DeliveryStatus.Complaint, "The recipient marked it as spam")]
        [InlineData(null, DeliveryStatus.Expired, "It expired before it could be delivered")]
        public void AFailedOrComplainedDeliverySaysWhatToDoInItsNote(string? code, DeliveryStatus status, string advice)
        {
            var receipt = Said(status, code);
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, "m-1", row: 1),
                "+447700900001", receipt, status, timedOut: false);

            Assert.StartsWith(advice, new DeliveryNote(DeliveryNote.Smtp).For(result));
        }

        [Theory]
        [InlineData("7999", DeliveryStatus.Failed)]
        [InlineData("7500", DeliveryStatus.Delivered)]
        public void AFailureOfAnUndocumentedCodeAndADeliveryHaveNoAdvice(string code, DeliveryStatus status)
        {
            var receipt = Said(status, code);

            Assert.Null(FailureAdvice.For(status, receipt));
        }

        [Fact]
        public void ARowThatSharesItsReceiptsWithAnotherSaysWhichAndHowToTellThemApart()
        {
            var receipt = Said(DeliveryStatus.Failed, "7102");
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, "m-1", row: 1),
                "+447700900001", receipt, DeliveryStatus.Failed, timedOut: false) { SharesReceiptsWith = 2 };

            var note = new DeliveryNote(null).For(result);

            Assert.StartsWith("The number or address is not valid", note);
            Assert.EndsWith(" Row 2 sent to the same address in this request, and no CorrelationId tells their receipts apart: both rows show the latest. Give each row a CorrelationId of its own.", note);
        }

        [Fact]
        public void ARowWhoseSharerWasWrittenFirstSaysThatTheOtherRowShowedWhatItHadThen()
        {
            // The other row left before this one came (its request's rows came apart): "both rows show the latest" was not so.
            var receipt = Said(DeliveryStatus.Delivered, "7500");
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, "m-1", row: 3),
                "+447700900001", receipt, DeliveryStatus.Delivered, timedOut: false) { SharesReceiptsWith = 1, SharerWrittenFirst = true };

            var note = new DeliveryNote(null).For(result);

            Assert.Equal("Row 1 sent to the same address in this request, and no CorrelationId tells their receipts apart: this row shows " +
                "the latest; row 1 was written before this row came, with the receipt it had then and without this note. Give each row " +
                "a CorrelationId of its own.", note);
        }

        [Fact]
        public void AResultGivenAgainSaysPlainlyThatItIsTheSameMessageAfterWhatElseItsNoteSays()
        {
            // Before: the second of the same result piped twice named its own row as another row sharing its number.
            var receipt = Said(DeliveryStatus.Failed, "7102");
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, "m-1", row: 1),
                "+447700900001", receipt, DeliveryStatus.Failed, timedOut: false) { SharesReceiptsWith = 2, GivenBefore = true };

            var note = new DeliveryNote(null).For(result);

            Assert.StartsWith("The number or address is not valid", note);
            Assert.Contains(" Row 2 sent to the same address in this request,", note);
            Assert.EndsWith(" Row 1's send result was given to Wait-ConnectDelivery more than once: this is the same message again, reported " +
                "each time it is given, not another send.", note);
        }

        [Fact]
        public void ADeliveredResultGivenAgainHasThatAloneInItsNote()
        {
            var result = new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Queued, "m-1", row: 3),
                "+447700900001", Said(DeliveryStatus.Delivered, "7500"), DeliveryStatus.Delivered, timedOut: false) { GivenBefore = true };

            Assert.StartsWith("Row 3's send result was given to Wait-ConnectDelivery more than once", new DeliveryNote(null).For(result));
        }

        [Fact]
        public void AQueuedRowWithoutAReceiptHasNoNote()
        {
            Assert.Null(new DeliveryNote(null).For(Waited(SendStatus.Queued, timedOut: true)));
        }
    }
}
