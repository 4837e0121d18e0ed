using System;
using System.Linq;
using System.Threading.Tasks;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Diagnostics
{
    /// <summary>The queue between the engine's background threads and the cmdlet's pipeline thread.</summary>
    public class DiagnosticSinkTests
    {
        [Fact]
        public void Lines_come_out_once_oldest_first_with_their_level()
        {
            var sink = new DiagnosticSink();
            sink.Verbose("one");
            sink.Debug("two");
            sink.Warning("three");

            var taken = sink.TakeAll();

            Assert.Equal(new[] { "one", "two", "three" }, taken.Select(e => e.Message));
            Assert.Equal(new[] { DiagnosticLevel.Verbose, DiagnosticLevel.Debug, DiagnosticLevel.Warning }, taken.Select(e => e.Level));
            Assert.Empty(sink.TakeAll());
        }

        [Fact]
        public void When_the_pipeline_cannot_drain_the_oldest_lines_go_and_the_next_drain_says_how_many()
        {
            var sink = new DiagnosticSink(capacity: 3);
            for (var i = 1; i <= 10; i++) sink.Verbose("line " + i);

            var taken = sink.TakeAll();

            Assert.Equal(4, taken.Count);
            Assert.Contains("7 earlier diagnostic messages were dropped", taken[0].Message);
            Assert.Equal(new[] { "line 8", "line 9", "line 10" }, taken.Skip(1).Select(e => e.Message));
            Assert.Empty(sink.TakeAll());
        }

        [Fact]
        public void Concurrent_writers_lose_nothing_below_the_bound()
        {
            var sink = new DiagnosticSink(capacity: 100_000);

            Parallel.For(0, 8, writer =>
            {
                for (var i = 0; i < 2000; i++) sink.Debug(writer + ":" + i);
            });

            var taken = sink.TakeAll();
            Assert.Equal(16_000, taken.Count);
            Assert.Equal(16_000, taken.Select(e => e.Message).Distinct().Count());
            // Each writer's own lines keep their order.
            foreach (var group in taken.GroupBy(e => e.Message.Split(':')[0]))
                Assert.Equal(Enumerable.Range(0, 2000), group.Select(e => int.Parse(e.Message.Split(':')[1])));
        }

        [Fact]
        public void Each_line_carries_the_time_it_happened_not_the_time_it_was_drained()
        {
            var now = new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);
            var sink = new DiagnosticSink(now: () => now);
            sink.Verbose("early");
            now = now.AddMinutes(5);

            Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero), Assert.Single(sink.TakeAll()).At);
        }
    }
}
