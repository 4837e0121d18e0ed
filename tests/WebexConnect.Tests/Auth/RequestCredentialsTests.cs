using System;
using System.Net.Http;
using WebexConnect.Engine.Auth;
using WebexConnect.Sending;
using WebexConnect.Tests.Transport;
using Xunit;

namespace WebexConnect.Tests.Auth
{
    public class RequestCredentialsTests
    {
        [Fact]
        public void ServiceKey_GoesInTheKeyHeader_AndCannotBeRenewed()
        {
            var credential = RequestCredentials.For(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = TestSecrets.Secure("abc") });
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");

            var used = credential.Apply(request);

            Assert.Equal(new[] { "abc" }, request.Headers.GetValues("key"));
            Assert.Null(request.Headers.Authorization);
            Assert.False(credential.Renew(used));
        }

        [Fact]
        public void Jwt_GoesInTheAuthorizationHeader()
        {
            var credential = RequestCredentials.For(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc", ServiceSecret = TestSecrets.Secure(Convert.ToBase64String(new byte[32])),
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");

            credential.Apply(request);

            Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
            Assert.Equal(3, request.Headers.Authorization.Parameter!.Split('.').Length);
        }

        [Fact]
        public void AJwtSecretThatIsNotBase64_FailsWhenConnecting()
        {
            var error = Assert.Throws<ArgumentException>(() => RequestCredentials.For(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc", ServiceSecret = TestSecrets.Secure("not base64!"),
            }));
            Assert.StartsWith("The service secret is not Base64", error.Message);
        }
    }
}
