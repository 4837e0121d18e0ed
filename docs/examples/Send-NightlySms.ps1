<#
.SYNOPSIS
    A nightly SMS run for Task Scheduler: sends the day's CSV once and appends
    every result to a CSV report.
.DESCRIPTION
    Connects from the WEBEXCONNECT_* environment variables of the task's
    account (or -Sandbox). Re-running it on the same day (after a crash or a
    reboot) sends only what was not sent: the day's -Journal file makes rows
    already sent come back Skipped, and rows whose request was in flight come
    back Unknown and are not resent: check the delivery reports for them, then
    run it again with -ResendUnknown to send those that did not arrive (it
    sends every Unknown row again). A rehearsal with -Sandbox writes
    sms-sandbox-<date>.csv and .journal, apart from the real run's sms-<date>
    files.

    Each day has its own journal, so the next day's run sends again what its
    CSV holds, however like yesterday's (a journal remembers every row for
    good: with one journal for every day, a reminder with the same text to the
    same people would be Skipped from its second day on). Each run deletes the
    reports and journals of its kind older than -KeepDays days (90; 0 keeps
    them all): 10,000 rows a day make about 2 MB of them a day.

    The day is the day the run starts. A run that started late in the evening
    and died is run again after midnight with the day it started,
    -Day (Get-Date).AddDays(-1): otherwise it starts a new day's journal, which
    knows nothing of last night's sends, and sends every row again.

    Register it, as the account that owns the environment variables.
    -NonInteractive makes anything that would ask a question (a -Confirm, a
    Read-Host added later) end the run with exit code 1; without it the
    question waits, unseen, until the task's time limit. Exit codes: 0 every
    row accepted (or already sent), 1 a row not accepted or the run stopped,
    2 a wrong argument (no CSV file at -Path, an empty -From or -Text), with
    nothing sent. Register it with:
      $run = '-NoProfile -NonInteractive -File C:\Jobs\Send-NightlySms.ps1'
      $action = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument $run
      $trigger = New-ScheduledTaskTrigger -Daily -At '04:00'
      # A run still going when the next is due: start the next when it ends
      # (the default, IgnoreNew, skips that day's run).
      $settings = New-ScheduledTaskSettingsSet -MultipleInstances Queue
      $task = @{
          TaskName = 'Nightly SMS'
          Action   = $action
          Trigger  = $trigger
          Settings = $settings
          User     = 'CONTOSO\svc-sms'
          Password = Read-Host 'Password'
      }
      Register-ScheduledTask @task
.EXAMPLE
    Import-Module ./out/WebexConnect/WebexConnect.psd1  # unless installed
    ./docs/examples/Send-NightlySms.ps1 -Sandbox -ReportFolder ./out/reports
.EXAMPLE
    ./docs/examples/Send-NightlySms.ps1 -WhatIf -Verbose
    Shows tonight's requests, and the rows the day's journal would skip,
    without sending or writing a report.
.EXAMPLE
    ./docs/examples/Send-NightlySms.ps1 -Day (Get-Date).AddDays(-1)
    The morning after a run that started at 23:00 and was cut short: sends
    what last night's run did not, with its journal and report (the -Verbose
    line "Journal '...': earlier runs recorded ..." shows which it read).
.EXAMPLE
    ./docs/examples/Send-NightlySms.ps1 -ResendUnknown
    After a run that was killed with requests in flight, once the delivery
    reports show that its Unknown rows did not arrive: sends them again, and
    skips the rows sent.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'sms-recipients.csv'),
    [string] $ReportFolder = (Join-Path $PSScriptRoot 'reports'),
    [string] $From = 'ACME',
    [string] $Text = 'Hi $(Name), your order $(Order) has shipped.',
    [switch] $Sandbox,
    # Whose journal and report: the day the run being finished started.
    [datetime] $Day = (Get-Date),
    # Delete reports and journals more than this many days old (0: none).
    [ValidateRange(0, 36500)] [int] $KeepDays = 90,
    # Sends again the rows the day's journal holds Unknown (their request
    # left, no answer came back): only after the delivery reports show they
    # did not arrive, or they may arrive twice.
    [switch] $ResendUnknown
)

# CmdletBinding above passes -WhatIf and -Verbose on to the commands below:
# without it PowerShell put them in $args unread, and a dry run with -WhatIf
# sent every row.
# Stop at the script's own commands; per-row send errors stay non-terminating
# below.
$ErrorActionPreference = 'Stop'
# The task's output goes to a log file: PowerShell 7 would write its errors
# there with colour escape codes. Only when redirected, so that a run from a
# console leaves that console's colours alone.
if ($PSStyle -and [Console]::IsErrorRedirected) {
    $PSStyle.OutputRendering = 'PlainText'
}
# The task's own arguments, checked before anything connects. No parameter is
# Mandatory: PowerShell asks for a missing one, and in a task no one answers.
# Started without -NonInteractive and with its input closed, the question read
# an empty answer, the command asking failed, the script went on and ended with
# exit code 0, having sent nothing: a green task. Exit code 2 says the task's
# arguments are wrong, and nothing was sent.
$problem = if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
    "no CSV file at '$Path': give -Path the recipients' CSV file"
} elseif ([string]::IsNullOrWhiteSpace($From)) {
    '-From is empty: give the sender ID'
} elseif ([string]::IsNullOrWhiteSpace($Text)) {
    '-Text is empty: give the message text'
}
if ($problem) {
    # To the error output, as the line alone: the task's log reads it.
    $Host.UI.WriteErrorLine("Send-NightlySms: $problem. Nothing was sent.")
    exit 2
}
# -Verbose:$false: the script's -Verbose is for the run, and the import would
# start its log with a line per cmdlet.
if (-not (Get-Module WebexConnect)) {
    Import-Module WebexConnect -Verbose:$false
}
if ($Sandbox) { Connect-WebexConnect -Sandbox } else { Connect-WebexConnect }
# Before reading the CSV: a refused key or an unreachable service ends the run
# here (an error under $ErrorActionPreference = 'Stop'). The test sends
# nothing.
$null = Test-WebexConnect

