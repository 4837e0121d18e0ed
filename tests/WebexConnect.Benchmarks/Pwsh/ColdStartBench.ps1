#Requires -Version 7.0
<#
.SYNOPSIS
    Measures what a scheduled task pays each time it starts a new pwsh to send a few rows: Import-Module,
    Connect-WebexConnect, the first result, the whole send, and how long the process takes to end after its last result.
.DESCRIPTION
    Task Scheduler (or cron) runs `pwsh -File send.ps1` every few minutes, so every run is a cold start. This script
    starts a fresh pwsh for every measurement (the same pwsh that runs it, -NoProfile) and reports medians:
      importMs       Import-Module of the manifest
      connectMs      Connect-WebexConnect (-Sandbox, or -BaseUri to a loopback service with a service key)
      firstResultMs  from the start of the send pipeline to its first result object (one piped row)
      sendMs         from the start of the send pipeline to its last result: 1 row, and -Rows rows
      exitMs         from the last result to the end of the process, as the parent sees it (anything that keeps it
                     alive: timers, listeners, a flush)
      processMs      the whole process, start to end, as the parent sees it
    Scenarios: sandbox (Connect-WebexConnect -Sandbox), loopback (a loopback HTTP service started here, in this
    process, that answers 201 to every POST: the real transport, the shared TPS ledger and its folder), and
    staleLedgers (loopback, with -StaleLedgers unused ledgers of other tenants in a private ledger folder, made again
    before every run, and this tenant's ledger removed, so every run makes a new ledger as a first Connect does).
    By hand:
        dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/ColdStartBench.ps1 -Repeat 10 -Json
    With two or more -ModulePath (a base build and this one), each round runs every measurement with each build in
    turn, so a burst of load from other work on the machine hits them alike; each build's fields are then prefixed
    with its number (1., 2., in the order given). Timings in fresh processes are at the mercy of the machine's load:
    loadAverage says what it was, and the *CpuMs fields (the process's processor time over the same steps, every
    thread) move less with it than the wall-clock ones.
#>
[CmdletBinding()]
param(
    [int] $Repeat = 10,
    [int] $Rows = 100,
    [int] $StaleLedgers = 3000,
    [string[]] $Scenario = @('sandbox', 'loopback', 'staleLedgers'),
    [string[]] $ModulePath = (Join-Path $PSScriptRoot '../../../out/WebexConnect/WebexConnect.psd1'),
    [switch] $Json,
    # Internal: the child process's part (one measurement), with the loopback service's URI or none for the sandbox.
    [switch] $Child,
    [string] $Uri = ''
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

if ($Child) {
    # The times are taken in the child with one clock; the last result's time goes out as UTC ticks so that the parent
    # can tell how long the process lived after it.
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $started = $process.StartTime.ToUniversalTime()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $startupMs = ([DateTime]::UtcNow - $started).TotalMilliseconds
    function Get-CpuMs { $process.Refresh(); $process.TotalProcessorTime.TotalMilliseconds }
    $cpu0 = Get-CpuMs
    Import-Module $ModulePath[0]
    $importMs = $clock.Elapsed.TotalMilliseconds
    $cpu1 = Get-CpuMs
    if ($Uri) {
        Connect-WebexConnect -BaseUri $Uri -ServiceKey (ConvertTo-SecureString 'cold-start-key' -AsPlainText -Force) -Tps 1000
    }
    else {
        Connect-WebexConnect -Sandbox -Tps 1000
    }
    $connectMs = $clock.Elapsed.TotalMilliseconds - $importMs
    $cpu2 = Get-CpuMs
    $data = foreach ($i in 1..$Rows) { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $i; Name = "Person $i" } }
    $first = $null
    $queued = 0
    $sendStart = $clock.Elapsed.TotalMilliseconds
    $data | Send-ConnectSms -From ACME -Text 'Hi $(Name)' | ForEach-Object {
        if ($null -eq $first) { $first = $clock.Elapsed.TotalMilliseconds }
        if ($_.Status -eq 'Queued') { $queued++ }
    }
    $last = [DateTime]::UtcNow
    $sendMs = $clock.Elapsed.TotalMilliseconds - $sendStart
    $cpu3 = Get-CpuMs
    [pscustomobject]@{
        startupMs = $startupMs; importMs = $importMs; connectMs = $connectMs; firstResultMs = $first - $sendStart
        sendMs = $sendMs; importCpuMs = $cpu1 - $cpu0; connectCpuMs = $cpu2 - $cpu1; sendCpuMs = $cpu3 - $cpu2
        queued = $queued; lastResultTicks = $last.Ticks
    } | ConvertTo-Json -Compress
    return
}

$pwshDll = [Environment]::GetCommandLineArgs()[0]
$hostPath = [Environment]::ProcessPath
# pwsh -File passes "a,b" as one string: split it, as -Command would have.
$ModulePath = @($ModulePath | ForEach-Object { $_ -split ',' } | ForEach-Object { (Resolve-Path $_).Path })
$Scenario = @($Scenario | ForEach-Object { $_ -split ',' })

function Invoke-Child([string] $Module, [int] $Count, [string] $Service, [hashtable] $Environment) {
    $info = [Diagnostics.ProcessStartInfo]::new($hostPath)
    # The same pwsh as this one: `dotnet pwsh.dll` when it runs as the .NET tool, pwsh itself when installed (whose
    # first command-line argument may name its pwsh.dll too, which pwsh would take for a script).
    if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { $info.ArgumentList.Add($pwshDll) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-Child', '-Rows', $Count, '-ModulePath', $Module) {
        $info.ArgumentList.Add([string]$a)
    }
    if ($Service) { $info.ArgumentList.Add('-Uri'); $info.ArgumentList.Add($Service) }
    foreach ($k in $Environment.Keys) { $info.Environment[$k] = $Environment[$k] }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $out = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $ended = [DateTime]::UtcNow
    $processMs = $clock.Elapsed.TotalMilliseconds
    $line = ($out -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1)
    if (-not $line) { throw "The child process wrote no result (exit code $($process.ExitCode)): $out $($errors.Result)" }
    $r = $line | ConvertFrom-Json
    if ($r.queued -ne $Count) { throw "The child process queued $($r.queued) of $Count rows: $($errors.Result)" }
    $r | Add-Member exitMs (($ended - [DateTime]::new([long]$r.lastResultTicks, 'Utc')).TotalMilliseconds)
    $r | Add-Member processMs $processMs
    $r
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] }
    else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

