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
            new DeliveryResult(new SendResult(MessageChannel.Sms, "+447700900001", null, status, "m-1", row: 1) { ScheduledFor = scheduledFor },
                "+447700900001", null, DeliveryStatus.NoReceipt, timedOut);

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
        public void AQueuedRowWithoutAReceiptHasNoNote()
        {
            Assert.Null(new DeliveryNote(null).For(Waited(SendStatus.Queued, timedOut: true)));
        }
    }
}
