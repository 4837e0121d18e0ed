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
    # What-if lines go to the host, not to a stream: a child PowerShell's output shows them.
    function Invoke-Child([string[]] $Lines) {
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $script = Join-Path $TestDrive ("child-{0}.ps1" -f [guid]::NewGuid())
        $module = (Resolve-Path $manifest).Path
        Set-Content -LiteralPath $script -Encoding UTF8 -Value (@("Import-Module '$($module -replace "'", "''")'", 'Connect-WebexConnect -Sandbox -Tps 1000') + $Lines)
        & $shell -NoProfile -File $script 2>&1 | Out-String -Width 400
    }
    function Get-LastRequestNumber { [int](@(Get-ConnectSandboxRequest) | Select-Object -Last 1).Number }

    $script:rows = 1..4 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090071{0}' -f $_; Name = "Person $_" } }
}

AfterAll {
    Disconnect-WebexConnect
}

Describe 'Send-ConnectSms -Journal after the text was corrected' {
    It 'sends every row, the corrected text too, and ends with one short warning that counts those people and names -SkipChanged' {
        $journal = Join-Path $TestDrive 'typo.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null
        $since = Get-LastRequestNumber

        $fixed = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $fixed.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $fixed.IsSuccess | Should -Be @($true, $true, $true, $true)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be '2 rows (rows 1, 2) got a second, different message: this journal sent those people other content before. -SkipChanged holds them back.'
        # Two lines of an 80-column console, after "WARNING: ".
        ("WARNING: $($warned[0])" | Out-String -Width 80).Trim().Length | Should -BeLessOrEqual 160
        $sent = Get-SentTo $since
        $script:rows.Phone | ForEach-Object { $sent[$_] } | Should -Be @(1, 1, 1, 1)
    }

    It 'lists them under -WhatIf before anything is sent, naming the rows' {
        $journal = Join-Path $TestDrive 'whatif.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null
        $since = Get-LastRequestNumber

        $out = Invoke-Child @(
            "`$rows = 1..4 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090071{0}' -f `$_; Name = `"Person `$_`" } }"
            "`$rows | Send-ConnectSms -From ACME -Text 'Hello `$(Name)' -Journal '$journal' -WhatIf -WarningVariable dry -WarningAction SilentlyContinue"
            '"SENT $(@(Get-ConnectSandboxRequest).Count) WARNED $($dry.Count): $($dry[0])"')

        $listed = [regex]::Escape("What if: Rows 1-2 (+447700900711, +447700900712) go to destinations the journal '$journal' records other content for: they get this message too. -SkipChanged holds them back.")
        $batch = [regex]::Escape('on target "batch 1: 4 destinations, rows 1-4')
        $out | Should -Match "(?s)$listed.*$batch"
        $out | Should -Match ([regex]::Escape('SENT 0 WARNED 1: 2 rows (rows 1, 2) would get a second, different message'))
        Get-LastRequestNumber | Should -Be $since
    }

    It 'holds them back with -SkipChanged (Skipped, JournalChanged), and a run without it then sends them once' {
        $journal = Join-Path $TestDrive 'skip.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Helo $(Name)' -Journal $journal | Out-Null
        $since = Get-LastRequestNumber

        $held = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -SkipChanged -WarningVariable warned -WarningAction SilentlyContinue)
        $held.Status | Should -Be @('Skipped', 'Skipped', 'Queued', 'Queued')
        $held[0].Code | Should -Be 'JournalChanged'
        $held[0].Reason | Should -BeLike '*other content*Held back because of -SkipChanged; without it, the row is sent.'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be '2 rows (rows 1, 2) were held back (Skipped, -SkipChanged): this journal sent those people other content before.'
        $sent = Get-SentTo $since
        $script:rows.Phone | ForEach-Object { [int]$sent[$_] } | Should -Be @(0, 0, 1, 1)

        $later = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WarningVariable warnedLater -WarningAction SilentlyContinue)
        $later.Status | Should -Be @('Queued', 'Queued', 'Skipped', 'Skipped')
        "$($warnedLater[0])" | Should -BeLike '2 rows (rows 1, 2) got a second, different message*'
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

    # Before: the closing line said "a run would send 2, skip 2 as already sent (the journal says so)" of rows never sent
    # with this text, which -SkipChanged would hold back.
    It 'closes -WhatIf -SkipChanged -Verbose counting the rows it would hold back apart from those sent before' {
        $journal = Join-Path $TestDrive 'dry-held.journal'
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $script:rows[2] | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal | Out-Null

        $last = $script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -SkipChanged -WhatIf -Verbose `
            -WarningAction SilentlyContinue 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | Select-Object -Last 1

        "$last" | Should -BeLike ('Send SMS: 4 rows in * s with -WhatIf: nothing sent; a run would send 1, hold back 2 whose ' +
            'destinations the journal records other content for (-SkipChanged), skip 1 as already sent (the journal says so).')
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

    It 'sends both of two different messages to one person in a foreach loop, the second call with one warning' {
        $journal = Join-Path $TestDrive 'two-texts.journal'
        $since = Get-LastRequestNumber
        $results = foreach ($text in 'Your visit is on Monday', 'Your visit is on Friday') {
            Send-ConnectSms -To $script:rows[0].Phone -From ACME -Text $text -Journal $journal -WarningVariable +warned -WarningAction SilentlyContinue
        }
        @($results).Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be 'This row got a second, different message: this journal sent that person other content before. -SkipChanged holds it back.'
        (Get-SentTo $since)[$script:rows[0].Phone] | Should -Be 2

        $held = Send-ConnectSms -To $script:rows[0].Phone -From ACME -Text 'Your visit moved to Saturday' -Journal $journal -SkipChanged -WarningAction SilentlyContinue
        $held.Status, $held.Code | Should -Be @('Skipped', 'JournalChanged')
        $held.Reason | Should -BeLike '*a foreach loop of one-row calls*'
        (Get-SentTo $since)[$script:rows[0].Phone] | Should -Be 2
    }

    It 'completes -SkipChanged as a parameter of each send cmdlet' {
        foreach ($command in 'Send-ConnectSms', 'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectMessage') {
            $line = "$command -SkipCh"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be '-SkipChanged'
        }
    }
}
