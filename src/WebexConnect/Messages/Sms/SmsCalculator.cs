using System;
using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Sms
{
    /// <summary>GSM-7 detection and part counting.</summary>
    public static class SmsCalculator
    {
        /// <summary>The septets one GSM-7 part carries.</summary>
        internal const int GsmSinglePart = 160;
        private const int GsmConcatenatedPart = 153;
        private const int Ucs2SinglePart = 70;
        private const int Ucs2ConcatenatedPart = 67;

        /// <summary>Measures a text; with Auto, picks Text when every character is GSM-7, else Unicode.</summary>
        /// <remarks>
        /// The text is measured as written: $(name) placeholders count with their own characters, not with
        /// the values that replace them, so a personalised message may cost more parts once substituted.
        /// An empty (or null) text is one part of 0 units, which is what carriers bill for it.
        /// With Text requested, characters outside GSM-7 count 1 septet each (carriers replace them with one
        /// character) and are listed in <see cref="SmsMeasurement.UnicodeCharacters"/>.
        /// </remarks>
        public static SmsMeasurement Measure(string text, SmsEncoding requested = SmsEncoding.Auto)
        {
            text ??= "";
            var unicodeCharacters = FindNonGsmCharacters(text);
            var encoding = requested switch
            {
                SmsEncoding.Auto => unicodeCharacters.Count == 0 ? SmsEncoding.Text : SmsEncoding.Unicode,
                SmsEncoding.Text => SmsEncoding.Text,
                SmsEncoding.Unicode => SmsEncoding.Unicode,
                _ => throw new ArgumentOutOfRangeException(nameof(requested)),
            };

            var unitSizes = encoding == SmsEncoding.Text ? SeptetSizes(text) : Utf16Sizes(text);
            var units = 0;
            foreach (var size in unitSizes) units += size;
            var parts = encoding == SmsEncoding.Text
                ? SmsParts.Count(unitSizes, GsmSinglePart, GsmConcatenatedPart)
                : SmsParts.Count(unitSizes, Ucs2SinglePart, Ucs2ConcatenatedPart);

            return new SmsMeasurement(text, encoding, new StringInfo(text).LengthInTextElements, units, parts,
                unicodeCharacters);
        }

        /// <summary>
        /// The encoding and parts <see cref="Measure"/> gives, without what only a person reading the measurement needs
        /// (text elements, the Unicode characters by name). The send cmdlets ask this once per row, so the common case
        /// (a single-part GSM-7 text) is one pass over the characters; anything else is measured in full.
        /// </summary>
        internal static (SmsEncoding Encoding, int Parts) Cost(string text, SmsEncoding requested = SmsEncoding.Auto)
        {
            if (requested != SmsEncoding.Unicode && !string.IsNullOrEmpty(text))
            {
                var septets = GsmSeptets(text, 0, text.Length);
                if (septets >= 0 && septets <= GsmSinglePart) return (SmsEncoding.Text, 1);
            }

            var measured = Measure(text ?? "", requested);
            return (measured.Encoding, measured.Parts);
        }

        /// <summary>
        /// The septets the <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/> cost in
        /// GSM-7, or -1 when one of them is not in its alphabet (a surrogate never is, so an emoji gives -1 too). In pieces, so
        /// that a text with $(name) variables is counted as filled without being made (SubstitutionTemplate.FillsOneGsmPart).
        /// </summary>
        internal static int GsmSeptets(string text, int start, int length)
        {
            var septets = 0;
            for (var i = start; i < start + length; i++)
            {
                var cost = GsmAlphabet.SeptetsIn(text[i]);
                if (cost == 0) return -1;
                septets += cost;
            }
            return septets;
        }

        /// <summary>Text elements (as a person sees them) holding a code point outside GSM-7, distinct, in order.</summary>
        private static IReadOnlyList<string> FindNonGsmCharacters(string text)
        {
            var found = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var elements = StringInfo.GetTextElementEnumerator(text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                if (!HasNonGsmCodePoint(element)) continue;
                if (seen.Add(element)) found.Add(element);
            }
            return new CharacterList(found);
        }

        private static bool HasNonGsmCodePoint(string element)
        {
            for (var i = 0; i < element.Length; i += CodePointLength(element, i))
            {
                if (!GsmAlphabet.Contains(CodePointAt(element, i))) return true;
            }
            return false;
        }

        /// <summary>Septets per code point; an extension character is one indivisible unit of 2.</summary>
        private static List<int> SeptetSizes(string text)
        {
            var sizes = new List<int>(text.Length);
            for (var i = 0; i < text.Length; i += CodePointLength(text, i))
                sizes.Add(GsmAlphabet.SeptetsOf(CodePointAt(text, i)));
            return sizes;
        }

        /// <summary>UTF-16 code units per code point; a surrogate pair is one indivisible unit of 2.</summary>
        private static List<int> Utf16Sizes(string text)
        {
            var sizes = new List<int>(text.Length);
            for (var i = 0; i < text.Length; i += CodePointLength(text, i))
                sizes.Add(CodePointLength(text, i));
            return sizes;
        }

        private static int CodePointLength(string s, int index) =>
            char.IsSurrogatePair(s, index) ? 2 : 1;

        // A lone surrogate is kept as its own value: it is not GSM-7 and costs one UTF-16 unit.
        private static int CodePointAt(string s, int index) =>
            char.IsSurrogatePair(s, index) ? char.ConvertToUtf32(s[index], s[index + 1]) : s[index];
    }
}
