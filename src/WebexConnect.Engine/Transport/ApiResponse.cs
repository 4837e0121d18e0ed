using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// What one HTTP response said, read tolerantly: the body's declared charset (the service may label it
    /// ISO-8859-1), fields that may be strings or numbers, a non-JSON or empty body, and the rate headers.
    /// </summary>
    internal sealed class ApiResponse
    {
        public HttpStatusCode Status { get; private set; }
        public string? MessageId { get; private set; }
        public DateTimeOffset? RequestTimestamp { get; private set; }
        public string? ResponseStatus { get; private set; }
        /// <summary>The answer's code, its control and bidi characters escaped (see <see cref="Shown"/>).</summary>
        public string? Code { get; private set; }
        /// <summary>The answer's message (or description), its control and bidi characters escaped (see <see cref="Shown"/>).</summary>
        public string? Message { get; private set; }
        public TimeSpan? RetryAfter { get; private set; }
        public Uri? Location { get; private set; }
        public int? RateLimitLimit { get; private set; }
        public int? RateLimitRemaining { get; private set; }
        public IReadOnlyDictionary<string, string> QuotaHeaders { get; private set; } = EmptyHeaders;

        public bool IsSuccess => (int)Status >= 200 && (int)Status <= 299;

        private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();

        /// <summary>
        /// The most of a body that is read. The service's answers are a few hundred bytes; a proxy's error page or a
        /// misbehaving server may send megabytes (a 201 of 200 MB once cost 5 GB), and what the row becomes is decided by
        /// the status code anyway. A longer body is left unread and its JSON not parsed.
        /// </summary>
        internal const int MaxBodyBytes = 64 * 1024;

        /// <summary>The body was longer than <see cref="MaxBodyBytes"/>, or broke off, stalled or could not be decompressed after the headers: only the status code and headers count.</summary>
        public bool BodyCut { get; private set; }

        /// <summary>
        /// The body is a web page (labelled text/html, or markup under another label), which the Messaging API never
        /// answers with: the address is a web site's (the Webex Connect portal, a company site) or a proxy, captive
        /// portal or firewall answered in the service's place. Such a 2xx says nothing about the message.
        /// </summary>
        public bool IsWebPage { get; private set; }

        /// <summary>Reads a response sent with HttpCompletionOption.ResponseHeadersRead: headers whole, the body up to <see cref="MaxBodyBytes"/>.</summary>
        public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var parsed = new ApiResponse { Status = response.StatusCode };
            var (bytes, length, cut) = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            parsed.BodyCut = cut;
            var contentType = response.Content.Headers.ContentType;
            // Part of a JSON document is no JSON document: parsing it would only find that out, at the cost of the bytes read.
            var text = cut ? null : Decode(bytes, length, contentType?.CharSet);
            parsed.IsWebPage = IsWebPageBody(contentType?.MediaType, text);
            if (text is not null) parsed.ReadBody(text);
            parsed.ReadHeaders(response, now);
            return parsed;
        }

        private static async Task<(byte[] Bytes, int Length, bool Cut)> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
        {
            // A declared length over the limit is not even started on.
            if (content.Headers.ContentLength is long declared && declared > MaxBodyBytes) return (Array.Empty<byte>(), 0, true);
            var buffer = new byte[Math.Min(MaxBodyBytes + 1, (int)(content.Headers.ContentLength ?? 1024) + 1)];
            var length = 0;
            try
            {
#if NET8_0_OR_GREATER
                using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > MaxBodyBytes) return (buffer, length, true);
                        Array.Resize(ref buffer, Math.Min(MaxBodyBytes + 1, buffer.Length * 2));
                    }
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) return (buffer, length, false);
                    length += read;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is OperationCanceledException || ex is InvalidDataException)
            {
                // The headers arrived, so the server answered: a body broken off is read as the status code alone. So is one
                // that stalled until the attempt's timeout (or the run's stop) ended its read: before, that made a 202 an
                // Unknown row "with no response within 30 s", and a 400 one too, under an answer that had arrived. And so is
                // one that is not the gzip or deflate its Content-Encoding names (a proxy's label): the decompression's
                // InvalidDataException, no IOException, escaped the transport and stopped the run after a 202.
                return (buffer, length, true);
            }
        }

        /// <summary>
        /// Whether an answer is a web page (see <see cref="IsWebPage"/>): by its label, or by a body that is markup whatever
        /// its label says; <paramref name="body"/> is null when it was not read whole. The send and the lookup both ask this.
        /// </summary>
        internal static bool IsWebPageBody(string? mediaType, string? body) => IsHtml(mediaType) || (body is not null && StartsWithMarkup(body));

        /// <summary>text/html or application/xhtml+xml: a page for a browser, never the API's JSON.</summary>
        private static bool IsHtml(string? mediaType) =>
            mediaType is not null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>A body that opens with a tag ("&lt;!DOCTYPE html&gt;", "&lt;html&gt;", "&lt;?xml"): markup, whatever its label says.</summary>
        private static bool StartsWithMarkup(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
                return c == '<';
            }
            return false;
        }

        /// <summary>Decodes by the declared charset; UTF-8 when there is none or it is unknown.</summary>
        internal static string Decode(byte[] bytes, string? charset) => Decode(bytes, bytes.Length, charset);

        internal static string Decode(byte[] bytes, int length, string? charset)
        {
            var encoding = Encoding.UTF8;
            if (!string.IsNullOrWhiteSpace(charset))
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset!.Trim().Trim('"'));
                }
                catch (ArgumentException)
                {
                    encoding = Encoding.UTF8;
                }
            }

            return encoding.GetString(bytes, 0, length);
        }

        private void ReadBody(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object) return;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!TryRead(property, out var name, out var value)) continue;
                    switch (name.ToLowerInvariant())
                    {
                        case "messageid": MessageId = value; break;
                        case "status": ResponseStatus = value; break;
                        case "code": Code = Shown(value); break;
                        case "message": Message = Shown(value); break;
                        case "description": Message ??= Shown(value); break;
                        case "requesttimestamp":
                            if (value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at))
                            {
                                RequestTimestamp = at;
                            }
                            break;
                    }
                }
            }
            catch (JsonException)
            {
                // A proxy's HTML error page or a truncated body: the status code still tells what happened.
            }
        }

        /// <summary>
        /// The service's words as one printed line (InputEcho.OneLine): they become a result's Code and Reason, which the
        /// default table prints as they are, and the text of the error and verbose lines. Before, an ESC sequence or a
        /// U+202E in an answer's message (a proxy's, or a service fault's) re-coloured the admin's console or turned the
        /// rest of the Reason backwards. A genuine code or message holds none of these characters and is kept as it is.
        /// </summary>
        private static string? Shown(string? value) => value is null ? null : InputEcho.OneLine(value);

        /// <summary>
        /// A field's name and value, or false when either is a string with half a UTF-16 surrogate pair ("\ud83d", an emoji
        /// cut in two by a server that shortens its text): valid JSON, which System.Text.Json parses and refuses only when the
        /// string is read, with an InvalidOperationException. Before, that escaped the transport from the service's 202 and
        /// stopped the run; now that field alone is left out, and the status code and the other fields decide as ever.
        /// </summary>
        private static bool TryRead(JsonProperty property, out string name, out string? value)
        {
            try
            {
                name = property.Name;
                value = Scalar(property.Value);
                return true;
            }
            catch (InvalidOperationException)
            {
                name = "";
                value = null;
                return false;
            }
        }

        private static string? Scalar(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        private void ReadHeaders(HttpResponseMessage response, DateTimeOffset now)
        {
            RateLimitLimit = IntHeader(response, "x-rate-limit-limit");
            RateLimitRemaining = IntHeader(response, "x-rate-limit-remaining");

            Dictionary<string, string>? quota = null;
            foreach (var header in response.Headers)
            {
                if (header.Key.StartsWith("x-quota-limit", StringComparison.OrdinalIgnoreCase))
                {
                    (quota ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[header.Key.ToLowerInvariant()] = string.Join(",", header.Value);
                }
            }

            if (quota is not null) QuotaHeaders = quota;

            Location = response.Headers.Location;
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is { } delta) RetryAfter = delta;
            else if (retryAfter?.Date is { } date) RetryAfter = date - now > TimeSpan.Zero ? date - now : TimeSpan.Zero;
        }

        private static int? IntHeader(HttpResponseMessage response, string name)
        {
            if (!response.Headers.TryGetValues(name, out var values)) return null;
            var first = values.FirstOrDefault();
            return int.TryParse(first?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }
}
