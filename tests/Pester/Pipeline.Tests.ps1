#Requires -Version 5.1
# Pester 5: the pipeline binding recipe of DESIGN.md, as PowerShell itself binds it. -To is a
# ConnectDestination[] that binds by property name only (not Mandatory), and -InputObject (PSObject) receives
# every piped object: a CSV row's other columns, or a plain string that is the destination. So a CSV row binds
# by its column without any exception, and a row without a destination column gets its own Invalid result.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # The bodies the sandbox received, parsed, in order of arrival.
    function script:Get-SentBody {
        Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
    }

    # Every number the sandbox received, sorted.
    function script:Get-SentNumber {
        @(Get-SentBody).to.msisdn | Sort-Object
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'How Send-ConnectSms binds pipeline input' {
    BeforeEach {
        # A new sandbox per test: its requests are this test's alone. -Tps: the few rows go out at once.
        Connect-WebexConnect -Sandbox -Tps 1000
    }

    It 'declares -To as ConnectDestination[] taking pipeline input by property name only, with the column aliases' {
        $to = (Get-Command Send-ConnectSms).Parameters['To']

        $to.ParameterType | Should -Be ([WebexConnect.Composition.ConnectDestination[]])
        $to.Aliases | Should -Be @('Phone', 'Mobile', 'MobileNumber', 'PhoneNumber', 'MobilePhone', 'Msisdn', 'Number')
        $to.ParameterSets.Values.ValueFromPipeline | Select-Object -Unique | Should -BeFalse
        $to.ParameterSets.Values.ValueFromPipelineByPropertyName | Select-Object -Unique | Should -BeTrue
        $to.ParameterSets.Values.IsMandatory | Select-Object -Unique | Should -BeFalse
        (Get-Command Send-ConnectSms).Parameters['InputObject'].ParameterType | Should -Be ([psobject])
    }

    It 'binds a CSV row by its Phone column and sends the columns its text names as substitutions' {
        $csv = Join-Path $TestDrive 'people.csv'
        Set-Content -Path $csv -Value @(
            '"Phone","Name","City"'
            '"+447700900501","Ann","Leeds"'
        )

        $results = @(Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)')

        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Queued'
        $results[0].Destination | Should -Be '+447700900501'
        $results[0].Row | Should -Be 1
        $sent = @(Get-SentBody)[0].to
        @($sent).Count | Should -Be 1
        $sent[0].msisdn | Should -Be @('+447700900501')
        $sent[0].substitutions.Name | Should -Be 'Ann'
        # City stays here: no text names it.
        $sent[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'gives a row with no destination column its own Invalid result naming the columns that bind, and sends the other rows' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900511'; Name = 'Ann' }
            [pscustomobject]@{ Name = 'Bob'; City = 'York' }
            [pscustomobject]@{ Phone = '+447700900513'; Name = 'Cy' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        # PowerShell's binder does not refuse the row: it reaches the cmdlet, which gives it its result, in its place.
        $results.Row | Should -Be @(1, 2, 3)
        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -BeLike 'Row 2: To: no destination: give -To, or a column named To, Phone, Mobile, MobileNumber, PhoneNumber, MobilePhone, Msisdn or Number*'
        @($rowErrors).Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $rowErrors[0].TargetObject.Name | Should -Be 'Bob'
        # Not a silent send of the row turned into text ("@{Name=Bob; City=York}").
        Get-SentNumber | Should -Be @('+447700900511', '+447700900513')
    }

    It 'sends a property that type data adds to the rows as a substitution too, like their own columns' {
        # The columns are read from the row's own members (fast); a type whose data adds properties is read in full.
        $rows = 1..3 | ForEach-Object {
            $row = [pscustomobject]@{ Phone = '+44770090052{0}' -f $_; Name = "P$_" }
            $row.PSObject.TypeNames.Insert(0, 'WebexConnectTests.TypedRow')
            $row
        }
        Update-TypeData -TypeName WebexConnectTests.TypedRow -MemberType ScriptProperty -MemberName Greeting -Value { 'Dear ' + $this.Name } -Force

        $results = @($rows | Send-ConnectSms -From ACME -Text '$(Greeting) ($(Name))')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $sent = @(Get-SentBody)[0].to
        $sent.substitutions.Greeting | Should -Be @('Dear P1', 'Dear P2', 'Dear P3')
        $sent.substitutions.Name | Should -Be @('P1', 'P2', 'P3')
        $sent[0].substitutions.PSObject.Properties.Name | Should -Be @('Name', 'Greeting')
    }

    It 'binds a MobilePhone column (Active Directory, Microsoft Graph) as the destination' {
        $results = @([pscustomobject]@{ MobilePhone = '+447700900515'; GivenName = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi $(GivenName)')

        $results.Status | Should -Be 'Queued'
        $results.Destination | Should -Be '+447700900515'
        @(Get-SentBody)[0].to[0].substitutions.PSObject.Properties.Name | Should -Be @('GivenName')
    }

    It 'sends the columns of a SQL query''s rows (DataRow, DataRowView), not the properties of .NET''s DataRow, as substitutions' {
        # Invoke-Sqlcmd and SqlDataAdapter.Fill give DataRows. Before, each row also sent RowError, RowState and HasErrors
        # to the service as substitutions, and a row with no destination column listed them among its columns.
        $table = [Data.DataTable]::new('people')
        $null = $table.Columns.Add('Phone'), $table.Columns.Add('Name'), $table.Columns.Add('Amount', [decimal])
        $null = $table.Rows.Add('+447700900541', 'Ann', 12.5), $table.Rows.Add('+447700900542', 'Bob', 7)
        $table.AcceptChanges()

        $results = @($table | Send-ConnectSms -From ACME -Text 'Hi $(Name), $(Amount)')
        $viewed = @($table.DefaultView | Send-ConnectSms -From ACME -Text 'Hi $(Name)')
        $noNumber = [Data.DataTable]::new()
        $null = $noNumber.Columns.Add('Mobil'), $noNumber.Rows.Add('+447700900543')
        $invalid = $noNumber | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $results.Status + $viewed.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $sent = @(Get-SentBody)
        $sent[0].to | ForEach-Object { $_.substitutions.PSObject.Properties.Name -join ',' | Should -Be 'Name,Amount' }
        $sent[0].to.substitutions.Amount | Should -Be @('12.5', '7')
        $sent[1].to | ForEach-Object { $_.substitutions.PSObject.Properties.Name -join ',' | Should -Be 'Name' }
        $invalid.Reason | Should -BeLike "*(the row has one column, 'Mobil'): the column 'Mobil' holds a phone number: add it under one of those names*"
    }

    It 'names a database''s NULL among the empty values when a DataRow''s cell that the text uses is DBNull' {
        $table = [Data.DataTable]::new()
        $null = $table.Columns.Add('Phone'), $table.Columns.Add('Name'), $table.Rows.Add('+447700900544', [DBNull]::Value)

        $result = $table | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: Text: `$(Name) has no value: the row's column 'Name' is empty (`$null, *a database's NULL*"
    }

    It 'gives every line of a 1,000-line CSV exactly one result with its own Row, when every 10th line is short' {
        # Every 10th line lacks its last cells: Import-Csv gives those rows $null for Code and Text.
        $path = Join-Path $TestDrive 'short-lines.csv'
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('Phone,Code,Text')
        for ($i = 1; $i -le 1000; $i++) {
            $phone = '+4477009{0:d5}' -f $i
            if ($i % 10 -eq 0) { $lines.Add($phone) } else { $lines.Add("$phone,C$i,Your code is `$(Code)") }
        }
        Set-Content -Path $path -Value $lines
        Connect-WebexConnect -Sandbox -Tps 100000

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 1000
        $results.Row | Should -Be (1..1000)
        $invalid = @($results | Where-Object Status -eq 'Invalid')
        $invalid.Row | Should -Be (1..100 | ForEach-Object { $_ * 10 })
        $invalid | ForEach-Object { $_.Reason | Should -BeLike "Row $($_.Row): Text:*" }
        @($results | Where-Object Status -eq 'Queued').Count | Should -Be 900
        @($rowErrors).Count | Should -Be 100
        @(Get-SentNumber).Count | Should -Be 900
    }

    It 'does not send a text whose $(variable) comes from a field a short CSV line lacks, unless -AllowMissingSubstitution' {
        # Line 3 lacks its Code: Import-Csv gives $null, which would go out as "your code is ".
        $path = Join-Path $TestDrive 'short-code.csv'
        Set-Content -Path $path -Value @('Phone,Name,Code', '+447700900561,Ann,A1', '+447700900562,Bob', '+447700900563,Cy,')
        $text = 'Hi $(Name), your code is $(Code)'

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text $text -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -BeLike "Row 2: Text: `$(Code) has no value: the row's column 'Code' is empty (`$null*"
        @($rowErrors).Count | Should -Be 1
        $rowErrors[0].TargetObject.Name | Should -Be 'Bob'
        # An empty field (line 4: "Cy,") is a value the CSV gives on purpose.
        Get-SentNumber | Should -Be @('+447700900561', '+447700900563')

        $allowed = @(Import-Csv $path | Send-ConnectSms -From ACME -Text $text -AllowMissingSubstitution)

        $allowed.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $bob = @(Get-SentBody).to | Where-Object { $_.msisdn -eq '+447700900562' }
        $bob.substitutions.Code | Should -Be ''
    }

    It 'gives a row whose number is $null or empty its own Invalid result, and sends the other rows' {
        # Objects from a directory: a user without a mobile number has the property, set to $null.
        $rows = @(
            [pscustomobject]@{ Mobile = '+447700900541'; Name = 'Ann' }
            [pscustomobject]@{ Mobile = $null; Name = 'Bob' }
            [pscustomobject]@{ Mobile = ''; Name = 'Cy' }
            [pscustomobject]@{ Mobile = '+447700900544'; Name = 'Dee' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        # One result per row, in input order: nothing lost to a binding error.
        $results.Count | Should -Be 4
        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid', 'Queued')
        $results.Row | Should -Be @(1, 2, 3, 4)
        $results[1].Reason | Should -Match '\bTo\b'
        $results[1].Reason | Should -Match 'Mobile'
        @($rowErrors).Count | Should -Be 2
        $rowErrors.TargetObject.Name | Should -Be @('Bob', 'Cy')
        $rowErrors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*' }
        Get-SentNumber | Should -Be @('+447700900541', '+447700900544')
    }

    It 'says that a piped item is $null, when a list with an empty item is piped' {
        # A list built in a script ($list += $lookup[$name]) holds $null where a lookup found nothing. Before, the Reason said
        # "give -To, or a column named To, Phone, ...", as for a row without a number column.
        $results = @(@('+447700900581', $null, '+447700900583') | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -Be 'Row 2: To: no destination: the piped item is $null (an empty item of the list piped in): leave such items out, e.g. with ... | Where-Object { $_ } | Send-ConnectSms'
        (Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue).Reason | Should -BeLike 'Row 1: To: no destination: give -To, or a column named *'
    }

    It 'says that a list arrived as one object, once per such row, and sends the rows around it' {
        # ,@($a, $b) or Write-Output -NoEnumerate pipes the list whole. Before, it was refused for having no To column,
        # "the row has the columns 'Length', 'LongLength', 'Rank', 'SyncRoot', ...": the array's own properties.
        $a = [pscustomobject]@{ Phone = '+447700900591' }
        $b = [pscustomobject]@{ Phone = '+447700900592' }
        $c = [pscustomobject]@{ Phone = '+447700900593' }
        $piped = { $a; Write-Output -NoEnumerate @($a, $b); Write-Output -NoEnumerate @('+447700900594'); $c }

        $results = @(& $piped | Send-ConnectSms -From ACME -Text 'Hi' -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid', 'Queued')
        $results.Row | Should -Be @(1, 2, 3, 4)
        $results[1].Reason | Should -Be ('Row 2: InputObject: a list of 2 items arrived as one object, not a row: pipe its items, one row each ' +
            '($list | Send-ConnectSms ...), not the list wrapped in another (,$list or Write-Output -NoEnumerate pipes it whole)')
        $results[2].Reason | Should -BeLike 'Row 3: InputObject: a list of 1 item arrived as one object*'
        $results.Reason | Should -Not -Match 'SyncRoot|Length'
        @($rowErrors).Count | Should -Be 2
        Get-SentNumber | Should -Be @('+447700900591', '+447700900593')
    }

    It 'says that -To was given nothing when a script passes it a variable or property that holds $null' {
        # A loop over rows whose column is Phone, written with $row.Mobile. Before, the Reason said "give -To", which was given.
        $row = [pscustomobject]@{ Phone = '+447700900571'; Name = 'Ann' }

        $result = Send-ConnectSms -From ACME -To $row.Mobile -Text 'Hi' -ErrorAction SilentlyContinue
        $none = Send-ConnectSms -From ACME -To @() -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -Be 'Row 1: To: no destination: -To was given $null or an empty list (a variable that is not set, or a property the object does not have, such as $row.Mobile of a row whose column is Phone)'
        $none.Reason | Should -Be $result.Reason
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends to the first destination column in the documented order that holds a number, and To before any alias' {
        # PowerShell looks up the parameter's name, then its aliases in order (Phone before Mobile), and binds that one even
        # when it is empty: the row was Invalid though its Mobile holds a number. An empty one now gives way to the next.
        $row = [pscustomobject]@{ Phone = ''; Mobile = '+447700900551'; Name = 'Ann' }
        $both = [pscustomobject]@{ Mobile = '+447700900553'; Phone = '+447700900552' }
        $toFromMobile = @{ Name = 'To'; Expression = { $_.Mobile } }

        $byAlias = @($row, $both | Send-ConnectSms -From ACME -Text 'Hi')
        $chosen = @($both | Select-Object -Property '*', $toFromMobile | Send-ConnectSms -From ACME -Text 'Hi')

        $byAlias.Status | Should -Be @('Queued', 'Queued')
        $byAlias.Destination | Should -Be @('+447700900551', '+447700900552')
        $chosen.Destination | Should -Be '+447700900553'
        Get-SentNumber | Should -Be @('+447700900551', '+447700900552', '+447700900553')
    }

    It 'binds a plain string by value, with no columns to substitute' {
        $results = @('+447700900521' | Send-ConnectSms -From ACME -Text 'Hello')

        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Queued'
        $results[0].Destination | Should -Be '+447700900521'
        $results[0].Row | Should -Be 1
        $sent = @(Get-SentBody)[0].to[0]
        $sent.msisdn | Should -Be @('+447700900521')
        $sent.PSObject.Properties.Name | Should -Not -Contain 'substitutions'
    }

    It '<Name> reads a hashtable that follows an object row from its own keys, not from what the object row bound' -ForEach @(
        @{ Name = 'Send-ConnectSms'; To = @('+447700900541', '+447700900542'); Run = { $input | Send-ConnectSms -From ACME } }
        @{ Name = 'Send-ConnectEmail'; To = @('ann@example.com', 'bob@example.com'); Run = { $input | Send-ConnectEmail -From news@example.com -Subject 'Hi' } }
        @{ Name = 'Send-ConnectRcs'; To = @('+447700900543', '+447700900544'); Run = { $input | Send-ConnectRcs -From app-1 } }
        @{ Name = 'Send-ConnectMessage'; To = @('+447700900545', '+447700900546'); Run = { $input | Send-ConnectMessage -Channel whatsapp -From app-1 -Content @{ type = 'text'; text = 'Hi' } } }
    ) {
        # PowerShell keeps what the object row bound by property name (To, CorrelationId, Text) among the bound
        # parameters when the next row binds nothing: that is no command-line parameter the hashtable must yield to.
        $rows = @(
            [pscustomobject]@{ To = $To[0]; CorrelationId = 'object-row'; Text = 'From the object' }
            @{ To = $To[1]; CorrelationId = 'hashtable-row'; Text = 'From the hashtable' }
        )

        $results = @($rows | & $Run -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued') -Because $results[1].Reason
        $results.Destination | Should -Be $To
        $results.CorrelationId | Should -Be @('object-row', 'hashtable-row')
        if ($Name -ne 'Send-ConnectMessage') {
            @(Get-SentBody).content.text | Sort-Object | Should -Be @('From the hashtable', 'From the object')
        }
    }

    It 'returns the results in input order when the rows travel in different requests' {
        # Two texts are two message shapes, so at least two requests, which may finish in any order.
        $rows = 1..6 | ForEach-Object {
            [pscustomobject]@{ Phone = '+4477009005{0:d2}' -f (30 + $_); Text = if ($_ % 2) { 'Odd row' } else { 'Even row' } }
        }

        $results = @($rows | Send-ConnectSms -From ACME)

        $results.Destination | Should -Be $rows.Phone
        $results.Status | Select-Object -Unique | Should -Be 'Queued'
        @(Get-ConnectSandboxRequest).Count | Should -BeGreaterOrEqual 2
    }

    It 'numbers every result by its input row, the invalid one included, so a failure can be found in the CSV' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900561'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900562'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '07700 900563'; Name = 'Cy' }
            [pscustomobject]@{ Phone = '+447700900564'; Name = 'Di' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -ErrorVariable failed)

        $results.Row | Should -Be @(1, 2, 3, 4)
        $results.Status | Should -Be @('Queued', 'Queued', 'Invalid', 'Queued')
        $attention = @($results | Where-Object { $_.Status -ne 'Queued' } | Select-Object -Property @('Row', 'Destination', 'Status', 'Reason'))
        $attention.Count | Should -Be 1
        $attention[0].Row | Should -Be 3
        $attention[0].Destination | Should -Be '07700 900563'
        @($failed).Count | Should -Be 1
        $failed[0].Exception.Result.Row | Should -Be 3
        # The reason already names the row; the message does not say it twice.
        ([regex]::Matches($failed[0].Exception.Message, 'Row 3:')).Count | Should -Be 1
    }

    It 'exports the results with Export-Csv, without the input row' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900541'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '07700 900542'; Name = 'Bob' }
        )
        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue)
        $path = Join-Path $TestDrive 'results.csv'

        { $results | Export-Csv -Path $path -NoTypeInformation -ErrorAction Stop } | Should -Not -Throw

        $exported = @(Import-Csv $path)
        $exported.Count | Should -Be 2
        $exported.Status | Should -Be @('Queued', 'Invalid')
        $exported.Destination | Should -Be @('+447700900541', '07700 900542')
        $exported[0].MessageId | Should -Not -BeNullOrEmpty
        $exported[1].Reason | Should -Match 'Row 2'
        # The row stays out of the report (and out of memory): Row finds it again.
        $exported[0].PSObject.Properties.Name | Should -Be @('Row', 'Channel', 'Destination', 'CorrelationId', 'MessageId', 'Status',
            'Code', 'Reason', 'Attempts', 'Batch', 'SubmittedAt', 'ScheduledFor', 'Parts', 'RequestedReceipts', 'Copies', 'IsSuccess')
        $rows[$exported[1].Row - 1].Name | Should -Be 'Bob'
    }

    It 'gives a CSV row the service refuses its error with the row as TargetObject: its columns, in order, and its type name' {
        # While a request travels the run keeps a CSV row's columns, not PowerShell's object around them; the
        # error of a row the service refuses gets the row back from them.
        $path = Join-Path $TestDrive 'typed.csv'
        Set-Content -Path $path -Value @('#TYPE Contoso.Contact', 'Phone,Name,Code', '+447700900571,Ann,A1', '+447700900572,Bob,')

        $results = @(Import-Csv $path | Send-ConnectMessage -Channel fax -DestinationKey msisdn -From x -Content @{ text = 'hi' } -ErrorVariable refused -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Rejected', 'Rejected')
        @($refused).Count | Should -Be 2
        $refused.TargetObject.Name | Should -Be @('Ann', 'Bob')
        $refused[1].TargetObject.PSObject.Properties.Name | Should -Be @('Phone', 'Name', 'Code')
        $refused[1].TargetObject.Code | Should -Be ''
        $refused[0].TargetObject.PSObject.TypeNames | Should -Be @((Import-Csv $path)[0].PSObject.TypeNames)
        $refused[0].TargetObject.PSObject.TypeNames | Should -Contain 'CSV:Contoso.Contact'
        # What admins do with it: the refused rows, to fix and send again.
        $again = Join-Path $TestDrive 'refused.csv'
        $refused.TargetObject | Export-Csv -Path $again -NoTypeInformation
        (Get-Content $again) | Should -Be @('"Phone","Name","Code"', '"+447700900571","Ann","A1"', '"+447700900572","Bob",""')
    }

    It 'keeps a piped object that is not a plain row as it is, for the error of a refused row' {
        $row = [pscustomobject]@{ Phone = '+447700900581'; Name = 'Ann' }
        $row | Add-Member -MemberType ScriptMethod -Name Greet -Value { 'Hi ' + $this.Name }

        $null = $row | Send-ConnectMessage -Channel fax -DestinationKey msisdn -From x -Content @{ text = 'hi' } -ErrorVariable refused -ErrorAction SilentlyContinue

        [object]::ReferenceEquals($refused[0].TargetObject, $row) | Should -BeTrue
        $refused[0].TargetObject.Greet() | Should -Be 'Hi Ann'
    }

    It 'stops promptly when Select-Object -First 2 has its results, leaving the rest unsent' {
        # At 10 per second, sending all 50 rows takes at least 4 seconds; the first two are back at once.
        Connect-WebexConnect -Sandbox -Tps 10
        $rows = 1..50 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009006{0:d2}' -f $_; Name = "Row $_" } }

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' | Select-Object -First 2)

        $results.Count | Should -Be 2
        $results.Destination | Should -Be @('+447700900601', '+447700900602')
        $results.Status | Should -Be @('Queued', 'Queued')
        # Stopped, not sent to the end: counted in rows, not seconds (a loaded machine is slow either way).
        $sent = (Get-ConnectSandboxRequest | Measure-Object -Property DestinationCount -Sum).Sum
        $sent | Should -BeLessThan 50
    }

    It 'says which rows Select-Object -First left without a result, how many of them may have gone, and the journal that knows' {
        # Before: 10 rows went out in the first request, Select-Object took 5 results, and nothing said that rows 6-10 were
        # sent too (a re-run without a journal sent them again). Rows 11 on were read but never sent, and must not be.
        Connect-WebexConnect -Sandbox -Tps 10
        $rows = 1..40 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009007{0:d2}' -f $_ } }
        $journal = Join-Path $TestDrive 'first-five.journal'

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue |
            Select-Object -First 5)
        Start-Sleep -Milliseconds 1500
        $sent = (Get-ConnectSandboxRequest | Measure-Object -Property DestinationCount -Sum).Sum

        $results.Row | Should -Be @(1, 2, 3, 4, 5)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 5, so rows 6-* get no result: * The journal '$journal' records which went: run the same command with it again to send only the rows it did not send*"
        # What became of them: every row the service received was said sent or may have gone; before, rows still waiting at
        # the rate gate were counted as on their way too ("Up to 35 of them ... may have been sent").
        "$($warned[0])" -match 'rows 6-(\d+) \((\d+) rows\) get no result: ' | Should -BeTrue
        $unreported = [int]$Matches[2]
        $went = if ("$($warned[0])" -match '(\d+) (was|were) sent[,.]') { [int]$Matches[1] } elseif ("$($warned[0])" -match 'all were sent') { $unreported } else { 0 }
        $gone = if ("$($warned[0])" -match '(\d+) may have been sent') { [int]$Matches[1] } else { 0 }
        $notSent = if ("$($warned[0])" -match '(\d+) (was|were) not sent') { [int]$Matches[1] } elseif ("$($warned[0])" -match 'none was sent') { $unreported } else { 0 }
        ($went + $gone + $notSent) | Should -Be $unreported
        ($sent - 5) | Should -BeGreaterOrEqual $went
        ($sent - 5) | Should -BeLessOrEqual ($went + $gone) -Because 'a row said not sent never reached the service'
        $sent | Should -BeLessThan 40 -Because 'no row leaves after the stop'
        $received = @(@(Get-ConnectSandboxRequest).Body | ConvertFrom-Json | ForEach-Object { $_.to.msisdn })
        $received.Count | Should -Be $sent
        $again = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal)
        # Nothing the service received goes twice. A request cancelled on its way may not have arrived: the journal cannot
        # tell, so its rows come back Unknown (not resent) rather than Skipped; a request stopped before it left goes now.
        @($again | Where-Object { $_.Status -eq 'Queued' -and $received -contains $_.Destination }) | Should -BeNullOrEmpty
        $skipped = @($again | Where-Object Status -eq Skipped).Count
        $skipped | Should -Be (5 + $went)
        @($again | Where-Object Status -eq Unknown).Count | Should -Be $gone
    }

    It 'says the rows sent with the one Select-Object -First took were sent, when the run''s last request answered them all' {
        # 5 rows, one request, its answer written at the end of the input: Select-Object -First 1 stopped the run while it
        # wrote row 1's result. Before, the warning said of rows 2-5 "none was sent" though the service had queued them all,
        # so the admin who sent those rows again sent each twice.
        Connect-WebexConnect -Sandbox
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009008{0:d2}' -f $_ } }

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue | Select-Object -First 1)

        $results.Row | Should -Be 1
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
        (Get-ConnectSandboxRequest)[0].DestinationCount | Should -Be 5
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike 'A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 1, so rows 2-5 (4 rows) get no result: all were sent. Sending them again sends each a second time: give -Journal *'
    }

    It 'names the second object in its warning when Select-Object -First takes the held first row''s result' {
        # $a, $b, $c | Send-ConnectSms -From X | Select-Object -First 1, where $a has no Text property: row 1 waited for row 2
        # (HeldFirstRow), and its Invalid result was the one Select-Object took. Before, row 2 had been read, had no result,
        # and the run said nothing of it (a row read without a result is named by the stop's warning, as for any other row).
        Connect-WebexConnect -Sandbox
        $a = [pscustomobject]@{ Phone = '+447700900711' }
        $b = [pscustomobject]@{ Phone = '+447700900712'; Text = 'Hi' }
        $c = [pscustomobject]@{ Phone = '+447700900713'; Text = 'Hi' }

        $results = @($a, $b, $c | Send-ConnectSms -From ACME -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue |
            Select-Object -First 1)

        $results.Row | Should -Be 1
        $results.Status | Should -Be 'Invalid'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike 'A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 1, so row 2 gets no result: it was not sent. *'
        @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty -Because 'row 2 was said not sent'
    }

    It 'shows the error of the row Select-Object -First took before the warning of the rows after it' {
        # The console read: row 1's line, the warning that row 2 got no result, then row 1's error, as if it were row 2's.
        Connect-WebexConnect -Sandbox
        $a = [pscustomobject]@{ Phone = '+447700900721' }
        $b = [pscustomobject]@{ Phone = '+447700900722'; Text = 'Hi' }
        $c = [pscustomobject]@{ Phone = '+447700900723'; Text = 'Hi' }

        $shown = @(& { $a, $b, $c | Send-ConnectSms -From ACME | Select-Object -First 1 } 2>&1 3>&1)

        $shown.Count | Should -Be 3
        $shown[0].Status | Should -Be 'Invalid'
        $shown[1] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        "$($shown[1])" | Should -BeLike 'Row 1: Invalid*'
        $shown[2] | Should -BeOfType [System.Management.Automation.WarningRecord]
        "$($shown[2])" | Should -BeLike 'A command after Send-ConnectSms (such as Select-Object -First) stopped the pipeline after the result of row 1*'
    }

    It 'writes the error of the Invalid row whose result Select-Object -First took, for $Error and -ErrorVariable' {
        # The result is written before its error, and Select-Object -First stops the pipeline inside the result's writing:
        # before, the error was never written, and a scheduled task's log ($Error, -ErrorVariable) had nothing of row 1.
        Connect-WebexConnect -Sandbox -Tps 1000
        $Error.Clear()

        $results = @('07700900001', '+447700900002' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorVariable rowErrors -ErrorAction SilentlyContinue |
            Select-Object -First 1)

        $results.Status | Should -Be 'Invalid'
        @($rowErrors).Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        "$($rowErrors[0])" | Should -BeLike "Row 1: Invalid 07700900001: To: '07700900001' is not an E.164 number*"
        @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and "$_" -like 'Row 1: Invalid*' }).Count | Should -Be 1
        @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty
    }

    It 'under -ErrorAction Stop keeps that error in -ErrorVariable only, as about_WebexConnect says' {
        # PowerShell ends a pipeline with its first stop: Select-Object's, which came first, so the stop the row's error
        # raises is dropped (not shown, not in $Error, no catch). The about topic says so; this pins what it says.
        Connect-WebexConnect -Sandbox -Tps 1000
        $Error.Clear()
        $caught = $null

        try {
            $results = @('07700900001', '+447700900002' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorVariable rowErrors -ErrorAction Stop -WarningAction SilentlyContinue |
                Select-Object -First 1)
        }
        catch { $caught = $_ }

        $caught | Should -BeNullOrEmpty
        $results.Status | Should -Be 'Invalid'
        @($rowErrors).Count | Should -Be 1
        $rowErrors[0].ErrorRecord.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        "$($rowErrors[0].ErrorRecord)" | Should -BeLike "Row 1: Invalid 07700900001: *"
        @($Error | Where-Object { "$_" -like '*Row 1: Invalid*' }) | Should -BeNullOrEmpty
        (Get-Content (Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md') -Raw) -replace '\s+', ' ' |
            Should -BeLike '*Under -ErrorAction Stop, an Invalid row whose result Select-Object -First takes does not end the script*only in -ErrorVariable*not in $Error*'
    }
}

Describe 'What becomes of the columns that set no parameter' {
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'warns once per run that a Tag1 column sets no tag, and sends it only as a substitution the text names' {
        # (An ExpireAt column was the example here until the module read each row's expiry from it: SendConnectSms.Tests.ps1.)
        $path = Join-Path $TestDrive 'tag1.csv'
        Set-Content -Path $path -Value @('Name,Phone,Tag1', 'Al,+447700900801,spring', 'Bo,+447700900802,summer', 'Cy,+447700900803,autumn')

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi $(Name), $(Tag1) sale' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "The column 'Tag1' does not set -Tag1: a column cannot; give -Tag1 on the command line*The column is only a substitution, for a `$(Tag1) in the text or a template."
        @(Get-ConnectSandboxRequest)[0].Body | Should -BeLike '*"Tag1":"spring"*'
        @(Get-SentBody)[0].options.tag1 | Should -BeNullOrEmpty
    }

    It 'warns once per run that a Text column is not read when -Text is given on the command line' {
        $path = Join-Path $TestDrive 'texts.csv'
        Set-Content -Path $path -Value @('Phone,Text', '+447700900821,Your own text 1', '+447700900822,Your own text 2')

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'The same for all' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be "The column 'Text' is not read: -Text was given on the command line (or by `$PSDefaultParameterValues), and it sets every row. Leave out -Text to take each row's own."
        @(Get-SentBody)[0].content.text | Should -Be 'The same for all'
    }

    # Before: every row was Invalid with "'Phone' is not an E.164 number (it contains letters...)", which sent the admin
    # to fix numbers that were right.
    It 'says a -To that names a column of the row is a column name, and how to bind the column (<Command>)' -ForEach @(
        @{ Command = 'Send-ConnectSms'; Header = 'Phone,Name'; Line = '+447700900841,Al'; To = 'Phone'; Fix = "leave out -To: the row's 'Phone' column binds to it*" }
        @{ Command = 'Send-ConnectSms'; Header = 'Cell,Name'; Line = '+447700900842,Al'; To = 'cell'; Fix = "leave out -To and name the column To, Phone*Select-Object *, @{ n = 'To'; e = { `$_.'Cell' } } | Send-ConnectSms ..." }
        @{ Command = 'Send-ConnectRcs'; Header = 'Phone,Name'; Line = '+447700900843,Al'; To = 'Phone'; Fix = "leave out -To: the row's 'Phone' column binds to it*" }
        @{ Command = 'Send-ConnectEmail'; Header = 'Email,Name'; Line = 'al@example.com,Al'; To = 'Email'; Fix = "leave out -To: the row's 'Email' column binds to it*" }
    ) {
        $path = Join-Path $TestDrive 'named.csv'
        Set-Content -Path $path -Value @($Header, $Line)
        $extra = if ($Command -eq 'Send-ConnectEmail') { @{ From = 'noreply@example.com'; Subject = 'S' } } else { @{ From = 'ACME' } }

        $results = @(Import-Csv $path | & $Command -To $To -Text 'Hi' @extra -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid')
        $results[0].Reason | Should -BeLike "Row 1: To: '$($Header.Split(',')[0])' is the name of a column of the row, not a destination: -To given on the command line sends every row to what it says. To send each row to its own, $Fix"
        $results[0].Reason | Should -Not -BeLike '*not an E.164*'
        $results[0].Reason | Should -Not -BeLike '*not an email address*'
        @($failed).Count | Should -Be 1
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names $PSDefaultParameterValues in that warning, where a -Text nobody typed comes from' {
        $path = Join-Path $TestDrive 'texts.csv'
        Set-Content -Path $path -Value @('Phone,Text', '+447700900831,Your own text 1')
        $PSDefaultParameterValues = @{ 'Send-ConnectSms:Text' = 'From the profile' }

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued')
        "$($warned[0])" | Should -BeLike "The column 'Text' is not read: -Text was given*`$PSDefaultParameterValues*"
        @(Get-SentBody)[0].content.text | Should -Be 'From the profile'
    }

    It 'names the $PSDefaultParameterValues key that gave a -From no one typed, when the command stops at it' {
        # A profile sets the sender of every Send-Connect* cmdlet; Send-ConnectEmail then refuses it. Before, the error said
        # "correct -From" to an admin whose command line had no -From.
        $PSDefaultParameterValues = @{ 'Send-Connect*:From' = 'ACME' }

        { '+447700900851' | Send-ConnectSms -Text 'Hi' } | Should -Not -Throw
        $thrown = { 'ann@example.com' | Send-ConnectEmail -Subject 'Hi' -Text 'Hi' } | Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "-From: 'ACME' is not an email address*"
        $thrown.Exception.Message | Should -Match ([regex]::Escape("correct -From (which `$PSDefaultParameterValues['Send-Connect*:From'] gives when the command line does not) and run the command again.") + '$')
        { 'ann@example.com' | Send-ConnectEmail -From 'ACME2' -Subject 'Hi' -Text 'Hi' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "*correct -From and run the command again."
        $PSDefaultParameterValues['Disabled'] = $true
        { 'ann@example.com' | Send-ConnectEmail -From 'ACME' -Subject 'Hi' -Text 'Hi' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "*correct -From and run the command again."
    }

    It 'sends nothing when -WarningAction Stop ends the command at that warning' {
        $rows = @([pscustomobject]@{ Phone = '+447700900811'; Tag1 = 'spring' })

        { $rows | Send-ConnectSms -From ACME -Text 'Hi' -WarningAction Stop } | Should -Throw -ErrorId 'ActionPreferenceStop,*'

        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends the Subject, Text and Html columns as substitutions with -TemplateId, where no parameter reads them' {
        $row = [pscustomobject]@{ Email = 'ann@example.com'; Subject = 'Your order'; Text = 'T'; Html = '<b>H</b>'; Name = 'Ann' }

        $result = $row | Send-ConnectEmail -From 'news@example.com' -TemplateId 'tpl-1' -WarningVariable warned

        $result.Status | Should -Be 'Queued'
        @($warned).Count | Should -Be 0
        $sent = @(Get-SentBody)[0].to[0].substitutions
        $sent.Subject | Should -Be 'Your order'
        $sent.Text | Should -Be 'T'
        $sent.Html | Should -Be '<b>H</b>'
        $sent.Name | Should -Be 'Ann'
    }

    It 'keeps a Text column here with Send-ConnectRcs -MediaUrl (no text names it), and still reads it as the text without' {
        $row = [pscustomobject]@{ Phone = '+447700900821'; Text = 'caption' }

        $null = $row | Send-ConnectRcs -From 'app-1' -MediaUrl 'https://example.com/a.png'
        $null = $row | Send-ConnectRcs -From 'app-1'

        $bodies = @(Get-SentBody)
        $bodies[0].to[0].PSObject.Properties.Name | Should -Not -Contain 'substitutions'
        $bodies[1].content.text | Should -Be 'caption'
        $bodies[1].to[0].PSObject.Properties.Name | Should -Not -Contain 'substitutions'
    }

    It 'says which header cell has a space around a destination column''s name' {
        $path = Join-Path $TestDrive 'space.csv'
        Set-Content -Path $path -Value @('Email ,Name', 'ann@example.com,Ann')

        $result = Import-Csv $path | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorVariable failed -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -Be "Row 1: To: no destination: the column 'Email ' is not read as 'Email' because of the space around its name: remove the space from the CSV header"
    }

    It 'says how to rename a destination column an export spells with spaces or hyphens: <Column>' -ForEach @(
        @{ Column = 'E-mail Address'; Name = 'EmailAddress'; Command = 'Send-ConnectEmail'; Value = 'ann@example.com'; Arguments = @{ From = 'news@example.com'; Subject = 'S'; Text = 'T' } }
        @{ Column = 'Mobile Phone'; Name = 'MobilePhone'; Command = 'Send-ConnectSms'; Value = '+447700900001'; Arguments = @{ From = 'ACME'; Text = 'T' } }
    ) {
        # An Outlook contacts export. Before: only the list of names that bind, and the row's columns, to compare.
        $path = Join-Path $TestDrive 'outlook.csv'
        Set-Content -Path $path -Value @("""First Name"",""$Column""", """Ann"",""$Value""")

        $result = Import-Csv $path | & $Command @Arguments -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $hint = "... | Select-Object *, @{ n = '$Name'; e = { `$_.'$Column' } } | $Command ..."
        $result.Reason | Should -Be "Row 1: To: no destination: the column '$Column' is not read as '$Name': PowerShell binds a column only by its exact name. Add the column under that name on the way in: $hint"
        # The advice, followed, sends the row.
        (Import-Csv $path | Select-Object *, @{ n = $Name; e = { $_.$Column } } | & $Command @Arguments).Status | Should -Be 'Queued'
    }

    It 'says which invisible character is glued to a destination column''s name, and how to drop a second byte order mark' {
        # A downloaded CSV text that starts with its own byte order mark, saved as UTF-8 with one: Import-Csv drops the
        # first and keeps the second in the first header. Before: "give -To, or a column named To, ... (the row has the
        # columns '\uFEFFTo', 'Name')", with no word of why To did not bind.
        $path = Join-Path $TestDrive 'saved-again.csv'
        [IO.File]::WriteAllText($path, "$([char]0xFEFF)To,Name`r`n+447700900851,Ann`r`n", (New-Object System.Text.UTF8Encoding $true))

        $result = Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue
        $fixed = (Get-Content $path -Raw).TrimStart([char]0xFEFF) | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: To: no destination: the column '\uFEFFTo' is not read as 'To' because of the invisible '\uFEFF' glued to its name (a second byte order mark*(Get-Content <file> -Raw).TrimStart(``[char``]0xFEFF) | ConvertFrom-Csv*"
        $fixed.Status | Should -Be 'Queued'
    }

    It 'says which -Delimiter a CSV file saved with semicolons needs when Import-Csv read it with commas' {
        $path = Join-Path $TestDrive 'semicolon.csv'
        Set-Content -Path $path -Value @('Name;Phone;Order', 'Ann;+447700900841;A-1', 'Bob;+447700900842;A-2')

        $results = Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $results.Count | Should -Be 2
        $results[1].Status | Should -Be 'Invalid'
        $results[1].Reason | Should -Be "Row 2: To: no destination: the header 'Name;Phone;Order' was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'"
        (Import-Csv $path -Delimiter ';' | Send-ConnectSms -From ACME -Text 'Hi').Status | Should -Be @('Queued', 'Queued')
    }

    It 'says which -Delimiter a semicolon CSV needs when its phone column has a name of its own language (Telefon), beside the names that bind' {
        # Before: only "give -To, or a column named To, Phone, ... (the row has one column, 'Name;Telefon;Bestellung')":
        # the German admin renamed Telefon to Phone, ran it again, and met the delimiter only then.
        $path = Join-Path $TestDrive 'telefon.csv'
        Set-Content -Path $path -Value @('Name;Telefon;Bestellung', 'Jürgen;+447700900851;A-1')
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $result = Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hallo' -ErrorAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: To: no destination: give -To, or a column named To, Phone, *(the row has one column, 'Name;Telefon;Bestellung'): the header was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'"
    }

    It 'names the column of its own language that holds the <What> (<Column>) and how to give it under a name that binds' -ForEach @(
        # Before: only the list of names that bind; the admin had to work out the Select-Object that renames a column.
        @{ What = 'phone numbers'; Holds = 'a phone number'; Column = 'Telefon'; Culture = 'de-DE'; Value = '+447700900861'; Command = 'Send-ConnectSms'; Name = 'Phone'; Extra = @{ From = 'ACME'; Text = 'Hallo' } }
        @{ What = 'phone numbers'; Holds = 'a phone number'; Column = 'Téléphone'; Culture = 'fr-FR'; Value = '+33612345678'; Command = 'Send-ConnectSms'; Name = 'Phone'; Extra = @{ From = 'ACME'; Text = 'Bonjour' } }
        @{ What = 'email addresses'; Holds = 'an email address'; Column = 'E-Posta'; Culture = 'tr-TR'; Value = 'IPEK@EXAMPLE.COM'; Command = 'Send-ConnectEmail'; Name = 'Email'; Extra = @{ From = 'news@example.com'; Subject = 'Merhaba'; Text = 'x' } }
    ) {
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $row = [pscustomobject]@{ Name = 'Ann'; $Column = $Value }
            $result = $row | & $Command @Extra -ErrorAction SilentlyContinue
            $renamed = $row | Select-Object *, @{ n = $Name; e = [scriptblock]::Create("`$_.'$Column'") } | & $Command @Extra
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: To: no destination: give -To, or a column named To, $Name, * (the row has the columns 'Name', '$Column'): the column '$Column' holds $Holds`: add it under one of those names on the way in: ... | Select-Object ``*, @{ n = '$Name'; e = { `$_.'$Column' } } | $Command ..."
        $renamed.Status | Should -Be 'Queued'
    }

    It 'says that a CSV file has no header line, and the -Header it gives sends every line, the first one too' {
        # An export that wrote the data only: Import-Csv reads the first line as the names of the columns. Before, each row's
        # error gave the Select-Object that reads the column '+447700900871' as Phone: followed, it sent lines 2 and 3, and
        # Ann, on the first line, got nothing, with no result and no error.
        $path = Join-Path $PSScriptRoot 'Fixtures/sms-no-header-line.csv'

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi $(Column2)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike ("Row 1: To: no destination: the column '+447700900871' is named after a phone number, so the file has no " +
            "header line: Import-Csv read its first line as the names of the columns, and that line is no row, sent to no one, with no " +
            "result (the row has the columns '+447700900871', 'Ann', 'A-1'). Name the columns with Import-Csv <file> -Header Phone, Column2, " +
            "Column3 (a name for each column, in order: the other names as the text's `$(variables) use them)*")
        $results.Reason | Should -Not -BeLike '*Select-Object*'

        $named = @(Import-Csv $path -Header Phone, Column2, Column3 | Send-ConnectSms -From ACME -Text 'Hi $(Column2)')
        $named.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $named.Destination | Should -Be @('+447700900871', '+447700900872', '+447700900873')

        $mail = 'ann@example.com,Ann', 'bob@example.com,Bob' | ConvertFrom-Csv |
            Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hi' -ErrorAction SilentlyContinue
        $mail.Reason | Should -BeLike "Row 1: To: no destination: the column 'ann@example.com' is named after an email address, so the file has no header line:*-Header Email, Column2 (*"
    }

    It 'says which -Encoding a UTF-16 CSV file without a byte order mark needs (<Encoding>), instead of listing its columns and advising -Encoding 1252' -ForEach @(
        @{ Encoding = 'Unicode'; Bytes = [System.Text.UnicodeEncoding]::new($false, $false) }
        @{ Encoding = 'BigEndianUnicode'; Bytes = [System.Text.UnicodeEncoding]::new($true, $false) }
    ) {
        # Another system's export (bcp -w, a Java or database tool) that PowerShell 7 reads as UTF-8: a NUL beside each letter.
        # Before: "no destination: ... (the row has the columns 'N\u0000a\u0000m\u0000e\u0000', ...)" after a warning to read it
        # with -Encoding 1252, which does not read it either.
        $path = Join-Path $TestDrive "utf16-$Encoding.csv"
        [IO.File]::WriteAllText($path, "Name,Phone`r`nJos$([char]0xE9),+447700900861`r`n", $Bytes)

        $results = Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        $results[0].Status | Should -Be 'Invalid'
        $results[0].Reason | Should -BeLike "Row 1: To: no destination: the column '*P\u0000h\u0000o\u0000n\u0000e*' is 'Phone' misread: the file is UTF-16 (Unicode) without a byte order mark, read as UTF-8*read it with Import-Csv -Encoding $Encoding, or save it as UTF-8"
        "$warned" | Should -Not -BeLike '*1252*'
        # The warning names the same -Encoding as the reason (it said Unicode for a big-endian file), and does not say the
        # row is sent as it is: it has no destination.
        "$warned" | Should -BeLike "*Read it with -Encoding $Encoding or save it as UTF-8.*"
        # Two lines at 80 columns, as a scheduled task's log keeps it. Before: some 390 characters.
        ('WARNING: ' + $warned[0]).Length | Should -BeLessOrEqual (2 * 80)
        "$warned" | Should -Not -BeLike '*sent as it is*'
        (Import-Csv $path -Encoding $Encoding | Send-ConnectSms -From ACME -Text 'Hi $(Name)').Status | Should -Be 'Queued'
        (Get-ConnectSandboxRequest | Select-Object -Last 1).Body | Should -BeLike "*Jos$([char]0xE9)*"
    }

    It 'says to pipe the rows, or to give their <Column> column, when -To is given the rows of a CSV' -ForEach @(
        @{ Column = 'Phone'; Rows = { Import-Csv (Join-Path $PSScriptRoot '../../docs/examples/sms-recipients.csv') } }
        @{ Column = 'MobilePhone'; Rows = { @{ MobilePhone = '+447700900001'; GivenName = 'Ann' } } }
        @{ Column = 'Email'; Command = 'Send-ConnectEmail'; Rows = { Import-Csv (Join-Path $PSScriptRoot '../../docs/examples/email-recipients.csv') } }
    ) {
        # Before, the message was about the request body's destination objects ({"msisdn": [...]}), which a row is not.
        $rows = & $Rows
        $send = if ($Command -eq 'Send-ConnectEmail') { { Send-ConnectEmail -To $rows -From news@example.com -Subject 'Hi' -Text 'hi' } } else { { Send-ConnectSms -To $rows -From ACME -Text 'hi' } }
        $send | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*not rows*pipe the rows*Import-Csv people.csv | $(if ($Command) { $Command } else { 'Send-ConnectSms' })*-To `$rows.$Column*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'lists the row''s own column names when none of them is a destination' {
        $result = [pscustomobject]@{ Mobil = '+447700900831'; Name = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeLike "Row 1: To: no destination: give -To, or a column named To, Phone, *(the row has the columns 'Mobil', 'Name'): the column 'Mobil' holds a phone number: *Select-Object*"
    }
}

Describe 'How every send cmdlet reports a bad row that -ErrorAction Stop ends the command at' {
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It '<Name> writes the rows before it, then its Invalid result, then its error, and sends no later row' -ForEach @(
        @{ Name = 'Send-ConnectSms'; Column = 'Phone'; Good = '+447700900701', '+447700900703'; Bad = '07700 900702'
            Send = { $input | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop } }
        @{ Name = 'Send-ConnectEmail'; Column = 'Email'; Good = 'ann@example.com', 'cy@example.com'; Bad = 'bob@'
            Send = { $input | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'Hi $(Name)' -ErrorAction Stop } }
        @{ Name = 'Send-ConnectRcs'; Column = 'Phone'; Good = '+447700900711', '+447700900713'; Bad = '07700 900712'
            Send = { $input | Send-ConnectRcs -From 'app-1' -Text 'Hi $(Name)' -ErrorAction Stop } }
        @{ Name = 'Send-ConnectMessage'; Column = 'Phone'; Good = '+447700900721', '+447700900723'; Bad = '07700 900722'
            Send = { $input | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content @{ type = 'text'; text = 'Hi $(Name)' } -ErrorAction Stop } }
    ) {
        $rows = @(
            [pscustomobject]@{ $Column = $Good[0]; Name = 'Ann' }
            [pscustomobject]@{ $Column = $Bad; Name = 'Bob' }
            [pscustomobject]@{ $Column = $Good[1]; Name = 'Cy' }
        )
        $results = [System.Collections.Generic.List[object]]::new()
        $thrown = $null
        try {
            $rows | & $Send | ForEach-Object { $results.Add($_) }
        }
        catch {
            $thrown = $_
        }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $thrown.Exception.Message | Should -BeLike "Row 2: Invalid $Bad*"
        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Row | Should -Be 2
        @(Get-ConnectSandboxRequest).DestinationCount | Should -Be @(1)
    }
}

Describe 'Results assigned inside try under -ErrorAction Stop (as the help''s NOTES say)' {
    It 'leaves the variable unassigned when the command stops, and -OutVariable holds every result written before the stop' {
        Connect-WebexConnect -Sandbox -Tps 1000
        $rows = '+447700900901', '+447700900902', '07700 900903', '+447700900904' | ForEach-Object { [pscustomobject]@{ Phone = $_ } }
        $r = 'not assigned'

        try { $r = $rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Stop -OutVariable kept } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $r | Should -Be 'not assigned'
        @($kept | ForEach-Object { "$($_.Row):$($_.Status)" }) | Should -Be @('1:Queued', '2:Queued', '3:Invalid')
    }
}

Describe 'A preference of Inquire where no one can be asked' {
    # A thread job (or [powershell]::Create()) has no UI to prompt with, and pwsh -NonInteractive (a scheduled task)
    # refuses to prompt: the prompt for row 3's error ends the command, as Stop would. Rows 4 and 5 went in the same
    # request as row 3 (the service split it around the bad number), so they were sent and must be reported too.
    BeforeAll {
        # Runs $Commands in pwsh -NonInteractive with the module imported and a sandbox connected; its output's lines.
        function script:Invoke-NonInteractiveSend([string] $Commands) {
            . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
            $command = "Import-Module '$($script:Manifest -replace "'", "''")'; Connect-WebexConnect -Sandbox -Tps 1000; " + $Commands
            $run = Invoke-PowerShellWithInputOpen -Arguments '-NoProfile', '-NonInteractive', '-Command', $command -Environment @{ NO_COLOR = '1' }
            $run.Ended | Should -BeTrue
            $run.Text -split '\r?\n'
        }

        $script:InquireScript = {
            param($Manifest)
            $ProgressPreference = 'SilentlyContinue'
            Import-Module $Manifest
            Connect-WebexConnect -Sandbox -Tps 1000
            $rows = '+447700900801', '+447700900802', '+44', '+447700900804', '+447700900805' | ForEach-Object { [pscustomobject]@{ Phone = $_ } }
            $results = [System.Collections.Generic.List[object]]::new()
            $thrown = $null
            try { $rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Inquire | ForEach-Object { $results.Add($_) } }
            catch { $thrown = $_ }
            $accepted = @(Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201 | ForEach-Object { ($_.Body | ConvertFrom-Json).to.msisdn })
            [pscustomobject]@{
                Statuses = @($results | ForEach-Object { "$($_.Row):$($_.Status)" }) -join ' '
                Accepted = @($accepted | Sort-Object) -join ' '
                ErrorId  = if ($thrown) { $thrown.FullyQualifiedErrorId } else { '' }
            }
        }
        $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
    }

    It 'reports every row that was sent, then ends with the host''s refusal, in a thread job' {
        $run = Start-ThreadJob -ScriptBlock $script:InquireScript -ArgumentList $script:Manifest | Receive-Job -Wait -AutoRemoveJob

        $run.Accepted | Should -Be '+447700900801 +447700900802 +447700900804 +447700900805'
        $run.Statuses | Should -Be '1:Queued 2:Queued 3:Rejected 4:Queued 5:Queued'
        $run.ErrorId | Should -BeLike 'HostFunctionNotImplemented,*'
    }

    # The host's refusal ("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", ErrorId
    # InvalidOperation) named neither what asked nor what to change: it ends as PromptWithoutInput, as closed input does.
    It 'reports every row that was sent, then says why it stopped, in pwsh -NonInteractive' {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $shell = Get-PowerShellHostCommand
        $command = "& { $($script:InquireScript) } -Manifest '$($script:Manifest -replace "'", "''")' | ConvertTo-Json -Compress"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))

        $run = (& $shell.Path @($shell.Prefix) -NoProfile -NonInteractive -EncodedCommand $encoded | Select-Object -Last 1) | ConvertFrom-Json

        $run.Accepted | Should -Be '+447700900801 +447700900802 +447700900804 +447700900805'
        $run.Statuses | Should -Be '1:Queued 2:Queued 3:Rejected 4:Queued 5:Queued'
        $run.ErrorId | Should -BeLike 'PromptWithoutInput,*'
    }

    # Before: pwsh started with its input closed (cron's </dev/null, a service) and without -NonInteractive failed in
    # the console host's prompt with "Object reference not set to an instance of an object.", and rows 4 and 5, sent,
    # had no result.
    It 'reports every row that was sent, then says why it stopped, in a pwsh whose input is closed' {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $shell = Get-PowerShellHostCommand
        $command = "& { $($script:InquireScript) } -Manifest '$($script:Manifest -replace "'", "''")' | ConvertTo-Json -Compress"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))
        $start = [Diagnostics.ProcessStartInfo]::new($shell.Path)
        foreach ($argument in @($shell.Prefix) + @('-NoProfile', '-EncodedCommand', $encoded)) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.UseShellExecute = $false
        $child = [Diagnostics.Process]::Start($start)
        $child.StandardInput.Close()
        $output = $child.StandardOutput.ReadToEnd()
        $child.WaitForExit()

        # The JSON follows the unanswered prompt on its line.
        $run = [regex]::Match($output, '\{"Statuses".*\}').Value | ConvertFrom-Json
        $run.Accepted | Should -Be '+447700900801 +447700900802 +447700900804 +447700900805'
        $run.Statuses | Should -Be '1:Queued 2:Queued 3:Rejected 4:Queued 5:Queued'
        $run.ErrorId | Should -BeLike 'PromptWithoutInput,*'
    }

    # Before: the row whose question could not be asked had no result at all; under Stop it has one.
    It 'gives an Invalid row whose question cannot be asked its result, in a thread job' {
        $run = Start-ThreadJob -ArgumentList $script:Manifest -ScriptBlock {
            param($Manifest)
            $ProgressPreference = 'SilentlyContinue'
            Import-Module $Manifest
            Connect-WebexConnect -Sandbox -Tps 1000
            $results = [System.Collections.Generic.List[object]]::new()
            try { '+447700900811', 'not a number' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Inquire | ForEach-Object { $results.Add($_) } }
            catch { }
            @($results | ForEach-Object { "$($_.Row):$($_.Status)" }) -join ' '
        } | Receive-Job -Wait -AutoRemoveJob

        $run | Should -Be '1:Queued 2:Invalid'
    }

    # Before: the stop at an Invalid row's question (asked before its result) wrote no warning, as the stop at any other
    # row's error does: row 3, never read and never sent, went unmentioned in the scheduled task's log.
    It 'warns that the rows after an Invalid row whose question cannot be asked were not sent, in pwsh -NonInteractive' {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $command = "Import-Module '$($script:Manifest -replace "'", "''")'; Connect-WebexConnect -Sandbox -Tps 1000; " +
            "'+447700900821', 'not a number', '+447700900823' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Inquire; " +
            "'sent: ' + @(Get-ConnectSandboxRequest).Count"

        $run = Invoke-PowerShellWithInputOpen -Arguments '-NoProfile', '-NonInteractive', '-Command', $command -Environment @{ NO_COLOR = '1' }

        $run.Ended | Should -BeTrue
        $run.Text | Should -Match ([regex]::Escape('WARNING: Send-ConnectSms ended at the error of row 2 (InvalidInput): the 2 rows it ' +
            'read have their results, and any rows the input had after row 2 were not read, so not sent.'))
        $run.Text | Should -Match 'it runs with -NonInteractive, which refuses every question'
        $run.Text | Should -Match 'sent: 1'
    }

    # Before: the row -Confirm could not ask about had no result at all ($ov.Count was 0, as if the input were empty), and
    # neither had the row read behind a held first row whose question stopped the command; nothing but the warning said so.
    It 'gives the row it could not ask about, and a row read behind it, a result that says it was not sent, in pwsh -NonInteractive' {
        $show = "ForEach-Object { '{0}:{1}:{2}:{3}' -f `$_.Row, `$_.Status, `$_.Code, `$_.Reason }"
        $lines = Invoke-NonInteractiveSend (
            "try { '+447700900841', '+447700900842' | Send-ConnectSms -From ACME -Text 'Hi' -Confirm -OutVariable ov 3>`$null } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId }; " +
            "'CONFIRM ' + `$ov.Count; `$ov | $show; " +
            "`$rows = [pscustomobject]@{ Phone = '+447700900843' }, [pscustomobject]@{ Phone = '+447700900844'; Text = 'Hi' }; " +
            "try { `$null = `$rows | Send-ConnectSms -From ACME -ErrorAction Inquire -OutVariable held 2>`$null 3>`$null } catch { }; " +
            "'HELD ' + `$held.Count; `$held | $show; " +
            "'sent: ' + @(Get-ConnectSandboxRequest).Count")

        $lines | Should -Contain 'CAUGHT PromptWithoutInput,WebexConnect.Commands.SendConnectSmsCommand'
        $lines | Should -Contain 'CONFIRM 1'
        $lines | Should -Contain ('1:Failed:RunStopped:Not sent: the command ended before sending this row (PromptWithoutInput: ' +
            'the error after the results says why). Safe to send again.')
        $lines | Should -Contain 'HELD 2'
        @($lines | Where-Object { $_ -like '1:Invalid:InvalidInput:*' }).Count | Should -Be 1
        $lines | Should -Contain ('2:Failed:RunStopped:Not sent: the command ended before sending this row (PromptWithoutInput: ' +
            'the error after the results says why). Safe to send again.')
        $lines | Should -Contain 'sent: 0'
    }

    # Before: "$r = Import-Csv ... | Send-ConnectSms -ErrorAction Inquire" in a scheduled task left $r empty though rows 1-2
    # went (PowerShell assigns nothing when the pipeline ends in an error), and the error said "the rows already sent are
    # reported" without saying where; under -Confirm it did not say that -WhatIf previews without a question.
    It 'says, when a question cannot be asked under -NonInteractive, that an assignment keeps no results and -OutVariable does' {
        $lines = Invoke-NonInteractiveSend (
            "`$rows = '+447700900831', '+447700900832', 'not a number', '+447700900834'; " +
            "`$r = 'unset'; try { `$r = `$rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Inquire 2>`$null 3>`$null } catch { 'CAUGHT ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }; " +
            "'ASSIGNED ' + `$r; " +
            "try { `$null = `$rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Inquire -OutVariable kept 2>`$null 3>`$null } catch { }; " +
            "'KEPT ' + ((`$kept | ForEach-Object { '{0}:{1}' -f `$_.Row, `$_.Status }) -join ' '); " +
            "try { `$null = `$rows | Send-ConnectSms -From ACME -Text 'Hi' -Confirm 3>`$null } catch { 'CONFIRM ' + `$_.Exception.Message }")

        $caught = @($lines | Where-Object { $_ -like 'CAUGHT *' })[0]
        $caught | Should -BeLike 'CAUGHT PromptWithoutInput,* a $results = ... assignment keeps none of them when the command ends in an error: give -OutVariable results to keep them.*'
        $lines | Should -Contain 'ASSIGNED unset'
        $lines | Should -Contain 'KEPT 1:Queued 2:Queued 3:Invalid'
        @($lines | Where-Object { $_ -like 'CONFIRM *' })[0] | Should -BeLike '*leave out -Confirm (or give -Confirm:$false; to see what a run would send, run it once with -WhatIf instead)*'
    }
}

Describe 'What binding a row costs: no .NET exception on the common paths' {
    BeforeAll {
        # Counts first-chance exceptions on every thread of the process (the engine's too), as a debugger would see them.
        if (-not ('WebexConnectTests.FirstChanceCounter' -as [type])) {
            Add-Type -TypeDefinition @'
namespace WebexConnectTests
{
    public static class FirstChanceCounter
    {
        private static long _count;
        private static bool _listening;
        private static readonly System.Collections.Concurrent.ConcurrentQueue<string> _last = new System.Collections.Concurrent.ConcurrentQueue<string>();
        public static long Count { get { return System.Threading.Interlocked.Read(ref _count); } }
        // The latest few, to say what was thrown when a test fails.
        public static string[] Last { get { return _last.ToArray(); } }
        public static void Listen()
        {
            if (_listening) return;
            _listening = true;
            System.AppDomain.CurrentDomain.FirstChanceException += (sender, e) =>
            {
                System.Threading.Interlocked.Increment(ref _count);
                _last.Enqueue(e.Exception.GetType().Name + ": " + e.Exception.Message);
                string dropped;
                while (_last.Count > 5 && _last.TryDequeue(out dropped)) { }
            };
        }
    }
}
'@
        }
        [WebexConnectTests.FirstChanceCounter]::Listen()

        # The exceptions thrown while $Run runs; it runs once first, so one-time work (loading, JIT) is not counted.
        # Anything the command throws, it throws on every run; a stray exception of other work in this process
        # (PowerShell's telemetry failing to reach its server without a network, when not opted out) does not come
        # back at once, so a run with none is tried for three times. The result says what the last run caught.
        function script:Measure-Exception([scriptblock] $Run) {
            $null = & $Run
            foreach ($try in 1..3) {
                $before = [WebexConnectTests.FirstChanceCounter]::Count
                $null = & $Run
                $count = [WebexConnectTests.FirstChanceCounter]::Count - $before
                if ($count -eq 0) { break }
            }
            [pscustomobject]@{ Count = $count; Thrown = [WebexConnectTests.FirstChanceCounter]::Last -join '; ' }
        }

        $script:csv = Join-Path $TestDrive 'people.csv'
        $lines = @('Phone,Email,Name,Code,Text') + (1..200 | ForEach-Object {
            '+4477009{0:d5},user{0}@example.com,Person {0},C{0},Your code is $(Code)' -f $_ })
        Set-Content -Path $script:csv -Value $lines
        $script:numbers = 1..200 | ForEach-Object { '+4477009{0:d5}' -f $_ }
        $script:addresses = 1..200 | ForEach-Object { 'user{0}@example.com' -f $_ }
    }

    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000000 }

    It '<Name> throws no exception for 200 rows' -ForEach @(
        @{ Name = 'Import-Csv | Send-ConnectSms'; Run = { Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' } }
        @{ Name = 'Import-Csv | Send-ConnectSms (Text column)'; Run = { Import-Csv $csv | Send-ConnectSms -From ACME } }
        @{ Name = 'strings | Send-ConnectSms'; Run = { $numbers | Send-ConnectSms -From ACME -Text 'Hello' } }
        @{ Name = 'hashtables | Send-ConnectSms'; Run = { $numbers | ForEach-Object { @{ Phone = $_; Name = 'Ann' } } | Send-ConnectSms -From ACME -Text 'Hi $(Name)' } }
        @{ Name = 'Send-ConnectSms -To'; Run = { Send-ConnectSms -To $numbers -From ACME -Text 'Hello' } }
        @{ Name = 'Import-Csv | Send-ConnectEmail'; Run = { Import-Csv $csv | Send-ConnectEmail -From news@example.com -Subject 'Hi $(Name)' } }
        @{ Name = 'strings | Send-ConnectEmail'; Run = { $addresses | Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hello' } }
        @{ Name = 'Send-ConnectEmail -To'; Run = { Send-ConnectEmail -To $addresses -From news@example.com -Subject 'Hi' -Text 'Hello' } }
        @{ Name = 'Import-Csv | Send-ConnectRcs'; Run = { Import-Csv $csv | Send-ConnectRcs -From app-1 -Text 'Hi $(Name)' } }
        @{ Name = 'strings | Send-ConnectRcs'; Run = { $numbers | Send-ConnectRcs -From app-1 -Text 'Hello' } }
        @{ Name = 'Send-ConnectRcs -To'; Run = { Send-ConnectRcs -To $numbers -From app-1 -Text 'Hello' } }
        @{ Name = 'Import-Csv | Measure-ConnectSms'; Run = { Import-Csv $csv | Measure-ConnectSms } }
        @{ Name = 'strings | Measure-ConnectSms'; Run = { $numbers | Measure-ConnectSms } }
        @{ Name = 'hashtables | Measure-ConnectSms'; Run = { $numbers | ForEach-Object { @{ Text = $_ } } | Measure-ConnectSms } }
        @{ Name = 'Measure-ConnectSms -Text'; Run = { Measure-ConnectSms -Text 'Hello there' } }
    ) {
        $thrown = Measure-Exception $Run
        $thrown.Count | Should -Be 0 -Because "it threw $($thrown.Thrown)"
    }

    It '<Name> binds a row''s destination cell at the binder''s first by-name stage, and looks for a CorrelationId column twice' -ForEach @(
        @{ Name = 'Send-ConnectSms'; Row = [pscustomobject]@{ Phone = ' +447700900001 '; Name = 'Ann' }; Run = { $input | Send-ConnectSms -From ACME -Text 'Hi' } }
        @{ Name = 'Send-ConnectEmail'; Row = [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' }; Run = { $input | Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hello' } }
        @{ Name = 'Send-ConnectRcs'; Row = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }; Run = { $input | Send-ConnectRcs -From app-1 -Text 'Hi' } }
        @{ Name = 'Send-ConnectMessage'; Row = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }; Run = { $input | Send-ConnectMessage -Channel whatsapp -From app-1 -Content @{ type = 'text'; text = 'Hi' } } }
    ) {
        # A cell is a string, no ConnectDestination: without -To's transformation PowerShell fails the stage that
        # converts nothing, tries every set again and converts the cell in a later stage (1.5 us a row, measured).
        $log = Join-Path $TestDrive "$Name-binding.log"
        Trace-Command -Name ParameterBinding -FilePath $log -Expression { $Row | & $Run | Out-Null }
        $trace = Get-Content -LiteralPath $log -Raw
        $toLines = @($trace -split "`n" | Where-Object { $_ -match 'Parameter \[To\] PIPELINE INPUT' })
        $toLines.Count | Should -Be 1 -Because 'the first by-name stage binds it'
        $toLines[0] | Should -Match 'NO COERCION'
        $trace | Should -Match 'to param \[To\] SUCCESSFUL'
        # The row has no CorrelationId column: looked up once per by-name stage, not again in the pass over other sets.
        @($trace -split "`n" | Where-Object { $_ -match 'Parameter \[CorrelationId\] PIPELINE INPUT' }).Count | Should -Be 2
        # Bound as PowerShell's conversion would have: the constructor's trimmed address.
        (Get-ConnectSandboxRequest)[-1].Body | Should -Match ([regex]::Escape($Row.PSObject.Properties.Value[0].Trim()))
    }

    It 'ends a session without an exception when Connect-WebexConnect replaces it' {
        # Each run's Connect ends the session of the run before, whose rate gate had work to do; its end runs on a
        # pool thread, so the run waits for it. (Ended by cancelling a token, it threw two per session.)
        $replace = {
            Connect-WebexConnect -Sandbox -Tps 1000000
            Send-ConnectSms -To $numbers[0] -From ACME -Text 'Hello'
            Start-Sleep -Milliseconds 300
        }
        $thrown = Measure-Exception $replace
        $thrown.Count | Should -Be 0 -Because "it threw $($thrown.Thrown)"
    }
}

Describe 'Tab completion of column names from the Import-Csv before the send cmdlet' {
    BeforeAll {
        # Completion runs in the current location, as at the prompt: the files are in a folder of their own.
        $script:Folder = Join-Path $TestDrive 'csv folder'
        $null = New-Item -ItemType Directory -Path $script:Folder -Force
        Set-Content -LiteralPath (Join-Path $script:Folder 'contacts.csv') -Value @('Phone,First Name,Balance', '+447700900001,Ann,12')
        Set-Content -LiteralPath (Join-Path $script:Folder 'semicolon.csv') -Value @('Phone;Name', '+447700900001;Ann')
        function script:Complete([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
        }
    }

    BeforeEach { Push-Location -LiteralPath $script:Folder }
    AfterEach { Pop-Location }

    It 'completes -SubstitutionColumn of <_> with the CSV''s columns, quoting a name with a space' -ForEach @(
        'Send-ConnectSms', 'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectMessage'
    ) {
        # Before, Tab offered the current folder's files (contacts.csv, semicolon.csv), which are never a column.
        Complete "Import-Csv .\contacts.csv | Where-Object Phone | $_ -From ACME -SubstitutionColumn " |
            Should -Be @('Phone', "'First Name'", 'Balance')
        Complete "Import-Csv -LiteralPath contacts.csv | $_ -SubstitutionColumn Balance, f" | Should -Be @("'First Name'")
    }

    It 'quotes a column name PowerShell would read as a number (01, 1e5, 0x10)' {
        # Before: completed bare, so -SubstitutionColumn 01 bound 1 and 1e5 bound 100000.
        Set-Content -LiteralPath (Join-Path $script:Folder 'numbers.csv') -Value @('Phone,01,1e5,0x10,Q1', '+447700900001,a,b,c,d')

        Complete 'Import-Csv numbers.csv | Send-ConnectSms -SubstitutionColumn ' | Should -Be @('Phone', "'01'", "'1e5'", "'0x10'", 'Q1')
    }

    It 'completes -ToProperty of Send-ConnectMessage the same way, and reads the CSV as that Import-Csv would' {
        Complete 'ipcsv semicolon.csv -Delimiter '';'' | Send-ConnectMessage -Channel whatsapp -ToProperty ' | Should -Be @('Phone', 'Name')
        Complete 'Import-Csv contacts.csv -Header A, ''B C'' | Send-ConnectMessage -ToProperty ' | Should -Be @('A', "'B C'")
    }

    It 'completes the columns of the path a variable holds, as set at the prompt before the pipeline: <_>' -ForEach @(
        'Import-Csv $contactsCsv | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv -LiteralPath "$csvFolder/contacts.csv" | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv $env:WEBEXCONNECT_TEST_CSV | Send-ConnectMessage -ToProperty '
    ) {
        # Before, a path in a variable ($csv = 'C:\lists\june.csv'; Import-Csv $csv | ...) completed nothing. The
        # variables are the prompt's, hence global (named apart from this file's own $csv, which would come first).
        $global:contactsCsv = Join-Path $script:Folder 'contacts.csv'
        $global:csvFolder = $script:Folder
        $env:WEBEXCONNECT_TEST_CSV = $global:contactsCsv
        try { Complete $_ | Should -Be @('Phone', "'First Name'", 'Balance') }
        finally { Remove-Variable -Scope Global -Name contactsCsv, csvFolder; Remove-Item Env:WEBEXCONNECT_TEST_CSV }
    }

    It 'reads no variable that is not text, so no ToString of a script''s class runs: <_>' -ForEach @(
        'Import-Csv $contactsItem | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv "$contactsItem" | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv "$($contactsCsv)" | Send-ConnectSms -SubstitutionColumn '
    ) {
        $global:contactsCsv = Join-Path $script:Folder 'contacts.csv'
        $global:contactsItem = Get-Item -LiteralPath $global:contactsCsv
        try { Complete $_ | Should -BeNullOrEmpty }
        finally { Remove-Variable -Scope Global -Name contactsCsv, contactsItem }
    }

    It 'completes the columns of a CSV that has a header and no rows yet: <_>' -ForEach @(
        'Import-Csv header-only.csv | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv typed-header-only.csv -Delimiter '';'' | Send-ConnectSms -SubstitutionColumn '
    ) {
        # Before, a template or a list still to be filled completed nothing: Import-Csv gave no row to name the columns.
        Set-Content -LiteralPath (Join-Path $script:Folder 'header-only.csv') -Value 'Phone,First Name,Balance'
        Set-Content -LiteralPath (Join-Path $script:Folder 'typed-header-only.csv') -Value '#TYPE Contact', 'Phone;First Name;Balance'
        Complete $_ | Should -Be @('Phone', "'First Name'", 'Balance')
    }

    It 'completes nothing for an empty CSV file, rather than a column of its own making' {
        Set-Content -LiteralPath (Join-Path $script:Folder 'empty.csv') -Value @()
        Complete 'Import-Csv empty.csv | Send-ConnectSms -SubstitutionColumn ' | Should -BeNullOrEmpty
    }

    It 'leaves $Error as it was when the Import-Csv cannot read its file: <_>' -ForEach @(
        'Import-Csv missing.csv | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv named-twice.csv | Send-ConnectSms -SubstitutionColumn '
    ) {
        # Before, each Tab added Import-Csv's "Could not find file" (or "The member is already present") to $Error, so
        # $Error[0], read after a failed command, was the completion's and not the command's.
        Set-Content -LiteralPath (Join-Path $script:Folder 'named-twice.csv') -Value 'Phone,Phone', '+447700900001,x'
        Write-Error 'the admin''s own last error' -ErrorAction SilentlyContinue
        $last, $count = $Error[0], $Error.Count
        Complete $_ | Should -BeNullOrEmpty
        $Error.Count | Should -Be $count
        [object]::ReferenceEquals($Error[0], $last) | Should -BeTrue -Because "`$Error[0] is now: $($Error[0])"
    }

    It 'leaves a full $Error as it was, its oldest entry too' {
        # A long session (or a whole Pester run) holds as many errors as $Error keeps (256): a new one pushes out the oldest.
        1..300 | ForEach-Object { try { throw "filler $_" } catch { } }
        $first, $oldest, $count = $Error[0], $Error[$Error.Count - 1], $Error.Count

        Complete 'Import-Csv missing.csv | Send-ConnectSms -SubstitutionColumn ' | Should -BeNullOrEmpty

        $Error.Count | Should -Be $count
        [object]::ReferenceEquals($Error[0], $first) | Should -BeTrue
        [object]::ReferenceEquals($Error[$Error.Count - 1], $oldest) | Should -BeTrue
    }

    It 'offers neither columns nor file names when no constant Import-Csv comes before: <_>' -ForEach @(
        'Send-ConnectSms -SubstitutionColumn '
        'Import-Csv (New-Item -ItemType File ran.csv) | Send-ConnectSms -SubstitutionColumn '
        'Import-Csv missing.csv | Send-ConnectSms -SubstitutionColumn '
    ) {
        Complete $_ | Should -BeNullOrEmpty
        # Nothing of the command line is run to find the file: New-Item in the argument made no file.
        Test-Path -LiteralPath (Join-Path $script:Folder 'ran.csv') | Should -BeFalse
    }
}

Describe 'What one call costs, for a script that sends a row a call' {
    BeforeAll {
        if (-not ('WebexConnectTests.ThreadAllocations' -as [type])) {
            Add-Type -TypeDefinition @'
namespace WebexConnectTests
{
    public static class ThreadAllocations
    {
        public static long Now() { return System.GC.GetAllocatedBytesForCurrentThread(); }
    }
}
'@
        }
    }

    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000000 }

    It 'allocates under 46 KB on the pipeline thread beyond what PowerShell itself takes for a statement of two commands' {
        # Counted in bytes, not timed. Before session 28 a call parsed its own statement again to look for a $(name) that
        # double quotes had expanded, though the statement had no $( at all, and read -To's aliases again: some 92,500 B a
        # call, 77,000 B after, where Write-Output | Out-Null takes some 38,500 B.
        foreach ($i in 1..30) { Send-ConnectSms -To +447700900001 -From ACME -Text "Hi $i" | Out-Null; Write-Output "Hi $i" | Out-Null }
        $before = [WebexConnectTests.ThreadAllocations]::Now()
        foreach ($i in 1..50) { Send-ConnectSms -To +447700900001 -From ACME -Text "Hi $i" | Out-Null }
        $call = ([WebexConnectTests.ThreadAllocations]::Now() - $before) / 50
        $before = [WebexConnectTests.ThreadAllocations]::Now()
        foreach ($i in 1..50) { Write-Output "Hi $i" | Out-Null }
        $statement = ([WebexConnectTests.ThreadAllocations]::Now() - $before) / 50

        $call - $statement | Should -BeLessThan 46000 -Because "a call took $call B, the statement $statement B"
    }
}

Describe 'When a part-full request goes: a pause of the input, not a busy pipeline' {
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'keeps filling the request while the command before it computes the next row, as on a starved machine (Linux)' -Skip:(-not $IsLinux) {
        # At load 50 on 2 cores the pipeline thread waits for a CPU between rows, and each wait of 50 ms sent every request
        # held part-full: 600 rows of 40 managers went in 225-328 requests instead of 40. A command that computes between
        # rows keeps the pipeline thread busy the same way; its rows are not a pause, and go together (within a second).
        $results = @(1..6 | ForEach-Object {
                $until = [datetime]::UtcNow.AddMilliseconds(100)
                while ([datetime]::UtcNow -lt $until) { }
                '+4477009006{0:d2}' -f $_
            } | Send-ConnectSms -From ACME -Text 'Hi')

        $results.Status | Should -Be (@('Queued') * 6)
        $results.Row | Should -Be @(1..6)
        # Before: 6, one a row. A second of it (under load) may send what it holds once.
        @(Get-ConnectSandboxRequest).Count | Should -BeLessOrEqual 2
    }

    It 'sends each row alone when the command before it sleeps between rows, so a slow source gets each result as it comes' {
        $results = @(1..3 | ForEach-Object { Start-Sleep -Milliseconds 1500; '+4477009006{0:d2}' -f $_ } | Send-ConnectSms -From ACME -Text 'Hi')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        (Get-ConnectSandboxRequest).DestinationCount | Should -Be @(1, 1, 1)
    }
}
