#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# -Journal inside a real PowerShell, against the in-process sandbox: running the same command again sends
# only what was not sent, relative paths follow PowerShell's location, and the file holds no personal data.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    # -Tps: the few rows here go out at once.
    Connect-WebexConnect -Sandbox -Tps 1000

    function Get-RequestCount { @(Get-ConnectSandboxRequest).Count }

    $script:rows = @(
        [pscustomobject]@{ Phone = '+447700900101'; Name = 'Ann' }
        [pscustomobject]@{ Phone = '+447700900102'; Name = 'Bob' }
        [pscustomobject]@{ Phone = '+447700900103'; Name = 'Cy' }
    )
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectSms -Journal' {
    It 'sends every row once, and on the same command again sends nothing and reports each row Skipped' {
        $journal = 'TestDrive:/again.journal'

        $first = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal)
        $before = Get-RequestCount
        $second = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorVariable skipped -ErrorAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $second.Destination | Should -Be @('+447700900101', '+447700900102', '+447700900103')
        $second[0].Reason | Should -BeLike '*earlier run*'
        # The first run's messageIds come back, so the delivery of a skipped row can still be looked up.
        $second.MessageId | Should -Be $first.MessageId
        $second[0].MessageId | Should -Not -BeNullOrEmpty
        Get-RequestCount | Should -Be $before
        # Skipped is the point of a re-run, not an error: -ErrorAction Stop must not stop at the first row already sent.
        $skipped.Count | Should -Be 0
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction Stop } | Should -Not -Throw
    }

    It 'sends only the rows that are new since the last run' {
        $journal = 'TestDrive:/grown.journal'
        $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Queued', 'Queued')
    }

    It 'sends again when the text changed' {
        $journal = 'TestDrive:/changed.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'skips the rows again when their columns come in another order (a CSV exported anew, -SubstitutionColumn, a hashtable)' {
        # A row is the same when its substitutions are: their order is not part of it. A hashtable row lists
        # its keys in another order in every PowerShell process, so a scheduled re-run of one must skip too.
        $journal = 'TestDrive:/columns.journal'
        $text = 'Hi $(Name), order $(Order)'
        @('Phone,Name,Order', '+447700900111,Ann,A1', '+447700900112,Bob,B2') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -Journal $journal | Out-Null
        $before = Get-RequestCount

        $moved = @(@('Order,Phone,Name', 'A1,+447700900111,Ann', 'B2,+447700900112,Bob') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -Journal $journal)
        $named = @(@('Phone,Name,Order', '+447700900111,Ann,A1', '+447700900112,Bob,B2') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -SubstitutionColumn Order, Name -Journal $journal)
        $table = @([ordered]@{ Order = 'A1'; Name = 'Ann'; Phone = '+447700900111' } |
            Send-ConnectSms -From ACME -Text $text -Journal $journal)

        $moved.Status | Should -Be @('Skipped', 'Skipped')
        $named.Status | Should -Be @('Skipped', 'Skipped')
        $table.Status | Should -Be 'Skipped'
        Get-RequestCount | Should -Be $before
    }

    It 'resolves a relative path against the current PowerShell location' {
        Push-Location TestDrive:/
        try {
            $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'relative.journal' | Out-Null
        }
        finally {
            Pop-Location
        }

        Test-Path 'TestDrive:/relative.journal' | Should -BeTrue
    }

    It 'holds no phone number, name or text' {
        $journal = 'TestDrive:/private.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Your parcel is ready, $(Name)' -Journal $journal | Out-Null

        $content = Get-Content -Raw -LiteralPath (Convert-Path $journal)

        $content | Should -Not -Match '7700900'
        $content | Should -Not -Match 'Ann|Bob|parcel|ACME'
    }

    It 'creates no journal with -WhatIf' {
        $before = Get-RequestCount

        # -ErrorAction Stop: a run that failed before reaching -WhatIf would also leave no file.
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'TestDrive:/whatif.journal' -WhatIf -ErrorAction Stop } |
            Should -Not -Throw

        Test-Path 'TestDrive:/whatif.journal' | Should -BeFalse
        Get-RequestCount | Should -Be $before
    }

    It 'refuses a file that is not a journal, leaving it as it was' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'people.csv') -Value 'Phone,Name'
        $before = Get-RequestCount

        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'TestDrive:/people.csv' } | Should -Throw -ErrorId 'JournalUnreadable,*'

        Get-RequestCount | Should -Be $before
        (Get-Content -LiteralPath (Join-Path $TestDrive 'people.csv')) | Should -Be 'Phone,Name'
    }
}

Describe 'Send-ConnectEmail -Journal' {
    It 'skips the addresses an earlier run sent to' {
        $journal = 'TestDrive:/mail.journal'
        $mail = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob' }
        )
        $mail | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $before = Get-RequestCount

        $results = @($mail | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped')
        Get-RequestCount | Should -Be $before
        Get-Content -Raw -LiteralPath (Convert-Path $journal) | Should -Not -Match 'example\.com'
    }
}
