#Requires -Version 7.0
<#
.SYNOPSIS
    Measures the send cmdlets the way admins run them: Import-Csv piped into Send-ConnectSms, in one real pwsh
    process, against PowerShell's own floor (Import-Csv | Out-Null) on the same file.
.DESCRIPTION
    Run by the benchmarks project (scenario "pwsh") through the pinned tool, or by hand:
        dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/PipelineBench.ps1 -Rows 100000
    The sandbox runs with -Tps 1000000 and no latency, so the figures are the module's and PowerShell's, not a
    rate limit's. The variants run in turn, -Repeat rounds after a warm-up that lasts until the JIT has done its work,
    so a burst of load from other work on the machine hits them alike; the best round of each is reported (the least
    disturbed), the median beside it, and the median of each round's send over that round's floor (the send runs
    right after it), which is the ratio least moved by the machine's changes of speed:
      floor      Import-Csv | Out-Null                                    (reading and parsing the CSV)
      bind       Import-Csv | a compiled cmdlet with the same pipeline parameters that does nothing | Out-Null
                 (PowerShell's binding of a row to a binary cmdlet: the floor for any cmdlet of this shape)
      send       Import-Csv | Send-ConnectSms | Out-Null                  (+ the module: composition, checks,
                 dispatcher, the sandbox's parsing, one result per row)
    CPU: the process's processor time (every thread: the engine's and the sandbox's too) of send minus bind, per row.
    GC: collections by generation and the pause of the median send round, beside the floor's pause.
    Counted, not timed (the machine's load moves them least): bytes the pipeline thread allocates per row (send over
    bind), lock contentions per row, and the bytes of one Send-ConnectSms call of one row (a script's foreach loop).
    Then memory: $r = Import-Csv | Send-ConnectSms (growth of the managed heap and of the working set per result),
    and first-chance exceptions counted over a send run. With -Stream N instead: N rows streamed through
    Send-ConnectSms -Sandbox | Out-Null, the working set sampled every 100 ms (peak and how it moved).
    Prints a list and, with -Json, one JSON object.
#>
[CmdletBinding()]
param(
    [int] $Rows = 100000,
    [int] $Repeat = 7,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/WebexConnect/WebexConnect.psd1'),
    [int] $Stream = 0,
    [switch] $Json,
    # Every send with -Journal, a new journal file each run (so no row is skipped): what a journaled run costs.
    [switch] $Journal
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath -Force

# A do-nothing compiled cmdlet bound like Send-ConnectSms: by-name -To of the same type, ConnectDestination[], with the
# same aliases and a transformation like the module's DestinationArgument (a CSV cell becomes the array before the
# binder's first stage), -Text in the default of two parameter sets, -CorrelationId, and -InputObject by value: what
# PowerShell itself costs per row for a binary cmdlet of this shape. Send-ConnectSms has some 20 parameters more that
# take no pipeline input; each costs the binder a little per row too (about 0.2 us for all of them, not counted here).
if (-not ('WebexConnectBench.BindFloorCommand' -as [type])) {
    # Compiled against the module's assembly, so -ReferencedAssemblies names everything the code uses; -IgnoreWarnings:
    # the module targets .NET 8 (CS1701, its System.Runtime is older than this PowerShell's).
    $references = @([psobject].Assembly.Location, [WebexConnect.Composition.ConnectDestination].Assembly.Location,
        [object].Assembly.Location) + @('System.Runtime', 'netstandard' | ForEach-Object { [Reflection.Assembly]::Load($_).Location })
    Add-Type -IgnoreWarnings -WarningAction SilentlyContinue -ReferencedAssemblies $references -TypeDefinition @'
using System.Management.Automation;
namespace WebexConnectBench
{
    public sealed class DestinationTransform : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            var text = value as string;
            return text != null ? new[] { new WebexConnect.Composition.ConnectDestination(text) } : inputData;
        }
    }

    [Cmdlet("Invoke", "BindFloor", DefaultParameterSetName = "Text")]
    public sealed class BindFloorCommand : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number")]
        [DestinationTransform]
        public WebexConnect.Composition.ConnectDestination[] To { get; set; }
        [Parameter(ParameterSetName = "Text", ValueFromPipelineByPropertyName = true)] public string Text { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = "Template")] public string TemplateId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string CorrelationId { get; set; }
        [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
        [Parameter] public string From { get; set; }
        protected override void ProcessRecord() { }
    }
}
'@
    Import-Module -Assembly ([WebexConnectBench.BindFloorCommand].Assembly)
}

if (-not ('WebexConnectBench.WorkingSetSampler' -as [type])) {
    Add-Type -TypeDefinition @'
namespace WebexConnectBench
{
    public sealed class WorkingSetSampler : System.IDisposable
    {
        private readonly System.Collections.Generic.List<long> _samples = new System.Collections.Generic.List<long>();
        private readonly System.Threading.Timer _timer;
        public WorkingSetSampler() { _timer = new System.Threading.Timer(_ => Sample(), null, 0, 100); }
        private void Sample()
        {
            long ws = System.Environment.WorkingSet;
            lock (_samples) _samples.Add(ws);
        }
        public long[] Samples { get { lock (_samples) return _samples.ToArray(); } }
        public void Dispose() { _timer.Dispose(); }
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
}

$Rows = if ($Stream -gt 0) { $Stream } else { $Rows }
$csv = Join-Path ([IO.Path]::GetTempPath()) "webexconnect-bench-$Rows.csv"
if (-not (Test-Path $csv)) {
    $writer = [IO.StreamWriter]::new($csv)
    $writer.WriteLine('Phone,Name,Code')
    for ($i = 1; $i -le $Rows; $i++) { $writer.WriteLine('+4477{0:D9},Person {0},C{0}' -f $i) }
    $writer.Dispose()
}

Connect-WebexConnect -Sandbox -Tps 1000000
$text = 'Hi $(Name), your code is $(Code)'
# -Journal: the splat of each send, a journal of its own each time (a journal reused would skip every row as sent).
$journalFolder = Join-Path ([IO.Path]::GetTempPath()) "webexconnect-bench-journals-$PID"
if ($Journal) { $null = New-Item -ItemType Directory -Force -Path $journalFolder }
function Get-JournalSplat {
    if (-not $Journal) { return @{} }
    @{ Journal = Join-Path $journalFolder ([guid]::NewGuid().ToString('n') + '.journal') }
}
$process = [Diagnostics.Process]::GetCurrentProcess()

if ($Stream -gt 0) {
    # Memory of a long run: rows stream through; nothing is kept but what the module itself holds.
    [GC]::Collect()
    $process.Refresh(); $startWs = $process.WorkingSet64
    $sampler = [WebexConnectBench.WorkingSetSampler]::new()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $j = Get-JournalSplat
    Import-Csv $csv | Send-ConnectSms -From ACME -Text $text @j | Out-Null
    $clock.Stop()
    $sampler.Dispose()
    $samples = $sampler.Samples
    $tenth = [math]::Max(1, [math]::Floor($samples.Count / 10))
    $deciles = for ($i = $tenth - 1; $i -lt $samples.Count; $i += $tenth) { [math]::Round($samples[$i] / 1MB) }
    $process.Refresh()
    $report = [ordered]@{
        rows               = $Rows
        seconds            = [math]::Round($clock.Elapsed.TotalSeconds, 1)
        startWorkingSetMB  = [math]::Round($startWs / 1MB)
        peakWorkingSetMB   = [math]::Round(($samples | Measure-Object -Maximum).Maximum / 1MB)
        processPeakMB      = [math]::Round($process.PeakWorkingSet64 / 1MB)
        workingSetByTenthMB = $deciles -join ' '
        lastTenthRiseMB    = [math]::Round(($samples[-1] - $samples[[math]::Floor($samples.Count / 2)]) / 1MB)
    }
    Disconnect-WebexConnect
    if ($Journal) { Remove-Item -Recurse -Force -LiteralPath $journalFolder }
    if ($Json) { [pscustomobject]$report | ConvertTo-Json -Compress } else { [pscustomobject]$report | Format-List | Out-String -Width 100 }
    return
}

# In this order in every round: the send straight after the floor it is compared with (see sendOverFloorPerRound).
$variants = [ordered]@{
    floor = { Import-Csv $csv | Out-Null }
    send  = { $j = Get-JournalSplat; Import-Csv $csv | Send-ConnectSms -From ACME -Text $text @j | Out-Null }
    bind  = { Import-Csv $csv | Invoke-BindFloor -From ACME -Text $text | Out-Null }
}

function Measure-Variant([scriptblock] $Run) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $process.Refresh()
    $cpu0 = $process.TotalProcessorTime
    $gc0 = 0..2 | ForEach-Object { [GC]::CollectionCount($_) }
    $pause0 = [GC]::GetTotalPauseDuration()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    & $Run
    $clock.Stop()
    $process.Refresh()
    # What the garbage collector did during the run: collections by generation and the time it stopped the process.
    [pscustomobject]@{
        Ms = $clock.Elapsed.TotalMilliseconds; CpuMs = ($process.TotalProcessorTime - $cpu0).TotalMilliseconds
        Collections = (0..2 | ForEach-Object { [GC]::CollectionCount($_) - $gc0[$_] }) -join '/'
        GcPauseMs = ([GC]::GetTotalPauseDuration() - $pause0).TotalMilliseconds
    }
}
function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }
function Get-Least([double[]] $Values) { ($Values | Measure-Object -Minimum).Minimum }

# Warm-up: JIT, the format data, the first dispatcher. Then whole rounds until the JIT is done: .NET compiles hot
# methods again, optimised, on a background thread for the first few runs of a process (tiered compilation), which
# made the first measured rounds up to a quarter slower than the later ones. Steady state is what is compared here,
# as BenchmarkDotNet would; warmUpRounds and jitMethodsWhileMeasured say how long it took and that it held.
$small = Join-Path ([IO.Path]::GetTempPath()) 'webexconnect-bench-warmup.csv'
Get-Content $csv -TotalCount 5001 | Set-Content $small
foreach ($v in $variants.Values) { & ([scriptblock]::Create($v.ToString().Replace('$csv', '$small'))) }
$warmUpRounds = 0
do {
    $compiled = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    foreach ($v in $variants.Values) { & $v }
    $warmUpRounds++
    $newlyCompiled = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $compiled
} while ($warmUpRounds -lt 4 -or ($newlyCompiled -gt 100 -and $warmUpRounds -lt 10))
$jitBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)

