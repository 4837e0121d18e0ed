using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>Request bodies, tokens and calls the sandbox tests share.</summary>
    internal static class SandboxTestKit
    {
        public const string Key = "sandbox-test-key";
        public const string ServiceId = "svc-1234";
        public static readonly string Secret = Convert.ToBase64String(Encoding.UTF8.GetBytes("a service secret of thirty-two bytes!"));

        public static JsonObject SmsBody(params string[] numbers) => new JsonObject
        {
            ["channel"] = "sms",
            ["from"] = "ACME",
            ["to"] = new JsonArray(new JsonObject
            {
                ["msisdn"] = new JsonArray(numbers.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["correlationId"] = "row-1",
            }),
            ["content"] = new JsonObject { ["type"] = "text", ["text"] = "Hello" },
        };

        public static JsonObject Email(params string[] addresses) => new JsonObject
        {
            ["channel"] = "email",
            ["from"] = "news@example.com",
            ["to"] = new JsonArray(new JsonObject
            {
                ["email"] = new JsonArray(addresses.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            }),
            ["content"] = new JsonObject { ["type"] = "text", ["subject"] = "Hi", ["text"] = "Hello" },
        };

        /// <summary>One destination object per number, each with its own correlationId.</summary>
        public static JsonObject SmsPerPerson(int count, int firstNumber = 0)
        {
            var to = new JsonArray();
            for (var i = 0; i < count; i++)
                to.Add(new JsonObject
                {
                    ["msisdn"] = new JsonArray(JsonValue.Create(Number(firstNumber + i))),
                    ["correlationId"] = "row-" + (firstNumber + i),
                });
            var body = SmsBody("+15550000000");
            body["to"] = to;
            return body;
        }

        public static string Number(int i) => "+1555" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

        public static HttpRequestMessage Post(Uri uri, JsonNode body, string? key = Key, string? bearer = null) =>
            PostRaw(uri, body.ToJsonString(), key, bearer);

        public static HttpRequestMessage PostRaw(Uri uri, string body, string? key = Key, string? bearer = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (key != null) request.Headers.TryAddWithoutValidation("key", key);
            if (bearer != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return request;
        }

        /// <summary>An HS256 JWT signed with the Base64 secret's bytes, built independently of the sandbox's verifier.</summary>
        public static string Jwt(string secretBase64, string issuer, DateTimeOffset issuedAt, DateTimeOffset? expiresAt = null)
        {
            var header = Segment(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
            var claims = new JsonObject { ["iss"] = issuer, ["iat"] = issuedAt.ToUnixTimeSeconds() };
            if (expiresAt != null) claims["exp"] = expiresAt.Value.ToUnixTimeSeconds();
            var payload = Segment(Encoding.UTF8.GetBytes(claims.ToJsonString()));
            var signature = HMACSHA256.HashData(Convert.FromBase64String(secretBase64), Encoding.ASCII.GetBytes(header + "." + payload));
            return header + "." + payload + "." + Segment(signature);
        }

        public static string ValidJwt() => Jwt(Secret, ServiceId, DateTimeOffset.UtcNow.AddSeconds(-30), DateTimeOffset.UtcNow.AddMinutes(29));

        private static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static async Task<JsonElement> JsonBodyAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public static string Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
            : throw new Xunit.Sdk.XunitException("Missing response header " + name);
    }
}
