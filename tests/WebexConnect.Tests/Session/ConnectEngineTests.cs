using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Session
{
    /// <summary>How ConnectEngine assembles sessions from its parts (the parts themselves are tested in their own folders).</summary>
    public class ConnectEngineTests
    {
        private sealed class NullTransport : IBatchTransport
        {
            public Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();
        }

        private sealed class NullGate : IRateGate
        {
            public int MaxBatchSize => 1;
            public int Tps => 1;
            public ValueTask<RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken) => new ValueTask<RatePermit>(RatePermit.None);
            public void AdoptAnnouncedLimit(int tps) { }
            public void Refused(RatePermit permit, string code) { }
        }

        private sealed class CountingDisposable : IDisposable
        {
            public int Count { get; private set; }
            public void Dispose() => Count++;
        }

        private readonly List<string> _opened = new List<string>();
        private readonly CountingDisposable _resources = new CountingDisposable();
        private readonly List<SandboxRequest> _log = new List<SandboxRequest>();

        private ConnectEngine Engine() => new ConnectEngine(new EngineParts
        {
            OpenEndpoint = s => { _opened.Add("endpoint " + s.BaseUri); return new SessionParts(new NullTransport(), new NullGate(), _resources); },
            OpenSandbox = s => { _opened.Add("sandbox"); return new SessionParts(new NullTransport(), new NullGate(), _resources, () => _log); },
            CreateDispatcher = (parts, options, ct) => throw new InvalidOperationException("dispatcher built"),
        });

        [Fact]
        public void SandboxSettingsOpenTheSandbox_OthersTheEndpoint()
        {
            var engine = Engine();
            engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox });
            engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, BaseUri = new Uri("https://api.uk.webexconnect.io/") });
            Assert.Equal(new[] { "sandbox", "endpoint https://api.uk.webexconnect.io/" }, _opened);
        }

        [Fact]
        public void ARealEndpointHasNoSandboxRequests_TheSandboxShowsItsLog()
        {
            var engine = Engine();
            Assert.Empty(engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey }).SandboxRequests);
            var sandbox = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox });
            _log.Add(new SandboxRequest(1, DateTimeOffset.Now, "sms", 2, 201, null, "m-1", System.Text.Encoding.UTF8.GetBytes("{}"), null, "POST"));
            Assert.Equal("m-1", Assert.Single(sandbox.SandboxRequests).MessageId);
        }

        [Fact]
        public void DisposingReleasesTheTransportOnce_AndNoNewRunStartsAfterwards()
        {
            var session = Engine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox });
            Assert.Equal("dispatcher built",
                Assert.Throws<InvalidOperationException>(() => session.CreateDispatcher(new DispatchOptions(), CancellationToken.None)).Message);
            session.Dispose();
            session.Dispose();
            Assert.Equal(1, _resources.Count);
            Assert.Throws<ObjectDisposedException>(() => session.CreateDispatcher(new DispatchOptions(), CancellationToken.None));
        }
    }
}
