using System;
using System.Threading;

namespace WebexConnect.Commands
{
    /// <summary>
    /// What a cmdlet's StopProcessing cancels: the token its requests and waits watch, released when the command is
    /// disposed. PowerShell calls StopProcessing on another thread (Ctrl+C, Stop-Job), and may do so once the command
    /// has been disposed: by then there is nothing left to stop, and a stop must not throw ObjectDisposedException on
    /// the thread that is stopping the pipeline.
    /// </summary>
    internal sealed class CommandStop : IDisposable
    {
        private readonly CancellationTokenSource _source = new CancellationTokenSource();

        public CancellationToken Token => _source.Token;

        public bool IsRequested => _source.IsCancellationRequested;

        /// <summary>Cancels the token; nothing when the command has been disposed already.</summary>
        public void Request()
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed: the command has ended.
            }
        }

        /// <summary>Waits until the stop is requested or the time is up; true when stopped.</summary>
        public bool Wait(TimeSpan time) => _source.Token.WaitHandle.WaitOne(time);

        public void Dispose() => _source.Dispose();
    }
}
