using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// Delivers receipts to a loopback notifyUrl, so a test can receive webhooks without the network.
    /// Never posts anywhere else: the sandbox must not send traffic off the machine.
    /// </summary>
    internal sealed class SandboxReceiptPoster : IDisposable
    {
        // No proxy: a proxy would take loopback traffic off the machine, or fail to reach this machine's listener.
        private readonly HttpClient _client = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        private readonly List<Task> _pending = new List<Task>();
        // Ends the wait of receipts held for a scheduled message's sendAt when the sandbox goes (Disconnect-WebexConnect).
        private readonly CancellationTokenSource _disposed = new CancellationTokenSource();

        public static bool IsLoopbackUrl(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.IsLoopback;

        /// <summary>Posts <paramref name="receipts"/> to <paramref name="url"/>, after <paramref name="delay"/> when it is positive.</summary>
        /// <remarks>
        /// Held receipts (a scheduled message's, up to 7 days) are not waited for by <see cref="WhenIdleAsync"/>, and are
        /// dropped when the sandbox is disposed, as a run that ends before the sendAt would see none either.
        /// </remarks>
        public void Post(string url, IReadOnlyList<string> receipts, TimeSpan delay = default)
        {
            if (delay > TimeSpan.Zero)
            {
                _ = PostLaterAsync(url, receipts, delay);
                return;
            }
            var task = PostAllAsync(url, receipts);
            lock (_pending)
            {
                if (_pending.Count >= 256) _pending.RemoveAll(t => t.IsCompleted);
                _pending.Add(task);
            }
        }

        /// <summary>Completes when every receipt posted so far has been answered (or has failed).</summary>
        public Task WhenIdleAsync()
        {
            Task[] pending;
            lock (_pending) pending = _pending.ToArray();
            return Task.WhenAll(pending);
        }

        private async Task PostAllAsync(string url, IReadOnlyList<string> receipts)
        {
            // Yield first so the 201 is never held back by webhook delivery.
            await Task.Yield();
            foreach (var receipt in receipts)
            {
                try
                {
                    using (var content = new StringContent(receipt, Encoding.UTF8, "application/json"))
                    using (var response = await _client.PostAsync(url, content, CancellationToken.None).ConfigureAwait(false)) { }
                }
                catch (HttpRequestException)
                {
                    // A webhook receiver that is down loses receipts, as it would with the real service.
                }
                catch (TaskCanceledException)
                {
                }
            }
        }

        private async Task PostLaterAsync(string url, IReadOnlyList<string> receipts, TimeSpan delay)
        {
            try
            {
                await Task.Delay(delay, _disposed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Post(url, receipts);
        }

        public void Dispose()
        {
            _disposed.Cancel();
            _client.Dispose();
        }
    }
}
