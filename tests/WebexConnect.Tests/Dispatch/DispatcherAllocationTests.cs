using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>What adding a row costs the thread that adds it (the pipeline thread): counted bytes, not time.</summary>
    public class DispatcherAllocationTests
    {
        [Fact]
        public void RowsThatFillBatchOnBatchAddNoMoreThanTheirPlaceInTheBatch()
        {
            // One number a row: each batch closes when it holds exactly 1,000. Before, only a batch closed by the row that
            // would not fit counted as filled, so every next batch started with room for 4 and doubled its three lists up to
            // 1,024: about 130 bytes a row. Sized for a whole batch from the second one on: its place in them, about 64.
            const int rows = 20_000;
            var transport = new FakeTransport();
            // One shape for the one message, as the engine's cache of shapes gives it (TestShapes.Of makes one a call).
            var shape = TestShapes.Of(Items.Hello);
            using var dispatcher = new Dispatcher(transport, new OpenGate(1000), _ => shape, Items.Options(), CancellationToken.None, Items.NoLinger);
            var items = Enumerable.Range(1, rows).Select(row => Items.Person(row)).ToArray();
            var results = new List<SendResult>(rows);

            // Counted over the second half: the first rows also grow the tables of rows in flight, once a run. Each batch's
            // answers are taken before the next batch is read, so that a slow machine (answers late, more rows in flight)
            // does not grow those tables again in the half that is counted.
            long adding = 0;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < rows; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                dispatcher.Add(items[i]);
                if (i >= rows / 2) adding += GC.GetAllocatedBytesForCurrentThread() - before;
                results.AddRange(dispatcher.TakeReady());
                while ((i + 1) % 1000 == 0 && results.Count < i + 1 && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(1);
                    results.AddRange(dispatcher.TakeReady());
                }
            }
            results.AddRange(dispatcher.Complete());

            Assert.Equal(rows, results.Count);
            Assert.All(transport.Batches, batch => Assert.Equal(1000, batch.DestinationCount));
            var perRow = adding / (rows / 2);
            Assert.True(perRow < 100, $"Add took {perRow} bytes a row");
        }
    }
}
