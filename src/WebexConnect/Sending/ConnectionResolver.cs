using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>What the user typed on Connect-WebexConnect; null means "not given".</summary>
    internal sealed class ConnectRequest
    {
        public string? Region { get; init; }
        public Uri? BaseUri { get; init; }
        public SecureString? ServiceKey { get; init; }

        /// <summary>From -ServiceId, or the user name of -Credential.</summary>
        public string? ServiceId { get; init; }

        /// <summary>From -ServiceSecret, or the password of -Credential.</summary>
        public SecureString? ServiceSecret { get; init; }

        /// <summary>The Service ID and secret came from -Credential: errors name its user name and password.</summary>
        public bool FromCredential { get; init; }

        public int? Tps { get; init; }
        public bool NoSharedTps { get; init; }
        public TimeSpan? RequestTimeout { get; init; }
        public bool Sandbox { get; init; }
        public TimeSpan? SandboxLatency { get; init; }
        public double? SandboxFailureRate { get; init; }
    }

    /// <summary>The environment variables Connect-WebexConnect reads when a value is not given as a parameter.</summary>
    internal static class ConnectEnvironment
    {
        public const string ServiceKey = "WEBEXCONNECT_SERVICE_KEY";
        public const string ServiceId = "WEBEXCONNECT_SERVICE_ID";
        public const string ServiceSecret = "WEBEXCONNECT_SERVICE_SECRET";
        public const string Region = "WEBEXCONNECT_REGION";
        public const string BaseUri = "WEBEXCONNECT_BASE_URI";
        public const string Tps = "WEBEXCONNECT_TPS";

        /// <summary>1 or true: keep each process's TPS budget to itself (-NoSharedTps).</summary>
        public const string NoSharedTps = "WEBEXCONNECT_NO_SHARED_TPS";

        /// <summary>The process environment, as the cmdlet reads it.</summary>
        public static string? Read(string name) => Environment.GetEnvironmentVariable(name);
    }

    /// <summary>
    /// The one precedence chain for where a connection comes from.
    /// Connecting, for each facet (endpoint, credentials, TPS) on its own:
    /// explicit parameter, then environment variable, then the default (region "us"; no TPS: adopt the service's).
    /// Credentials are taken whole from one place: parameters never mix with environment variables.
    /// Sending: -Session, then the current session (Connect-WebexConnect), else "NotConnected".
    /// -Sandbox takes nothing from the environment.
    /// </summary>
    internal sealed class ConnectionResolver
    {
        /// <summary>The regions Connect-WebexConnect offers; "sg" is inferred from the host naming scheme.</summary>
        public static readonly IReadOnlyList<string> Regions = new[] { "us", "us1", "eu", "uk", "ca", "in", "au", "sg" };

        public const int MaxTps = 10000;

        /// <summary>
        /// The sandbox's ceiling: high enough that a rehearsal (or a benchmark) can run the module unthrottled,
        /// since no tenant is behind it. A real endpoint keeps <see cref="MaxTps"/>.
        /// </summary>
        public const int MaxSandboxTps = 1000000;

        /// <summary>A host under the reserved .invalid domain: a sandbox session can never reach the network by mistake.</summary>
        public static readonly Uri SandboxBaseUri = new Uri("https://sandbox.webexconnect.invalid/");

        private static readonly TimeSpan MaxSandboxLatency = TimeSpan.FromSeconds(10);

        /// <summary>How errors name the two halves of -Credential (Connect-WebexConnect and New-ConnectJwt).</summary>
        public const string CredentialUserName = "-Credential (user name)";

        /// <inheritdoc cref="CredentialUserName"/>
        public const string CredentialPassword = "-Credential (password)";

        private readonly Func<string, string?> _environment;

        /// <param name="environment">Reads an environment variable by name; a fake in tests.</param>
        public ConnectionResolver(Func<string, string?> environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        /// <summary>The https base URI of a region's Messaging API.</summary>
        public static Uri RegionBaseUri(string region) =>
            new Uri("https://api." + region + ".webexconnect.io/");

        /// <summary>Turns the user's parameters and the environment into settings, or throws ConnectionConfigurationException.</summary>
        public ConnectionSettings Resolve(ConnectRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var timeout = request.RequestTimeout ?? TimeSpan.FromSeconds(30);
            if (timeout <= TimeSpan.Zero)
                throw Invalid("InvalidTimeout", "-TimeoutSec must be at least 1 second.");
            // The sandbox is a rehearsal that must behave the same on every machine, so a tenant's
            // WEBEXCONNECT_TPS set for scheduled tasks does not slow it down.
            var tps = request.Sandbox ? request.Tps : request.Tps ?? ReadTps();
            var maxTps = request.Sandbox ? MaxSandboxTps : MaxTps;
            if (tps is int t && (t < 1 || t > maxTps))
                throw Invalid("InvalidTps", request.Sandbox
                    ? $"-Tps must be a whole number between 1 and {maxTps} with -Sandbox; it was {t}."
                    : request.Tps.HasValue
                        ? $"-Tps must be a whole number between 1 and {maxTps} (up to {MaxSandboxTps} only with -Sandbox); it was {t}."
                        : $"{ConnectEnvironment.Tps} must be a whole number between 1 and {maxTps}; it was {t}. Correct or clear it, or give -Tps.");

            if (request.Sandbox) return Sandbox(request, tps, timeout);
            if (request.SandboxLatency.HasValue || request.SandboxFailureRate.HasValue)
                throw Invalid("SandboxLatencyWithoutSandbox", "-SandboxLatency and -SandboxFailureRate apply only with -Sandbox: " +
                    "add -Sandbox to rehearse, or leave them out to connect to the tenant.");

            var (region, baseUri) = ResolveEndpoint(request);
            var credentials = ResolveCredentials(request);
            return new ConnectionSettings
            {
                Region = region,
                BaseUri = baseUri,
                AuthMode = credentials.Mode,
                ServiceKey = credentials.ServiceKey,
                ServiceId = credentials.ServiceId,
                ServiceSecret = credentials.ServiceSecret,
                Tps = tps,
                RequestTimeout = timeout,
                NoSharedTps = request.NoSharedTps || ReadNoSharedTps(),
            };
        }

        /// <summary>Which session a send uses: -Session, else the current one; a disconnected session is refused.</summary>
        /// <param name="explicitSession">-Session.</param>
        /// <param name="current">The current session.</param>
        /// <param name="inJobProcess">Whether this PowerShell runs a Start-Job or remote command (see <see cref="NotConnected"/>).</param>
        /// <param name="connectedHere">
        /// What the last Connect-WebexConnect of the caller's runspace did (<see cref="RunspaceConnects"/>): without -Session, a
        /// current session that another runspace connected since is refused (CurrentSessionChanged), not used, unless it sends
        /// to the same tenant with the same credential as the one connected here: blocks that each connect the same tenant
        /// (from the same WEBEXCONNECT_* variables, say) send as they did before, since the current session sends where their
        /// own would have.
        /// </param>
        public static ConnectSession SelectSession(ConnectSession? explicitSession, ConnectSession? current, bool inJobProcess = false,
            LastConnect? connectedHere = null)
        {
            var session = explicitSession ?? current ?? throw NotConnected(inJobProcess);
            if (explicitSession is null && connectedHere != null && !ReferenceEquals(connectedHere.Session, current) &&
                !(connectedHere.Session is { } own && own.Engine.Tenant == session.Engine.Tenant))
                throw CurrentSessionChanged(connectedHere);
            if (session.IsClosed) throw SessionClosed(session);
            return session;
        }

        /// <summary>
        /// The error for a send without -Session in a runspace whose own Connect-WebexConnect another runspace's has replaced
        /// since (ForEach-Object -Parallel, thread jobs): the current session is the other block's, often another tenant's.
        /// </summary>
        public static ConnectionConfigurationException CurrentSessionChanged(LastConnect connectedHere) =>
            new ConnectionConfigurationException("CurrentSessionChanged", ErrorCategory.InvalidOperation,
                (connectedHere.Failure is string failure
                    ? "The last Connect-WebexConnect here failed (" + failure.TrimEnd('.') + "), and the current session is one that " +
                      "another runspace (ForEach-Object -Parallel, a thread job) connected"
                    : "Another runspace (ForEach-Object -Parallel, a thread job) ran Connect-WebexConnect after this one did, so the " +
                      "current session, which all runspaces share, is no longer the one connected here and sends to another tenant " +
                      "or with another credential") +
                ": nothing was sent, so that nothing goes to that tenant by mistake. Where blocks connect a tenant each, take the " +
                "session with -PassThru and give it to each command: $s = Connect-WebexConnect ... -PassThru; Send-ConnectSms -Session $s ...");

        /// <summary>
        /// The error for a command that needs a session when there is none: the same words from every cmdlet. In a Start-Job
        /// or Invoke-Command process (<paramref name="inJobProcess"/>) the script that started it may well have connected: its
        /// session stays in its own process, and "Run Connect-WebexConnect first" would not say why the job has none.
        /// </summary>
        public static ConnectionConfigurationException NotConnected(bool inJobProcess = false) =>
            new ConnectionConfigurationException("NotConnected", ErrorCategory.ConnectionError, SessionState.LastConnectFailure is string failure
                ? "Not connected to Webex Connect: the last Connect-WebexConnect failed (" + failure.TrimEnd('.') + "), and the session " +
                  "that was current before it no longer is, so that nothing goes to that tenant by mistake. Correct the Connect-WebexConnect " +
                  "and run it again, or give a session with -Session."
                : inJobProcess
                ? "Not connected to Webex Connect in this PowerShell process: it runs a background job (Start-Job) or a remote command " +
                  "(Invoke-Command), which the session of the script that started it cannot reach. Run Connect-WebexConnect in the job " +
                  "itself (environment variables or a SecretManagement vault can give it the credentials), or use Start-ThreadJob or " +
                  "ForEach-Object -Parallel, which run in the script's process and use its session."
                : "Not connected to Webex Connect. Run Connect-WebexConnect first (or Connect-WebexConnect -Sandbox to try " +
                  "the module without sending anything), or give a session with -Session.");

        /// <summary>The ErrorId of <see cref="SessionClosed"/>.</summary>
        public const string SessionClosedErrorId = "SessionClosed";

        /// <summary>The error for a closed session: what closed it, and what to do instead.</summary>
        public static ConnectionConfigurationException SessionClosed(ConnectSession session) =>
            new ConnectionConfigurationException(SessionClosedErrorId, ErrorCategory.ConnectionError, session.ClosedBy switch
            {
                SessionEnd.Replaced =>
                    "This session was closed when a later Connect-WebexConnect replaced it. Leave out -Session to use the " +
                    "current session; to keep a session open beside the next one (two tenants in one script), take it " +
                    "with -PassThru: $a = Connect-WebexConnect ... -PassThru.",
                SessionEnd.ModuleRemoved =>
                    "This session was closed when the WebexConnect module was removed. Run Connect-WebexConnect again.",
                SessionEnd.ConnectFailed =>
                    "This session was closed when a later Connect-WebexConnect failed, so that nothing meant for the new tenant " +
                    "went to this one. Run Connect-WebexConnect again; take a session with -PassThru to keep it beside the next.",
                _ => "This session was closed by Disconnect-WebexConnect. Run Connect-WebexConnect again.",
            });

        private static ConnectionSettings Sandbox(ConnectRequest request, int? tps, TimeSpan timeout)
        {
            if (request.Region != null || request.BaseUri != null)
                throw Invalid("ConflictingEndpoint", "-Sandbox runs in-process; do not combine it with -Region or -BaseUri.");
            if (request.ServiceKey != null || request.ServiceId != null || request.ServiceSecret != null)
                throw Conflict("-Sandbox needs no credentials; do not combine it with -ServiceKey, -ServiceId, -ServiceSecret or -Credential.");
            var latency = request.SandboxLatency ?? TimeSpan.Zero;
            if (latency < TimeSpan.Zero || latency > MaxSandboxLatency)
                throw Invalid("InvalidSandboxLatency", $"-SandboxLatency must be between 0 and {MaxSandboxLatency.TotalSeconds:0} seconds (a number is seconds: write '250ms' for milliseconds).");
            return new ConnectionSettings
            {
                BaseUri = SandboxBaseUri,
                AuthMode = ConnectAuthMode.Sandbox,
                Tps = tps,
                RequestTimeout = timeout,
                SandboxLatency = latency,
                SandboxFailureRate = request.SandboxFailureRate ?? 0,
            };
        }

        private (string? Region, Uri BaseUri) ResolveEndpoint(ConnectRequest request)
        {
            if (request.Region != null && request.BaseUri != null)
                throw Invalid("ConflictingEndpoint", "Give -Region or -BaseUri, not both.");
            if (request.BaseUri != null) return (null, CheckBaseUri(request.BaseUri, "-BaseUri"));
            if (request.Region != null) return (CheckRegion(request.Region, "-Region"), RegionBaseUri(request.Region.ToLowerInvariant()));

            var envUri = Env(ConnectEnvironment.BaseUri);
            var envRegion = Env(ConnectEnvironment.Region);
            if (envUri != null && envRegion != null)
                throw Invalid("ConflictingEndpoint",
                    $"Both {ConnectEnvironment.Region} and {ConnectEnvironment.BaseUri} are set; set only one.");
            if (envUri != null)
            {
                if (!Uri.TryCreate(envUri.Trim(), UriKind.Absolute, out var parsed))
                    throw NotAbsolute(envUri, ConnectEnvironment.BaseUri, ConnectEnvironment.Region + "=");
                return (null, CheckBaseUri(parsed, ConnectEnvironment.BaseUri));
            }
            var region = CheckRegion(envRegion ?? "us", ConnectEnvironment.Region);
            return (region, RegionBaseUri(region));
        }

        private static string CheckRegion(string region, string source)
        {
            var normal = region.Trim().ToLowerInvariant();
            foreach (var known in Regions)
                if (known == normal) return normal;
            throw Invalid("InvalidRegion", $"{source}: unknown region '{region}'. Use one of: {string.Join(", ", Regions)}; or a base URI.");
        }

        /// <summary>https anywhere, plain http only to this machine; never credentials in the URI (they would be shown).</summary>
        private static Uri CheckBaseUri(Uri uri, string source)
        {
            if (!uri.IsAbsoluteUri)
                throw NotAbsolute(uri.OriginalString, source, "-Region ");
            if (uri.UserInfo.Length > 0)
                throw Invalid("InvalidEndpoint", $"{source} must not carry a user name or password; use the credential parameters.");
            if (uri.Scheme == Uri.UriSchemeHttp && !LoopbackHost.IsLoopback(uri))
                throw new ConnectionConfigurationException("InsecureEndpoint", ErrorCategory.SecurityError,
                    $"{source}: plain http:// is allowed only for this machine (localhost, 127.0.0.0/8, ::1); use https:// for {uri.Host}.");
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                throw Invalid("InvalidEndpoint", $"{source} must be an https:// URI.");
            // A trailing slash, so that "v2/messages" resolves below any path prefix of a private deployment.
            var text = uri.GetLeftPart(UriPartial.Path);
            var root = new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
            // The endpoint as the vendor's pages write it (.../v2/messages) would send to .../v2/messages/v2/messages:
            // every row Rejected with a bare 404, and Test-WebexConnect reading the lookup's 404 as an accepted key.
            if (ApiPathSuffix(root) is string suffix)
            {
                // The v1 API's path (the legacy .../resources/v1/messaging of old scripts) would send to .../v1/v2/messages: the same 404s.
                var v1 = suffix.IndexOf("v1", StringComparison.Ordinal) >= 0 ? ", the v1 API's path (this module sends through v2)" : "";
                throw Invalid("InvalidEndpoint",
                    $"{source} ends in {suffix.TrimEnd('/')}{v1}: give the root of the API, {ApiRoot(root, suffix)}; the module adds v2/messages itself.");
            }
            return root;
        }

        /// <summary>The API paths a base URI may already end in (pasted from the vendor's pages or an old script), longest first.</summary>
        private static readonly string[] ApiPathSuffixes = { "resources/v1/messaging/", "v1/messaging/", "v2/messages/", "v2/", "v1/" };

        /// <summary>The API path a base URI's path already ends in ("v2/messages/", "v1/" ...), else null.</summary>
        private static string? ApiPathSuffix(Uri root)
        {
            foreach (var suffix in ApiPathSuffixes)
                if (root.AbsolutePath.EndsWith("/" + suffix, StringComparison.OrdinalIgnoreCase)) return suffix;
            return null;
        }

        private static Uri ApiRoot(Uri root, string suffix)
        {
            var path = root.AbsolutePath;
            return new Uri(root, path.Substring(0, path.Length - suffix.Length));
        }

        /// <summary>
        /// A base URI written without https:// (api.eu.webexconnect.io, as the portal shows the host) or a region name
        /// given as one: the message gives the value to write instead. PowerShell turns either into a relative Uri.
        /// </summary>
        /// <param name="text">The value as written.</param>
        /// <param name="source">Where it came from: "-BaseUri" or "WEBEXCONNECT_BASE_URI".</param>
        /// <param name="regionSyntax">How the caller gives a region: "-Region " or "WEBEXCONNECT_REGION=".</param>
        private static ConnectionConfigurationException NotAbsolute(string text, string source, string regionSyntax)
        {
            var written = text.Trim();
            foreach (var region in Regions)
                if (string.Equals(written, region, StringComparison.OrdinalIgnoreCase))
                    return Invalid("InvalidEndpoint", $"{source} '{written}' is a region, not a URI: give {regionSyntax}{region} instead of {source}.");
            if (written.Length > 0 && written.IndexOf('.') > 0 && written.IndexOf(' ') < 0
                && Uri.TryCreate("https://" + written, UriKind.Absolute, out var https) && https.UserInfo.Length == 0)
            {
                var path = https.GetLeftPart(UriPartial.Path);
                var root = new Uri(path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/");
                if (ApiPathSuffix(root) is string suffix) root = ApiRoot(root, suffix);
                return Invalid("InvalidEndpoint", $"{source} '{written}' has no https:// in front: write it as {root}.");
            }
            return Invalid("InvalidEndpoint", $"{source} '{written}' is not an absolute URI: give the root of the API with https://, " +
                $"such as https://api.eu.webexconnect.io/, or a region with {regionSyntax}eu.");
        }

        private Credentials ResolveCredentials(ConnectRequest request)
        {
            var explicitJwt = request.ServiceId != null || request.ServiceSecret != null;
            if (request.ServiceKey != null && explicitJwt)
                throw Conflict("Give a service key or a service ID and secret, not both.");
            // Trimmed copies: the session must not change when the caller clears or disposes its SecureString, and a
            // key read with Get-Content must be the key the environment variable would give.
            if (request.ServiceKey != null) return Credentials.Key(TrimmedSecret.Of(request.ServiceKey), "-ServiceKey");
            if (explicitJwt)
                return request.FromCredential
                    ? Jwt(request.ServiceId, request.ServiceSecret, CredentialUserName, CredentialPassword)
                    : Jwt(request.ServiceId, request.ServiceSecret, "-ServiceId", "-ServiceSecret");

            var key = Env(ConnectEnvironment.ServiceKey);
            var id = Env(ConnectEnvironment.ServiceId);
            var secret = Env(ConnectEnvironment.ServiceSecret);
            if (key != null && (id != null || secret != null))
                throw Conflict($"{ConnectEnvironment.ServiceKey} and {ConnectEnvironment.ServiceId}/{ConnectEnvironment.ServiceSecret} are all set; set one kind of credential.");
            if (key != null) return Credentials.Key(ToSecureString(key), ConnectEnvironment.ServiceKey);
            if (id != null || secret != null)
                return Jwt(id, secret is null ? null : ToSecureString(secret), ConnectEnvironment.ServiceId, ConnectEnvironment.ServiceSecret);
            throw new ConnectionConfigurationException("MissingCredentials", ErrorCategory.AuthenticationError,
                "No credentials: give -ServiceKey, -ServiceId with -ServiceSecret, or -Credential; or set "
                + $"{ConnectEnvironment.ServiceKey}, or {ConnectEnvironment.ServiceId} and {ConnectEnvironment.ServiceSecret}. "
                + "-Sandbox needs none.");
        }

        private static Credentials Jwt(string? serviceId, SecureString? secret, string idSource, string secretSource)
        {
            var (issuer, trimmed) = CheckJwtCredentials(serviceId, secret, idSource, secretSource);
            return new Credentials(ConnectAuthMode.Jwt, null, issuer, trimmed);
        }

        /// <summary>
        /// Both halves present and not blank, and the secret Base64 (MissingCredentials, InvalidServiceSecret
        /// otherwise); returns the trimmed Service ID and a trimmed read-only copy of the secret. Shared by
        /// Connect-WebexConnect and New-ConnectJwt.
        /// </summary>
        public static (string Issuer, SecureString Secret) CheckJwtCredentials(string? serviceId, SecureString? secret, string idSource, string secretSource)
        {
            if (serviceId is null)
                throw Missing($"{secretSource} was given without {idSource}.");
            if (serviceId.Trim().Length == 0)
                throw Missing($"{idSource} is blank: give the Service ID (the issuer of the JWTs) that Webex Connect shows for the service.");
            if (secret is null)
                throw Missing($"{idSource} was given without {secretSource}.");
            var trimmed = TrimmedSecret.Of(secret);
            if (trimmed.Length == 0)
                throw Missing($"{secretSource} is empty: give the Base64 service secret that Webex Connect shows for the service.");
            if (SecretCharacters.IsPem(trimmed))
                throw new ConnectionConfigurationException("InvalidServiceSecret", ErrorCategory.InvalidArgument,
                    SecretCharacters.PemProblem(secretSource));
            if (SecretCharacters.ControlCharacterPosition(trimmed) is var position && position > 0)
                throw new ConnectionConfigurationException("InvalidServiceSecret", ErrorCategory.InvalidArgument,
                    SecretCharacters.Problem(secretSource, "a service secret", position));
            if (SecretCharacters.IsQuoted(trimmed))
                throw new ConnectionConfigurationException("InvalidServiceSecret", ErrorCategory.InvalidArgument,
                    SecretCharacters.QuotedProblem(secretSource, "a service secret"));
            if (SecretCharacters.IsJwt(trimmed))
                throw new ConnectionConfigurationException("InvalidServiceSecret", ErrorCategory.InvalidArgument,
                    SecretCharacters.JwtAsSecretProblem(secretSource));
            if (!Base64Secret.IsValid(trimmed))
                throw new ConnectionConfigurationException("InvalidServiceSecret", ErrorCategory.InvalidArgument,
                    $"{secretSource} is not Base64. Copy the service secret exactly as the Webex Connect service shows it." + KeyGivenAsSecret(secretSource));
            return (serviceId.Trim(), trimmed);
        }

        /// <summary>
        /// " If it is the service key ...": a secret that is not Base64 is most often the service key, given where the secret
        /// goes: a PSCredential from Get-Credential or a vault (user name "key", password the key) is read as the Service ID and
        /// secret. Before, the error only said to copy the secret again, which the admin who has only a key cannot do.
        /// </summary>
        private static string KeyGivenAsSecret(string secretSource) => secretSource switch
        {
            CredentialPassword => " If it is the service key, not the service secret, give it to -ServiceKey: a -Credential is read as the Service ID " +
                "(user name) and service secret (password). Connect-WebexConnect -ServiceKey $credential.Password takes the key from it.",
            ConnectEnvironment.ServiceSecret => $" If it is the service key, set {ConnectEnvironment.ServiceKey} to it instead, and remove " +
                $"{ConnectEnvironment.ServiceId} and {ConnectEnvironment.ServiceSecret}.",
            _ => " If it is the service key, give it to Connect-WebexConnect -ServiceKey instead: a service key signs no JWT.",
        };

        /// <summary>
        /// The Service ID in a PSCredential's user name. Windows PowerShell's credential prompt may put a
        /// leading backslash (an empty domain) before a name typed without one; a Service ID never has one.
        /// </summary>
        public static string ServiceIdOf(string userName) => (userName ?? "").TrimStart('\\').Trim();

        /// <summary>
        /// WEBEXCONNECT_NO_SHARED_TPS: 1 or true (any case) is yes; 0 or false, or unset, is no. Anything else is
        /// refused, as WEBEXCONNECT_TPS is: "yes" or "on" read as no would share the budget the admin meant to split.
        /// </summary>
        private bool ReadNoSharedTps()
        {
            var text = Env(ConnectEnvironment.NoSharedTps);
            if (text is null || text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            throw Invalid("InvalidNoSharedTps",
                $"{ConnectEnvironment.NoSharedTps} must be 1 or true (or 0 or false); it was '{text}'. Correct or clear it, or give -NoSharedTps.");
        }

        private int? ReadTps()
        {
            var text = Env(ConnectEnvironment.Tps);
            if (text is null) return null;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tps))
                throw Invalid("InvalidTps", $"{ConnectEnvironment.Tps} must be a whole number between 1 and {MaxTps}; it was '{text}'. Correct or clear it, or give -Tps.");
            return tps;
        }

        /// <summary>An environment variable, trimmed; empty counts as not set (how Task Scheduler clears one).</summary>
        private string? Env(string name)
        {
            var value = _environment(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        private static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        private static ConnectionConfigurationException Invalid(string errorId, string message) =>
            new ConnectionConfigurationException(errorId, ErrorCategory.InvalidArgument, message);

        private static ConnectionConfigurationException Conflict(string message) =>
            new ConnectionConfigurationException("ConflictingCredentials", ErrorCategory.InvalidArgument, message);

        private static ConnectionConfigurationException Missing(string message) =>
            new ConnectionConfigurationException("MissingCredentials", ErrorCategory.AuthenticationError, message);

        private sealed class Credentials
        {
            public Credentials(ConnectAuthMode mode, SecureString? serviceKey, string? serviceId, SecureString? serviceSecret)
            {
                Mode = mode;
                ServiceKey = serviceKey;
                ServiceId = serviceId;
                ServiceSecret = serviceSecret;
            }

            public static Credentials Key(SecureString key, string source)
            {
                if (key.Length == 0) throw Missing($"{source} is empty: give the service key that Webex Connect shows for the service.");
                if (SecretCharacters.ControlCharacterPosition(key) is var position && position > 0)
                    throw Invalid("InvalidServiceKey", SecretCharacters.Problem(source, "a service key", position));
                if (SecretCharacters.IsQuoted(key))
                    throw Invalid("InvalidServiceKey", SecretCharacters.QuotedProblem(source, "a service key"));
                if (SecretCharacters.IsJwt(key))
                    throw Invalid("InvalidServiceKey", SecretCharacters.JwtProblem(source));
                if (SecretCharacters.NonAsciiPosition(key) is var nonAscii && nonAscii > 0)
                    throw Invalid("InvalidServiceKey", SecretCharacters.NonAsciiProblem(source, nonAscii));
                return new Credentials(ConnectAuthMode.ServiceKey, key, null, null);
            }

            public ConnectAuthMode Mode { get; }
            public SecureString? ServiceKey { get; }
            public string? ServiceId { get; }
            public SecureString? ServiceSecret { get; }
        }
    }
}
