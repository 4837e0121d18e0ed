#Requires -Version 5.1
# Pester 5: the exit code of a scheduled script, as Task Scheduler or cron runs it (pwsh -NonInteractive -File job.ps1),
# written the way about_WebexConnect's "Scheduled tasks" section advises: its snippet, taken from the page itself, with
# its "..." filled in. The exit code is all Task Scheduler shows of a run.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    $script:Manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')

    # The snippet under "Failed rows do not change the exit code", as printed (indented by four spaces).
    $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md'))
    $section = $about.Substring($about.IndexOf('- Failed rows do not change the exit code'))
    $script:Advice = foreach ($line in @($section -split '\r?\n' | Select-Object -Skip 1)) {
        if ($line.StartsWith('    ')) { $line.Substring(4); $inCode = $true }
        elseif ($inCode) { break }
    }

    # A job script: connect to the sandbox, then the advice with its "..." filled in for the CSV at $Csv.
    function script:New-Job([string] $Csv, [string] $Connect = 'Connect-WebexConnect -Sandbox', [string] $More = '') {
        $body = ($script:Advice -join [Environment]::NewLine)
        $body = ([regex]'\.\.\. \|').Replace($body, "Import-Csv '$Csv' |", 1)
        $body = ([regex]'Send-ConnectSms \.\.\.').Replace($body, "Send-ConnectSms -From ACME -Text 'Hi `$(Name)' $More", 1)
        $body = $body.Replace('results.csv', (Join-Path $TestDrive 'results.csv'))
        $job = Join-Path $TestDrive 'job.ps1'
        Set-Content -LiteralPath $job -Value @("Import-Module '$script:Manifest'", $Connect, $body) -Encoding UTF8
        $job
    }

    function script:Invoke-Job([string] $Csv, [string] $Connect = 'Connect-WebexConnect -Sandbox', [string] $More = '') {
        $job = New-Job $Csv $Connect $More
        $powershell = Get-PowerShellHostCommand
        $null = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $job 2>&1
        $LASTEXITCODE
    }

    function script:New-Csv([string[]] $Phones) {
        $csv = Join-Path $TestDrive 'people.csv'
        $Phones | ForEach-Object { [pscustomobject]@{ Phone = $_; Name = 'P' } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $csv
    }
}

Describe 'The exit code of a scheduled script written as about_WebexConnect advises' {
    It 'has a snippet to run, with its send and its exit' {
        ($script:Advice -join "`n") | Should -Match 'Send-ConnectSms'
        ($script:Advice -join "`n") | Should -Match 'exit 1'
    }

    It 'is 0 when every row is queued' {
        Invoke-Job (New-Csv '+447700900001', '+447700900002') | Should -Be 0
        @(Import-Csv (Join-Path $TestDrive 'results.csv')).Count | Should -Be 2
    }

    It 'is 1 when a row failed, after every row got its result' {
        Invoke-Job (New-Csv '+447700900001', 'not a number', '+447700900003') | Should -Be 1
        @(Import-Csv (Join-Path $TestDrive 'results.csv')).Status | Should -Be @('Queued', 'Invalid', 'Queued')
    }

    It 'is 1 when the CSV is missing' {
        # Before: Import-Csv's error ended the pipeline before the send, -ErrorVariable stayed empty and the task showed success.
        Invoke-Job (Join-Path $TestDrive 'nobody-put-it-here.csv') | Should -Be 1
    }

    It 'is 1 when there is no session' {
        Invoke-Job (New-Csv '+447700900001') -Connect '' | Should -Be 1
    }

    It 'is 1 when the journal is in use by another run' {
        $journal = Join-Path $TestDrive 'run.journal'
        $held = [IO.File]::Open($journal, 'OpenOrCreate', 'ReadWrite', 'None')
        try { Invoke-Job (New-Csv '+447700900001') -More "-Journal '$journal'" | Should -Be 1 }
        finally { $held.Dispose() }
    }
}

