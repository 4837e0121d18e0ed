#Requires -Version 7.0
<#
.SYNOPSIS
    Measures the send cmdlets the way admins run them: Import-Csv piped into Send-ConnectSms, in one real pwsh
    process, against PowerShell's own floor (Import-Csv | Out-Null) on the same file.
.DESCRIPTION
    Run by the benchmarks project (scenario "pwsh") through the pinned tool, or by hand:
        dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/PipelineBench.ps1 -Rows 100000
    The sandbox runs with -Tps 1000000 and no latency, so the figures are the module's and PowerShell's, not a
    rate limit's. Each variant runs -Repeat times after a warm-up; the median is reported. Variants, each one step
    more than the last, so the differences say where the time goes:
      floor      Import-Csv | Out-Null                                    (reading and parsing the CSV)
      bind       Import-Csv | a compiled cmdlet with the same pipeline parameters that does nothing
                 (PowerShell's binding of a row to a binary cmdlet: the floor for any cmdlet of this shape)
      whatif     Import-Csv | Send-ConnectSms -WhatIf                     (+ composition and checks, nothing sent)
      send       Import-Csv | Send-ConnectSms | Out-Null                  (+ dispatcher, sandbox, one result per row)
    Then memory: $r = Import-Csv | Send-ConnectSms (growth of the managed heap and of the working set per result),
    and first-chance exceptions counted over a send run. Prints a table and, with -Json, one JSON object.
#>
[CmdletBinding()]
param(
    [int] $Rows = 100000,
    [int] $Repeat = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/WebexConnect/WebexConnect.psd1'),
    [switch] $Json
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath -Force

# A do-nothing compiled cmdlet bound like Send-ConnectSms (by-name -To with the same aliases, -Text, -CorrelationId,
# and -InputObject by value): what PowerShell itself costs per row for a binary cmdlet of this shape.
if (-not ('WebexConnectBench.BindFloorCommand' -as [type])) {
    Add-Type -TypeDefinition @'
using System.Management.Automation;
namespace WebexConnectBench
{
    [Cmdlet("Invoke", "BindFloor")]
    public sealed class BindFloorCommand : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number")]
        public string[] To { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Text { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string CorrelationId { get; set; }
        [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
        [Parameter] public string From { get; set; }
        protected override void ProcessRecord() { }
    }
    public static class ExceptionCounter
    {
        private static long _count;
        private static bool _on;
        public static long Count => System.Threading.Interlocked.Read(ref _count);
        public static void Start()
        {
            if (!_on) System.AppDomain.CurrentDomain.FirstChanceException += (s, e) => System.Threading.Interlocked.Increment(ref _count);
            _on = true;
        }
    }
}
'@
    Import-Module -Assembly ([WebexConnectBench.BindFloorCommand].Assembly)
}

$csv = Join-Path ([IO.Path]::GetTempPath()) "webexconnect-bench-$Rows.csv"
if (-not (Test-Path $csv)) {
    $lines = [Collections.Generic.List[string]]::new($Rows + 1)
    $lines.Add('Phone,Name,Code')
    for ($i = 1; $i -le $Rows; $i++) { $lines.Add('+4477009{0:D5},Person {0},C{0}' -f $i) }
    [IO.File]::WriteAllLines($csv, $lines)
}

Connect-WebexConnect -Sandbox -Tps 1000000
$text = 'Hi $(Name), your code is $(Code)'
$variants = [ordered]@{
    floor  = { Import-Csv $csv | Out-Null }
    bind   = { Import-Csv $csv | Invoke-BindFloor -From ACME | Out-Null }
    whatif = { Import-Csv $csv | Send-ConnectSms -From ACME -Text $text -WhatIf:$true -InformationAction Ignore 6>$null | Out-Null }
    send   = { Import-Csv $csv | Send-ConnectSms -From ACME -Text $text | Out-Null }
}

$process = [Diagnostics.Process]::GetCurrentProcess()
function Measure-Variant([scriptblock] $Run) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $process.Refresh()
    $cpu0 = $process.TotalProcessorTime
    $clock = [Diagnostics.Stopwatch]::StartNew()
    & $Run
    $clock.Stop()
    $process.Refresh()
    [pscustomobject]@{ Ms = $clock.Elapsed.TotalMilliseconds; CpuMs = ($process.TotalProcessorTime - $cpu0).TotalMilliseconds }
}
function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }

# Warm-up: JIT, the format data, the first dispatcher.
$small = Join-Path ([IO.Path]::GetTempPath()) 'webexconnect-bench-warmup.csv'
Get-Content $csv -TotalCount 2001 | Set-Content $small
foreach ($v in $variants.Values) { & ([scriptblock]::Create($v.ToString().Replace('$csv', '$small'))) }

$figures = [ordered]@{}
foreach ($name in $variants.Keys) {
    $runs = 1..$Repeat | ForEach-Object { Measure-Variant $variants[$name] }
    $figures[$name] = [pscustomobject]@{ Ms = Get-Median $runs.Ms; CpuMs = Get-Median $runs.CpuMs }
}

# First-chance exceptions over one send run (any thread: the engine's too).
[WebexConnectBench.ExceptionCounter]::Start()
$before = [WebexConnectBench.ExceptionCounter]::Count
Import-Csv $csv | Send-ConnectSms -From ACME -Text $text | Out-Null
$exceptions = [WebexConnectBench.ExceptionCounter]::Count - $before

# Memory of keeping every result: what $r = ... costs per row, managed heap and working set.
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$process.Refresh()
$heap0 = [GC]::GetTotalMemory($true); $ws0 = $process.WorkingSet64
$r = Import-Csv $csv | Send-ConnectSms -From ACME -Text $text
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$process.Refresh()
$heap1 = [GC]::GetTotalMemory($true); $ws1 = $process.WorkingSet64
$kept = $r.Count
$queued = @($r | Where-Object Status -eq 'Queued').Count
$r = $null

$floor = $figures.floor
$report = [ordered]@{
    rows                    = $Rows
    floorMs                 = [math]::Round($floor.Ms)
    bindMs                  = [math]::Round($figures.bind.Ms)
    whatIfMs                = [math]::Round($figures.whatif.Ms)
    sendMs                  = [math]::Round($figures.send.Ms)
    sendOverFloor           = [math]::Round($figures.send.Ms / $floor.Ms, 2)
    bindUsPerRow            = [math]::Round(($figures.bind.Ms - $floor.Ms) * 1000 / $Rows, 1)
    composeUsPerRow         = [math]::Round(($figures.whatif.Ms - $figures.bind.Ms) * 1000 / $Rows, 1)
    sendUsPerRow            = [math]::Round(($figures.send.Ms - $figures.whatif.Ms) * 1000 / $Rows, 1)
    moduleCpuUsPerRow       = [math]::Round(($figures.send.CpuMs - $figures.bind.CpuMs) * 1000 / $Rows, 1)
    firstChanceExceptionsPerRow = [math]::Round($exceptions / $Rows, 4)
    resultsKept             = $kept
    resultsQueued           = $queued
    heapBytesPerResult      = [math]::Round(($heap1 - $heap0) / [math]::Max(1, $kept))
    workingSetGrowthMB      = [math]::Round(($ws1 - $ws0) / 1MB, 1)
}
Disconnect-WebexConnect
if ($Json) { [pscustomobject]$report | ConvertTo-Json -Compress }
else { [pscustomobject]$report | Format-List | Out-String -Width 100 }
