using System.Collections;
using System.Collections.Generic;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// Measure-ConnectSms must not measure "@{Name=Ann}": PowerShell binds a row without a Text column to -Text by
    /// its string form, so the cmdlet decides from the row itself whether the text is real.
    /// </summary>
    public class MeasureInputTests
    {
        private sealed class CsvRow
        {
        }

        private static InputRow Columns(params string[] names)
        {
            var columns = new List<KeyValuePair<string, object?>>();
            foreach (var name in names) columns.Add(new KeyValuePair<string, object?>(name, "x"));
            return new InputRow(columns);
        }

        [Fact]
        public void ARowWithoutATextColumnIsRefused()
        {
            Assert.True(MeasureInput.IsRowWithoutText(new CsvRow(), Columns("Phone", "Name"), textOnCommandLine: false));
        }

        [Fact]
        public void ARowWithATextColumnInAnyCaseIsMeasured()
        {
            Assert.False(MeasureInput.IsRowWithoutText(new CsvRow(), Columns("Phone", "text"), textOnCommandLine: false));
        }

        [Fact]
        public void APipedStringOrNumberIsTheTextItself()
        {
            Assert.False(MeasureInput.IsRowWithoutText("Hello", InputRow.Empty, textOnCommandLine: false));
            Assert.False(MeasureInput.IsRowWithoutText(42, InputRow.Empty, textOnCommandLine: false));
        }

        [Fact]
        public void NothingPipedMeansTheCommandLineText()
        {
            Assert.False(MeasureInput.IsRowWithoutText(null, InputRow.Empty, textOnCommandLine: false));
        }

        [Fact]
        public void TextOnTheCommandLineAppliesToEveryRow()
        {
            Assert.False(MeasureInput.IsRowWithoutText(new CsvRow(), Columns("Phone"), textOnCommandLine: true));
        }

        [Fact]
        public void AHashtableIsARowItsTextKeyFillsAndWithoutOneIsRefused()
        {
            // The cmdlet binds a hashtable's Text key to -Text itself (PowerShell binds properties, never keys).
            var withText = new Hashtable { ["text"] = "Hi" };
            var without = new Hashtable { ["Name"] = "Ann" };
            Assert.False(MeasureInput.IsRowWithoutText(withText, InputRow.FromDictionary(withText), textOnCommandLine: false));
            Assert.True(MeasureInput.IsRowWithoutText(without, InputRow.FromDictionary(without), textOnCommandLine: false));
        }


        [Fact]
        public void TheTextComesFromTheCommandLineThenAPipedStringThenTheRowsTextColumn()
        {
            // -Text binds by property name only, so a piped string reaches the cmdlet as -InputObject.
            Assert.Equal("Given", MeasureInput.TextOf("piped", "Given", textOnCommandLine: true));
            Assert.Equal("piped", MeasureInput.TextOf("piped", null, textOnCommandLine: false));
            Assert.Equal("42", MeasureInput.TextOf(42, null, textOnCommandLine: false));
            Assert.Equal("From column", MeasureInput.TextOf(new CsvRow(), "From column", textOnCommandLine: false));
        }

        [Fact]
        public void AMissingCellMeasuresAsEmptyTextAndNothingAtAllIsNull()
        {
            // A short CSV line binds $null for Text: its row still gets a measurement (0 characters), not a binder error.
            Assert.Equal("", MeasureInput.TextOf(new CsvRow(), null, textOnCommandLine: false));
            Assert.Null(MeasureInput.TextOf(null, null, textOnCommandLine: false));
        }

        [Fact]
        public void APersonalisedTextIsMeasuredWithoutTheSpacesAtTheEndsOfACell()
        {
            // As Send-ConnectSms sends it: "Hi Bernd, ..." and not "Hi Bernd , ...".
            var row = new InputRow(new[] { new KeyValuePair<string, object?>("Name", " Bernd ") });

            Assert.Equal("Hi Bernd, x", MeasureInput.Personalise("Hi $(Name), x", row, new Dictionary<string, string>(), new string[0]));
        }
    }
}
