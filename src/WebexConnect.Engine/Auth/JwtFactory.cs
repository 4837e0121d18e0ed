using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security;
using Microsoft.IdentityModel.Tokens;
using WebexConnect.Results;

namespace WebexConnect.Engine.Auth
{
    /// <summary>
    /// Mints the HS256 JWT the Messaging API accepts: iss = Service ID, integer iat back-dated against clock
    /// skew, optional exp (the lifetime from now, at most 60 minutes after iat), signed with the Base64-decoded Service Secret.
    /// </summary>
    internal sealed class JwtFactory
    {
        /// <summary>The service refuses tokens that live longer than this.</summary>
        public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(60);

        /// <summary>A token whose iat is in the service's future is refused; a small back-dating absorbs skew.</summary>
        public static readonly TimeSpan SkewAllowance = TimeSpan.FromSeconds(30);

        /// <summary>The smallest key Microsoft.IdentityModel accepts for HS256 (RFC 7518 §3.2: the hash size).</summary>
        private const int MinimumKeyBytes = 32;

        public const string NotBase64Message =
            "The service secret is not Base64: copy it exactly as shown in Webex Connect (Assets > Apps > your service > Service Secret).";

        private readonly TimeProvider _clock;

        public JwtFactory(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

        /// <exception cref="ArgumentException">The secret is empty or not Base64 (the message never contains it).</exception>
        /// <exception cref="ArgumentOutOfRangeException">The lifetime is not in (0, 60 min].</exception>
        public ConnectJwt Create(string serviceId, SecureString serviceSecret, TimeSpan? lifetime)
        {
            if (string.IsNullOrWhiteSpace(serviceId)) throw new ArgumentException("The service ID is empty.", nameof(serviceId));
            if (serviceSecret is null) throw new ArgumentNullException(nameof(serviceSecret));
            if (lifetime is { } l && (l <= TimeSpan.Zero || l > MaxLifetime))
            {
                throw new ArgumentOutOfRangeException(nameof(lifetime), l, "The token lifetime must be more than 0 and at most 60 minutes.");
            }

            var now = _clock.GetUtcNow();
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds((now - SkewAllowance).ToUnixTimeSeconds());
            // The lifetime asked for is usable time from now, not from the back-dated iat (or a 1-minute token
            // would last 30 s); only the service's cap on exp - iat can shorten it, by the back-dating.
            DateTimeOffset? expiresAt = lifetime is { } life
                ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(
                    now.ToUnixTimeSeconds() + Math.Max(1L, (long)life.TotalSeconds),
                    issuedAt.ToUnixTimeSeconds() + (long)MaxLifetime.TotalSeconds))
                : null;

            var key = SecretBytes.DecodeBase64(serviceSecret) ?? throw new ArgumentException(NotBase64Message, nameof(serviceSecret));
            var signingKey = HmacKey(key);
            try
            {
                var payload = new JwtPayload
                {
                    { JwtRegisteredClaimNames.Iss, serviceId },
                    { JwtRegisteredClaimNames.Iat, issuedAt.ToUnixTimeSeconds() },
                };
                if (expiresAt is { } exp) payload.Add(JwtRegisteredClaimNames.Exp, exp.ToUnixTimeSeconds());

                var credentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256)
                {
                    // A cached signature provider would keep the key alive after we clear it.
                    CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
                };
                var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(credentials), payload));
                return new ConnectJwt(token, serviceId, issuedAt, expiresAt);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
                Array.Clear(signingKey, 0, signingKey.Length);
            }
        }

        /// <summary>
        /// Microsoft.IdentityModel refuses HS256 keys under 256 bits, but Webex Connect may issue shorter
        /// secrets. HMAC itself pads any key shorter than the hash's block (64 bytes) with zero bytes, so
        /// appending zeros up to 32 bytes yields a byte-identical signature: the library is satisfied and the
        /// service verifies the token with the secret it issued.
        /// </summary>
        private static byte[] HmacKey(byte[] secret)
        {
            var key = new byte[Math.Max(secret.Length, MinimumKeyBytes)];
            Buffer.BlockCopy(secret, 0, key, 0, secret.Length);
            return key;
        }
    }
}
