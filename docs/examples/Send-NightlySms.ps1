<#
.SYNOPSIS
    A nightly SMS run for Task Scheduler: sends the day's CSV once and appends every result to a CSV report.
.DESCRIPTION
    Connects from the WEBEXCONNECT_* environment variables of the task's account (or -Sandbox).
    Re-running it on the same day (after a crash or a reboot) skips rows whose CorrelationId the report
    already shows as Queued, Scheduled or Unknown. Unknown rows are listed, never resent: check the delivery
    reports for them first. Every row needs a unique CorrelationId.

    Register it, as the account that owns the environment variables:
      $action  = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -File C:\Jobs\Send-NightlySms.ps1'
      $trigger = New-ScheduledTaskTrigger -Daily -At '02:00'
      Register-ScheduledTask -TaskName 'Nightly SMS' -Action $action -Trigger $trigger -User 'CONTOSO\svc-sms' -Password (Read-Host 'Password')
.EXAMPLE
    ./docs/examples/Send-NightlySms.ps1 -Sandbox -ReportFolder ./out/reports
#>
param(
    [string] $Path = (Join-Path $PSScriptRoot 'sms-recipients.csv'),
    [string] $ReportFolder = (Join-Path $PSScriptRoot 'reports'),
    [string] $From = 'ACME',
    [string] $Text = 'Hi $(Name), your order $(Order) has shipped.',
    [switch] $Sandbox
)

$ErrorActionPreference = 'Stop'    # the script's own commands; per-row send errors stay non-terminating below
if (-not (Get-Module WebexConnect)) { Import-Module WebexConnect }
if ($Sandbox) { Connect-WebexConnect -Sandbox } else { Connect-WebexConnect }

$null = New-Item -ItemType Directory -Path $ReportFolder -Force
$report = Join-Path $ReportFolder ('sms-{0:yyyy-MM-dd}.csv' -f (Get-Date))

$handled = @{}
if (Test-Path $report) {
    foreach ($row in Import-Csv -Path $report -Encoding UTF8) {
        if ($row.Status -in 'Queued', 'Scheduled', 'Unknown') { $handled[$row.CorrelationId] = $row.Status }
    }
}
$unknown = @($handled.GetEnumerator() | Where-Object Value -eq 'Unknown' | ForEach-Object Key)
if ($unknown.Count -gt 0) { Write-Warning "Not resent, outcome unknown (check the delivery reports): $($unknown -join ', ')" }

Import-Csv -Path $Path -Encoding UTF8 |
    Where-Object { -not $handled.ContainsKey($_.CorrelationId) } |
    Send-ConnectSms -From $From -Text $Text -ErrorAction Continue -ErrorVariable sendErrors |
    Select-Object SubmittedAt, Destination, CorrelationId, Status, Code, Reason, MessageId, Parts |
    Export-Csv -Path $report -Append -NoTypeInformation -Encoding UTF8

Write-Output "Report: $report ($($sendErrors.Count) row(s) not accepted)"
if ($sendErrors.Count -gt 0) { exit 1 }    # Task Scheduler shows the run as failed
