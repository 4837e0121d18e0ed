using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace WebexConnect.Sending.Loading
{
    /// <summary>
    /// The assemblies the engine ships in dependencies/, read from the folder once, and the rule for when
    /// one of them may answer a load request: exact simple name, a version at least the requested one,
    /// the same public key token, and only for a request made by our own assemblies.
    /// </summary>
    internal sealed class DependencyAllowList
    {
        /// <summary>Never taken from dependencies/: the seam types and PowerShell's own types must stay shared.</summary>
        private static readonly HashSet<string> SharedWithHost = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "WebexConnect", "System.Management.Automation",
        };

        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly string _directory;

        public DependencyAllowList(string directory)
        {
            _directory = Path.GetFullPath(directory);
            foreach (var path in Directory.GetFiles(_directory, "*.dll"))
            {
                AssemblyName name;
                try
                {
                    name = AssemblyName.GetAssemblyName(path);
                }
                catch (BadImageFormatException)
                {
                    continue; // a native library: not ours to resolve
                }
                if (name.Name is null || SharedWithHost.Contains(name.Name)) continue;
                _entries[name.Name] = new Entry(name, path);
            }
        }

        /// <summary>The simple names this folder can answer for.</summary>
        public IEnumerable<string> Names => _entries.Keys;

        /// <summary>True when the folder holds an assembly with exactly this simple name (and it may be loaded from there).</summary>
        public bool Contains(string simpleName) => _entries.ContainsKey(simpleName);

        /// <summary>The path of an allowed file with exactly this simple name, whatever asked for it (used by the private load context).</summary>
        public string? PathOf(string simpleName) => _entries.TryGetValue(simpleName, out var entry) ? entry.Path : null;

        /// <summary>
        /// The file that may satisfy <paramref name="requested"/>, or null to leave the request to others.
        /// <paramref name="requestingName"/> and <paramref name="requestingLocation"/> describe the assembly that asked;
        /// <paramref name="moduleName"/> is the module assembly's simple name.
        /// </summary>
        public string? Resolve(AssemblyName requested, string? requestingName, string? requestingLocation, string moduleName)
        {
            if (requested?.Name is null || !IsOurs(requestingName, requestingLocation, moduleName)) return null;
            if (!_entries.TryGetValue(requested.Name, out var entry)) return null;
            if (requested.Version != null && entry.Name.Version != null && entry.Name.Version < requested.Version) return null;
            var wantedToken = requested.GetPublicKeyToken();
            if (wantedToken != null && wantedToken.Length > 0 && !SameBytes(wantedToken, entry.Name.GetPublicKeyToken()))
                return null;
            return entry.Path;
        }

        /// <summary>Ours: the module assembly, or an allowed assembly loaded from this very folder.</summary>
        public bool IsOurs(string? requestingName, string? requestingLocation, string moduleName)
        {
            if (requestingName is null) return false;
            if (string.Equals(requestingName, moduleName, StringComparison.OrdinalIgnoreCase)) return true;
            if (!_entries.ContainsKey(requestingName) || string.IsNullOrEmpty(requestingLocation)) return false;
            var folder = Path.GetDirectoryName(Path.GetFullPath(requestingLocation!));
            return string.Equals(folder, _directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                StringComparison.OrdinalIgnoreCase);
        }

        private static bool SameBytes(byte[] a, byte[]? b)
        {
            if (b is null || a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        private sealed class Entry
        {
            public Entry(AssemblyName name, string path)
            {
                Name = name;
                Path = path;
            }

            public AssemblyName Name { get; }
            public string Path { get; }
        }
    }
}
