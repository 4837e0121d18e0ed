using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit.Sdk;

namespace WebexConnect.Tests.Payload
{
    /// <summary>
    /// Structural JSON equality: member order is ignored, numbers compare by value, and a failure lists every
    /// difference by its path ($.content.suggestions[2].url) rather than two walls of text.
    /// </summary>
    internal static class JsonAssert
    {
        public static void Equivalent(string expectedJson, string actualJson)
        {
            using var expected = JsonDocument.Parse(expectedJson);
            using var actual = JsonDocument.Parse(actualJson);
            var differences = new List<string>();
            Compare(expected.RootElement, actual.RootElement, "$", differences);
            if (differences.Count > 0)
                throw new XunitException("JSON differs:\n  " + string.Join("\n  ", differences) + "\nActual:\n" + actualJson);
        }

        private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
        {
            if (expected.ValueKind != actual.ValueKind)
            {
                differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                return;
            }

            switch (expected.ValueKind)
            {
                case JsonValueKind.Object:
                    var actualMembers = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                    foreach (var member in expected.EnumerateObject())
                    {
                        if (actualMembers.TryGetValue(member.Name, out var value))
                            Compare(member.Value, value, path + "." + member.Name, differences);
                        else
                            differences.Add($"{path}.{member.Name}: missing (expected {Describe(member.Value)})");
                        actualMembers.Remove(member.Name);
                    }
                    foreach (var extra in actualMembers)
                        differences.Add($"{path}.{extra.Key}: unexpected {Describe(extra.Value)}");
                    break;
                case JsonValueKind.Array:
                    var expectedItems = expected.EnumerateArray().ToList();
                    var actualItems = actual.EnumerateArray().ToList();
                    if (expectedItems.Count != actualItems.Count)
                        differences.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                    for (var i = 0; i < System.Math.Min(expectedItems.Count, actualItems.Count); i++)
                        Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                    break;
                case JsonValueKind.Number:
                    if (expected.GetDecimal() != actual.GetDecimal())
                        differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                    break;
                case JsonValueKind.String:
                    if (expected.GetString() != actual.GetString())
                        differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                    break;
            }
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => element.GetRawText().Length > 60 ? element.GetRawText().Substring(0, 57) + "..." : element.GetRawText(),
        };
    }
}
