using System;
using System.Management.Automation;
using WebexConnect.Messages.Validation;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -NotifyUrl take the listener itself (-NotifyUrl $listener), which shows as its URL everywhere, besides
    /// a URL. PowerShell's own conversion refused it: "Cannot convert the "http://127.0.0.1:.../" value of type
    /// ConnectReceiptListener to type System.Uri".
    /// </summary>
    /// <remarks>
    /// A text that is no URL at all ('https://hooks.example .com/') is marked, not thrown (<see cref="Unreadable"/>): PowerShell's
    /// refusal came before the command ran, and a script's loop of one-row calls lost that row without a result. The command
    /// refuses it: the one row's Invalid result, or a piped run's stop, under PowerShell's ErrorId.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class NotifyUrlArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>PowerShell's ErrorId for a text it could not make a URL of, kept for the one the command refuses itself.</summary>
        public const string UnreadableErrorId = "CannotConvertArgumentNoMessage";

        // The marks' scheme: no URL anyone gives has it, and UrlRule refuses it as not http(s) if it ever got that far.
        private const string MarkPrefix = "urn:webexconnect-unreadable-url:";

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is ConnectReceiptListener listener) return listener.Url;
            // A database's NULL (a DataRow's empty cell) is no URL given, as $null is: PowerShell's binder could not make a Uri
            // of it, and a loop's -NotifyUrl $r.Hook ended its statement without the row's result.
            if (value is DBNull) return null;
            if (value is string text && !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _)) return Mark(text);
            if (value is null || value is string || value is Uri) return inputData;
            // A value PowerShell cannot make a Uri of (a [datetime] cell, a hashtable, the row itself) is marked too: its
            // refusal ended a loop's statement without the row's result.
            try
            {
                return LanguagePrimitives.ConvertTo(value, typeof(Uri), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException)
            {
                return Mark(LanguagePrimitives.ConvertTo<string>(value) ?? "");
            }
        }

        private static Uri Mark(string text) => new Uri(MarkPrefix + Uri.EscapeDataString(text));

        /// <summary>What was given when <paramref name="url"/> marks a text that is no URL; null for a URL.</summary>
        public static string? Unreadable(Uri? url) =>
            url is { IsAbsoluteUri: true } && url.OriginalString.StartsWith(MarkPrefix, StringComparison.Ordinal)
                ? Uri.UnescapeDataString(url.OriginalString.Substring(MarkPrefix.Length))
                : null;

        /// <summary>The problem of <paramref name="given"/>, a text that is no URL (<see cref="Unreadable"/>).</summary>
        public static string Problem(string given) =>
            InputEcho.Quote(given) + " is no URL: give an https URL such as https://hooks.example.com/receipts, or leave -NotifyUrl out";
    }
}
