using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Transport
{
    /// <summary>The Webex Connect regions and the Messaging API host of each: the one place that maps them.</summary>
    internal static class Regions
    {
        /// <summary>Region names, for validation and tab completion. "sg" is inferred from the host naming.</summary>
        public static IReadOnlyList<string> Names { get; } = new[] { "us", "us1", "eu", "uk", "ca", "in", "au", "sg" };

        /// <summary>The API base URI of a region, e.g. https://api.eu.webexconnect.io/.</summary>
        /// <exception cref="ArgumentException">The region is not one of <see cref="Names"/>.</exception>
        public static Uri BaseUri(string region)
        {
            var name = region?.Trim().ToLowerInvariant() ?? "";
            foreach (var known in Names)
            {
                if (known == name) return new Uri("https://api." + known + ".webexconnect.io/");
            }

            throw new ArgumentException(
                "Unknown region '" + region + "'. Use one of: " + string.Join(", ", Names) + ", or give the base URL instead.",
                nameof(region));
        }
    }
}
