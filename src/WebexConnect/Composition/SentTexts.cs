using System.Collections.Generic;
using System.Text;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A row's texts as its recipient gets them, each made once although several steps need it: the limits after
    /// substitution and an email's whole size (<see cref="PersonalisedText"/>, which counts an email's HTML without
    /// making it: <see cref="Utf8BytesOf"/>) and, for SMS, the encoding and the
    /// parts (<see cref="SmsEncodingResolver"/>). Remembers the texts of the last row, by the identity of each text
    /// and of the two sets of substitutions: a row's are made for it and never changed, the message's are the run's.
    /// One per command, used on its pipeline thread only.
    /// </summary>
    internal sealed class SentTexts
    {
        // A message has at most a few texts with variables (an email's subject, text and HTML).
        private readonly List<KeyValuePair<string, string>> _made = new List<KeyValuePair<string, string>>(3);
        private IReadOnlyDictionary<string, string>? _global;
        private IReadOnlyDictionary<string, string>? _own;

        // The templates of the last few texts (a run's rows usually share theirs; a Text column gives each row its own).
        private readonly List<KeyValuePair<string, SubstitutionTemplate>> _templates = new List<KeyValuePair<string, SubstitutionTemplate>>(MaxTemplates);
        private const int MaxTemplates = 4;
        private StringBuilder _scratch = new StringBuilder(256);

        // The last text asked of FillsOneGsmPart this row, and the answer: the check and the encoding both ask.
        private string? _gsmAskedOf;
        private bool _fillsOneGsmPart;

        /// <summary>What <see cref="SubstitutionText.Apply"/> gives, or gave for the same text and values this row.</summary>
        public string Of(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            ForRow(global, own);
            foreach (var made in _made)
                if (ReferenceEquals(made.Key, text)) return made.Value;
            var sent = TemplateOf(text).Fill(global, own, _scratch);
            // An email's HTML can be large: its buffer is not kept for the rows after it.
            if (_scratch.Capacity > 1 << 16) _scratch = new StringBuilder(256);
            _made.Add(new KeyValuePair<string, string>(text, sent));
            return sent;
        }

        /// <summary>
        /// The UTF-8 byte count of what <see cref="Of"/> gives, counted from the text's template without making it where
        /// that is exact (<see cref="SubstitutionTemplate.Utf8ByteCount"/>): an email's HTML is not copied for every row.
        /// </summary>
        public long Utf8BytesOf(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own) =>
            TemplateOf(text).Utf8ByteCount(global, own) ?? Encoding.UTF8.GetByteCount(Of(text, global, own));

        /// <summary>
        /// Whether what <see cref="Of"/> gives is one plain GSM-7 part (<see cref="SubstitutionTemplate.FillsOneGsmPart"/>),
        /// found without making it: an SMS row's usual text, which then costs no copy per row.
        /// </summary>
        public bool FillsOneGsmPart(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            ForRow(global, own);
            if (!ReferenceEquals(text, _gsmAskedOf))
            {
                _fillsOneGsmPart = TemplateOf(text).FillsOneGsmPart(global, own);
                _gsmAskedOf = text;
            }
            return _fillsOneGsmPart;
        }

        /// <summary>
        /// The encoding and parts of the SMS text <see cref="Of"/> gives, as SmsCalculator.Cost measures them; the text is made
        /// only when it is not one plain GSM-7 part.
        /// </summary>
        public (SmsEncoding Encoding, int Parts) SmsCostOf(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own,
            SmsEncoding requested = SmsEncoding.Auto) =>
            requested != SmsEncoding.Unicode && FillsOneGsmPart(text, global, own)
                ? (SmsEncoding.Text, 1)
                : SmsCalculator.Cost(Of(text, global, own), requested);

        /// <summary>Forgets what was made for the last row when these are another row's values (or another message's).</summary>
        private void ForRow(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            if (ReferenceEquals(global, _global) && ReferenceEquals(own, _own)) return;
            _made.Clear();
            _gsmAskedOf = null;
            _global = global;
            _own = own;
        }

        private SubstitutionTemplate TemplateOf(string text)
        {
            foreach (var known in _templates)
                if (ReferenceEquals(known.Key, text)) return known.Value;
            var template = SubstitutionTemplate.Parse(text);
            if (_templates.Count == MaxTemplates) _templates.RemoveAt(0);
            _templates.Add(new KeyValuePair<string, SubstitutionTemplate>(text, template));
            return template;
        }
    }
}
