using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>A count and its noun as a message says it: "1 part", "2 parts", in any culture.</summary>
    internal static class Counted
    {
        public static string Of(long count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
    }
}
