using System;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses a whole number written as text with a point or a comma in it ('1.000', '2,5', '1,000'), which PowerShell
    /// reads in the invariant culture whatever the admin meant.
    /// </summary>
    /// <remarks>
    /// In de-DE '1.000' is a thousand; PowerShell read -Tps '1.000' as 1, and the session sent a thousandth of the rate
    /// without a word (a 50,000-row file took 14 hours instead of 50 seconds). Settings kept as text did the same elsewhere:
    /// Start-ConnectReceiptListener -Capacity '200.000' kept 200 receipts and forgot the rest, Wait-ConnectDelivery
    /// -Timeout '1.800' waited 2 seconds and called every row NoReceipt. '2,5' became 25. A separator means a
    /// thousand in one culture and a decimal mark in another, so the text is refused with the digits to write instead.
    /// Numbers, and text of digits alone, are left to PowerShell.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WholeNumberArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>What to write instead of a count: the digits alone.</summary>
        internal const string WriteDigits = "write the digits alone (1000)";

        /// <summary>
        /// What to write instead of a number of seconds (<see cref="SecondsArgumentAttribute"/>): "(1000)" was a count's example,
        /// and -Timeout '0.2' was told to write a thousand.
        /// </summary>
        internal const string WriteSeconds = "write whole seconds (1, or 60 for a minute) or a duration ('10m')";

        private readonly string _parameter;
        private readonly string _write;

        public WholeNumberArgumentAttribute(string parameter) : this(parameter, WriteDigits) { }

        /// <param name="parameter">The parameter's name.</param>
        /// <param name="write">What to write instead (<see cref="WriteDigits"/>, <see cref="WriteSeconds"/>).</param>
        internal WholeNumberArgumentAttribute(string parameter, string write)
        {
            _parameter = parameter;
            _write = write;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text && (text.IndexOf('.') >= 0 || text.IndexOf(',') >= 0))
                throw new ArgumentTransformationMetadataException(
                    $"-{_parameter} {InputEcho.Quote(text)} is not a whole number: {_write}, as a point or a comma " +
                    "in it is a thousands separator in one culture and a decimal mark in another.");
            return inputData;
        }
    }
}
