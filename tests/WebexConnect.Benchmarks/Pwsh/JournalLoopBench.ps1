#Requires -Version 7.0
<#
.SYNOPSIS
    Measures a script's foreach loop of one-row calls that all give the same -Journal, the way the about topic
    recommends it: foreach ($u in Import-Csv big.csv) { Send-ConnectSms -To $u.Phone -Text ... -Journal run.journal }.
.DESCRIPTION
    Run by hand, in one real pwsh process against the sandbox (-Tps 1000000, no latency):
        dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/JournalLoopBench.ps1 -Rows 5000 -Json
    Each call is a send run of its own: it opens and locks the journal and learns what earlier calls recorded before
    its row. The loop runs with -Journal and, for comparison, without; then the same rows piped once with -Journal.
    Reported: the mean milliseconds of a call over the first -Window calls and over the last -Window calls of each
    loop (flat when a call's cost does not grow with the journal), the median call, the loop's total seconds, and the
    piped run's.
    Prints a list and, with -Json, one JSON object.
#>
[CmdletBinding()]
param(
    [int] $Rows = 1000,
    [int] $Window = 50,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/WebexConnect/WebexConnect.psd1'),
    [switch] $Json
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath -Force
Connect-WebexConnect -Sandbox -Tps 1000000 | Out-Null

$folder = Join-Path ([IO.Path]::GetTempPath()) ("journal-loop-bench-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $folder
$csv = Join-Path $folder 'rows.csv'
$rowsIn = foreach ($i in 1..$Rows) { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $i; Name = "User $i" } }
$rowsIn | Export-Csv -LiteralPath $csv -NoTypeInformation
$window = [Math]::Max(1, [Math]::Min($Window, [int]($Rows / 2)))

function Measure-Loop([string] $journal) {
    $times = [double[]]::new($Rows)
    $watch = [Diagnostics.Stopwatch]::new()
    $total = [Diagnostics.Stopwatch]::StartNew()
    $i = 0
    foreach ($u in Import-Csv -LiteralPath $csv) {
        $watch.Restart()
        if ($journal) { $null = Send-ConnectSms -To $u.Phone -From 'Bench' -Text "Hello $($u.Name)" -Journal $journal -WarningAction SilentlyContinue }
        else { $null = Send-ConnectSms -To $u.Phone -From 'Bench' -Text "Hello $($u.Name)" -WarningAction SilentlyContinue }
        $times[$i++] = $watch.Elapsed.TotalMilliseconds
    }
    $total.Stop()
    [pscustomobject]@{
        FirstMs = [Math]::Round(($times[0..($window - 1)] | Measure-Object -Average).Average, 3)
        LastMs  = [Math]::Round(($times[($Rows - $window)..($Rows - 1)] | Measure-Object -Average).Average, 3)
        TotalS  = [Math]::Round($total.Elapsed.TotalSeconds, 2)
        # The middle call of the loop: least moved by bursts of other work on the machine, which a mean takes in.
        MedianMs = [Math]::Round(($times | Sort-Object)[[int]($Rows / 2)], 3)
    }
}

try {
    # Warm-up: the JIT compiles the send path once, outside what is measured.
    $warm = Join-Path $folder 'warm.journal'
    foreach ($u in Import-Csv -LiteralPath $csv | Select-Object -First 20) {
        $null = Send-ConnectSms -To $u.Phone -From 'Bench' -Text "Hello $($u.Name)" -Journal $warm -WarningAction SilentlyContinue
    }

    $plain = Measure-Loop ''
    $journaled = Measure-Loop (Join-Path $folder 'loop.journal')
    $piped = [Diagnostics.Stopwatch]::StartNew()
    Import-Csv -LiteralPath $csv | Send-ConnectSms -From 'Bench' -Text 'Hello $(Name)' -Journal (Join-Path $folder 'piped.journal') | Out-Null
    $piped.Stop()

    $result = [ordered]@{
        rows                 = $Rows
        window               = $window
        loopFirstMsPerCall   = $plain.FirstMs
        loopLastMsPerCall    = $plain.LastMs
        loopTotalS           = $plain.TotalS
        loopMedianMsPerCall  = $plain.MedianMs
        journalFirstMsPerCall = $journaled.FirstMs
        journalLastMsPerCall = $journaled.LastMs
        journalTotalS        = $journaled.TotalS
        journalMedianMsPerCall = $journaled.MedianMs
        pipedJournalTotalS   = [Math]::Round($piped.Elapsed.TotalSeconds, 2)
        journalBytes         = (Get-Item -LiteralPath (Join-Path $folder 'loop.journal')).Length
    }
    if ($Json) { $result | ConvertTo-Json -Compress } else { [pscustomobject]$result | Format-List }
}
finally {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
