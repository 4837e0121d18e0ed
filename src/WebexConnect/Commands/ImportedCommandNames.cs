using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The module's command names as this session has them. Import-Module WebexConnect -Prefix Wx makes
    /// Connect-WebexConnect Connect-WxWebexConnect: an error that says "Run Connect-WebexConnect first" there names a
    /// command the admin's session does not have ("The term 'Connect-WebexConnect' is not recognized").
    /// </summary>
    /// <remarks>
    /// PowerShell tells a cmdlet the name it was imported as (MyCommand.Name), not the prefix: the prefix is what stands
    /// before the noun of the cmdlet's own attribute. Applied where an error tells the admin which of our commands to run.
    /// </remarks>
    internal static class ImportedCommandNames
    {
        // Every Verb-Noun this assembly defines, as a whole word (not inside a path or a longer name), and not as the start
        // of a $PSDefaultParameterValues key ('Send-ConnectSms:From'), which PowerShell matches by the unprefixed name.
        private static readonly Regex OurNames = new Regex(
            @"(?<![\w-])(?<verb>" + string.Join("|", Defined().Select(c => Regex.Escape(c.VerbName)).Distinct()) + @")-(?<noun>" +
            string.Join("|", Defined().Select(c => Regex.Escape(c.NounName)).Distinct().OrderByDescending(n => n.Length)) + @")(?![\w:-])",
            RegexOptions.CultureInvariant);

        /// <summary><paramref name="text"/> with our command names as <paramref name="cmdlet"/>'s session has them.</summary>
        public static string In(PSCmdlet cmdlet, string text)
        {
            var prefix = PrefixOf(cmdlet);
            return prefix.Length == 0 ? text : OurNames.Replace(text, m => m.Groups["verb"].Value + "-" + prefix + m.Groups["noun"].Value);
        }

        /// <summary>
        /// <paramref name="record"/>, its displayed message naming our commands as <paramref name="cmdlet"/>'s session has
        /// them: set as ErrorDetails, which every error view shows, so that Exception.Message (and a result's Reason) stays
        /// as written. Before, only NotConnected and SessionClosed did: a row's error, a stopped send, a warning said
        /// "Connect-WebexConnect -BaseUri", "Send-ConnectEmail", "Start-ConnectReceiptListener" under -Prefix too.
        /// </summary>
        public static ErrorRecord In(PSCmdlet cmdlet, ErrorRecord record)
        {
            var message = record.ErrorDetails?.Message is { Length: > 0 } shown ? shown : record.Exception.Message;
            var named = In(cmdlet, message);
            if (!string.Equals(named, message, System.StringComparison.Ordinal))
                record.ErrorDetails = new ErrorDetails(named) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
            return record;
        }

        /// <summary>
        /// The cmdlet's own Verb-Noun (Send-ConnectSms), whatever -Prefix it was imported with: the name PowerShell matches
        /// $PSDefaultParameterValues keys against.
        /// </summary>
        public static string OwnName(PSCmdlet cmdlet) =>
            DeclaredBy(cmdlet.GetType()) is CmdletAttribute own
                ? own.VerbName + "-" + own.NounName
                : cmdlet.MyInvocation.MyCommand.Name;

        /// <summary>The -Prefix the module was imported with ("Wx"), or "" without one.</summary>
        public static string PrefixOf(PSCmdlet cmdlet) => PrefixOf(cmdlet.GetType(), cmdlet.MyInvocation?.MyCommand?.Name);

        /// <summary>The prefix <paramref name="name"/> (the name the session has) puts before the noun of <paramref name="cmdletType"/>.</summary>
        internal static string PrefixOf(Type cmdletType, string? name)
        {
            var noun = DeclaredBy(cmdletType)?.NounName;
            if (noun is null || name is null) return "";
            // The imported noun is what follows the first '-'; measured in place, as most sessions have no prefix to cut.
            var start = name.IndexOf('-') + 1;
            var importedLength = name.Length - start;
            return importedLength > noun.Length && name.EndsWith(noun, System.StringComparison.OrdinalIgnoreCase)
                ? name.Substring(start, importedLength - noun.Length)
                : "";
        }

        // Read once per type: every warning, error and engine -Verbose/-Debug line of a send is named through PrefixOf (an error
        // for each bad row), and reading the attribute is reflection that allocates and resolves its arguments' types by name
        // every time: 2.5 % of the samples of a profiled 20,000-row Send-ConnectEmail run, for a few lines a batch.
        private static readonly ConcurrentDictionary<Type, CmdletAttribute?> Declared = new ConcurrentDictionary<Type, CmdletAttribute?>();

        private static CmdletAttribute? DeclaredBy(Type cmdletType) => Declared.GetOrAdd(cmdletType, type => type.GetCustomAttribute<CmdletAttribute>());

        private static System.Collections.Generic.IEnumerable<CmdletAttribute> Defined() =>
            typeof(ImportedCommandNames).Assembly.GetExportedTypes()
                .Select(t => t.GetCustomAttribute<CmdletAttribute>())
                .Where(a => a != null)
                .Select(a => a!);
    }
}
