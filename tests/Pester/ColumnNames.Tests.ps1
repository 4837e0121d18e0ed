#Requires -Version 5.1
# Pester 5: a row's reason names the value's column as the admin's file spells it (Mobile, EmailAddress), not the parameter
# the column bound (-To), which the file has no column of; a value the command line gave keeps its parameter's name. A
# column of digits without the + (a database's or Excel's number column) is told how to put the + back as rows are read.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $script:Fixtures = Join-Path $PSScriptRoot 'Fixtures'
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'A row''s reason names the column of the file' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'names the Mobile column, not -To, for <Command>' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Arguments = @{ From = 'ACME'; Text = 'Hi $(Name)' } }
        @{ Command = 'Send-ConnectRcs'; Arguments = @{ From = 'app-1'; Text = 'Hi $(Name)' } }
        @{ Command = 'Send-ConnectMessage'; Arguments = @{ Channel = 'whatsapp'; From = 'wa-app-1'; AdditionalProperty = @{ appid = 'wa-app-1' }
                Content = @{ type = 'text'; text = 'Hi $(Name)' } } }
    ) {
        # Before: "Row 2: To: 'notaphone' is not an E.164 number", and the file has no To column.
        $results = @(Import-Csv (Join-Path $Fixtures 'columns-mobile.csv') |
            & $Command @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid', 'Invalid')
        $results[1].Reason | Should -BeLike "Row 2: Mobile: 'notaphone' is not an E.164 number (it contains letters*"
        $results[2].Reason | Should -BeLike "Row 3: Mobile: '447700900403' is not an E.164 number (the + is missing)*"
        # An empty cell gave no value: its reason names the column already, once.
        $results[3].Reason | Should -BeExactly "Row 4: To: no destination: the row's 'Mobile' column is empty"
        # The error record says the same, with the row as its target.
        "$($failed[0])" | Should -BeLike "Row 2: Invalid notaphone: Mobile: 'notaphone'*"
        $failed[0].TargetObject.Mobile | Should -BeExactly 'notaphone'
    }

    It 'tells a column of digits how to put the + back, a script block that works piped' {
        $results = @(Import-Csv (Join-Path $Fixtures 'columns-mobile.csv') |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results[2].Reason | Should -BeLike "*(the + is missing)*; or add the + as rows are read: -To { '+' + `$_.Mobile }"
        # Not told of a cell the + would not mend.
        $results[1].Reason | Should -Not -BeLike '*rows are read*'

        # The advice as written: every row binds its own -To, and the Mobile column is not said to be unread.
        $fixed = @(Import-Csv (Join-Path $Fixtures 'columns-mobile.csv') | Where-Object Name -eq 'Cy' |
            Send-ConnectSms -To { '+' + $_.Mobile } -From ACME -Text 'Hi $(Name)' -WarningVariable warned)
        $fixed.Status | Should -Be 'Queued'
        $fixed.Destination | Should -BeExactly '+447700900403'
        $warned | Should -BeNullOrEmpty
    }

    It 'keeps -To when a one-row call gave it (-To $u.Mobile), and gives no piped advice there' {
        $u = [pscustomobject]@{ Name = 'Cy'; Mobile = '447700900403' }

        $result = Send-ConnectSms -To $u.Mobile -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeLike "Row 1: To: '447700900403' is not an E.164 number (the + is missing)*"
        $result.Reason | Should -Not -BeLike '*rows are read*'
    }

    It 'keeps -To for a delay-bind script block''s value: the admin wrote -To, not a column' {
        $row = [pscustomobject]@{ Name = 'Bob'; Mobile = 'notaphone' }

        $result = $row | Send-ConnectSms -To { $_.Mobile } -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeLike "Row 1: To: 'notaphone' is not an E.164 number*"
    }

    It 'names a piped object''s column too (one row piped)' {
        $result = [pscustomobject]@{ Name = 'Bob'; Phone = 'notaphone' } | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeLike "Row 1: Phone: 'notaphone' is not an E.164 number*"
    }

    It 'names the EmailAddress column for Send-ConnectEmail' {
        $results = @(Import-Csv (Join-Path $Fixtures 'columns-emailaddress.csv') |
            Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeLike "Row 2: EmailAddress: 'bob.example.com' is not an email address*"
    }

    It 'fits a scheduled task''s log: the digits reason is at most 4 lines at 80 columns' {
        $result = @(Import-Csv (Join-Path $Fixtures 'columns-mobile.csv') |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)[2]

        $result.Reason.Length | Should -BeLessOrEqual 320
    }
}
