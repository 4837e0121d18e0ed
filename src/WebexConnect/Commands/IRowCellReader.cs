namespace WebexConnect.Commands
{
    /// <summary>
    /// A transformation that reads a row's cell for a parameter that binds from a column, and never refuses it: a value it
    /// cannot read becomes a mark (UnreadableTime, UnreadableDuration) that makes the row Invalid. A piped hashtable's key is
    /// read through it too (DictionaryRowBinding), as PowerShell reads an object's column through the attribute.
    /// </summary>
    internal interface IRowCellReader
    {
        /// <summary>The parameter's value for <paramref name="inputData"/>: null for a blank cell, a mark for one that cannot be read.</summary>
        object? Read(object? inputData);
    }
}
