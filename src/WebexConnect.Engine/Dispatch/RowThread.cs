using System;
using System.IO;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The thread that adds the rows (PowerShell's pipeline thread), asked from another thread whether it is runnable right
    /// now. Running or waiting for a CPU, it is producing the next row, however long that takes on a starved machine; asleep
    /// (Start-Sleep, Read-Host, a source waiting for its data), the input has paused.
    /// </summary>
    /// <remarks>
    /// Known on Linux, from the thread's state in /proc (R: running or runnable). Elsewhere (Windows, .NET Framework) it
    /// is not known, and the linger goes by its own clock alone (<see cref="InputPause"/>).
    /// </remarks>
    internal sealed class RowThread
    {
        // The adding thread only.
        private int _managedId = -1;

        // Written by the adding thread, read by the linger timer's.
        private volatile string? _statPath;

        /// <summary>Called by the thread that adds a row: that is the thread asked about.</summary>
        public void Adding()
        {
            var id = Environment.CurrentManagedThreadId;
            if (id == _managedId) return;
            _managedId = id;
            _statPath = StatPathOfCurrentThread();
        }

        /// <summary>True when the thread that added the last row is running or waiting for a CPU; false when asleep or not known.</summary>
        public bool IsRunnable()
        {
            var path = _statPath;
            if (path is null) return false;
            try
            {
                // "tid (name) S ...": the name may hold spaces and parentheses, the state follows the last ')'.
                var stat = File.ReadAllText(path);
                var end = stat.LastIndexOf(')');
                return end >= 0 && end + 2 < stat.Length && stat[end + 2] == 'R';
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static string? StatPathOfCurrentThread()
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsLinux()) return null;
            try
            {
                // /proc/thread-self links to "<pid>/task/<tid>" of the thread that reads it.
                var target = new DirectoryInfo("/proc/thread-self").LinkTarget;
                return target is null ? null : "/proc/" + target + "/stat";
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
#else
            return null;
#endif
        }
    }
}
