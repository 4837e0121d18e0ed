using System;
using System.IO;
using System.Security;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Receipts
{
    /// <summary>The receipt webhooks in Fixtures/Receipts (the Pester tests read the same files).</summary>
    internal static class ReceiptFixtures
    {
        public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Receipts", name));

    }
}