Describe 'The exit code of a scheduled script whose key is refused part-way' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'is 1, after results.csv got a row for every row of the CSV' {
        # Before: the run ended at the 401 and the rows it had not read had no line in results.csv.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Otherwise(401)
        try {
            $connect = "Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri '$($service.BaseUri)' -NoSharedTps -Tps 50"
            Invoke-Job (New-Csv (1..400 | ForEach-Object { '+4477009{0:00000}' -f $_ })) -Connect $connect | Should -Be 1
            $written = @(Import-Csv (Join-Path $TestDrive 'results.csv'))
            ($written.Row -join ',') | Should -Be ((1..400) -join ',')
            @($written | Where-Object Status -eq Queued).Count | Should -BeGreaterThan 0
            @($written | Where-Object Status -notin 'Queued', 'Failed').Count | Should -Be 0
        }
        finally { $service.Dispose() }
    }
}

Describe 'The exit code of a scheduled script whose service cannot be reached' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'is 1 within seconds, with one error that says what to check, every row Failed and not sent, and the journal''s re-run sends them all' {
        # Before (measured, a closed port, -Tps 100): 1,000 rows took 36 s, five batches retried one after another until the
        # circuit opened, and the log held 1,000 errors (500 ConnectionFailed, 500 CircuitOpen) and a four-line warning.
        $free = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $free.Start(); $port = $free.LocalEndpoint.Port; $free.Stop()
        $csv = New-Csv (1..1000 | ForEach-Object { '+4477009{0:00000}' -f $_ })
        $journal = Join-Path $TestDrive 'down.journal'
        $connect = "Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:$port/' -NoSharedTps -Tps 100"
        # The send's time, from the script itself (a new pwsh's start is no part of it): its error ends the script, so a trap
        # writes it down, then lets the error end the script as it would have.
        $took = Join-Path $TestDrive 'took.txt'
        $connect += "`n`$clock = [Diagnostics.Stopwatch]::StartNew()`ntrap { Set-Content -LiteralPath '$took' -Value `$clock.Elapsed.TotalSeconds; break }"
        $job = New-Job $csv -Connect $connect -More "-Journal '$journal'"
        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 120
        # One line, without the " | " PowerShell starts each line of a wrapped error with.
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*(\|\s+)?', ' '

        $run.ExitCode | Should -Be 1
        [double](Get-Content -LiteralPath $took) | Should -BeLessThan 30
        $written = @(Import-Csv (Join-Path $TestDrive 'results.csv'))
        ($written.Row -join ',') | Should -Be ((1..1000) -join ',')
        @($written | Where-Object { $_.Status -ne 'Failed' -or $_.Code -ne 'RunStopped' }).Count | Should -Be 0
        $written[0].Reason | Should -Be 'Not sent: the run stopped (ServiceUnreachable) before this row''s request left. Safe to send again.'
        # One error: the run's, which says what happened, what to check and what to do.
        ([regex]::Matches($log, 'could not be reached')).Count | Should -Be 1
        $log | Should -Not -Match 'Row \d+: Failed'
        $log | Should -Match ([regex]::Escape("The service could not be reached (6 attempts): could not connect to 127.0.0.1 (check this computer's network and firewall"))
        $log | Should -Match 'The run stopped: its rows were not sent and are safe to send again\. Once the service can be reached, run the same command again'

        # As the error says: once the service answers, the same command with the same journal sends every row, once.
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(201)
        try {
            $connect = "Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri '$($service.BaseUri)' -NoSharedTps -Tps 1000"
            Invoke-Job $csv -Connect $connect -More "-Journal '$journal'" | Should -Be 0
            $again = @(Import-Csv (Join-Path $TestDrive 'results.csv'))
            @($again | Where-Object Status -eq 'Queued').Count | Should -Be 1000
        }
        finally { $service.Dispose() }
    }
}

