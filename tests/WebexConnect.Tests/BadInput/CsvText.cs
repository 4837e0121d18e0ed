using System;
using System.Collections.Generic;
using System.Text;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// A small CSV reader that gives what PowerShell 7's Import-Csv gives: the encoding from the byte order
    /// mark (UTF-8, UTF-16 LE/BE), else UTF-8 with invalid bytes as U+FFFD; RFC 4180 quoting; one
    /// dictionary of strings per row, keyed by header.
    /// </summary>
    internal static class CsvText
    {
        internal static string Decode(byte[] bytes)
        {
            if (StartsWith(bytes, 0xEF, 0xBB, 0xBF)) return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
            if (StartsWith(bytes, 0xFF, 0xFE)) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            if (StartsWith(bytes, 0xFE, 0xFF)) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            return new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
        }

        internal static List<Dictionary<string, string>> Read(byte[] bytes) => Parse(Decode(bytes));

        internal static List<Dictionary<string, string>> Parse(string text)
        {
            var records = SplitRecords(text);
            var rows = new List<Dictionary<string, string>>();
            if (records.Count == 0) return rows;
            var header = records[0];
            for (var r = 1; r < records.Count; r++)
            {
                var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < header.Count; c++)
                    row[header[c]] = c < records[r].Count ? records[r][c] : "";
                rows.Add(row);
            }
            return rows;
        }

        private static List<List<string>> SplitRecords(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                    continue;
                }
                if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; continue; }
                if (c == ',') { record.Add(field.ToString()); field.Clear(); atFieldStart = true; continue; }
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = new List<string>();
                    atFieldStart = true;
                    continue;
                }
                field.Append(c);
                atFieldStart = false;
            }
            if (field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                records.Add(record);
            }
            return records;
        }

        private static bool StartsWith(byte[] bytes, params byte[] prefix)
        {
            if (bytes.Length < prefix.Length) return false;
            for (var i = 0; i < prefix.Length; i++)
                if (bytes[i] != prefix[i]) return false;
            return true;
        }
    }
}
