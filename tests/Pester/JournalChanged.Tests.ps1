#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# -Journal and rows whose content changed since an earlier run sent their destination (a corrected -Text), and rows that
# repeat, piped and in a foreach loop: what the admin sees in a real PowerShell, against the in-process sandbox.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    Connect-WebexConnect -Sandbox -Tps 1000

    # How many messages the sandbox took for each number since $Since (a request number), by number.
    function Get-SentTo([int] $Since) {
        $counts = @{}
        foreach ($request in @(Get-ConnectSandboxRequest | Where-Object Number -gt $Since)) {
            foreach ($to in ($request.Body | ConvertFrom-Json).to) {
                foreach ($number in $to.msisdn) { $counts[$number] = 1 + [int]$counts[$number] }
            }
        }
        $counts
    }
    function Get-LastRequestNumber { [int](@(Get-ConnectSandboxRequest) | Select-Object -Last 1).Number }

    $script:rows = 1..4 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090071{0}' -f $_; Name = "Person $_" } }
}

AfterAll {
    Disconnect-WebexConnect
}

Describe 'Send-ConnectSms -Journal after the text was corrected' {
    It 'holds back the rows that went with the old text, with one warning naming them, and sends the rest once' {
        $journal = Join-Path $TestDrive 'typo.journal'
        $since = Get-LastRequestNumber
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null

        $fixed = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $fixed.Status | Should -Be @('Skipped', 'Skipped', 'Queued', 'Queued')
        $fixed[0].Code | Should -Be 'JournalChanged'
        $fixed[0].Reason | Should -BeLike '*other content*-ResendChanged sends it.'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '2 rows (rows 1, 2) Skipped, not sent: *-ResendChanged*'
        $sent = Get-SentTo $since
        $script:rows.Phone | ForEach-Object { $sent[$_] } | Should -Be @(1, 1, 1, 1)
    }

    It 'lists them under -WhatIf, and -ResendChanged sends them once more with a warning that says so' {
        $journal = Join-Path $TestDrive 'resend.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null
        $since = Get-LastRequestNumber

        $script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WhatIf -WarningVariable dry -WarningAction SilentlyContinue
        "$($dry[0])" | Should -BeLike '2 rows (rows 1, 2) would be Skipped, not sent: *-ResendChanged.'
        Get-LastRequestNumber | Should -Be $since

        $resent = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -ResendChanged -WarningVariable warned -WarningAction SilentlyContinue)
        $resent.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        "$($warned[0])" | Should -BeLike '2 rows (rows 1, 2) were sent (-ResendChanged) although *'
        $sent = Get-SentTo $since
        $script:rows.Phone | ForEach-Object { $sent[$_] } | Should -Be @(1, 1, 1, 1)

        # The next run finds every row sent, in its new text: nothing goes, nothing is said of changed rows.
        $again = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WarningVariable warnedAgain)
        $again.Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped')
        @($warnedAgain).Count | Should -Be 0
    }

    It 'cannot tell with a journal of an earlier version, and says so in -Verbose' {
        $journal = Join-Path $TestDrive 'older.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null
        # As a version before destinations were recorded wrote it: no "d" member on its lines.
        (Get-Content -LiteralPath $journal) -replace ',"d":\[[^\]]*\]', '' | Set-Content -LiteralPath $journal
        $since = Get-LastRequestNumber

        $verbose = $script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] -and "$_" -like 'Journal *' }
        "$verbose" | Should -BeLike "Journal '*older.journal': earlier runs recorded 2 rows*written by an earlier version of WebexConnect, do not record to whom they sent*"
        (Get-SentTo $since).Count | Should -Be 4
    }

    It 'keeps no number in the journal, which names each destination by a keyed hash' {
        $journal = Join-Path $TestDrive 'private.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal | Out-Null
        Get-Content -LiteralPath $journal -Raw | Should -Not -Match '7700900'
        (Get-Content -LiteralPath $journal | Select-Object -Last 1 | ConvertFrom-Json).d.Count | Should -Be 4
    }
}

Describe 'Send-ConnectSms -Journal with rows that repeat or go to one person twice' {
    It 'sends a repeated row piped into one call, and skips it in a foreach loop of one-row calls with a reason that says why' {
        $repeated = @($script:rows[0], $script:rows[1], $script:rows[0])
        $since = Get-LastRequestNumber
        $piped = @($repeated | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal (Join-Path $TestDrive 'piped.journal') -WarningVariable warned -WarningAction SilentlyContinue)
        $piped.Status | Should -Be @('Queued', 'Queued', 'Queued')
        "$($warned[0])" | Should -BeLike 'Row 3 repeats row 1*It is sent again*'
        (Get-SentTo $since)[$script:rows[0].Phone] | Should -Be 2

        $journal = Join-Path $TestDrive 'loop.journal'
        $since = Get-LastRequestNumber
        $looped = foreach ($row in $repeated) { Send-ConnectSms -To $row.Phone -From ACME -Text "Hi $($row.Name)" -Journal $journal }
        @($looped).Status | Should -Be @('Queued', 'Queued', 'Skipped')
        @($looped)[2].Reason | Should -BeLike 'Already sent in an earlier run on * (journal). In a foreach loop of one-row calls*piped into one call, such a repeat is sent again*'
        (Get-SentTo $since)[$script:rows[0].Phone] | Should -Be 1
    }

    It 'skips in a loop a second, different message to one person unless -ResendChanged, as the help says' {
        $journal = Join-Path $TestDrive 'two-texts.journal'
        $since = Get-LastRequestNumber
        $first = Send-ConnectSms -To $script:rows[0].Phone -From ACME -Text 'Your visit is on Monday' -Journal $journal
        $second = Send-ConnectSms -To $script:rows[0].Phone -From ACME -Text 'Your visit is on Friday' -Journal $journal -WarningAction SilentlyContinue
        $first.Status, $second.Status | Should -Be @('Queued', 'Skipped')
        $second.Reason | Should -BeLike '*a foreach loop of one-row calls*'

        $sent = Send-ConnectSms -To $script:rows[0].Phone -From ACME -Text 'Your visit is on Friday' -Journal $journal -ResendChanged -WarningAction SilentlyContinue
        $sent.Status | Should -Be 'Queued'
        (Get-SentTo $since)[$script:rows[0].Phone] | Should -Be 2
    }

    It 'completes -ResendChanged as a parameter of each send cmdlet' {
        foreach ($command in 'Send-ConnectSms', 'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectMessage') {
            $line = "$command -ResendCh"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be '-ResendChanged'
        }
    }
}
