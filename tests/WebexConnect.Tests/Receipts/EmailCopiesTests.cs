using System;
using WebexConnect.Receipts;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    public class EmailCopiesTests
    {
        [Theory]
        [InlineData("boss@example.com; audit@example.com")]                                             // a send result's Copies
        [InlineData("boss@example.com: Bounced (7520); audit@example.com: NoReceipt")]                 // a delivery result's
        [InlineData(" boss@example.com ;audit@example.com; ")]                                          // edited by hand
        public void ACopiesCellOfEitherResultsFileGivesItsAddresses(string cell)
        {
            Assert.Equal(new[] { "boss@example.com", "audit@example.com" }, EmailCopies.Read(cell));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void AnEmptyCellGivesNone(string? cell)
        {
            Assert.Empty(EmailCopies.Read(cell));
        }

        [Fact]
        public void WhatASendResultWritesReadsBackTheSame()
        {
            var copies = new[] { "Boss@Example.com", "audit@example.com" };

            Assert.Equal(copies, EmailCopies.Read(EmailCopies.Written(copies)));
            Assert.Null(EmailCopies.Written(Array.Empty<string>()));
        }
    }
}