$runs = @{}
foreach ($name in $variants.Keys) { $runs[$name] = [Collections.Generic.List[object]]::new() }
for ($round = 1; $round -le $Repeat; $round++) {
    foreach ($name in $variants.Keys) { $runs[$name].Add((Measure-Variant $variants[$name])) }
}
$jitMethodsWhileMeasured = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitBefore
$best = @{}; $median = @{}
foreach ($name in $variants.Keys) {
    $best[$name] = [pscustomobject]@{ Ms = Get-Least $runs[$name].Ms; CpuMs = Get-Least $runs[$name].CpuMs }
    $median[$name] = [pscustomobject]@{ Ms = Get-Median $runs[$name].Ms; CpuMs = Get-Median $runs[$name].CpuMs }
}

# First-chance exceptions over one send run (any thread: the engine's too), with what the machine's load moves least:
# the bytes the pipeline thread allocates (send's over bind's, per row) and how often a thread found a lock taken
# (Monitor.LockContentionCount, the process's, per row).
[WebexConnectBench.ExceptionCounter]::Start()
$before = [WebexConnectBench.ExceptionCounter]::Count
$contentions0 = [Threading.Monitor]::LockContentionCount
$j = Get-JournalSplat
$sendBytes0 = [GC]::GetAllocatedBytesForCurrentThread()
Import-Csv $csv | Send-ConnectSms -From ACME -Text $text @j | Out-Null
$sendBytes = [GC]::GetAllocatedBytesForCurrentThread() - $sendBytes0
$contentions = [Threading.Monitor]::LockContentionCount - $contentions0
$exceptions = [WebexConnectBench.ExceptionCounter]::Count - $before
$bindBytes0 = [GC]::GetAllocatedBytesForCurrentThread()
Import-Csv $csv | Invoke-BindFloor -From ACME -Text $text | Out-Null
$bindBytes = [GC]::GetAllocatedBytesForCurrentThread() - $bindBytes0

