using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// -Substitution given what is not a hashtable. An object's properties (the Import-Csv row in a loop) need a real
    /// PowerShell to be read: OneRowCalls.Tests.ps1 pins them; here, what needs none.
    /// </summary>
    public class SubstitutionPropertiesTests
    {
        private static readonly KeyValuePair<string, string>[] TextUsing = { new KeyValuePair<string, string>("Text", "Hi $(Name) from $(Shop)") };

        [Fact]
        public void AHashtableIsTakenAsGivenAndAnotherDictionaryAsAHashtableOfItsEntries()
        {
            // A hashtable's $null value stays, for the check that refuses it (InvalidSubstitution) as before.
            var given = new Hashtable { ["Name"] = null };
            var ordered = new OrderedDictionary { ["Name"] = "Ann" };

            Assert.Same(given, SubstitutionProperties.Of(given));
            var copy = Assert.IsType<Hashtable>(SubstitutionProperties.Of(ordered));
            Assert.Equal("Ann", copy["Name"]);
            Assert.Null(SubstitutionProperties.Of(null));
        }

        [Theory]
        [InlineData("Name=Ann", "the text 'Name=Ann'")]
        [InlineData(42, "the value '42'")]
        public void WhatHoldsNoValuesIsMarkedForTheCommandToRefuseNotThrown(object given, string unreadable)
        {
            // Thrown, it was PowerShell's binding error before the command ran: a loop's row without a result.
            Assert.Equal(unreadable, Assert.IsType<SubstitutionProperties>(SubstitutionProperties.Of(given)).Unreadable);
        }

        [Fact]
        public void AListIsMarkedTooThoughEachItemCouldBeARow()
        {
            Assert.Equal("an array of 2 values", Assert.IsType<SubstitutionProperties>(SubstitutionProperties.Of(new object[] { 1, 2 })).Unreadable);
        }

        [Fact]
        public void AHashtableLeavesNothingOutSoNoTextIsRefusedForIt()
        {
            Assert.Null(SubstitutionProperties.UsedLeftOut(new Hashtable(), TextUsing, allowMissing: false, out var key));
            Assert.Null(key);
        }

        [Fact]
        public void ARefusedTableStandsInWithEveryVariableFilledSoTheRowSaysItsProblemOnce()
        {
            // Without it the row's Reason said "-Substitution is the text ..." and then "$(Name) has no value" for each text.
            var stand = SubstitutionProperties.Refused((Hashtable)SubstitutionProperties.Of("Name=Ann")!, TextUsing);

            Assert.Equal(new[] { "Name", "Shop" }, stand.Keys.Cast<string>().OrderBy(k => k));
            Assert.All(stand.Values.Cast<string>(), value => Assert.Equal("", value));
        }
    }
}
