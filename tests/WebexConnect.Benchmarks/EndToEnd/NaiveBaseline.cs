using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>What the naive loop achieved.</summary>
    internal sealed class NaiveRunResult
    {
        public long Sent { get; set; }
        public long Accepted { get; set; }
        public TimeSpan Elapsed { get; set; }
        public double DestinationsPerSecond => Elapsed > TimeSpan.Zero ? Sent / Elapsed.TotalSeconds : 0;
    }

    /// <summary>
    /// What a user writes without the module: foreach row, one POST with one destination, wait for the answer,
    /// next row (an Invoke-RestMethod loop). Given every advantage: one kept-alive connection and bodies from
    /// our own writer, so the gap measured is batching and concurrency, not JSON or connection set-up.
    /// </summary>
    internal static class NaiveBaseline
    {
        public static async Task<NaiveRunResult> RunAsync(Uri messagesUri, KeyValuePair<string, string> authorization, PersonalisedSend send,
            long count, TimeSpan maxDuration,
            CancellationToken cancellation = default)
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
            var shape = MessageShape.Of(send.Message);
            var result = new NaiveRunResult();
            var one = new Recipient[1];
            var clock = Stopwatch.StartNew();
            for (long row = 0; row < count && clock.Elapsed < maxDuration; row++)
            {
                one[0] = send.RecipientAt(row);
                using var request = new HttpRequestMessage(HttpMethod.Post, messagesUri)
                {
                    Content = new ByteArrayContent(PayloadWriter.Write(shape, one)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(authorization.Key, authorization.Value);
                using var response = await client.SendAsync(request, cancellation).ConfigureAwait(false);
                result.Sent++;
                if (response.StatusCode == HttpStatusCode.Created || response.IsSuccessStatusCode) result.Accepted++;
            }

            clock.Stop();
            result.Elapsed = clock.Elapsed;
            return result;
        }
    }
}
