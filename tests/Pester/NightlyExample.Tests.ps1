#Requires -Version 7.0
# docs/examples/Send-NightlySms.ps1 the way Task Scheduler runs it: a pwsh process of its own, killed part-way (the
# task's time limit, a reboot), then run again the same day. The report is what the admin reads the next morning.

BeforeAll {
    $script:Manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    $script:Example = Join-Path $PSScriptRoot '../../docs/examples/Send-NightlySms.ps1'

    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')

    # A new PowerShell of this host's kind running the example against the sandbox, as a process this test may kill.
    # -Location: where the run's PowerShell goes (Set-Location) before it runs the example; its process's working
    # directory stays this one's.
    # -Culture: the culture the run's PowerShell formats in (the account's, on the machine the task runs on).
    function script:Start-NightlyRun([string] $Csv, [string] $ReportFolder, [string] $Switches = '', [string] $Location = '', [string] $Culture = '') {
        $powershell = Get-PowerShellHostCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($powershell.Path)
        $goTo = if ($Location) { "Set-Location -LiteralPath '$Location'; " } else { '' }
        $inCulture = if ($Culture) { "[cultureinfo]::CurrentCulture = '$Culture'; " } else { '' }
        $command = "Import-Module '$script:Manifest'; $inCulture$goTo& '$script:Example' -Sandbox -Path '$Csv' -ReportFolder '$ReportFolder' $Switches"
        foreach ($arg in @($powershell.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $command)) { $start.ArgumentList.Add($arg) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        [System.Diagnostics.Process]::Start($start)
    }

    # Waits for a run to end and returns what it wrote; both pipes at once, since a full one nobody reads would stop it.
    function script:Wait-NightlyRun([System.Diagnostics.Process] $Run) {
        $errors = $Run.StandardError.ReadToEndAsync()
        $said = $Run.StandardOutput.ReadToEnd() + $errors.GetAwaiter().GetResult()
        $Run.WaitForExit(120000) | Should -BeTrue
        $said
    }

    # Returns once the run has put some results in the report (it is still going: rows go at the sandbox's 100 a second).
    function script:Wait-ReportStarted([System.Diagnostics.Process] $Run, [string] $Report) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $Run.HasExited -and [DateTime]::UtcNow -lt $deadline -and
               -not ((Test-Path -LiteralPath $Report) -and (Get-Item -LiteralPath $Report).Length -gt 8KB)) {
            Start-Sleep -Milliseconds 20
        }
        $Run.HasExited | Should -BeFalse -Because 'the run is caught part-way'
    }

    # The report's lines after the header that are not nine fields, each empty or quoted.
    function script:Get-TornLine([string] $Report) {
        $field = '("([^"]|"")*")?'
        Get-Content -LiteralPath $Report | Select-Object -Skip 1 | Where-Object { $_ -notmatch "^$field(,$field){8}$" }
    }

    # The example started as its help registers it with Task Scheduler (pwsh -NoProfile -NonInteractive -File, taken from
    # the help), as installed for the task's account (it imports WebexConnect by name), with its output and errors
    # redirected to the log and an input left open as the task's unseen console keeps it. Arguments go after the script.
    function script:Invoke-RegisteredNightlyRun([string[]] $Arguments) {
        $help = Get-Content -LiteralPath $script:Example -Raw
        # The arguments are put in a variable first, so that each line of the help fits an 80-column console.
        $registration = [regex]::Match($help,
            '\$(?<name>\w+) = ''(?<arguments>[^'']+)''\s+\$action = New-ScheduledTaskAction -Execute ''pwsh.exe'' -Argument \$\k<name>\s')
        $registration.Success | Should -BeTrue -Because 'the help shows the registration'
        $registered = @(-split $registration.Groups['arguments'].Value | ForEach-Object { if ($_ -like '*Send-NightlySms.ps1') { (Resolve-Path $script:Example).Path } else { $_ } })
        $modules = (Split-Path (Split-Path (Resolve-Path $script:Manifest).Path)) + [IO.Path]::PathSeparator + $env:PSModulePath
        Invoke-PowerShellWithInputOpen -Arguments ($registered + $Arguments) -Environment @{ POWERSHELL_TELEMETRY_OPTOUT = '1'; PSModulePath = $modules }
    }

    # The example started as a task whose action left out -NonInteractive, with its input closed, in its own folder.
    function script:Invoke-NightlyRunWithoutInput([string[]] $Arguments) {
        $modules = (Split-Path (Split-Path (Resolve-Path $script:Manifest).Path)) + [IO.Path]::PathSeparator + $env:PSModulePath
        $arguments = @('-NoProfile', '-File', (Resolve-Path $script:Example).Path) + $Arguments
        Invoke-PowerShellWithInputOpen -CloseInput -Arguments $arguments -Environment @{ POWERSHELL_TELEMETRY_OPTOUT = '1'; PSModulePath = $modules }
    }

    function script:New-NightlyInput([int] $Rows = 600) {
        $csv = Join-Path $TestDrive 'night.csv'
        1..$Rows | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $_; Name = "P$_"; Order = "O$_" } } |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $csv
    }
}

