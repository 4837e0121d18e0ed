using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>The pairs the checks and the payload writer read from any substitution dictionary, for every row.</summary>
    public class SubstitutionPairsTests
    {
        private static RowSubstitutions Row(params (string Name, string Value)[] columns)
        {
            var shared = Array.Empty<string>();
            return RowSubstitutions.From(columns.Select(c => c.Name).ToList(), columns.Select(c => c.Value).ToList(), ref shared)!;
        }

        private static List<KeyValuePair<string, string>> Read(IReadOnlyDictionary<string, string> values)
        {
            var read = new List<KeyValuePair<string, string>>();
            foreach (var pair in new SubstitutionPairs(values)) read.Add(pair);
            return read;
        }

        [Fact]
        public void EveryKindOfDictionaryGivesItsPairsInItsOwnOrder()
        {
            var row = Row(("Name", "Ann"), ("Code", "123"));
            var dictionary = new Dictionary<string, string> { ["Name"] = "Bob", ["Code"] = "456" };
            var sorted = new SortedDictionary<string, string> { ["Name"] = "Cy", ["Code"] = "789" };

            Assert.Equal(row.ToList(), Read(row));
            Assert.Equal(dictionary.ToList(), Read(dictionary));
            Assert.Equal(sorted.ToList(), Read(sorted));
            Assert.Empty(Read(new Dictionary<string, string>()));
        }

        [Fact]
        public void ARowsColumnsAndADictionaryAreReadWithoutAnObject()
        {
            // What the send cmdlets and the payload writer do for every row: the interface's enumerator would be one object each.
            var row = Row(("Name", "Ann"), ("Code", "123"));
            var dictionary = new Dictionary<string, string> { ["Name"] = "Bob" };
            var length = 0;
            foreach (var pair in new SubstitutionPairs(row)) length += pair.Value.Length;
            foreach (var pair in new SubstitutionPairs(dictionary)) length += pair.Value.Length;

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                foreach (var pair in new SubstitutionPairs(row)) length += pair.Key.Length;
                foreach (var pair in new SubstitutionPairs(dictionary)) length += pair.Key.Length;
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(length > 0);
        }
    }
}
