using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>A row's reason names the column that gave a value as the file spells it, and the command line's value by its parameter.</summary>
    public sealed class RowColumnNamesTests
    {
        private static InputRow Row(params (string Column, object? Value)[] cells) =>
            new InputRow(cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)).ToList());

        private static RowColumnNames Sms(params string[] given) =>
            new RowColumnNames(PipelineColumns.FromRows(typeof(SendConnectSmsCommand), "Text", given));

        private static string Reason(RowColumnNames names, InputRow row, params ValidationProblem[] problems) =>
            RowErrorText.Format(2, names.Name(problems, row));

        private static ValidationProblem NotANumber(string value) =>
            new ValidationProblem("To", PhoneNumberRule.Check(value) ?? throw new InvalidOperationException(value + " is a number"));

        [Fact]
        public void Names_the_alias_column_that_gave_the_destination()
        {
            var reason = Reason(Sms(), Row(("Name", "Bob"), ("Mobile", "notaphone")), NotANumber("notaphone"));

            Assert.StartsWith("Row 2: Mobile: 'notaphone' is not an E.164 number", reason);
        }

        [Fact]
        public void Keeps_the_parameter_when_the_command_line_gave_it()
        {
            var reason = Reason(Sms("To"), Row(("Mobile", "447700900123")), NotANumber("447700900123"));

            Assert.StartsWith("Row 2: To: '447700900123'", reason);
            Assert.DoesNotContain("rows are read", reason);
        }

        [Fact]
        public void Names_the_column_the_binder_took_first_the_parameter_before_its_aliases_and_an_empty_cell_gives_way()
        {
            // PowerShell's binder tries -To's name, then its aliases in declaration order, whatever the row's order.
            Assert.StartsWith("Row 2: Phone: ", Reason(Sms(), Row(("Mobile", "x1"), ("Phone", "x1")), NotANumber("x1")));
            Assert.StartsWith("Row 2: Mobile: ", Reason(Sms(), Row(("Phone", " "), ("Mobile", "x1")), NotANumber("x1")));
        }

        [Fact]
        public void Leaves_a_problem_whose_column_is_spelled_as_its_field_or_gave_no_value()
        {
            var problems = new[] { NotANumber("x1") };
            Assert.Same(problems, Sms().Name(problems, Row(("To", "x1"))));
            Assert.Same(problems, Sms().Name(problems, Row(("Mobile", ""))));
            Assert.Same(problems, Sms().Name(problems, InputRow.Empty));
            Assert.Same(problems, RowColumnNames.None.Name(problems, Row(("Mobile", "x1"))));
        }

        [Fact]
        public void Names_an_indexed_field_and_other_parameters_columns_spelled_as_the_file_does()
        {
            var reason = Reason(Sms(), Row(("mobile", "a;b"), ("correlationid", "x")),
                new ValidationProblem("To[1]", "'b' is not an E.164 number"), new ValidationProblem("CorrelationId", "is too long"));

            Assert.Equal("Row 2: mobile[1]: 'b' is not an E.164 number; correlationid: is too long", reason);
        }

        [Fact]
        public void Tells_a_column_of_digits_the_script_block_that_puts_the_plus_back()
        {
            var reason = Reason(Sms(), Row(("MobileNumber", "447700900123")), NotANumber("447700900123"));

            Assert.StartsWith("Row 2: MobileNumber: '447700900123' is not an E.164 number (the + is missing)", reason);
            Assert.EndsWith("; or add the + as rows are read: -To { '+' + $_.MobileNumber }", reason);
        }

        [Fact]
        public void Tells_a_database_number_column_the_same_script_block()
        {
            // A DataRow's bigint Phone cell is a [long]: the column cannot hold a +.
            var reason = Reason(Sms(), Row(("Phone", 447700900123L)), NotANumber("447700900123"));

            Assert.StartsWith("Row 2: Phone: '447700900123' is not an E.164 number (the + is missing)", reason);
            Assert.EndsWith("; or add the + as rows are read: -To { '+' + $_.Phone }", reason);
        }

        [Theory]
        [InlineData("07700900123")] // national: the + would not mend it
        [InlineData("12")]          // too short
        [InlineData("44 7700 900123")]
        public void Gives_no_script_block_where_a_plus_would_not_mend_the_cell(string cell)
        {
            Assert.DoesNotContain("rows are read", Reason(Sms(), Row(("Mobile", cell)), NotANumber(cell)));
        }

        [Fact]
        public void Reads_the_module_read_columns_and_leaves_out_the_parameters_the_command_line_gave()
        {
            var columns = PipelineColumns.FromRows(typeof(SendConnectSmsCommand), "Text", new[] { "CorrelationId" });

            Assert.Equal(new[] { "To", "Phone", "Mobile" }, columns["To"].Take(3));
            Assert.True(columns.ContainsKey("ExpireAt"));
            Assert.True(columns.ContainsKey("Text"));
            Assert.False(columns.ContainsKey("CorrelationId"));
            Assert.False(columns.ContainsKey("From"));
        }
    }
}
