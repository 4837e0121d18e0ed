using System;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>-Validity as people type it (issue 15): PowerShell alone read '48:00:00' as 48 days and 3600 as ticks.</summary>
    public class ValidityTextTests
    {
        public static TheoryData<object, double> Readable() => new TheoryData<object, double>
        {
            { "90m", 5400 },
            { "90 min", 5400 },
            { "48h", 172800 },
            { "48H", 172800 },
            { "2d", 172800 },
            { "2 days", 172800 },
            { "30s", 30 },
            { "1.5h", 5400 },
            { "3600", 3600 },
            { 3600, 3600 },
            { 3600L, 3600 },
            { 90.0, 90 },
            { "48:00:00", 172800 },
            { "80:00:00", 288000 },
            { "1:30", 5400 },
            { "1.02:00:00", 93600 },
            { TimeSpan.FromDays(48), 48 * 86400 },
        };

        [Theory]
        [MemberData(nameof(Readable))]
        public void ReadsWhatPeopleType(object given, double seconds)
        {
            var validity = ValidityText.Read(given, out var problem);

            Assert.Null(problem);
            Assert.Equal(TimeSpan.FromSeconds(seconds), validity);
        }

        [Theory]
        [InlineData("two weeks")]
        [InlineData("48x")]
        [InlineData("")]
        [InlineData("1:75")]
        public void SaysWhatItTakesWhenItCannotRead(string given)
        {
            Assert.Null(ValidityText.Read(given, out var problem));
            Assert.Equal($"'{given}' is not a duration: " + ValidityText.Forms, problem);
        }

        [Theory]
        [InlineData("1,5h", "1.5h")]
        [InlineData("0,25", "0.25")]
        public void SaysToWriteADecimalCommaAsAPoint(string given, string withPoint)
        {
            // In de-DE an admin writes 1,5h; before, the error listed the forms without saying what was wrong with it.
            Assert.Null(ValidityText.Read(given, out var problem));
            Assert.Equal($"'{given}' is not a duration: write the decimal mark as a point, '{withPoint}' (durations read the same in every culture)", problem);
        }

        [Fact]
        public void SaysWhenPowerShellReadADecimalCommaAsAList()
        {
            // -Validity 1,5h unquoted binds the list 1, '5h'; before: "a Object[] is not a duration".
            Assert.Null(ValidityText.Read(new object[] { 1, "5h" }, out var problem));
            Assert.Equal("1,5h was read by PowerShell as a list of two values, 1 and 5h: write the decimal mark as a point, '1.5h' (durations read the same in every culture)", problem);

            Assert.Null(ValidityText.Read(new object[] { "1h", "2h", "3h" }, out problem));
            Assert.StartsWith("a list of 3 values is not a duration: give one.", problem);
        }

        [Fact]
        public void RefusesOtherTypes()
        {
            Assert.Null(ValidityText.Read(new object(), out var problem));
            Assert.StartsWith("a Object is not a duration", problem);
        }

        [Fact]
        public void NullStaysNull()
        {
            Assert.Null(ValidityText.Read(null, out var problem));
            Assert.Null(problem);
        }
    }
}
