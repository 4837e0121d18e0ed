using System;
using WebexConnect.Engine.Transport;
using Xunit;

namespace WebexConnect.Tests.Transport
{
    public class EndpointTests
    {
        [Theory]
        [InlineData("http://api.us.webexconnect.io/")]
        [InlineData("http://10.0.0.5:8080/")]
        [InlineData("http://128.0.0.1/")]
        [InlineData("http://localhost.example.com/")]
        public void PlainHttp_ToAnotherMachine_IsRefused(string uri)
        {
            var error = Assert.Throws<ArgumentException>(() => EndpointPolicy.EnsureAllowed(new Uri(uri)));
            Assert.Contains("Refusing plain http://", error.Message);
            Assert.Throws<ArgumentException>(() => ConnectHttpClientFactory.Create(new Uri(uri)));
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://127.8.9.10/")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("http://localhost:5000/")]
        [InlineData("https://api.eu.webexconnect.io/")]
        [InlineData("https://connect.example.internal/")]
        public void Https_OrPlainHttpToThisMachine_IsAllowed(string uri)
        {
            Assert.Null(EndpointPolicy.Problem(new Uri(uri)));
        }

        [Fact]
        public void OtherSchemes_AreRefused()
        {
            Assert.NotNull(EndpointPolicy.Problem(new Uri("ftp://127.0.0.1/")));
        }

        [Fact]
        public void EveryRegion_MapsToItsApiHost()
        {
            Assert.Equal(new[] { "us", "us1", "eu", "uk", "ca", "in", "au", "sg" }, Regions.Names);
            foreach (var region in Regions.Names)
            {
                Assert.Equal(new Uri("https://api." + region + ".webexconnect.io/"), Regions.BaseUri(region));
            }

            Assert.Equal(new Uri("https://api.eu.webexconnect.io/"), Regions.BaseUri(" EU "));
        }

        [Fact]
        public void AnUnknownRegion_NamesTheKnownOnes()
        {
            var error = Assert.Throws<ArgumentException>(() => Regions.BaseUri("mars"));
            Assert.Contains("us, us1, eu", error.Message);
        }
    }
}