# Also under -WhatIf: the journal's folder must exist for the dry run to read
# the day's journal.
$null = New-Item -ItemType Directory -Path $ReportFolder -Force -WhatIf:$false
# A rehearsal with -Sandbox keeps a report and journal of its own: the real run
# that day would refuse the sandbox's journal (JournalSandboxMismatch), whose
# rows never left this computer, and its report would mix the two.
$name = if ($Sandbox) { 'sms-sandbox' } else { 'sms' }
# One reading of the clock for both names (the default of -Day): a run started
# on the stroke of midnight keeps them on the same day. In the Gregorian
# calendar whatever the account's culture: -f formats in it, and th-TH named
# the files sms-2569-12-04, fa-IR sms-1405-09-13, which the clean-up below read
# as a date centuries ago and deleted with the run's own files.
$invariant = [cultureinfo]::InvariantCulture
$isoDate = 'yyyy-MM-dd'
$runName = '{0}-{1}' -f $name, $Day.ToString($isoDate, $invariant)
# The full path, resolved as PowerShell does (its location, TestDrive:): the
# .NET call below resolves a relative path against the process's working
# directory, which Set-Location does not move, so a relative -ReportFolder
# given after a Set-Location looked for the report somewhere else and left the
# killed run's half line for this run to append to.
$ReportFolder = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($ReportFolder)
$report = Join-Path $ReportFolder "$runName.csv"
$journal = Join-Path $ReportFolder "$runName.journal"

# A run that was killed (the task's time limit, a reboot) stopped the report in
# the middle of a line, and this run's first result would be appended to that
# half line. Cut it off: the journal, not the report, knows what was sent, and
# this run reports those rows as Skipped. A report still open is another run's,
# still writing: leave it alone (this run then stops at JournalInUse).
$stream = $null
if (-not $WhatIfPreference -and (Test-Path $report)) {
    try {
        $stream = [System.IO.File]::Open($report, 'Open', 'ReadWrite', 'None')
    } catch [System.IO.IOException] { }
}
if ($stream) {
    try {
        $end = $stream.Length
        while ($end -gt 0) {
            $null = $stream.Seek($end - 1, 'Begin')
            if ($stream.ReadByte() -eq 10) { break }
            $end--
        }
        $stream.SetLength($end)
    } finally { $stream.Dispose() }
}

# Row is the row's place in the CSV (1 = the first line after the header), the
# same in every run of the day: it finds a failed row in the file, whatever its
# Destination. SubmittedAt as ISO 8601 (2026-12-06T02:00:01.2340000+00:00):
# Export-Csv writes a date in this account's culture (12/06/2026 in en-US),
# which Excel or a script on a de-DE machine reads as 12 June. Empty for a row
# never sent.
$submittedAt = @{
    Name       = 'SubmittedAt'
    Expression = {
        $at = $_.SubmittedAt
        if ($null -ne $at) { $at.ToString('o', $invariant) }
    }
}
$send = @{
    From          = $From
    Text          = $Text
    Journal       = $journal
    ResendUnknown = $ResendUnknown
    ErrorAction   = 'Continue'
    ErrorVariable = 'sendErrors'
}
$columns = 'Row', $submittedAt, 'Destination', 'CorrelationId', 'Status',
    'Code', 'Reason', 'MessageId', 'Parts'
# Each status counted on its way to the report, for the log: a run that sent
# 600 rows and its re-run that skipped them all otherwise read the same there.
$statuses = [ordered]@{}
Import-Csv -Path $Path -Encoding UTF8 |
    Send-ConnectSms @send |
    ForEach-Object { $statuses["$($_.Status)"] += 1; $_ } |
    Select-Object $columns |
    Export-Csv -Path $report -Append -NoTypeInformation -Encoding UTF8

if ($WhatIfPreference) { return }    # nothing was sent and no report written
$rows = 0
foreach ($count in $statuses.Values) { $rows += $count }
$byStatus = @($statuses.Keys | ForEach-Object { "$($statuses[$_]) $_" })
$counts = if ($byStatus) { ' ({0})' -f ($byStatus -join ', ') }
Write-Output "Rows: $rows$counts"
# Rows already sent by an earlier run today come back Skipped, which is not an
# error.
Write-Output "Report: $report ($($sendErrors.Count) row(s) not accepted)"

# By the date in their names, which a copy or a backup restore does not change
# as it does a file's LastWriteTime; only this run's kind (sms- or
# sms-sandbox-), and never the day being sent.
if ($KeepDays -gt 0) {
    $oldest = $Day.Date.AddDays(-$KeepDays)
    $dated = '^{0}-(\d{{4}}-\d{{2}}-\d{{2}})\.(csv|journal)$' -f
        [regex]::Escape($name)
    Get-ChildItem -LiteralPath $ReportFolder -File | Where-Object {
        $_.Name -match $dated -and
        [datetime]::ParseExact($Matches[1], $isoDate, $invariant) -lt $oldest
    } | Remove-Item
}
# Exit code 1: Task Scheduler shows the run as failed.
if ($sendErrors.Count -gt 0) { exit 1 }
