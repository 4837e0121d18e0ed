using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>What a send cmdlet does with the dispatcher: Add per row, write what is ready, Complete at the end.</summary>
    internal static class Runs
    {
        public static List<SendResult> Send(IEngineSession session, ConnectMessage message, IEnumerable<Recipient> recipients, string? journalPath = null)
        {
            using (var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = journalPath }, CancellationToken.None))
            {
                var results = new List<SendResult>();
                var row = 0;
                foreach (var recipient in recipients)
                {
                    row++;
                    dispatcher.Add(new DispatchItem(message, recipient, inputObject: row));
                    results.AddRange(dispatcher.TakeReady());
                }
                results.AddRange(dispatcher.Complete());
                return results;
            }
        }

        public static IEnumerable<Recipient> People(int count) => Enumerable.Range(1, count).Select(SmokeSamples.Person);

        /// <summary>Every row came back once, in input order, for its own destination and correlation ID.</summary>
        public static string? OrderProblem(IReadOnlyList<SendResult> results, int count)
        {
            if (results.Count != count) return results.Count + " results for " + count + " rows";
            for (var i = 0; i < count; i++)
            {
                var expected = SmokeSamples.Person(i + 1);
                var r = results[i];
                if (!(r.InputObject is int row) || row != i + 1) return "result " + (i + 1) + " carries input " + r.InputObject;
                if (r.Destination != expected.Addresses[0] || r.CorrelationId != expected.CorrelationId)
                    return "result " + (i + 1) + " is for " + r.Destination + "/" + r.CorrelationId;
            }
            return null;
        }

        public static string Statuses(IEnumerable<SendResult> results) =>
            string.Join(", ", results.GroupBy(r => r.Status + (r.Code is null ? "" : " " + r.Code))
                .Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key));

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
