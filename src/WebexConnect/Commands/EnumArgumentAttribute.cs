using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads an enum parameter as PowerShell would, and never refuses a value: one that names none of the enum's values ('Large'
    /// from a CSV cell, 7) becomes a value the enum does not define, and the text given is kept for the cmdlet to name
    /// (<see cref="RefusedText"/>). New-ConnectRcsCard's -MediaHeight, -Orientation and -ThumbnailAlignment; Send-ConnectRcs's
    /// -CarouselWidth and -AgentEvent.
    /// </summary>
    /// <remarks>
    /// PowerShell's binder refused such a value before the cmdlet ran, and its error ended the statement around it: in a
    /// script's loop (Send-ConnectRcs -To $r.Phone -Card (New-ConnectRcsCard ... -MediaHeight $r.Height)) the Send-ConnectRcs
    /// too, so that row had no result (Send-ConnectRcs -CarouselWidth $r.Width likewise). The parameter keeps its enum type, so Tab still offers its values and the help lists them.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class EnumArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>What the enum does not define, given for a value that names none of its values.</summary>
        private const int Unnamed = -1;

        private readonly Type _enum;
        private readonly string _parameter;
        private readonly bool _blankIsNone;

        /// <param name="enumType">The parameter's enum.</param>
        /// <param name="parameter">The parameter's name, under which its refused text is kept.</param>
        /// <param name="blankIsNone">
        /// Whether a blank value is no value: true for a nullable parameter (the service's default); false for one that cannot be
        /// null (-AgentEvent), where blank is refused as any other text.
        /// </param>
        public EnumArgumentAttribute(Type enumType, string parameter, bool blankIsNone = true)
        {
            _enum = enumType;
            _parameter = parameter;
            _blankIsNone = blankIsNone;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // Blank is no value (the service's default), as a piped row's empty cell is.
            if (_blankIsNone && (value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))) return null;
            try
            {
                if (value is not null && !(value is string none && string.IsNullOrWhiteSpace(none)))
                {
                    var read = LanguagePrimitives.ConvertTo(value is string text ? text.Trim() : value, _enum, CultureInfo.InvariantCulture);
                    if (Enum.IsDefined(_enum, read))
                    {
                        RefusedArguments.Clear(_parameter);
                        return read;
                    }
                }
            }
            catch (PSInvalidCastException)
            {
            }
            RefusedArguments.Set(_parameter, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            return Enum.ToObject(_enum, Unnamed);
        }

        /// <summary>
        /// The text <paramref name="parameter"/> was given when <paramref name="value"/> is a value its enum does not define
        /// (what <see cref="Transform"/> gives for a text it could not read); null for a defined value and for none.
        /// </summary>
        public static string? RefusedText(string parameter, Enum? value)
        {
            if (value is null || Enum.IsDefined(value.GetType(), value)) return null;
            // Another undefined value (a piped hashtable's 7, which PowerShell's conversion reads as the enum) is its number.
            return Convert.ToInt64(value, CultureInfo.InvariantCulture) == Unnamed && RefusedArguments.Of(parameter) is string text
                ? text : Convert.ToString(Convert.ToInt64(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
    }
}
