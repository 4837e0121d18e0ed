using System.Globalization;
using System.Text;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// Puts a webhook body piped line by line (Get-Content without -Raw on a file that holds one indented body) back
    /// together, as ConvertFrom-Json does: a line that starts a JSON object or list and ends with its opening bracket
    /// ("{", or '{"deliveryInfoNotification": {') is held, with the lines after it, until the brackets close. Any other
    /// line is read on its own, as before: a whole body (a log with one webhook per line), or a broken one such as
    /// '{not json', which gets its own error instead of swallowing the lines after it.
    /// </summary>
    internal sealed class WebhookLines
    {
        private readonly StringBuilder _held = new StringBuilder();
        private int _depth;
        private bool _inString;
        private bool _escaped;

        /// <summary>How many lines are held, waiting for the ones that close their brackets.</summary>
        public int HeldLines { get; private set; }

        /// <summary>The input number of the first held line (1-based).</summary>
        public long FirstHeldInput { get; private set; }

        /// <summary>
        /// The body to read now: <paramref name="line"/> itself, or the held lines joined once this one closes them;
        /// null while the brackets are still open. <paramref name="joined"/> says whether the body was made of several lines.
        /// </summary>
        public string? Add(string line, long input, out bool joined)
        {
            joined = false;
            if (HeldLines == 0)
            {
                if (!OpensOnly(line)) return line;
                Scan(line);
                if (_depth <= 0)
                {
                    Reset();
                    return line;
                }
                _held.Append(line);
                HeldLines = 1;
                FirstHeldInput = input;
                return null;
            }

            _held.Append('\n').Append(line);
            HeldLines++;
            Scan(line);
            // A body larger than any receipt is let go, to be refused for its size, rather than held for ever.
            if (_depth > 0 && _held.Length <= WebhookBody.MaxBytes) return null;
            joined = true;
            var body = _held.ToString();
            Reset();
            return body;
        }

        /// <summary>What is held when the input ends: lines that never closed their brackets; null when none.</summary>
        public string? Describe(long lastInput) => HeldLines == 0 ? null : string.Format(CultureInfo.InvariantCulture,
            "The input ended inside a webhook body: inputs {0} to {1} were read as the lines of one JSON body and its brackets never close. " +
            "Give each body whole (Get-Content -Raw reads a file as one text).", FirstHeldInput, lastInput);

        /// <summary>Lets go of the held lines (their file ended inside them): what they were, as <see cref="Describe"/> says; null when none.</summary>
        public string? Abandon(long lastInput)
        {
            var what = Describe(lastInput);
            Reset();
            return what;
        }

        /// <summary>The first line of an indented body: it starts with "{" or "[" and ends with an opening bracket.</summary>
        private static bool OpensOnly(string line)
        {
            var text = line.Trim().TrimStart('\uFEFF').TrimStart();
            if (text.Length == 0) return false;
            var first = text[0];
            var last = text[text.Length - 1];
            return (first == '{' || first == '[') && (last == '{' || last == '[');
        }

        /// <summary>Follows the brackets outside JSON strings.</summary>
        private void Scan(string line)
        {
            foreach (var c in line)
            {
                if (_inString)
                {
                    if (_escaped) _escaped = false;
                    else if (c == '\\') _escaped = true;
                    else if (c == '"') _inString = false;
                    continue;
                }
                switch (c)
                {
                    case '"': _inString = true; break;
                    case '{': case '[': _depth++; break;
                    case '}': case ']': _depth--; break;
                }
            }
        }

        private void Reset()
        {
            _held.Clear();
            _depth = 0;
            _inString = false;
            _escaped = false;
            HeldLines = 0;
        }
    }
}
