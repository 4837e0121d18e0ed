#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Rows from a database: Invoke-Sqlcmd ... | Send-ConnectSms gives System.Data.DataRow objects whose empty cells are [DBNull]::Value
# and whose columns are typed ([long] phone numbers, [decimal], [int], [datetime], [bool]); a script's loop passes their cells
# (foreach ($r in $table.Rows) { Send-ConnectEmail -To $r.Email ... }). Every row ends as one result: a NULL cell is the
# parameter left out, as an empty CSV cell is; a value that is wrong is that row's Invalid result, naming the row and the field.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    function script:Get-SentBody { Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json } }

    # A DataTable as Invoke-Sqlcmd -OutputAs DataTables returns it: typed columns, NULL cells as DBNull.
    function script:New-Table([string[]] $Columns, [type[]] $Types, [object[]] $Rows) {
        $table = New-Object System.Data.DataTable
        for ($i = 0; $i -lt $Columns.Count; $i++) { [void]$table.Columns.Add($Columns[$i], $Types[$i]) }
        foreach ($row in $Rows) {
            $cells = foreach ($value in $row) { if ($null -eq $value) { [DBNull]::Value } else { $value } }
            [void]$table.Rows.Add([object[]]@($cells))
        }
        , $table
    }

    # Runs $Body (the loop's statement, $r the row) over the table's rows as the admin's script does, in a script file
    # with PowerShell's default error preference; returns the results, the errors and what the sandbox received.
    function script:Invoke-TableLoop($Table, [string] $Body) {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $file = Join-Path $TestDrive 'table-loop.ps1'
        Set-Content $file -Value (("param(`$Table)", "`$ErrorActionPreference = 'Continue'",
            "foreach (`$r in `$Table.Rows) { $Body -WarningAction SilentlyContinue }") -join "`n")
        $out = @(& $file -Table $Table 2>&1)
        [pscustomobject]@{
            Results = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
            Errors  = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Sent    = @(Get-SentBody)
        }
    }
}

AfterAll { Connect-WebexConnect -Sandbox -Tps 1000 }

