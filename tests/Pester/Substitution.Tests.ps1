#Requires -Version 5.1
# Pester 5: $(name) variables and -Validity as an admin types them: a variable nothing fills is caught before
# anyone receives it, values are single and culture-proof, limits hold after substitution, and -Validity reads
# '90m', '48h', '2d' and seconds, refusing what the channel does not allow.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    function script:Get-SentBody { Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json } }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'A $(name) that nothing fills' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'makes the row Invalid, naming the variable and the row, and sends nothing' {
        $result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(Nmae)' -ErrorVariable errors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Row | Should -Be 1
        $result.Reason | Should -BeLike 'Row 1: Text: $(Nmae) has no value*'
        $result.Reason | Should -Match '-AllowMissingSubstitution'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops only the rows it is missing from, and points out a column that differs in case' {
        $csv = Join-Path $TestDrive 'people.csv'
        @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Code = 'A1' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob'; Code = '' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name), code $(Code)')
        $results.Status | Should -Be @('Queued', 'Queued')    # an empty cell is a value

        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectSms -From ACME -Text 'Hi $(name)' -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[1].Reason | Should -BeLike "Row 2: Text: `$(name) has no value*(there is 'Name': names are case-sensitive)*"
    }

    It 'points out a column whose header has a space around the name, as Excel leaves a semicolon CSV (Name ;Mobile)' {
        # Before: "the row has no column ... named 'Name'" of a file whose header shows Name, while the destination's error of
        # such a header already named the space.
        $results = @(Import-Csv (Join-Path $PSScriptRoot 'Fixtures/sms-header-name-with-space.csv') -Delimiter ';' |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[0].Reason | Should -Be ("Row 1: Text: `$(Name) has no value: the row has no column named 'Name' " +
            "(there is 'Name ', with a space around its name: remove the space from the CSV header)")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names the column a misspelt $(Nmae) is near, once for the subject and the text, and the run''s warning says it once' {
        # Before: each row's reason said "$(Nmae) has no value ... Fix the spelling, add the column, or give
        # -AllowMissingSubstitution to send it as written" twice (Subject; Text), ~400 characters, and never that the rows
        # have a Name column; the warning sent the admin to "each row's error".
        $rows = @(
            [pscustomobject]@{ Email = 'a@example.com'; Name = 'A' }
            [pscustomobject]@{ Email = 'b@example.com'; Name = 'B' }
        )
        $results = @($rows | Send-ConnectEmail -From noreply@example.com -Subject 'Hi $(Nmae)' -Text 'Dear $(Nmae)' -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        $said = "Subject and Text: `$(Nmae) has no value: the row has no column named 'Nmae', but has 'Name': write `$(Name) instead"
        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results.Reason | Should -BeExactly @("Row 1: $said", "Row 2: $said")
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLikeExactly ("Send email: 2 rows in * s: 0 sent, 2 Invalid (InvalidInput for all 2, all for one reason: " +
            [Management.Automation.WildcardPattern]::Escape($said) + '). Invalid and Rejected rows were not sent: correct what their errors say, then send them again.')
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'lists the few names a row has when a $(name) is near none of them' {
        $result = [pscustomobject]@{ Email = 'a@example.com'; First = 'A'; City = 'Leeds' } |
            Send-ConnectEmail -From noreply@example.com -Subject 'Hi' -Text 'Your code: $(Code)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $result.Reason | Should -BeExactly ("Row 1: Text: `$(Code) has no value: the row has no column named 'Code' (names with a value: `$(First), " +
            "`$(City)). Correct the name, add the column, or give -AllowMissingSubstitution to send it as written")
    }

    It 'tells a loop''s one-row call to give its values with -Substitution, not to add a column' {
        # Before: "the row has no column named 'Name'. Fix the spelling, add the column, ..." of a loop over a CSV with a Name
        # column: a call with nothing piped fills $(Name) only from -Substitution.
        $users = @([pscustomobject]@{ Email = 'a@example.com'; Name = 'Ann' })
        $results = foreach ($u in $users) {
            Send-ConnectEmail -To $u.Email -From noreply@example.com -Subject 'Hi $(Name)' -Text 'x' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Send-ConnectEmail -To $u.Email -From noreply@example.com -Subject 'Hi $(Name)' -Text 'x' -Substitution $u
        }

        $results[0].Reason | Should -BeExactly ("Row 1: Subject: `$(Name) has no value: nothing was piped, so no row's column fills it, and " +
            "-Substitution has no key named 'Name'. Give -Substitution @{ Name = '...' } (in a loop over rows, -Substitution `$u gives the " +
            "row's columns), or -AllowMissingSubstitution to send it as written")
        $results[1].Status | Should -Be 'Queued'
        (Get-SentBody).substitutions.Name | Should -Be 'Ann'
    }

    It 'is filled by a -Substitution key' {
        $result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(Shop)' -Substitution @{ Shop = 'ACME' }

        $result.Status | Should -Be 'Queued'
        (Get-SentBody).substitutions.Shop | Should -Be 'ACME'
    }

    It 'is sent as written with -AllowMissingSubstitution' {
        $result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(FirstName)' -AllowMissingSubstitution

        $result.Status | Should -Be 'Queued'
        (Get-SentBody).content.text | Should -Be 'Hi $(FirstName)'
    }

    It 'is caught in email subjects and RCS text too' {
        (Send-ConnectEmail -To ann@example.com -From news@example.com -Subject 'For $(Nmae)' -Text 'Hi' -ErrorAction SilentlyContinue).Reason |
            Should -BeLike 'Row 1: Subject: $(Nmae) has no value*'
        (Send-ConnectRcs -To '+447700900001' -From app-1 -Text 'Hi $(Nmae)' -ErrorAction SilentlyContinue).Reason |
            Should -BeLike 'Row 1: Text: $(Nmae) has no value*'
    }

    It 'is caught in an email -TemplateSubject too' {
        $row = [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' }
        $result = $row | Send-ConnectEmail -From news@example.com -TemplateId invoice-ready -TemplateSubject 'Your invoice $(Invoice)' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike 'Row 1: TemplateSubject: $(Invoice) has no value*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says that a column a parameter read is no substitution, instead of that the row has no such column, and Measure-ConnectSms agrees' {
        # Before: "$(Phone) has no value: the row has no column ... named 'Phone'" for a row whose Phone column was right
        # there (it binds to -To), and Measure-ConnectSms filled $(Phone) from it and said CanSend True.
        $row = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; CorrelationId = 'ref-1' }
        $text = 'Hi $(Name), your number $(Phone) ref $(CorrelationId)'

        $result = $row | Send-ConnectSms -From ACME -Text $text -ErrorAction SilentlyContinue
        $measured = $row | Measure-ConnectSms -Text $text

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: Text: `$(Phone) has no value: the row's column 'Phone' is read by a parameter*-SubstitutionColumn*; Text: `$(CorrelationId) has no value: the row's column 'CorrelationId' is read by a parameter*"
        $result.Reason | Should -Not -BeLike '*the row has no column*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        $measured.CanSend | Should -BeFalse
        "Row 1: $($measured.Reason)" | Should -BeExactly $result.Reason
        $measured.Text | Should -BeExactly $text.Replace('$(Name)', 'Ann')

        $sent = $row | Send-ConnectSms -From ACME -Text $text -SubstitutionColumn Name, Phone, CorrelationId
        $sent.Status | Should -Be 'Queued'
        (Get-SentBody).to[0].substitutions.Phone | Should -BeExactly '+447700900001'
    }
}

Describe 'A $(name) written in double quotes' {
    # PowerShell expands "Hi $(Name)" before the cmdlet runs: it runs a command called Name, writes its "not
    # recognized" error and binds "Hi ", which every row would receive. The cmdlet reads its own source text.
    # Inside a try block (every Pester It) that error would stop the line first, so the command runs as a console
    # runs it: at the top level of a runspace of its own.
    BeforeAll {
        $script:manifest = (Get-Module WebexConnect).Path
        function script:Invoke-AsConsole([string] $Script) {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$($script:manifest -replace "'", "''")'; `$null = Connect-WebexConnect -Sandbox -Tps 1000`n" +
                    $Script + "`n'Requests: ' + @(Get-ConnectSandboxRequest).Count")
                $output = @($ps.Invoke())
                [pscustomobject]@{
                    Output = $output
                    Errors = @($ps.Streams.Error)
                    Requests = [int](($output | Where-Object { $_ -is [string] -and $_ -like 'Requests: *' }) -replace 'Requests: ')
                }
            }
            finally { $ps.Dispose() }
        }
        $script:csv = Join-Path $TestDrive 'people.csv'
        @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
        ) | Export-Csv -LiteralPath $script:csv -NoTypeInformation
    }

    It 'stops the command before anything is sent, naming the parameter and saying to use single quotes' {
        $run = Invoke-AsConsole "Import-Csv -LiteralPath '$csv' | Send-ConnectSms -From ACME -Text ""Hi `$(Name), your parcel is on its way."""

        $stop = @($run.Errors | Where-Object FullyQualifiedErrorId -Like 'SubstitutionExpandedByPowerShell,*')
        $stop.Count | Should -Be 1
        $stop[0].Exception.Message | Should -BeLike "-Text: PowerShell replaced `$(Name) before Send-ConnectSms saw it, because the text is in double quotes*single quotes*Nothing was sent."
        @($run.Output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 0
        $run.Requests | Should -Be 0
    }

    It 'is caught on a command written across lines with an abbreviated parameter, and in an email -Subject' {
        $run = Invoke-AsConsole ("Import-Csv -LiteralPath '$csv' |`n    Send-ConnectSms -From ACME ```n        -Tex:""Hi `$(Name)""`n" +
            "Send-ConnectEmail -To ann@example.com -From billing@example.com -Subject ""Invoice `$(Invoice)"" -Text 'Attached.'")

        $stops = @($run.Errors | Where-Object FullyQualifiedErrorId -Like 'SubstitutionExpandedByPowerShell,*')
        $stops.Count | Should -Be 2
        $stops[0].Exception.Message | Should -BeLike '-Text: *$(Name)*'
        # The email's -To is on its command line, nothing piped: its one row is Invalid, under the stop's ID.
        $stops[1].Exception.Message | Should -BeLike 'Row 1: Invalid (SubstitutionExpandedByPowerShell) ann@example.com: Subject: *$(Invoice)*'
        $run.Requests | Should -Be 0
    }

    It 'is caught in the text of an RCS card and of a suggestion, which are built once for every row' {
        $run = Invoke-AsConsole ("`$card = New-ConnectRcsCard -Title ""Hi `$(Name)"" -Description 'Your parcel'`n" +
            "`$chip = New-ConnectRcsSuggestion -DisplayText ""Track `$(Order)"" -Url https://example.com/t`n" +
            "`$carousel = 'red', 'blue' | ForEach-Object { New-ConnectRcsCard -Title ""The `$_ one"" -Description 'x' }`n" +
            "'Carousel: ' + @(`$carousel).Count")

        $stops = @($run.Errors | Where-Object FullyQualifiedErrorId -Like 'SubstitutionExpandedByPowerShell,*')
        $stops.Count | Should -Be 2
        $stops[0].Exception.Message | Should -BeLike '-Title: PowerShell replaced $(Name) before New-ConnectRcsCard saw it*'
        $stops[1].Exception.Message | Should -BeLike '-DisplayText: PowerShell replaced $(Order) before New-ConnectRcsSuggestion saw it*'
        $run.Output | Should -Contain 'Carousel: 2'    # "The $_ one" is PowerShell's on purpose
    }

    It 'leaves PowerShell''s own expansions alone: a property, a variable, a command with a dash, another parameter' {
        $journal = Join-Path $TestDrive 'run.journal'
        $run = Invoke-AsConsole ("Import-Csv -LiteralPath '$csv' | ForEach-Object {`n" +
            "    Send-ConnectSms -To `$_.Phone -From ACME -Text ""Hi `$(`$_.Name), from `$env:COMPUTERNAME `$(Get-Date -Format yyyy)"" -Journal ""`$(Split-Path '$journal')/run.journal"" }")

        $run.Errors | Should -BeNullOrEmpty
        @($run.Output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be @('Queued', 'Queued')
        $run.Requests | Should -Be 2
    }

    It 'leaves a one-word command the script can run alone: a function of its own, a program on the path' {
        # "$(Get-Greeting)" and "$(hostname)" are one bare word, as $(Name) is, but a command answers to them.
        $run = Invoke-AsConsole ("function Get-Greeting { 'Hello' }`n" +
            "Send-ConnectSms -To +447700900001 -From ACME -Text ""`$(Get-Greeting) from `$(hostname)""")

        $run.Errors | Should -BeNullOrEmpty
        @($run.Output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be 'Queued'
        $run.Requests | Should -Be 1
    }
}

Describe 'Substitution values' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'are numbers, dates and true/false written the same whatever the culture' {
        $culture = [System.Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('de-DE')
            $row = [pscustomobject]@{ Phone = '+447700900001'; Amount = 1.5; Due = [datetime]::new(2026, 1, 31, 18, 30, 0); Paid = $false; Count = 1200 }
            $result = $row | Send-ConnectSms -From ACME -Text '$(Amount) $(Due) $(Paid) $(Count)'
        }
        finally {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = $culture
        }

        $result.Status | Should -Be 'Queued'
        $sent = (Get-SentBody).to[0].substitutions
        $sent.Amount | Should -Be '1.5'
        $sent.Due | Should -Be '2026-01-31 18:30:00'
        $sent.Paid | Should -Be 'False'
        $sent.Count | Should -Be '1200'
    }

    It 'taken from a spreadsheet''s cells are sent without the spaces at their ends, as its number and send time are' {
        # Before: "Bernd ;" in a semicolon CSV reached the recipient as "Hi Bernd , ...". Spaces inside a value stay,
        # and so does what the command line gives: the text and -Substitution are sent as written.
        # The fixture's {tomorrow} is filled in: a send time is taken only up to 7 days ahead.
        $tomorrow = (Get-Date).ToUniversalTime().Date.AddDays(1).AddHours(9).ToString('yyyy-MM-ddTHH:mm:ssZ')
        $csv = [IO.File]::ReadAllText((Join-Path $PSScriptRoot 'Fixtures/sms-padded-cells.csv')).Replace('{tomorrow}', $tomorrow)

        $results = @($csv | ConvertFrom-Csv -Delimiter ';' | Send-ConnectSms -From ACME -Text 'Hi $(Name) of $(City), $(Shop)' -Substitution @{ Shop = ' ACME ' })

        $results.Status | Should -Be @('Scheduled', 'Scheduled')
        $sent = @(Get-SentBody)
        $sent.to[0].msisdn | Should -Be '+447700900001'
        $sent.to[0].substitutions.Name | Should -BeExactly 'Bernd'
        $sent.to[0].substitutions.City | Should -BeExactly 'Bad Homburg'
        $sent.to[0].substitutions.PSObject.Properties.Name | Should -Not -Contain 'SendAt'
        $sent[0].sendAt | Should -Be $sent[-1].sendAt
        $sent[0].substitutions.Shop | Should -BeExactly ' ACME '
        $sent[0].content.text | Should -BeExactly 'Hi $(Name) of $(City), $(Shop)'
    }

    It 'that are a list or an object make a row that uses them Invalid, naming the column' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Groups = @('Sales', 'Staff') }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob'; Groups = @{ Team = 'Ops' } }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy'; Groups = [pscustomobject]@{ Team = 'Ops' } }
        )
        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name) of $(Groups)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike "Row 1: Text: `$(Groups) would be filled from the column 'Groups', which holds an array of 2 values*"
        $results[1].Reason | Should -BeLike "Row 2: Text: `$(Groups)*holds a hashtable*"
        $results[2].Reason | Should -BeLike "Row 3: Text: `$(Groups)*holds an object with properties*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'that are a list no text uses are left out, not sent as "System.Object[]"' {
        $row = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Groups = @('Sales', 'Staff') }
        $result = $row | Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Queued'
        $sent = (Get-SentBody).to[0].substitutions
        $sent.Name | Should -Be 'Ann'
        $sent.PSObject.Properties.Name | Should -Not -Contain 'Groups'
    }

    It 'that a -SubstitutionColumn names must be single too' {
        $row = [pscustomobject]@{ Phone = '+447700900001'; Groups = @('Sales', 'Staff') }
        ($row | Send-ConnectSms -From ACME -Text 'Hi' -SubstitutionColumn Groups -ErrorAction SilentlyContinue).Reason |
            Should -BeLike "Row 1: SubstitutionColumn: the column 'Groups' holds an array of 2 values*"
    }

    It 'given to -Substitution as a list stop the command with InvalidSubstitution' {
        # Piped: every row's. (With nothing piped, as in a script's loop, it is the one row's Invalid result: OneRowCalls.Tests.)
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi $(Shop)' -Substitution @{ Shop = @('a', 'b') } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage "-Substitution 'Shop' holds an array of 2 values*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'given to -Substitution wrongly name the key in the error''s target, not the whole hashtable: <Command>' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Splat = @{ From = 'ACME' }; Piped = '+447700900001' }
        @{ Command = 'Measure-ConnectSms'; Splat = @{}; Piped = $null }
    ) {
        # Before: the category line read "InvalidArgument: (System.Collections.Hashtable:Hashtable)".
        foreach ($value in @(@{ Shop = @('a', 'b'); Year = 2026 }, @{ Shop = $null; Year = 2026 })) {
            $stop = $null
            try {
                if ($Piped) { $Piped | & $Command @Splat -Text 'Hi $(Shop)' -Substitution $value -ErrorAction Stop }
                else { & $Command @Splat -Text 'Hi $(Shop)' -Substitution $value -ErrorAction Stop }
            } catch { $stop = $_ }
            $stop.FullyQualifiedErrorId | Should -BeLike 'InvalidSubstitution,*'
            $stop.TargetObject | Should -BeExactly 'Shop'
            $stop.CategoryInfo.GetMessage() | Should -BeLike 'InvalidArgument: (Shop:String)*'
        }
    }

    It 'given to -Substitution as $null stop the command as a $null column stops its row, unless -AllowMissingSubstitution' {
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi $(Shop)' -Substitution @{ Shop = $null } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage "-Substitution 'Shop' is `$null: give it a value*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        (Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(Shop)' -Substitution @{ Shop = $null } -AllowMissingSubstitution).Status |
            Should -Be 'Queued'
    }

    It 'given to -Substitution as $null stop a piped run even when each row has that column, an object as a hashtable (<Name>)' -ForEach @(
        @{ Name = 'hashtable'; Given = @{ Name = $null }; Said = "-Substitution 'Name' is `$null: give it a value*" }
        @{ Name = 'object'; Given = [pscustomobject]@{ Name = $null }; Said = "-Substitution 'Name' is `$null (as Import-Csv gives*" }
    ) {
        # A $null shared value was meant to be there and is not: the run stops before sending, whatever the rows hold,
        # rather than guess that the rows' own Name was meant. -AllowMissingSubstitution says it may go empty; the row's wins.
        $rows = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }, [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bo' }

        { $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Substitution $Given -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSubstitution,*' -ExpectedMessage $Said
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        ($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Substitution $Given -AllowMissingSubstitution).Status | Should -Be 'Queued', 'Queued'
        @(Get-ConnectSandboxRequest | ForEach-Object { ($_.Body | ConvertFrom-Json).to.substitutions.Name }) | Should -Be 'Ann', 'Bo'
    }
}

