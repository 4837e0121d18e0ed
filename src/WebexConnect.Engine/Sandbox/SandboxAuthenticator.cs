using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// Decides whether a request's credentials are good, as the service does: a bearer JWT wins over a `key`
    /// header; an HS256 token must carry iss = Service ID, an integer iat at most 60 s in the future, an exp
    /// not passed, and live at most 60 minutes. See SandboxOptions for what "no credentials configured" means.
    /// </summary>
    internal sealed class SandboxAuthenticator
    {
        private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(60);
        private const string BearerPrefix = "Bearer ";

        private readonly SandboxOptions _options;
        private readonly byte[]? _secret;

        // Clients reuse one token for up to an hour: remembering the last good one keeps HMAC and JSON off the hot path.
        private volatile VerifiedToken? _lastVerified;

        public SandboxAuthenticator(SandboxOptions options)
        {
            _options = options;
            _secret = DecodeSecret(options.ServiceSecret);
        }

        private static byte[]? DecodeSecret(string? secret)
        {
            if (string.IsNullOrEmpty(secret)) return null;
            try
            {
                return Convert.FromBase64String(secret);
            }
            catch (FormatException)
            {
                // Never echo the secret itself.
                throw new ArgumentException("The sandbox ServiceSecret is not Base64.", nameof(SandboxOptions.ServiceSecret));
            }
        }

        private bool AnyCredentialConfigured => !string.IsNullOrEmpty(_options.ServiceKey) || _secret != null;

        public bool IsAuthorized(SandboxHttpRequest request)
        {
            var authorization = request.Header("Authorization");
            if (authorization != null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
                return IsValidToken(authorization.Substring(BearerPrefix.Length).Trim());

            var key = request.Header("key");
            if (string.IsNullOrEmpty(key)) return false;
            if (!AnyCredentialConfigured) return true;
            return !string.IsNullOrEmpty(_options.ServiceKey) && FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(_options.ServiceKey));
        }

        private bool IsValidToken(string token)
        {
            var last = _lastVerified;
            if (last != null && string.Equals(last.Token, token, StringComparison.Ordinal)) return _options.UtcNow() < last.ExpiresAt;

            var parts = token.Split('.');
            if (parts.Length != 3) return false;
            if (!SandboxBase64Url.TryDecode(parts[0], out var header) || !SandboxBase64Url.TryDecode(parts[1], out var claims)
                || !SandboxBase64Url.TryDecode(parts[2], out var signature))
                return false;
            if (!HasHs256Header(header)) return false;

            if (AnyCredentialConfigured)
            {
                // A key-only sandbox has no secret to check a token with: it refuses every token.
                if (_secret == null) return false;
                byte[] expected;
                using (var hmac = new HMACSHA256(_secret))
                    expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
                if (!FixedTimeEquals(expected, signature)) return false;
            }

            if (!ClaimsAreValid(claims, out var expiresAt)) return false;
            _lastVerified = new VerifiedToken(token, expiresAt);
            return true;
        }

        private static bool HasHs256Header(byte[] header)
        {
            try
            {
                using (var doc = JsonDocument.Parse(header))
                    return doc.RootElement.ValueKind == JsonValueKind.Object
                        && doc.RootElement.TryGetProperty("alg", out var alg)
                        && alg.ValueKind == JsonValueKind.String && alg.GetString() == "HS256";
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private bool ClaimsAreValid(byte[] claims, out DateTimeOffset expiresAt)
        {
            expiresAt = default;
            try
            {
                using (var doc = JsonDocument.Parse(claims))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return false;
                    if (!root.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String) return false;
                    if (!string.IsNullOrEmpty(_options.ServiceId) && !string.Equals(iss.GetString(), _options.ServiceId, StringComparison.Ordinal)) return false;
                    if (string.IsNullOrEmpty(iss.GetString())) return false;
                    if (!root.TryGetProperty("iat", out var iatElement) || iatElement.ValueKind != JsonValueKind.Number
                        || !iatElement.TryGetInt64(out var iatSeconds))
                        return false;

                    var now = _options.UtcNow();
                    var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iatSeconds);
                    if (issuedAt > now + Skew) return false;

                    expiresAt = issuedAt + MaxLifetime;
                    if (root.TryGetProperty("exp", out var expElement))
                    {
                        if (expElement.ValueKind != JsonValueKind.Number || !expElement.TryGetInt64(out var expSeconds)) return false;
                        var exp = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
                        if (exp <= issuedAt || exp - issuedAt > MaxLifetime) return false;
                        expiresAt = exp;
                    }
                    return now < expiresAt;
                }
            }
            catch (JsonException)
            {
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false; // a Unix time outside DateTimeOffset's range
            }
        }

        private sealed class VerifiedToken
        {
            public VerifiedToken(string token, DateTimeOffset expiresAt)
            {
                Token = token;
                ExpiresAt = expiresAt;
            }

            public string Token { get; }
            public DateTimeOffset ExpiresAt { get; }
        }

        // CryptographicOperations.FixedTimeEquals does not exist on net472.
        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
