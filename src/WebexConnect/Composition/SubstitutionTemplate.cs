using System;
using System.Collections.Generic;
using System.Text;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A text split once at its $(name) variables, to be filled for each row: the rows of a run share their text, so
    /// finding the variables and cutting out their names is done once, not for every row (<see cref="SentTexts"/>).
    /// </summary>
    internal sealed class SubstitutionTemplate
    {
        private readonly string _text;
        // Per variable: where its "$(" starts, where the text resumes after its ")", and its name.
        private readonly int[] _starts;
        private readonly int[] _resumes;
        private readonly string[] _names;

        // For the UTF-8 size after substitution (an email's HTML), found at the first ask: an SMS never needs them.
        private long _textBytes = -1;
        private bool _surrogateBesideVariable;

        private SubstitutionTemplate(string text, int[] starts, int[] resumes, string[] names)
        {
            _text = text;
            _starts = starts;
            _resumes = resumes;
            _names = names;
        }

        /// <summary>The names of the text's $(name) variables, in order, as often as they appear.</summary>
        public IReadOnlyList<string> Names => _names;

        /// <summary>The same variables as Regex \$\(([^()]+)\) finds (a test holds them equal), found by hand: cheaper.</summary>
        public static SubstitutionTemplate Parse(string text)
        {
            var start = text.IndexOf("$(", StringComparison.Ordinal);
            if (start < 0) return new SubstitutionTemplate(text, Array.Empty<int>(), Array.Empty<int>(), Array.Empty<string>());
            var starts = new List<int>();
            var resumes = new List<int>();
            var names = new List<string>();
            while (start >= 0)
            {
                var end = start + 2;
                while (end < text.Length && text[end] != '(' && text[end] != ')') end++;
                if (end < text.Length && text[end] == ')' && end > start + 2)
                {
                    starts.Add(start);
                    resumes.Add(end + 1);
                    names.Add(text.Substring(start + 2, end - start - 2));
                    start = text.IndexOf("$(", end + 1, StringComparison.Ordinal);
                }
                else
                {
                    // "$((" or "$()" or no closing parenthesis: no variable here; the regex would try from the next character.
                    start = text.IndexOf("$(", start + 1, StringComparison.Ordinal);
                }
            }
            return new SubstitutionTemplate(text, starts.ToArray(), resumes.ToArray(), names.ToArray());
        }

        /// <summary>
        /// The text with each $(name) replaced by the destination's value, else the global one; unknown variables stay as
        /// written, and a text with nothing replaced is the text itself. <paramref name="scratch"/> is cleared and reused.
        /// </summary>
        public string Fill(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own, StringBuilder scratch)
        {
            if (_names.Length == 0) return _text;
            scratch.Clear();
            var copied = 0;
            for (var i = 0; i < _names.Length; i++)
            {
                if (!own.TryGetValue(_names[i], out var value) && !global.TryGetValue(_names[i], out value)) continue;
                scratch.Append(_text, copied, _starts[i] - copied).Append(value);
                copied = _resumes[i];
            }
            return copied == 0 ? _text : scratch.Append(_text, copied, _text.Length - copied).ToString();
        }

        /// <summary>
        /// The UTF-8 byte count of what <see cref="Fill"/> gives, without making it: the text's own count, found once, with
        /// each filled variable's "$(name)" taken out and its value put in. A 400 KB newsletter's HTML was otherwise copied
        /// and counted for every row (a large object the garbage collector had to clear again and again), which capped the
        /// run near 200 rows a second. Null when a UTF-16 surrogate stands where a value meets the text or another value:
        /// the two halves of a character could then join or part, so only counting the filled text is exact.
        /// </summary>
        public long? Utf8ByteCount(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            if (_textBytes < 0) CountText();
            var bytes = _textBytes;
            for (var i = 0; i < _names.Length; i++)
            {
                if (!own.TryGetValue(_names[i], out var value) && !global.TryGetValue(_names[i], out value)) continue;
                if (_surrogateBesideVariable || (value.Length > 0 && (char.IsLowSurrogate(value[0]) || char.IsHighSurrogate(value[value.Length - 1]))))
                    return null;
                // "$(" and ")" are one byte each; the name between them counts alone, as nothing it holds can pair across them.
                bytes += Encoding.UTF8.GetByteCount(value) - (3 + Encoding.UTF8.GetByteCount(_names[i]));
            }
            return bytes;
        }

        /// <summary>
        /// True when what <see cref="Fill"/> gives is one part of GSM-7, found without making it: every character in the
        /// alphabet, at most 160 septets, and one that is not white space. Such a text is what most rows of an SMS run send, and
        /// it is all the SMS steps need to know of it: its encoding (Text) and parts (1), and that no rule of SmsRules.CheckText
        /// refuses it (the alphabet holds no character those rules refuse). Otherwise they make the text and measure it.
        /// </summary>
        public bool FillsOneGsmPart(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            var septets = 0;
            var blank = true;
            var copied = 0;
            for (var i = 0; i < _names.Length; i++)
            {
                if (!own.TryGetValue(_names[i], out var value) && !global.TryGetValue(_names[i], out value)) continue;
                if (!AddGsmPiece(_text, copied, _starts[i] - copied, ref septets, ref blank) || !AddGsmPiece(value, 0, value.Length, ref septets, ref blank))
                    return false;
                copied = _resumes[i];
            }
            return AddGsmPiece(_text, copied, _text.Length - copied, ref septets, ref blank) && !blank;
        }

        /// <summary>Adds a piece of the filled text to <paramref name="septets"/>; false once it is not one GSM-7 part.</summary>
        private static bool AddGsmPiece(string text, int start, int length, ref int septets, ref bool blank)
        {
            var piece = SmsCalculator.GsmSeptets(text, start, length);
            if (piece < 0 || (septets += piece) > SmsCalculator.GsmSinglePart) return false;
            for (var i = start; blank && i < start + length; i++) blank = char.IsWhiteSpace(text[i]);
            return true;
        }

        private void CountText()
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if ((_starts[i] > 0 && char.IsSurrogate(_text[_starts[i] - 1])) || (_resumes[i] < _text.Length && char.IsSurrogate(_text[_resumes[i]])))
                    _surrogateBesideVariable = true;
            }
            _textBytes = Encoding.UTF8.GetByteCount(_text);
        }
    }
}
