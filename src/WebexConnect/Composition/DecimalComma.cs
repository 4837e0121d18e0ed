namespace WebexConnect.Composition
{
    /// <summary>
    /// A number written with a decimal comma ('0,25', '51,5074'), as a de-DE or fr-FR admin types it and as their Excel
    /// saves it in a CSV. PowerShell converts text to a number in the invariant culture, where the comma groups thousands.
    /// </summary>
    internal static class DecimalComma
    {
        /// <summary>
        /// The text with its comma as a point when it has one comma and no point: the decimal mark of a comma-decimal culture,
        /// for values (a share, degrees) too small for a thousands separator. Any other text unchanged.
        /// </summary>
        public static string AsPoint(string text)
        {
            var comma = text.IndexOf(',');
            return comma >= 0 && comma == text.LastIndexOf(',') && text.IndexOf('.') < 0 ? text.Replace(',', '.') : text;
        }
    }
}
