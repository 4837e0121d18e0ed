using System;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Auth
{
    /// <summary>Picks the credential a session's settings call for.</summary>
    internal static class RequestCredentials
    {
        /// <exception cref="ArgumentException">The settings lack what their auth mode needs, or are for the sandbox.</exception>
        public static IRequestCredential For(ConnectionSettings settings, TimeProvider? clock = null)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            switch (settings.AuthMode)
            {
                case ConnectAuthMode.ServiceKey:
                    return new ServiceKeyCredential(settings.ServiceKey ?? throw new ArgumentException("A service key is required.", nameof(settings)));
                case ConnectAuthMode.Jwt:
                    if (string.IsNullOrWhiteSpace(settings.ServiceId)) throw new ArgumentException("A service ID is required for JWT.", nameof(settings));
                    var secret = settings.ServiceSecret ?? throw new ArgumentException("A service secret is required for JWT.", nameof(settings));
                    var tokens = new TokenProvider(settings.ServiceId!, secret, clock: clock);
                    _ = tokens.Current; // a secret that is not Base64 fails here, at connect time, not on the first send
                    return new JwtCredential(tokens);
                default:
                    throw new ArgumentException("The sandbox sends no credentials; it has no HTTP transport.", nameof(settings));
            }
        }
    }
}
