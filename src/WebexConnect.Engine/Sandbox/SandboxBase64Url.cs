using System;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>Base64url (RFC 4648 §5, no padding) decoding for JWT segments.</summary>
    internal static class SandboxBase64Url
    {
        public static bool TryDecode(string segment, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            if (segment.Length % 4 == 1) return false;
            var padded = segment.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            try
            {
                bytes = Convert.FromBase64String(padded);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        public static string Encode(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
