namespace WebexConnect.Engine.Dispatch
{
    /// <summary>Why a batch goes when it does: what -Debug says as it is handed to the transport (RunDiagnostics.Handed).</summary>
    internal enum BatchReason
    {
        /// <summary>It holds as many destinations as a request may, or the next row would not fit.</summary>
        Full,

        /// <summary>The open batches held the rows of <see cref="DispatcherTuning.HeldSeconds"/> of the TPS: the oldest goes.</summary>
        HeldRows,

        /// <summary>No row came for <see cref="DispatcherTuning.Linger"/> (the linger timer's tick).</summary>
        InputPaused,

        /// <summary>Finished results waited for its rows' (<see cref="DispatcherTuning.MaxWaitingResults"/>).</summary>
        ResultsWaiting,

        /// <summary>The input ended.</summary>
        InputEnded,
    }
}
