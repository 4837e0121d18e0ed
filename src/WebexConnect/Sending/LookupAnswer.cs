using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What GET /v2/messages/{messageId} came back with, across the seam: the HTTP status and the JSON body as a
    /// plain tree (IConnectEngine.ReadJson's shape), or why no answer came. Read by Get-ConnectMessage and
    /// Test-WebexConnect.
    /// </summary>
    internal sealed class LookupAnswer
    {
        private LookupAnswer(int statusCode, object? body, string? failure, TimeSpan elapsed, bool isWebPage = false, bool timedOut = false)
        {
            TimedOut = timedOut;
            IsWebPage = isWebPage;
            StatusCode = statusCode;
            Body = body;
            Failure = failure;
            Elapsed = elapsed;
        }

        /// <summary>An answer came: its status, its body as a JSON tree, how long it took, and whether it was a web page (<see cref="IsWebPage"/>).</summary>
        public static LookupAnswer Answered(int statusCode, object? body, TimeSpan elapsed, bool isWebPage = false) =>
            new LookupAnswer(statusCode, body, null, elapsed, isWebPage);

        /// <summary>No answer came: why (Failure), how long it took, and whether the session's timeout ran out (<see cref="TimedOut"/>).</summary>
        public static LookupAnswer NoAnswer(string failure, TimeSpan elapsed, bool timedOut = false) =>
            new LookupAnswer(0, null, failure, elapsed, timedOut: timedOut);

        /// <summary>
        /// No answer came within the session's timeout (not a refused or dropped connection): its error is then an
        /// OperationTimeout, as a send's timeout is, so a script can tell a slow service from an unreachable one.
        /// </summary>
        public bool TimedOut { get; }

        /// <summary>
        /// The answer was a web page, not the API's: the session's address is a web site's (a wrong -BaseUri) or a proxy
        /// answered for the service. Its 200 or 404 then says nothing about the message or the credential.
        /// </summary>
        public bool IsWebPage { get; }

        /// <summary>The HTTP status; 0 when the service did not answer (see Failure).</summary>
        public int StatusCode { get; }

        /// <summary>The body read as JSON (dictionaries, lists, scalar text); null when empty or not JSON.</summary>
        public object? Body { get; }

        /// <summary>Why there is no answer: could not connect, timed out. Null when the service answered.</summary>
        public string? Failure { get; }

        /// <summary>How long the request took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>How many 429 answers the lookup waited out before this answer (which may be one more 429); 0 when none.</summary>
        public int TooManyRequests { get; private set; }

        /// <summary>How long it waited for them in all, as long as the service asked each time (Retry-After, capped).</summary>
        public TimeSpan WaitedOut { get; private set; }

        /// <summary>
        /// This answer, after <paramref name="answers"/> 429s waited out for <paramref name="waited"/> in all: the command says
        /// so (-Verbose, and in the error of a 429 that lasted), since each wait holds the pipeline up to 10 s without a word.
        /// </summary>
        public LookupAnswer After429s(int answers, TimeSpan waited)
        {
            TooManyRequests = answers;
            WaitedOut = waited;
            return this;
        }

        /// <summary>
        /// How long this lookup waited before its first request, held by a 429 an earlier lookup of the session got (the service's
        /// Retry-After): the wait is the session's, shared by every lookup, not one of this ID's own. Zero when not held.
        /// </summary>
        public TimeSpan Held { get; private set; }

        /// <summary>
        /// The 429s the service answered in a row to the session's lookups, this one's included, when it answered this lookup
        /// 429 after they were more than one lookup's tries (a 429 that lasts: this lookup asked once and did not try again), or
        /// when this lookup was held; 0 otherwise.
        /// </summary>
        public int InARow { get; private set; }

        /// <summary>This answer, after waiting <paramref name="held"/> for an earlier lookup's 429, with the session's 429s in a row.</summary>
        public LookupAnswer Throttled(TimeSpan held, int inARow)
        {
            Held = held;
            InARow = inARow;
            return this;
        }
    }
}
