using System;
using System.Collections.Generic;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Session.Secrets;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Session
{
    /// <summary>The one precedence chain: parameters, then WEBEXCONNECT_* variables, then defaults.</summary>
    public class ConnectionResolverTests
    {
        private const string Secret = "c2VjcmV0LWJ5dGVzLTEyMw=="; // Base64 of "secret-bytes-123"

        private readonly Dictionary<string, string?> _env = new Dictionary<string, string?>();

        private ConnectionSettings Resolve(ConnectRequest request) => new ConnectionResolver(name => _env.TryGetValue(name, out var v) ? v : null).Resolve(request);

        private ConnectionConfigurationException Refused(ConnectRequest request) =>
            Assert.Throws<ConnectionConfigurationException>(() => Resolve(request));

        [Fact]
        public void NoParametersAndAServiceKeyVariable_ConnectsToUsWithTheKey()
        {
            _env[ConnectEnvironment.ServiceKey] = "env-key";
            var settings = Resolve(new ConnectRequest());
            Assert.Equal(ConnectAuthMode.ServiceKey, settings.AuthMode);
            Assert.Equal("env-key", Reveal(settings.ServiceKey));
            Assert.Equal("us", settings.Region);
            Assert.Equal(new Uri("https://api.us.webexconnect.io/"), settings.BaseUri);
            Assert.Null(settings.Tps);
            Assert.Equal(TimeSpan.FromSeconds(30), settings.RequestTimeout);
        }

        [Fact]
        public void EnvironmentSuppliesJwtCredentialsRegionAndTps()
        {
            _env[ConnectEnvironment.ServiceId] = " svc-42 ";
            _env[ConnectEnvironment.ServiceSecret] = Secret;
            _env[ConnectEnvironment.Region] = "EU";
            _env[ConnectEnvironment.Tps] = "250";
            var settings = Resolve(new ConnectRequest());
            Assert.Equal(ConnectAuthMode.Jwt, settings.AuthMode);
            Assert.Equal("svc-42", settings.ServiceId);
            Assert.Equal(Secret, Reveal(settings.ServiceSecret));
            Assert.Null(settings.ServiceKey);
            Assert.Equal("eu", settings.Region);
            Assert.Equal(new Uri("https://api.eu.webexconnect.io/"), settings.BaseUri);
            Assert.Equal(250, settings.Tps);
        }

        [Fact]
        public void ExplicitParametersWinOverTheEnvironment_FacetByFacet()
        {
            _env[ConnectEnvironment.ServiceKey] = "env-key";
            _env[ConnectEnvironment.Region] = "eu";
            _env[ConnectEnvironment.Tps] = "250";
            var settings = Resolve(new ConnectRequest { ServiceKey = Secure("param-key"), Region = "au", Tps = 40 });
            Assert.Equal("param-key", Reveal(settings.ServiceKey));
            Assert.Equal("au", settings.Region);
            Assert.Equal(40, settings.Tps);
        }

        [Fact]
        public void ExplicitCredentialsAreNeverMixedWithEnvironmentCredentials()
        {
            // A service key in the environment does not conflict with -ServiceId/-ServiceSecret: the parameters replace it whole.
            _env[ConnectEnvironment.ServiceKey] = "env-key";
            _env[ConnectEnvironment.ServiceId] = "env-id";
            var settings = Resolve(new ConnectRequest { ServiceId = "param-id", ServiceSecret = Secure(Secret) });
            Assert.Equal(ConnectAuthMode.Jwt, settings.AuthMode);
            Assert.Equal("param-id", settings.ServiceId);
            Assert.Null(settings.ServiceKey);
        }

        [Fact]
        public void ExplicitEndpointWinsEvenWhenBothEndpointVariablesAreSet()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.Region] = "eu";
            _env[ConnectEnvironment.BaseUri] = "https://private.example.com";
            var settings = Resolve(new ConnectRequest { Region = "uk" });
            Assert.Equal(new Uri("https://api.uk.webexconnect.io/"), settings.BaseUri);
        }

        [Fact]
        public void BaseUriVariableIsUsedAndGetsATrailingSlashSoV2MessagesResolvesBelowIt()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.BaseUri] = "https://gw.example.com/connect";
            var settings = Resolve(new ConnectRequest());
            Assert.Null(settings.Region);
            Assert.Equal(new Uri("https://gw.example.com/connect/v2/messages"), new Uri(settings.BaseUri, "v2/messages"));
        }

        [Theory]
        [InlineData("1", true)]
        [InlineData("TRUE", true)]
        [InlineData("0", false)]
        [InlineData("false", false)]
        [InlineData("", false)]
        public void NoSharedTpsVariableTakesOneOrTrueAndZeroOrFalse(string value, bool expected)
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.NoSharedTps] = value;
            Assert.Equal(expected, Resolve(new ConnectRequest()).NoSharedTps);
        }

        [Fact]
        public void NoSharedTpsVariableWithAnyOtherValueIsRefusedNotReadAsNo()
        {
            // "yes" once meant no, silently: the processes shared one budget the admin meant to split.
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.NoSharedTps] = "yes";
            var ex = Refused(new ConnectRequest());
            Assert.Equal("InvalidNoSharedTps", ex.ErrorId);
            Assert.Equal("WEBEXCONNECT_NO_SHARED_TPS must be 1 or true (or 0 or false); it was 'yes'. Correct or clear it, or give -NoSharedTps.", ex.Message);
            Assert.True(Resolve(new ConnectRequest { NoSharedTps = true }).NoSharedTps);
        }

        [Theory]
        [InlineData("https://api.eu.webexconnect.io/v2/messages", "v2/messages", "https://api.eu.webexconnect.io/")]
        [InlineData("https://api.eu.webexconnect.io/V2/Messages/", "v2/messages", "https://api.eu.webexconnect.io/")]
        [InlineData("https://gw.example.com/connect/v2", "v2", "https://gw.example.com/connect/")]
        public void ABaseUriThatEndsInTheApiPathIsRefusedWithTheRootToGive(string uri, string suffix, string root)
        {
            // Pasted from the vendor's page, it would send to .../v2/messages/v2/messages: every row a bare 404.
            var ex = Refused(new ConnectRequest { BaseUri = new Uri(uri), ServiceKey = Secure("k") });
            Assert.Equal("InvalidEndpoint", ex.ErrorId);
            Assert.Equal($"-BaseUri ends in {suffix}: give the root of the API, {root}; the module adds v2/messages itself.", ex.Message);

            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.BaseUri] = uri;
            Assert.StartsWith(ConnectEnvironment.BaseUri + " ends in " + suffix, Refused(new ConnectRequest()).Message);
        }

        [Theory]
        [InlineData("https://api.eu.webexconnect.io/v1", "v1", "https://api.eu.webexconnect.io/")]
        [InlineData("https://api.imiconnect.io/resources/v1/messaging", "resources/v1/messaging", "https://api.imiconnect.io/")]
        [InlineData("https://gw.example.com/connect/v1/messaging/", "v1/messaging", "https://gw.example.com/connect/")]
        public void ABaseUriThatEndsInTheV1ApiPathIsRefusedWithTheRootToGive(string uri, string suffix, string root)
        {
            // An old v1 script's endpoint would send to .../v1/v2/messages: every row Rejected with a bare 404.
            var ex = Refused(new ConnectRequest { BaseUri = new Uri(uri), ServiceKey = Secure("k") });
            Assert.Equal("InvalidEndpoint", ex.ErrorId);
            Assert.Equal($"-BaseUri ends in {suffix}, the v1 API's path (this module sends through v2): give the root of the API, {root}; " +
                "the module adds v2/messages itself.", ex.Message);
        }

        [Theory]
        [InlineData("api.eu.webexconnect.io", "'api.eu.webexconnect.io' has no https:// in front: write it as https://api.eu.webexconnect.io/.")]
        [InlineData("API.UK.webexconnect.io/v2/messages", "'API.UK.webexconnect.io/v2/messages' has no https:// in front: write it as https://api.uk.webexconnect.io/.")]
        [InlineData("gw.example.com/connect", "'gw.example.com/connect' has no https:// in front: write it as https://gw.example.com/connect/.")]
        [InlineData("EU", "'EU' is a region, not a URI: give -Region eu instead of -BaseUri.")]
        [InlineData("my tenant", "'my tenant' is not an absolute URI: give the root of the API with https://, such as https://api.eu.webexconnect.io/, or a region with -Region eu.")]
        public void ABaseUriWithoutAScheme_SaysWhatToWriteInstead(string written, string problem)
        {
            // PowerShell turns the host as the portal shows it into a relative Uri; "must be an absolute URI" said nothing to act on.
            var ex = Refused(new ConnectRequest { BaseUri = new Uri(written, UriKind.RelativeOrAbsolute), ServiceKey = Secure("k") });
            Assert.Equal("InvalidEndpoint", ex.ErrorId);
            Assert.Equal("-BaseUri " + problem, ex.Message);

            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.BaseUri] = written;
            var fromEnvironment = Refused(new ConnectRequest()).Message;
            Assert.StartsWith(ConnectEnvironment.BaseUri + " '" + written + "' ", fromEnvironment);
            if (written == "EU") Assert.Contains("give WEBEXCONNECT_REGION=eu instead of WEBEXCONNECT_BASE_URI", fromEnvironment);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://127.12.0.1/")]
        [InlineData("http://localhost:8080/")]
        [InlineData("http://[::1]:9000/")]
        public void PlainHttpIsAllowedForThisMachine(string uri)
        {
            var settings = Resolve(new ConnectRequest { BaseUri = new Uri(uri), ServiceKey = Secure("k") });
            Assert.Equal("http", settings.BaseUri.Scheme);
        }

        [Theory]
        [InlineData("http://api.us.webexconnect.io/")]
        [InlineData("http://10.0.0.5/")]
        [InlineData("http://localhost.evil.example/")]
        [InlineData("http://128.0.0.1/")]
        public void PlainHttpToAnyOtherHostIsRefusedAsInsecureEndpoint(string uri)
        {
            var ex = Refused(new ConnectRequest { BaseUri = new Uri(uri), ServiceKey = Secure("k") });
            Assert.Equal("InsecureEndpoint", ex.ErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, ex.Category);
        }

        [Fact]
        public void InsecureBaseUriVariableIsRefusedToo()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.BaseUri] = "http://gw.example.com/";
            Assert.Equal("InsecureEndpoint", Refused(new ConnectRequest()).ErrorId);
        }

        [Theory]
        [InlineData("ftp://files.example.com/")]
        [InlineData("https://user:Pw-9x7q@gw.example.com/")]
        public void OtherSchemesAndCredentialsInTheUriAreRefused(string uri)
        {
            var ex = Refused(new ConnectRequest { BaseUri = new Uri(uri), ServiceKey = Secure("k") });
            Assert.Equal("InvalidEndpoint", ex.ErrorId);
            Assert.DoesNotContain("Pw-9x7q", ex.Message);
        }

        [Fact]
        public void NoCredentialsAnywhereIsMissingCredentials()
        {
            var ex = Refused(new ConnectRequest { Region = "eu" });
            Assert.Equal("MissingCredentials", ex.ErrorId);
            Assert.Contains(ConnectEnvironment.ServiceKey, ex.Message);
        }

        [Fact]
        public void ServiceIdWithoutSecretIsMissingCredentials()
        {
            _env[ConnectEnvironment.ServiceId] = "svc";
            Assert.Equal("MissingCredentials", Refused(new ConnectRequest()).ErrorId);
        }

        [Fact]
        public void KeyAndServiceIdTogetherAreConflictingCredentials()
        {
            Assert.Equal("ConflictingCredentials",
                Refused(new ConnectRequest { ServiceKey = Secure("k"), ServiceId = "svc", ServiceSecret = Secure(Secret) }).ErrorId);
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.ServiceSecret] = Secret;
            Assert.Equal("ConflictingCredentials", Refused(new ConnectRequest()).ErrorId);
        }

        [Fact]
        public void BothEndpointVariablesSetIsConflictingEndpoint()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.Region] = "eu";
            _env[ConnectEnvironment.BaseUri] = "https://gw.example.com/";
            Assert.Equal("ConflictingEndpoint", Refused(new ConnectRequest()).ErrorId);
        }

        [Fact]
        public void ASecretThatIsNotBase64IsRefusedWithoutEchoingIt()
        {
            var ex = Refused(new ConnectRequest { ServiceId = "svc", ServiceSecret = Secure("not*base64!") });
            Assert.Equal("InvalidServiceSecret", ex.ErrorId);
            Assert.DoesNotContain("not*base64!", ex.Message);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("10001")]
        [InlineData("fast")]
        [InlineData("-5")]
        public void ATpsVariableOutsideOneToTenThousandIsInvalidTps(string value)
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.Tps] = value;
            Assert.Equal("InvalidTps", Refused(new ConnectRequest()).ErrorId);
        }

        [Fact]
        public void AnUnknownRegionVariableIsInvalidRegion()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.Region] = "mars";
            var ex = Refused(new ConnectRequest());
            Assert.Equal("InvalidRegion", ex.ErrorId);
            Assert.Contains("us1", ex.Message);
        }

        [Fact]
        public void EmptyVariablesCountAsNotSet()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.ServiceId] = "  ";
            _env[ConnectEnvironment.Region] = "";
            var settings = Resolve(new ConnectRequest());
            Assert.Equal(ConnectAuthMode.ServiceKey, settings.AuthMode);
            Assert.Equal("us", settings.Region);
        }

        [Fact]
        public void SandboxIgnoresTheEnvironmentCredentialsAndNeverPointsAtARealHost()
        {
            _env[ConnectEnvironment.ServiceKey] = "env-key";
            _env[ConnectEnvironment.BaseUri] = "http://gw.example.com/"; // would be refused if it were read
            var settings = Resolve(new ConnectRequest { Sandbox = true, SandboxLatency = TimeSpan.FromMilliseconds(5), Tps = 100 });
            Assert.Equal(ConnectAuthMode.Sandbox, settings.AuthMode);
            Assert.Null(settings.ServiceKey);
            Assert.EndsWith(".invalid", settings.BaseUri.Host);
            Assert.Equal(TimeSpan.FromMilliseconds(5), settings.SandboxLatency);
            Assert.Equal(100, settings.Tps);
        }

        [Fact]
        public void SandboxIgnoresTheEnvironmentTps()
        {
            _env[ConnectEnvironment.Tps] = "5";
            Assert.Null(Resolve(new ConnectRequest { Sandbox = true }).Tps);
            Assert.Equal(250, Resolve(new ConnectRequest { Sandbox = true, Tps = 250 }).Tps);
            Assert.Equal(5, Resolve(new ConnectRequest { ServiceKey = Secure("k") }).Tps);
        }

        [Fact]
        public void SandboxWithCredentialsOrAnEndpointIsRefused()
        {
            Assert.Equal("ConflictingCredentials", Refused(new ConnectRequest { Sandbox = true, ServiceKey = Secure("k") }).ErrorId);
            Assert.Equal("ConflictingEndpoint", Refused(new ConnectRequest { Sandbox = true, Region = "eu" }).ErrorId);
            Assert.Equal("InvalidSandboxLatency", Refused(new ConnectRequest { Sandbox = true, SandboxLatency = TimeSpan.FromMinutes(1) }).ErrorId);
        }

        [Fact]
        public void ExplicitTimeoutIsKept()
        {
            var settings = Resolve(new ConnectRequest { ServiceKey = Secure("k"), RequestTimeout = TimeSpan.FromSeconds(5) });
            Assert.Equal(TimeSpan.FromSeconds(5), settings.RequestTimeout);
        }

        [Fact]
        public void EveryOfferedRegionMapsToItsHttpsHost()
        {
            Assert.Equal(new[] { "us", "us1", "eu", "uk", "ca", "in", "au", "sg" }, ConnectionResolver.Regions);
            foreach (var region in ConnectionResolver.Regions)
            {
                var settings = Resolve(new ConnectRequest { Region = region, ServiceKey = Secure("k") });
                Assert.Equal($"https://api.{region}.webexconnect.io/", settings.BaseUri.AbsoluteUri);
            }
        }

        [Fact]
        public void TheSessionKeepsItsOwnCopyOfTheSecrets()
        {
            var key = new System.Security.SecureString();
            foreach (var c in "caller-key") key.AppendChar(c);
            var settings = Resolve(new ConnectRequest { ServiceKey = key });
            key.Clear();
            key.Dispose();
            Assert.Equal("caller-key", Reveal(settings.ServiceKey));
            Assert.True(settings.ServiceKey!.IsReadOnly());
        }

        [Theory]
        [InlineData("svc-1", "svc-1")]
        [InlineData("\\svc-1", "svc-1")]
        [InlineData(" svc-1 ", "svc-1")]
        public void TheServiceIdOfACredentialIgnoresTheEmptyDomainOfWindowsPowerShellsPrompt(string userName, string serviceId)
        {
            Assert.Equal(serviceId, ConnectionResolver.ServiceIdOf(userName));
        }

        [Fact]
        public void JwtCredentialChecksNameTheParameterAtFault()
        {
            var missing = Assert.Throws<ConnectionConfigurationException>(() => ConnectionResolver.CheckJwtCredentials("svc", null, "-ServiceId", "-ServiceSecret"));
            Assert.Equal("MissingCredentials", missing.ErrorId);
            Assert.Contains("-ServiceSecret", missing.Message);
            Assert.Equal("svc", ConnectionResolver.CheckJwtCredentials(" svc ", Secure(Secret), "-ServiceId", "-ServiceSecret").Issuer);
        }

        // One rule for a key or secret wherever it comes from: the white space around it (a final line break from
        // Get-Content or a secret file, spaces from a copy) is dropped, and a blank one is never sent.
        [Theory]
        [InlineData("abc\n", "abc")]
        [InlineData("abc\r\n", "abc")]
        [InlineData("  abc\t ", "abc")]
        public void AKeyWithWhiteSpaceAroundItIsTheSameKeyAsAParameterAndFromTheEnvironment(string given, string key)
        {
            Assert.Equal(key, Reveal(Resolve(new ConnectRequest { ServiceKey = Secure(given) }).ServiceKey));
            _env[ConnectEnvironment.ServiceKey] = given;
            Assert.Equal(key, Reveal(Resolve(new ConnectRequest()).ServiceKey));
        }

        [Theory]
        [InlineData("c2VjcmV0LWJ5dGVzLTEyMw==\n")]
        [InlineData(" c2VjcmV0LWJ5dGVzLTEyMw==\r\n")]
        public void ASecretWithWhiteSpaceAroundItIsTheSameSecretAsAParameterAndFromTheEnvironment(string given)
        {
            Assert.Equal(Secret, Reveal(Resolve(new ConnectRequest { ServiceId = "svc", ServiceSecret = Secure(given) }).ServiceSecret));
            _env[ConnectEnvironment.ServiceId] = "svc";
            _env[ConnectEnvironment.ServiceSecret] = given;
            Assert.Equal(Secret, Reveal(Resolve(new ConnectRequest()).ServiceSecret));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\n")]
        public void ABlankKeyIsMissingCredentialsAsAParameterAndFromTheEnvironment(string given)
        {
            var parameter = Refused(new ConnectRequest { ServiceKey = Secure(given) });
            Assert.Equal("MissingCredentials", parameter.ErrorId);
            Assert.StartsWith("-ServiceKey is empty", parameter.Message);
            _env[ConnectEnvironment.ServiceKey] = given;
            Assert.Equal("MissingCredentials", Refused(new ConnectRequest()).ErrorId);
        }

        [Fact]
        public void AKeyWithALineBreakInsideIsStillRefused()
        {
            Assert.Equal("InvalidServiceKey", Refused(new ConnectRequest { ServiceKey = Secure("ab\ncd") }).ErrorId);
        }

        [Fact]
        public void AnEmptyCredentialPasswordSaysSo()
        {
            var ex = Refused(new ConnectRequest { ServiceId = "svc", ServiceSecret = Secure(""), FromCredential = true });
            Assert.Equal("MissingCredentials", ex.ErrorId);
            Assert.StartsWith("-Credential (password) is empty", ex.Message);
        }

        [Fact]
        public void ABlankServiceIdSaysSo()
        {
            var ex = Refused(new ConnectRequest { ServiceId = "   ", ServiceSecret = Secure(Secret) });
            Assert.Equal("MissingCredentials", ex.ErrorId);
            Assert.StartsWith("-ServiceId is blank", ex.Message);
        }

        [Fact]
        public void AnOutOfRangeTpsVariableIsNamed_AndTheParameterStillNamesItself()
        {
            _env[ConnectEnvironment.ServiceKey] = "k";
            _env[ConnectEnvironment.Tps] = "0";
            Assert.StartsWith(ConnectEnvironment.Tps + " must be", Refused(new ConnectRequest()).Message);
            Assert.StartsWith("-Tps must be", Refused(new ConnectRequest { Tps = 20000 }).Message);
        }
    }
}
