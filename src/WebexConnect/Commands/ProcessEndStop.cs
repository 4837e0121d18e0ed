using System;
using System.Collections.Generic;
using System.Threading;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Stops the send runs still going when the process is told to end (SIGTERM: `kill`, systemd, a container's stop), as
    /// Ctrl+C would, and gives each a moment to say where it stopped. Before, such an end left no trace in the log: pwsh ends
    /// at SIGTERM without stopping any pipeline or raising ProcessExit (measured in 7.6.10), so the run never learned it was
    /// over, and its last word ("was stopped ... after the result of row N") was never written. The process still ends as
    /// SIGTERM ends it (exit code 143): this only holds that end back until the runs have said so, at most
    /// <see cref="SayingTime"/>. Rows already accepted need nothing of this: the journal flushes each line to disk as it
    /// writes it. A process killed outright (Task Scheduler's "End" on Windows, SIGKILL) runs no code at all, and Windows
    /// PowerShell 5.1 has no SIGTERM: nothing can be said then.
    /// </summary>
    internal static class ProcessEndStop
    {
        /// <summary>How long the process's end waits for the runs it stopped to say so: bounded, as the end must not hang.</summary>
        internal static readonly TimeSpan SayingTime = TimeSpan.FromSeconds(3);

        private static readonly object Gate = new object();
        private static readonly List<Registration> Running = new List<Registration>();
        private static bool _hooked;

        /// <summary>Stops <paramref name="stop"/> if the process ends before the registration is disposed (the command's end).</summary>
        public static IDisposable Register(CommandStop stop)
        {
            var registration = new Registration(stop);
            lock (Gate)
            {
                if (!_hooked) Hook();
                _hooked = true;
                Running.Add(registration);
            }
            return registration;
        }

#if NET
        // Kept: a registration collected is a handler gone.
        private static System.Runtime.InteropServices.PosixSignalRegistration? _termination;

        private static void Hook()
        {
            try
            {
                // Not cancelled in the handler: the process ends as SIGTERM asks, once the runs have said they stopped.
                _termination = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => StopAndWait());
            }
            catch (PlatformNotSupportedException)
            {
                // No SIGTERM here (Windows): nothing to hold back.
            }
        }
#else
        private static void Hook()
        {
            // .NET Framework: no signal to hook; Windows ends a task's process outright.
        }
#endif

        /// <summary>Stops every run going, then waits (at most <see cref="SayingTime"/> in all) until each has said so and ended.</summary>
        internal static void StopAndWait()
        {
            Registration[] running;
            lock (Gate) running = Running.ToArray();
            if (running.Length == 0) return;
            foreach (var run in running) run.Stop.Request();
            var deadline = DateTime.UtcNow + SayingTime;
            foreach (var run in running)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !run.Ended.Wait(left)) return;
            }
        }

        private sealed class Registration : IDisposable
        {
            public Registration(CommandStop stop) => Stop = stop;

            public CommandStop Stop { get; }

            /// <summary>Set when the command has said its last word and released its run. Never disposed: the process's end may still wait on it.</summary>
            public ManualResetEventSlim Ended { get; } = new ManualResetEventSlim();

            public void Dispose()
            {
                lock (Gate) Running.Remove(this);
                Ended.Set();
            }
        }
    }
}
