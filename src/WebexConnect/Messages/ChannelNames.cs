using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Messages
{
    /// <summary>
    /// The JSON names of the channels the module knows, and the destination key each one addresses by default.
    /// One table, so the typed payloads, Send-ConnectMessage, its tab completion and its help cannot disagree.
    /// </summary>
    public static class ChannelNames
    {
        /// <summary>The destination key of phone numbers in E.164 form.</summary>
        public const string Msisdn = "msisdn";

        /// <summary>The destination key of email addresses.</summary>
        public const string Email = "email";

        private static readonly (MessageChannel Channel, string Name, string? Key, string Description)[] Table =
        {
            (MessageChannel.Sms, "sms", Msisdn, "SMS"),
            (MessageChannel.Email, "email", Email, "Email"),
            (MessageChannel.Rcs, "rcs", Msisdn, "RCS Business Messaging"),
            (MessageChannel.WhatsApp, "whatsapp", Msisdn, "WhatsApp"),
            (MessageChannel.Voice, "voice", Msisdn, "Voice"),
            // No document names the destination key of these channels: the caller gives it (-DestinationKey).
            (MessageChannel.Push, "push", null, "Push notifications (Android, iOS, web)"),
            (MessageChannel.InApp, "rt", null, "In-app (real-time app) messaging"),
            (MessageChannel.Messenger, "messenger", null, "Facebook Messenger"),
            (MessageChannel.AppleBusinessChat, "applebusinesschat", null, "Apple Messages for Business"),
        };

        /// <summary>The JSON names of the known channels, in the order the vendor lists them.</summary>
        public static IReadOnlyList<string> Known { get; } = Table.Select(t => t.Name).ToArray();

        /// <summary>The JSON name of a known channel ("sms"); throws for <see cref="MessageChannel.Other"/>.</summary>
        public static string NameOf(MessageChannel channel)
        {
            foreach (var entry in Table)
                if (entry.Channel == channel) return entry.Name;
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "The channel has no JSON name of its own.");
        }

        /// <summary>The channel a JSON name means, in any casing; <see cref="MessageChannel.Other"/> for a name the module does not know.</summary>
        public static MessageChannel Parse(string? name)
        {
            var entry = Find(name);
            return entry?.Channel ?? MessageChannel.Other;
        }

        /// <summary>A known channel's own spelling ("WhatsApp" → "whatsapp"); any other name as given, without surrounding spaces.</summary>
        public static string Normalize(string name)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            return Find(name)?.Name ?? name.Trim();
        }

        /// <summary>The destination key a known channel addresses ("msisdn", "email"), or null when the caller must name it.</summary>
        public static string? DefaultDestinationKey(MessageChannel channel)
        {
            foreach (var entry in Table)
                if (entry.Channel == channel) return entry.Key;
            return null;
        }

        /// <summary>A channel as a sentence names it: "SMS", "email", "RCS", else its JSON name ("whatsapp").</summary>
        public static string Label(string name)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            return Parse(name) switch
            {
                MessageChannel.Sms => "SMS",
                MessageChannel.Email => "email",
                MessageChannel.Rcs => "RCS",
                _ => Normalize(name),
            };
        }

        /// <summary>What a known channel is, for tab completion and help ("Facebook Messenger").</summary>
        public static string Describe(string name) => Find(name)?.Description ?? name;

        private static (MessageChannel Channel, string Name, string? Key, string Description)? Find(string? name)
        {
            var trimmed = name?.Trim();
            foreach (var entry in Table)
                if (string.Equals(entry.Name, trimmed, StringComparison.OrdinalIgnoreCase)) return entry;
            return null;
        }
    }
}
