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

        [Fact]
        public void A_console_prompt_whose_input_is_closed_ends_the_command_with_a_reason_that_names_the_fix()
        {
            var hostFailure = Caught(ConsoleLikeHostUserInterface.PromptForChoice);

            Assert.True(ErrorActionStop.IsStopOfThisCommand(hostFailure, pipelineStopping: false));
            // Its wording, error ID and cause are checked in a real pwsh (Pester Pipeline and ShouldProcess): here
            // PowerShellStandard's System.Management.Automation stands in, whose exceptions keep none of them.
            Assert.IsType<System.Management.Automation.Host.HostException>(ErrorActionStop.Explained(hostFailure));
        }

        [Fact]
        public void A_console_prompt_refused_by_NonInteractive_ends_the_command_with_a_reason_that_names_the_fix()
        {
            // Before: pwsh -NonInteractive -File (the way about_WebexConnect says to start a scheduled script) ended the
            // send with the host's "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
            // which says neither what asked nor what to change.
            var refusal = Caught(ConsoleLikeHostUserInterface.HandleThrowOnReadAndPrompt);

            Assert.True(ErrorActionStop.IsStopOfThisCommand(refusal, pipelineStopping: false));
            // Its wording and error ID are checked in a real pwsh (Pester ExitCode): PowerShellStandard's exceptions keep neither.
            Assert.IsType<System.Management.Automation.Host.HostException>(ErrorActionStop.Explained(refusal));
        }

        [Fact]
        public void A_PSInvalidOperationException_from_anywhere_but_the_host_keeps_its_own_message()
        {
            var elsewhere = Caught(NotAHostRefusal);

            Assert.Same(elsewhere, ErrorActionStop.Explained(elsewhere));
        }

        [Fact]
        public void A_null_reference_anywhere_else_is_a_defect_and_stays_one()
        {
            var defect = Caught(NotAHost);

            Assert.False(ErrorActionStop.IsStopOfThisCommand(defect, pipelineStopping: false));
            Assert.Same(defect, ErrorActionStop.Explained(defect));
            var stop = new PipelineStoppedException();
            Assert.Same(stop, ErrorActionStop.Explained(stop));
        }

        private static Exception Caught(Action action)
        {
            try
            {
                action();
            }
            catch (Exception thrown)
            {
                return thrown;
            }
            throw new InvalidOperationException("Nothing was thrown.");
        }

        private static void NotAHost() => _ = Nothing!.Length;

        private static void NotAHostRefusal() => throw new PSInvalidOperationException("not a prompt");

        private static readonly string? Nothing = null;

        /// <summary>Stands for PowerShell's ConsoleHostUserInterface, whose PromptForChoice reads a null line at the end of its input.</summary>
        private static class ConsoleLikeHostUserInterface
        {
            public static void PromptForChoice() => _ = Nothing!.Length;

            /// <summary>What it calls first under -NonInteractive: it refuses to read or prompt.</summary>
            public static void HandleThrowOnReadAndPrompt() =>
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
        }
    }
}
