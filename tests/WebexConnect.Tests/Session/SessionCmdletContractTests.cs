using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using WebexConnect.Commands;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Session
{
    /// <summary>
    /// The public surface of the session cmdlets, read from metadata (PowerShellStandard's attribute
    /// classes are stubs in this process, so their properties are read as written, not through getters).
    /// A change here changes what users type: make it on purpose.
    /// </summary>
    public class SessionCmdletContractTests
    {
        private static IEnumerable<CustomAttributeData> Attributes<T>(MemberInfo member) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType == typeof(T));

        private static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        /// <summary>"Name[:Set][!]" per parameter attribute: ! when mandatory; no set means every set.</summary>
        private static string[] Surface(Type cmdlet) =>
            cmdlet.GetProperties()
                .SelectMany(p => Attributes<ParameterAttribute>(p).Select(a =>
                    p.Name + (Named(a, "ParameterSetName") is string set ? ":" + set : "") + (Named(a, "Mandatory") is true ? "!" : "")))
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();

        private static string CmdletName(Type cmdlet)
        {
            var a = Attributes<CmdletAttribute>(cmdlet).Single();
            return a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value;
        }

        private static Type[] OutputTypes(Type cmdlet) =>
            Attributes<OutputTypeAttribute>(cmdlet).SelectMany(a => a.ConstructorArguments)
                .SelectMany(c => c.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { c.Value })
                .OfType<Type>().ToArray();

        [Fact]
        public void ConnectWebexConnect_ParameterSets()
        {
            var t = typeof(ConnectWebexConnectCommand);
            Assert.Equal("Connect-WebexConnect", CmdletName(t));
            Assert.Equal("Environment", Named(Attributes<CmdletAttribute>(t).Single(), "DefaultParameterSetName"));
            Assert.Equal(new[]
            {
                "BaseUri:Credential", "BaseUri:Environment", "BaseUri:ServiceKey", "BaseUri:ServiceSecret",
                "Credential:Credential!", "PassThru",
                "Region:Credential", "Region:Environment", "Region:ServiceKey", "Region:ServiceSecret",
                "Sandbox:Sandbox!", "SandboxLatency:Sandbox",
                "ServiceId:ServiceSecret!", "ServiceKey:ServiceKey!", "ServiceSecret:ServiceSecret!",
                "TimeoutSec", "Tps",
            }, Surface(t));
            Assert.Equal(new[] { typeof(ConnectSession) }, OutputTypes(t));
        }

        [Fact]
        public void ConnectWebexConnect_SecretsAreSecureStringOrCredential_RegionsAreTabCompleted()
        {
            var t = typeof(ConnectWebexConnectCommand);
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceKey")!.PropertyType);
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceSecret")!.PropertyType);
            Assert.Equal(typeof(PSCredential), t.GetProperty("Credential")!.PropertyType);
            var set = Attributes<ValidateSetAttribute>(t.GetProperty("Region")!).Single();
            var values = ((IEnumerable<CustomAttributeTypedArgument>)set.ConstructorArguments[0].Value!).Select(v => (string)v.Value!);
            Assert.Equal(WebexConnect.Sending.ConnectionResolver.Regions, values);
            var tps = Attributes<ValidateRangeAttribute>(t.GetProperty("Tps")!).Single();
            Assert.Equal(new object[] { 1, 10000 }, tps.ConstructorArguments.Select(a => a.Value));
        }

        [Fact]
        public void NewConnectJwt_ParameterSetsAndOutput()
        {
            var t = typeof(NewConnectJwtCommand);
            Assert.Equal("New-ConnectJwt", CmdletName(t));
            Assert.Equal(new[] { "Credential:Credential!", "LifetimeMinutes", "ServiceId:ServiceSecret!", "ServiceSecret:ServiceSecret!" }, Surface(t));
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceSecret")!.PropertyType);
            var range = Attributes<ValidateRangeAttribute>(t.GetProperty("LifetimeMinutes")!).Single();
            Assert.Equal(new object[] { 1, 60 }, range.ConstructorArguments.Select(a => a.Value));
            Assert.Equal(new[] { typeof(ConnectJwt) }, OutputTypes(t));
        }

        [Fact]
        public void ContextDisconnectAndSandboxRequestCmdlets()
        {
            Assert.Equal("Get-ConnectContext", CmdletName(typeof(GetConnectContextCommand)));
            Assert.Empty(Surface(typeof(GetConnectContextCommand)));
            Assert.Equal(new[] { typeof(ConnectSession) }, OutputTypes(typeof(GetConnectContextCommand)));

            Assert.Equal("Disconnect-WebexConnect", CmdletName(typeof(DisconnectWebexConnectCommand)));
            Assert.Empty(Surface(typeof(DisconnectWebexConnectCommand)));

            var t = typeof(GetConnectSandboxRequestCommand);
            Assert.Equal("Get-ConnectSandboxRequest", CmdletName(t));
            Assert.Equal(new[] { "Last", "Session" }, Surface(t));
            Assert.Equal(typeof(ConnectSession), t.GetProperty("Session")!.PropertyType);
            Assert.Equal(new[] { typeof(SandboxRequest) }, OutputTypes(t));
        }

        [Fact]
        public void SessionCmdletsArePublicSealedPSCmdlets()
        {
            foreach (var t in new[] { typeof(ConnectWebexConnectCommand), typeof(DisconnectWebexConnectCommand), typeof(GetConnectContextCommand),
                         typeof(NewConnectJwtCommand), typeof(GetConnectSandboxRequestCommand) })
            {
                Assert.True(t.IsPublic && t.IsSealed, t.Name);
                Assert.True(typeof(PSCmdlet).IsAssignableFrom(t), t.Name);
            }
        }
    }
}
