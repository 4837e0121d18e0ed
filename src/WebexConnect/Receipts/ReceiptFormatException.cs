using System;

namespace WebexConnect.Receipts
{
    /// <summary>A webhook body that is not a delivery receipt; the message says what is wrong, never echoing secrets.</summary>
    public sealed class ReceiptFormatException : FormatException
    {
        internal ReceiptFormatException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}
