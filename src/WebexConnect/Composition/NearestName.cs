using System;
using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The name a misspelt one most likely meant: $(Nmae) of a row with a Name column. Two names are near when one becomes
    /// the other by at most one change (a letter added, dropped, changed, or two letters swapped), two for names of five
    /// letters or more, case aside; names of one or two letters are near nothing ($(A) does not mean a column B).
    /// </summary>
    internal static class NearestName
    {
        /// <summary>The nearest of <paramref name="candidates"/> to <paramref name="name"/>, the first of equals; null when none is near.</summary>
        public static string? To(string name, IEnumerable<string> candidates)
        {
            if (name.Length < 3) return null;
            var most = name.Length < 5 ? 1 : 2;
            string? nearest = null;
            var best = most + 1;
            foreach (var candidate in candidates)
            {
                if (candidate.Length < 3 || Math.Abs(candidate.Length - name.Length) > most) continue;
                var distance = Changes(name, candidate);
                if (distance > 0 && distance < best)
                {
                    best = distance;
                    nearest = candidate;
                }
            }
            return nearest;
        }

        /// <summary>
        /// How many letters must be added, dropped, changed or swapped with the next to make <paramref name="b"/> of
        /// <paramref name="a"/>, case aside (the optimal string alignment distance). Names are short: a table of rows is cheap.
        /// </summary>
        internal static int Changes(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 2]) &&
                        char.ToUpperInvariant(a[i - 2]) == char.ToUpperInvariant(b[j - 1]))
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            return d[a.Length, b.Length];
        }
    }
}