Describe 'The results of a run that a failure stops, kept in a variable' {
    BeforeAll { Import-Module $script:Manifest -Force -ErrorAction Stop }
    AfterAll { Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue }

    It 'are all in -OutVariable, as about_WebexConnect says, where an assignment keeps none' {
        # The run's one terminating error ends the statement: PowerShell then assigns nothing to $results, though every
        # row's result was written. Measured: 20 rows to a closed port, $r = ... held none, -OutVariable all 20.
        $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md')) -replace '\s+', ' '
        $about | Should -Match ([regex]::Escape('$results = ... | Send-ConnectSms keeps none of them: give -OutVariable results'))
        $free = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $free.Start(); $port = $free.LocalEndpoint.Port; $free.Stop()
        Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri "http://127.0.0.1:$port/" -NoSharedTps -Tps 100
        try {
            $rows = 1..20 | ForEach-Object { [pscustomobject]@{ To = '+4477009000{0:00}' -f $_ } }
            $assigned = 'untouched'
            try { $assigned = $rows | Send-ConnectSms -From ACME -Text 'Hi' -OutVariable results -ErrorAction SilentlyContinue } catch { $caught = $_ }
        }
        finally { Disconnect-WebexConnect -ErrorAction SilentlyContinue }

        $caught.FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable*'
        $assigned | Should -Be 'untouched'
        @($results).Count | Should -Be 20
        ($results.Row -join ',') | Should -Be ((1..20) -join ',')
        @($results | Where-Object Code -ne 'RunStopped').Count | Should -Be 0
    }
}

Describe 'A scheduled script started as about_WebexConnect advises' {
    It 'ends at once with exit code 1 at a question, instead of waiting for an answer no one gives' {
        # The script as the page advises (its snippet), started as it says. Before, the page said nothing of how to start
        # it, and the nightly example registered it without -NonInteractive: a question waited, in a console no one sees,
        # until the task's time limit. An input pipe left open stands in for that console here, and a -Confirm left in
        # the script for the question.
        $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md'))
        $about -match 'Start the script with pwsh (-[^<]+?) -File <script>' | Should -BeTrue -Because 'the page says how to start it'
        $switches = -split $Matches[1]
        $job = New-Job (New-Csv '+447700900001') -More '-Confirm'

        $run = Invoke-PowerShellWithInputOpen -Arguments ($switches + @('-File', $job))

        $run.Ended | Should -BeTrue -Because 'a scheduled run must not wait for an answer'
        $run.ExitCode | Should -Be 1
    }

    It 'gives Windows PowerShell 5.1 its own command line, with the execution policy the task meets, and it too ends at a question' {
        # Before, the page gave only pwsh's command line: a 5.1 task runs powershell.exe, and nothing said that the task's
        # account meets its own execution policy (Restricted by default on Windows clients), which refuses the script.
        # powershell.exe takes the same switches as pwsh: run here with this host's PowerShell.
        $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md')) -replace '\r?\n\s*', ' '
        $about -match 'Windows PowerShell 5\.1 runs powershell\.exe (-[^<]+?) -File <script>' | Should -BeTrue -Because 'the page says how to start it in 5.1'
        $switches = -split $Matches[1]
        $switches | Should -Contain '-NonInteractive'
        $switches[$switches.IndexOf('-ExecutionPolicy') + 1] | Should -BeIn 'RemoteSigned', 'Bypass'
        $job = New-Job (New-Csv '+447700900001') -More '-Confirm'

        $run = Invoke-PowerShellWithInputOpen -Arguments ($switches + @('-File', $job))

        $run.Ended | Should -BeTrue -Because 'a scheduled run must not wait for an answer'
        $run.ExitCode | Should -Be 1
    }

    It 'says in its log what asked the question and what to change in the script' {
        # Before: -NonInteractive, the switch the page advises, made the log say only PowerShell's "PowerShell is in
        # NonInteractive mode. Read and Prompt functionality is not available.": not that the -Confirm left in the
        # script (or a $ConfirmPreference of Medium) had asked, nor what to change.
        $job = New-Job (New-Csv '+447700900001') -More '-Confirm'

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job)

        $run.Ended | Should -BeTrue
        $run.ExitCode | Should -Be 1
        # The log as an admin reads it: escape codes out, the error's wrapped lines joined.
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*\|\s*', ' '
        $log | Should -Match 'had to ask a question here \(-Confirm, \$ConfirmPreference set to Medium or Low'
        $log | Should -Match 'it runs with -NonInteractive'
        $log | Should -Match 'leave out -Confirm \(or give -Confirm:\$false; to see what a run would send, run it once with -WhatIf instead\), leave \$ConfirmPreference at High'
    }

    It 'says in its log, without -Verbose, that the row asked about and the rows after it were not sent' {
        # Before: the log had the question's error alone; that row 1 and the two rows after it were not sent showed only in
        # the verbose summary, as a row's error under -ErrorAction Stop did before its warning (StoppedRun).
        $job = New-Job (New-Csv '+447700900001', '+447700900002', '+447700900003') -More '-Confirm'

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job)

        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Match ([regex]::Escape('WARNING: Send-ConnectSms ended before sending row 1 (PromptWithoutInput): nothing was sent, ' +
            'and any rows the input had after row 1 were not read, so not sent.'))
    }
}

