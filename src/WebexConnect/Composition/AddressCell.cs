namespace WebexConnect.Composition
{
    /// <summary>
    /// A place in a row's own content (SendCommandBase.ReadPerRowContent) that holds addresses, and the parameter that binds
    /// it from a column: an email's Cc or Bcc cell, which RepeatedRows compares as the addresses it sends.
    /// </summary>
    internal sealed class AddressCell
    {
        /// <param name="index">Its index in the content.</param>
        /// <param name="column">The parameter (and so the column) that gives it.</param>
        public AddressCell(int index, string column)
        {
            Index = index;
            Column = column;
        }

        /// <summary>Its index in the content.</summary>
        public int Index { get; }

        /// <summary>The parameter, and so the column name, that gives it.</summary>
        public string Column { get; }
    }
}
