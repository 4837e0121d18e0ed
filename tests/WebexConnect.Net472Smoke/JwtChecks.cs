using System;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>New-ConnectJwt's path: ConnectionResolver checks the credentials, the engine mints the token.</summary>
    internal static class JwtChecks
    {
        /// <summary>A made-up secret (Base64 of 36 bytes); never printed, like a real one.</summary>
        public static readonly byte[] SecretBytes = MakeSecret();

        public static string Secret => Convert.ToBase64String(SecretBytes);

        public static void Run(Report report, IConnectEngine engine)
        {
            report.Run("jwt-new-connectjwt", () =>
            {
                var secret = Runs.Secure(Secret);
                var (issuer, checkedSecret) = ConnectionResolver.CheckJwtCredentials("svc-smoke", secret, "-ServiceId", "-ServiceSecret");
                var before = DateTimeOffset.UtcNow;
                var jwt = engine.CreateJwt(issuer, checkedSecret, TimeSpan.FromMinutes(15));
                var after = DateTimeOffset.UtcNow;
                var decoded = Jwt.Decode(jwt.Token, SecretBytes);
                if (decoded is null) return (false, "the token does not have three parts");
                var iat = decoded.Number("iat");
                var exp = decoded.Number("exp");
                var problems = "";
                if (!decoded.SignatureValid) problems += " signature does not verify with the secret;";
                if (decoded.Text(decoded.Header, "alg") != "HS256") problems += " header alg is not HS256 (" + decoded.Header + ");";
                if (decoded.Text(decoded.Payload, "iss") != "svc-smoke") problems += " iss is not svc-smoke;";
                if (iat is null || exp is null) problems += " iat or exp missing (" + decoded.Payload + ");";
                else
                {
                    // The lifetime runs from now, not from the back-dated iat: 15 minutes usable from the moment it was made.
                    if (exp < before.ToUnixTimeSeconds() + 900 || exp > after.ToUnixTimeSeconds() + 900)
                        problems += " exp is " + (exp - before.ToUnixTimeSeconds()) + " s after now, not 900;";
                    var skew = before.ToUnixTimeSeconds() - iat.Value;
                    if (skew < 0 || skew > 120) problems += " iat is " + skew + " s before now;";
                    if (jwt.IssuedAt.ToUnixTimeSeconds() != iat || jwt.ExpiresAt?.ToUnixTimeSeconds() != exp) problems += " ConnectJwt's IssuedAt/ExpiresAt differ from the claims;";
                }
                if (jwt.AuthorizationHeader != "Bearer " + jwt.Token || jwt.Issuer != "svc-smoke") problems += " AuthorizationHeader or Issuer wrong;";
                return problems.Length == 0
                    ? (true, "HS256 signature verifies, iss=svc-smoke, exp = now + 900 s, iat back-dated " + (before.ToUnixTimeSeconds() - iat) + " s")
                    : (false, problems.Trim());
            });
        }

        private static byte[] MakeSecret()
        {
            var bytes = new byte[36];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 7 + 3);
            return bytes;
        }
    }
}
