#Requires -Version 5.1
# Pester 5: CSV files as admins get them, kept in Fixtures/ as the bytes Excel (in several locales) and an HR system's
# export save: "CSV UTF-8" with its byte order mark, plain "CSV" in Windows-1252, "Unicode text" (UTF-16, tab-separated),
# a de-DE "CSV" separated by semicolons, numbers as Excel leaves them, and an export whose headers have spaces. Each is
# piped through Import-Csv into Send-ConnectSms and Send-ConnectEmail as an admin writes it: every row ends as one result,
# nothing is sent that the admin did not mean, and every row that is not sent says what to write instead.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    $script:Fixtures = Join-Path $PSScriptRoot 'Fixtures'
    function script:Get-SentBody { Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json } }
    # The four people every Excel fixture holds, as their names are written, and the note with its line break.
    $script:Names = @("Zo$([char]0xEB)", "J$([char]0xFC)rgen M$([char]0xFC)ller", "Anne-Marie O'Brien", "$([char]0xC7)elik, Fran$([char]0xE7)ois")
    $script:BlankRow = "To: no destination: every cell of the row is empty, as a spreadsheet saves a row it cleared but did not delete: " +
        "delete the row from the file, or leave such rows out on the way in: ... | Where-Object {{ `$_.{0} }} | {1} ..."
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'A CSV file Excel saved' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'sends every person of a "CSV UTF-8" file as written, line break too, and says the rows of commas are rows Excel cleared (<Command>)' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Column = 'Phone'; Arguments = @{ From = 'ACME'; Text = 'Hi $(Name): $(Note)' } }
        @{ Command = 'Send-ConnectEmail'; Column = 'Email'; Arguments = @{ From = 'news@example.com'; Subject = 'Hi $(Name)'; Text = '$(Note)' } }
    ) {
        # Before: the two ",,," lines at the end were "the row's 'Phone' column is empty", which sent the admin looking
        # for two people's missing numbers.
        $results = @(Import-Csv (Join-Path $Fixtures 'excel-csv-utf8.csv') | & $Command @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid', 'Invalid')
        $results[4].Reason | Should -BeExactly ("Row 5: " + ($BlankRow -f $Column, $Command))
        # One error in full, then the same cause in short: not a flood in a scheduled task's log.
        $failed.Count | Should -Be 2
        "$($failed[1])" | Should -BeExactly 'Row 6: Invalid: same reason as row 5.'
        $sent = @(Get-SentBody).to.substitutions
        ($sent.Name | Sort-Object) | Should -Be ($Names | Sort-Object)
        ($sent | Where-Object Name -EQ "Anne-Marie O'Brien").Note | Should -BeExactly "Line one`r`nLine two"
        # The advice, followed, leaves out only the rows of commas.
        (Import-Csv (Join-Path $Fixtures 'excel-csv-utf8.csv') | Where-Object { $_.$Column } | & $Command @Arguments).Status |
            Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
    }

    It 'gives the rows of commas the same reason with -WhatIf, and sends nothing' {
        $results = @(Import-Csv (Join-Path $Fixtures 'excel-csv-utf8.csv') | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WhatIf -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results.Row | Should -Be @(5, 6)
        $results[0].Reason | Should -BeExactly ("Row 5: " + ($BlankRow -f 'Phone', 'Send-ConnectSms'))
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'warns once that a Windows-1252 "CSV" was read as UTF-8, and sends the names right once read with -Encoding 1252' {
        $path = Join-Path $Fixtures 'excel-csv-windows-1252.csv'

        $null = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)
        $misread = @(Get-SentBody).to.substitutions.Name
        $null = Disconnect-WebexConnect; $null = Connect-WebexConnect -Sandbox -Tps 1000
        $results = @(Import-Csv $path -Encoding 1252 | Where-Object Phone | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable rightly)

        if ($PSVersionTable.PSEdition -eq 'Core') {
            # PowerShell 7 reads a file without a byte order mark as UTF-8: each accented letter is U+FFFD.
            @($warned | Where-Object { "$_" -like 'Row 1:*' }).Count | Should -Be 1
            "$($warned[0])" | Should -BeLike "Row 1: the column 'Name' ('Zo$([char]0xFFFD)') has U+FFFD*Read it with -Encoding 1252*"
            $misread | Should -Contain "Zo$([char]0xFFFD)"
        }
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $rightly | Should -BeNullOrEmpty
        (@(Get-SentBody).to.substitutions.Name | Sort-Object) | Should -Be ($Names | Sort-Object)
    }

    It 'sends a "Unicode text" file (UTF-16, tab-separated) read with -Delimiter "`t", and says so when it was read without' {
        $path = Join-Path $Fixtures 'excel-unicode-text.txt'

        # Before, its reason went on: "; Text: $(Name) has no value: the row has no column ... Fix the spelling, add the
        # column", for a column the file has: only the delimiter is wrong.
        $wrong = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $results = @(Import-Csv $path -Delimiter "`t" | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $wrong.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid')
        $wrong[0].Reason | Should -BeExactly "Row 1: To: no destination: the header 'Name\u0009Phone\u0009Email\u0009Note' was read as one column: the file is separated by ""``t"", so read it with Import-Csv -Delimiter ""``t"""
        "$($failed[4])" | Should -BeExactly 'Row 5: Invalid: same reason as row 1.'
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid', 'Invalid')
        (@(Get-SentBody).to.substitutions.Name | Sort-Object) | Should -Be ($Names | Sort-Object)
    }

    It 'names the one column a de-DE "CSV" (semicolons) becomes under plain Import-Csv, and sends it read with -Delimiter and -Encoding' {
        $path = Join-Path $Fixtures 'excel-de-csv-semicolon.csv'

        $wrong = @(Import-Csv $path | Send-ConnectEmail -From news@example.com -Subject 'Hallo $(Name)' -Text '$(Note)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $results = @(Import-Csv $path -Delimiter ';' -Encoding 1252 | Send-ConnectEmail -From news@example.com -Subject 'Hallo $(Name)' -Text '$(Note)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $wrong.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid')
        $wrong[0].Reason | Should -BeExactly "Row 1: To: no destination: the header 'Name;Phone;Email;Note' was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'"
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid', 'Invalid')
        (@(Get-SentBody).to.substitutions | Where-Object Name -Like 'J*').Note | Should -BeExactly "Gr$([char]0xFC)$([char]0xDF)e aus K$([char]0xF6)ln"
    }
}

Describe 'Phone numbers as Excel leaves them' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'sends only the numbers that are E.164 once trimmed, and says of every other row what to write, guessing no country' {
        $results = @(Import-Csv (Join-Path $Fixtures 'excel-phones-as-saved.csv') | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Count | Should -Be 12
        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Queued', 'Queued', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid')
        # A trailing space or no-break space is no part of the number: the rows are sent, to the number without it.
        @(Get-SentBody).to.msisdn | Should -Be @('+447700900106', '+447700900107')
        $results[0].Reason | Should -BeLike "Row 1: To: '4.47700900101E+11' is not an E.164 number but a number in scientific notation*format the column as Text in Excel*"
        $results[1].Reason | Should -BeLike "Row 2: To: '447700900102' *(the + is missing)*(e.g. +447700900102 if the number starts with its country code; if not, put the country code after the +). A column of numbers*"
        $results[2].Reason | Should -BeLike "Row 3: To: '07700 900103' *with a 0 in front)*(e.g. +447700900103 for a UK number: + and the country code in place of the 0)"
        $results[3].Reason | Should -BeLike "Row 4: To: '+44 (0)7700 900104' *the (0) must be left out)*(e.g. +447700900104)"
        $results[4].Reason | Should -BeLike "Row 5: To: '+44 7700-900-105' *(it contains spaces, it contains separators)*(e.g. +447700900105)"
        $results[9].Reason | Should -BeLike "Row 10: To: '+44 7700 900110' *(it contains spaces)*(e.g. +447700900110)"
        $results[10].Reason | Should -BeExactly ("Row 11: " + ($BlankRow -f 'Phone', 'Send-ConnectSms'))
    }

    It 'names the spreadsheet''s text mark before a number (<Cell>), not a missing +, and shows the number without it' -ForEach @(
        @{ Row = 8; Cell = "'+447700900108"; Mark = "it starts with the ' that a spreadsheet marks text with"; Number = '+447700900108' }
        @{ Row = 9; Cell = '="+447700900109"'; Mark = 'it is wrapped in the spreadsheet formula ="..."'; Number = '+447700900109' }
    ) {
        # An export that guards cells starting with + against formulas writes '+44...; Excel's ="..." keeps a number as text.
        # Before: "it contains other characters ('''), the + is missing" and the example +447700900123, another number.
        $results = @(Import-Csv (Join-Path $Fixtures 'excel-phones-as-saved.csv') | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $loop = foreach ($line in Import-Csv (Join-Path $Fixtures 'excel-phones-as-saved.csv') | Where-Object Phone -EQ $Cell) {
            Send-ConnectSms -To $line.Phone -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }

        $quoted = "'$Cell'"
        $results[$Row - 1].Status | Should -Be 'Invalid'
        $results[$Row - 1].Reason | Should -BeExactly "Row ${Row}: To: $quoted is not an E.164 number ($Mark): use + and up to 15 digits, no spaces (e.g. $Number)"
        $results[$Row - 1].Reason | Should -Not -BeLike '*the + is missing*'
        $loop.Status | Should -Be 'Invalid'
        $loop.Reason | Should -BeExactly "Row 1: To: $quoted is not an E.164 number ($Mark): use + and up to 15 digits, no spaces (e.g. $Number)"
    }
}

Describe 'Email addresses as a spreadsheet leaves them' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'sends the address with a no-break space after it and the one with an apostrophe inside, and names the spreadsheet''s text marks' {
        # An apostrophe is a legal character of an address (o'neil@), so before, 'bob@example.com went out Queued, to a mailbox
        # no one has; ="cy@example.com" was "the part before the @ has a character that needs quoting".
        $results = @(Import-Csv (Join-Path $Fixtures 'excel-emails-as-saved.csv') | Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid', 'Queued')
        @(Get-SentBody).to.email | Should -Be @('ann@example.com', "dee.o'neil@example.com")
        $results[1].Reason | Should -BeExactly ("Row 2: To: ''bob@example.com' is not an email address (it starts with the ' that a spreadsheet marks text with: " +
            "leave it out, here 'bob@example.com'): use a bare address such as name@example.com")
        $results[2].Reason | Should -BeExactly ("Row 3: To: '=""cy@example.com""' is not an email address (it is wrapped in the spreadsheet formula " +
            "=""..."": leave that out, here 'cy@example.com'): use a bare address such as name@example.com")
    }
}

Describe 'An HR system''s export with headers spelled apart' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'says once how to give its ''<Column>'' column under a name that binds, and the advice sends every row it can (<Command>)' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Column = 'Phone Number'; Name = 'PhoneNumber'; Arguments = @{ From = 'ACME'; Text = 'Hi $(First Name)' }; Sent = @('Queued', 'Invalid', 'Queued') }
        @{ Command = 'Send-ConnectEmail'; Column = 'Email Address'; Name = 'EmailAddress'; Arguments = @{ From = 'news@example.com'; Subject = 'Hi'; Text = 'Hi $(First Name)' }; Sent = @('Queued', 'Queued', 'Queued') }
    ) {
        $path = Join-Path $Fixtures 'hr-export-spaced-headers.csv'

        $results = @(Import-Csv $path | & $Command @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $renamed = @(Import-Csv $path | Select-Object *, @{ n = $Name; e = [scriptblock]::Create("`$_.'$Column'") } | & $Command @Arguments -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeExactly ("Row 1: To: no destination: the column '$Column' is not read as '$Name': PowerShell binds a column only by its exact name. " +
            "Add the column under that name on the way in: ... | Select-Object *, @{ n = '$Name'; e = { `$_.'$Column' } } | $Command ...")
        @($failed | ForEach-Object { "$_" })[1..2] | Should -Be @('Row 2: Invalid: same reason as row 1.', 'Row 3: Invalid: same reason as row 1.')
        $renamed.Status | Should -Be $Sent
        if ($Command -eq 'Send-ConnectSms') {
            # The export's formula guard before Tariq's number.
            $renamed[1].Reason | Should -BeExactly "Row 2: To: ''+447700900202' is not an E.164 number (it starts with the ' that a spreadsheet marks text with): use + and up to 15 digits, no spaces (e.g. +447700900202)"
        }
    }
}

Describe 'A CRM export whose destination columns have names of their own' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'says in full once, for the first row, how to give its ''<Column>'' column under a name that binds (<Command>)' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Column = 'Mobile No.'; Name = 'Phone'; Holds = 'a phone number'; Arguments = @{ From = 'ACME'; Text = 'Hi $(Contact)' } }
        @{ Command = 'Send-ConnectEmail'; Column = 'Work Email'; Name = 'Email'; Holds = 'an email address'; Arguments = @{ From = 'news@example.com'; Subject = 'Hi'; Text = 'Hi $(Contact)' } }
    ) {
        # Before: the reason quoted each row's own number, so no two rows' errors were the same and each said the whole
        # advice again (some 400 characters a row in a scheduled task's log).
        $path = Join-Path $Fixtures 'crm-export-other-column-names.csv'

        $results = @(Import-Csv $path | & $Command @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $renamed = @(Import-Csv $path | Select-Object *, @{ n = $Name; e = [scriptblock]::Create("`$_.'$Column'") } | & $Command @Arguments)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike ("Row 1: To: no destination: give -To, or a column named To, $Name, * (the row has the columns 'Contact', 'Mobile No.', 'Work Email'): " +
            "the column '$Column' holds $Holds`: add it under one of those names on the way in: ... | Select-Object ``*, @{ n = '$Name'; e = { `$_.'$Column' } } | $Command ...")
        $results[2].Reason | Should -BeExactly ('Row 3' + $results[0].Reason.Substring(5))
        @($failed | ForEach-Object { "$_" })[1..2] | Should -Be @('Row 2: Invalid: same reason as row 1.', 'Row 3: Invalid: same reason as row 1.')
        $renamed.Status | Should -Be @('Queued', 'Queued', 'Queued')
    }
}
