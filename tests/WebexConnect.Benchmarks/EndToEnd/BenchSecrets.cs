using System.Security;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>Secrets as the module takes them (SecureString, read-only).</summary>
    internal static class BenchSecrets
    {
        public static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
