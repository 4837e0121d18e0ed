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
            var last = 0;
            var failure = Assert.Throws<SessionFailureException>(() =>
            {
                for (var row = 11; row <= 100_000; row++)
                {
                    last = row;
                    Send(run, row);
                    if (row > 20) Thread.Sleep(1);
                }
            });
            Assert.Equal("AuthenticationFailed", failure.ErrorId);

            var finished = run.TakeFinishedAfterFailure();

            // Every row read, the one whose Send rethrew included, has exactly one result, in order.
            Assert.Equal(Enumerable.Range(1, last).Select(Items.Number), finished.Select(r => r.Destination));
            Assert.All(finished.Take(10), r => Assert.Equal(SendStatus.Queued, r.Status));
            // Batch 2 was handed to the transport: it may have gone.
            Assert.All(finished.Skip(10).Take(10), r => Assert.Equal(SendStatus.Unknown, r.Status));
            // Two requests may be in flight: a batch that left beside batch 2 and was accepted keeps its Queued result
            // (how many did depends on the threads' timing). Every row after those never left: Failed, the row whose
            // Send rethrew included.
            var later = finished.Skip(20).ToList();
            var accepted = later.TakeWhile(r => r.Status == SendStatus.Queued).Count();
            Assert.Equal(0, accepted % 10);
            Assert.NotEmpty(later.Skip(accepted));
            Assert.All(later.Skip(accepted), r => Assert.Equal(SendStatus.Failed, r.Status));
            var stopped = finished.Skip(10).Where(r => r.Status != SendStatus.Queued).ToList();
            Assert.All(stopped, r => Assert.Equal(StoppedRecords.Code, r.Code));
            Assert.All(stopped, r => Assert.Contains("AuthenticationFailed", r.Reason, StringComparison.Ordinal));
            Assert.Empty(run.TakeFinishedAfterFailure());
        }

        [Fact]
        public void Rows_read_before_a_failure_get_results_even_when_no_request_succeeded()
        {
            var transport = new FakeTransport
            {
                Fail = _ => new SessionFailureException("ServiceInactive", "The service is inactive.", "1005"),
            };
            using var dispatcher = new Dispatcher(transport, new OpenGate(1), TestShapes.Of, Items.Options(maxConcurrent: 1), CancellationToken.None, Items.NoLinger);
            var run = new SendRun(dispatcher, new MessageChecks(_ => Array.Empty<ValidationProblem>(), (_, _) => Array.Empty<ValidationProblem>()));

            var last = 0;
            Assert.Throws<SessionFailureException>(() =>
            {
                for (var row = 1; row <= 100_000; row++)
                {
                    last = row;
                    Send(run, row);
                    Thread.Sleep(1);
                }
            });

            var finished = run.TakeFinishedAfterFailure();
            Assert.Equal(Enumerable.Range(1, last).Select(Items.Number), finished.Select(r => r.Destination));
            Assert.Equal(SendStatus.Unknown, finished[0].Status);
            Assert.All(finished, r => Assert.True(r.Status is SendStatus.Unknown or SendStatus.Failed, $"{r.Destination}: {r.Status}"));
            Assert.Empty(run.TakeFinishedAfterFailure());
        }

        private static void Send(SendRun run, int row)
        {
            var item = Items.Person(row);
            run.Send(row, item.Message, item.Recipient, item.InputObject);
        }
    }
}
