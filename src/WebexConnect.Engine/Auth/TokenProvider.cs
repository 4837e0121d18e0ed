using System;
using System.Security;
using WebexConnect.Results;

namespace WebexConnect.Engine.Auth
{
    /// <summary>
    /// The JWT of a session: minted on first use, reused while it has enough life left, replaced early
    /// (before the service could see it expire mid-request) and on demand after the service rejected it.
    /// Thread-safe: concurrent requests share one token and a rejection mints at most one replacement.
    /// </summary>
    internal sealed class TokenProvider
    {
        /// <summary>Below this remaining life a token is replaced before use.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        private readonly JwtFactory _factory;
        private readonly string _serviceId;
        private readonly SecureString _secret;
        private readonly TimeSpan _lifetime;
        private readonly TimeProvider _clock;
        private readonly object _gate = new object();
        private ConnectJwt? _current;

        public TokenProvider(string serviceId, SecureString serviceSecret, TimeSpan? lifetime = null, TimeProvider? clock = null)
        {
            _serviceId = serviceId ?? throw new ArgumentNullException(nameof(serviceId));
            _secret = serviceSecret ?? throw new ArgumentNullException(nameof(serviceSecret));
            _lifetime = lifetime ?? JwtFactory.MaxLifetime;
            _clock = clock ?? TimeProvider.System;
            _factory = new JwtFactory(_clock);
        }

        /// <summary>A token good for at least <see cref="RefreshMargin"/> more (or the whole lifetime if shorter).</summary>
        public ConnectJwt Current
        {
            get
            {
                lock (_gate)
                {
                    if (_current is null || IsStale(_current)) _current = Mint();
                    return _current;
                }
            }
        }

        /// <summary>
        /// Replaces <paramref name="rejected"/> after the service refused it. When another request already
        /// replaced it, the newer token is returned rather than minting again.
        /// </summary>
        public ConnectJwt Refresh(ConnectJwt rejected)
        {
            lock (_gate)
            {
                if (_current is null || ReferenceEquals(_current, rejected)) _current = Mint();
                return _current;
            }
        }

        private bool IsStale(ConnectJwt token)
        {
            if (token.ExpiresAt is not { } expires) return false;
            var margin = _lifetime < RefreshMargin + RefreshMargin ? TimeSpan.FromTicks(_lifetime.Ticks / 2) : RefreshMargin;
            return expires - _clock.GetUtcNow() < margin;
        }

        private ConnectJwt Mint() => _factory.Create(_serviceId, _secret, _lifetime);
    }
}
