namespace WebexConnect.Commands
{
    /// <summary>
    /// The refusal of $null given for a secret or a credential. A scheduled script fills the variable from a vault or a file a
    /// line before (Get-Secret, Import-Clixml); when that failed, the variable is $null, and PowerShell's own answer ("Cannot
    /// validate argument on parameter 'ServiceKey'. The argument is null", or a question for a user name under [Credential])
    /// did not point at the line that failed. One wording for every such parameter, so the log reads the same whichever it was.
    /// </summary>
    internal static class NullSecretArgument
    {
        /// <param name="parameterName">The parameter as the message names it ("ServiceKey").</param>
        /// <param name="holds">What the variable should have held ("credential", "secret").</param>
        /// <param name="give">The sentence that says what to give instead.</param>
        /// <param name="advice">Where else the command can find it (an environment variable read when the parameter is left out), or null.</param>
        public static string Message(string parameterName, string holds, string give, string? advice) =>
            $"-{parameterName} is $null: the variable given holds no {holds} (did the Import-Clixml or Get-Secret that should " +
            $"have filled it fail?). {give}" + (advice is null ? "" : " " + advice);
    }
}
