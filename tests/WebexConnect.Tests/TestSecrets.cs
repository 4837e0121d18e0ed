using System.Security;

namespace WebexConnect.Tests
{
    /// <summary>Secrets as the module takes them (SecureString, read-only), for tests.</summary>
    internal static class TestSecrets
    {
        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
