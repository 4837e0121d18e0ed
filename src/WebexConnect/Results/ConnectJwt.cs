using System;

namespace WebexConnect.Results
{
    /// <summary>
    /// A signed HS256 JWT for the Messaging API. Its string form is the Authorization header value
    /// ("Bearer ..."), so it can be used directly in -Headers. The default view never shows the token.
    /// </summary>
    public sealed class ConnectJwt
    {
        internal ConnectJwt(string token, string issuer, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
        {
            Token = token;
            Issuer = issuer;
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
        }

        /// <summary>The compact JWT (header.claims.signature). Treat it as a secret.</summary>
        public string Token { get; }

        /// <summary>The iss claim: the Service ID.</summary>
        public string Issuer { get; }

        /// <summary>The iat claim (back-dated a little against clock skew).</summary>
        public DateTimeOffset IssuedAt { get; }

        /// <summary>The exp claim, if the token has a lifetime.</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>The Authorization header value: "Bearer " and the token.</summary>
        public string AuthorizationHeader => "Bearer " + Token;

        /// <inheritdoc />
        public override string ToString() => AuthorizationHeader;
    }
}
