using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>
    /// Before, only a space was encoded: 'https://cdn.example.com/Größe.png', 'https://例え.jp/a.png' and a URL with a character
    /// RFC 3986 does not allow (" &lt; &gt; { } | \ ^ `) went out as written, and the service, which fetches the file later, says
    /// nothing when it cannot.
    /// </summary>
    public class WireUrlTests
    {
        [Theory]
        [InlineData("https://cdn.example.com/Größe.png", "https://cdn.example.com/Gr%C3%B6%C3%9Fe.png")]
        [InlineData("https://例え.jp/a.png", "https://xn--r8jz45g.jp/a.png")]
        [InlineData("https://user@bücher.example:8443/ü?q=ü#ü", "https://user@xn--bcher-kva.example:8443/%C3%BC?q=%C3%BC#%C3%BC")]
        [InlineData("https://bücher.example?q=ü", "https://xn--bcher-kva.example?q=%C3%BC")]
        [InlineData("https://bücher.example#ü", "https://xn--bcher-kva.example#%C3%BC")]
        [InlineData("https://ann@bücher.example?a=b@ü", "https://ann@xn--bcher-kva.example?a=b@%C3%BC")]
        [InlineData("https://cdn.example.com/a\"b<c>d{e}f|g\\h^i`j.png", "https://cdn.example.com/a%22b%3Cc%3Ed%7Be%7Df%7Cg%5Ch%5Ei%60j.png")]
        [InlineData(" https://cdn.example.com/boarding pass.png\t", "https://cdn.example.com/boarding%20pass.png")]
        [InlineData("https://cdn.example.com/😀.png", "https://cdn.example.com/%F0%9F%98%80.png")]
        [InlineData("https://cdn.example.com/100%.png", "https://cdn.example.com/100%25.png")]
        [InlineData("https://cdn.example.com/a%20b%C3%B6 c.png", "https://cdn.example.com/a%20b%C3%B6%20c.png")]
        public void Encodes_what_a_url_may_not_hold_in_utf8_and_an_international_host_as_punycode(string given, string sent) =>
            Assert.Equal(sent, WireUrl.Of(given));

        [Theory]
        [InlineData("https://cdn.example.com/a%20b.png?x=1&y=a%2Fb;c=$(d)#top")]
        [InlineData("https://[2001:db8::1]:8443/p/a,b+c!*'()~@:x")]
        [InlineData("https://xn--r8jz45g.jp/a.png")]
        public void A_url_with_nothing_to_encode_is_the_same_string_not_a_copy(string url) => Assert.Same(url, WireUrl.Of(url));

        [Theory]
        // The vendor's own email example: the service fills these in, and %3C%3Ctopic_id%3E%3E it does not know.
        [InlineData("https://www.domain.tld/<<topic_id>>/<<sender_id>>/unsubscribe")]
        [InlineData("https://www.domain.tld/u?t=<<topic.id-2>>&s=$(sender)")]
        public void A_placeholder_of_the_service_travels_as_written(string url)
        {
            Assert.Same(url, WireUrl.Of(url));
            Assert.True(WireUrl.HasPlaceholder(url));
        }

        [Theory]
        [InlineData(" https://www.domain.tld/<<topic_id>>/a b", "https://www.domain.tld/<<topic_id>>/a%20b")]
        [InlineData("https://www.domain.tld/<<topic id>>/<<>>/<x>/<<a>", "https://www.domain.tld/%3C%3Ctopic%20id%3E%3E/%3C%3C%3E%3E/%3Cx%3E/%3C%3Ca%3E")]
        public void Only_a_whole_placeholder_of_a_name_travels_as_written(string given, string sent) => Assert.Equal(sent, WireUrl.Of(given));

        [Fact]
        public void The_previous_version_s_form_encodes_the_placeholder() =>
            Assert.Equal("https://www.domain.tld/%3C%3Ctopic_id%3E%3E/unsubscribe", WireUrl.WithPlaceholdersEncoded("https://www.domain.tld/<<topic_id>>/unsubscribe"));

        [Theory]
        [InlineData("https://cdn.example.com/a%20b.png", "https://cdn.example.com/a b.png")]
        [InlineData("https://cdn.example.com/Gr%C3%B6%C3%9Fe%7C.png", "https://cdn.example.com/Größe|.png")]
        // What means something else written plain stays escaped: a slash in a name, a '%' itself, a letter; so does no UTF-8.
        [InlineData("https://cdn.example.com/a%2Fb%25c%41%C3%28%FF.png", "https://cdn.example.com/a%2Fb%25c%41%C3%28%FF.png")]
        public void Unescaped_writes_only_what_no_url_holds_plain_and_sends_as_the_same_url(string mended, string plain)
        {
            Assert.Equal(plain, WireUrl.Unescaped(mended));
            Assert.Equal(WireUrl.Of(mended), WireUrl.Of(WireUrl.Unescaped(mended)));
        }

        [Fact]
        public void Encoding_twice_changes_nothing_more() =>
            Assert.Equal(WireUrl.Of(" https://例え.jp/Größe |x%.png"), WireUrl.Of(WireUrl.Of(" https://例え.jp/Größe |x%.png")));
    }
}
