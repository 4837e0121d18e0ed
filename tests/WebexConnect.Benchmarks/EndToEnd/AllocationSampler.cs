using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Which types a run allocates, from the runtime's own GCAllocationTick events (one roughly every 100 KB,
    /// naming the type that crossed the mark): the in-process equivalent of `dotnet-trace --profile gc-verbose`.
    /// A sample, so shares under a percent or two are noise.
    /// </summary>
    internal sealed class AllocationSampler : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentDictionary<string, long> _bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
            var names = eventData.PayloadNames;
            var payload = eventData.Payload;
            if (names is null || payload is null) return;
            var typeAt = names.IndexOf("TypeName");
            var amountAt = names.IndexOf("AllocationAmount64");
            if (typeAt < 0 || amountAt < 0) return;
            var amount = Convert.ToInt64(payload[amountAt], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(payload[typeAt] as string ?? "?", amount, (_, sum) => sum + amount);
        }

        /// <summary>The types with the largest share of the sampled bytes, largest first.</summary>
        public IReadOnlyList<(string Type, double Share)> Top(int count)
        {
            var total = (double)Math.Max(1, _bytes.Values.Sum());
            return _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (Shorten(p.Key), p.Value / total)).ToList();
        }

        private static string Shorten(string type) =>
            type.Replace("System.Collections.Generic.", "").Replace("WebexConnect.", "").Replace("System.", "");
    }
}