# The fixed cost of a call, as a script that sends one row a call pays it every row: bytes the pipeline thread allocates.
for ($i = 0; $i -lt 50; $i++) { Send-ConnectSms -To +447700900001 -From ACME -Text "Hi $i" | Out-Null }
$callBytes0 = [GC]::GetAllocatedBytesForCurrentThread()
for ($i = 0; $i -lt 100; $i++) { Send-ConnectSms -To +447700900001 -From ACME -Text "Hi $i" | Out-Null }
$callBytes = ([GC]::GetAllocatedBytesForCurrentThread() - $callBytes0) / 100

# Memory of keeping every result: what $r = ... costs per row, managed heap and working set. A fresh session before,
# and none after, so that the sandbox's record of requests (up to 16 MB of bodies) is not counted as the results'.
Connect-WebexConnect -Sandbox -Tps 1000000
# Compacting, large objects included, so the working set shows what is alive rather than garbage not yet given back.
function Compress-Heap {
    [Runtime.GCSettings]::LargeObjectHeapCompactionMode = 'CompactOnce'
    [GC]::Collect(2, [GCCollectionMode]::Forced, $true, $true); [GC]::WaitForPendingFinalizers()
    [GC]::Collect(2, [GCCollectionMode]::Forced, $true, $true)
}
Compress-Heap
$process.Refresh()
$heap0 = [GC]::GetTotalMemory($true); $ws0 = $process.WorkingSet64
$r = Import-Csv $csv | Send-ConnectSms -From ACME -Text $text
Disconnect-WebexConnect
Compress-Heap
$process.Refresh()
$heap1 = [GC]::GetTotalMemory($true); $ws1 = $process.WorkingSet64
$kept = $r.Count
$queued = @($r | Where-Object Status -eq 'Queued').Count
# The strings a result holds: its destination, and what its batch shares (message ID, code) counted once per batch.
$stringBytes = 0
foreach ($result in $r[0..99]) { $stringBytes += 20 + 2 * $result.Destination.Length }
$stringBytesPerResult = $stringBytes / 100
$r = $null

