using System;

namespace WebexConnect.Receipts
{
    /// <summary>The exception inside the error Wait-ConnectDelivery writes for a failed or missing delivery; Result is the object written to the output.</summary>
    public sealed class DeliveryException : Exception
    {
        internal DeliveryException(string message, DeliveryResult result) : base(message)
        {
            Result = result;
        }

        /// <summary>The result this error reports.</summary>
        public DeliveryResult Result { get; }
    }
}
