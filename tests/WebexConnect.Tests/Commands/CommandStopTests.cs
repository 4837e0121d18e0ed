using System;
using System.Management.Automation;
using System.Reflection;
using WebexConnect.Commands;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// StopProcessing comes on another thread (Ctrl+C, Stop-Job) and may come after PowerShell disposed the command:
    /// it must not throw there, and the commands that wait must release what they waited on.
    /// </summary>
    public sealed class CommandStopTests
    {
        [Fact]
        public void AStopRequestedAfterDisposeDoesNothing()
        {
            var stop = new CommandStop();
            stop.Dispose();

            stop.Request();
        }

        [Fact]
        public void AWaitEndsWhenTheStopIsRequested()
        {
            using var stop = new CommandStop();
            stop.Request();

            Assert.True(stop.Wait(TimeSpan.FromSeconds(10)));
            Assert.True(stop.IsRequested);
        }

        /// <summary>Before: these made a CancellationTokenSource (Wait-ConnectDelivery a wait handle too) and never released it.</summary>
        [Theory]
        [InlineData(typeof(GetConnectMessageCommand))]
        [InlineData(typeof(TestWebexConnectCommand))]
        [InlineData(typeof(WaitConnectDeliveryCommand))]
        public void ACommandThatCanBeStoppedIsDisposableAndStopsQuietlyAfterDispose(Type type)
        {
            var command = (Cmdlet)Activator.CreateInstance(type)!;
            Assert.IsAssignableFrom<IDisposable>(command).Dispose();

            type.GetMethod("StopProcessing", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(command, null);
        }
    }
}
