namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// A URL as a payload carries it (a media file, a card's image, a chip's link, an attachment, an unsubscribe link, the
    /// receipts' notifyUrl): without the white space at its ends, and each space inside it percent-encoded as %20.
    /// </summary>
    /// <remarks>
    /// A space is no URL character (RFC 3986, section 2), and the service, which fetches the file later, says nothing when the
    /// fetch fails: 'https://cdn.example.com/boarding pass.pdf' went out as written and reached the recipient as a missing
    /// file. %20 is what the admin meant, the file of that name; nothing else is encoded, so an already encoded %20 (or any
    /// %XX) is sent as it is, never as %2520. One place for every URL field, so no field can be forgotten.
    /// The journal names a send by its URLs as given (<see cref="SharedPartWriter.WriteWhatIsReceived"/>), as every earlier
    /// version wrote them on the wire: an update that encodes a space does not make a row sent before look new.
    /// </remarks>
    internal static class WireUrl
    {
        /// <summary>The URL as sent; the same string when it has no space and no white space at its ends (every usual URL).</summary>
        public static string? Of(string? url)
        {
            if (string.IsNullOrEmpty(url) || (url!.IndexOf(' ') < 0 && !char.IsWhiteSpace(url[0]) && !char.IsWhiteSpace(url[url.Length - 1])))
                return url;
            return url.Trim().Replace(" ", "%20");
        }

        /// <summary><see cref="Of"/>, or the URL as given when <paramref name="asGiven"/> (the journal's key).</summary>
        public static string? Of(string? url, bool asGiven) => asGiven ? url : Of(url);
    }
}
