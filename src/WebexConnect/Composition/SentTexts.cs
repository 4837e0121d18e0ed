using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A text as one recipient gets it, made once for a row although two steps need it: the limits after
    /// substitution (<see cref="PersonalisedText"/>) and, for SMS, the encoding and the parts
    /// (<see cref="SmsEncodingResolver"/>). Remembers the last text it made, by the identity of the text and of the
    /// two sets of substitutions: a row's are made for it and never changed, the message's are the run's. One per
    /// command, used on its pipeline thread only.
    /// </summary>
    internal sealed class SentTexts
    {
        private string? _text;
        private IReadOnlyDictionary<string, string>? _global;
        private IReadOnlyDictionary<string, string>? _own;
        private string _sent = "";

        /// <summary><see cref="SubstitutionText.Apply"/>, or what it gave last time for the same text and values.</summary>
        public string Of(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            if (ReferenceEquals(text, _text) && ReferenceEquals(global, _global) && ReferenceEquals(own, _own)) return _sent;
            _sent = SubstitutionText.Apply(text, global, own);
            _text = text;
            _global = global;
            _own = own;
            return _sent;
        }
    }
}
