using System;
using System.Linq;
using System.Reflection;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// What a script can do with the exception of a module's error: catch it by the type $_.Exception.GetType() and
    /// Get-Error show (catch [WebexConnect.Sending.SessionFailureException] { ... }). PowerShell resolves only public
    /// types there; an internal one turns the catch into "Unable to find type" and the real error is lost.
    /// </summary>
    public class ErrorExceptionContractTests
    {
        private static readonly Type[] Exceptions = typeof(SendResult).Assembly.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t))
            .ToArray();

        [Fact]
        public void EveryExceptionOfTheModuleIsPublicSealedAndMadeOnlyByTheModule()
        {
            Assert.Contains(Exceptions, t => t.Name == "SessionFailureException");
            Assert.Contains(Exceptions, t => t.Name == "ConnectionConfigurationException");
            Assert.All(Exceptions, t =>
            {
                Assert.True(t.IsPublic, t.FullName + " is not public: a script cannot catch it by type");
                Assert.True(t.IsSealed, t.FullName + " is not sealed");
                Assert.Empty(t.GetConstructors());
            });
        }

        [Fact]
        public void TheirOwnPublicPropertiesAreGetOnly()
        {
            var own = Exceptions.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
            Assert.All(own, p => Assert.Null(p.GetSetMethod(nonPublic: false)));
        }
    }
}
