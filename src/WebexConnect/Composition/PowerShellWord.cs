using System.Text.RegularExpressions;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A text as an argument typed into a command line: bare when PowerShell reads it as that very text (Phone), else
    /// in single quotes ('First Name'), so that what the module suggests runs as shown.
    /// </summary>
    internal static class PowerShellWord
    {
        // A name that starts with a digit is quoted: PowerShell would bind 01, 1e5, 0x10 or 1kb as the number.
        private static readonly Regex BareWord = new Regex(@"^[\p{L}_][\p{L}\p{N}_.-]*$", RegexOptions.CultureInvariant);

        /// <summary>The argument that gives <paramref name="text"/>: the text itself, or it quoted.</summary>
        /// <param name="text">A column name, as the row spells it.</param>
        public static string Of(string text) => BareWord.IsMatch(text) ? text : "'" + text.Replace("'", "''") + "'";

        /// <summary>
        /// The argument that names the property <paramref name="name"/> to a parameter that reads wildcards (Sort-Object
        /// -Property): its *, ?, [ and ] escaped with a backtick, so that 'Code [new]' names that column, not 'Coden' or 'Codee'.
        /// </summary>
        /// <param name="name">A column name, as the row spells it.</param>
        public static string OfProperty(string name) => Of(Wildcards.Replace(name, "`$0"));

        /// <summary>
        /// The member name that reads the property <paramref name="name"/> after "$_.": bare when it is a plain word, else in
        /// single quotes ($_.'First Name'). Stricter than <see cref="Of"/>: after a dot, PowerShell ends a bare member name at a
        /// '-' or '.' ($_.Due-Date subtracts Date).
        /// </summary>
        /// <param name="name">A column name, as the row spells it.</param>
        public static string OfMember(string name) => BareMember.IsMatch(name) ? name : "'" + name.Replace("'", "''") + "'";

        private static readonly Regex BareMember = new Regex(@"^[\p{L}_][\p{L}\p{N}_]*$", RegexOptions.CultureInvariant);

        // WildcardPattern.Escape's characters, the backtick among them.
        private static readonly Regex Wildcards = new Regex(@"[*?\[\]`]", RegexOptions.CultureInvariant);
    }
}
