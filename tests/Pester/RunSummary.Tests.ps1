#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The night the service refuses or cannot be reached: a scheduled task's log must not bury what happened under one long
# error per row, and must end with one warning that counts the rows and says what to do. Every row keeps its result and
# its error (-ErrorVariable, $Error): only the error's message is shorter when it repeats the row before it.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
    $script:Key = ConvertTo-SecureString 'k-0123456789abcdef' -AsPlainText -Force
    $script:rows = 1..50 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_; Name = "N$_" } }
}

AfterAll { Connect-WebexConnect -Sandbox -Tps 1000 }

Describe 'A run whose rows all fail for one reason' {
    BeforeAll {
        # Every request refused for a shared field: all 50 rows Rejected with the same reason, at once (no retries).
        $script:service = [WebexConnectPester.LoopbackService]::new().Otherwise(400).WithBody('{"code":"7004","message":"Invalid parameter - from"}')
        Connect-WebexConnect -ServiceKey $script:Key -BaseUri $script:service.BaseUri -NoSharedTps -Tps 100
        $script:journal = Join-Path $TestDrive 'night.journal'
        $script:results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal `
                -ErrorVariable sendErrors -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
        $script:errors = @($sendErrors)
        $script:warnings = @($warned)
    }
    AfterAll { $script:service.Dispose() }

    It 'keeps one result and one error per row, each naming its row' {
        $script:results.Count | Should -Be 50
        $script:results.Status | Sort-Object -Unique | Should -Be 'Rejected'
        $script:errors.Count | Should -Be 50
        for ($i = 0; $i -lt 50; $i++) {
            $script:errors[$i].Exception.Message | Should -BeLike "Row $($i + 1): Rejected (7004) +4477009*"
            $script:errors[$i].Exception.Result.Row | Should -Be ($i + 1)
            $script:errors[$i].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        }
    }

    It 'says the reason in the first error only; the others name that row, on one line of a log 80 columns wide' {
        # Before: each of the 50 errors repeated the whole reason (and for a service out of reach, its advice: 8 lines a row).
        $script:errors[0].Exception.Message | Should -Be 'Row 1: Rejected (7004) +447700900001: Rejected by the service: HTTP 400 code 7004: Invalid parameter - from.'
        foreach ($later in $script:errors[1..49]) {
            $later.Exception.Message | Should -Match '^Row \d+: Rejected \(7004\) \+4477009\d{5}: same reason as row 1\.$'
            # "     | " in front of it, as ConciseView writes an error in a script's log.
            $later.Exception.Message.Length | Should -BeLessOrEqual 73
        }
    }

    It 'keeps the whole reason in every result, for the report' {
        $script:results.Reason | Sort-Object -Unique | Should -Be 'Rejected by the service: HTTP 400 code 7004: Invalid parameter - from.'
        $script:errors[49].Exception.Result.Reason | Should -Be 'Rejected by the service: HTTP 400 code 7004: Invalid parameter - from.'
    }

    It 'ends with one warning that counts the rows, names the cause and the row whose error says it, and what to do' {
        # Before: no warning at all; the counts were said under -Verbose only.
        $script:warnings.Count | Should -Be 1
        $script:warnings[-1].Message | Should -Match ('^Send SMS: 50 rows in \d+\.\d s: 0 sent, 50 Rejected \(InvalidParameter \(7004\) for all 50: ' +
            'row 1''s error says why\)\. Invalid and Rejected rows were not sent: correct what their errors say in the input, then run ' +
            [regex]::Escape("the same command with the journal '$script:journal' again: the rows it sent are Skipped, and the others are sent.") + '$')
    }
}

Describe 'The warning a run ends with' {
    AfterEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'is not written when every row was sent; -Verbose still has the summary line' {
        Connect-WebexConnect -Sandbox -Tps 1000
        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -Verbose 4>&1)
        @($results | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 50
        @($warned).Count | Should -Be 0
        $results[-1].Message | Should -Match '^Send SMS: 50 rows in \d+\.\d s: 50 Queued\.$'
    }

    It 'counts the rows sent and those that were not, and says to run again with the journal when the service was not reached' {
        # 503 (7006) on every request: each row Failed after the retries, safe to send again.
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(503)
        try {
            Connect-WebexConnect -ServiceKey $script:Key -BaseUri $service.BaseUri -NoSharedTps -Tps 100
            $journal = Join-Path $TestDrive 'down.journal'
            $results = @($script:rows[0..4] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
            $results.Status | Sort-Object -Unique | Should -Be 'Failed'
            @($warned).Count | Should -Be 1
            $warned[0].Message | Should -BeLike ("Send SMS: 5 rows in * s: 0 sent, 5 Failed (ServiceUnavailable (7006) for all 5: row 1's error says why). " +
                "Failed rows were not sent: once the service answers, run the same command with the journal '*down.journal' again: " +
                "the rows it sent are Skipped, and the others are sent.")
        } finally { $service.Dispose() }
    }
}

Describe 'What limited the pace of a run' {
    AfterEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'names the TPS, its rate and where it came from, on the line before the counts' {
        # An admin asks why 300 rows took 6 s: the counts alone did not say that -Tps 50 allowed no faster.
        Connect-WebexConnect -Sandbox -Tps 50
        $rows = 1..300 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_ } }
        $verbose = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose[-1].Message | Should -Match '^Send SMS: 300 rows in \d+\.\d s: 300 Queued\.$'
        $verbose[-2].Message | Should -Match '^Send SMS: limited by the TPS: 50 destinations a second \(-Tps 50\); \d+\.\d of \d+\.\d s waiting for it\.$'
    }
}

Describe 'A run the process is told to end (SIGTERM)' -Skip:$IsWindows {
    It 'says at which row it stopped, in the log, and its journal holds the rows accepted before' {
        # kill <pid>, systemd or a container's stop. Before: pwsh ended at once, and neither the log nor the console said a word.
        $shell = Join-Path $PSHOME 'pwsh'
        $journal = Join-Path $TestDrive 'term.journal'
        $started = Join-Path $TestDrive 'started.txt'
        $script = Join-Path $TestDrive 'nightly.ps1'
        $module = (Resolve-Path $manifest).Path
        Set-Content -LiteralPath $script -Encoding UTF8 -Value @(
            "Import-Module '$($module -replace "'", "''")'"
            'if ($PSStyle) { $PSStyle.OutputRendering = ''PlainText'' }'
            'Connect-WebexConnect -Sandbox -Tps 5'
            "1..500 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f `$_ } } |"
            "    Send-ConnectSms -From ACME -Text Hi -Journal '$journal' | ForEach-Object { if (`$_.Row -eq 3) { Set-Content '$started' x }; `$_.Row }")
        $info = [Diagnostics.ProcessStartInfo]::new($shell)
        foreach ($a in @('-NoProfile', '-NonInteractive', '-File', $script)) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.UseShellExecute = $false
        $child = [Diagnostics.Process]::Start($info)
        $reading = $child.StandardOutput.ReadToEndAsync()
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        while (-not (Test-Path -LiteralPath $started) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        Test-Path -LiteralPath $started | Should -BeTrue
        & kill -TERM $child.Id
        $child.WaitForExit(30000) | Should -BeTrue
        $log = $reading.GetAwaiter().GetResult()

        $child.ExitCode | Should -Be 143
        $log | Should -Match 'WARNING: Send-ConnectSms was stopped \(Ctrl\+C, Stop-Job or the end of its task\) after the result of row \d+'
        # Every row the log reported was recorded (queued) in the journal before its result came out.
        $reported = @($log -split "`n" | Where-Object { $_ -match '^\d+\s*$' }).Count
        $queued = @(Get-Content -LiteralPath $journal | ConvertFrom-Json | Where-Object s -eq 'queued' | ForEach-Object { $_.k }).Count
        $queued | Should -BeGreaterOrEqual $reported
    }
}
