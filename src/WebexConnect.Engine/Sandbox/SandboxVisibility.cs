using System.Runtime.CompilerServices;

// The loopback Kestrel host (tests/WebexConnect.Sandbox.Host) drives the internal SandboxServer.
[assembly: InternalsVisibleTo("WebexConnect.Sandbox.Host")]
