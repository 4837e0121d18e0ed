using System;
using System.Collections.Generic;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>The fields every channel shares, checked through an otherwise valid SMS.</summary>
    public class CommonRulesTests
    {
        private static IReadOnlyList<ValidationProblem> Check(SmsMessage message) => MessageValidator.Validate(message, Now);

        [Fact]
        public void AMinimalMessageIsValid() => Valid(Check(new SmsMessage { From = "ACME", Text = "Hello" }));

        [Fact]
        public void FromIsRequired()
        {
            var message = Single(Check(new SmsMessage { From = " ", Text = "Hello" }), "From");
            Assert.Contains("sender ID", message);
        }

        [Fact]
        public void SendAtMustNotBeInThePast()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now }));
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddMinutes(5) }));

            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddSeconds(-1) }), "SendAt");
            Assert.Contains("in the past", message);
            Assert.Contains("2026-03-10 09:29:59Z", message);
            Assert.Contains("omit SendAt", message);
        }

        [Fact]
        public void A_schedule_time_is_shown_in_UTC_and_in_the_computers_own_time_zone()
        {
            // A script in New York that wrote -SendAt '09:00' was told "14:00:00Z is in the past": its own 09:00 appears too.
            var newYork = TimeZoneInfo.CreateCustomTimeZone("Test/New_York", TimeSpan.FromHours(-5), "New York", "EST");
            var nineLocal = new DateTimeOffset(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

            Assert.Equal("2026-12-05 14:00:00Z (2026-12-05 09:00:00 on this computer, UTC-05:00)", CommonRules.FormatWithLocal(nineLocal, newYork));
            Assert.Equal("2026-12-05 14:00:00Z (2026-12-06 00:30:00 on this computer, UTC+10:30)",
                CommonRules.FormatWithLocal(nineLocal, TimeZoneInfo.CreateCustomTimeZone("Test/Adelaide", new TimeSpan(10, 30, 0), "Adelaide", "ACDT")));
            // A computer on UTC has nothing to add.
            Assert.Equal("2026-12-05 14:00:00Z", CommonRules.FormatWithLocal(nineLocal, TimeZoneInfo.Utc));
        }

        [Fact]
        public void SendAtIsAtMostSevenDaysAhead()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddDays(7) }));

            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddDays(7).AddSeconds(1) }), "SendAt");
            Assert.Contains("more than 7 days ahead", message);
        }

        [Fact]
        public void SendAtInAnotherOffsetIsComparedAsAnInstant()
        {
            // 10:00 at +01:00 is 09:00 UTC, before Now (09:30 UTC).
            var sendAt = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));
            Single(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = sendAt }), "SendAt");
        }

        [Fact]
        public void ExpireAtMustBeInTheFutureAndAfterSendAt()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", ExpireAt = Now.AddHours(1) }));
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddHours(1), ExpireAt = Now.AddDays(10) }));

            Assert.Contains("not in the future", Single(Check(new SmsMessage { From = "ACME", Text = "Hi", ExpireAt = Now }), "ExpireAt"));
            Assert.Contains("not after SendAt", Single(Check(new SmsMessage
            {
                From = "ACME", Text = "Hi", SendAt = Now.AddHours(2), ExpireAt = Now.AddHours(1),
            }), "ExpireAt"));
        }

        [Fact]
        public void A_rows_ExpireAt_that_would_expire_before_it_is_sent_says_what_to_give_the_row_and_the_command_line_keeps_its_words()
        {
            // A row's ExpireAt cell, or -ExpireAt beside the row's SendAt cell: the row's error said what was wrong, not what to do.
            var past = Assert.Single(Check(new SmsMessage { From = "ACME", Text = "Hi", ExpireAt = Now }));
            var beforeSendAt = Assert.Single(Check(new SmsMessage { From = "ACME", Text = "Hi", SendAt = Now.AddHours(2), ExpireAt = Now.AddHours(1) }));
            var both = Assert.Single(Check(new SmsMessage { From = "ACME", Text = "Hi", ExpireAt = Now.AddHours(1), Validity = TimeSpan.FromHours(1) }));

            Assert.EndsWith("the message would expire before it is sent; give the row a later ExpireAt, or none", past.Message);
            Assert.EndsWith("the message would expire before it is sent; give the row a later ExpireAt or an earlier SendAt", beforeSendAt.Message);
            Assert.EndsWith("use one of them, not both (leave one of the row's two cells empty)", both.Message);
            Assert.EndsWith("the message would expire before it is sent", past.ForCommandLine);
            Assert.EndsWith("the message would expire before it is sent", beforeSendAt.ForCommandLine);
        }

        [Fact]
        public void ExpireAtAndValidityAreNeverTogether()
        {
            var message = Single(Check(new SmsMessage
            {
                From = "ACME", Text = "Hi", ExpireAt = Now.AddHours(1), Validity = TimeSpan.FromHours(1),
            }), "Validity");
            Assert.Contains("not both", message);
        }

        [Fact]
        public void ValidityIsPositiveWholeSeconds()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromSeconds(1) }));
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromHours(72) }));

            Assert.Contains("not positive", Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.Zero }), "Validity"));
            Assert.Contains("not positive", Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromSeconds(-5) }), "Validity"));
            Assert.Contains("whole seconds", Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromMilliseconds(1500) }), "Validity"));
        }

        [Fact]
        public void AValidityUnderOneSecondSaysWhatToWrite()
        {
            // -Validity reads a bare number as seconds now (ValidityText); a TimeSpan of ticks can still come in.
            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromTicks(3600) }), "Validity");
            Assert.Equal("00:00:00.0003600 is under 1 second: Validity must be at least 1 second (write e.g. '90m', '48h' or 3600 for seconds)", message);
        }

        [Fact]
        public void AnSmsValidityOver72HoursIsRefusedNamingTheLimit()
        {
            // API.md: SMS carriers honour at most 72 hours; [TimeSpan]'48:00:00' (48 days) is the usual way to get there.
            Assert.Equal("80 hours is more than 72 hours, the longest an SMS may stay valid (carriers honour no more): give at most '72h'. " +
                "[TimeSpan]'48:00:00' is 48 days; write '48h' for 48 hours",
                Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromHours(80) }), "Validity"));
            Assert.StartsWith("48 days is more than 72 hours",
                Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromDays(48) }), "Validity"));
            Assert.StartsWith("259201 seconds is more than 72 hours",
                Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Validity = TimeSpan.FromHours(72).Add(TimeSpan.FromSeconds(1)) }), "Validity"));
        }

        [Fact]
        public void EmailAndRcsDocumentNoValidityLimit()
        {
            Valid(MessageValidator.Validate(new EmailMessage { From = "news@example.com", Subject = "S", Text = "Hi", Validity = TimeSpan.FromDays(5) }, Now));
            Valid(MessageValidator.Validate(new RcsMessage { From = "app-1", Text = "Hi", Validity = TimeSpan.FromDays(5) }, Now));
        }

        [Fact]
        public void CallbackDataIsAtMost2000Characters()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", CallbackData = new string('x', 2000) }));

            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", CallbackData = new string('x', 2001) }), "CallbackData");
            Assert.Equal("has 2001 characters: at most 2000 are allowed", message);
        }

        [Theory]
        [InlineData("https://hooks.example.com/webex")]
        [InlineData("http://localhost:5000/hook")]
        [InlineData("http://127.0.0.1:8080/hook")]
        public void NotifyUrlIsHttpsOrALoopbackTestReceiver(string url) =>
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", NotifyUrl = url }));

        [Theory]
        [InlineData("http://hooks.example.com/webex", "webhooks need https")]
        [InlineData("/webex", "not an absolute URL")]
        [InlineData("ftp://hooks.example.com/webex", "has the scheme ftp, which the service cannot fetch")]
        [InlineData("tel:+447700900001", "has the scheme tel, which the service cannot fetch")]
        public void NotifyUrlMustBeAbsoluteHttps(string url, string reason)
        {
            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", NotifyUrl = url }), "NotifyUrl");
            Assert.Contains(reason, message);
        }

        [Fact]
        public void RequestedReceiptsAreTheChannelsOwnInAnyCase()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", RequestedReceipts = new[] { "DELIVERED", "failed" } }));

            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", RequestedReceipts = new[] { "DELIVERED", "read" } }), "RequestedReceipts");
            Assert.Equal("'read' is not an SMS receipt: use SUBMITTED, DELIVERED, FAILED, CLICKED, SENT", message);
        }

        [Fact]
        public void ATemplateNeedsItsId()
        {
            Valid(Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "T1" } }));
            Single(Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "" } }), "TemplateId");
        }

        [Theory]
        [InlineData(" T1")]
        [InlineData("T1 ")]
        [InlineData("T1\u00A0")]
        public void ATemplateIdWithASpaceAroundItIsRefusedBeforeTheServiceSays7108(string id)
        {
            Assert.Contains("starts or ends with a space", Single(Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = id } }), "TemplateId"));
            Valid(Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "T 1" } }));
        }

        [Fact]
        public void TemplateSubjectAndEncodingAreForEmailOnly()
        {
            var problems = Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "T1", Subject = "S", Encoding = "utf-8" } });
            Assert.Equal(new[] { "TemplateSubject", "TemplateEncoding" }, System.Linq.Enumerable.Select(problems, p => p.Field));
        }

        [Fact]
        public void AContactPolicyNeedsAGroupAndAtLeastOneCheck()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", ContactPolicy = new ContactPolicy { Group = "G1", CheckConsent = true } }));
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi", ContactPolicy = new ContactPolicy { Group = "G1", ApplyFrequencyCap = true } }));

            Assert.Contains("group is required", Single(Check(new SmsMessage
            {
                From = "ACME", Text = "Hi", ContactPolicy = new ContactPolicy { CheckConsent = true },
            }), "ContactPolicy"));
            Assert.Contains("at least one check", Single(Check(new SmsMessage
            {
                From = "ACME", Text = "Hi", ContactPolicy = new ContactPolicy { Group = "G1" },
            }), "ContactPolicy"));
        }

        [Fact]
        public void GlobalSubstitutionNamesMustNotBeEmpty()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "Hi $(n)", Substitutions = new Dictionary<string, string> { ["n"] = "Ann" } }));
            Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Substitutions = new Dictionary<string, string> { [""] = "Ann" } }), "Substitutions");
        }

        [Fact]
        public void AMessageIsRequired() =>
            Assert.Throws<ArgumentNullException>(() => MessageValidator.Validate(null!, Now));
    }
}
