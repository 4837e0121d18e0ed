using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// A send run against a strict tenant in simulated time (1 ms steps, a manual-clock gate): eight requests
    /// at most in flight, each arriving 1-3 ms after it leaves plus a random arrival jitter of 0-50 ms (the
    /// first one 90 ms: a cold process), answered after the latency with a millisecond requestTimestamp on a
    /// clock that is not ours. The tenant's view is every arrival: what it would count.
    /// </summary>
    internal sealed class ArrivalSimulation
    {
        private ArrivalSimulation(int mostInOneSecond, double share)
        {
            MostInOneSecond = mostInOneSecond;
            Share = share;
        }

        public int MostInOneSecond { get; }

        /// <summary>Destinations / (first-to-last arrival + 1 s) / TPS.</summary>
        public double Share { get; }

        public static ArrivalSimulation Run(int tps, TimeSpan latency, int seconds, int seed, int concurrency = 8, int coldMs = 90)
        {
            var random = new Random(seed);
            var serviceClock = TimeSpan.FromHours(-5) + TimeSpan.FromMilliseconds(random.NextDouble() * 1000);
            using var gate = RateGate.WithManualClock(tps);
            var remaining = (long)tps * seconds;
            var waiting = new List<(Task<RatePermit> Task, int Size)>();
            var flying = new List<(RatePermit Permit, TimeSpan Arrival, TimeSpan Answer, int Size)>();
            var arrivals = new List<(TimeSpan At, int Size)>();
            var first = true;
            var now = TimeSpan.Zero;
            while (remaining > 0 || waiting.Count > 0 || flying.Count > 0)
            {
                gate.AdvanceTo(now);
                for (var i = flying.Count - 1; i >= 0; i--)
                {
                    if (flying[i].Answer > now) continue;
                    flying[i].Permit.Answered(RateGateTests.Stamp(flying[i].Arrival + serviceClock));
                    flying.RemoveAt(i);
                }

                // As the dispatcher does: no more requests out than the gate finds worth having.
                var ahead = Math.Min(concurrency, gate.RequestsAhead);
                while (remaining > 0 && waiting.Count + flying.Count < ahead)
                {
                    var size = (int)Math.Min(gate.MaxBatchSize, remaining);
                    remaining -= size;
                    waiting.Add((gate.WaitAsync(size, CancellationToken.None).AsTask(), size));
                }

                for (var i = 0; i < waiting.Count; i++)
                {
                    if (!waiting[i].Task.IsCompleted) continue;
                    var toArrive = TimeSpan.FromMilliseconds(1 + random.NextDouble() * 2 + random.NextDouble() * 50 + (first ? coldMs : 0));
                    first = false;
                    var arrival = now + toArrive;
                    flying.Add((waiting[i].Task.Result, arrival, arrival + latency + TimeSpan.FromMilliseconds(1), waiting[i].Size));
                    arrivals.Add((arrival, waiting[i].Size));
                    waiting.RemoveAt(i--);
                }

                now += TimeSpan.FromMilliseconds(1);
                if (now > TimeSpan.FromSeconds(seconds * 3 + 10)) throw new TimeoutException("The simulated run did not finish.");
            }

            var ordered = arrivals.OrderBy(a => a.At).ToList();
            int most = 0, sum = 0, start = 0;
            for (var end = 0; end < ordered.Count; end++)
            {
                sum += ordered[end].Size;
                while (ordered[end].At - ordered[start].At >= TimeSpan.FromSeconds(1)) sum -= ordered[start++].Size;
                most = Math.Max(most, sum);
            }

            var span = (ordered[ordered.Count - 1].At - ordered[0].At).TotalSeconds;
            return new ArrivalSimulation(most, ordered.Sum(a => (long)a.Size) / (span + 1.0) / tps);
        }
    }
}
