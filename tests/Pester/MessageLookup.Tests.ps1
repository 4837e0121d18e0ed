#Requires -Version 5.1
# Pester 5: Get-ConnectMessage and Test-WebexConnect in the real host, against the sandbox (and a closed port).
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $script:Csv = Join-Path $PSScriptRoot '../../docs/examples/sms-recipients.csv'
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ConnectMessage' {
    BeforeEach { Connect-WebexConnect -Sandbox }

    It 'looks up piped send results, once per message ID, and the sandbox knows them' {
        $results = @(Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)')
        $ids = @($results.MessageId | Sort-Object -Unique)

        $messages = @($results | Get-ConnectMessage)

        $messages.Count | Should -Be $ids.Count
        $messages | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Results.SentMessage]) }
        ($messages.MessageId | Sort-Object) | Should -Be $ids
        $messages | ForEach-Object { $_.Found | Should -BeTrue; $_.Status | Should -Be 'Delivered'; $_.Channel | Should -Be 'sms' }
        $messages[0].Fields['direction'] | Should -Be 'outbound'
    }

    It 'answers with the sender the message was sent from, as the service does' {
        # Before: the sandbox's answer had no from, so the help's Example 1 showed From empty for a send -From ACME.
        $sms = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi'
        $email = Send-ConnectEmail -To 'ops@example.com' -From 'billing@example.com' -Subject 'S' -Text 'Hi'

        ($sms | Get-ConnectMessage).From | Should -Be 'ACME'
        ($email | Get-ConnectMessage).From | Should -Be 'billing@example.com'
        ($sms | Get-ConnectMessage).Fields['from'] | Should -Be 'ACME'
    }

    It 'answers the parts the text was sent in, as Measure-ConnectSms and the send result count them' {
        # Before: the sandbox answered numSegments "1" for every SMS, so Segments said 1 for a text the send billed as 3.
        $long = 'Your parcel is on its way. ' * 7                      # 189 GSM-7 characters: 2 parts
        # Word's dash, quote and ellipsis: Unicode, 94 characters: 2 parts
        $word = ('Your appointment is tomorrow {0} don{1}t be late{2} ' -f [char]0x2013, [char]0x2019, [char]0x2026) * 2
        $named = 'Hi $(Name), your order has shipped.'
        $rows = @(
            [pscustomobject]@{ To = '+447700900021'; Text = $long }
            [pscustomobject]@{ To = '+447700900022'; Text = $word }
            [pscustomobject]@{ To = '+447700900023'; Text = $named; Name = 'Zo' + [char]0xEB + ' ' + ([string][char]0x141 * 60) }  # the value makes it Unicode and long
            [pscustomobject]@{ To = '+447700900024'; Text = 'Hi' }
        )
        $results = @($rows | Send-ConnectSms -From ACME)

        $segments = @($results | ForEach-Object { ($_ | Get-ConnectMessage).Segments })

        $results.Parts | Should -Be @(2, 2, 2, 1)
        $segments | Should -Be $results.Parts
        $segments[0] | Should -Be (Measure-ConnectSms -Text $long).Parts
        $segments[1] | Should -Be (Measure-ConnectSms -Text $word).Parts
    }

    It 'says a message scheduled for tomorrow is Scheduled for its time, neither delivered nor failed, as the service''s 404 means' {
        # Before, the sandbox said Delivered for a reminder due tomorrow, and the admin read that it had gone.
        $sendAt = (Get-Date).Date.AddDays(1).AddHours(9)
        $later = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $sendAt
        $now = Send-ConnectSms -To '+447700900002' -From ACME -Text 'hi'

        $messages = @($later, $now | Get-ConnectMessage -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable err)

        $later.Status | Should -Be 'Scheduled'
        $messages[0].Found | Should -BeFalse
        $messages[0].Status | Should -BeNullOrEmpty
        $messages[0].ScheduledFor | Should -Be ([DateTimeOffset]$sendAt)
        $messages[1].Found | Should -BeTrue
        $messages[1].Status | Should -Be 'Delivered'
        $messages[1].ScheduledFor | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
        @($warned).Count | Should -Be 1
        $utc = $sendAt.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')
        "$($warned[0])" | Should -BeLike "Message $($later.MessageId) was sent Scheduled for $($utc)Z*: the service does not know it (404) before it goes out. It is neither delivered nor failed; do not send it again.*"
        $table = $messages | Out-String -Width 80
        # Before, To was empty: the service says nothing of a message it does not know, so it is the send result's Destination.
        $messages[0].To | Should -Be '+447700900001'
        $table -match '(?m)^Scheduled\s+\+447700900001\s+' + [regex]::Escape($later.MessageId) | Should -BeTrue
        "$($messages[0])" | Should -Be "Scheduled $($later.MessageId)"
    }

    It 'says a Scheduled row of a results file is scheduled for the time its ScheduledFor column keeps' {
        $file = Join-Path $TestDrive 'scheduled-results.csv'
        $sendAt = (Get-Date).Date.AddDays(1).AddHours(9)
        Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $sendAt | Export-Csv $file -NoTypeInformation

        $message = Import-Csv $file | Get-ConnectMessage -WarningVariable warned -WarningAction SilentlyContinue

        $message.Found | Should -BeFalse
        $message.To | Should -Be '+447700900001'
        $message.ScheduledFor | Should -Be ([DateTimeOffset]$sendAt)
        $utc = $sendAt.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')
        "$($warned[0])" | Should -BeLike "*was sent Scheduled for $($utc)Z*: the service does not know it (404)*"
    }

    It 'says a Scheduled row of an older results file, without a ScheduledFor column, is scheduled though the file has no time' {
        $file = Join-Path $TestDrive 'older-results.csv'
        Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt (Get-Date).AddDays(1) |
            Select-Object * -ExcludeProperty ScheduledFor | Export-Csv $file -NoTypeInformation

        $message = Import-Csv $file | Get-ConnectMessage -WarningVariable warned -WarningAction SilentlyContinue

        $message.Found | Should -BeFalse
        "$($warned[0])" | Should -BeLike "*was sent Scheduled for the time its -SendAt, or its row's SendAt cell, gave: the service does not know it (404)*"
    }

    It 'writes a 404 as Found False, not as an error' {
        $message = Get-ConnectMessage -MessageId ([guid]::NewGuid()) -ErrorVariable err -Verbose 4>&1 |
            Where-Object { $_ -is [WebexConnect.Results.SentMessage] }

        $message.Found | Should -BeFalse
        $message.To | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'says with -Verbose which rows of a results file shared a message looked up for an earlier row' {
        # Before: "Message ... was already looked up by this command." three times for four rows, naming no row.
        $results = Join-Path $TestDrive 'shared-results.csv'
        Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' | Export-Csv $results -NoTypeInformation

        $said = @(Import-Csv $results | Get-ConnectMessage -Verbose 4>&1)
        $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" } |
            Where-Object { $_ -like '*already looked up*' })

        @($said | Where-Object { $_ -is [WebexConnect.Results.SentMessage] }).Count | Should -Be 1
        $id = (Import-Csv $results)[0].MessageId
        $verbose | Should -Be @(2, 3, 4 | ForEach-Object { "Row $($_): message $id was already looked up by this command, for row 1: the rows of one request share its message ID, and the service answers for the message once." })
    }

    It 'shows in the sandbox''s log the ID a lookup asked about, found or not' {
        # Before: a 404 lookup's row in Get-ConnectSandboxRequest had an empty MessageId: which ID was unknown did not show.
        $unknown = [guid]::NewGuid().ToString()
        $sent = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi'

        $null = Get-ConnectMessage -MessageId $unknown, $sent.MessageId

        $lookups = @(Get-ConnectSandboxRequest -Last 2)
        $lookups.Method | Should -Be @('GET', 'GET')
        $lookups.StatusCode | Should -Be @(404, 200)
        $lookups.MessageId | Should -Be @($unknown, $sent.MessageId)
        ($lookups | Format-Table | Out-String -Width 80) | Should -Match ([regex]::Escape($unknown))
    }

    It 'warns that an unknown ID not shaped like the service''s may be a typo, and only then' {
        # Before, a message ID with a character missing came back NotFound like any message the service does not know yet.
        $sent = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi'
        $typo = $sent.MessageId.Substring(0, 35)

        $message = Get-ConnectMessage -MessageId $typo -WarningVariable warned -WarningAction SilentlyContinue
        $null = Get-ConnectMessage -MessageId ([guid]::NewGuid()), "$([guid]::NewGuid())_2" -WarningVariable quiet
        $null = Get-ConnectMessage -MessageId $sent.MessageId -WarningVariable known

        $message.Found | Should -BeFalse
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Message $($typo): the service does not know it (404), and it is not shaped like the IDs the service gives*check it for a typo*"
        $quiet | Should -BeNullOrEmpty
        $known | Should -BeNullOrEmpty
    }

    It 'writes MessageIdMissing for a send result that was not accepted, and goes on' {
        $rejected = [pscustomobject]@{ MessageId = $null }
        $accepted = Send-ConnectSms -To '+447700900011' -From ACME -Text 'Hi'

        $out = @($rejected, $accepted | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 1
        $out[0].MessageId | Should -Be $accepted.MessageId
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*'
        $err[0].Exception.Message | Should -BeLike 'Row 1: MessageId:*'
    }

    It 'says a blank ID given as an argument is the -MessageId given, not a row' {
        # Before: "Row 1: MessageId: empty ... A send result that was not accepted ...", for an ID typed at the prompt.
        $null = Get-ConnectMessage ' ' -ErrorVariable err -ErrorAction SilentlyContinue
        $null = Get-ConnectMessage -MessageId '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11', '' -ErrorVariable second -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*'
        $err[0].Exception.Message | Should -BeLike '-MessageId: the ID given is empty or blank, so there is nothing to look up. Give the MessageId of a send result*'
        $err[0].Exception.Message | Should -Not -BeLike '*Row*'
        $second.Count | Should -Be 1
        $second[0].Exception.Message | Should -BeLike '-MessageId: ID 2 of the 2 given is empty or blank*'
    }

    It 'gives one SentMessage per request, not per row, and its answer joins back to every row by MessageId, as the help says' {
        # The rows of one request share its message ID, and the service answers for the message, naming one destination.
        $rows = @('+447700900041', '+447700900042', '+447700900043') | Send-ConnectSms -From ACME -Text 'Hi'
        $other = Send-ConnectSms -To '+447700900044' -From ACME -Text 'Other text, other request'
        $results = @($rows) + $other

        $messages = @($results | Get-ConnectMessage)
        $said = @{}
        $messages | ForEach-Object { $said[$_.MessageId] = $_ }
        $joined = @($results | Select-Object Row, Destination, @{ n = 'Found'; e = { $said[$_.MessageId].Found } })

        $results.Count | Should -Be 4
        $messages.Count | Should -Be 2
        $messages[0].To | Should -Be '+447700900041'
        $joined.Found | Should -Be @($true, $true, $true, $true)
        (Get-Help Get-ConnectMessage -Full | Out-String) -replace '\s+', ' ' | Should -BeLike '*500 rows sent in one request give one SentMessage, not 500*'
    }

    It 'warns that the answer is about another destination of the request, whose status is not the piped row''s' {
        # Before: a user's number failed, and the admin who piped that user's row saw "Delivered" to another number, without a word.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.05   # this share fails +447700900027, every time
        $csv = Join-Path $TestDrive 'staff-results.csv'
        '+447700900001', '+447700900027' | Send-ConnectSms -From ITDESK -Text 'Outage' | Export-Csv $csv -NoTypeInformation

        $asked = Import-Csv $csv | Where-Object Destination -eq '+447700900027' | Get-ConnectMessage -WarningVariable warned 3>$null
        Import-Csv $csv | Where-Object Destination -eq '+447700900001' | Get-ConnectMessage -WarningVariable notWarned 3>$null

        $asked.To | Should -Be '+447700900001'
        @($warned).Count | Should -Be 1
        "$warned" | Should -BeLike 'Row 2 (+447700900027): *names another of its destinations, +447700900001*Delivered is *not row 2''s*Wait-ConnectDelivery*'
        @($notWarned).Count | Should -Be 0
    }

    It 'names the row of a filtered send result as the result shows it, also read back from its Export-Csv' {
        # Before: the position in the pipeline, so the send's rows 2 and 4 were "Row 1" and "Row 2".
        $results = '+447700900021', 'not-a-number', '+447700900023', '' |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue
        $csv = Join-Path $TestDrive 'filtered-results.csv'
        $results | Export-Csv $csv -NoTypeInformation

        $results | Where-Object Status -ne Queued | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue
        Import-Csv $csv | Where-Object Status -ne Queued | Get-ConnectMessage -ErrorVariable fromCsv -ErrorAction SilentlyContinue

        @($err).Count | Should -Be 2
        $err[0].Exception.Message | Should -BeLike 'Row 2: MessageId: empty*'
        $err[1].Exception.Message | Should -BeLike 'Row 4: MessageId: empty*'
        $fromCsv.Exception.Message | ForEach-Object { $_.Substring(0, 6) } | Should -Be @('Row 2:', 'Row 4:')
    }

    It 'says an Unknown send result has no ID to look up, not that it was not accepted, and targets the send result' {
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1
        $unknown = [pscustomobject]@{ Phone = '+447700900012'; CorrelationId = 'row-12' } |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue
        $unknown.Status | Should -Be 'Unknown'

        $out = @($unknown | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)

        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*'
        $err[0].Exception.Message | Should -Match 'Unknown one, which the service may still have accepted'
        $err[0].Exception.Message | Should -Match 'correlation ID'
        $err[0].Exception.Message | Should -Not -Match 'Invalid, Unknown\)'
        $err[0].TargetObject | Should -Be $unknown
    }

    It 'says a Queued send result without a message ID was accepted, not that it was not' {
        # A 201 whose body broke off is Queued with no MessageId; the report's row came back "not accepted (Rejected, Failed, Invalid)".
        $queued = [pscustomobject]@{ Row = '4'; Destination = '+447700900014'; Status = 'Queued'; MessageId = ''; CorrelationId = 'row-14' }

        $out = @($queued | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)

        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*'
        $err[0].Exception.Message | Should -BeLike '*The service accepted this send result (Queued), but its answer carried no message ID*correlation ID*'
        $err[0].Exception.Message | Should -Not -BeLike '*not accepted*'
    }

    It 'names the piped send result as the target of a failed lookup, not only its ID' {
        $sent = Send-ConnectSms -To '+447700900013' -From ACME -Text 'Hi'
        # A session whose lookups time out: the sandbox answers after 2 s, the client waits 1 s.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1

        $null = $sent | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'
        # Named by its row, with what to do (before: "Message ... was not looked up: no answer within 1 s." and no more).
        $err[0].Exception.Message | Should -Be ("Row 1: Message $($sent.MessageId) was not looked up: no answer within 1 s. " +
            "Look it up again later; nothing was sent, and the message's delivery does not depend on it.")
        $err[0].TargetObject | Should -Be $sent
        $err[0].TargetObject.Destination | Should -Be '+447700900013'
    }

    It 'gives every row of a request its own error when the lookup of their shared message ID failed, asking once' {
        # Before, only the first row got MessageLookupFailed and the others a verbose line: -ErrorVariable held one failure for
        # three rows, and rows 2 and 3, joined back by MessageId, had neither an answer nor an error.
        $sent = @(@('+447700900014', '+447700900015', '+447700900016') | Send-ConnectSms -From ACME -Text 'Hi')
        $sent.MessageId | Sort-Object -Unique | Should -HaveCount 1
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1

        $found = @($sent | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 0
        $err.Count | Should -Be 3
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'; $_.CategoryInfo.Category | Should -Be 'OperationTimeout' }
        $err.TargetObject.Destination | Should -Be @('+447700900014', '+447700900015', '+447700900016')
        $lookedUp = "Message $($sent[0].MessageId) was not looked up: no answer within 1 s. " +
            "Look it up again later; nothing was sent, and the message's delivery does not depend on it."
        $err[0].Exception.Message | Should -BeExactly "Row 1: $lookedUp"
        $err[2].Exception.Message | Should -BeExactly "Row 3: $lookedUp (The rows of one request share its message ID, which was looked up once, for row 1.)"
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'files a lookup or a test that timed out as OperationTimeout, as a send''s timeout is, and a refused connection as ConnectionError' {
        # Before: ConnectionError for both, so a script that told a slow service (OperationTimeout, as Send-ConnectSms
        # files its timeouts) from one out of reach by $_.CategoryInfo.Category could not do it for these two commands.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1

        $null = Get-ConnectMessage -MessageId 'm-slow' -ErrorVariable lookupErr -ErrorAction SilentlyContinue
        $null = Test-WebexConnect -ErrorVariable testErr -ErrorAction SilentlyContinue

        $lookupErr[0].FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'
        $lookupErr[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $testErr[0].FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable,*'
        $testErr[0].CategoryInfo.Category | Should -Be 'OperationTimeout'

        Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:1/' -TimeoutSec 5 -NoSharedTps
        $null = Get-ConnectMessage -MessageId 'm-refused' -ErrorVariable refusedErr -ErrorAction SilentlyContinue
        $null = Test-WebexConnect -ErrorVariable unreachableErr -ErrorAction SilentlyContinue

        $refusedErr[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $unreachableErr[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'never sends: only GET requests reach the sandbox' {
        $before = @(Get-ConnectSandboxRequest).Count
        $null = Get-ConnectMessage -MessageId 'a', 'b'

        $after = @(Get-ConnectSandboxRequest)
        $after.Count | Should -Be ($before + 2)
        $after | Select-Object -Skip $before | ForEach-Object { $_.DestinationCount | Should -Be 0 }
    }

    It 'says Bounced of an email the rehearsal bounced, as its receipt does, and which receipts the send asked for, in a CSV cell' {
        # Before, the sandbox's lookup said Failed of an email whose receipt said Bounced (7520), and the requestedReceipts of
        # the answer reached Export-Csv only inside the Fields JSON.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 1
        $email = Send-ConnectEmail -To 'gone@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -RequestedReceipt submitted, bounced
        $sms = Send-ConnectSms -To '+447700900001' -From ACME -Text 'T'

        $emailLookup = $email | Get-ConnectMessage
        $smsLookup = $sms | Get-ConnectMessage

        ($emailLookup.Status, $smsLookup.Status) | Should -Be @('Bounced', 'Failed')
        $emailLookup.RequestedReceipts | Should -BeExactly 'submitted, bounced'
        $smsLookup.RequestedReceipts | Should -BeNullOrEmpty
        ($emailLookup | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).RequestedReceipts | Should -BeExactly 'submitted, bounced'
    }

    It 'exports every field of the answer as JSON, not as a type name' {
        $sent = Send-ConnectSms -From ACME -To '+447700900021' -Text 'Hi' -CorrelationId 'row-21'

        $row = $sent | Get-ConnectMessage | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv

        $fields = $row.Fields | ConvertFrom-Json
        $fields.messageId | Should -Be $sent.MessageId
        $fields.correlationId | Should -Be 'row-21'
        $fields.direction | Should -Be 'outbound'
    }

    It 'does not look up a piped row without a MessageId column as its text, and says which delimiter a misread results file needs' {
        # Before, PowerShell made each such row the text "@{Row;...}" and looked that up: Found False for every row, as if the
        # service did not know the messages yet. A hashtable was looked up as 'System.Collections.Hashtable'.
        $sent = @('+447700900031', '+447700900032') | Send-ConnectSms -From ACME -Text 'Hi'
        $semicolons = Join-Path $TestDrive 'results-semicolons.csv'
        $sent | Export-Csv $semicolons -Delimiter ';' -NoTypeInformation
        $before = @(Get-ConnectSandboxRequest).Count

        $found = @(Import-Csv $semicolons | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)
        $people = @(Import-Csv $script:Csv | Get-ConnectMessage -ErrorVariable err2 -ErrorAction SilentlyContinue)
        $fromTable = @(@{ MessageId = $sent[0].MessageId } | Get-ConnectMessage)

        $found.Count + $people.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be ($before + 1)
        @($err).Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*' }
        $err[0].Exception.Message | Should -BeLike "Row 1: MessageId: the header 'Row;* was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'."
        # Said in full once: the second row of the file, misread the same way, names the first (before: the whole text again).
        $err[1].Exception.Message | Should -Be "Row 2: MessageId: same reason as row 1 (the file's delimiter)."
        $err[0].TargetObject.PSObject.Properties.Name | Should -Not -BeNullOrEmpty
        $err2[3].TargetObject.Name | Should -Be 'Dmitri Ivanov'
        @($err2).Count | Should -Be 4
        $err2[3].Exception.Message | Should -Be "Row 4: MessageId: the piped object has no MessageId column (the row has the columns 'Name', 'Phone', 'Order', 'CorrelationId'): pipe send results, or the rows of their Export-Csv (Import-Csv results.csv)."
        $fromTable.Found | Should -BeTrue
        $fromTable.MessageId | Should -Be $sent[0].MessageId
    }

    It 'skips the MessageId header of an ID list read with Get-Content, saying so once, and looks up the IDs after it' {
        # Before, the header line was looked up as an ID: Found False, with a warning that it looked like a typo.
        $sent = @('+447700900041', '+447700900042') | ForEach-Object { Send-ConnectSms -To $_ -From ACME -Text 'Hi' }
        $ids = Join-Path $TestDrive 'ids.csv'
        @('"MessageId"') + $sent.MessageId | Set-Content $ids
        $before = @(Get-ConnectSandboxRequest).Count

        $said = @(Get-Content $ids | Get-ConnectMessage -Verbose -WarningVariable warned -ErrorVariable err 4>&1)
        $messages = @($said | Where-Object { $_ -is [WebexConnect.Results.SentMessage] })
        $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })

        $messages.MessageId | Should -Be $sent.MessageId
        $messages.Found | Should -Be @($true, $true)
        @(Get-ConnectSandboxRequest).Count | Should -Be ($before + 2)
        @($verbose -like 'Line 1, *MessageId*, is the file''s header, not a message ID: skipped.*').Count | Should -Be 1
        $warned | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'skips an ID list''s header named <Header> read with Get-Content, as it does MessageId, and says how to read the file as rows' -ForEach @(
        @{ Header = 'Id'; Line = 'Id'; Rows = '(Import-Csv <file>).Id | Get-ConnectMessage' }
        @{ Header = '"id" after a byte order mark'; Line = [char]0xFEFF + '"id"'; Rows = '(Import-Csv <file>).id | Get-ConnectMessage' }
        @{ Header = 'Message ID'; Line = 'Message ID'; Rows = "(Import-Csv <file>).'Message ID' | Get-ConnectMessage" }
    ) {
        # Before, only MessageId was known: the header Id was looked up as an ID (Found False, and a warning of a typo).
        $sent = Send-ConnectSms -To '+447700900045' -From ACME -Text 'Hi'
        $before = @(Get-ConnectSandboxRequest).Count

        $said = @(@($Line, $sent.MessageId) | Get-ConnectMessage -Verbose -WarningVariable warned -ErrorVariable err 4>&1)
        $messages = @($said | Where-Object { $_ -is [WebexConnect.Results.SentMessage] })
        $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })

        $messages.MessageId | Should -Be @($sent.MessageId)
        $messages.Found | Should -Be @($true)
        @(Get-ConnectSandboxRequest).Count | Should -Be ($before + 1)
        @($verbose -like "Line 1, *, is the file's header, not a message ID: skipped. (Import-Csv reads a file with a header as rows: $Rows.)").Count |
            Should -Be 1
        $warned | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'stops before any lookup when the lines of a file with an Id column are piped as text, and names that column' {
        $file = Join-Path $TestDrive 'lines-id.csv'
        @('Id,Name', "$([guid]::NewGuid()),Ann") | Set-Content $file
        $before = @(Get-ConnectSandboxRequest).Count

        { Get-Content $file | Get-ConnectMessage } |
            Should -Throw -ErrorId 'MessageIdFileLines,*' -ExpectedMessage '*header of a CSV file with 2 columns, one of them Id*(Import-Csv <file>).Id | Get-ConnectMessage*Nothing was looked up.'
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    It 'stops before any lookup when a results file''s lines are piped as text, and says to use Import-Csv' {
        # Before, the header and every row were looked up whole as IDs: Found False and a typo warning for each line.
        $results = Join-Path $TestDrive 'lines-results.csv'
        Send-ConnectSms -To '+447700900043' -From ACME -Text 'Hi' | Export-Csv $results -NoTypeInformation
        $before = @(Get-ConnectSandboxRequest).Count

        { Get-Content $results | Get-ConnectMessage } |
            Should -Throw -ErrorId 'MessageIdFileLines,*' -ExpectedMessage '*header of a CSV file with * columns, one of them MessageId*Import-Csv <file> | Get-ConnectMessage*Nothing was looked up.'
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    It 'names the column that holds the message IDs when it is not called MessageId, with the exact fix' {
        $sent = Send-ConnectSms -To '+447700900044' -From ACME -Text 'Hi'
        $ids = Join-Path $TestDrive 'ids-id.csv'
        [pscustomobject]@{ Id = $sent.MessageId } | Export-Csv $ids -NoTypeInformation

        $found = @(Import-Csv $ids | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)
        $fixed = @(Import-Csv $ids | Select-Object @{n='MessageId';e={$_.Id}} | Get-ConnectMessage)
        $given = @(Get-ConnectMessage -MessageId (Import-Csv $ids).Id)

        $found.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageIdMissing,*'
        $err[0].Exception.Message | Should -Be ("Row 1: MessageId: the piped object has no MessageId column (the row has one column, 'Id'), but its column 'Id' " +
            "holds a message ID: give that column as MessageId, Import-Csv <file> | Select-Object @{n='MessageId';e={`$_.Id}} | Get-ConnectMessage, " +
            "or give the IDs as -MessageId (Import-Csv <file>).Id.")
        $fixed.Found | Should -BeTrue
        $given.Found | Should -BeTrue
    }

    It 'says the full address it asks in -Verbose, as Test-WebexConnect does' {
        # Before: "GET v2/messages/<id>", relative, where Test-WebexConnect gave the whole URI.
        $id = [guid]::NewGuid().ToString()
        $lookup = @(Get-ConnectMessage -MessageId $id -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
        $test = @(Test-WebexConnect -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })

        $lookup | Should -Contain "GET https://sandbox.webexconnect.invalid/v2/messages/$id"
        @($test -like 'GET https://sandbox.webexconnect.invalid/v2/messages/webexconnect-test-* with the session''s Sandbox credential; nothing is sent.').Count | Should -Be 1
    }

    It 'shows a progress bar while it looks up a long results file, with the rows done and those with errors, and removes it at the end' {
        # Before: Import-Csv results.csv | Get-ConnectMessage over a night's rows, one request each, showed nothing for the whole
        # run (at a tenant's 100 ms an answer, half an hour for 20,000), where a send shows its bar.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    Connect-WebexConnect -Sandbox -SandboxLatency '00:00:00.3'
                    $rows = @(1..3 | ForEach-Object { [pscustomobject]@{ Row = $_; Destination = "+44770090080$_"; MessageId = [guid]::NewGuid().ToString(); Status = 'Queued' } }) +
                        [pscustomobject]@{ Row = 4; Destination = 'bad'; MessageId = ''; Status = 'Invalid' }
                    $rows | Get-ConnectMessage
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path)
            $found = $ps.Invoke()

            @($found).Count | Should -Be 3
            $ps.Streams.Error.Count | Should -Be 1
            $bar = @($ps.Streams.Progress | Where-Object Activity -eq 'Looking up messages')
            $drawn = @($bar | Where-Object RecordType -eq 'Processing')
            $drawn.Count | Should -BeGreaterThan 1
            $drawn[0].StatusDescription | Should -BeLike '1 done, 0 with errors, */s'
            $drawn[-1].StatusDescription | Should -BeLike '4 done, 1 with errors, */s'
            $drawn.PercentComplete | Sort-Object -Unique | Should -Be -1
            $bar[-1].RecordType | Should -Be 'Completed'
            $bar.ActivityId | Sort-Object -Unique | Should -HaveCount 1
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'needs a session' {
        Disconnect-WebexConnect
        { Get-ConnectMessage -MessageId 'x' } | Should -Throw -ErrorId 'NotConnected,*'
    }
}

Describe 'Test-WebexConnect' {
    It 'says Accepted for the sandbox and sends nothing' {
        Connect-WebexConnect -Sandbox

        $test = Test-WebexConnect

        $test | Should -BeOfType ([WebexConnect.Results.ConnectionTest])
        $test.Status | Should -Be 'Accepted'
        $test.StatusCode | Should -Be 404
        $test.Detail | Should -BeLike '*Nothing was sent*'
        $last = Get-ConnectSandboxRequest -Last 1
        $last.DestinationCount | Should -Be 0
        $last.StatusCode | Should -Be 404
        Test-WebexConnect -Quiet | Should -BeTrue
    }

    It 'says Unreachable, with a ServiceUnreachable error, when nothing listens; -Quiet says only False' {
        $key = ConvertTo-SecureString 'some-key' -AsPlainText -Force
        Connect-WebexConnect -ServiceKey $key -BaseUri 'http://127.0.0.1:1/' -TimeoutSec 5

        $test = Test-WebexConnect -ErrorVariable err -ErrorAction SilentlyContinue

        $test.Status | Should -Be 'Unreachable'
        $test.IsAccepted | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable,*'
        Test-WebexConnect -Quiet -ErrorVariable quietErr | Should -BeFalse
        $quietErr | Should -BeNullOrEmpty
        { Test-WebexConnect -ErrorAction Stop } | Should -Throw -ErrorId 'ServiceUnreachable,*'
    }

    It 'says Unreachable, not Accepted, when -BaseUri is a web site that answers with HTML pages' {
        # A web site answers a GET of any path (here its HTML 404 page) without looking at the key: the test used to say
        # Accepted, so a scheduled task's guard let a run with a wrong -BaseUri go on to its CSV.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $site = [WebexConnectPester.LoopbackService]::new().AsWebSite()
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $site.BaseUri -NoSharedTps -TimeoutSec 5

            $test = Test-WebexConnect -ErrorVariable err -ErrorAction SilentlyContinue

            $test.Status | Should -Be 'Unreachable'
            $test.StatusCode | Should -Be 404
            $test.Detail | Should -BeLike '*web page*-BaseUri*Nothing was sent.'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable,*'
            Test-WebexConnect -Quiet | Should -BeFalse
            Get-ConnectMessage -MessageId 'm-1' -ErrorVariable lookupErr -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $lookupErr[0].FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'
            $lookupErr[0].Exception.Message | Should -BeLike '*web page*-BaseUri*'
        }
        finally {
            Disconnect-WebexConnect
            $site.Dispose()
        }
    }

    It 'says a 200 without the message''s JSON is no answer about the message, and Test-WebexConnect that it proved nothing' {
        # Before: Found True with every field empty, and Test-WebexConnect said Accepted, from an answer a gateway may have made.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().AnswerLookups(200, 'not json')
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -TimeoutSec 5

            $found = @(Get-ConnectMessage -MessageId '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11' -ErrorVariable err -ErrorAction SilentlyContinue)
            $test = Test-WebexConnect -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

            $found | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'
            $err[0].Exception.Message | Should -BeLike "Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11 was not looked up: $($service.BaseUri) answered 200 without the Messaging API's JSON*-BaseUri and the proxy*nothing was sent."
            $test.Status | Should -Be 'Inconclusive'
            $test.Detail | Should -BeLike 'The credential was not proven:*Nothing was sent.'
            Test-WebexConnect -Quiet -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Should -BeFalse
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'says a 400 refused the ID itself, to check it rather than ask again later, and goes on with the next ID' {
        # Before: "the service answered 400 (7004: Invalid parameter - messageId). Look it up again later", which gives the
        # same 400 every time.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().AnswerLookups(400, '{"code":"7004","message":"Invalid parameter - messageId"}')
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -TimeoutSec 5
            $ids = '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11', '6f1c2a9e-0d8b-4a57'

            $found = @($ids | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue)

            $found | Should -BeNullOrEmpty
            $err.Count | Should -Be 2
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'; $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
            $err[0].Exception.Message | Should -Be ('Row 1: Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11 was not looked up: the service refused the request ' +
                'with 400 (7004: Invalid parameter - messageId). Asking again gets the same answer: check the ID against the MessageId of the send ' +
                'result it came from; nothing was sent.')
            $err[1].Exception.Message | Should -Be ('Row 2: Message 6f1c2a9e-0d8b-4a57 was not looked up: the service refused the request with 400 ' +
                '(7004: Invalid parameter - messageId). The ID is not shaped like the IDs the service gives (a UUID of 36 characters, such as ' +
                '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11): check it for a typo or a cut-off copy; nothing was sent.')
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'says how long it waited out a 429 that lasted, and with -Verbose each wait, so a slow lookup is not a hung one' {
        # Before: up to 30 s a row without a word while 429s were waited out, then "the service answered 429 ... Look it up
        # again later", as if it had asked once; -Verbose said nothing of the waits either.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().AnswerLookups(429, '{"code":"7020","message":"TPS exceeded"}')
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -TimeoutSec 5

            $said = @(Get-ConnectMessage -MessageId '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11' -ErrorVariable err -ErrorAction SilentlyContinue -Verbose 4>&1)

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*'
            $err[0].Exception.Message | Should -Be ('Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11 was not looked up: the service answered 429 (7020: TPS exceeded) ' +
                'to all 4 requests, though the command waited 3 s in all between them, as long as the service asked (at most 10 s a time). ' +
                'Look it up again later; nothing was sent, and the message''s delivery does not depend on it.')
            $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
            $verbose | Should -Contain ('Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11: the service answered 429 (too many requests) 4 times; ' +
                'waited 3 s in all, as long as it asked.')
            @($service.Received | Where-Object { $_ -like 'GET *' }).Count | Should -Be 4
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'stops asking after a 429 that lasts: the IDs left get an error each at once, said in one warning, not 30 s of waits each' {
        # Before: every piped ID had its own four requests and three waits, so a night's 1,000 IDs under a lasting 429 took over
        # two hours and 4,000 requests, while the service kept saying to stop.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().AnswerLookups(429, '{"code":"7020","message":"TPS exceeded"}')
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -TimeoutSec 5
            $ids = 1..3 | ForEach-Object { "6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d1$_" }
            $clock = [Diagnostics.Stopwatch]::StartNew()

            $found = @($ids + $ids[2] | Get-ConnectMessage -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
            $found | Should -BeNullOrEmpty
            @($service.Received | Where-Object { $_ -like 'GET *' }).Count | Should -Be 4
            $err.Count | Should -Be 4
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MessageLookupFailed,*' }
            $err[3].Exception.Message | Should -BeLike 'Row 4: Message *7d13 was not looked up: the service kept answering 429*(The same ID was given before; it was not asked again.)'
            $err[0].Exception.Message | Should -BeLike 'Row 1: Message *7d11 was not looked up: the service answered 429 (7020: TPS exceeded) to all 4 requests*'
            $err[2].Exception.Message | Should -Be ('Row 3: Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d13 was not looked up: the service kept answering ' +
                '429 (too many requests), 4 times in a row (the last for message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11, row 1), so this command ' +
                'asked nothing more. Look it up again later; nothing was sent, and the message''s delivery does not depend on it.')
            $err[2].TargetObject | Should -Be $ids[2]
            $warned.Count | Should -Be 1
            "$($warned[0])" | Should -BeLike 'The service answered 429 (too many requests) 4 times in a row, the last for message *7d11: the IDs after it are not asked*$err.TargetObject | Get-ConnectMessage.'
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'holds the next call of a foreach loop for the wait the last 429 asked, then asks once, not four times' {
        # One call a row: each call is a command of its own, but the 429 is the session's. Before, each call asked at once,
        # four times, with waits of its own.
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().AnswerLookups(429, '{"code":"7020","message":"TPS exceeded"}')
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'some-key' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -TimeoutSec 5
            $ids = 1..3 | ForEach-Object { "6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d1$_" }
            $said = foreach ($id in $ids) { Get-ConnectMessage $id -ErrorVariable +err -ErrorAction SilentlyContinue -WarningVariable +warned -Verbose 4>&1 }

            @($service.Received | Where-Object { $_ -like 'GET *' }).Count | Should -Be 6
            $err.Count | Should -Be 3
            $err[1].Exception.Message | Should -Be ('Message 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d12 was not looked up: the service answered 429 ' +
                '(7020: TPS exceeded) again, after the 1 s it had asked to wait; 5 answers in a row to this session''s lookups were 429, so it ' +
                'was not asked again. Look it up again later; nothing was sent, and the message''s delivery does not depend on it.')
            $warned | Should -BeNullOrEmpty
            $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
            @($verbose -like '*waited 1 s before asking: the service had answered an earlier lookup through this session 429*').Count | Should -Be 2
            @($verbose -like '*429 (too many requests) once; waited*').Count | Should -Be 0
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'says only False with -Quiet when not connected, so a task''s guard stops the script; NotConnected without -Quiet' {
        # The guard the help shows, after a Connect-WebexConnect that failed: it must exit, not run on to the sends.
        Disconnect-WebexConnect
        $script = { if (-not (Test-WebexConnect -Quiet)) { return 'stopped' }; 'ran on' }

        & $script | Should -Be 'stopped'
        Test-WebexConnect -Quiet -ErrorVariable quietErr | Should -BeFalse
        $quietErr | Should -BeNullOrEmpty
        $closed = Connect-WebexConnect -Sandbox -PassThru
        Disconnect-WebexConnect
        Test-WebexConnect -Quiet -Session $closed | Should -BeFalse
        { Test-WebexConnect } | Should -Throw -ErrorId 'NotConnected,*'
    }

    It 'tests each session piped to it, as Disconnect-WebexConnect closes each, not the current one instead' {
        # Two tenants kept with -PassThru: the sandbox, and a key at a port where nothing listens (now the current one).
        $sandbox = Connect-WebexConnect -Sandbox -PassThru
        $key = ConvertTo-SecureString 'some-key' -AsPlainText -Force
        $other = Connect-WebexConnect -ServiceKey $key -BaseUri 'http://127.0.0.1:1/' -TimeoutSec 5 -PassThru

        $one = $sandbox | Test-WebexConnect -ErrorVariable err
        $both = $sandbox, $other | Test-WebexConnect -ErrorAction SilentlyContinue

        $err | Should -BeNullOrEmpty
        @($one).Count | Should -Be 1
        $one.Status | Should -Be 'Accepted'
        $one.Authentication | Should -Be 'Sandbox'
        @($both).Status | Should -Be @('Accepted', 'Unreachable')
        $sandbox, $other | Test-WebexConnect -Quiet | Should -Be @($true, $false)
        # The guard the -Quiet help gives for several sessions stops the script; -not of the two values would not.
        (($sandbox, $other | Test-WebexConnect -Quiet) -contains $false) | Should -BeTrue
        $sandbox, $other | Disconnect-WebexConnect
    }

    It 'shows Status, StatusCode and the endpoint at 80 columns' {
        Connect-WebexConnect -Sandbox

        $text = Test-WebexConnect | Out-String -Width 80

        $text | Should -Match 'Status\s+StatusCode'
        $text | Should -Match 'Accepted\s+404'
    }
}
