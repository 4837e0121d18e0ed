using System;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads a send command's switch given a CSV cell (-SmsFallback:$u.Fallback) and never refuses it: True or False (what
    /// Export-Csv writes for $true and $false), 1 or 0, an empty cell and a database's NULL (False, as a switch left out) are read; any other text
    /// ('yes', 'no', 'x') is kept for the command to name (<see cref="RefusedText"/>) and binds as False meanwhile.
    /// </summary>
    /// <remarks>
    /// PowerShell's binder takes only a bool or a number for a switch: every text, 'True' and '' included, was "Cannot convert
    /// 'System.String' to the type 'System.Management.Automation.SwitchParameter'", and that error ended the statement, so a
    /// script's loop of one-row calls (Send-ConnectRcs -To $u.Phone ... -SmsFallback:$u.Fallback) lost that row's result.
    /// -SmsFallback and -SmsFallback:$false are read as before: PowerShell hands the transformation a SwitchParameter or a bool.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SwitchArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;

        /// <param name="parameter">The parameter's name, under which its refused text is kept.</param>
        public SwitchArgumentAttribute(string parameter) => _parameter = parameter;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // A database's NULL (a DataRow's empty cell, -TrackClicks:$r.Track) is False, as an empty CSV cell is: PowerShell's
            // binder refused DBNull for a switch, which ended a loop's statement without the row's result.
            if (value is DBNull)
            {
                RefusedArguments.Clear(_parameter);
                return new SwitchParameter(false);
            }
            // A bool, a number or a SwitchParameter is PowerShell's to read, as before. Any other value (a [datetime] cell, a
            // hashtable) it refused, which ended a loop's statement without the row's result: kept, as a text no switch reads.
            if (value is not string text)
            {
                if (value is null || value is bool || value is SwitchParameter || IsNumber(value))
                {
                    RefusedArguments.Clear(_parameter);
                    return inputData;
                }
                RefusedArguments.Set(_parameter, LanguagePrimitives.ConvertTo<string>(inputData) ?? "");
                return new SwitchParameter(false);
            }
            var cell = text.Trim();
            if (cell.Length == 0 || cell == "0" || string.Equals(cell, bool.FalseString, StringComparison.OrdinalIgnoreCase))
            {
                RefusedArguments.Clear(_parameter);
                return new SwitchParameter(false);
            }
            if (cell == "1" || string.Equals(cell, bool.TrueString, StringComparison.OrdinalIgnoreCase))
            {
                RefusedArguments.Clear(_parameter);
                return new SwitchParameter(true);
            }
            RefusedArguments.Set(_parameter, text);
            return new SwitchParameter(false);
        }

        private static bool IsNumber(object value) =>
            value is IConvertible convertible && convertible.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

        /// <summary>
        /// The text <paramref name="parameter"/> was given that is no switch value, when it bound as <paramref name="value"/>
        /// (False); null when it read its value.
        /// </summary>
        public static string? RefusedText(string parameter, object? value) =>
            value is SwitchParameter { IsPresent: false } ? RefusedArguments.Of(parameter) : null;

        /// <summary>What is wrong with <paramref name="text"/> as <paramref name="parameter"/> and what to write instead.</summary>
        public static string Problem(string parameter, string text) =>
            $"{Messages.Validation.InputEcho.Quote(text)} is not True or False: write True or False in the cell (an empty cell is False), " +
            $"or test the cell in the script: -{parameter}:($u.Column -eq 'yes')";
    }
}