Describe 'Length limits after substitution' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'refuses an SMS whose text passes 4000 characters once a value is filled in, and says the value made it so' {
        $row = [pscustomobject]@{ Phone = '+447700900001'; Story = 'x' * 5000 }
        $result = $row | Send-ConnectSms -From ACME -Text 'Hi $(Story)' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -Be 'Row 1: Text: has 5003 characters after substitution: at most 4000 are allowed'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses a GSM-7-only SMS (-Encoding Text) when a value brings a character it cannot carry' {
        $row = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Łucja' }
        ($row | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Encoding Text -ErrorAction SilentlyContinue).Reason |
            Should -BeLike "Row 1: Text: Text encoding (GSM-7) cannot carry 'Ł'*"
    }

    It 'keeps a one-line field one line when a value brings a line break: <Field>' -ForEach @(
        @{ Field = 'Subject'; Send = { $args[0] | Send-ConnectEmail -From f@example.com -Subject 'Invoice $(Invoice)' -Text t -ErrorAction SilentlyContinue } }
        @{ Field = 'TemplateSubject'; Send = { $args[0] | Send-ConnectEmail -From f@example.com -TemplateId t -TemplateSubject 'Invoice $(Invoice)' -ErrorAction SilentlyContinue } }
        @{ Field = 'Suggestion[0].DisplayText'; Send = { $args[0] | Send-ConnectRcs -From app-1 -Text t -Suggestion (New-ConnectRcsSuggestion 'Pay $(Invoice)') -ErrorAction SilentlyContinue } }
    ) {
        # A header of its own smuggled into the email through a spreadsheet cell.
        $row = [pscustomobject]@{ Email = 'ann@example.com'; Phone = '+447700900001'; Invoice = "INV-1`r`nBcc: evil@example.com" }
        $result = & $Send $row

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -Match ([regex]::Escape("${Field}: after substitution it contains a line break (U+000D) at position ") + '\d+: ' + [regex]::Escape("$Field must be one line"))
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses an RCS text over 1024 characters after substitution' {
        $row = [pscustomobject]@{ Phone = '+447700900001'; Story = 'x' * 1100 }
        ($row | Send-ConnectRcs -From app-1 -Text 'Hi $(Story)' -ErrorAction SilentlyContinue).Reason |
            Should -Be 'Row 1: Text: has 1103 characters after substitution: at most 1024 are allowed'
    }
}

