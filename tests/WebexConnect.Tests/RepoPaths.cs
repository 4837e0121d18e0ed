using System;
using System.IO;

namespace WebexConnect.Tests
{
    /// <summary>Finds the repository root from the test binaries, so tests run from any current directory.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string ModuleFolder => Path.Combine(Root, "out", "WebexConnect");

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "WebexConnect.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("WebexConnect.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