Describe 'DataRows piped into Send-ConnectSms' {
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null }

    It 'reads typed cells and NULL cells as a CSV''s: each row one result, a NULL that is needed naming the row and the column' {
        $at = [datetime]::SpecifyKind([datetime]::UtcNow.Date.AddDays(3).AddHours(9), 'Utc')
        $table = New-Table 'Phone', 'SendAt', 'CorrelationId', 'Amount', 'Paid', 'Name' ([string], [datetime], [int], [decimal], [bool], [string]) @(
            , @("+447700900001", $at, 7, 2.50d, $true, "Ann")
            , @('+447700900002', $null, $null, [decimal]3, $false, 'Bo')
            , @('+447700900003', $null, 9, $null, $false, 'Cy')
            , @($null, $null, 10, [decimal]1, $false, 'Di'))

        $results = @($table.Rows | Send-ConnectSms -From Helpdesk -Text 'Hi $(Name): $(Amount) ($(Paid))' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Row | Should -Be 1, 2, 3, 4
        $results.Status | Should -Be 'Scheduled', 'Queued', 'Invalid', 'Invalid'
        $results[0].CorrelationId | Should -Be '7'
        $results[2].Reason | Should -BeLike "Row 3: Text: `$(Amount) has no value: the row's column 'Amount' is empty (*a database's NULL*"
        $results[3].Reason | Should -BeExactly "Row 4: To: no destination: the row's 'Phone' column is empty"
        $sent = @(Get-SentBody)
        $sent.Count | Should -Be 2
        ([datetime]$sent[0].sendAt).ToUniversalTime() | Should -Be $at
        $sent[0].to[0].substitutions.Amount | Should -BeExactly '2.50'
        $sent[0].to[0].substitutions.Paid | Should -BeExactly 'True'
        $sent[1].PSObject.Properties['sendAt'] | Should -BeNullOrEmpty
    }

    It 'says how to add the + that a [long] Phone column cannot hold, and -To { ''+'' + $_.Phone } sends each row once' {
        $table = New-Table 'Phone', 'Name' ([long], [string]) @(, @([long]447700900001, 'Ann'), @($null, 'Bo'), @([long]447700900003, 'Cy'))

        $before = @($table.Rows | Send-ConnectSms -From Helpdesk -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $before.Status | Should -Be 'Invalid', 'Invalid', 'Invalid'
        $before[0].Reason | Should -BeLike "Row 1: Phone: '447700900001' is not an E.164 number (the + is missing)*; or add the + as rows are read: -To { '+' + `$_.Phone }"
        $before[1].Reason | Should -BeExactly "Row 2: To: no destination: the row's 'Phone' column is empty"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # The advice as written, piped: PowerShell runs the script block for each row.
        $after = @($table.Rows | Send-ConnectSms -To { '+' + $_.Phone } -From Helpdesk -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $after.Row | Should -Be 1, 2, 3
        $after.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $after[1].Reason | Should -BeLike "Row 2: To: '+' is not an E.164 number*"
        $sent = @(Get-SentBody)
        $sent.to.msisdn | Should -Be '+447700900001', '+447700900003'
        $sent.to.substitutions.Name | Should -Be 'Ann', 'Cy'
    }
}

Describe 'DataRows piped into Send-ConnectEmail' {
    It 'takes NULL Cc, Bcc, Attachment, ReplyTo and Html cells as none, and a NULL Subject as the row''s Invalid result' {
        # Before: a NULL Attachment cell was read as one attachment with no URL, and its row was Invalid
        # ("Attachments[0].MimeType: MimeType is required ... Attachment[0]: MediaUrl is required").
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $table = New-Table 'Email', 'Subject', 'Text', 'Html', 'Cc', 'Bcc', 'Attachment', 'ReplyTo', 'CorrelationId' (
            [string], [string], [string], [string], [string], [string], [string], [string], [long]) @(
            , @('a@example.com', 'S', 'Body', $null, $null, $null, $null, $null, $null)
            , @('b@example.com', 'S', $null, '<p>x</p>', 'c@example.com', $null, 'https://example.com/a.pdf', 'r@example.com', [long]5)
            , @('c@example.com', $null, 'Body', $null, $null, $null, $null, $null, [long]6))

        $results = @($table.Rows | Send-ConnectEmail -From desk@example.com -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Row | Should -Be 1, 2, 3
        $results.Status | Should -Be 'Queued', 'Queued', 'Invalid'
        $results[1].CorrelationId | Should -Be '5'
        $results[2].Reason | Should -BeExactly 'Row 3: Subject: the email has no subject: give -Subject or a Subject column, or a template (-TemplateId)'
        $sent = @(Get-SentBody)
        $first = $sent | Where-Object { $_.to.email -contains 'a@example.com' }
        $first.content.PSObject.Properties['attachments'] | Should -BeNullOrEmpty
        $first.PSObject.Properties['cc'] | Should -BeNullOrEmpty
        ($sent | Where-Object { $_.to.email -contains 'b@example.com' }).content.attachments.mediaUrl | Should -Be 'https://example.com/a.pdf'
    }
}

Describe 'A loop of one-row calls over a DataTable''s rows' {
    It 'takes a NULL cell as the parameter left out: <Name>' -ForEach @(
        @{ Name = 'SMS switches, times, validity, URL, encoding, receipts, columns'
           Body = 'Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -SendAt $r.Cell -ExpireAt $r.Cell -Validity $r.Cell -NotifyUrl $r.Cell -Encoding $r.Cell -RequestedReceipt $r.Cell -SubstitutionColumn $r.Cell -TrackClicks:$r.Cell -AllowMissingSubstitution:$r.Cell -ResendUnknown:$r.Cell'
           Absent = 'sendAt', 'expireAt', 'validity', 'notifyUrl', 'requestedReceipts' }
        @{ Name = 'email switches'
           Body = 'Send-ConnectEmail -To $r.Email -From desk@example.com -Subject S -Text Body -TrackClicks:$r.Cell -TrackOpens:$r.Cell -MultipleToRecipients:$r.Cell -SendAt $r.Cell'
           Absent = 'sendAt' }
        @{ Name = 'RCS -SmsFallback'
           Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Text Hi -SmsFallback:$r.Cell -Validity $r.Cell'
           Absent = 'validity' }
        @{ Name = 'Send-ConnectMessage -RequestedReceipt, -SubstitutionColumn, -NotifyUrl, -SendAt'
           Body = 'Send-ConnectMessage -Channel whatsapp -To $r.Phone -From wa-app-1 -Content @{ type = ''text''; text = ''Hi'' } -RequestedReceipt $r.Cell -SubstitutionColumn $r.Cell -NotifyUrl $r.Cell -SendAt $r.Cell'
           Absent = 'sendAt', 'requestedReceipts', 'notifyUrl' }
    ) {
        # Before: PowerShell's binder refused DBNull for a switch, a time, a URL, an SMS encoding ("Cannot convert 'System.DBNull'
        # ..."), -SubstitutionColumn and Send-ConnectMessage's -RequestedReceipt (ValidateNotNullOrEmpty): the statement ended
        # without the row's result. -ExpireAt and -Validity made the row Invalid ("'' is not a time", "a DBNull is not a duration").
        $table = New-Table 'Phone', 'Email', 'Cell' ([string], [string], [string]) @(, @('+447700900001', 'a@example.com', $null), @('+447700900002', 'b@example.com', $null))

        $run = Invoke-TableLoop $table $Body

        $run.Errors | Should -BeNullOrEmpty
        $run.Results.Status | Should -Be 'Queued', 'Queued'
        $run.Sent.Count | Should -Be 2
        @($run.Sent | ForEach-Object { $_.options.trackClicks; $_.options.trackOpens }) -contains $true | Should -BeFalse
        foreach ($member in $Absent) { $run.Sent | ForEach-Object { $_.PSObject.Properties[$member] | Should -BeNullOrEmpty -Because "a NULL $member is none" } }
    }

    It 'takes a NULL or empty -Card, -Carousel or -Suggestion cell as the parameter left out: <Name>' -ForEach @(
        @{ Name = 'no chips, the text sent'; Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Text Hi -Suggestion $r.Cell'; Status = 'Queued' }
        @{ Name = 'no chips, the card sent'; Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Card (New-ConnectRcsCard -Title Hi) -Suggestion $r.Cell'; Status = 'Queued' }
        @{ Name = 'no card, the row Invalid'; Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Card $r.Cell'; Status = 'Invalid'; Reason = 'Row 1: Card: a card is required*' }
        @{ Name = 'no carousel, the row Invalid'; Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Carousel $r.Cell'; Status = 'Invalid'; Reason = 'Row 1: Carousel: a carousel takes 2 to 10 cards*' }
        @{ Name = 'a carousel''s card not there, the row Invalid'; Body = 'Send-ConnectRcs -To $r.Phone -From app-1 -Carousel (New-ConnectRcsCard -Title A), $r.Cell'; Status = 'Invalid'; Reason = 'Row 1: Carousel`[1`]: the card is $null*' }
    ) {
        # Before: "Invalid cast from 'System.DBNull' to 'WebexConnect.Messages.RcsCard'" (a CSV's '': 'Cannot convert the ""
        # value', or -Card's "takes a card ..., not the text ''"): the statement ended and the row had no result.
        $table = New-Table 'Phone', 'Cell' ([string], [object]) @(, @('+447700900001', $null), @('+447700900002', ''))

        $run = Invoke-TableLoop $table $Body

        $run.Results.Status | Should -Be $Status, $Status
        if ($Status -eq 'Queued') {
            $run.Errors | Should -BeNullOrEmpty
            $run.Sent.Count | Should -Be 2
            $run.Sent | ForEach-Object { $_.content.PSObject.Properties['suggestions'] | Should -BeNullOrEmpty }
        }
        else {
            $run.Results.Reason | ForEach-Object { $_ | Should -BeLike $Reason }
            $run.Errors.Count | Should -Be 2 -Because 'each row''s Invalid result is written as its error too, not the binder''s'
            @($run.Sent) | Should -BeNullOrEmpty
        }
    }

    It 'reads a [bool] cell as the switch: True on, False off' {
        $table = New-Table 'Email', 'Track' ([string], [bool]) @(, @('a@example.com', $true), @('b@example.com', $false))

        $run = Invoke-TableLoop $table 'Send-ConnectEmail -To $r.Email -From desk@example.com -Subject S -Text Body -TrackOpens:$r.Track'

        $run.Results.Status | Should -Be 'Queued', 'Queued'
        ($run.Sent | ForEach-Object { [bool]$_.options.trackOpens }) | Should -Be $true, $false
    }

    It 'sends a [datetime] -SendAt at the time it names: a UTC one as UTC, an Unspecified or Local one (SQL''s datetime) on this computer''s clock' {
        $clock = [datetime]::Now.Date.AddDays(3).AddHours(9)
        $table = New-Table 'Phone', 'SendAt' ([string], [datetime]) @(
            , @('+447700900001', [datetime]::SpecifyKind($clock, 'Unspecified'))
            , @('+447700900002', [datetime]::SpecifyKind($clock, 'Local'))
            , @('+447700900003', [datetime]::SpecifyKind($clock, 'Utc')))

        $run = Invoke-TableLoop $table 'Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -SendAt $r.SendAt'

        $run.Results.Status | Should -Be 'Scheduled', 'Scheduled', 'Scheduled'
        $local = ([datetimeoffset][datetime]::SpecifyKind($clock, 'Local')).UtcDateTime
        ($run.Sent | ForEach-Object { ([datetime]$_.sendAt).ToUniversalTime() }) | Should -Be $local, $local, ([datetime]::SpecifyKind($clock, 'Utc'))
    }

    It 'makes a [decimal] -Validity cell the row''s Invalid result, saying to write its unit, and sends a whole [int] as seconds' {
        # A decimal is also what PowerShell makes of 2d typed unquoted, so it is refused, not sent as 2 seconds; before, the
        # reason spoke only of typing 2d, of a value the admin never typed.
        $table = New-Table 'Phone', 'Validity' ([string], [object]) @(, @('+447700900001', [decimal]2), @('+447700900002', [decimal]2.5), @('+447700900003', [int]7200))

        $run = Invoke-TableLoop $table 'Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -Validity $r.Validity'

        $run.Results.Status | Should -Be 'Invalid', 'Invalid', 'Queued'
        $run.Results[0].Reason | Should -BeExactly ("Row 1: Validity: 2d, unquoted, is read by PowerShell as the number 2 (a d after digits makes a decimal), as is a " +
            "database's decimal cell of 2: it could mean seconds or days, so write the unit in quotes: '2d' for days, '2s' for seconds (from a cell, `"`$(`$r.Column)s`"); or leave -Validity out for none")
        $run.Results[1].Reason | Should -BeLike "Row 1: Validity: *'2.5d' for days, '2.5h' for hours (from a cell, `"`$(`$r.Column)h`"); or leave -Validity out for none"
        $run.Errors.Count | Should -Be 2
        @($run.Sent).Count | Should -Be 1
        $run.Sent[0].validity | Should -Be '7200'

        # The advice as written works: the unit after the cell's number.
        $run = Invoke-TableLoop $table 'Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -Validity "$($r.Validity)h"'
        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Invalid'
        $run.Sent.validity | Should -Be '7200', '9000'
    }
}

Describe 'Send-ConnectMessage given a NULL -Content cell in a loop' {
    It 'makes the row''s Invalid result say it is a database''s NULL, and sends the others' {
        # Before: "Row 2: Content: it The value is a DBNull, which JSON cannot carry".
        $table = New-Table 'Phone', 'Json' ([string], [string]) @(, @('+447700900001', '{"type":"text","text":"Hi"}'), @('+447700900002', $null), @('+447700900003', '{"type":"text","text":"Hi"}'))

        $run = Invoke-TableLoop $table 'Send-ConnectMessage -Channel whatsapp -To $r.Phone -Content $r.Json -From wa-app-1'

        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly "Row 1: Content: it is a database's NULL (DBNull): give the content object as a hashtable or a JSON string ({...})"
        $run.Errors.Count | Should -Be 1
        @($run.Sent).Count | Should -Be 2
    }
}

Describe 'Send-ConnectMessage given a NULL -AdditionalProperty cell in a loop' {
    It 'says it in one sentence, for the whole cell and for a member, and sends the other rows' {
        # Before: "it The value is a DBNull, which JSON cannot carry" (a member: "it 'appid' is a DBNull"), two sentences glued.
        $table = New-Table 'Phone', 'Extra' ([string], [string]) @(, @('+447700900001', '{"appid":"a1"}'), @('+447700900002', $null), @('+447700900003', '{"appid":"a1"}'))

        $run = Invoke-TableLoop $table 'Send-ConnectMessage -Channel sms -To $r.Phone -Content @{ text = "Hi" } -From A -AdditionalProperty $r.Extra'
        $member = Invoke-TableLoop $table 'Send-ConnectMessage -Channel sms -To $r.Phone -Content @{ text = "Hi" } -From A -AdditionalProperty ([pscustomobject]@{ appid = $r.Extra })'

        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly ("Row 1: AdditionalProperty: it is a database's NULL (DBNull): give the other members as a hashtable " +
            "(@{ appid = 'my-app' }) or a JSON string ({...}), or leave -AdditionalProperty out")
        @($run.Sent).Count | Should -Be 2
        $member.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $member.Results[1].Reason | Should -BeExactly "Row 1: AdditionalProperty: its member 'appid' is a database's NULL (DBNull): give the cell a value, or leave the member out."
    }

    It 'makes a hashtable''s NULL member the row''s Invalid result, as a [pscustomobject]''s, and sends the other rows' {
        # Before: @{ appid = $r.Extra } of a NULL cell stopped the call (InvalidAdditionalProperty, "member 'appid' is a database's
        # NULL"), and the loop's row had no result, where a $null member was sent and a [pscustomobject]'s NULL member was Invalid.
        $table = New-Table 'Phone', 'Extra' ([string], [string]) @(, @('+447700900001', 'a1'), @('+447700900002', $null), @('+447700900003', 'a3'))

        $run = Invoke-TableLoop $table 'Send-ConnectMessage -Channel sms -To $r.Phone -Content ''{"text":"hi"}'' -From 12345 -AdditionalProperty @{ appid = $r.Extra; tag = ''t'' }'

        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Code | Should -BeExactly 'InvalidAdditionalProperty'
        $run.Results[1].Reason | Should -BeExactly "Row 1: AdditionalProperty: its member 'appid' is a database's NULL (DBNull): give the cell a value, or leave the member out."
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAdditionalProperty,*'
        $run.Sent.appid | Should -Be 'a1', 'a3'
    }
}

Describe 'A loop that gives -Session a row''s Tenant cell rather than the session it names' {
    It 'makes each such row, a text or a NULL, its Invalid result naming what it was given and what to write; the looked-up session sends' {
        # Before: PowerShell's binder refused the text and the DBNull ("Cannot convert the "uk" value ... to type
        # "WebexConnect.Results.ConnectSession""), and the statement ended without the row's result.
        $table = New-Table 'Phone', 'Tenant' ([string], [string]) @(, @('+447700900001', 'uk'), @('+447700900002', $null), @('+447700900003', 'uk'))

        $run = Invoke-TableLoop $table 'Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -Session $r.Tenant'

        $run.Results.Status | Should -Be 'Invalid', 'Invalid', 'Invalid'
        $run.Results.Code | Should -Be 'CannotConvertArgumentNoMessage', 'ParameterArgumentValidationError', 'CannotConvertArgumentNoMessage'
        $run.Results[0].Reason | Should -BeLike 'Row 1: Session: the text ''uk'' is no session: give the session object that Connect-WebexConnect -PassThru returned (*-Session $sessions`[$u.Region`])*'
        $run.Results[1].Reason | Should -BeLike "Row 1: Session: it is a database's NULL (DBNull), so the row has no session to be sent with: *"
        $run.Errors.Count | Should -Be 3
        @($run.Sent).Count | Should -Be 0

        $run = Invoke-TableLoop $table '$sessions = @{ uk = (Get-ConnectContext) }; Send-ConnectSms -To $r.Phone -From Helpdesk -Text Hi -Session $sessions[$r.Tenant]'
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        @($run.Sent).Count | Should -Be 2
    }
}