Describe 'A scheduled script whose credential did not load' {
    # Before: the Import-Clixml (or Get-Secret) a line above failed, as it does for a file saved by another account, and
    # -Credential got $null, which PowerShell's [Credential] turned into a question. Under -NonInteractive the log read
    # "PowerShell credential request ... User:" then "Cannot process argument transformation on parameter 'Credential'.
    # PowerShell is in NonInteractive mode.", nothing of the credential that was not there; without it the run waited at
    # "User:", in a console no one sees, until the task's time limit.
    It '<Command> -Credential $null says the variable holds nothing and asks nothing (<Started>)' -ForEach @(
        @{ Command = 'Connect-WebexConnect'; Call = 'Connect-WebexConnect -Credential $credential -Region eu'; Advice = 'leave -Credential out to read WEBEXCONNECT_SERVICE_ID'
           Started = '-NonInteractive'; Switches = @('-NonInteractive') }
        @{ Command = 'Connect-WebexConnect'; Call = 'Connect-WebexConnect -Credential $credential -Region eu'; Advice = 'leave -Credential out to read WEBEXCONNECT_SERVICE_ID'
           Started = 'without -NonInteractive'; Switches = @() }
        @{ Command = 'New-ConnectJwt'; Call = '$null = New-ConnectJwt -Credential $credential'; Advice = 'the service secret as its password\.'
           Started = '-NonInteractive'; Switches = @('-NonInteractive') }
    ) {
        $job = Join-Path $TestDrive 'credential.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            "`$credential = Import-Clixml -LiteralPath '$(Join-Path $TestDrive 'saved-by-another-account.xml')'"
            $Call
            "if (-not `$?) { exit 1 }")

        $run = Invoke-PowerShellWithInputOpen -Arguments (@('-NoProfile') + $Switches + @('-File', $job)) -TimeoutSeconds 30

        $run.Ended | Should -BeTrue -Because 'a scheduled run must not wait for an answer'
        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*\|\s*', ' '
        $log | Should -Match '-Credential is \$null: the variable given holds no credential \(did the Import-Clixml or Get-Secret'
        $log | Should -Match $Advice
        $log | Should -Not -Match 'credential request|NonInteractive mode'
    }
}

