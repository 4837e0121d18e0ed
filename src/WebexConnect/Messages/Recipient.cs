using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Messages
{
    /// <summary>
    /// One destination object of the v2 "to" array: one person (personalised send) or several addresses
    /// that receive the identical message (bulk send), with their own correlation ID and substitutions.
    /// </summary>
    public sealed class Recipient
    {
        private static readonly IReadOnlyDictionary<string, string> NoSubstitutions = new Dictionary<string, string>();

        /// <summary>Creates a destination object for one or more addresses.</summary>
        public Recipient(IEnumerable<string> addresses, string? correlationId = null,
            IReadOnlyDictionary<string, string>? substitutions = null, IEnumerable<string>? gtrIds = null)
            : this((addresses ?? throw new ArgumentNullException(nameof(addresses))).ToArray(), correlationId, substitutions, gtrIds)
        {
        }

        // Takes the array as it is: the composer makes one for each row's recipient, and a copy would be one more per row.
        private Recipient(string[] addresses, string? correlationId, IReadOnlyDictionary<string, string>? substitutions, IEnumerable<string>? gtrIds)
        {
            Addresses = addresses;
            CorrelationId = correlationId;
            Substitutions = substitutions ?? NoSubstitutions;
            GtrIds = gtrIds?.ToArray() ?? Array.Empty<string>();
        }

        /// <summary>A destination object that keeps <paramref name="addresses"/> itself: the caller must not change the array afterwards.</summary>
        internal static Recipient Owning(string[] addresses, string? correlationId, IReadOnlyDictionary<string, string>? substitutions,
            IEnumerable<string>? gtrIds) =>
            new Recipient(addresses ?? throw new ArgumentNullException(nameof(addresses)), correlationId, substitutions, gtrIds);

        /// <summary>Creates a destination object for a single address.</summary>
        public Recipient(string address, string? correlationId = null, IReadOnlyDictionary<string, string>? substitutions = null)
            : this(new[] { address }, correlationId, substitutions)
        {
        }

        /// <summary>The phone numbers (msisdn, E.164) or email addresses, as given.</summary>
        public IReadOnlyList<string> Addresses { get; }

        /// <summary>The caller's reference for this destination object (at most 50 bytes as UTF-8).</summary>
        public string? CorrelationId { get; }

        /// <summary>This destination's values for $(name) variables; they win over the message's global ones.</summary>
        public IReadOnlyDictionary<string, string> Substitutions { get; }

        /// <summary>RCS only: GTR IDs, one per number when given.</summary>
        public IReadOnlyList<string> GtrIds { get; }

        /// <summary>What ToString puts between addresses; a send result's Destination is that text.</summary>
        internal const string AddressSeparator = ", ";

        /// <summary>The addresses joined for display: "+447700900001" or "+447700900001, +447700900002".</summary>
        public override string ToString() => string.Join(AddressSeparator, Addresses);
    }
}
