using System;
using System.Collections.Generic;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The addresses of -Cc or -Bcc as given: items of a list, or a CSV cell that lists several as Outlook writes them
    /// ('ann@example.com; bob@example.com', or with commas, with or without display names: "Doe, Jane" &lt;jane@example.com&gt;).
    /// An empty item (an empty cell, -Cc $_.Manager for a row without a manager) names no one. Each address is checked as
    /// it is (EmailRules), so a bad one is named by itself.
    /// </summary>
    internal static class CopyAddresses
    {
        // Where RepeatedRows splits a Cc or Bcc cell to compare two rows' addresses as sets, without allocating: a display
        // name ('"Doe, Jane" <jane@example.com>') is compared as written, its parts in the same order in both cells.
        internal static readonly char[] Separators = { ';', ',', '\r', '\n' };
        // Between distinguished names, whose own commas do not separate them.
        private static readonly char[] NameSeparators = { ';', '\r', '\n' };

        /// <summary>
        /// The addresses, split at ';' and ',', trimmed, the empty ones left out, and each sent once: 'boss@example.com;
        /// Boss@example.com' in a cell sent the boss two copies. Repeats are told apart as -To's are (<see cref="RepeatedAddresses"/>).
        /// </summary>
        public static IReadOnlyList<string> Of(string[]? given)
        {
            if (given is null || given.Length == 0) return Array.Empty<string>();
            var addresses = new List<string>(given.Length);
            foreach (var item in given)
            {
                if (string.IsNullOrWhiteSpace(item)) continue;
                if (item.IndexOf('=') < 0) AddParts(item, addresses);
                else AddWithDistinguishedNames(item, addresses);
            }
            return addresses.Count > 1 ? RepeatedAddresses.SendOnce(addresses.ToArray(), out _) : addresses;
        }

        /// <summary>
        /// The addresses of an item read as an address line (<see cref="AddressLine"/>): 'ann@example.com' as it is, and of
        /// '"Doe, Jane" &lt;jane@example.com&gt;; bob@example.com' the two addresses, without the name, which the service's
        /// cc and bcc have no place for. Not split at spaces: 'ann@example.com bob@example.com' stays one bad value, for
        /// the check to say how to separate them.
        /// </summary>
        private static void AddParts(string item, List<string> addresses)
        {
            if (!AddressLine.IsPlain(item))
            {
                foreach (var entry in AddressLine.Read(item)) addresses.Add(entry.ToSend);
            }
            else if (!string.IsNullOrWhiteSpace(item)) addresses.Add(item.Trim());
        }

        /// <summary>
        /// A Manager column from Get-ADUser ('CN=Boss One,OU=Users,DC=contoso,DC=com') was split at its commas into four
        /// "addresses", each refused by itself: a distinguished name stays whole, for EmailRules to say what it is.
        /// </summary>
        private static void AddWithDistinguishedNames(string item, List<string> addresses)
        {
            foreach (var part in item.Split(NameSeparators))
            {
                if (DistinguishedNameRule.IsOne(part)) addresses.Add(part.Trim());
                else AddParts(part, addresses);
            }
        }

        /// <summary>
        /// True when a part of <paramref name="item"/> between ';' or line breaks is a distinguished name, kept whole and refused
        /// (<see cref="AddWithDistinguishedNames"/>). Not every '=': 'Sales=Team &lt;sales@example.com&gt;' is an address.
        /// </summary>
        internal static bool HasDistinguishedName(string item)
        {
            if (item.IndexOf('=') < 0) return false;
            foreach (var part in item.Split(NameSeparators))
                if (DistinguishedNameRule.IsOne(part)) return true;
            return false;
        }

        /// <summary>
        /// What tells one row's copies from another's, read for every row: the value itself for one item (no allocation),
        /// null for none. Rows of equal keys share a message; rows of other keys whose addresses are the same still share a
        /// request, as the dispatcher compares the requests' JSON.
        /// </summary>
        public static string? Key(string[]? given)
        {
            if (given is null || given.Length == 0) return null;
            if (given.Length == 1) return string.IsNullOrWhiteSpace(given[0]) ? null : given[0];
            return string.Join("\n", given);
        }

        /// <summary>
        /// ", cc boss@example.com, bcc audit@example.com, reply to help@example.com": the copies of a batch's email as -WhatIf
        /// says them, now that each row of a CSV may have its own; empty for an email without them and for other channels.
        /// </summary>
        public static string Said(ConnectMessage message)
        {
            if (message is not EmailMessage email) return "";
            var said = "";
            if (email.Cc.Count > 0) said += ", cc " + SubstitutionText.Abbreviate(email.Cc);
            if (email.Bcc.Count > 0) said += ", bcc " + SubstitutionText.Abbreviate(email.Bcc);
            if (email.ReplyTo is string replyTo) said += ", reply to " + replyTo;
            return said;
        }
    }
}