Describe 'A scheduled script that $ErrorActionPreference = ''Stop'' ends at a row''s error' {
    BeforeAll {
        # A job as admins write it: the module, a connection, $ErrorActionPreference = 'Stop', then the send line; started as a
        # task starts it. Its exit code and its log as an admin reads it: escape codes out, wrapped lines joined.
        function script:Invoke-StopJob([string] $Send, [string] $Connect = 'Connect-WebexConnect -Sandbox') {
            $job = Join-Path $TestDrive 'stop-job.ps1'
            Set-Content -LiteralPath $job -Encoding UTF8 -Value @("Import-Module '$script:Manifest'", $Connect, "`$ErrorActionPreference = 'Stop'", $Send)
            $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 120
            [pscustomobject]@{ ExitCode = $run.ExitCode; Log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' ' }
        }
    }

    # Before: without -Verbose the log showed only row 5's error ("Row 5: To: ..."), so "row 5 failed" read as the run's
    # only problem; the rows after it, never read and never sent, showed nowhere but in the verbose summary.
    It 'says in its log that the rows after it were not read, and a re-run with the journal sends only those' {
        $csv = Join-Path $TestDrive 'people.csv'
        $phones = 1..8 | ForEach-Object { if ($_ -eq 5) { 'not a number' } else { '+4477009005{0:d2}' -f $_ } }
        $phones | ForEach-Object { [pscustomobject]@{ Phone = $_; Name = 'P' } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $journal = Join-Path $TestDrive 'run.journal'
        $results = Join-Path $TestDrive 'results.csv'
        $job = Join-Path $TestDrive 'stop.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            'Connect-WebexConnect -Sandbox'
            "`$ErrorActionPreference = 'Stop'"
            "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi' -Journal '$journal' | Export-Csv '$results' -NoTypeInformation")

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Match ([regex]::Escape("WARNING: Send-ConnectSms ended at the error of row 5 (InvalidInput): the 5 rows it read " +
            'have their results, and any rows the input had after row 5 were not read, so not sent.'))
        $log | Should -Match ([regex]::Escape("Correct row 5, then run the same command with the journal '$journal' again"))
        @(Import-Csv $results).Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid')

        # As the warning says: row 5 corrected, the same command with the journal skips rows 1-4 and sends the rest.
        $phones[4] = '+447700900505'
        $phones | ForEach-Object { [pscustomobject]@{ Phone = $_; Name = 'P' } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $again = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $again.ExitCode | Should -Be 0
        @(Import-Csv $results).Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped', 'Queued', 'Queued', 'Queued', 'Queued')
    }

    It 'says after a crash with a request in flight that a re-run stops at the Unknown row again, and the way it gives on sends the rest' {
        # Before: the re-run's warning said "Correct row 2, then run the same command with the journal again: ... the others
        # are sent". Row 2 had nothing to correct: the journal keeps it Unknown, and every re-run ended at it again, night
        # after night, rows 3-4 never sent.
        $csv = Join-Path $TestDrive 'people.csv'
        $journal = Join-Path $TestDrive 'crashed.journal'
        $results = Join-Path $TestDrive 'results.csv'
        $phones = '+447700900901', '+447700900902', '+447700900903', '+447700900904'
        $send = "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi' -Journal '$journal' {0}| Export-Csv '$results' -NoTypeInformation"
        # The night before: row 1 went, then row 2's request (a request of its own), and the process was killed before its
        # answer was recorded (the journal's last line, that answer, never written).
        foreach ($last in 0, 1) {
            $phones[0..$last] | ForEach-Object { [pscustomobject]@{ Phone = $_ } } | Export-Csv -LiteralPath $csv -NoTypeInformation
            (Invoke-StopJob ($send -f '')).ExitCode | Should -Be 0
        }
        $lines = @(Get-Content -LiteralPath $journal)
        $lines[-1] | Should -Match '"s":"queued"'
        Set-Content -LiteralPath $journal -Value $lines[0..($lines.Count - 2)]
        $phones | ForEach-Object { [pscustomobject]@{ Phone = $_ } } | Export-Csv -LiteralPath $csv -NoTypeInformation

        $run = Invoke-StopJob ($send -f '')

        $run.ExitCode | Should -Be 1
        @(Import-Csv $results).Status | Should -Be @('Skipped', 'Unknown')
        $run.Log | Should -Not -Match 'Correct row 2'
        $run.Log | Should -Match ([regex]::Escape("Row 2 may have been sent, so the journal '$journal' keeps it Unknown and the same command run again " +
            'stops at row 2 again. Check the delivery reports for the rows left Unknown, then run the same command with -ErrorAction Continue'))

        # As the warning says: the same command with -ErrorAction Continue skips row 1, leaves row 2 Unknown and sends rows 3-4.
        (Invoke-StopJob ($send -f '-ErrorAction Continue ')).ExitCode | Should -Be 0
        @(Import-Csv $results).Status | Should -Be @('Skipped', 'Unknown', 'Queued', 'Queued')
    }

    It 'says when the service cannot be reached that the row has nothing to correct, and to run it again once the service answers' {
        # Before: "Correct row 1, then run the same command with the journal again": the admin looked for a fault in a row that
        # was right, while the service (a port nothing listens on here) was down.
        # Rows enough that the run is still reading when row 1's error comes (the batches in flight hold the rest back).
        $csv = New-Csv (1..300 | ForEach-Object { '+44770090{0:d4}' -f $_ })
        $journal = Join-Path $TestDrive 'down.journal'
        $run = Invoke-StopJob "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi' -Journal '$journal' | Out-Null" `
            -Connect "Connect-WebexConnect -BaseUri http://127.0.0.1:1/ -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -NoSharedTps"

        # No request reaching the service, the run stops at its own error (ServiceUnreachable), not at row 1's.
        $run.ExitCode | Should -Be 1
        $run.Log | Should -Match 'ended at its error \(ServiceUnreachable\)'
        $run.Log | Should -Not -Match 'Correct row 1'
        $run.Log -replace ' \| ', ' ' | Should -Match ([regex]::Escape('The run stopped: its rows were not sent and are safe to send again. ' +
            'Once the service can be reached, run the same command again'))
        $run.Log | Should -Match ([regex]::Escape("run the same command with the journal '$journal' again"))
    }

    It 'says without -Journal that running it again sends the rows it read again' {
        $csv = Join-Path $TestDrive 'people.csv'
        '+447700900601', 'not a number', '+447700900603' | ForEach-Object { [pscustomobject]@{ Phone = $_ } } |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $job = Join-Path $TestDrive 'stop.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            'Connect-WebexConnect -Sandbox'
            "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Stop | Out-Null")

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Match 'ended at the error of row 2 \(InvalidInput\): the 2 rows it read have their results'
        $log | Should -Match 'Nothing records which rows went: running the command again sends rows 1-2 again\. Give -Journal'
    }

    It 'says under -WarningAction Stop that the row warned of and the rows after it were not sent' {
        # Before: a repeated row's warning ("with -WarningAction Stop the command stops here instead") ended the run; rows 1-2
        # had their results, row 3 none and no mention, and nothing said that row 4 was never read.
        $csv = Join-Path $TestDrive 'people.csv'
        '+447700900801', '+447700900802', '+447700900802', '+447700900804' | ForEach-Object { [pscustomobject]@{ Phone = $_ } } |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $job = Join-Path $TestDrive 'warn.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            'Connect-WebexConnect -Sandbox'
            "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi' -WarningAction Stop | ForEach-Object { 'Result: ' + `$_.Row + ' ' + `$_.Status }")

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Match 'Result: 1 Queued Result: 2 Queued'
        $log | Should -Not -Match 'Result: 3'
        $log | Should -Match ([regex]::Escape('WARNING: Send-ConnectSms ended before sending row 3 (-WarningAction Stop): rows 1-2 have their ' +
            'results, row 3 was not sent, and any rows the input had after row 3 were not read, so not sent.'))
    }

    It 'says that the second object, read while the first waited for it, was read and not sent' {
        # $a, $b | Send-ConnectSms -From X -ErrorAction Stop where only $b has a Text property: row 1 waited for row 2 to say
        # whether it was the run's MissingContent stop (HeldFirstRow), then its own Invalid result ended the command. Before,
        # row 2 had been read and had no result, and the warning said "the row it read has its result" and nothing of it.
        $job = Join-Path $TestDrive 'held.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            'Connect-WebexConnect -Sandbox'
            "`$a = [pscustomobject]@{ Phone = '+447700900701' }"
            "`$b = [pscustomobject]@{ Phone = '+447700900702'; Text = 'Hi' }"
            "`$a, `$b | Send-ConnectSms -From ACME -ErrorAction Stop | ForEach-Object { 'Result: ' + `$_.Row + ' ' + `$_.Status }")

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Match 'Result: 1 Invalid'
        $log | Should -Not -Match 'Result: 2'
        $log | Should -Match ([regex]::Escape('ended at the error of row 1 (InvalidInput): row 1 has its result, row 2 was read and not sent, ' +
            'and any rows the input had after row 2 were not read, so not sent.'))
    }

    It 'says under -WarningAction Stop at the held first row that the second object was read and not sent' {
        # $a, $b | Send-ConnectSms -From X -WarningAction Stop, where $a (no Text property) waited for $b (HeldFirstRow) and
        # then warned of a misread character. Before, the warning said "any rows the input had after row 1 were not read",
        # though row 2 had been read: the admin could not tell from the log which of the rows the run had taken in.
        $job = Join-Path $TestDrive 'held-warn.ps1'
        Set-Content -LiteralPath $job -Encoding UTF8 -Value @(
            "Import-Module '$script:Manifest'"
            'Connect-WebexConnect -Sandbox'
            "`$a = [pscustomobject]@{ Phone = '+447700900711'; Name = [string][char]0xC3 + [char]0xA9 + 'mile' }"
            "`$b = [pscustomobject]@{ Phone = '+447700900712'; Text = 'Hi' }"
            "`$a, `$b | Send-ConnectSms -From ACME -WarningAction Stop | ForEach-Object { 'Result: ' + `$_.Row + ' ' + `$_.Status }")

        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $job) -TimeoutSeconds 60

        $run.ExitCode | Should -Be 1
        $log = $run.Text -replace '\x1b\[[0-9;]*m' -replace '\s*\r?\n\s*', ' '
        $log | Should -Not -Match 'Result: '
        $log | Should -Match ([regex]::Escape('ended before sending row 1 (-WarningAction Stop): nothing was sent, row 2 was read and not sent, ' +
            'and any rows the input had after row 2 were not read, so not sent.'))
    }
}

