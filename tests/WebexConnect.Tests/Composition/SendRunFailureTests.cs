using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A session failure (authentication refused after a token refresh) ends the run with a terminating error. Rows
    /// whose request succeeded just before it must still get their results: the real dispatcher rethrows the
    /// failure from the next Send before the cmdlet took them.
    /// </summary>
    public class SendRunFailureTests
    {
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

        [Fact]
        public void Rows_sent_before_a_session_failure_keep_their_results_after_Send_rethrows_it()
        {
            var transport = new FakeTransport
            {
                Fail = batch => batch.Number == 2 ? new SessionFailureException("AuthenticationFailed", "Authentication failed after a token refresh.", "401") : null,
            };
            using var dispatcher = new Dispatcher(transport, new OpenGate(10), TestShapes.Of, Items.Options(maxConcurrent: 2), CancellationToken.None, Items.NoLinger);
            var checks = new MessageChecks(_ => Array.Empty<ValidationProblem>(), (_, _) => Array.Empty<ValidationProblem>());
            var run = new SendRun(dispatcher, checks);

            // Batch 1 (rows 1-10) succeeds; its results wait, untaken, as they do between two pipeline rows.
            for (var row = 1; row <= 10; row++) Send(run, row);
            Assert.True(SpinWait.SpinUntil(() => dispatcher.Progress.Completed == 10, Generous));

            // Batch 2 fails; the next Send rethrows the failure.
            var failure = Assert.Throws<SessionFailureException>(() =>
            {
                for (var row = 11; row <= 100_000; row++)
                {
                    Send(run, row);
                    if (row > 20) Thread.Sleep(1);
                }
            });
            Assert.Equal("AuthenticationFailed", failure.ErrorId);

            var finished = run.TakeFinishedAfterFailure();

            Assert.Equal(Enumerable.Range(1, 10).Select(Items.Number), finished.Select(r => r.Destination));
            Assert.All(finished, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(10, run.Completed);
            Assert.Empty(run.TakeFinishedAfterFailure());
        }

        [Fact]
        public void Nothing_finished_means_nothing_to_report()
        {
            var transport = new FakeTransport
            {
                Fail = _ => new SessionFailureException("ServiceInactive", "The service is inactive.", "1005"),
            };
            using var dispatcher = new Dispatcher(transport, new OpenGate(1), TestShapes.Of, Items.Options(maxConcurrent: 1), CancellationToken.None, Items.NoLinger);
            var run = new SendRun(dispatcher, new MessageChecks(_ => Array.Empty<ValidationProblem>(), (_, _) => Array.Empty<ValidationProblem>()));

            Assert.Throws<SessionFailureException>(() =>
            {
                for (var row = 1; row <= 100_000; row++)
                {
                    Send(run, row);
                    Thread.Sleep(1);
                }
            });

            Assert.Empty(run.TakeFinishedAfterFailure());
        }

        private static void Send(SendRun run, int row)
        {
            var item = Items.Person(row);
            run.Send(row, item.Message, item.Recipient, item.InputObject);
        }
    }
}
