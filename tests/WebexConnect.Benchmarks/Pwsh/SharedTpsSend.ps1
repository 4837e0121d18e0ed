#Requires -Version 7.0
<#
.SYNOPSIS
    One scheduled task's send, for the benchmarks' "processes" scenario (issue 13, item 3): Count rows through
    Send-ConnectSms to a tenant at -Tps, timed from the first row to the last result, as one JSON line.
.DESCRIPTION
    The benchmarks program starts one of these alone, then two at once against a fresh strict tenant, and compares
    their times. By hand:
        dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/SharedTpsSend.ps1 -Uri http://127.0.0.1:5000/ -From 1 -Count 3000
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [uri] $Uri,
    [int] $From = 1,
    [int] $Count = 1500,
    [int] $Tps = 200,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/WebexConnect/WebexConnect.psd1')
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Connect-WebexConnect -BaseUri $Uri -ServiceKey (ConvertTo-SecureString 'strict-tenant-key' -AsPlainText -Force) -Tps $Tps
$rows = foreach ($i in $From..($From + $Count - 1)) { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $i } }
$clock = [Diagnostics.Stopwatch]::StartNew()
$results = $rows | Send-ConnectSms -From ACME -Text 'Hi'
$seconds = $clock.Elapsed.TotalSeconds
[pscustomobject]@{ queued = @($results | Where-Object Status -EQ 'Queued').Count; seconds = $seconds } | ConvertTo-Json -Compress