Describe 'A job written out in pwsh -Command, as about_WebexConnect says it ends' {
    # Before, the page said only that failed rows leave the exit code at 0, which is true of -File: a job written out in
    # the task's action (-Command "... | Send-ConnectSms ...") ended with 1 when a row failed, and with 0 again once
    # a Stop-Transcript was added after the send, so a task's result changed with a line that has nothing to do with it.
    BeforeAll {
        $script:About = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md')) -replace '\r?\n\s*', ' '
        $script:Csv = New-Csv '+447700900001', 'not a number'
        $script:InlineJob = "Import-Module '$script:Manifest'; Connect-WebexConnect -Sandbox; " +
            "Import-Csv '$script:Csv' | Send-ConnectSms -From ACME -Text 'Hi'"
        function script:Invoke-Inline([string] $Command) {
            $powershell = Get-PowerShellHostCommand
            $null = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -Command $Command 2>&1
            $LASTEXITCODE
        }
    }

    It 'says so on the page' {
        $script:About | Should -Match ([regex]::Escape('1 when the send comes last and any row failed, but 0 as soon as a statement follows it'))
        $script:About | Should -Match ([regex]::Escape('-Command "& C:\Jobs\send.ps1", which ends with the script''s exit code (0 when it calls no exit)'))
    }

    It 'is 1 when the send comes last and a row failed' {
        Invoke-Inline $script:InlineJob | Should -Be 1
    }

    It 'is 0 as soon as a statement follows the send, although a row failed' {
        Invoke-Inline ($script:InlineJob + "; 'log line'") | Should -Be 0
    }

    It 'is the script''s exit code for -Command "& script", 0 when it calls no exit' {
        $job = Join-Path $TestDrive 'inline-job.ps1'
        Set-Content -LiteralPath $job -Value $script:InlineJob -Encoding UTF8
        Invoke-Inline "& '$job'" | Should -Be 0
        Invoke-Inline "& '$(New-Job $script:Csv)'" | Should -Be 1
    }
}
