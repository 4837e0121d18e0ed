using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Prefix take the all-addresses forms of HttpListener and netsh (http://+:8080/ and http://*:8080/), which an
    /// admin who set up listeners before writes from habit: they mean 0.0.0.0 here. PowerShell alone answered 'Cannot
    /// convert value "http://+:8080/" to type "System.Uri". Error: "Invalid URI: The hostname could not be parsed."'
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WildcardPrefixArgumentAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex Wildcard = new Regex(@"^\s*(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[+*](?<rest>[:/].*|)$", RegexOptions.CultureInvariant);

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not string text) return inputData;
            var match = Wildcard.Match(text);
            return match.Success ? match.Groups["scheme"].Value + "0.0.0.0" + match.Groups["rest"].Value.TrimEnd() : inputData;
        }
    }
}