$report = [ordered]@{
    rows                        = $Rows
    rounds                      = $Repeat
    floorMs                     = [math]::Round($best.floor.Ms)
    bindMs                      = [math]::Round($best.bind.Ms)
    sendMs                      = [math]::Round($best.send.Ms)
    sendOverFloor               = [math]::Round($best.send.Ms / $best.floor.Ms, 2)
    sendOverFloorMedian         = [math]::Round($median.send.Ms / $median.floor.Ms, 2)
    # Each round's send over the same round's floor, the median of those: the send runs right after its floor, so a
    # change of the machine's speed between rounds (this VM's floor moves from 120 to 230 ms) mostly cancels out. The
    # ratio the scenario judges; the best rounds' ratio divides two minima that may come from different stretches.
    sendOverFloorPerRound       = [math]::Round((Get-Median @(for ($i = 0; $i -lt $Repeat; $i++) { $runs.send[$i].Ms / $runs.floor[$i].Ms })), 2)
    floorUsPerRow               = [math]::Round($best.floor.Ms * 1000 / $Rows, 1)
    bindUsPerRow                = [math]::Round(($best.bind.Ms - $best.floor.Ms) * 1000 / $Rows, 1)
    moduleUsPerRow              = [math]::Round(($best.send.Ms - $best.bind.Ms) * 1000 / $Rows, 1)
    # Of the send round with the median time: gen0/gen1/gen2 collections, and the GC pause beside the floor's.
    sendCollections             = ($runs.send | Sort-Object Ms)[[int][math]::Floor($Repeat / 2)].Collections
    sendGcPauseMs               = [math]::Round(($runs.send | Sort-Object Ms)[[int][math]::Floor($Repeat / 2)].GcPauseMs)
    floorGcPauseMs              = [math]::Round(($runs.floor | Sort-Object Ms)[[int][math]::Floor($Repeat / 2)].GcPauseMs)
    moduleCpuUsPerRow           = [math]::Round(($best.send.CpuMs - $best.bind.CpuMs) * 1000 / $Rows, 1)
    warmUpRounds                = $warmUpRounds
    jitMethodsWhileMeasured     = $jitMethodsWhileMeasured
    firstChanceExceptionsPerRow = [math]::Round($exceptions / $Rows, 4)
    moduleBytesPerRow           = [math]::Round(($sendBytes - $bindBytes) / $Rows)
    lockContentionsPerRow       = [math]::Round($contentions / $Rows, 4)
    oneRowCallBytes             = [math]::Round($callBytes)
    resultsKept                 = $kept
    resultsQueued               = $queued
    heapBytesPerResult          = [math]::Round(($heap1 - $heap0) / [math]::Max(1, $kept))
    stringBytesPerResult        = [math]::Round($stringBytesPerResult)
    workingSetGrowthMB          = [math]::Round(($ws1 - $ws0) / 1MB, 1)
    journal                     = $Journal.IsPresent
    loadAverage                 = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { '' }
}
Disconnect-WebexConnect
if ($Journal) { Remove-Item -Recurse -Force -LiteralPath $journalFolder }
if ($Json) { [pscustomobject]$report | ConvertTo-Json -Compress }
else { [pscustomobject]$report | Format-List | Out-String -Width 100 }
