using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// At most <see cref="MaxLength"/> characters, and empty or $null allowed: the value of an empty CSV cell or of a
    /// property a row lacks, which means "not given". ValidateLength(1, max) refuses those, and in a ForEach-Object
    /// that builds carousel cards from a CSV the refused card is left out while the others are sent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateOptionalLengthAttribute : ValidateArgumentsAttribute
    {
        public ValidateOptionalLengthAttribute(int maxLength) => MaxLength = maxLength;

        /// <summary>The most characters (UTF-16 units, as the service's limits count them) the value may have.</summary>
        public int MaxLength { get; }

        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (Problem(value as string, MaxLength) is string problem) throw new ValidationMetadataException(problem);
        }

        /// <summary>What is wrong with a text longer than <paramref name="maxLength"/> characters; null when it fits (or is null).</summary>
        internal static string? Problem(string? text, int maxLength) =>
            text is not null && text.Length > maxLength
                ? string.Format(CultureInfo.InvariantCulture, "The text has {0} characters: at most {1} are allowed.", text.Length, maxLength)
                : null;
    }
}
