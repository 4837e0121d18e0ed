using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// Turns a parsed webhook body into DeliveryReceipts. The body is a plain tree (the engine's JSON reader
    /// makes one from bytes), a ConvertFrom-Json PSObject, or a hashtable a web framework made: all three are
    /// read here, so the field names, their casing and the status mapping live in one place.
    /// </summary>
    /// <remarks>
    /// API.md: {"deliveryInfoNotification": {"deliveryInfo": {...}, "transid", "callbackData", "correlationid"}}.
    /// The service spells Description, correlationid and (in some samples) messageid differently from the
    /// request's camelCase, so every name is matched without case. A JSON array of notifications is read as
    /// several receipts, and a body that is the notification itself (no wrapper) is read as one.
    /// </remarks>
    internal static class ReceiptReader
    {
        private const string Wrapper = "deliveryInfoNotification";
        private const string Info = "deliveryInfo";

        public static IReadOnlyList<DeliveryReceipt> Read(object? body, DateTimeOffset receivedAt, bool signatureVerified)
        {
            var receipts = new List<DeliveryReceipt>();
            var root = Unwrap(body);
            if (root is null) throw new ReceiptFormatException("The webhook body is empty.");
            if (AsList(root) is IList list)
            {
                if (list.Count == 0) throw new ReceiptFormatException("The webhook body is an empty list.");
                for (var i = 0; i < list.Count; i++)
                {
                    try
                    {
                        receipts.Add(ReadOne(Unwrap(list[i]), receivedAt, signatureVerified));
                    }
                    catch (ReceiptFormatException ex)
                    {
                        throw new ReceiptFormatException($"Item {i + 1} of the list: {ex.Message}");
                    }
                }
                return receipts;
            }
            receipts.Add(ReadOne(root, receivedAt, signatureVerified));
            return receipts;
        }

        private static DeliveryReceipt ReadOne(object? item, DateTimeOffset receivedAt, bool signatureVerified)
        {
            var notification = Fields(item) ?? throw new ReceiptFormatException("The webhook body is not a JSON object (it is " + Describe(item) + ").");
            if (notification.TryGetValue(Wrapper, out var wrapped))
                notification = Fields(Unwrap(wrapped)) ?? throw new ReceiptFormatException(Wrapper + " is not an object.");
            if (!notification.TryGetValue(Info, out var infoValue))
                throw new ReceiptFormatException("The webhook body has no " + Wrapper + "." + Info + ": it is not a delivery receipt.");
            var info = Fields(Unwrap(infoValue)) ?? throw new ReceiptFormatException(Info + " is not an object.");

            var code = Text(info, "code");
            var word = Text(info, "deliveryStatus");
            if (code is null && word is null)
                throw new ReceiptFormatException(Info + " has neither a code nor a deliveryStatus.");

            var transid = Text(notification, "transid") ?? Text(info, "transid");
            var messageId = Text(notification, "messageId") ?? Text(info, "messageId") ?? MessageIdOf(transid);
            return new DeliveryReceipt(
                DeliveryStatuses.From(code, word), code, word, Text(info, "Description"), Text(info, "deliveryChannel"),
                Text(info, "destination"), Text(info, "destinationType"), Timestamp(info, receivedAt), messageId, transid,
                Text(notification, "correlationId") ?? Text(info, "correlationId"), Text(notification, "callbackData"),
                Text(notification, "carrier"), Text(notification, "serviceProvider"), Text(info, "additionalInfo"),
                Text(info, "messageCount"), receivedAt, signatureVerified);
        }

        /// <summary>transid is the messageId, with "_n" per destination in batch samples (inferred): strip that suffix.</summary>
        internal static string? MessageIdOf(string? transid)
        {
            if (string.IsNullOrEmpty(transid)) return transid;
            var underscore = transid!.LastIndexOf('_');
            if (underscore <= 0 || underscore == transid.Length - 1) return transid;
            for (var i = underscore + 1; i < transid.Length; i++)
                if (transid[i] < '0' || transid[i] > '9') return transid;
            return transid.Substring(0, underscore);
        }

        private static DateTimeOffset? Timestamp(Dictionary<string, object?> info, DateTimeOffset receivedAt)
        {
            if (!info.TryGetValue("timeStamp", out var value)) return null;
            value = Unwrap(value);
            switch (value)
            {
                case DateTimeOffset offset: return offset;
                // PowerShell 7's ConvertFrom-Json turns ISO text into DateTime already.
                case DateTime time: return time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time);
                case null: return null;
            }
            var text = Scalar(value);
            if (string.IsNullOrWhiteSpace(text)) return null;
            return ReceiptTimestamp.Read(text!, receivedAt);
        }

        /// <summary>
        /// A field's text, its terminal control characters made visible (InputEcho.Inert): anyone who can post to a listener
        /// without -Secret writes these fields, and the console prints them (the receipts' views, DeliveryFailed's message
        /// with the Description). Before, an ESC or OSC sequence in a Description re-coloured or re-titled the admin's
        /// terminal when Wait-ConnectDelivery reported the row.
        /// </summary>
        private static string? Text(Dictionary<string, object?> fields, string name)
        {
            if (!fields.TryGetValue(name, out var value)) return null;
            var text = Scalar(Unwrap(value));
            return string.IsNullOrEmpty(text) ? null : InputEcho.Inert(text!);
        }

        private static string? Scalar(object? value) => value switch
        {
            null => null,
            string s => s,
            DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
            DateTimeOffset offset => offset.ToString("o", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IDictionary _ => null,
            IList _ => null,
            PSCustomObject _ => null,
            _ => value.ToString(),
        };

        /// <summary>The fields of an object as a case-insensitive dictionary; null when it is not an object.</summary>
        private static Dictionary<string, object?>? Fields(object? value)
        {
            value = Unwrap(value);
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (entry.Key is string key && !fields.ContainsKey(key)) fields[key] = entry.Value;
                return fields;
            }
            if (value is PSObject ps && ps.BaseObject is PSCustomObject)
            {
                foreach (var property in ps.Properties)
                    if (!fields.ContainsKey(property.Name)) fields[property.Name] = SafeValue(property);
                return fields;
            }
            return null;
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        private static IList? AsList(object value) => value is IList list && !(value is IDictionary) ? list : null;

        private static object? Unwrap(object? value) => value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;

        private static string Describe(object? value) => value switch
        {
            null => "empty",
            string _ => "text",
            // $receipts | ConvertFrom-ConnectWebhook again: before, "it is a DeliveryReceipt", which did not say it needs nothing.
            DeliveryReceipt _ => "already a DeliveryReceipt, as this command writes: use it as it is, e.g. Wait-ConnectDelivery -Receipt $receipts",
            _ => ("AEIOU".IndexOf(value.GetType().Name[0]) >= 0 ? "an " : "a ") + value.GetType().Name,
        };
    }
}
