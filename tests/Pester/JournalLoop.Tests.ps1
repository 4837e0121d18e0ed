#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# A script's foreach loop of one-row calls that all give one -Journal, as the about topic recommends: each call reads only
# what was appended to the journal since the call before it, yet still sees what another process appended in between.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
    Connect-WebexConnect -Sandbox -Tps 1000
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
}

Describe 'A foreach loop of one-row calls with one -Journal' {
    It 'skips a row another process sent with the journal between two calls of the loop, and sends every other row once' {
        $journal = Join-Path $TestDrive 'loop.journal'
        $rows = 1..4 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090{0:D4}' -f $_; Name = "User $_" } }
        $other = Join-Path $TestDrive 'other.ps1'
        $quoted = { param($text) "'" + ($text -replace "'", "''") + "'" }
        # Another script, in a process of its own, that sends row 3 with the same journal (a second scheduled task).
        Set-Content -LiteralPath $other -Encoding UTF8 -Value @(
            "Import-Module $(& $quoted (Resolve-Path $manifest).Path)"
            'Connect-WebexConnect -Sandbox -Tps 1000'
            "(Send-ConnectSms -To '$($rows[2].Phone)' -From ACME -Text 'Hi User 3' -Journal $(& $quoted $journal)).Status"
        )
        $before = @(Get-ConnectSandboxRequest).Count

        $results = @(foreach ($u in $rows) {
                if ($u.Name -eq 'User 3') {
                    $run = Invoke-PowerShellWithInputOpen -Arguments '-NoProfile', '-File', $other -CloseInput -TimeoutSeconds 120
                    $run.Text | Should -Match 'Queued'
                }
                Send-ConnectSms -To $u.Phone -From ACME -Text "Hi $($u.Name)" -Journal $journal -WarningAction SilentlyContinue
            })
        # The loop again over its first two rows (a re-run of the script): read on from the last call, they are skipped.
        $again = @(foreach ($u in $rows[0..1]) {
                Send-ConnectSms -To $u.Phone -From ACME -Text "Hi $($u.Name)" -Journal $journal -WarningAction SilentlyContinue
            })

        $results.Status | Should -Be @('Queued', 'Queued', 'Skipped', 'Queued')
        $again.Status | Should -Be @('Skipped', 'Skipped')
        # This process's sandbox got rows 1, 2 and 4, once each: row 3 went out only from the other process.
        $sent = @(Get-ConnectSandboxRequest)[$before..9999]
        $sent.Count | Should -Be 3
        ($sent.Body -join "`n") | Should -Not -Match '9000003'
    }

    It 'sends a row again when someone removed the journal lines that recorded it, as a run that read it whole would' {
        $journal = Join-Path $TestDrive 'cut.journal'
        $sent = foreach ($n in 1..3) {
            (Send-ConnectSms -To "+44770090010$n" -From ACME -Text 'Hi' -Journal $journal -WarningAction SilentlyContinue).Status
        }
        # Row 2's lines (its intent and its outcome), which the last call had read already, removed to have it sent again.
        $lines = @(Get-Content -LiteralPath $journal)
        Set-Content -LiteralPath $journal -Value (@($lines[0..2]) + @($lines[5..($lines.Count - 1)]))

        $again = foreach ($n in 2, 1, 3) {
            (Send-ConnectSms -To "+44770090010$n" -From ACME -Text 'Hi' -Journal $journal -WarningAction SilentlyContinue).Status
        }

        $lines.Count | Should -Be 7
        $sent | Should -Be @('Queued', 'Queued', 'Queued')
        $again | Should -Be @('Queued', 'Skipped', 'Skipped')
    }
}
