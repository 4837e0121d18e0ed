using System;
using System.IO;
using System.Reflection;
using WebexConnect.Sending.Loading;
using Xunit;

namespace WebexConnect.Tests.Loading
{
    /// <summary>
    /// EngineLoadFailed for a module extracted from a downloaded zip that was not unblocked: Windows PowerShell 5.1's
    /// loader refuses the engine with HRESULT 0x80131515, and the message says how to unblock the module's files.
    /// </summary>
    public class EngineLoadFailureTests
    {
        private const string Dependencies = @"C:\Users\ops\Documents\WindowsPowerShell\Modules\WebexConnect\1.0.0\net472\dependencies";
        private const string ModuleFolder = @"C:\Users\ops\Documents\WindowsPowerShell\Modules\WebexConnect\1.0.0";

        private static FileLoadException FromRemoteSource() =>
            new FileLoadException("An attempt was made to load an assembly from a network location which would have caused the assembly to be sandboxed.")
            {
                HResult = EngineLoadFailure.LoadFromRemoteSource,
            };

        [Fact]
        public void ALoadFromARemoteSourceSaysHowToUnblockTheModuleFolder()
        {
            var message = EngineLoadFailure.Message(Dependencies, ModuleFolder, FromRemoteSource());
            Assert.StartsWith($"The WebexConnect engine could not be loaded from {Dependencies}: An attempt was made", message);
            Assert.Contains($"Get-ChildItem -LiteralPath '{ModuleFolder}' -Recurse | Unblock-File", message);
            Assert.Contains("start a new PowerShell", message);
        }

        [Fact]
        public void TheRemoteSourceIsFoundAnywhereInTheInnerChain()
        {
            var wrapped = new TargetInvocationException(new FileLoadException("Could not load file or assembly 'Polly.Core'.", FromRemoteSource()));
            Assert.Contains("| Unblock-File", EngineLoadFailure.Message(Dependencies, ModuleFolder, wrapped));
        }

        [Fact]
        public void AQuoteInTheFolderIsDoubledForTheLiteralPath()
        {
            var message = EngineLoadFailure.Message(Dependencies, @"D:\O'Brien\WebexConnect", FromRemoteSource());
            Assert.Contains(@"-LiteralPath 'D:\O''Brien\WebexConnect' -Recurse", message);
        }

        [Fact]
        public void AnyOtherLoadFailureIsTheLoadersTextAlone()
        {
            var other = new BadImageFormatException("Format of the executable (.exe) or library (.dll) is invalid.");
            Assert.Equal($"The WebexConnect engine could not be loaded from {Dependencies}: {other.Message}",
                EngineLoadFailure.Message(Dependencies, ModuleFolder, other));
        }
    }
}
