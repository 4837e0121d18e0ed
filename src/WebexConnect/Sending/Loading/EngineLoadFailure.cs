using System;

namespace WebexConnect.Sending.Loading
{
    /// <summary>
    /// The message of EngineLoadFailed. Windows PowerShell 5.1 with a module copied out of a zip downloaded from the
    /// internet and never unblocked: .NET Framework refuses to load the engine from a file marked as coming from the
    /// internet zone (FileLoadException, HRESULT 0x80131515), and the loader's own text ("An attempt was made to load an
    /// assembly from a network location...") names a configuration switch, not the fix an admin can make. For that
    /// failure, anywhere in the chain of inner exceptions, the message says how to unblock the module's files.
    /// </summary>
    internal static class EngineLoadFailure
    {
        /// <summary>COR_E_NOTSUPPORTED as .NET Framework reports an assembly it will not load from a remote source.</summary>
        public const int LoadFromRemoteSource = unchecked((int)0x80131515);

        public static string Message(string dependencyDirectory, string moduleFolder, Exception failure)
        {
            var message = $"The WebexConnect engine could not be loaded from {dependencyDirectory}: {failure.Message}";
            if (!IsBlockedDownload(failure)) return message;
            var literal = moduleFolder.Replace("'", "''");
            return message + " The module's files are marked as downloaded from the internet (the zip was not unblocked " +
                "before it was extracted), and Windows PowerShell does not load such assemblies. Unblock them: " +
                $"Get-ChildItem -LiteralPath '{literal}' -Recurse | Unblock-File, then start a new PowerShell and import the module again.";
        }

        private static bool IsBlockedDownload(Exception failure)
        {
            for (var ex = failure; ex != null; ex = ex.InnerException)
            {
                if (ex.HResult == LoadFromRemoteSource) return true;
            }

            return false;
        }
    }
}
