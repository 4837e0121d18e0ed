using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WebexConnect.Engine.Auth;
using WebexConnect.Tests.Transport;
using Xunit;

namespace WebexConnect.Tests.Auth
{
    public class JwtFactoryTests
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

        private static JsonElement Part(string token, int index)
        {
            var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
            part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
            return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement;
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        [Theory]
        [InlineData(16)]
        [InlineData(32)]
        [InlineData(64)]
        public void SignsHs256WithTheDecodedSecret_WhateverItsLength(int secretBytes)
        {
            var secret = new byte[secretBytes];
            for (var i = 0; i < secret.Length; i++) secret[i] = (byte)(i * 7 + 3);
            var factory = new JwtFactory(new ManualClock { Now = Now });

            var jwt = factory.Create("svc-123", TestSecrets.Secure(Convert.ToBase64String(secret)), null);

            var parts = jwt.Token.Split('.');
            Assert.Equal(3, parts.Length);
            Assert.Equal("HS256", Part(jwt.Token, 0).GetProperty("alg").GetString());
            // The service checks the signature with the secret it issued, not with a padded copy.
            using var hmac = new HMACSHA256(secret);
            var expected = Base64Url(hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
            Assert.Equal(expected, parts[2]);
        }

        [Fact]
        public void Claims_AreIssuerAndABackDatedIntegerIat_AndExpWhenALifetimeIsGiven()
        {
            var factory = new JwtFactory(new ManualClock { Now = Now.AddMilliseconds(700) });

            var jwt = factory.Create("svc-123", TestSecrets.Secure(Convert.ToBase64String(new byte[32])), TimeSpan.FromMinutes(60));

            var claims = Part(jwt.Token, 1);
            Assert.Equal("svc-123", claims.GetProperty("iss").GetString());
            Assert.Equal(JsonValueKind.Number, claims.GetProperty("iat").ValueKind);
            var iat = claims.GetProperty("iat").GetInt64();
            Assert.Equal(Now.AddSeconds(-30).ToUnixTimeSeconds(), iat);
            Assert.Equal(iat + 3600, claims.GetProperty("exp").GetInt64());
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(iat), jwt.IssuedAt);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(iat + 3600), jwt.ExpiresAt);
            Assert.Equal("svc-123", jwt.Issuer);
            Assert.Equal("Bearer " + jwt.Token, jwt.AuthorizationHeader);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(10)]
        [InlineData(59)]
        public void ALifetime_IsUsableThatLongFromNow_NotFromTheBackDatedIat(int minutes)
        {
            var factory = new JwtFactory(new ManualClock { Now = Now });

            var jwt = factory.Create("svc", TestSecrets.Secure(Convert.ToBase64String(new byte[32])), TimeSpan.FromMinutes(minutes));

            var claims = Part(jwt.Token, 1);
            Assert.Equal(Now.AddSeconds(-30).ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
            Assert.Equal(Now.AddMinutes(minutes).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
            Assert.Equal(Now.AddMinutes(minutes), jwt.ExpiresAt);
        }

        [Fact]
        public void WithoutALifetime_HasNoExp()
        {
            var jwt = new JwtFactory().Create("svc", TestSecrets.Secure(Convert.ToBase64String(new byte[32])), null);

            Assert.False(Part(jwt.Token, 1).TryGetProperty("exp", out _));
            Assert.Null(jwt.ExpiresAt);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(61)]
        public void LifetimeOutsideOneHour_IsRefused(int minutes)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new JwtFactory().Create("svc", TestSecrets.Secure(Convert.ToBase64String(new byte[32])), TimeSpan.FromMinutes(minutes)));
        }

        [Theory]
        [InlineData("not*base64!secret")]
        [InlineData("   ")]
        public void ASecretThatIsNotBase64_GetsAClearMessage_ThatNeverEchoesIt(string secret)
        {
            var error = Assert.Throws<ArgumentException>(() => new JwtFactory().Create("svc", TestSecrets.Secure(secret), null));

            Assert.StartsWith("The service secret is not Base64", error.Message);
            if (secret.Trim().Length > 0) Assert.DoesNotContain(secret, error.Message);
        }

        [Fact]
        public void SurroundingWhitespaceFromCopying_IsIgnored()
        {
            var secret = Convert.ToBase64String(new byte[32]);
            var a = new JwtFactory(new ManualClock { Now = Now }).Create("svc", TestSecrets.Secure(" " + secret + "\n"), null);
            var b = new JwtFactory(new ManualClock { Now = Now }).Create("svc", TestSecrets.Secure(secret), null);

            Assert.Equal(b.Token, a.Token);
        }
    }
}
