using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>Counts the rate gate's calls, so tests can see that every attempt waited for its budget.</summary>
    internal sealed class RecordingGate : IRateGate
    {
        private int _waits;
        private int _destinations;

        public int MaxBatchSize => 1000;
        public int Tps => 10000;
        public int Waits => _waits;
        public int Destinations => _destinations;
        public List<int> Adopted { get; } = new();

        public List<string> Refusals { get; } = new();

        public ValueTask<RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _waits);
            Interlocked.Add(ref _destinations, destinations);
            return new ValueTask<RatePermit>(RatePermit.None);
        }

        public void Refused(RatePermit permit, string code)
        {
            lock (Refusals) Refusals.Add(code);
        }

        public void AdoptAnnouncedLimit(int tps)
        {
            lock (Adopted) Adopted.Add(tps);
        }
    }

    /// <summary>A clock the tests move by hand.</summary>
    internal sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

        /// <summary>Added to Now at every reading, so successive tokens differ.</summary>
        public TimeSpan Tick { get; set; }

        public override DateTimeOffset GetUtcNow()
        {
            var now = Now;
            Now += Tick;
            return now;
        }
    }

    /// <summary>Builds batches, bodies and transports for the loopback tests.</summary>
    internal static class TransportHarness
    {
        public const string ServiceKey = "sk-7f3a9c1e-KEY-MUST-NOT-LEAK";

        public static MessageShape Shape(ConnectMessage message) => MessageShape.Of(message);

        public static OutgoingBatch Batch(params string[] numbers) => Batch(new SmsMessage { From = "ACME", Text = "hi", Encoding = SmsEncoding.Text }, numbers);

        public static OutgoingBatch Batch(ConnectMessage message, params string[] numbers) =>
            new OutgoingBatch(Shape(message), numbers.Select(n => new Recipient(n)).ToArray(), 1);

        public static string[] Numbers(int count) => Enumerable.Range(1, count).Select(i => "+4477009000" + i.ToString("00")).ToArray();

        /// <summary>The production body writer, so the loopback server receives real v2 JSON.</summary>
        public static IPayloadSource Payload => V2PayloadSource.Instance;

        /// <summary>The numbers a received body carried, in order.</summary>
        public static string[] NumbersIn(ReceivedRequest request)
        {
            using var doc = JsonDocument.Parse(request.Body);
            return doc.RootElement.GetProperty("to").EnumerateArray()
                .SelectMany(d => d.GetProperty("msisdn").EnumerateArray().Select(e => e.GetString()!)).ToArray();
        }

        /// <param name="connectTimeout">The connect timeout of the client <see cref="NewTransport"/> makes; null for the module's.</param>
        public static TransportOptions FastOptions(int maxAttempts = 3, bool resendAmbiguous = false, TimeSpan? timeout = null, int circuit = 100,
            TimeSpan? connectTimeout = null) => new()
        {
            ConnectTimeout = connectTimeout ?? ConnectHttpClientFactory.ConnectTimeout,
            MaxAttempts = maxAttempts,
            BaseBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(50),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            ResendAmbiguous = resendAmbiguous,
            CircuitThreshold = circuit,
            CircuitBreak = TimeSpan.FromMinutes(10),
        };

        public static BatchTransport NewTransport(Uri baseUri, IRateGate gate, TransportOptions? options = null, IRequestCredential? credential = null) =>
            new(ConnectHttpClientFactory.Create(baseUri, connectTimeout: options?.ConnectTimeout), credential ?? new ServiceKeyCredential(Secure(ServiceKey)), gate, Payload, options ?? FastOptions());
    }
}
