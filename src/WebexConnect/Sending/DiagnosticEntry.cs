using System;

namespace WebexConnect.Sending
{
    /// <summary>Which PowerShell stream a diagnostic line belongs on.</summary>
    internal enum DiagnosticLevel
    {
        /// <summary>What happens, for -Verbose: batches sent, retries, waits, limits adopted.</summary>
        Verbose,

        /// <summary>Finer detail for -Debug: batches handed over, time spent waiting for the rate gate.</summary>
        Debug,

        /// <summary>Something the admin should act on although the run goes on (the circuit opened).</summary>
        Warning,
    }

    /// <summary>
    /// One line the engine wants to tell the admin. The engine queues it from background threads; the
    /// cmdlet writes it on the pipeline thread (IDispatcher.TakeDiagnostics), since only that thread may
    /// write. The text never carries a credential.
    /// </summary>
    internal sealed class DiagnosticEntry
    {
        public DiagnosticEntry(DiagnosticLevel level, string message, DateTimeOffset at)
        {
            Level = level;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            At = at;
        }

        public DiagnosticLevel Level { get; }

        public string Message { get; }

        /// <summary>When it happened, which may be well before the pipeline thread gets to write it.</summary>
        public DateTimeOffset At { get; }

        /// <inheritdoc />
        public override string ToString() => Level + ": " + Message;
    }
}
