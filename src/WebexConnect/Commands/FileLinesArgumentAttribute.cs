using System;
using System.Collections;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Puts the lines Get-Content gives without -Raw back into the one text they were read from, a line break between
    /// each: -Html (Get-Content mail.html) and -Text (Get-Content message.txt) failed before the first row with
    /// "Cannot convert 'System.Object[]' to the type 'System.String'", nothing in it saying the file had several lines.
    /// </summary>
    /// <remarks>
    /// Only an array whose every item is a line Get-Content read (a string carrying its PSPath) is joined, and, for an HTML
    /// parameter (<see cref="Html"/>), the lines ConvertTo-Html writes: a run's report, -Html ($results | ConvertTo-Html),
    /// failed the same way. Any other array given to a one-text parameter (a list by mistake, a row's column that holds
    /// several values) is left for PowerShell to refuse, as before, rather than sent as texts glued together that nobody wrote.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class FileLinesArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter takes HTML: the lines of a ConvertTo-Html document or fragment are joined too.</summary>
        public bool Html { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is IList lines) || lines.Count == 0) return inputData;
            var fromFile = true;
            var texts = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i] is PSObject item ? item.BaseObject : lines[i];
                if (!(line is string read)) return inputData;
                texts[i] = read;
                fromFile &= lines[i] is PSObject carrier && IsReadFromFile(carrier);
            }
            return fromFile || (Html && IsConvertToHtml(texts)) ? string.Join("\n", texts) : inputData;
        }

        private static bool IsReadFromFile(PSObject line) => line.Properties["PSPath"]?.Value is string path && path.Length > 0;

        /// <summary>
        /// ConvertTo-Html's output, a document or a -Fragment: it writes its table's "&lt;table&gt;" and "&lt;/table&gt;" each on
        /// a line of its own, whatever -PreContent and -PostContent add around them; a list of texts typed by hand does not.
        /// </summary>
        private static bool IsConvertToHtml(string[] lines)
        {
            var opened = Array.FindIndex(lines, l => string.Equals(l, "<table>", StringComparison.OrdinalIgnoreCase));
            return opened >= 0 && Array.FindLastIndex(lines, l => string.Equals(l, "</table>", StringComparison.OrdinalIgnoreCase)) > opened;
        }
    }
}
