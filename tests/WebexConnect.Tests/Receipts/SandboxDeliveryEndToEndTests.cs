using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WebexConnect.Engine;
using WebexConnect.Engine.Receipts;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Receipts;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    /// <summary>-Sandbox end to end without PowerShell: sends with a loopback notifyUrl, the sandbox posts receipts to a real listener, the join reads them.</summary>
    public class SandboxDeliveryEndToEndTests
    {
        [Fact]
        public void EveryAcceptedNumberGetsAFinalReceiptAndTheFailedShareIsAboutWhatWasAskedFor()
        {
            using var listener = ReceiptListener.Start(new ReceiptListenerOptions());
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Sandbox, BaseUri = new Uri("https://sandbox.invalid/"), Tps = 1000, SandboxFailureRate = 0.25,
            });
            var results = new List<SendResult>();
            using (var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None))
            {
                var message = new SmsMessage { From = "ACME", Text = "Hi", NotifyUrl = listener.Url.ToString() };
                for (var i = 1; i <= 200; i++)
                    dispatcher.Add(new DispatchItem(message, new Recipient("+4477009" + i.ToString("00000"), "row-" + i), null) { Row = i });
                results.AddRange(dispatcher.Complete());
            }
            var join = new DeliveryJoin(listener.Receipts);
            foreach (var result in results) join.Add(result);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (join.Waiting > 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
                join.Pull();
            }
            var delivered = join.TakeReady(all: true);

            Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), delivered.Select(d => d.Row));
            Assert.All(delivered, d => Assert.False(d.TimedOut));
            var failed = delivered.Count(d => d.Status == DeliveryStatus.Failed);
            Assert.Equal(200 - failed, delivered.Count(d => d.Status == DeliveryStatus.Delivered));
            Assert.InRange(failed, 25, 75);
            Assert.All(delivered.Where(d => d.Status == DeliveryStatus.Failed), d => Assert.Equal("7102", d.Code));
            Assert.Equal(400, listener.Receipts.Received);
        }

        [Fact]
        public void TheSameAddressAlwaysMeetsTheSameFate()
        {
            var options = new SandboxOptions { FailedReceiptShare = 0.5 };
            var first = new SandboxDeliveryFate(options);
            var second = new SandboxDeliveryFate(options);
            var addresses = Enumerable.Range(0, 100).Select(i => "+44770090" + i.ToString("0000")).ToList();

            Assert.Equal(addresses.Select(first.Fails), addresses.Select(second.Fails));
            Assert.Contains(true, addresses.Select(first.Fails));
            Assert.Contains(false, addresses.Select(first.Fails));
            Assert.DoesNotContain(true, addresses.Select(new SandboxDeliveryFate(new SandboxOptions()).Fails));
            Assert.DoesNotContain(false, addresses.Select(new SandboxDeliveryFate(new SandboxOptions { FailedReceiptShare = 1 }).Fails));
        }
    }
}
