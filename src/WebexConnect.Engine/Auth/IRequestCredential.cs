using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using WebexConnect.Results;

namespace WebexConnect.Engine.Auth
{
    /// <summary>How a request proves who sends it: the "key" header, or a Bearer JWT that can be renewed.</summary>
    internal interface IRequestCredential
    {
        /// <summary>Adds the credential header; returns what was used, to hand back to <see cref="Renew"/>.</summary>
        object? Apply(HttpRequestMessage request);

        /// <summary>
        /// Called once after the service answered 401/403 to a request made with <paramref name="used"/>;
        /// true when a fresh credential exists and the request is worth one more try.
        /// </summary>
        bool Renew(object? used);
    }

    /// <summary>The "key" header with the service key, unwrapped from its SecureString per request.</summary>
    internal sealed class ServiceKeyCredential : IRequestCredential
    {
        private readonly SecureString _key;

        public ServiceKeyCredential(SecureString serviceKey) => _key = serviceKey ?? throw new ArgumentNullException(nameof(serviceKey));

        public object? Apply(HttpRequestMessage request)
        {
            // Add validates the value: a key with a line break (refused at Connect already) can never add a header.
            request.Headers.Add("key", SecretBytes.ToPlainString(_key));
            return null;
        }

        /// <summary>A service key cannot be renewed: a rejection means it is wrong or revoked.</summary>
        public bool Renew(object? used) => false;
    }

    /// <summary>"Authorization: Bearer" with the session's JWT.</summary>
    internal sealed class JwtCredential : IRequestCredential
    {
        private readonly TokenProvider _tokens;

        public JwtCredential(TokenProvider tokens) => _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

        public object? Apply(HttpRequestMessage request)
        {
            var token = _tokens.Current;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            return token;
        }

        public bool Renew(object? used)
        {
            if (used is ConnectJwt rejected) _tokens.Refresh(rejected);
            return true;
        }
    }
}