Describe 'The nightly example, killed part-way and run again' {
    It 'ends with a report of whole lines, every row in it, and no row Queued twice' {
        $csv = New-NightlyInput
        $reports = Join-Path $TestDrive 'killed'
        $report = Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.csv' -f (Get-Date))

        $first = Start-NightlyRun $csv $reports
        Wait-ReportStarted $first $report
        $first.Kill($true)
        $first.WaitForExit()
        $killedAt = (Get-Item -LiteralPath $report).Length

        Wait-NightlyRun (Start-NightlyRun $csv $reports) | Should -Match 'Report: '

        Get-Content -LiteralPath $report -TotalCount 1 |
            Should -Be '"Row","SubmittedAt","Destination","CorrelationId","Status","Code","Reason","MessageId","Parts"'
        # A first result appended to the killed run's half line would not be nine fields.
        @(Get-TornLine $report) | Should -BeNullOrEmpty -Because "the killed run stopped the report mid-line at byte $killedAt"
        $results = @(Import-Csv -LiteralPath $report)
        ($results.Destination | Sort-Object -Unique).Count | Should -Be 600 -Because 'every row has a result in the report'
        # Row points at the CSV line in every run: the killed run's and the re-run's results for a row agree.
        @($results | Where-Object { $_.Destination -ne ('+4477009{0:D5}' -f [int]$_.Row) }) | Should -BeNullOrEmpty
        @($results | Where-Object Status -notin 'Queued', 'Skipped', 'Unknown') | Should -BeNullOrEmpty
        $twice = @($results | Where-Object Status -eq 'Queued' | Group-Object Destination | Where-Object Count -gt 1)
        $twice | Should -BeNullOrEmpty -Because 'the journal keeps the second run from sending what the first sent'
        @($results | Where-Object Status -eq 'Skipped').Count | Should -BeGreaterThan 0 -Because 'the first run sent some rows'
    }

    It 'cuts the killed run''s half line from a report in a relative -ReportFolder, read from PowerShell''s location' {
        # Before: the half line was looked for with a .NET call, which resolved 'reports' against the process's working
        # directory, not the location Set-Location gave: nothing was found there, the half line stayed, and this run's
        # first result was appended to it.
        $csv = New-NightlyInput -Rows 3
        $base = Join-Path $TestDrive 'relative'
        $reports = New-Item -ItemType Directory -Path (Join-Path $base 'reports') -Force
        $report = Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.csv' -f (Get-Date))
        $header = '"Row","SubmittedAt","Destination","CorrelationId","Status","Code","Reason","MessageId","Parts"'
        [IO.File]::WriteAllText($report, $header + "`n" + '"1","2026-12-06T01:00:00Z","+44770')
        (Get-Location).ProviderPath | Should -Not -Be $base

        Wait-NightlyRun (Start-NightlyRun $csv 'reports' -Location $base) | Should -Match 'Report: '

        @(Get-TornLine $report) | Should -BeNullOrEmpty -Because 'the killed run''s half line was cut before this run appended'
        @(Import-Csv -LiteralPath $report).Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'finishes a run that started before midnight the morning after, with -Day, sending only what it did not send' {
        # Tonight's run at 23:00 died; at 08:00 the admin runs it again. Without -Day the re-run took today's name, a
        # new journal that knew nothing of last night's sends, and sent every row again.
        $csv = New-NightlyInput -Rows 20
        $reports = Join-Path $TestDrive 'morning'
        $night = "-Day '2026-12-04 23:00'"
        Wait-NightlyRun (Start-NightlyRun $csv $reports $night) | Should -Match 'Report: '
        Wait-NightlyRun (Start-NightlyRun $csv $reports $night) | Should -Match 'Report: '

        $results = @(Import-Csv -LiteralPath (Join-Path $reports 'sms-sandbox-2026-12-04.csv'))
        @($results | Where-Object Status -eq 'Queued').Count | Should -Be 20
        @($results | Where-Object Status -eq 'Skipped').Count | Should -Be 20 -Because 'the morning run read last night''s journal'
        @(Get-ChildItem -LiteralPath $reports -Filter '*.journal').Name | Should -Be 'sms-sandbox-2026-12-04.journal'
    }

    It 'sends the same CSV again the next day, and deletes the reports and journals older than -KeepDays' {
        # A weekly reminder, the same text to the same people: the next day's run has a journal of its own, so it sends
        # every row again. Before, nothing deleted a day's report and journal: 10,000 rows a day left about 2 MB a day.
        $csv = New-NightlyInput -Rows 5
        $reports = Join-Path $TestDrive 'daily'
        Wait-NightlyRun (Start-NightlyRun $csv $reports "-Day '2026-09-01 04:00'") | Should -Match 'Report: '
        New-Item -ItemType File -Path (Join-Path $reports 'sms-2026-09-01.csv'), (Join-Path $reports 'notes-2026-09-01.csv') | Out-Null
        Wait-NightlyRun (Start-NightlyRun $csv $reports "-Day '2026-12-03 04:00' -KeepDays 0") | Should -Match 'Report: '
        @(Get-ChildItem -LiteralPath $reports -File).Count | Should -Be 6 -Because '-KeepDays 0 deletes nothing'

        # In the culture of an account whose calendar is not the Gregorian one: the names still carry 2026-12-04.
        Wait-NightlyRun (Start-NightlyRun $csv $reports "-Day '2026-12-04 04:00'" -Culture 'fa-IR') | Should -Match 'Report: '

        @(Import-Csv -LiteralPath (Join-Path $reports 'sms-sandbox-2026-12-04.csv')).Status | Should -Be (@('Queued') * 5)
        @(Get-ChildItem -LiteralPath $reports -File).Name | Sort-Object | Should -Be @(
            'notes-2026-09-01.csv', 'sms-2026-09-01.csv'    # not this run's kind: a real run's, and someone else's
            'sms-sandbox-2026-12-03.csv', 'sms-sandbox-2026-12-03.journal'
            'sms-sandbox-2026-12-04.csv', 'sms-sandbox-2026-12-04.journal')
    }

    It 'stops a second run started while the first is still going, and leaves the first one''s report whole' {
        # 3,000 rows, 30 s at the sandbox's 100 a second: the second PowerShell starts well before the first ends, even
        # on a loaded machine (with 600, a start-up of 5 s let the first run end first, and the second found nothing to send).
        $csv = New-NightlyInput -Rows 3000
        $reports = Join-Path $TestDrive 'overlap'
        $report = Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.csv' -f (Get-Date))

        $first = Start-NightlyRun $csv $reports
        Wait-ReportStarted $first $report
        $second = Wait-NightlyRun (Start-NightlyRun $csv $reports)
        $second | Should -Match 'in use by another send run'
        # Its output goes to the task's log file: the error in plain text, without PowerShell 7's colour codes.
        $second | Should -Not -Match "`e\[" -Because 'a scheduled run''s log is read in a text editor'
        Wait-NightlyRun $first | Should -Match 'Report: '

        @(Get-TornLine $report) | Should -BeNullOrEmpty -Because 'the second run did not touch the report the first was writing'
        $results = @(Import-Csv -LiteralPath $report)
        $results.Count | Should -Be 3000
        @($results | Where-Object Status -ne 'Queued') | Should -BeNullOrEmpty
        ($results.Destination | Sort-Object -Unique).Count | Should -Be 3000
    }
}

Describe 'The nightly example''s report read on another machine' {
    It 'writes SubmittedAt as ISO 8601, not in the culture of the account that ran it' {
        # Before, an en-US account wrote 12/06/2026 02:00:01 +00:00, which a de-DE Excel or [datetime] reads as 12 June.
        $csv = New-NightlyInput -Rows 20
        $reports = Join-Path $TestDrive 'en-US'
        Wait-NightlyRun (Start-NightlyRun $csv $reports -Culture 'en-US') | Should -Match 'Report: '

        $results = @(Import-Csv -LiteralPath (Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.csv' -f (Get-Date))))
        $results.Count | Should -Be 20
        foreach ($result in $results) {
            $result.SubmittedAt | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$'
            $read = [DateTimeOffset]::Parse($result.SubmittedAt, [cultureinfo]'de-DE')
            ([DateTimeOffset]::UtcNow - $read).TotalHours | Should -BeLessThan 1 -Because 'a reader in any culture reads the day it was sent'
        }
    }
}

Describe 'The nightly example run with -WhatIf' {
    It 'says what it would send, and sends nothing and writes no report or journal' {
        # Before: the script had no CmdletBinding, so PowerShell put -WhatIf in $args unread, and the admin's dry run of
        # tonight's job sent every row and wrote the day's report and journal.
        $csv = New-NightlyInput -Rows 3
        $reports = Join-Path $TestDrive 'whatif'

        $said = Wait-NightlyRun (Start-NightlyRun $csv $reports '-WhatIf')

        $said | Should -Match 'What if: Performing the operation "Send SMS" on target "batch 1: 3 destinations'
        $said | Should -Not -Match 'Report: '
        @(Get-ChildItem -LiteralPath $reports -File) | Should -BeNullOrEmpty
    }
}

Describe 'The nightly example as its help registers it with Task Scheduler' {
    It 'ends at once with exit code 1 when something asks a question, instead of waiting for an answer no one gives' {
        # Before: the action's arguments were '-NoProfile -File ...'. A task that runs whether the user is logged on or not
        # has a console no one sees, whose input stays open: a question (-Confirm left in while testing, a Read-Host or
        # Get-Credential added to the script, Inquire) waited until the task's time limit, 72 hours by default, with the run
        # shown as Running. Here an input pipe left open stands in for that console, and -Confirm for the question.
        $csv = New-NightlyInput -Rows 3
        $reports = Join-Path $TestDrive 'registered'

        $run = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports, '-Confirm')

        $run.Ended | Should -BeTrue -Because 'a scheduled run must not wait for an answer'
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'NonInteractive mode'
        @(Get-ChildItem -LiteralPath $reports -File -ErrorAction SilentlyContinue | Where-Object Extension -eq '.csv') |
            Should -BeNullOrEmpty -Because 'nothing was sent'
    }

    It 'writes to its log under -Verbose what the run did, without the module''s import' {
        # Before: 58 of the log's lines said how PowerShell imported WebexConnect ("Importing cmdlet 'Connect-WebexConnect'."
        # and the like, each cmdlet three times): the script's -Verbose reached Import-Module, and the module's own import
        # of its assembly. The lines an admin runs -Verbose for came after them.
        $csv = New-NightlyInput -Rows 3
        $reports = Join-Path $TestDrive 'verbose'

        $run = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports, '-Verbose')

        $run.ExitCode | Should -Be 0
        $run.Text | Should -Match 'VERBOSE: Send SMS: 3 rows in [\d.]+ s: 3 Queued\.'
        @($run.Text -split '\r?\n' | Where-Object { $_ -match '^VERBOSE: (Loading|Importing|Exporting) ' }) | Should -BeNullOrEmpty
    }

    It 'sends the rows left Unknown by a crash when it is run again with -ResendUnknown, and only those' {
        # After a crash with a request in flight, the help said to check the delivery reports before sending the rows
        # left Unknown, and every re-run's warning said to send them with -ResendUnknown; but the example had no such
        # parameter, so the admin who had checked could not send them without editing the script.
        $csv = New-NightlyInput -Rows 1
        $reports = Join-Path $TestDrive 'unknown'
        $journal = Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.journal' -f (Get-Date))
        $report = Join-Path $reports ('sms-sandbox-{0:yyyy-MM-dd}.csv' -f (Get-Date))
        (Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports)).ExitCode | Should -Be 0
        # Killed before the answer to row 1's request was recorded: the journal's last line, that answer, never written.
        $lines = @(Get-Content -LiteralPath $journal)
        $lines[-1] | Should -Match '"s":"queued"'
        Set-Content -LiteralPath $journal -Value $lines[0..($lines.Count - 2)]
        Remove-Item -LiteralPath $report
        $csv = New-NightlyInput -Rows 3

        $again = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports)
        $again.ExitCode | Should -Be 1
        @(Import-Csv -LiteralPath $report).Status | Should -Be @('Unknown', 'Queued', 'Queued')
        Remove-Item -LiteralPath $report

        $checked = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports, '-ResendUnknown')

        $checked.ExitCode | Should -Be 0 -Because $checked.Text
        @(Import-Csv -LiteralPath $report).Status | Should -Be @('Queued', 'Skipped', 'Skipped')
    }

    It 'says in its log how many rows it read and what became of them, without -Verbose' {
        # Before: a run's log said only "Report: ... (0 row(s) not accepted)", the same for a run that sent 600 rows and
        # for the morning's re-run that sent none of them (all Skipped): to know which, the admin opened the report.
        $csv = New-NightlyInput -Rows 3
        $reports = Join-Path $TestDrive 'counted'
        $first = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports)
        $first.ExitCode | Should -Be 0
        $first.Text | Should -Match '(?m)^Rows: 3 \(3 Queued\)\r?$'

        $again = Invoke-RegisteredNightlyRun @('-Sandbox', '-Path', $csv, '-ReportFolder', $reports)

        $again.ExitCode | Should -Be 0
        $again.Text | Should -Match '(?m)^Rows: 3 \(3 Skipped\)\r?$'
        $again.Text | Should -Match 'Report: .*\(0 row\(s\) not accepted\)'
    }

    It 'ends with exit code 2 and names the argument to fix, sending nothing, when started without -NonInteractive and with no input' {
        # A Mandatory parameter left out is asked for; a task's closed input answers it with nothing. For a command in
        # the script (a function's Mandatory -Path, a -From left out of a splat) that failed the command alone, and the
        # script ended with exit code 0 having sent nothing, with -NonInteractive too: the task showed green. The
        # example has no Mandatory parameter: it checks its arguments before it connects, and exits with code 2.
        $reports = Join-Path $TestDrive 'no-input'
        $missing = Join-Path $TestDrive 'no-such.csv'

        $run = Invoke-NightlyRunWithoutInput @('-Sandbox', '-Path', $missing, '-ReportFolder', $reports)

        $run.Ended | Should -BeTrue -Because 'nothing waits for an answer'
        $run.ExitCode | Should -Be 2 -Because $run.Text
        $run.Text | Should -BeLike "*Send-NightlySms: no CSV file at '$missing': give -Path the recipients' CSV file. Nothing was sent.*"
        Test-Path -LiteralPath $reports | Should -BeFalse -Because 'it stopped before the report folder, the journal or a send'

        $empty = Invoke-NightlyRunWithoutInput @('-Sandbox', '-Path', (New-NightlyInput -Rows 1), '-ReportFolder', $reports, '-From', ' ')

        $empty.ExitCode | Should -Be 2 -Because $empty.Text
        $empty.Text | Should -BeLike '*Send-NightlySms: -From is empty: give the sender ID. Nothing was sent.*'
        Test-Path -LiteralPath $reports | Should -BeFalse
    }
}
