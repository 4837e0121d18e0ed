using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// Reads and checks a POST /v2/messages body against the rules in API.md, failing the whole request on
    /// the first problem (as we must assume the service does).
    /// </summary>
    internal static class SandboxMessageReader
    {
        public const int MaxDestinations = 1000;
        public const int MaxSmsText = 4000;
        public const int MaxCallbackData = 2000;
        public const int MaxCorrelationIdBytes = 50;
        private static readonly TimeSpan MaxSchedule = TimeSpan.FromDays(7);

        /// <summary>Returns the message, or null with <paramref name="rejection"/> set.</summary>
        /// <param name="addressCount">The addresses across the "to" objects, counted also for a body it refuses, so that
        /// Get-ConnectSandboxRequest shows how many a refused request carried (it said 0 for a 7041 of two destinations).</param>
        public static SandboxMessage? Read(ReadOnlyMemory<byte> body, int tps, DateTimeOffset now, out SandboxRejection? rejection, out string? channel,
            out int addressCount)
        {
            rejection = null;
            channel = null;
            addressCount = 0;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                rejection = InvalidJson();
                return null;
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    rejection = InvalidJson();
                    return null;
                }
                if (root.TryGetProperty("channel", out var named) && named.ValueKind == JsonValueKind.String) channel = named.GetString();
                addressCount = CountAddresses(root);
                return ReadMessage(root, tps, now, out rejection);
            }
        }

        /// <summary>The elements of each "to" object's address arrays (any array member but gtrId), whatever their values.</summary>
        private static int CountAddresses(JsonElement root)
        {
            if (!root.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array) return 0;
            var count = 0;
            foreach (var destination in to.EnumerateArray())
            {
                if (destination.ValueKind != JsonValueKind.Object) continue;
                foreach (var member in destination.EnumerateObject())
                    if (member.Value.ValueKind == JsonValueKind.Array && member.Name != "gtrId") count += member.Value.GetArrayLength();
            }
            return count;
        }

        private static SandboxMessage? ReadMessage(JsonElement root, int tps, DateTimeOffset now, out SandboxRejection? rejection)
        {
            rejection = null;
            var channel = RequiredString(root, "channel", ref rejection);
            if (rejection != null) return null;
            // The channels the vendor lists; any other name is refused as the service refuses one it does not offer.
            if (!ChannelNames.Known.Contains(channel!)) return Fail(Invalid("channel"), out rejection);

            var from = RequiredString(root, "from", ref rejection);
            if (rejection != null) return null;

            if (!root.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
                return Fail(Missing("to"), out rejection);

            var hasContent = Present(root, "content");
            var hasTemplate = Present(root, "template");
            if (!hasContent && !hasTemplate) return Fail(Missing("content"), out rejection);
            if (hasContent && hasTemplate) return Fail(Invalid("content"), out rejection);

            if (Present(root, "expireAt") && Present(root, "validity")) return Fail(Invalid("expireAt"), out rejection);
            DateTimeOffset? sendsAt = null;
            if (root.TryGetProperty("sendAt", out var sendAt))
            {
                if (!TryReadSendAt(sendAt, now, out var when)) return Fail(Invalid("sendAt"), out rejection);
                sendsAt = when;
            }

            var callbackData = OptionalString(root, "callbackData");
            if (callbackData != null && callbackData.Length > MaxCallbackData) return Fail(Invalid("callbackData"), out rejection);

            if (channel == "sms" && hasContent && root.GetProperty("content").ValueKind == JsonValueKind.Object
                && root.GetProperty("content").TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                && text.GetString()!.Length > MaxSmsText)
                return Fail(new SandboxRejection("7107", "Message too long - text"), out rejection);

            var destinations = ReadDestinations(to, ChannelNames.DefaultDestinationKey(ChannelNames.Parse(channel)), out rejection);
            if (destinations == null) return null;
            if (destinations.Count > MaxDestinations || (tps > 0 && destinations.Count > tps))
                return Fail(new SandboxRejection("7009", "Too many destinations - " + destinations.Count.ToString(CultureInfo.InvariantCulture)), out rejection);

            return new SandboxMessage(channel!, from!, destinations, callbackData, OptionalString(root, "notifyUrl"), OptionalString(root, "correlationId"),
                SandboxSmsSegments.Of(root, channel!), sendsAt, StringsOf(root, "cc", "bcc"), StringsOf(root, "requestedReceipts"));
        }

        /// <summary>
        /// The strings of the body's arrays <paramref name="members"/>, in that order: an email's cc and bcc (the service sends
        /// them receipts too), the requestedReceipts (the receipts it sends); null when there are none.
        /// </summary>
        private static IReadOnlyList<string>? StringsOf(JsonElement root, params string[] members)
        {
            List<string>? strings = null;
            foreach (var member in members)
            {
                if (!root.TryGetProperty(member, out var list) || list.ValueKind != JsonValueKind.Array) continue;
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text) (strings ??= new List<string>()).Add(text);
            }
            return strings;
        }

        /// <param name="to">The "to" array.</param>
        /// <param name="knownField">The member that holds the addresses; null for a channel whose key no document names,
        /// where each destination object's one array member (other than gtrId) is taken.</param>
        /// <param name="rejection">Why the request fails, when it does.</param>
        private static List<SandboxDestination>? ReadDestinations(JsonElement to, string? knownField, out SandboxRejection? rejection)
        {
            rejection = null;
            var destinations = new List<SandboxDestination>(to.GetArrayLength());
            foreach (var destination in to.EnumerateArray())
            {
                if (destination.ValueKind != JsonValueKind.Object) return Fail<List<SandboxDestination>>(Invalid("to"), out rejection);
                var addressField = knownField ?? AddressMember(destination);
                if (addressField is null) return Fail<List<SandboxDestination>>(Missing("to"), out rejection);
                if (!destination.TryGetProperty(addressField, out var addresses) || addresses.ValueKind != JsonValueKind.Array || addresses.GetArrayLength() == 0)
                    return Fail<List<SandboxDestination>>(Missing(addressField), out rejection);

                string? correlationId = null;
                if (destination.TryGetProperty("correlationId", out var cid))
                {
                    if (cid.ValueKind != JsonValueKind.String || Encoding.UTF8.GetByteCount(cid.GetString()!) > MaxCorrelationIdBytes)
                        return Fail<List<SandboxDestination>>(Invalid("correlationId"), out rejection);
                    correlationId = cid.GetString();
                }

                foreach (var address in addresses.EnumerateArray())
                {
                    var value = address.ValueKind == JsonValueKind.String ? address.GetString()! : address.GetRawText();
                    if (addressField == "msisdn" && !IsE164(value))
                        return Fail<List<SandboxDestination>>(new SandboxRejection("7041", "Invalid MSISDN - " + value), out rejection);
                    if (addressField == "email" && !IsEmailAddress(value))
                        return Fail<List<SandboxDestination>>(new SandboxRejection("7004", "Invalid parameter - email " + value), out rejection);
                    destinations.Add(new SandboxDestination(value, correlationId));
                }
            }
            return destinations;
        }

        private static string? AddressMember(JsonElement destination)
        {
            foreach (var member in destination.EnumerateObject())
                if (member.Value.ValueKind == JsonValueKind.Array && member.Name != "gtrId") return member.Name;
            return null;
        }

        /// <summary>+, a non-zero digit, then 6 to 14 more digits.</summary>
        internal static bool IsE164(string value)
        {
            if (value.Length < 8 || value.Length > 16 || value[0] != '+' || value[1] < '1' || value[1] > '9') return false;
            for (var i = 2; i < value.Length; i++)
                if (value[i] < '0' || value[i] > '9') return false;
            return true;
        }

        /// <summary>A deliberately plain check: one @, a local part, a dotted domain, no spaces.</summary>
        internal static bool IsEmailAddress(string value)
        {
            var at = value.IndexOf('@');
            if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
            for (var i = 0; i < value.Length; i++)
                if (char.IsWhiteSpace(value[i]) || char.IsControl(value[i])) return false;
            var domain = value.Substring(at + 1);
            var dot = domain.IndexOf('.');
            return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..");
        }

        /// <summary>The time sendAt names, when it is one the service takes (readable, at most 7 days ahead).</summary>
        private static bool TryReadSendAt(JsonElement sendAt, DateTimeOffset now, out DateTimeOffset when)
        {
            when = default;
            if (sendAt.ValueKind == JsonValueKind.Number && sendAt.TryGetInt64(out var epoch))
            {
                if (epoch < -62135596800L || epoch > 253402300799L) return false;
                when = DateTimeOffset.FromUnixTimeSeconds(epoch);
            }
            else if (sendAt.ValueKind != JsonValueKind.String
                     || !DateTimeOffset.TryParse(sendAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                return false;
            }
            return when - now <= MaxSchedule;
        }

        private static string? RequiredString(JsonElement root, string name, ref SandboxRejection? rejection)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
                || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
            {
                rejection = Missing(name);
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                rejection = Invalid(name);
                return null;
            }
            return value.GetString();
        }

        private static string? OptionalString(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool Present(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        private static SandboxRejection InvalidJson() => new SandboxRejection("7000", "Invalid JSON");
        private static SandboxRejection Missing(string field) => new SandboxRejection("7003", "Mandatory parameter missing - " + field);
        private static SandboxRejection Invalid(string field) => new SandboxRejection("7004", "Invalid parameter - " + field);

        private static SandboxMessage? Fail(SandboxRejection why, out SandboxRejection? rejection) => Fail<SandboxMessage>(why, out rejection);

        private static T? Fail<T>(SandboxRejection why, out SandboxRejection? rejection) where T : class
        {
            rejection = why;
            return null;
        }
    }
}
