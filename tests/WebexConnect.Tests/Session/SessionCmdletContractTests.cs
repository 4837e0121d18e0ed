using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using WebexConnect.Commands;
using WebexConnect.Tests.Docs;
using Xunit;

namespace WebexConnect.Tests.Session
{
    /// <summary>
    /// What the session cmdlets promise beyond their pinned surface (Commands/CmdletContractTests): secrets
    /// only as SecureString or PSCredential, regions tab-completed from the one list, sane ranges. Read from
    /// metadata: PowerShellStandard's attribute classes are stubs in this process.
    /// </summary>
    public class SessionCmdletContractTests
    {
        private static CustomAttributeData Single<T>(MemberInfo member) => CmdletMetadata.Attributes(member, typeof(T)).Single();

        private static object?[] Arguments(CustomAttributeData attribute) => attribute.ConstructorArguments.Select(a => a.Value).ToArray();

        [Fact]
        public void ConnectWebexConnect_SecretsAreSecureStringOrCredential_RegionsAreTabCompleted()
        {
            var t = typeof(ConnectWebexConnectCommand);
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceKey")!.PropertyType);
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceSecret")!.PropertyType);
            Assert.Equal(typeof(PSCredential), t.GetProperty("Credential")!.PropertyType);
            var regions = (IEnumerable<CustomAttributeTypedArgument>)Single<ValidateSetAttribute>(t.GetProperty("Region")!).ConstructorArguments[0].Value!;
            Assert.Equal(WebexConnect.Sending.ConnectionResolver.Regions, regions.Select(v => (string)v.Value!));
            // 10000 for a real endpoint is ConnectionResolver's check: the sandbox may go to 1000000.
            Assert.Equal(new object[] { 1, 1000000 }, Arguments(Single<ValidateRangeAttribute>(t.GetProperty("Tps")!)));
        }

        [Fact]
        public void NewConnectJwt_TakesTheSecretSecurely_AndCapsTheLifetimeAtAnHour()
        {
            var t = typeof(NewConnectJwtCommand);
            Assert.Equal(typeof(SecureString), t.GetProperty("ServiceSecret")!.PropertyType);
            Assert.Equal(typeof(PSCredential), t.GetProperty("Credential")!.PropertyType);
            Assert.Equal(new object[] { 1, 60 }, Arguments(Single<ValidateRangeAttribute>(t.GetProperty("LifetimeMinutes")!)));
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
