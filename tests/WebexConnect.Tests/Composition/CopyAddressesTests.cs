using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class CopyAddressesTests
    {
        [Theory]
        [InlineData("lead@example.com; hr@example.com")]
        [InlineData("lead@example.com, hr@example.com")]
        [InlineData(" lead@example.com ;hr@example.com; ")]
        [InlineData("lead@example.com\r\nhr@example.com")]
        public void A_cell_that_lists_several_addresses_gives_each_of_them(string cell)
        {
            Assert.Equal(new[] { "lead@example.com", "hr@example.com" }, CopyAddresses.Of(new[] { cell }));
        }

        [Fact]
        public void Items_of_a_list_are_split_too_and_empty_ones_name_no_one()
        {
            Assert.Equal(new[] { "a@example.com", "b@example.com", "c@example.com" },
                CopyAddresses.Of(new[] { "a@example.com", "", null!, "  ", "b@example.com;c@example.com" }));
            Assert.Empty(CopyAddresses.Of(new[] { "" }));
            Assert.Empty(CopyAddresses.Of(null));
        }

        [Fact]
        public void An_address_given_twice_in_any_case_is_copied_once_where_it_first_stands()
        {
            Assert.Equal(new[] { "boss@example.com", "hr@example.com" },
                CopyAddresses.Of(new[] { "boss@example.com; hr@example.com; Boss@Example.com", "boss@example.com" }));
        }

        [Theory]
        [InlineData("CN=Boss One,OU=Users,DC=contoso,DC=com")]
        [InlineData(" CN=Doe\\, John,OU=Staff,DC=contoso,DC=com ")]
        public void A_distinguished_name_is_one_value_not_a_list_at_its_commas(string cell)
        {
            // Get-ADUser's Manager, made the Cc column: split at its commas it was four bad "addresses", each told by itself.
            Assert.Equal(new[] { cell.Trim() }, CopyAddresses.Of(new[] { cell }));
        }

        [Fact]
        public void Distinguished_names_and_addresses_in_one_cell_are_split_at_semicolons()
        {
            Assert.Equal(new[] { "CN=Boss,OU=Users,DC=contoso,DC=com", "hr@contoso.com", "audit@contoso.com" },
                CopyAddresses.Of(new[] { "CN=Boss,OU=Users,DC=contoso,DC=com; hr@contoso.com, audit@contoso.com" }));
            // An '=' that is no distinguished name splits as before.
            Assert.Equal(new[] { "a=b@contoso.com", "c@contoso.com" }, CopyAddresses.Of(new[] { "a=b@contoso.com, c@contoso.com" }));
        }

        [Fact]
        public void Addresses_apart_by_spaces_only_stay_one_value_for_the_check_to_name()
        {
            Assert.Equal(new[] { "ann@example.com bob@example.com" }, CopyAddresses.Of(new[] { "ann@example.com bob@example.com" }));
        }

        [Fact]
        public void A_cell_of_display_names_gives_their_addresses_and_a_quoted_comma_splits_nothing()
        {
            // Before: 'Ann Smith <ann@example.com>' was refused as a display name, and '"Doe, Jane" <...>' was cut at its comma.
            Assert.Equal(new[] { "ann@example.com", "jane@example.com", "hr@example.com" },
                CopyAddresses.Of(new[] { "Ann Smith <ann@example.com>; \"Doe, Jane\" <jane@example.com>", "hr@example.com" }));
        }

        [Fact]
        public void The_key_tells_rows_with_other_copies_apart_and_none_from_an_empty_cell()
        {
            Assert.Null(CopyAddresses.Key(null));
            Assert.Null(CopyAddresses.Key(new[] { " " }));
            Assert.Equal(CopyAddresses.Key(new[] { "boss@example.com" }), CopyAddresses.Key(new[] { "boss@example.com" }));
            Assert.NotEqual(CopyAddresses.Key(new[] { "boss@example.com" }), CopyAddresses.Key(new[] { "lead@example.com" }));
            Assert.NotEqual(CopyAddresses.Key(new[] { "a@example.com", "b@example.com" }), CopyAddresses.Key(new[] { "a@example.com" }));
        }

        [Fact]
        public void WhatIf_says_a_batch_email_copies_and_nothing_for_other_messages()
        {
            var email = new EmailMessage { From = "news@example.com", Subject = "S", Text = "T", Cc = new[] { "boss@example.com" },
                Bcc = new[] { "audit@example.com", "legal@example.com" }, ReplyTo = "desk@example.com" };
            var batches = new WhatIfBatches(100);
            batches.Add(email, new Recipient("ann@example.com"), 1);

            Assert.Equal("batch 1: 1 destination, row 1 (ann@example.com), cc boss@example.com, bcc audit@example.com, legal@example.com, " +
                "reply to desk@example.com", batches.Flush()[0].Target);
            Assert.Equal("", CopyAddresses.Said(new EmailMessage { From = "news@example.com", Subject = "S", Text = "T" }));
            Assert.Equal("", CopyAddresses.Said(new SmsMessage { From = "ACME", Text = "Hi" }));
        }
    }
}
