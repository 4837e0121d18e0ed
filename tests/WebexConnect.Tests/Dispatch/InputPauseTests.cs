using System;
using System.Threading;
using WebexConnect.Engine.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// The linger rule on a starved machine: a quiet pipeline sends its partial batches when the input paused, not when
    /// this process did not run. The tests set the linger's clock and tick it themselves, late or on time.
    /// </summary>
    public class InputPauseTests
    {
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

        private static readonly Func<bool> Asleep = () => false;

        /// <summary>A dispatcher whose linger (50 ms, a tick every 25 ms) reads <see cref="Now"/>, set by the test.</summary>
        private sealed class ManualLinger : IDisposable
        {
            public ManualLinger(int rows)
            {
                Dispatcher = new Dispatcher(Transport, new OpenGate(100), TestShapes.Of, Items.Options(), CancellationToken.None,
                    new DispatcherTuning(linger: TimeSpan.FromMilliseconds(50), lingerClock: () => Now, rowThreadRunnable: () => RowThreadRunnable));
                for (var row = 1; row <= rows; row++) Dispatcher.Add(Items.Person(row));
            }

            public FakeTransport Transport { get; } = new FakeTransport();

            public Dispatcher Dispatcher { get; }

            public TimeSpan Now { get; private set; }

            /// <summary>Whether the pipeline thread is running or waiting for a CPU (producing the next row): asleep unless set.</summary>
            public bool RowThreadRunnable { get; set; }

            /// <summary>Rows handed to the transport: counted as the tick sends them, before the request leaves.</summary>
            public long Sent => Dispatcher.Progress.Submitted;

            public void TickAt(int ms)
            {
                Now = TimeSpan.FromMilliseconds(ms);
                Dispatcher.TickLinger();
            }

            /// <summary>Ticks every <paramref name="step"/> ms from then until before <paramref name="until"/> ms.</summary>
            public void TickEvery(int step, int until)
            {
                for (var ms = step; ms < until; ms += step) TickAt(ms);
            }

            public void Add(int row) => Dispatcher.Add(Items.Person(row));

            public void Dispose() => Dispatcher.Dispose();
        }

        [Fact]
        public void AQuietPipelineOnAMachineThatRunsItOnTimeSendsItsPartialBatchAfter50Ms()
        {
            using var run = new ManualLinger(rows: 3);

            run.TickAt(25);
            Assert.Equal(0, run.Sent);
            run.TickAt(50);
            Assert.Equal(3, run.Sent);
            Assert.True(SpinWait.SpinUntil(() => run.Transport.Calls == 1, Generous));
        }

        [Fact]
        public void ATickThatComesLateDoesNotSendThePartialBatchThoughNoRowCameSinceItWasDue()
        {
            // Load 50 on 2 cores: the timer (and the pipeline thread) waited 100-250 ms for a CPU, and each such tick found
            // the pipeline quiet for longer than 50 ms and sent every part-full batch: 1,000 rows of 40 messages went in 454
            // requests instead of 40. The quiet of a late tick is the process not running, not the input pausing.
            using var run = new ManualLinger(rows: 3);

            run.TickAt(25);
            run.TickAt(300);
            Assert.Equal(0, run.Sent);
            run.Add(4);
            run.TickAt(325);
            run.TickAt(500);
            run.TickAt(700);
            Assert.Equal(0, run.Sent);

            // Then the process runs on time again: 50 ms of quiet it saw itself is a pause.
            run.TickAt(725);
            Assert.Equal(0, run.Sent);
            run.TickAt(750);
            Assert.Equal(4, run.Sent);
            Assert.True(SpinWait.SpinUntil(() => run.Transport.Calls == 1, Generous));
            Assert.Equal(4, run.Transport.Batches[0].Recipients.Count);
        }

        [Fact]
        public void ARealPauseOnAMachineWhoseTimerIsNeverOnTimeStillSendsAfterASecond()
        {
            // Read-Host (or Start-Sleep) between rows while a backup keeps the machine busy: each row still goes before the next.
            using var run = new ManualLinger(rows: 1);

            run.TickEvery(200, until: 1000);
            Assert.Equal(0, run.Sent);
            run.TickAt(1000);
            Assert.Equal(1, run.Sent);
        }

        [Fact]
        public void AQuietWhileThePipelineThreadRunsOrWaitsForACpuIsNoPauseThoughTheTimerWasOnTime()
        {
            // The timer can be on time while the pipeline thread is not: Linux wakes the sleeping timer ahead of a thread that
            // used its share, and at load 50 the pipeline thread waited for a CPU while the on-time ticks sent every batch.
            using var run = new ManualLinger(rows: 3) { RowThreadRunnable = true };

            run.TickEvery(25, until: 525);
            Assert.Equal(0, run.Sent);

            // Asleep (Start-Sleep, Read-Host): the input paused, and 50 ms of it on time sends the batch.
            run.RowThreadRunnable = false;
            run.TickAt(525);
            Assert.Equal(0, run.Sent);
            run.TickAt(550);
            Assert.Equal(3, run.Sent);
        }

        [Fact]
        public void AnUpstreamThatComputesForLongerThanASecondStillHasItsRowSent()
        {
            // The pipeline thread busy all along (a slow computed column, a recursive Get-ChildItem): a slow source still gets
            // each row sent about a second after it came.
            using var run = new ManualLinger(rows: 1) { RowThreadRunnable = true };

            run.TickEvery(25, until: 1000);
            Assert.Equal(0, run.Sent);
            run.TickAt(1000);
            Assert.Equal(1, run.Sent);
        }

        [Fact]
        public void OnLinuxThePipelineThreadIsRunnableWhileItComputesAndNotWhileItWaits()
        {
            if (!OperatingSystem.IsLinux()) return;
            var rowThread = new RowThread();
            using var added = new ManualResetEventSlim();
            using var wake = new ManualResetEventSlim();
            var spin = 1;
            var pipeline = new Thread(() =>
            {
                rowThread.Adding();
                added.Set();
                wake.Wait();
                while (Volatile.Read(ref spin) == 1) Thread.SpinWait(100);
            }) { IsBackground = true };
            pipeline.Start();
            added.Wait(Generous);

            // Asleep in a wait, as in Read-Host or Start-Sleep.
            Assert.True(SpinWait.SpinUntil(() => !rowThread.IsRunnable(), Generous));
            wake.Set();
            // Spinning: running, or waiting for a CPU on a busy machine; R either way.
            Assert.True(SpinWait.SpinUntil(rowThread.IsRunnable, Generous));
            Volatile.Write(ref spin, 0);
            pipeline.Join();
        }

        [Fact]
        public void TheQuietCountsFromTheLastRowWhenThatCameAfterTheLateTick()
        {
            var pause = new InputPause(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(25), TimeSpan.Zero);

            Assert.False(pause.HasPaused(TimeSpan.FromMilliseconds(200), lastRow: TimeSpan.FromMilliseconds(10), Asleep));
            Assert.False(pause.HasPaused(TimeSpan.FromMilliseconds(240), lastRow: TimeSpan.FromMilliseconds(210), Asleep));
            Assert.False(pause.HasPaused(TimeSpan.FromMilliseconds(255), lastRow: TimeSpan.FromMilliseconds(210), Asleep));
            Assert.True(pause.HasPaused(TimeSpan.FromMilliseconds(260), lastRow: TimeSpan.FromMilliseconds(210), Asleep));
        }

        [Fact]
        public void ATickUpToAPeriodLateIsOnTime()
        {
            // Windows ticks a 25-ms timer at its 15.6-ms clock: 31 ms apart, sometimes 47. Those still make a pause at 50 ms.
            var pause = new InputPause(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(25), TimeSpan.Zero);

            Assert.False(pause.HasPaused(TimeSpan.FromMilliseconds(31), lastRow: TimeSpan.Zero, Asleep));
            Assert.True(pause.HasPaused(TimeSpan.FromMilliseconds(78), lastRow: TimeSpan.Zero, Asleep));
        }
    }
}
