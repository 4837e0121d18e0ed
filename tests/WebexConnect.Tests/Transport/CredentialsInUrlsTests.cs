using WebexConnect.Engine.Transport;
using Xunit;

namespace WebexConnect.Tests.Transport
{
    /// <summary>A proxy URL's user name and password (HTTPS_PROXY=http://user:password@proxy) never reach a message.</summary>
    public class CredentialsInUrlsTests
    {
        [Theory]
        [InlineData("The proxy tunnel request to proxy 'http://puser:p%40ss:w0rd@10.0.0.1:3128/' failed with status code '407'.",
            "The proxy tunnel request to proxy 'http://***@10.0.0.1:3128/' failed with status code '407'.")]
        [InlineData("proxy http://only-user@proxy.corp:8080 refused", "proxy http://***@proxy.corp:8080 refused")]
        [InlineData("a socks5://u:p@127.0.0.1:1080 and https://a:b@c/", "a socks5://***@127.0.0.1:1080 and https://***@c/")]
        public void TheUserInfoOfEachUrlIsHidden(string text, string shown) => Assert.Equal(shown, CredentialsInUrls.Hidden(text));

        [Theory]
        [InlineData("Connection refused (127.0.0.1:1)")]
        [InlineData("mail ann@example.com bounced")]
        [InlineData("https://api.eu.webexconnect.io/v2/messages?to=a@b: 404")]
        public void TextWithoutCredentialsInAUrlIsLeftAsItIs(string text) => Assert.Equal(text, CredentialsInUrls.Hidden(text));
    }
}
