using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Diagnostics
{
    /// <summary>
    /// Drives a send run the way SendCommandBase does (Add, TakeReady and TakeDiagnostics after each record,
    /// then Complete) and keeps everything the cmdlet would write: results, diagnostics and the failure.
    /// </summary>
    internal sealed class EngineRun
    {
        public static readonly SmsMessage Greeting = new SmsMessage { From = "ACME", Text = "Hi $(Name), your code is ready." };

        private EngineRun()
        {
        }

        public List<SendResult> Results { get; } = new List<SendResult>();

        public List<DiagnosticEntry> Diagnostics { get; } = new List<DiagnosticEntry>();

        public Exception? Failure { get; private set; }

        /// <summary>Where the run's time went, read after its last result as the cmdlet reads it.</summary>
        public DispatchPace? Pace { get; private set; }

        public IEnumerable<string> Lines(DiagnosticLevel level) => Diagnostics.Where(d => d.Level == level).Select(d => d.Message);

        /// <summary>Every line, one per row, for assertion messages.</summary>
        public string Transcript => string.Join(Environment.NewLine, Diagnostics);

        public static Recipient Person(int i) => new Recipient("+4477009" + i.ToString("00000"), "row-" + i,
            new Dictionary<string, string> { ["Name"] = "Person " + i });

        public static EngineRun Send(IEngineSession session, int count, DispatchOptions? options = null) =>
            Send(session, Enumerable.Range(1, count).Select(Person), options);

        /// <param name="messageOf">Each row's own message (a text per row), in place of <paramref name="message"/>.</param>
        public static EngineRun Send(IEngineSession session, IEnumerable<Recipient> recipients, DispatchOptions? options = null, ConnectMessage? message = null,
            Func<Recipient, ConnectMessage>? messageOf = null)
        {
            var run = new EngineRun();
            using var dispatcher = session.CreateDispatcher(options ?? new DispatchOptions(), CancellationToken.None);
            try
            {
                var row = 0;
                foreach (var recipient in recipients)
                {
                    dispatcher.Add(new DispatchItem(messageOf?.Invoke(recipient) ?? message ?? Greeting, recipient, inputObject: ++row));
                    run.Results.AddRange(dispatcher.TakeReady());
                    run.Diagnostics.AddRange(dispatcher.TakeDiagnostics());
                }

                foreach (var result in dispatcher.Complete())
                {
                    run.Results.Add(result);
                    run.Diagnostics.AddRange(dispatcher.TakeDiagnostics());
                }

                run.Pace = dispatcher.Pace;
            }
            catch (Exception ex) when (ex is SessionFailureException || ex is InvalidOperationException)
            {
                run.Failure = ex;
            }

            run.Diagnostics.AddRange(dispatcher.TakeDiagnostics());
            return run;
        }

    }
}
