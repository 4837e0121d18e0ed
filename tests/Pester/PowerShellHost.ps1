# Dot-sourced by the Pester files that start a new PowerShell (not a test file: Pester runs only *.Tests.ps1).

# The command line of a new PowerShell of this host's kind: pwsh, Windows PowerShell, or, when this one runs as
# "dotnet pwsh.dll" (the pinned .NET tool), dotnet with pwsh.dll as its first argument.
function Get-PowerShellHostCommand {
    $path = (Get-Process -Id $PID).Path
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($path) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    [pscustomobject]@{ Path = $path; Prefix = $prefix }
}

# Runs a new PowerShell of this host's kind with its input left open, as a scheduled task's console no one sees keeps
# it: a question then waits for an answer no one gives. Returns whether it ended within TimeoutSeconds, its exit code
# and what it wrote (output and errors); a run still going is killed.
# -CloseInput: the input is closed at once instead, as for a task started with none: a question reads end of input.
function Invoke-PowerShellWithInputOpen {
    param(
        [Parameter(Mandatory)] [string[]] $Arguments,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 60,
        [switch] $CloseInput
    )
    $powershell = Get-PowerShellHostCommand
    $start = [System.Diagnostics.ProcessStartInfo]::new($powershell.Path)
    foreach ($arg in @($powershell.Prefix) + $Arguments) { $start.ArgumentList.Add($arg) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $run = [System.Diagnostics.Process]::Start($start)
    try {
        if ($CloseInput) { $run.StandardInput.Close() }
        $errors = $run.StandardError.ReadToEndAsync()
        $output = $run.StandardOutput.ReadToEndAsync()
        $ended = $run.WaitForExit($TimeoutSeconds * 1000)
        if (-not $ended) { $run.Kill($true) }
        [pscustomobject]@{
            Ended    = $ended
            ExitCode = if ($ended) { $run.ExitCode } else { $null }
            Text     = $output.GetAwaiter().GetResult() + $errors.GetAwaiter().GetResult()
        }
    }
    finally {
        if (-not $run.HasExited) { $run.Kill($true) }
        $run.Dispose()
    }
}

# Runs Command in a new PowerShell of this host's kind whose time zone is TimeZone (TZ, which PowerShell reads on Linux
# and macOS) and returns the lines it wrote to its output; its errors are left out.
function Invoke-PowerShellInTimeZone {
    param(
        [Parameter(Mandatory)] [string] $TimeZone,
        [Parameter(Mandatory)] [string] $Command
    )
    $powershell = Get-PowerShellHostCommand
    $previous = $env:TZ
    try {
        $env:TZ = $TimeZone
        & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -Command $Command 2>$null
    } finally {
        $env:TZ = $previous
    }
}

# Runs Send, a send command line, in a new PowerShell of this host's kind that imported the built module and connected
# to a sandbox, with Arguments as $args (a CSV's path) and Answer as its input (to -Confirm's question): what -WhatIf and
# -Confirm write goes to the host, not to a stream, and a new PowerShell's output shows it as an admin's console would.
# Returns the lines it wrote, errors included; the last is "SENT <n>", the requests the sandbox received.
function Invoke-SendInNewPowerShell {
    param(
        [Parameter(Mandatory)] [string] $Send,
        [string[]] $Arguments = @(),
        [string] $Answer
    )
    $module = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
    $script = Join-Path $TestDrive "send-$([guid]::NewGuid().ToString('n')).ps1"
    Set-Content -LiteralPath $script -Encoding UTF8 -Value @(
        "Import-Module '$($module -replace "'", "''")'"
        'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null'
        "$Send | Out-Null"
        '"SENT $(@(Get-ConnectSandboxRequest).Count)"')
    $powershell = Get-PowerShellHostCommand
    @($Answer | & $powershell.Path @($powershell.Prefix) -NoProfile -File $script @Arguments 2>&1 | ForEach-Object { "$_" })
}
