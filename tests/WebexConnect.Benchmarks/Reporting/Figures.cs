using System;
using System.Globalization;

namespace WebexConnect.Benchmarks.Reporting
{
    /// <summary>How figures read in the table: invariant culture, thousands separated, units spelled out.</summary>
    internal static class Figures
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static string Count(long n) => n.ToString("N0", Invariant);

        public static string Rate(double perSecond) => perSecond.ToString("N0", Invariant) + " /s";

        public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + " %";

        public static string Ratio(double ratio) => ratio.ToString("0.0", Invariant) + "x";

        public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", Invariant) + " s";

        public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", Invariant) + " MB";
    }
}
