using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Session.Secrets;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Session
{
    public class Base64SecretTests
    {
        [Theory]
        [InlineData("c2VjcmV0", true)]
        [InlineData("c2VjcmV0LWI=", true)]
        [InlineData("c2VjcmV0LQ==", true)]
        [InlineData("c2Vj cmV0 ", true)]
        [InlineData("c2VjcmV", false)]
        [InlineData("c2VjcmV0LQ===", false)]
        [InlineData("c2Vj=mV0", false)]
        [InlineData("c2VjcmV0-_==", false)]
        [InlineData("plain text", false)]
        [InlineData("   ", false)]
        public void AcceptsStandardBase64Only(string secret, bool valid)
        {
            Assert.Equal(valid, Base64Secret.IsValid(Secure(secret)));
        }
    }
}
