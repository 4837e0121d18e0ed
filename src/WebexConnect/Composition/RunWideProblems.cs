using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The problems of parameters that set every row (-From, -SmsFallback's -FallbackSenderId and -FallbackText, -Cc on the
    /// command line), gathered so that the command stops once and names them all. Stopping at the first one made an admin
    /// run the command once per problem (-SmsFallback alone: first "needs -FallbackSenderId", then "needs -FallbackText").
    /// </summary>
    internal sealed class RunWideProblems
    {
        private readonly List<string> _problems = new List<string>();
        // "give" or "correct", then the parameters to give or correct, in the order their problems came.
        private readonly List<KeyValuePair<string, List<string>>> _actions = new List<KeyValuePair<string, List<string>>>();

        /// <summary>True while no problem was added.</summary>
        public bool IsEmpty => _problems.Count == 0;

        /// <summary>The problems added.</summary>
        public int Count => _problems.Count;

        /// <summary>The value of the parameter whose problem came first: the error's target.</summary>
        public object? FirstValue { get; private set; }

        /// <summary>
        /// Adds <paramref name="problem"/> ("-From: ..."); <paramref name="verb"/> ("give" or "correct") and
        /// <paramref name="parameter"/> ("-From", with where its value came from) say what fixes it.
        /// </summary>
        public void Add(string problem, string verb, string parameter, object? value)
        {
            if (IsEmpty) FirstValue = value;
            _problems.Add(problem);
            var action = _actions.FirstOrDefault(a => a.Key == verb).Value;
            if (action is null) _actions.Add(new KeyValuePair<string, List<string>>(verb, action = new List<string>()));
            if (!action.Contains(parameter)) action.Add(parameter);
        }

        /// <summary>
        /// One problem reads as it always did: "-From: .... It is the same for every row, so nothing was sent: correct -From and
        /// run the command again." Several are joined with "; " and their fixes listed: "give -FallbackSenderId and -FallbackText".
        /// </summary>
        public string Message()
        {
            var fixes = string.Join(", ", _actions.Select(a => a.Key + " " + WordList.And(a.Value)));
            return string.Join("; ", _problems) + (_problems.Count == 1 ? ". It is the same for every row" : ". They are the same for every row") +
                ", so nothing was sent: " + fixes + " and run the command again.";
        }
    }
}
