using System;
using System.Globalization;
using System.Net;

namespace WebexConnect.Engine.Transport
{
    /// <summary>How one HTTP attempt ended, in the terms that decide what happens next.</summary>
    internal enum AttemptKind
    {
        /// <summary>2xx: accepted.</summary>
        Accepted,
        /// <summary>Not accepted and safe to send again: 429/7020, 503, 7006 (not with a 500/502/504), a failure before the body was written.</summary>
        Transient,
        /// <summary>May have been accepted: timeout or reset after the body was written, 500/502/504.</summary>
        Ambiguous,
        /// <summary>The user cancelled while the request was in flight after its body was written.</summary>
        Interrupted,
        /// <summary>A 4xx about one or more destinations: worth splitting a multi-recipient request.</summary>
        DestinationRejected,
        /// <summary>A 4xx about the shared part of the request: every destination is refused.</summary>
        Rejected,
        /// <summary>401/403 (or 7001/7002): the credential was refused.</summary>
        Unauthorized,
        /// <summary>7005/7019 request expired: a JWT session renews its token once; otherwise a rejection.</summary>
        Expired,
        /// <summary>A refusal that dooms every later request too (7007 service inactive, 7010 IP not allowed).</summary>
        SessionFatal,
        /// <summary>
        /// The proxy answered the tunnel request (CONNECT) with a refusal, 407 most often: the request never reached the
        /// service, and every later one would be refused the same way. Never retried: each retry would offer the proxy the
        /// same user name and password again, and a proxy that checks them against the directory counts each as a failed logon.
        /// </summary>
        ProxyRefused,
        /// <summary>Never sent: the TPS in force fell below the request's size before it left; resent in requests that fit.</summary>
        Oversized,
    }

    internal sealed class AttemptResult
    {
        private AttemptResult(AttemptKind kind, string? code, string what)
        {
            Kind = kind;
            Code = code;
            What = what;
        }

        public AttemptKind Kind { get; }

        /// <summary>The API code, the HTTP status, or ours ("Timeout", "ConnectionFailed", "ConnectionLost", "WebPage").</summary>
        public string? Code { get; }

        /// <summary>A short description of what happened, without any credential.</summary>
        public string What { get; }

        public ApiResponse? Response { get; private set; }

        /// <summary>The credential the request carried, for a renewal after a 401.</summary>
        public object? CredentialUsed { get; set; }

        /// <summary>The Code of a row whose 2xx answer was a web page, not the API's (see <see cref="ApiResponse.IsWebPage"/>).</summary>
        public const string WebPageCode = "WebPage";

        public static AttemptResult Transient(string code, string what) => new AttemptResult(AttemptKind.Transient, code, what);

        public static AttemptResult Ambiguous(string code, string what) => new AttemptResult(AttemptKind.Ambiguous, code, what);

        public static AttemptResult ProxyRefused(string what) => new AttemptResult(AttemptKind.ProxyRefused, "ProxyRefused", what);

        public static AttemptResult Oversized(int tps) =>
            new AttemptResult(AttemptKind.Oversized, "Oversized", "the TPS in force fell to " + tps.ToString(CultureInfo.InvariantCulture) + ", below the request's size")
            {
                TpsInForce = tps,
            };

        /// <summary>For <see cref="AttemptKind.Oversized"/> without <see cref="FitsNow"/>: the TPS in force, below the request's size.</summary>
        public int? TpsInForce { get; private set; }

        /// <summary>Sent back by a gate whose budget other processes share: <paramref name="fits"/> destinations go first.</summary>
        public static AttemptResult PartlyFits(int fits) =>
            new AttemptResult(AttemptKind.Oversized, "Oversized", "only " + fits.ToString(CultureInfo.InvariantCulture) +
                " destinations fit the TPS budget shared with other processes now")
            {
                FitsNow = fits,
            };

        /// <summary>For <see cref="AttemptKind.Oversized"/>: how many destinations to send first, when not a request of the gate's size.</summary>
        public int? FitsNow { get; private set; }

