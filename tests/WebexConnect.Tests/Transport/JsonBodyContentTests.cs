using System;
using System.IO;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;
using Xunit;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// Whether a stopped request's body started to leave is decided once: a body withheld never leaves afterwards (its
    /// rows are reported as never sent, and the journal sends them again), and one that started is never called withheld.
    /// </summary>
    public class JsonBodyContentTests
    {
        [Fact]
        public async Task A_withheld_body_is_never_written_afterwards()
        {
            var leaving = 0;
            using var content = new JsonBodyContent(new byte[] { 1, 2, 3 }, () => leaving++);

            Assert.True(content.WithholdIfNotStarted());

            using var stream = new MemoryStream();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => content.CopyToAsync(stream));
            Assert.Throws<OperationCanceledException>(() => content.Hand());
            Assert.Equal(0, stream.Length);
            Assert.Equal(0, leaving);
            Assert.False(content.BodyWritten);
        }

        [Fact]
        public void A_body_that_started_to_leave_is_not_withheld()
        {
            using var content = new JsonBodyContent(new byte[] { 1, 2, 3 });

            content.Hand();

            Assert.False(content.WithholdIfNotStarted());
            Assert.True(content.BodyWritten);
        }
    }
}
