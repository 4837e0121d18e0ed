using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Messages.Sms
{
    /// <summary>What an SMS text costs: encoding, length and parts. Measure-ConnectSms outputs it.</summary>
    public sealed class SmsMeasurement
    {
        internal SmsMeasurement(string text, SmsEncoding encoding, int characters, int units, int parts,
            IReadOnlyList<string> unicodeCharacters, long row = 0, IReadOnlyList<ValidationProblem>? rowProblems = null)
        {
            _rowProblems = rowProblems;
            Row = row;
            Text = text;
            Encoding = encoding;
            Characters = characters;
            Units = units;
            Parts = parts;
            UnicodeCharacters = unicodeCharacters;
        }

        /// <summary>
        /// The input this measurement belongs to, counted from 1 as Send-ConnectSms counts its rows: the Nth object piped
        /// in (the Nth CSV data row), or 1 for a -Text given without a pipeline; 0 outside Measure-ConnectSms. With
        /// -Text 'Hi $(Name)' each row's text is its own, so this is what finds the row to shorten.
        /// </summary>
        public long Row { get; }

        /// <summary>The text measured.</summary>
        public string Text { get; }

        /// <summary>Text (GSM-7) or Unicode (UCS-2): the encoding the text is sent in.</summary>
        public SmsEncoding Encoding { get; }

        /// <summary>Characters as a person counts them (an emoji is one).</summary>
        /// <remarks>
        /// Counted as text elements. PowerShell 7 (.NET 8) treats a joined emoji sequence such as a family as
        /// one; Windows PowerShell 5.1 (.NET Framework) counts its parts. Units and Parts are the same on both.
        /// </remarks>
        public int Characters { get; }

        /// <summary>Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2.</summary>
        public int Units { get; }

        /// <summary>SMS parts (billing units): 160/153 septets or 70/67 code units per part.</summary>
        public int Parts { get; }

        /// <summary>The distinct characters that are not in GSM-7 and so force Unicode.</summary>
        public IReadOnlyList<string> UnicodeCharacters { get; }

        /// <summary>True when Send-ConnectSms would send this text in this encoding; false when it would refuse it (see Reason).</summary>
        public bool CanSend => Reason is null;

        /// <summary>
        /// Why Send-ConnectSms would refuse this text (a $(name) the piped row does not fill, too long, characters the
        /// chosen encoding cannot carry, a broken character, empty), in the words its Invalid result uses after "Row N: ";
        /// null when it can be sent.
        /// </summary>
        public string? Reason
        {
            get
            {
                // Worked out when read: Send-ConnectSms measures every recipient's text and needs only Parts.
                if (!_reasonKnown)
                {
                    var problems = SmsRules.TextProblems(Text, Encoding);
                    // The row's variables first, as Send-ConnectSms lists them.
                    if (_rowProblems is { Count: > 0 }) problems = _rowProblems.Concat(problems).ToList();
                    _reason = problems.Count == 0 ? null : RowErrorText.Join(problems);
                    _reasonKnown = true;
                }
                return _reason;
            }
        }

        private readonly IReadOnlyList<ValidationProblem>? _rowProblems;
        private string? _reason;
        private bool _reasonKnown;

        /// <summary>
        /// The same measurement, naming the input row it is for (Measure-ConnectSms), with what Send-ConnectSms would refuse
        /// that row for beyond its text (a $(name) no column fills: MeasureInput.VariableProblems).
        /// </summary>
        internal SmsMeasurement ForRow(long row, IReadOnlyList<ValidationProblem>? rowProblems = null) =>
            new SmsMeasurement(Text, Encoding, Characters, Units, Parts, UnicodeCharacters, row, rowProblems);

        /// <summary>"Unicode, 2 parts: text": what Group-Object and string interpolation show of a measurement.</summary>
        public override string ToString() => $"{Encoding}, {Parts} {(Parts == 1 ? "part" : "parts")}: {Text}";
    }
}
