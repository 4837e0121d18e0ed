using System;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets a wait counted in whole seconds (Wait-ConnectDelivery -Timeout, Connect-WebexConnect -TimeoutSec) also take a
    /// duration as -Validity does: '10m', '2h', 'hh:mm:ss' or a TimeSpan, rounded up to whole seconds.
    /// </summary>
    /// <remarks>
    /// Every other duration of the module takes '90m', so an admin wrote -Timeout 10m and got .NET's "Cannot convert value
    /// "10m" to type System.Int32". Text of digits with a point or a comma is still refused as
    /// <see cref="WholeNumberArgumentAttribute"/> refuses it ('1.800' is 1800 in de-DE), and 2d unquoted (the decimal 2)
    /// as <see cref="ValidityText.ReadArgument"/> does. A number is left to PowerShell and the range check.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecondsArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly WholeNumberArgumentAttribute _wholeNumber;
        private readonly string _parameter;

        public SecondsArgumentAttribute(string parameter)
        {
            _parameter = parameter;
            _wholeNumber = new WholeNumberArgumentAttribute(parameter, WholeNumberArgumentAttribute.WriteSeconds);
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when !IsDuration(text.Trim()):
                    return _wholeNumber.Transform(engineIntrinsics, inputData);
                case string or TimeSpan or decimal:
                    var duration = ValidityText.ReadArgument(value, out var problem);
                    if (problem != null || duration is null)
                        throw new ArgumentTransformationMetadataException($"-{_parameter} {problem}.");
                    var seconds = Math.Ceiling(duration.Value.TotalSeconds);
                    // Out of int's range: left as a number for the range check to name the limit.
                    return seconds >= int.MinValue && seconds <= int.MaxValue ? (object)(int)seconds : seconds;
                default:
                    return inputData;
            }
        }

        // A unit ('10m', '2 h') or a clock ('00:30:00'); digits alone, or with a separator, are a number's to refuse or take.
        private static bool IsDuration(string text)
        {
            foreach (var c in text)
                if (char.IsLetter(c) || c == ':') return true;
            return false;
        }
    }
}
