using System.Collections;

namespace WebexConnect.Composition
{
    /// <summary>
    /// -AdditionalProperty given as other than a hashtable: a JSON object's text ('{"appid":"my-app"}'), a PSCustomObject, or
    /// what holds no members at all (a number). The command reads it as it reads -Option (<see cref="Given"/>), and sends its
    /// top-level members (<see cref="JsonObjectMembers"/>); what is not a JSON object is refused there.
    /// </summary>
    /// <remarks>A hashtable, so that -AdditionalProperty keeps its type; it holds no entries of its own.</remarks>
    internal sealed class AdditionalPropertyObject : Hashtable
    {
        public AdditionalPropertyObject(object given) => Given = given;

        /// <summary>The value as given.</summary>
        public object Given { get; }
    }
}
