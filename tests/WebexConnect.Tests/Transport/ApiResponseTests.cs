using System.Text;
using WebexConnect.Engine.Transport;
using Xunit;

namespace WebexConnect.Tests.Transport
{
    public class ApiResponseTests
    {
        [Fact]
        public void Decode_FollowsTheLabel_AndFallsBackToUtf8ForAnUnknownOne()
        {
            var latin1 = Encoding.Latin1.GetBytes("Paramètre");
            var utf8 = Encoding.UTF8.GetBytes("Paramètre");

            Assert.Equal("Paramètre", ApiResponse.Decode(latin1, "ISO-8859-1"));
            Assert.Equal("Paramètre", ApiResponse.Decode(latin1, "\"iso-8859-1\""));
            Assert.Equal("Paramètre", ApiResponse.Decode(utf8, null));
            Assert.Equal("Paramètre", ApiResponse.Decode(utf8, "x-no-such-charset"));
        }
    }
}