Describe '-Validity as people type it' {
    BeforeEach { $null = Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'sends <Given> as <Seconds> seconds' -ForEach @(
        @{ Given = '90m'; Seconds = '5400' }
        @{ Given = '48h'; Seconds = '172800' }
        @{ Given = '2d'; Seconds = '172800' }
        @{ Given = '30s'; Seconds = '30' }
        @{ Given = 3600; Seconds = '3600' }
        @{ Given = '3600'; Seconds = '3600' }
        @{ Given = '48:00:00'; Seconds = '172800' }
        @{ Given = '1:30'; Seconds = '5400' }
        @{ Given = (New-TimeSpan -Hours 72); Seconds = '259200' }
    ) {
        $body = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Validity $Given -PayloadOnly | ConvertFrom-Json
        $body.validity | Should -Be $Seconds
    }

    It 'refuses an SMS validity over 72 hours, naming the limit: <Given>' -ForEach @(
        @{ Given = '80:00:00'; Shown = '80 hours' }
        @{ Given = '4d'; Shown = '4 days' }
        @{ Given = [timespan]'48:00:00'; Shown = '48 days' }
    ) {
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Validity $Given -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Validity: $Shown is more than 72 hours, the longest an SMS may stay valid*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # Nothing piped, as in a script's loop (-Validity $u.Validity): that one row's Invalid result, the loop going on.
        $oneRow = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Validity $Given -ErrorAction SilentlyContinue
        $oneRow.Status | Should -Be 'Invalid'
        $oneRow.Reason | Should -BeLike "Row 1: Validity: $Shown is more than 72 hours*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'allows more than 72 hours where the channel documents no limit (email)' {
        $body = Send-ConnectEmail -To ann@example.com -From news@example.com -Subject 'S' -Text 'Hi' -Validity '4d' -PayloadOnly | ConvertFrom-Json
        $body.validity | Should -Be '345600'
    }

    It 'refuses <Given>, a duration in digits that are not ASCII, with the forms, not .NET''s "not in a correct format"' -ForEach @(
        # Before: the patterns' \d took Arabic-Indic digits (an Arabic keyboard's), which the number reading then refused
        # with "The input string '٣' was not in a correct format.", naming neither the parameter nor the forms.
        @{ Given = "$([char]0x0663)h" }
        @{ Given = "$([char]0x0663):00" }
    ) {
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Validity $Given } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Validity '$Given' is not a duration: write a duration such as '90m', '48h' or '2d'*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses what is not a duration before anything is sent' {
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Validity 'two weeks' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Validity 'two weeks' is not a duration: write a duration such as '90m', '48h' or '2d'*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # Nothing piped: the one row's Invalid result, with the same Code, worded for the row.
        $oneRow = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Validity 'two weeks' -ErrorAction SilentlyContinue
        $oneRow.Status | Should -Be 'Invalid'
        $oneRow.Code | Should -Be 'ParameterArgumentTransformationError'
        $oneRow.Reason | Should -BeLike "Row 1: Validity: 'two weeks' is not a duration: write a duration such as '90m'*; or leave -Validity out for none"
    }
}
