using System;
using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Tests.Payload
{
    /// <summary>
    /// The vendor page's request examples, built from the model the way a cmdlet would build them. Each
    /// matches a file in Fixtures/Payloads (its README says where the files differ from the page).
    /// </summary>
    internal static class SeedRequests
    {
        private static readonly Dictionary<string, Func<(ConnectMessage, Recipient[])>> Builders = new()
        {
            ["sms-unicode"] = () => (SmsUnicode(), new[] { new Recipient("+447700900123", "order-10472") }),
            ["email-text"] = () => (EmailText(), new[] { EmailRecipient("ticket-5521") }),
            ["email-text-list-unsubscribe"] = () => (EmailTextListUnsubscribe(), new[] { EmailRecipient(null) }),
            ["email-html"] = () => (EmailHtml(), new[] { EmailRecipient(null) }),
            ["email-multiple-to"] = () => (EmailMultipleTo(), new[]
            {
                new Recipient(new[] { "alex.morgan@example.com", "sam.lee@example.com" },
                    substitutions: new Dictionary<string, string> { ["area"] = "North", ["accountNumber"] = "AC-20931" }),
            }),
            ["email-attachments"] = () => (EmailAttachments(), new[] { EmailRecipient(null) }),
            ["email-template"] = () => (EmailTemplate(), new[] { EmailRecipient(null) }),
            ["rcs-text-sample"] = () => (RcsText(), new[] { RcsRecipient(null) }),
            ["rcs-text"] = () => (RcsText(), new[] { RcsRecipient("order-10472") }),
            ["rcs-media"] = () => (RcsMedia(), new[] { RcsRecipient("order-10472") }),
            ["rcs-standalone"] = () => (RcsStandalone(), new[] { RcsRecipient("order-10472") }),
            ["rcs-carousel"] = () => (RcsCarousel(), new[] { RcsRecipient("order-10472") }),
            ["rcs-agent-event-typing"] = () => (RcsEvent(RcsAgentEvent.IsTyping, null), new[] { RcsRecipient("order-10472") }),
            ["rcs-agent-event-read"] = () => (RcsEvent(RcsAgentEvent.Read, "f6a8c3d2-1b2e-4c9a-9e57-0d3b5a1c7e42"), new[] { RcsRecipient("order-10472") }),
        };

        public static IEnumerable<string> Names => Builders.Keys;

        public static (ConnectMessage Message, Recipient[] Recipients) Build(string name) => Builders[name]();

        private static readonly ContactPolicy Policy = new() { Group = "xKa4xfM3S_a9bP98ryCw8w", CheckConsent = true, ApplyFrequencyCap = true };

        // ---- SMS ----

        private static SmsMessage SmsUnicode() => new()
        {
            From = "447700900100",
            Substitutions = new Dictionary<string, string> { ["name"] = "Alex", ["code"] = "7Q2K" },
            TrackClicks = true,
            ShortenLinks = true,
            Domain = "https://s.imiconnect.co",
            RequestedReceipts = new[] { "SENT", "DELIVERED", "CLICKED" },
            Encoding = SmsEncoding.Unicode,
            Text = "£ ¥ ¿ Ä Å Æ Ç É Ñ Ö Ø Ü Ü ß à ä å æ è é\n with JWT token https://www.google.com",
            CallbackData = "campaign=winter-sale;run=7",
            NotifyUrl = "https://hooks.example.com/webex/receipts",
            // 10:30 in London's winter is 10:30Z; given here from a +01:00 clock to prove the UTC conversion.
            SendAt = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1)),
            Validity = TimeSpan.FromHours(1),
            ContactPolicy = Policy,
        };

        // ---- Email ----

        private static readonly string[] AllEmailReceipts =
            { "submitted", "delivered", "read", "clicked", "bounced", "not verified", "invalid", "complaint", "failed" };

        private static readonly Dictionary<string, string> EmailGlobals = new() { ["offerName"] = "Winter upgrade", ["expiryDate"] = "30 November" };

        private static Recipient EmailRecipient(string? correlationId) => new(
            "alex.morgan@example.com", correlationId,
            new Dictionary<string, string> { ["firstName"] = "Alex", ["accountNumber"] = "AC-20931" });

        private static EmailMessage EmailText() => new()
        {
            From = "noreply@mail.example.com",
            Substitutions = EmailGlobals,
            Cc = new[] { "" },
            FromName = "Example Support",
            Encoding = "utf-8",
            Subject = "Your account update",
            ReplyTo = "support@example.com",
            Text = "Simple text content",
            RequestedReceipts = AllEmailReceipts,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/email",
            ContactPolicy = Policy,
        };

        private static EmailMessage EmailTextListUnsubscribe() => new()
        {
            From = "noreply@mail.example.com",
            Substitutions = EmailGlobals,
            FromName = "Example Support",
            ListUnsubscribeUrl = "https://www.example.com/topics/42/senders/7/unsubscribe",
            UnsubscribeEmailAddress = "unsubscribe@example.com",
            UnsubscribeEmailSubject = "Request to Unsubscribe",
            Encoding = "utf-8",
            Subject = "Your account update",
            ReplyTo = "support@example.com",
            Text = "Simple text content",
            RequestedReceipts = AllEmailReceipts,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/email",
            ContactPolicy = Policy,
        };

        private static EmailMessage EmailHtml() => new()
        {
            From = "noreply@mail.example.com",
            Substitutions = EmailGlobals,
            FromName = "Example Support",
            TrackClicks = true,
            TrackOpens = true,
            ListUnsubscribeUrl = "https://www.example.com/topics/42/senders/7/unsubscribe",
            UnsubscribeEmailAddress = "unsubscribe@example.com",
            UnsubscribeEmailSubject = "Request to Unsubscribe",
            Encoding = "utf-8",
            Subject = "Your account update",
            ReplyTo = "support@example.com",
            Text = "Fallback text in the event the email client does not support HTML emails",
            Html = "<a track_enable href=\"http://example.com\">link text</a><footer><a data-mce-href='$(unsubscribe)' href='$(unsubscribe)' target='_blank' rel='noopener'><span st-unsubscribe='' style='text-decoration: none; color: #0088cc;' data-mce-style='text-decoration: none; color: #0088cc;'>unsubscribe</span></a></footer>",
            RequestedReceipts = AllEmailReceipts,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/email",
            ContactPolicy = Policy,
        };

        private static EmailMessage EmailMultipleTo() => new()
        {
            From = "apiv2@mail.example.com",
            NotifyUrl = "https://webhook.site/f023c932-6d17-4a45-9a43-822e8c6e6f97",
            MultipleToRecipients = true,
            Substitutions = new Dictionary<string, string> { ["offerName"] = "Winter upgrade", ["value"] = "20%" },
            // The page sends [""] for both: an address list with nothing in it.
            Cc = new[] { "" },
            Bcc = new[] { "" },
            FromName = "apiv2",
            TrackClicks = true,
            TrackOpens = true,
            Encoding = "utf-8",
            Subject = "We are reaching you through web 465 because",
            ReplyTo = "",
            Text = "We are reaching you for next SSL genre if",
            Html = "<p>We are reaching you for next SSL genre if</p>",
        };

        private static EmailMessage EmailAttachments() => new()
        {
            From = "noreply@mail.example.com",
            Substitutions = EmailGlobals,
            TrackClicks = true,
            TrackOpens = true,
            FromName = "Example Support",
            Subject = "Your photo order",
            Text = "Fallback text in the event the email client does not support HTML emails",
            Html = "<p>Your print of <b>Flower</b> is attached.</p>",
            Attachments = new[]
            {
                new EmailAttachment { MimeType = "image/png", Name = "Flower", MediaUrl = "https://cdn.example.com/prints/flower.png" },
            },
            RequestedReceipts = AllEmailReceipts,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/email",
            ContactPolicy = Policy,
        };

        private static EmailMessage EmailTemplate() => new()
        {
            From = "noreply@mail.example.com",
            Substitutions = new Dictionary<string, string>
            {
                ["offerName"] = "Winter upgrade",
                ["expiryDate"] = "30 November",
                ["discount"] = "20%",
                ["storeName"] = "Example Store",
            },
            Template = new MessageTemplate { Id = "tmpl-6f3a9c21", Encoding = "utf-8", Subject = "Your winter offer" },
            RequestedReceipts = AllEmailReceipts,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/email",
            ContactPolicy = Policy,
        };

        // ---- RCS ----

        private static Recipient RcsRecipient(string? correlationId) =>
            new("+447700900123", correlationId, new Dictionary<string, string> { ["name"] = "Alex" });

        private static readonly RcsSuggestion[] AllSuggestionKinds =
        {
            new() { Type = RcsSuggestionType.Reply, DisplayText = "Yes", PostbackData = "usr_msg_yes" },
            new()
            {
                Type = RcsSuggestionType.ViewLocation, DisplayText = "Find us", PostbackData = "view_location",
                Address = "Westminster, London SW1A 0AA", Latitude = 51.5007, Longitude = -0.1246,
            },
            new() { Type = RcsSuggestionType.ShareLocation, DisplayText = "Share location", PostbackData = "share_location" },
            new() { Type = RcsSuggestionType.OpenUrl, DisplayText = "Open website", PostbackData = "open_url", Url = "https://www.example.com/offers" },
            new()
            {
                Type = RcsSuggestionType.CalendarEvent, DisplayText = "Add to calendar", PostbackData = "add_event",
                // Given in India Standard Time; the wire wants UTC.
                StartTime = new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.FromHours(5.5)),
                EndTime = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
                MeetingTitle = "Product demo", MeetingDescription = "Online walkthrough of the new plan",
            },
            new() { Type = RcsSuggestionType.DialPhone, DisplayText = "Call us", PostbackData = "dial_support", Phone = "+447700900456" },
        };

        private static readonly RcsSuggestion[] ReplyAndLocation = { AllSuggestionKinds[0], AllSuggestionKinds[1] };

        private static RcsMessage RcsText() => new()
        {
            From = "rcs-app-7f3e2a",
            Substitutions = new Dictionary<string, string> { ["name"] = "Customer" },
            SmsFallback = true,
            FallbackSenderId = "WebexDemo",
            FallbackText = "Your order has shipped. Reply YES or NO.",
            RequestedReceipts = new[] { "Delivered" },
            ContentType = RcsContentType.Text,
            Text = "This is the message. Reply Yes or No.",
            Suggestions = AllSuggestionKinds,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/rcs",
            ContactPolicy = Policy,
        };

        private static RcsMessage RcsMedia() => new()
        {
            From = "rcs-app-7f3e2a",
            Substitutions = new Dictionary<string, string> { ["name"] = "Customer" },
            SmsFallback = true,
            FallbackSenderId = "WebexDemo",
            FallbackText = "Your order has shipped. Reply YES or NO.",
            RequestedReceipts = new[] { "Delivered" },
            ContentType = RcsContentType.Media,
            MediaUrl = "https://cdn.example.com/media/winter-sale.jpg",
            Suggestions = AllSuggestionKinds,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/rcs",
            ContactPolicy = Policy,
        };

        private static RcsMessage RcsStandalone() => new()
        {
            From = "rcs-app-7f3e2a",
            Substitutions = new Dictionary<string, string> { ["name"] = "Customer" },
            SmsFallback = true,
            FallbackSenderId = "WebexDemo",
            FallbackText = "Your order has shipped. Reply YES or NO.",
            RequestedReceipts = new[] { "Delivered" },
            ContentType = RcsContentType.Standalone,
            Card = new RcsCard
            {
                Title = "Winter collection",
                Description = "Warm coats from 20% off, this week only.",
                Orientation = RcsCardOrientation.Horizontal,
                ThumbnailAlignment = RcsThumbnailAlignment.Left,
                MediaHeight = RcsMediaHeight.Medium,
                MediaUrl = "https://bit.ly/2J5i2x0",
                Suggestions = ReplyAndLocation,
            },
            Suggestions = ReplyAndLocation,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/rcs",
            ContactPolicy = Policy,
        };

        private static RcsMessage RcsCarousel() => new()
        {
            From = "rcs-app-7f3e2a",
            Substitutions = new Dictionary<string, string> { ["name"] = "Customer" },
            SmsFallback = true,
            FallbackSenderId = "WebexDemo",
            FallbackText = "Your order has shipped. Reply YES or NO.",
            RequestedReceipts = new[] { "Delivered" },
            ContentType = RcsContentType.Carousel,
            Suggestions = AllSuggestionKinds,
            CarouselWidth = RcsCarouselWidth.Medium,
            Cards = new[]
            {
                new RcsCard
                {
                    Title = "Wool coat", Description = "Navy, sizes S to XL.",
                    MediaHeight = RcsMediaHeight.Medium, MediaUrl = "https://bit.ly/2J5i2x0", Suggestions = ReplyAndLocation,
                },
                new RcsCard
                {
                    Title = "Rain jacket", Description = "Waterproof, packs into its own pocket.",
                    MediaHeight = RcsMediaHeight.Medium, MediaUrl = "https://bit.ly/2P5Q9dK", Suggestions = ReplyAndLocation,
                },
            },
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/rcs",
            ContactPolicy = Policy,
        };

        private static RcsMessage RcsEvent(RcsAgentEvent agentEvent, string? messageId) => new()
        {
            From = "rcs-app-7f3e2a",
            Substitutions = new Dictionary<string, string> { ["name"] = "Customer" },
            SmsFallback = true,
            FallbackSenderId = "WebexDemo",
            FallbackText = "Your order has shipped. Reply YES or NO.",
            RequestedReceipts = new[] { "Delivered" },
            ContentType = RcsContentType.AgentEvent,
            AgentEvent = agentEvent,
            EventMessageId = messageId,
            CallbackData = "crm=case-88213",
            NotifyUrl = "https://hooks.example.com/webex/rcs",
            ContactPolicy = Policy,
        };
    }
}
