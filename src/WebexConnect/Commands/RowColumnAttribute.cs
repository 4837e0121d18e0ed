using System;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A parameter whose column of its name sets each row's own value, read by the module from the row's columns it reads
    /// anyway (InputRow), not bound by PowerShell: -ExpireAt and -Validity (RowExpiry). PipelineColumns counts it among the
    /// columns the command reads, so such a column is no substitution and gets the warnings a bound column gets.
    /// </summary>
    /// <remarks>
    /// Not ValueFromPipelineByPropertyName: PowerShell's binder looks a by-name parameter up on every row, whether the input
    /// has the column or not (some 350 B and 0.7 µs a row each, measured in pwsh 7.6.10), and the pipeline's budget has no
    /// room for that. The module decides from a row layout's column names, once, whether there is such a column.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class RowColumnAttribute : Attribute
    {
        /// <param name="sets">
        /// What the parameter sets, shared with the other parameters of that name ("Expiry": -ExpireAt and -Validity): one of
        /// them given on the command line sets every row's, and none of their columns is read.
        /// </param>
        public RowColumnAttribute(string sets) => Sets = sets;

        /// <summary>What the parameter sets, shared with the other parameters that name it.</summary>
        public string Sets { get; }
    }
}