        public static AttemptResult Interrupted() =>
            new AttemptResult(AttemptKind.Interrupted, "Cancelled", "the run was cancelled while the request was in flight");

        /// <summary>Sorts a response by status and API code.</summary>
        public static AttemptResult From(ApiResponse response, System.Collections.Generic.IReadOnlyList<WebexConnect.Messages.Recipient> recipients)
        {
            var status = (int)response.Status;
            var code = response.Code;
            var http = status.ToString(CultureInfo.InvariantCulture);
            var detail = Describe(status, code, response.Message);

            AttemptResult Make(AttemptKind kind, string? c) => new AttemptResult(kind, c, detail) { Response = response };

            // A web page is never the service's answer, so its 2xx does not say the message was queued: the request went
            // to the wrong address or a proxy took it. That it went nowhere cannot be proven either, so it is Unknown.
            if (response.IsSuccess && response.IsWebPage)
            {
                return new AttemptResult(AttemptKind.Ambiguous, WebPageCode, WebPage(http)) { Response = response };
            }
            if (response.IsSuccess) return Make(AttemptKind.Accepted, null);
            switch (code)
            {
                case "7020": return Make(AttemptKind.Transient, code);
                // 7006 ("internal error, transient") is retried only when its status says nothing was taken in:
                // with a 500/502/504 the service may have queued the message before failing, like any 500.
                case "7006": return Make(status >= 500 && status != 503 ? AttemptKind.Ambiguous : AttemptKind.Transient, code);
                case "7007": return Make(AttemptKind.SessionFatal, code);
                case "7010": return Make(AttemptKind.SessionFatal, code);
                case "7005":
                case "7019": return Make(AttemptKind.Expired, code);
                case "7001":
                case "7002": return Make(AttemptKind.Unauthorized, code);
            }

            switch (response.Status)
            {
                case HttpStatusCode.Unauthorized:
                case HttpStatusCode.Forbidden:
                    return Make(AttemptKind.Unauthorized, code ?? http);
                case (HttpStatusCode)429:
                case HttpStatusCode.ServiceUnavailable:
                    return Make(AttemptKind.Transient, code ?? http);
            }

            if (status >= 300 && status < 400)
            {
                var location = response.Location is null ? "" : " to " + response.Location;
                return new AttemptResult(AttemptKind.Rejected, http,
                    "the service redirected" + location + " (HTTP " + http + "); redirects are not followed, so that the credentials go only to the host you connected to: if that address is right, connect to it with Connect-WebexConnect -BaseUri") { Response = response };
            }
            // A web site answers a POST to a path it does not have with its 404 or 405 page, a proxy refuses with its own:
            // "Rejected by the service: HTTP 404" sent the admin looking for what is wrong with the row.
            if (status >= 400 && status < 500 && response.IsWebPage)
                return new AttemptResult(AttemptKind.Rejected, code ?? http, WebPage(http)) { Response = response };
            if (status >= 400 && status < 500)
            {
                return Make(DestinationCodes.NamesDestination(code, response.Message, recipients) ? AttemptKind.DestinationRejected : AttemptKind.Rejected, code ?? http);
            }

            // 500, 502, 504 and anything else: the service may have queued it before failing to answer.
            return Make(AttemptKind.Ambiguous, code ?? http);
        }

        /// <summary>An answer that is a web page, which the API never sends: what it means and what to check.</summary>
        private static string WebPage(string http) =>
            "HTTP " + http + " with a web page, not the Messaging API's JSON: -BaseUri is a web site's address, or a proxy " +
            "answered for the service. Check Connect-WebexConnect -BaseUri (the API's root, such as https://api.eu.webexconnect.io/) " +
            "or use -Region, and the proxy; if the address was wrong, nothing reached Webex Connect";

        private static string Describe(int status, string? code, string? message)
        {
            var text = "HTTP " + status.ToString(CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(code)) text += " code " + code;
            if (!string.IsNullOrWhiteSpace(message)) text += ": " + message!.Trim();
            return text;
        }
    }
}