# The loopback service: a socket, HTTP/1.1, 201 and a message ID for every POST (tests/Pester/LoopbackService.ps1).
$service = $null
$ledgerRoot = $null
if ($Scenario -contains 'loopback' -or $Scenario -contains 'staleLedgers') {
    . (Join-Path $PSScriptRoot '../../Pester/LoopbackService.ps1')
    $service = [WebexConnectPester.LoopbackService]::new()
    # A ledger folder of its own for each scenario, so that the account's real one is neither read nor filled, and
    # the stale ledgers of one are not the other's (LOCALAPPDATA on Linux is XDG_DATA_HOME, else ~/.local/share).
    $ledgerRoot = Join-Path ([IO.Path]::GetTempPath()) "webexconnect-coldstart-$PID"
    foreach ($name in 'loopback', 'staleLedgers') {
        New-Item -ItemType Directory -Force (Join-Path $ledgerRoot "$name/WebexConnect") | Out-Null
    }
}

function Reset-StaleLedgers {
    $folder = Join-Path $ledgerRoot 'staleLedgers/WebexConnect'
    Get-ChildItem $folder -Filter 'WebexConnect-tps-*.ledger' | Remove-Item -Force
    $old = [DateTime]::UtcNow.AddDays(-3)
    for ($i = 0; $i -lt $StaleLedgers; $i++) {
        $path = Join-Path $folder ('WebexConnect-tps-stale{0:D6}.ledger' -f $i)
        [IO.File]::WriteAllBytes($path, [byte[]]::new(64))
        [IO.File]::SetLastWriteTimeUtc($path, $old)
    }
}

# A build's fields are prefixed with its number when more than one is compared.
$prefixes = if ($ModulePath.Count -gt 1) { 1..$ModulePath.Count | ForEach-Object { "$_." } } else { @('') }
$runs = [ordered]@{}
foreach ($prefix in $prefixes) {
    foreach ($name in $Scenario) {
        foreach ($count in 1, $Rows) { $runs["$prefix$name$count"] = [Collections.Generic.List[object]]::new() }
    }
}
for ($round = 1; $round -le $Repeat; $round++) {
    foreach ($name in $Scenario) {
        foreach ($count in 1, $Rows) {
            for ($b = 0; $b -lt $ModulePath.Count; $b++) {
                $uri = if ($name -eq 'sandbox') { '' } else { $service.BaseUri }
                $environment = @{}
                if ($name -ne 'sandbox') {
                    $root = Join-Path $ledgerRoot $name
                    $environment = @{ XDG_DATA_HOME = $root; LOCALAPPDATA = $root }
                }
                if ($name -eq 'staleLedgers') { Reset-StaleLedgers }
                $runs["$($prefixes[$b])$name$count"].Add((Invoke-Child $ModulePath[$b] $count $uri $environment))
            }
        }
    }
}
$staleLeft = if ($Scenario -contains 'staleLedgers') {
    @(Get-ChildItem (Join-Path $ledgerRoot 'staleLedgers/WebexConnect') -Filter 'WebexConnect-tps-stale*').Count
}
if ($service) { $service.Dispose() }
if ($ledgerRoot) { Remove-Item -Recurse -Force $ledgerRoot }

$report = [ordered]@{ repeat = $Repeat; rows = $Rows; staleLedgers = $StaleLedgers }
for ($b = 0; $b -lt $ModulePath.Count; $b++) { $report["$($prefixes[$b])modulePath"] = $ModulePath[$b] }
foreach ($key in $runs.Keys) {
    foreach ($field in 'startupMs', 'importMs', 'connectMs', 'firstResultMs', 'sendMs', 'exitMs', 'processMs',
        'importCpuMs', 'connectCpuMs', 'sendCpuMs') {
        $report["$key.$field"] = [math]::Round((Get-Median $runs[$key].$field), 1)
    }
}
# What the last staleLedgers run (the last build's) left of the stale ledgers it was given.
$report['staleLedgersLeftAfterLastRun'] = $staleLeft
$report['loadAverage'] = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { '' }
if ($Json) { [pscustomobject]$report | ConvertTo-Json -Compress }
else { [pscustomobject]$report | Format-List | Out-String -Width 100 }
