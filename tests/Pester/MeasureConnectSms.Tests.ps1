#Requires -Version 5.1
# Pester 5: Measure-ConnectSms inside a real PowerShell: what a text costs before it is sent.
# Non-ASCII characters are written as [char] codes: Windows PowerShell reads a BOM-less script as ANSI.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-ConnectSms' {
    It 'measures <Name>' -ForEach @(
        @{ Name = 'a short GSM-7 text'; Text = 'Hello'; Encoding = 'Text'; Parts = 1; Units = 5 }
        @{ Name = '160 GSM-7 characters as one part'; Text = ('a' * 160); Encoding = 'Text'; Parts = 1; Units = 160 }
        @{ Name = '161 GSM-7 characters as two parts'; Text = ('a' * 161); Encoding = 'Text'; Parts = 2; Units = 161 }
        @{ Name = 'the euro sign as two septets'; Text = [string][char]0x20AC; Encoding = 'Text'; Parts = 1; Units = 2 }
        @{ Name = '70 Unicode characters as one part'; Text = ([string][char]0x0436 * 70); Encoding = 'Unicode'; Parts = 1; Units = 70 }
        @{ Name = '71 Unicode characters as two parts'; Text = ([string][char]0x0436 * 71); Encoding = 'Unicode'; Parts = 2; Units = 71 }
    ) {
        $measurement = Measure-ConnectSms -Text $Text

        $measurement | Should -BeOfType ([WebexConnect.Messages.Sms.SmsMeasurement])
        "$($measurement.Encoding)" | Should -Be $Encoding
        $measurement.Parts | Should -Be $Parts
        $measurement.Units | Should -Be $Units
    }

    It 'counts an emoji as one character and names it as the reason for Unicode' {
        $emoji = [char]::ConvertFromUtf32(0x1F600)

        $measurement = Measure-ConnectSms "Hi $emoji"

        "$($measurement.Encoding)" | Should -Be 'Unicode'
        $measurement.Characters | Should -Be 4
        $measurement.UnicodeCharacters | Should -Be @($emoji)
    }

    It 'measures every piped text, in order' {
        $measurements = @('one', ('b' * 200) | Measure-ConnectSms)

        $measurements.Count | Should -Be 2
        $measurements.Parts | Should -Be @(1, 2)
    }

    It 'measures texts from a Text column' {
        $measurement = [pscustomobject]@{ Phone = '+447700900001'; Text = 'Hello' } | Measure-ConnectSms

        $measurement.Text | Should -Be 'Hello'
    }

    It 'measures a hashtable''s Text key, and refuses one without it, naming the row' {
        $measurements = @(@{ Text = 'Hello' }, @{ Message = 'Hi' }, @{ text = 'Third' } |
                Measure-ConnectSms -ErrorVariable refused -ErrorAction SilentlyContinue)

        $measurements.Text | Should -Be @('Hello', 'Third')
        $refused.Count | Should -Be 1
        $refused[0].Exception.Message | Should -Match 'Row 2'
    }

    It 'refuses a $null row, naming the row, and measures the rows around it' {
        $measurements = @('a', $null, 'c' | Measure-ConnectSms -ErrorVariable refused -ErrorAction SilentlyContinue)

        $measurements.Text | Should -Be @('a', 'c')
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'NoTextColumn,*'
        $refused[0].Exception.Message | Should -BeLike 'Row 2 is $null: nothing to measure.*'
    }

    It 'measures a hashtable that follows an object row by its own Text key' {
        # PowerShell keeps the object row's Text among the bound parameters: it is no -Text given on the command line.
        $measurements = @([pscustomobject]@{ Text = 'o' }, @{ Text = 'ht' }, [pscustomobject]@{ Text = 'o2' }, @{ Text = 'ht2' } | Measure-ConnectSms)

        $measurements.Text | Should -Be @('o', 'ht', 'o2', 'ht2')
    }

    It 'refuses a row without a Text column, naming the row, instead of measuring "@{...}"' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900001'; Text = 'Hello' }
            [pscustomobject]@{ Phone = '+447700900002'; Message = 'Hi there' }
        )

        $measurements = @($rows | Measure-ConnectSms -ErrorVariable refused -ErrorAction SilentlyContinue)

        $measurements.Count | Should -Be 1
        $measurements[0].Text | Should -Be 'Hello'
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'NoTextColumn,*'
        $refused[0].Exception.Message | Should -Match 'Row 2'
        $refused[0].TargetObject.Message | Should -Be 'Hi there'
    }

    It 'stops once for a CSV without a Text column, naming its columns and the one that looks like the text, as Send-ConnectSms does' {
        # Before: "Row N has no Text column to measure" for every row of the CSV (3 here, 5,000 for a real one), naming
        # neither the columns it has nor that -Text '$(Message)' measures them.
        $csv = Join-Path $TestDrive 'texts.csv'
        Set-Content $csv -Value 'Phone,Name,Message', '+447700900001,Ann,Hello Ann', '+447700900002,Bob,Hi Bob', '+447700900003,Cy,Hey Cy'
        $advice = "If the column 'Message' is the text, give -Text '`$(Message)' (in single quotes, so that each row's Message is put in), " +
            "or rename the column: Select-Object *, @{ Name = 'Text'; Expression = { `$_.Message } }."

        $caught = $null
        try { $null = Import-Csv $csv | Measure-ConnectSms -ErrorVariable refused } catch { $caught = $_ }
        $null = [pscustomobject]@{ Phone = '+447700900001'; Message = 'Hello' } |
            Measure-ConnectSms -ErrorVariable alone -ErrorAction SilentlyContinue
        $measured = @(Import-Csv $csv | Measure-ConnectSms -Text '$(Message)')

        @($refused).Count | Should -Be 1
        $caught.FullyQualifiedErrorId | Should -BeLike 'NoTextColumn,*'
        $caught.Exception.Message | Should -Be ("The command line has no -Text and the rows no Text column (the first row has the columns " +
            "'Phone', 'Name', 'Message'), so no row can be measured: nothing was measured. Give -Text, or pipe objects with a Text property. " + $advice)
        # One row alone keeps its own error, naming its columns and giving the same advice.
        @($alone).Count | Should -Be 1
        $alone[0].Exception.Message | Should -Be ("Row 1 has no Text column to measure (the row has the columns 'Phone', 'Message'). " +
            "Pipe objects with a Text property, or give -Text. " + $advice)
        # The advice works.
        $measured.Text | Should -Be @('Hello Ann', 'Hi Bob', 'Hey Cy')
    }

    It 'refuses a first row without a Text column on its own when the rows after it have one' {
        $measured = @([pscustomobject]@{ Message = 'Hi' }, [pscustomobject]@{ Text = 'Hello' }, [pscustomobject]@{ Text = 'Hey' } |
            Measure-ConnectSms -ErrorVariable refused -ErrorAction SilentlyContinue)

        $measured.Text | Should -Be @('Hello', 'Hey')
        @($refused).Count | Should -Be 1
        $refused[0].Exception.Message | Should -BeLike "Row 1 has no Text column to measure (the row has one column, 'Message')*"
        $refused[0].TargetObject.Message | Should -Be 'Hi'
    }

    It 'says once, after the table, how many texts Send-ConnectSms would refuse and why the first is refused' {
        # Before: the default table showed CanSend False in every row of a CSV measured with a typo ($(Nmae)), and the Reason
        # only in Format-List: nothing at 80 columns said what to fix.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy' }
        )

        $measured = @($rows | Measure-ConnectSms -Text 'Hi $(Nmae)' -WarningVariable warned 3>$null)
        $fine = @($rows | Measure-ConnectSms -Text 'Hi $(Name)' -WarningVariable +quiet 3>$null)
        $null = Measure-ConnectSms -Text '' -WarningVariable alone 3>$null

        $measured.CanSend | Should -Be @($false, $false, $false)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be ("Send-ConnectSms would refuse 3 of 3 texts (CanSend False), the first row 1: $($measured[0].Reason). " +
            'For each one''s Reason, pipe the measurements to Where-Object CanSend -eq $false | Format-List Row, Reason.')
        "$($warned[0])" | Should -BeLike '*$(Nmae) has no value*'
        $fine.CanSend | Should -Be @($true, $true, $true)
        $quiet | Should -BeNullOrEmpty
        "$($alone[0])" | Should -BeLike 'Send-ConnectSms would refuse this text (CanSend False): Text: the SMS has no text*'
    }

    It 'measures the -Text given on the command line for every piped row' {
        $measurements = @([pscustomobject]@{ Message = 'ignored' } | Measure-ConnectSms -Text 'Hello')

        $measurements.Count | Should -Be 1
        $measurements[0].Text | Should -Be 'Hello'
    }

    It 'measures each piped row''s own text, its $(name) variables filled from the row''s columns as Send-ConnectSms fills them' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Al' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Maximilian-Alexander von Hohenberg-Schillingsfuerst' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = "$([char]0x141)ukasz" }
        )
        $text = 'Hi $(Name), our new phone launches tomorrow at 09:00. Order now and save 10% on your next phone with code LAUNCH. $(Unknown)'

        $measurements = @($rows | Measure-ConnectSms -Text $text)

        $measurements.Text | Should -Be @($rows | ForEach-Object { $text.Replace('$(Name)', $_.Name) })
        $measurements.Parts | Should -Be @(1, 2, 2)
        "$($measurements.Encoding)" | Should -Be 'Text Text Unicode'
        Connect-WebexConnect -Sandbox
        $sent = @($rows | Send-ConnectSms -From ACME -Text $text -AllowMissingSubstitution)
        Disconnect-WebexConnect
        $sent.Parts | Should -Be $measurements.Parts
    }

    It 'names each measurement''s input row, as Send-ConnectSms numbers them, so the rows that cost two parts can be found' {
        # Before, a measurement had no Row: with -Text 'Hi $(Name) ...' each row's text is its own, and which rows of the
        # file needed a second part (or could not be sent) had to be searched for by their text.
        $rows = @(
            [pscustomobject]@{ Name = 'Al' }
            'Plain text piped by itself'
            [pscustomobject]@{ Name = 'Maximilian-Alexander von Hohenberg-Schillingsfuerst' }
            [pscustomobject]@{ Phone = '+447700900004' }
            [pscustomobject]@{ Name = 'Bo' }
        )
        $text = 'Hi $(Name), our new phone launches tomorrow at 09:00. Order now and save 10% on your next phone with code LAUNCH. Reply STOP to opt out.'

        $measurements = @($rows | Measure-ConnectSms -Text $text)

        $measurements.Row | Should -Be @(1, 2, 3, 4, 5)
        @($measurements | Where-Object Parts -gt 1).Row | Should -Be 3
        $measurements | Export-Csv -NoTypeInformation -Path (Join-Path $TestDrive 'measured.csv')
        (Import-Csv (Join-Path $TestDrive 'measured.csv')).Row | Should -Be @('1', '2', '3', '4', '5')
        (Measure-ConnectSms -Text 'Hello').Row | Should -Be 1
    }

    It 'says CanSend False, in Send-ConnectSms''s words, for a row whose $(name) nothing fills, and agrees with it on every row' {
        # Before, a typo such as $(Shop) measured CanSend True on every row, and Send-ConnectSms then made every row Invalid.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Shop = 'Corner' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = $null; Shop = 'Corner' }
        )
        $text = 'Hi $(Name), from $(Shop)'

        $measured = @($rows | Measure-ConnectSms -Text $text)
        Connect-WebexConnect -Sandbox
        $sent = @($rows | Send-ConnectSms -From ACME -Text $text -ErrorAction SilentlyContinue)
        $withShared = @($rows | Measure-ConnectSms -Text $text -Substitution @{ Shop = 'ACME' })
        $sentWithShared = @($rows | Send-ConnectSms -From ACME -Text $text -Substitution @{ Shop = 'ACME' } -ErrorAction SilentlyContinue)
        $allowed = @($rows | Measure-ConnectSms -Text $text -AllowMissingSubstitution)
        $sentAllowed = @($rows | Send-ConnectSms -From ACME -Text $text -AllowMissingSubstitution -ErrorAction SilentlyContinue)
        Disconnect-WebexConnect

        $measured.CanSend | Should -Be @($true, $false, $false)
        $measured.CanSend | Should -Be @($sent | ForEach-Object { $_.Status -eq 'Queued' })
        $measured[1].Reason | Should -BeLike 'Text: $(Shop) has no value*'
        @($measured | Where-Object { -not $_.CanSend } | ForEach-Object { "Row $($_.Row): $($_.Reason)" }) |
            Should -Be @($sent | Where-Object Status -eq 'Invalid' | ForEach-Object Reason)
        $withShared.Text[1] | Should -BeExactly 'Hi Bob, from ACME'
        $withShared.CanSend | Should -Be @($sentWithShared | ForEach-Object { $_.Status -eq 'Queued' })
        $allowed.CanSend | Should -Be @($true, $true, $true)
        $allowed.CanSend | Should -Be @($sentAllowed | ForEach-Object { $_.Status -eq 'Queued' })
        (Measure-ConnectSms -Text $text).CanSend | Should -BeTrue
    }

    It 'takes -SubstitutionColumn and agrees with Send-ConnectSms on every row, reason for reason' {
        # Before, Measure-ConnectSms had no -SubstitutionColumn: the command line copied from Send-ConnectSms failed to bind,
        # and without it every column filled a variable that Send-ConnectSms would leave without a value.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900011'; Name = 'Ann'; Shop = 'Corner' }
            [pscustomobject]@{ Phone = '+447700900012'; name = 'Bob'; Shop = 'Corner' }
            [pscustomobject]@{ Phone = '+447700900013'; Shop = 'Corner' }
            [pscustomobject]@{ Phone = '+447700900014'; Name = @('Cy', 'Di') }
        )
        $text = 'Hi $(Name), from $(Shop)'

        $measured = @($rows | Measure-ConnectSms -Text $text -SubstitutionColumn Name)
        Connect-WebexConnect -Sandbox
        $sent = @($rows | Send-ConnectSms -From ACME -Text $text -SubstitutionColumn Name -ErrorAction SilentlyContinue)
        $measuredShared = @($rows | Measure-ConnectSms -Text $text -SubstitutionColumn Name -Substitution @{ Shop = 'ACME' })
        $sentShared = @($rows | Send-ConnectSms -From ACME -Text $text -SubstitutionColumn Name -Substitution @{ Shop = 'ACME' } -ErrorAction SilentlyContinue)
        Disconnect-WebexConnect

        $measured.CanSend | Should -Be @($false, $false, $false, $false)
        @($measured | ForEach-Object { "Row $($_.Row): $($_.Reason)" }) | Should -Be @($sent | ForEach-Object Reason)
        # Row 2's 'name' fills no $(Name) (names are case-sensitive), row 3 has no Name, row 4's is a list: as Send-ConnectSms says.
        $measuredShared.CanSend | Should -Be @($true, $false, $false, $false)
        $measuredShared[0].Text | Should -BeExactly 'Hi Ann, from ACME'
        $measuredShared.CanSend | Should -Be @($sentShared | ForEach-Object { $_.Status -eq 'Queued' })
        @($measuredShared | Where-Object { -not $_.CanSend } | ForEach-Object { "Row $($_.Row): $($_.Reason)" }) |
            Should -Be @($sentShared | Where-Object Status -eq 'Invalid' | ForEach-Object Reason)
    }

    It 'says that -SubstitutionColumn leaves out a column the text uses, not that the row has no such column, as Send-ConnectSms' {
        # Before, both said "$(Shop) has no value: the row has no column and -Substitution no key named 'Shop'" of a row whose
        # Shop column -SubstitutionColumn Name left out: the admin looked at a CSV header that has Shop.
        $rows = @([pscustomobject]@{ Phone = '+447700900031'; Name = 'Ann'; Shop = 'Corner'; shop2 = 'x' })

        $measured = @($rows | Measure-ConnectSms -Text 'Hi $(Name), from $(Shop) $(Town)' -SubstitutionColumn Name)
        Connect-WebexConnect -Sandbox
        $sent = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name), from $(Shop) $(Town)' -SubstitutionColumn Name -ErrorAction SilentlyContinue)
        Disconnect-WebexConnect

        $said = "Text: `$(Shop) has no value: the row's column 'Shop' is not one -SubstitutionColumn names, so it is not sent as a " +
            "substitution. Add it to -SubstitutionColumn, or give -AllowMissingSubstitution to send it as written"
        $measured[0].Reason | Should -BeLike "$([Management.Automation.WildcardPattern]::Escape($said))*"
        # A variable no column gives at all keeps its words, with the names that have a value.
        $measured[0].Reason | Should -BeLike "*`$(Town) has no value: the row has no column named 'Town' (names with a value: `$(Name))*"
        $sent[0].Reason | Should -BeExactly "Row 1: $($measured[0].Reason)"
    }

    It 'stops for a -Substitution value that is <Name>, as Send-ConnectSms does, before any row is measured' -ForEach @(
        @{ Name = 'a list'; Given = @{ Shop = @('A', 'B') }; Said = "-Substitution 'Shop' holds an array of 2 values*" }
        @{ Name = '$null'; Given = @{ Shop = $null }; Said = "-Substitution 'Shop' is `$null*-AllowMissingSubstitution*" }
    ) {
        # Before, a list was measured as "A, B" and a $null as empty, CanSend True; Send-ConnectSms then sent nothing.
        $rows = @([pscustomobject]@{ Phone = '+447700900021'; Name = 'Ann' })
        Connect-WebexConnect -Sandbox

        $measure = { $rows | Measure-ConnectSms -Text 'Hi $(Name) from $(Shop)' -Substitution $Given }
        $send = { $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name) from $(Shop)' -Substitution $Given }

        $measure | Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage $Said
        $send | Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage $Said
        Disconnect-WebexConnect
    }

    It 'reads -Substitution $u, the Import-Csv row, as Send-ConnectSms does, in the loop that sends' {
        # Before, PowerShell refused the object ("Cannot convert ... to type Hashtable") and nothing was measured.
        $csv = Join-Path $TestDrive 'users.csv'
        "Phone,Name,Manager`n+447700900021,Ann,`n+447700900022,Bo" | Set-Content -Path $csv
        $measured = foreach ($u in Import-Csv $csv) {
            Measure-ConnectSms -Text 'Hi $(Name)' -Substitution $u
        }

        $measured.Text | Should -Be @('Hi Ann', 'Hi Bo')
        $measured.CanSend | Should -Be @($true, $true)
        # A property the text uses that holds no value: the stop Send-ConnectSms makes that row's Invalid result.
        $u = (Import-Csv $csv)[1]
        { Measure-ConnectSms -Text 'Hi $(Manager)' -Substitution $u } |
            Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage "-Substitution 'Manager' is `$null*-AllowMissingSubstitution*"
        (Measure-ConnectSms -Text 'Hi $(Manager)' -Substitution $u -AllowMissingSubstitution).Text | Should -BeExactly 'Hi '
        # -SubstitutionColumn keeps only the properties it names, as Send-ConnectSms sends only those.
        (Measure-ConnectSms -Text 'Hi $(Name) $(Phone)' -Substitution $u -SubstitutionColumn Name).Text | Should -BeExactly 'Hi Bo $(Phone)'
        { Measure-ConnectSms -Text 'Hi $(Name)' -Substitution $u -SubstitutionColumn Nmae } |
            Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage "-SubstitutionColumn: -Substitution has no property named 'Nmae'*"
        { Measure-ConnectSms -Text 'Hi $(Name)' -Substitution 'Name=Ann' } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*' -ExpectedMessage "-Substitution is the text 'Name=Ann', which holds no*"
    }

    It 'fills the variables of a row''s own Text column too' {
        $measurement = [pscustomobject]@{ Text = 'Hi $(Name)'; Name = "Zo$([char]0xEB)" } | Measure-ConnectSms

        $measurement.Text | Should -BeExactly "Hi Zo$([char]0xEB)"
    }

    It 'forces Unicode with -Encoding Unicode' {
        $measurement = Measure-ConnectSms 'Hello' -Encoding Unicode

        "$($measurement.Encoding)" | Should -Be 'Unicode'
        $measurement.Units | Should -Be 5
    }

    It 'shows one table row per text at 80 columns, with the characters that force Unicode' {
        $dash = [char]0x2013
        $lines = @(('Hello there', "Parcel $dash on its way", ('x' * 200)) | Measure-ConnectSms | Out-String -Width 80) -split '\r?\n' |
            Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^Parts\s+Encoding\s+Characters\s+Units\s+CanSend\s+Unicode\s+Text$'
        $lines.Count | Should -Be 5
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[2] | Should -Match '^\s+1 Text\s+11\s+11 True\s+Hello there$'
        $lines[3] | Should -Match "^\s+1 Unicode\s+19\s+19 True\s+$dash\s+Parcel $dash on its way$"
        $lines[4] | Should -Match '^\s+2 Text\s+200\s+200 True\s+x+'
    }

    It 'writes a no-break, narrow or zero-width space that forces Unicode as its code point, in the table, the export and the reason' {
        # Word and Outlook put U+00A0 after "10:00" and U+202F before "%"; a zero-width space comes with pasted links.
        # Before: Unicode with a blank UnicodeCharacters column, and -Encoding Text's reason "cannot carry ' '".
        $text = 'Meeting at 10:00{0}am, 50{1}% off: example.com/{2}x' -f [char]0xA0, [char]0x202F, [char]0x200B
        $family = [char]::ConvertFromUtf32(0x1F468) + [char]0x200D + [char]::ConvertFromUtf32(0x1F469)

        $table = (Measure-ConnectSms -Text ('10:00{0}am' -f [char]0xA0) | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ }
        $csv = Measure-ConnectSms -Text $text | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $reason = (Measure-ConnectSms -Text $text -Encoding Text).Reason

        $table[2] | Should -Match '^\s+1 Unicode\s+8\s+8 True\s+\\u00A0\s+10:00'
        $csv.UnicodeCharacters | Should -Be '\u00A0 \u202F \u200B'
        $reason | Should -BeLike "*cannot carry '\u00A0' '\u202F' '\u200B':*"
        # The list itself keeps the characters, so a script can replace them; an emoji's joiner is not written out.
        (Measure-ConnectSms -Text $text).UnicodeCharacters | Should -Be @([string][char]0xA0, [string][char]0x202F, [string][char]0x200B)
        "$((Measure-ConnectSms -Text "Hi $family").UnicodeCharacters)" | Should -Not -BeLike '*\u200D*'
    }

    It 'exports the characters that force Unicode as themselves, not as a type name, and groups by a readable text' {
        $emoji = [char]::ConvertFromUtf32(0x1F600)
        $dash = [char]0x2013

        $rows = @("Hi $emoji $dash", 'Hello') | Measure-ConnectSms | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $group = @("Hi $emoji", 'Hello', 'Bye') | Measure-ConnectSms | Group-Object Encoding | Sort-Object Name

        $rows[0].UnicodeCharacters | Should -Be "$emoji $dash"
        $rows[1].UnicodeCharacters | Should -Be ''
        "$($group[0].Group[0])" | Should -Be 'Text, 1 part: Hello'
        "$($group[1].Group[0])" | Should -Be "Unicode, 1 part: Hi $emoji"
    }
}
