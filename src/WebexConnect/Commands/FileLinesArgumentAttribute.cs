using System;
using System.Collections;
using System.Management.Automation;
using System.Text;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Puts the lines Get-Content gives without -Raw back into the one text they were read from, a line break between
    /// each: -Html (Get-Content mail.html) and -Text (Get-Content message.txt) failed before the first row with
    /// "Cannot convert 'System.Object[]' to the type 'System.String'", nothing in it saying the file had several lines.
    /// </summary>
    /// <remarks>
    /// Only an array whose every item is a line Get-Content read (a string carrying its PSPath) is joined: any other array
    /// given to a one-text parameter (a list by mistake, a row's column that holds several values) is left for PowerShell to
    /// refuse, as before, rather than sent as texts glued together that nobody wrote.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class FileLinesArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is IList lines) || lines.Count == 0) return inputData;
            var text = new StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                if (!(lines[i] is PSObject line && line.BaseObject is string read && IsReadFromFile(line))) return inputData;
                if (i > 0) text.Append('\n');
                text.Append(read);
            }
            return text.ToString();
        }

        private static bool IsReadFromFile(PSObject line) => line.Properties["PSPath"]?.Value is string path && path.Length > 0;
    }
}
