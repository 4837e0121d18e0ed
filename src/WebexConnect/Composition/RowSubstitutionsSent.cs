using System;
using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Whether a row's request carries one of its substitutions, told without asking the engine for every message: asking
    /// (<see cref="LastSentSubstitutions"/>) serialises the message, and a Text column gives each row a message of its own,
    /// so asking for every row made a CSV with a Text column allocate about a quarter more per row.
    /// </summary>
    /// <remarks>
    /// A message's $(name) variables are those of the row's own content (its Text, Subject, Html cells: what
    /// SendCommandBase.ReadPerRowContent reads) and those of the rest, which comes from the command line and is the same for
    /// every message of the run. So once the engine has said that a message does not carry a name its content does not
    /// write, no message of the run whose content does not write it carries it; and a name it carries without its content
    /// writing it, the rest writes, for every message. A name the row's content writes as $(name) counts as carried without
    /// asking: were it not (no variable the service reads), a repeat would go unsaid, never one be said that is none. A
    /// content that is not all text (an RCS card object, a list of files) is asked about as it is. One caller thread.
    /// </remarks>
    internal sealed class RowSubstitutionsSent
    {
        private readonly Func<ConnectMessage, ISet<string>?> _sentOf;
        private readonly HashSet<string> _restWrites = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _restLacks = new HashSet<string>(StringComparer.Ordinal);
        // The names learnt from the message asked about: each is looked for in its content once, not for every row that shares it.
        private readonly HashSet<string> _learnt = new HashSet<string>(StringComparer.Ordinal);
        private ConnectMessage? _message;
        private bool _onlyTexts;
        private bool _asked;
        private ISet<string>? _sent;

        /// <param name="sentOf">The engine's answer for a message, kept per message object (<see cref="LastSentSubstitutions.Of"/>).</param>
        public RowSubstitutionsSent(Func<ConnectMessage, ISet<string>?> sentOf) => _sentOf = sentOf;

        /// <summary>How many messages the engine was asked about: a test's measure of what was saved.</summary>
        internal int Asked { get; private set; }

        /// <summary>True when the request for <paramref name="message"/> carries the row's substitution <paramref name="name"/>.</summary>
        /// <param name="message">The row's message.</param>
        /// <param name="content">The row's own content, as <see cref="RepeatedRows.RepeatOf"/> takes it.</param>
        /// <param name="name">One of the row's substitution names (its column's).</param>
        public bool Carries(ConnectMessage message, IReadOnlyList<object?> content, string name)
        {
            if (!ReferenceEquals(message, _message))
            {
                _message = message;
                _asked = false;
                _learnt.Clear();
                _onlyTexts = OnlyTexts(content);
            }
            if (!_asked && _onlyTexts)
            {
                if (Writes(content, name)) return true;
                if (_restLacks.Contains(name)) return false;
                if (_restWrites.Contains(name)) return true;
            }
            if (!_asked)
            {
                _sent = _sentOf(message);
                _asked = true;
                Asked++;
            }
            var carried = _sent is null || _sent.Contains(name);
            if (_onlyTexts && _learnt.Add(name))
            {
                if (!carried) _restLacks.Add(name);
                else if (!Writes(content, name)) _restWrites.Add(name);
            }
            return carried;
        }

        private static bool OnlyTexts(IReadOnlyList<object?> content)
        {
            for (var i = 0; i < content.Count; i++)
                if (content[i] is not null and not string) return false;
            return true;
        }

        /// <summary>True when a text of the content holds "$(name)".</summary>
        private static bool Writes(IReadOnlyList<object?> content, string name)
        {
            if (name.Length == 0) return false;
            for (var i = 0; i < content.Count; i++)
            {
                if (content[i] is not string text) continue;
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                {
                    var end = at + name.Length;
                    if (at >= 2 && text[at - 2] == '$' && text[at - 1] == '(' && end < text.Length && text[end] == ')') return true;
                }
            }
            return false;
        }
    }
}
