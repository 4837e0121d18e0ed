using System.Linq;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class AddressLineTests
    {
        private static string[] Addresses(string line) => AddressLine.Read(line).Select(entry => entry.Address).ToArray();

        private static string?[] Names(string line) => AddressLine.Read(line).Select(entry => entry.Name).ToArray();

        [Theory]
        [InlineData("Jane Doe <jane@contoso.com>", "jane@contoso.com", "Jane Doe")]
        [InlineData("\"Doe, Jane\" <jane@contoso.com>", "jane@contoso.com", "Doe, Jane")]
        [InlineData("\"O\\\"Neil, Pat\" <pat@contoso.com>", "pat@contoso.com", "O\"Neil, Pat")]
        [InlineData("  <jane@contoso.com>  ", "jane@contoso.com", null)]
        [InlineData("jane@contoso.com", "jane@contoso.com", null)]
        public void An_entry_gives_its_address_and_its_name_unquoted(string entry, string address, string? name)
        {
            var read = AddressLine.Read(entry).Single();
            Assert.Equal(address, read.Address);
            Assert.Equal(name, read.Name);
        }

        [Fact]
        public void A_line_is_split_at_semicolons_commas_and_line_breaks_outside_quotes_and_brackets()
        {
            var line = "\"Doe, Jane\" <jane@contoso.com>; Bob Roe <bob@contoso.com>, cy@contoso.com\r\ndee@contoso.com;";
            Assert.Equal(new[] { "jane@contoso.com", "bob@contoso.com", "cy@contoso.com", "dee@contoso.com" }, Addresses(line));
            Assert.Equal(new[] { "Doe, Jane", "Bob Roe", null, null }, Names(line));
        }

        [Fact]
        public void An_unquoted_last_first_name_as_Outlook_copies_it_keeps_its_comma()
        {
            // Outlook copies a line of people as 'Doe, Jane <jane@contoso.com>; Roe, Rick <rick@contoso.com>'. Before, 'Doe' and
            // 'Roe' were entries of their own, and the row Invalid for them. A comma between addresses still separates them.
            var line = "Doe, Jane <jane@contoso.com>; Roe, Rick <rick@contoso.com>, Bob <bob@contoso.com>, Lee, Al <al@contoso.com>, cy@contoso.com, Dee";
            Assert.Equal(new[] { "jane@contoso.com", "rick@contoso.com", "bob@contoso.com", "al@contoso.com", "cy@contoso.com", "Dee" }, Addresses(line));
            Assert.Equal(new[] { "Doe, Jane", "Roe, Rick", "Bob", "Lee, Al", null, null }, Names(line));
            // A word before a bare address is no name of it: still its own bad entry, for the check to name.
            Assert.Equal(new[] { "Doe", "jane@contoso.com" }, Addresses("Doe, jane@contoso.com"));
        }

        [Theory]
        // What it cannot read is one entry as written, for the address check to name: not cut into pieces at a separator.
        [InlineData("\"Doe, Jane <jane@contoso.com>")]
        [InlineData("Jane <jane@contoso.com> extra")]
        [InlineData("Jane <<jane@contoso.com>>")]
        [InlineData("Jane <jane@contoso.com")]
        public void An_entry_it_cannot_read_stays_whole_without_a_name(string entry)
        {
            var read = AddressLine.Read(entry).Single();
            Assert.Equal(entry, read.Address);
            Assert.Null(read.Name);
        }

        [Theory]
        // 'Jane <jane@>' was sent on to the checks as 'jane@', which the admin never wrote: a bad address is sent as written.
        [InlineData("Jane <jane@>", "jane@", "Jane <jane@>")]
        [InlineData("\"Doe, Jane\" <>", "", "\"Doe, Jane\" <>")]
        [InlineData("Jane <jane@contoso.com>", "jane@contoso.com", "jane@contoso.com")]
        [InlineData("jane@", "jane@", "jane@")]
        public void An_entry_is_sent_by_its_address_when_good_and_as_written_when_not(string entry, string address, string toSend)
        {
            var read = AddressLine.One(entry);
            Assert.Equal(address, read.Address);
            Assert.Equal(entry, read.Written);
            Assert.Equal(toSend, read.ToSend);
        }

        [Theory]
        [InlineData("ann@contoso.com  bob@contoso.com", new[] { "ann@contoso.com", "bob@contoso.com" })]
        [InlineData("Jane Doe <jane@contoso.com> bob@contoso.com", new[] { "Jane Doe <jane@contoso.com>", "bob@contoso.com" })]
        [InlineData("\"Doe, Jane\" <jane@contoso.com>\tBob<bob@contoso.com>", new[] { "\"Doe, Jane\" <jane@contoso.com>", "Bob<bob@contoso.com>" })]
        [InlineData("Jane <ann@contoso.com bob@contoso.com>", new[] { "Jane <ann@contoso.com bob@contoso.com>" })]
        public void Entries_apart_by_spaces_alone_are_read_as_written(string value, string[] entries) =>
            Assert.Equal(entries, AddressLine.ApartBySpaces(value));

        [Theory]
        // Not entries apart by spaces: a name without its address, an address after name words, an open quote or bracket.
        [InlineData("ann@contoso.com Jane")]
        [InlineData("Jane jane@contoso.com")]
        [InlineData("\"Doe, Jane <jane@contoso.com>")]
        [InlineData("Jane <jane@contoso.com")]
        public void A_value_that_is_not_entries_apart_by_spaces_gives_none(string value) =>
            Assert.Null(AddressLine.ApartBySpaces(value));

        [Fact]
        public void Only_separators_give_no_entry_and_a_bare_address_is_plain()
        {
            Assert.Empty(AddressLine.Read(" ; , "));
            Assert.True(AddressLine.IsPlain("ann.o'neil+news@example.com"));
            Assert.False(AddressLine.IsPlain("Ann <ann@example.com>"));
            Assert.False(AddressLine.IsPlain("a@example.com;b@example.com"));
        }
    }

    public class EmailDestinationsTests
    {
        private static string[] Of(EmailDestinations destinations, params string[] given) => Of(destinations, 1, given);

        private static string[] Of(EmailDestinations destinations, long row, params string[] given) =>
            destinations.Of(given.Select(address => new ConnectDestination(address)).ToArray(), row)!.Select(d => d.Address).ToArray();

        private const string JaneNote = "To: the display name 'Jane Doe' is not sent, nor any other in -To: the service takes addresses only, " +
            "so the email goes to jane@contoso.com by its address alone.";

        [Fact]
        public void Display_names_and_address_lines_in_To_give_their_addresses()
        {
            var destinations = new EmailDestinations();
            Assert.Equal(new[] { "jane@contoso.com" }, Of(destinations, "Jane Doe <jane@contoso.com>"));
            Assert.Equal(new[] { "ann@contoso.com", "bob@contoso.com", "cy@contoso.com" },
                Of(destinations, "ann@contoso.com; \"Roe, Bob\" <bob@contoso.com>", "cy@contoso.com"));
        }

        [Fact]
        public void Plain_addresses_are_given_back_as_they_came_and_the_command_lines_are_read_once()
        {
            var destinations = new EmailDestinations();
            var plain = new[] { new ConnectDestination("ann@contoso.com"), new ConnectDestination("") };
            Assert.Same(plain, destinations.Of(plain, 1));
            var line = new[] { new ConnectDestination("Jane <jane@contoso.com>") };
            Assert.Same(destinations.Of(line, 1), destinations.Of(line, 2));
        }

        [Theory]
        // Exchange's EmailAddresses stays whole, for the check that names its primary address; only separators, for the check
        // that says it holds none.
        [InlineData("SMTP:ann@contoso.com;smtp:ann@contoso.onmicrosoft.com")]
        [InlineData(";")]
        public void A_value_the_checks_name_as_a_whole_stays_whole(string value)
        {
            Assert.Equal(new[] { value }, Of(new EmailDestinations(), value));
        }

        [Fact]
        public void The_first_display_name_is_said_once_and_a_bare_address_says_nothing()
        {
            var destinations = new EmailDestinations();
            Of(destinations, 1, "ann@contoso.com");
            Assert.Null(destinations.NameNote(1, preview: false));
            Of(destinations, 2, "Jane Doe <jane@contoso.com>; Bob <bob@contoso.com>");
            Assert.Equal(JaneNote, destinations.NameNote(2, preview: false));
            Of(destinations, 3, "Cy <cy@contoso.com>");
            Assert.Null(destinations.NameNote(3, preview: false));
        }

        [Fact]
        public void A_display_name_is_said_at_the_row_that_wrote_it_and_not_at_a_later_row()
        {
            // Row 1 is read, then found Invalid (never sent, so never asked): before, row 2 said row 1's name and address.
            var destinations = new EmailDestinations();
            Of(destinations, 1, "Ann <ann@contoso.com>");
            Of(destinations, 2, "bob@contoso.com");
            Assert.Null(destinations.NameNote(2, preview: false));
            Of(destinations, 3, "Jane Doe <jane@contoso.com>");
            Assert.Equal(JaneNote, destinations.NameNote(3, preview: false));
        }

        [Fact]
        public void A_display_name_of_the_command_lines_To_is_said_at_the_first_row_sent()
        {
            var destinations = new EmailDestinations();
            var line = new[] { new ConnectDestination("Jane Doe <jane@contoso.com>") };
            destinations.Of(line, 1);
            destinations.Of(line, 2);
            Assert.Null(destinations.NameNote(1, preview: false));
            Assert.Equal(JaneNote, destinations.NameNote(2, preview: false));
        }

        [Fact]
        public void A_display_name_around_a_bad_address_stays_as_written_and_is_not_said()
        {
            var destinations = new EmailDestinations();
            Assert.Equal(new[] { "Jane <jane@>", "bob@contoso.com" }, Of(destinations, 1, "Jane <jane@>; Bob <bob@contoso.com>"));
            Assert.Equal("To: the display name 'Bob' is not sent, nor any other in -To: the service takes addresses only, so the email " +
                "goes to bob@contoso.com by its address alone.", destinations.NameNote(1, preview: false));
        }

        [Fact]
        public void Under_WhatIf_the_display_name_note_says_where_the_email_would_go()
        {
            // Before, -WhatIf -Verbose said the email "goes to" an address while nothing was sent.
            var destinations = new EmailDestinations();
            Of(destinations, 1, "Bob <bob@contoso.com>");
            Assert.Equal("To: the display name 'Bob' is not sent, nor any other in -To: the service takes addresses only, so the email " +
                "would go to bob@contoso.com by its address alone.", destinations.NameNote(1, preview: true));
        }
    }
}
