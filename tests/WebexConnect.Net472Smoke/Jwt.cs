using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// An independent check of an HS256 JWT with the BCL alone (no IdentityModel): the parts decode, the claims
    /// are what was asked for, and the signature is the HMAC-SHA256 of "header.payload" with the decoded secret.
    /// </summary>
    internal sealed class Jwt
    {
        private Jwt(string header, string payload, bool signatureValid)
        {
            Header = header;
            Payload = payload;
            SignatureValid = signatureValid;
        }

        public string Header { get; }
        public string Payload { get; }
        public bool SignatureValid { get; }

        public static Jwt? Decode(string token, byte[] secret)
        {
            var parts = token.Split('.');
            if (parts.Length != 3) return null;
            byte[] expected;
            using (var hmac = new HMACSHA256(secret))
                expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            return new Jwt(Encoding.UTF8.GetString(FromBase64Url(parts[0])), Encoding.UTF8.GetString(FromBase64Url(parts[1])),
                Base64Url(expected) == parts[2]);
        }

        public string? Text(string json, string name)
        {
            var m = Regex.Match(json, "\"" + Regex.Escape(name) + "\"\\s*:\\s*\"([^\"]*)\"");
            return m.Success ? m.Groups[1].Value : null;
        }

        public long? Number(string name)
        {
            var m = Regex.Match(Payload, "\"" + Regex.Escape(name) + "\"\\s*:\\s*(\\d+)");
            return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (long?)null;
        }

        public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static byte[] FromBase64Url(string text)
        {
            var s = text.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
        }
    }
}
