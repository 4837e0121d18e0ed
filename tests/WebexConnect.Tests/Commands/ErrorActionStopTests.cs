using System;
using System.Management.Automation;
using WebexConnect.Commands;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// -ErrorAction Stop on an invalid row must let the send cmdlets finish and report the rows before it. In a
    /// real host WriteError throws PipelineStoppedException for that (the ActionPreferenceStopException goes to the
    /// caller), so the cmdlet must recognise that exception, and only while the pipeline is not being stopped.
    /// </summary>
    public class ErrorActionStopTests
    {
        [Fact]
        public void The_stop_WriteError_throws_under_ErrorAction_Stop_is_this_commands_own()
        {
            Assert.True(ErrorActionStop.IsStopOfThisCommand(new PipelineStoppedException(), pipelineStopping: false));
        }

        [Fact]
        public void An_ActionPreferenceStopException_is_recognised_too()
        {
            Assert.True(ErrorActionStop.IsStopOfThisCommand(new ActionPreferenceStopException(), pipelineStopping: false));
        }

        [Fact]
        public void A_stop_while_the_pipeline_is_stopping_is_Ctrl_C_and_not_ours()
        {
            Assert.False(ErrorActionStop.IsStopOfThisCommand(new PipelineStoppedException(), pipelineStopping: true));
        }

        [Fact]
        public void Inquire_in_a_host_without_a_UI_ends_the_command_as_Stop_does()
        {
            // A thread job or [powershell]::Create(): the prompt for the error cannot be shown.
            Assert.True(ErrorActionStop.IsStopOfThisCommand(new System.Management.Automation.Host.HostException("no UI"), pipelineStopping: false));
        }

        [Fact]
        public void Inquire_in_a_NonInteractive_host_ends_the_command_as_Stop_does()
        {
            // pwsh -NonInteractive (a scheduled task): "PowerShell is in NonInteractive mode."
            Assert.True(ErrorActionStop.IsStopOfThisCommand(new PSInvalidOperationException("NonInteractive"), pipelineStopping: false));
            Assert.False(ErrorActionStop.IsStopOfThisCommand(new PSInvalidOperationException("NonInteractive"), pipelineStopping: true));
        }

        [Fact]
        public void Any_other_failure_is_not_a_stop()
        {
            Assert.False(ErrorActionStop.IsStopOfThisCommand(new InvalidOperationException("boom"), pipelineStopping: false));
        }
    }
}
