#Requires -Version 5.1
# Pester 5: Send-ConnectMessage inside a real PowerShell, against the in-process sandbox: any channel with the
# content written as JSON (a hashtable or a string) goes the typed cmdlets' way: one result per row in order,
# substitutions from the row's columns, Invalid rows, the service's 400 on its row, -WhatIf, -PayloadOnly,
# -Journal; and for sms, email and rcs the very bytes the typed cmdlets send.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # Each test connects to a new sandbox, so the sandbox's requests are that test's alone.
    function script:Connect-FreshSandbox { Connect-WebexConnect -Sandbox -Tps 1000 }

    function script:Get-SentBody {
        Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
    }

    # A CSV as an admin has it, read back with Import-Csv.
    function script:Import-People([object[]] $Rows) {
        $csv = Join-Path $TestDrive ([guid]::NewGuid().ToString() + '.csv')
        $Rows | Export-Csv -Path $csv -NoTypeInformation
        Import-Csv $csv
    }

    $script:WhatsAppText = [ordered]@{ type = 'text'; text = 'Hi $(Name), order $(Order) has shipped.' }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectMessage -Channel whatsapp from a CSV' {
    BeforeEach { Connect-FreshSandbox }

    It 'gives one Queued result per row in order, and sends the content once with its variables for the service' {
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Order = 'A-1' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob'; Order = 'B-2' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy'; Order = 'C-3' }
        )

        $results = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -AdditionalProperty @{ appid = 'wa-app-1' })

        $results.Count | Should -Be 3
        $results | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Results.SendResult]) }
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $results.Row | Should -Be @(1, 2, 3)
        $results.Destination | Should -Be @('+447700900001', '+447700900002', '+447700900003')
        $results.Channel | Select-Object -Unique | Should -Be 'WhatsApp'
        $bodies = @(Get-SentBody)
        # Rows with identical content travel in one request when they come without a pause; a pause of the input sends the
        # request held part-full (about_WebexConnect, Previewing), so there may be more, each row in one of them once.
        $bodies.Count | Should -BeIn @(1, 2, 3)
        $bodies.channel | Sort-Object -Unique | Should -BeExactly 'whatsapp'
        $bodies.appid | Sort-Object -Unique | Should -BeExactly 'wa-app-1'
        $bodies.content.text | Sort-Object -Unique | Should -BeExactly 'Hi $(Name), order $(Order) has shipped.'
        $bodies.to.msisdn | Should -Be @('+447700900001', '+447700900002', '+447700900003')
        $bodies[0].to[1].substitutions.Name | Should -Be 'Bob'
        $bodies[0].to[1].substitutions.Order | Should -Be 'B-2'
        $bodies[0].to[1].substitutions.PSObject.Properties.Name | Should -Not -Contain 'Phone'
    }

    It 'takes the content as a JSON string, as written, keeping its order and numbers' {
        $json = @'
{
  "type": "template",
  "template": { "name": "order_update", "language": "en", "price": 1.50 },
  "text": "Hi $(Name)"
}
'@
        $null = '+447700900011' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $json

        $raw = @(Get-ConnectSandboxRequest)[0].Body
        $raw | Should -BeLike '*"content":{"type":"template","template":{"name":"order_update","language":"en","price":1.50},"text":"Hi $(Name)"}*'
    }

    It 'takes content read with ConvertFrom-Json, and schedules with -SendAt and the other shared parameters' {
        $content = '{ "type": "text", "text": "Hi $(Name)" }' | ConvertFrom-Json
        $at = [DateTimeOffset]::UtcNow.AddHours(2)

        $result = '+447700900015' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $content -SendAt $at -CallbackData 'run-7' -NotifyUrl 'https://hooks.example.com/wx' -RequestedReceipt read

        $result.Status | Should -Be 'Scheduled'
        $body = @(Get-SentBody)[0]
        $body.content.text | Should -BeExactly 'Hi $(Name)'
        $body.callbackData | Should -Be 'run-7'
        $body.notifyUrl | Should -Be 'https://hooks.example.com/wx'
        $body.requestedReceipts | Should -Be @('read')
        @(Get-ConnectSandboxRequest)[0].Body | Should -BeLike ('*"sendAt":"' + $at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") + '"*')
    }

    It 'gives a bad row its Invalid result and error, by row, and sends the others' {
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900021'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '07700 900022'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900023'; Name = 'Cy' }
        )

        $results = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $failed[0].Exception.Message | Should -BeLike 'Row 2: Invalid 07700 900022: Phone:*E.164*'
        $failed[0].TargetObject.Name | Should -Be 'Bob'
        @(Get-SentBody)[0].to.msisdn | Should -Be @('+447700900021', '+447700900023')
    }

    It 'reads the address from the column -ToProperty names, and keeps that column out of the substitutions' {
        $rows = Import-People @([pscustomobject]@{ WhatsAppNumber = '+447700900031'; Name = 'Ann' })

        $result = $rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -ToProperty WhatsAppNumber

        $result.Status | Should -Be 'Queued'
        $result.Destination | Should -Be '+447700900031'
        $to = @(Get-SentBody)[0].to[0]
        $to.substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'takes a plain string piped in as the destination' {
        $result = '+447700900041' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[0].to[0].msisdn | Should -Be @('+447700900041')
    }

    It 'sends nothing with -WhatIf' {
        $rows = Import-People @([pscustomobject]@{ Phone = '+447700900051'; Name = 'Ann' })

        $results = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -WhatIf)

        $results.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends each row once with -Journal, and skips them when run again' {
        $journal = Join-Path $TestDrive 'whatsapp.journal'
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900061'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900062'; Name = 'Bob' }
        )

        $first = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -Journal $journal)
        $second = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $script:WhatsAppText -Journal $journal)

        $first.Status | Should -Be @('Queued', 'Queued')
        $second.Status | Should -Be @('Skipped', 'Skipped')
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }
}

Describe 'Send-ConnectMessage: what only the service can judge, and what stops the command' {
    BeforeEach { Connect-FreshSandbox }

    It 'brings the service''s 400 back on every row of a channel it does not offer, with its code and message' {
        $results = @('+447700900101', '+447700900102' | Send-ConnectMessage -Channel fax -DestinationKey msisdn -From x -Content @{ text = 'hi' } -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Rejected', 'Rejected')
        $results.Code | Should -Be @('7004', '7004')
        $results.Channel | Select-Object -Unique | Should -Be 'Other'
        $failed.Count | Should -Be 2
        $failed[0].Exception.Message | Should -BeLike 'Row 1: Rejected (7004)*channel*'
    }

    It 'stops with InvalidContent, naming the line and position, before sending anything' {
        $broken = @'
{
  "type": "text",
  "text": "Hi $(Name)"
'@

        { '+447700900111' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content $broken } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage '*not valid JSON: line 3, position *'

        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops with InvalidContent when -Content is a whole request pasted from the vendor''s pages, instead of sending it nested' {
        # The SMS example of the v2 send page, as an old Invoke-RestMethod script posted it.
        $body = @'
{
  "channel": "sms",
  "from": "ACME",
  "to": [ { "msisdn": [ "+447700900114" ] } ],
  "options": { "trackClicks": true },
  "content": { "type": "text", "text": "Hi $(Name)" }
}
'@

        { '+447700900114' | Send-ConnectMessage -Channel sms -From ACME -Content $body } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage '*whole request*"channel", "from", "to", "content", "options"*.content*-Option*'
        { '+447700900114' | Send-ConnectMessage -Channel sms -From ACME -Content ($body | ConvertFrom-Json) -PayloadOnly } |
            Should -Throw -ErrorId 'InvalidContent,*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # Its "content" value is what -Content takes.
        $result = '+447700900114' | Send-ConnectMessage -Channel sms -From ACME -Content ($body | ConvertFrom-Json).content
        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[0].content.text | Should -Be 'Hi $(Name)'
    }

    It 'stops with InvalidChannel for a blank channel name' {
        { '+447700900113' | Send-ConnectMessage -Channel ' ' -From 'wa-app-1' -Content @{ text = 'x' } } |
            Should -Throw -ErrorId 'InvalidChannel,*'
    }

    It 'stops with InvalidContent for a script block as -Content, saying how a row''s value gets in' {
        # Before: "-Content: The value is a ScriptBlock, which JSON cannot carry", as if a script block ran per row here too.
        $rows = Import-People @([pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' })
        { $rows | Send-ConnectMessage -Channel email -From 'news@example.com' -Content { @{ type = 'text'; subject = 'S'; text = 'Hi ' + $_.Name } } } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage "-Content: The value is a script block, which is not run:*'Hi `$(Name)'*ForEach-Object { `$_ | Send-ConnectMessage*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops with InvalidContent for a card or chip of New-ConnectRcsCard in -Content, saying which cmdlet sends it and how to write it' {
        # Before: "'richCard' is a RcsCard, which JSON cannot carry: give a string, number, ...": the module's own card,
        # refused by the module without a word on where it goes or how -Content writes one.
        $chip = New-ConnectRcsSuggestion 'Buy' -Url 'https://example.com/buy'
        $card = New-ConnectRcsCard -Title 'Sale' -MediaUrl 'https://files.example.com/sale.png' -MediaHeight Medium -Suggestion $chip
        { '+447700900115' | Send-ConnectMessage -Channel rcs -From 'app-1' -Content @{ type = 'standalone'; richCard = $card } } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage "-Content: 'richCard' is a card from New-ConnectRcsCard:*Send-ConnectRcs -Card*media = @{ url = *"
        { '+447700900115' | Send-ConnectMessage -Channel rcs -From 'app-1' -Content @{ type = 'text'; text = 'Hi'; suggestions = @($chip) } } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage "-Content: 'suggestions``[0``]' is a suggestion from New-ConnectRcsSuggestion:*Send-ConnectRcs -Suggestion*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops with InvalidContent for content that is not an object' {
        { '+447700900112' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content '["a"]' } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage '*JSON object*array*'
    }

    It 'stops with DestinationKeyRequired for a channel whose key no document names, and uses the key given' {
        { '+447700900121' | Send-ConnectMessage -Channel push -From 'push-app' -Content @{ title = 'Hi' } } |
            Should -Throw -ErrorId 'DestinationKeyRequired,*'

        $rows = Import-People @([pscustomobject]@{ DeviceId = 'device-7f3a'; Name = 'Ann' })
        $result = $rows | Send-ConnectMessage -Channel push -DestinationKey deviceId -ToProperty DeviceId -From 'push-app' -Content @{ title = 'Hi $(Name)' }

        $result.Status | Should -Be 'Queued'
        $result.Channel | Should -Be 'Push'
        @(Get-SentBody)[0].to[0].deviceId | Should -Be @('device-7f3a')
    }

    It 'makes a one-row call''s -Channel with no documented destination key its row''s Invalid result, naming a misspelt channel as one' {
        # Before: a loop's -Channel $u.Channel of 'whatsap' stopped the call (DestinationKeyRequired) and the row had no result.
        $misspelt = Send-ConnectMessage -Channel whatsap -To '+447700900122' -From 'wa-app-1' -Content @{ type = 'text' } -ErrorAction SilentlyContinue -ErrorVariable said -WarningAction SilentlyContinue
        $keyless = Send-ConnectMessage -Channel push -To 'device-7f3a' -From 'push-app' -Content @{ title = 'Hi' } -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $keyed = Send-ConnectMessage -Channel push -DestinationKey deviceId -To 'device-7f3a' -From 'push-app' -Content @{ title = 'Hi' }

        $misspelt.Status | Should -Be 'Invalid'
        $misspelt.Code | Should -BeExactly 'DestinationKeyRequired'
        $misspelt.Reason | Should -BeExactly ("Row 1: Channel: 'whatsap' is no channel the module knows (sms, email, rcs, whatsapp, voice, push, rt, messenger, " +
            "applebusinesschat), so it has no documented destination key: correct the name, or for a channel of the service's own give -DestinationKey, " +
            "the member of each `"to`" object that holds the addresses, as the channel's API documents it")
        $said.Count | Should -Be 1
        $said[0].FullyQualifiedErrorId | Should -BeLike 'DestinationKeyRequired,*'
        $keyless.Status | Should -Be 'Invalid'
        $keyless.Reason | Should -BeExactly ("Row 1: Channel: 'push' has no documented destination key: give -DestinationKey, the member of each `"to`" object " +
            "that holds the addresses, as the channel's API documents it")
        $keyed.Status | Should -Be 'Queued'
        @(Get-SentBody).Count | Should -Be 1
        @(Get-SentBody)[0].to[0].deviceId | Should -Be @('device-7f3a')
    }

    It 'makes the one row Invalid, and stops a piped run before sending, for an -AdditionalProperty member that is <Name>' -ForEach @(
        @{ Name = 'a database''s NULL'; Given = [DBNull]::Value; Said = "'appid' is a database's NULL (DBNull): give the cell a value, or leave the member out." }
        @{ Name = 'a number JSON has not'; Given = [double]::NaN; Said = "'appid' is NaN, which JSON cannot carry." }
    ) {
        $one = Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -To '+447700900146' -Content @{ text = 'x' } -AdditionalProperty @{ appid = $Given } -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $one.Status | Should -Be 'Invalid'
        $one.Code | Should -Be 'InvalidAdditionalProperty'
        $one.Reason | Should -BeLike "Row 1: AdditionalProperty: its member $Said"
        { '+447700900147', '+447700900148' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content @{ text = 'x' } -AdditionalProperty @{ appid = $Given } } |
            Should -Throw -ErrorId 'InvalidAdditionalProperty,*' -ExpectedMessage "-AdditionalProperty: member $Said"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops before sending when -AdditionalProperty names a member the cmdlet writes itself (every row would be Invalid)' {
        { '+447700900131', '+447700900132' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content @{ text = 'x' } -AdditionalProperty @{ content = 'y' } -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-AdditionalProperty*content*nothing was sent*'
    }

    It 'sends -AdditionalProperty given as a JSON object''s text, the row''s Json column in a loop, member for member' {
        # Before, PowerShell refused the string ("Cannot convert ... to IDictionary") and the loop's row had no result.
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900141'; Json = '{"appid":"wa-app-1","x\"y":[1,{"a":"b,}"}],"n":null}' }
            [pscustomobject]@{ Phone = '+447700900142'; Json = '{ "appid" : "wa-app-2" }' })

        $results = foreach ($u in $rows) {
            Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -To $u.Phone -Content @{ text = 'x' } -AdditionalProperty $u.Json
        }

        $results.Status | Should -Be @('Queued', 'Queued')
        $bodies = @(Get-ConnectSandboxRequest).Body
        $bodies[0] | Should -Match ([regex]::Escape('"from":"wa-app-1","appid":"wa-app-1","x\"y":[1,{"a":"b,}"}],"n":null,"content":{'))
        $bodies[1] | Should -BeLike '*"appid":"wa-app-2","content":{*'
    }

    It 'makes the one row Invalid, and stops a piped run before sending, for an -AdditionalProperty that is <Name>' -ForEach @(
        @{ Name = 'not JSON'; Given = 'appid=wa'; Said = 'is not valid JSON: *' }
        @{ Name = 'a JSON array'; Given = '[{"appid":"wa"}]'; Said = 'must be a JSON object ({...}) or a hashtable; it is an array.' }
        @{ Name = 'a number'; Given = 5; Said = 'must be a JSON object ({...}) or a hashtable; it is the value 5.' }
    ) {
        $one = Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -To '+447700900143' -Content @{ text = 'x' } -AdditionalProperty $Given -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $one.Status | Should -Be 'Invalid'
        $one.Code | Should -Be 'InvalidAdditionalProperty'
        $one.Reason | Should -BeLike "Row 1: AdditionalProperty: it $Said"
        { '+447700900144', '+447700900145' | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -Content @{ text = 'x' } -AdditionalProperty $Given } |
            Should -Throw -ErrorId 'InvalidAdditionalProperty,*' -ExpectedMessage "-AdditionalProperty $Said"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says so in Get-Help -Parameter AdditionalProperty, not that every row is Invalid' {
        # Before, the help said such a name "makes every row Invalid": an admin looked for Invalid results and got none.
        $text = (Get-Help Send-ConnectMessage -Parameter AdditionalProperty | Out-String -Width 200) -replace '\s+', ' '

        $text | Should -Not -Match 'makes every row Invalid'
        $text | Should -Match 'stops the command with InvalidParameterValue before anything is sent'
    }
}

Describe 'Send-ConnectMessage on sms, email and rcs sends the typed cmdlet''s very bytes' {
    BeforeAll { Connect-FreshSandbox }

    It 'writes the same -PayloadOnly JSON as Send-ConnectSms for personalised rows with options' {
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900201'; Name = 'Ann'; CorrelationId = 'r-1' }
            [pscustomobject]@{ Phone = '+447700900202'; Name = 'Zoë'; CorrelationId = 'r-2' }
        )

        # Cyrillic makes the text Unicode for every row, so one content serves them all.
        $typed = @($rows | Send-ConnectSms -From ACME -Text 'Привет $(Name)' -Tag1 spring -TrackClicks -RequestedReceipt delivered -PayloadOnly)
        $raw = @($rows | Send-ConnectMessage -Channel sms -From ACME -Content ([ordered]@{ type = 'unicode'; text = 'Привет $(Name)' }) -Option '{"trackClicks":true,"tag1":"spring"}' -RequestedReceipt delivered -PayloadOnly)

        $raw.Count | Should -Be 2
        $raw | Should -BeExactly $typed
    }

    It 'writes the same -PayloadOnly JSON as Send-ConnectEmail' {
        $typed = 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Substitution @{ Name = 'Ann' } -Subject 'Hi $(Name)' -Html '<p>Hello</p>' -Text 'Hello' -Cc 'boss@example.com' -FromName 'ACME' -PayloadOnly
        $raw = 'ann@example.com' | Send-ConnectMessage -Channel email -From 'news@example.com' -Substitution @{ Name = 'Ann' } -AdditionalProperty @{ cc = @('boss@example.com') } -Option @{ fromName = 'ACME' } -Content '{"type":"html","subject":"Hi $(Name)","text":"Hello","html":"<p>Hello</p>"}' -PayloadOnly

        $raw | Should -BeExactly $typed
    }

    It 'writes the same -PayloadOnly JSON as Send-ConnectRcs' {
        $typed = '+447700900211' | Send-ConnectRcs -From 'rcs-app' -Text 'Hi' -SmsFallback -FallbackSenderId ACME -FallbackText 'Hi' -PayloadOnly
        $raw = '+447700900211' | Send-ConnectMessage -Channel rcs -From 'rcs-app' -Option ([ordered]@{ smsFallback = $true; smsSenderId = 'ACME'; text = 'Hi' }) -Content ([ordered]@{ type = 'text'; text = 'Hi' }) -PayloadOnly

        $raw | Should -BeExactly $typed
    }
}

Describe 'Send-ConnectMessage at the prompt' {
    It 'completes -Channel with the channels the vendor lists' {
        $completion = TabExpansion2 -inputScript 'Send-ConnectMessage -Channel wh' -cursorColumn 'Send-ConnectMessage -Channel wh'.Length

        $completion.CompletionMatches.CompletionText | Should -Be @('whatsapp')
        (TabExpansion2 -inputScript 'Send-ConnectMessage -Channel ' -cursorColumn 'Send-ConnectMessage -Channel '.Length).CompletionMatches.CompletionText |
            Should -Be @('sms', 'email', 'rcs', 'whatsapp', 'voice', 'push', 'rt', 'messenger', 'applebusinesschat')
    }

    It 'completes -RequestedReceipt with the receipts of the channel typed before it' {
        # Before, Tab offered the files of the current folder, as for a parameter PowerShell knows nothing about.
        $line = 'Send-ConnectMessage -Channel sms -RequestedReceipt '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('SUBMITTED', 'DELIVERED', 'FAILED', 'CLICKED', 'SENT')
        $line = 'Send-ConnectMessage -Channel email -RequestedReceipt no'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'not verified'")
        $line = 'Send-ConnectMessage -Channel whatsapp -RequestedReceipt '
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches |
                Where-Object ResultType -EQ ParameterValue).Count | Should -Be 0
    }

    It 'shows the WhatsApp and SMS examples in Get-Help at 80 columns' {
        $command = Get-Command Send-ConnectMessage
        if (-not (Test-Path (Join-Path $command.Module.ModuleBase "en-US/$(Split-Path -Leaf $command.HelpFile)"))) {
            Set-ItResult -Skipped -Because 'the help is built by ./build.ps1 (PlatyPS), not by dotnet build'
            return
        }
        $help = Get-Help Send-ConnectMessage -Examples | Out-String -Width 80

        # Splatted, as long calls are in help that fits 80 columns.
        $help | Should -Match "Channel\s+= 'whatsapp'[\s\S]*Send-ConnectMessage @whatsapp"
        $help | Should -Match "Channel\s+= 'sms'[\s\S]*Send-ConnectMessage @sms"

        $help -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }
}

Describe 'Send-ConnectMessage -TemplateId' {
    BeforeEach { Connect-FreshSandbox }

    It 'refuses a template ID with a space around it, naming it, before anything is sent' {
        # Before, ' tpl-1 ' (copied from the UI or a config file) went out as the ID, and the service refused every row
        # with 7108 Invalid template, whose advice, copy it from Webex Connect, the admin had followed.
        $rows = Import-People @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
        )

        $failure = { $rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -TemplateId 'tpl-1 ' } |
            Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
        $failure.Exception.Message | Should -BeLike "-TemplateId: 'tpl-1 ' starts or ends with a space*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $results = @($rows | Send-ConnectMessage -Channel whatsapp -From 'wa-app-1' -TemplateId 'tpl-1')
        $results.Status | Should -Be @('Queued', 'Queued')
        (Get-SentBody).template.id | Should -BeExactly 'tpl-1'
    }

    It 'runs Example 5 as written: one Queued result per row, the template and only the columns it names sent' {
        $help = Get-Content (Join-Path $PSScriptRoot '../../docs/Send-ConnectMessage.md') -Raw
        $example = [regex]::Match($help, '(?s)### Example 5:.*?```powershell\r?\n(.*?)```').Groups[1].Value
        $example | Should -Match 'TemplateId'

        Push-Location (Join-Path $PSScriptRoot '../..')
        try { $results = @(& ([scriptblock]::Create($example))) } finally { Pop-Location }

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $body = @(Get-SentBody)[0]
        $body.template.id | Should -BeExactly 'order-shipped'
        $body.PSObject.Properties.Name | Should -Not -Contain 'content'
        $body.to[2].substitutions.Name | Should -BeExactly "Chlo$([char]0xE9) Dubois"
        @($body.to[0].substitutions.PSObject.Properties.Name) | Should -Be @('Name', 'Order')
    }
}

Describe 'Send-ConnectMessage -Channel email with the copy columns Send-ConnectEmail takes' {
    BeforeEach { Connect-FreshSandbox }

    It 'names each of Cc, Bcc and ReplyTo once per run, pointing to Send-ConnectEmail, and still sends every row' {
        $rows = Import-People @(
            [pscustomobject]@{ Email = 'ann@example.com'; cc = 'boss@example.com'; Bcc = 'audit@example.com'; ReplyTo = 'help@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; cc = 'boss2@example.com'; Bcc = ''; ReplyTo = '' }
        )
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }
        $results = @($rows | Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        $copies = @($warned | Where-Object { "$_" -match 'Send-ConnectEmail' })
        $copies.Count | Should -Be 3
        "$($copies[0])" | Should -Match "The column 'cc' does not set copies: Send-ConnectMessage takes no such column"
        "$($copies[1])" | Should -Match "'Bcc' does not set blind copies"
        "$($copies[2])" | Should -Match "'ReplyTo' does not set the reply-to address"
    }

    It 'names an <Column> column once, pointing to Send-ConnectEmail, instead of sending every email without its file' -ForEach @(
        @{ Column = 'Attachment' }, @{ Column = 'Attachments' }
    ) {
        # Before: the invoices CSV that Send-ConnectEmail attaches row by row went out from here without the files, and no word.
        $rows = Import-People @(
            [pscustomobject]@{ Email = 'ann@example.com'; $Column = 'https://files.example.com/INV-1.pdf' }
            [pscustomobject]@{ Email = 'bob@example.com'; $Column = 'https://files.example.com/INV-2.pdf' }
        )
        $content = @{ type = 'text'; subject = 'Invoice'; text = 'Attached' }
        $results = @($rows | Send-ConnectMessage -Channel email -From 'billing@example.com' -Content $content -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        $named = @($warned | Where-Object { "$_" -match 'Send-ConnectEmail' })
        $named.Count | Should -Be 1
        "$($named[0])" | Should -BeLike "The column '$Column' does not set the files: Send-ConnectMessage takes no such column. Use Send-ConnectEmail, which takes Cc, Bcc, ReplyTo and Attachment columns (each row its own), or give the attachments in -Content for every row.*"

        # Given for every row in -Content, as the warning advises: then the column is said not to be read.
        $content.attachments = @(@{ mimetype = 'application/pdf'; name = 'terms.pdf'; mediaUrl = 'https://files.example.com/terms.pdf' })
        $null = @($rows | Send-ConnectMessage -Channel email -From 'billing@example.com' -Content $content -WarningVariable warned -WarningAction SilentlyContinue)
        "$(@($warned | Where-Object { "$_" -match 'Send-ConnectEmail' })[0])" | Should -BeLike "The column '$Column' is not read: the attachments in -Content set the files of every row*"
    }

    It 'says, once the command sets cc, bcc and replyTo for every row as the warning advises, that the columns are not read, not to give them again' {
        # Before: -AdditionalProperty @{ cc = ... } given as the warning said, the warning still said "give -AdditionalProperty
        # @{ cc = @('...') } for every row", as if what the admin gave had not been taken.
        $rows = Import-People @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com'; Bcc = 'audit@example.com'; ReplyTo = 'help@example.com' }
        )
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there'; replyTo = 'desk@example.com' }
        $results = @($rows | Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -AdditionalProperty @{ cc = @('lead@example.com'); bcc = @('log@example.com') } -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued')
        $copies = @($warned | Where-Object { "$_" -match 'Send-ConnectEmail' })
        $copies.Count | Should -Be 3
        "$($copies[0])" | Should -BeLike "The column 'Cc' is not read: the cc in -AdditionalProperty sets the copies of every row, and Send-ConnectMessage takes no such column. To give each row its own, use Send-ConnectEmail, which takes Cc, Bcc, ReplyTo and Attachment columns.*"
        "$($copies[1])" | Should -BeLike "The column 'Bcc' is not read: the bcc in -AdditionalProperty sets the blind copies of every row*"
        "$($copies[2])" | Should -BeLike "The column 'ReplyTo' is not read: the replyTo in -Content sets the reply-to address of every row*"
        $copies | ForEach-Object { "$_" | Should -Not -BeLike '*for every row. The column*' }
        $body = (Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json
        $body.cc | Should -Be @('lead@example.com')
        $body.content.replyTo | Should -Be 'desk@example.com'
    }

    It 'warns of a To that -AdditionalProperty also copies on the run that sent it, and not on a -Journal re-run that skipped every row' {
        # Before: the row was counted when first looked at, so a re-run whose rows the journal all skipped still ended
        # with "1 row sent to an address that -AdditionalProperty also copies" for an email it never sent.
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }
        $journal = Join-Path $TestDrive 'copies-given.journal'
        $send = @{ Channel = 'email'; From = 'news@example.com'; Content = $content; AdditionalProperty = @{ cc = 'boss@example.com' }; Journal = $journal }
        $first = @('ann@example.com', 'boss@example.com' | Send-ConnectMessage @send -WarningVariable firstWarned -WarningAction SilentlyContinue)
        $again = @('ann@example.com', 'boss@example.com' | Send-ConnectMessage @send -WarningVariable againWarned -WarningAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued')
        @($firstWarned | Where-Object { "$_" -like '*-AdditionalProperty also copies*' }).Count | Should -Be 1
        $again.Status | Should -Be @('Skipped', 'Skipped')
        @($againWarned | Where-Object { "$_" -like '*-AdditionalProperty also copies*' }).Count | Should -Be 0
    }

    It 'warns once, naming the rows and the address, when a row''s To is also a copy -AdditionalProperty gives, and sends as given' {
        # Send-ConnectEmail sends such an address once; Send-ConnectMessage writes -AdditionalProperty as given, and the
        # manager among the users got the email twice without a word.
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }
        $copies = @{ cc = @('Boss@example.com', 'lead@example.com'); bcc = 'audit@example.com' }
        $results = @('ann@example.com', 'boss@example.com', 'carl@example.com', 'audit@example.com' |
            Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -AdditionalProperty $copies -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $twice = @($warned | Where-Object { "$_" -like '*-AdditionalProperty also copies*' })
        $twice.Count | Should -Be 1
        "$($twice[0])" | Should -BeLike "2 rows (rows 2, 4) sent to an address that -AdditionalProperty also copies; in row 2, 'boss@example.com' is the row's To and in -AdditionalProperty's cc.*Send-ConnectEmail -Cc*"
        $sent = @((Get-ConnectSandboxRequest).Body | ConvertFrom-Json)
        $sent.Count | Should -BeGreaterThan 0
        $sent | ForEach-Object { $_.cc | Should -Be @('Boss@example.com', 'lead@example.com') }

        $null = 'ann@example.com' | Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -AdditionalProperty $copies -WarningVariable quiet -WarningAction SilentlyContinue
        @($quiet | Where-Object { "$_" -like '*also copies*' }).Count | Should -Be 0

        # -WhatIf sends nothing: the warning says what the run would do. Before, it said the address "gets the email twice".
        $null = 'boss@example.com' | Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -AdditionalProperty $copies -WhatIf -WarningVariable preview -WarningAction SilentlyContinue
        "$(@($preview | Where-Object { "$_" -like '*also copies*' })[0])" |
            Should -BeLike "Row 1 would send to an address that -AdditionalProperty also copies: *so that address would get the email twice, and the service would bill both.*"
    }

    It 'warns of a To that -AdditionalProperty copies when the copies are given as JSON text or an object, as for a hashtable' {
        # Before, only @{ cc = ... } was read: '{"cc":[...]}' (a script moved from Invoke-RestMethod) copied the boss on his own
        # email, and he got it twice without a word.
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }
        $forms = @('{"cc":["Boss@example.com","lead@example.com"],"bcc":"audit@example.com"}',
            [pscustomobject]@{ cc = @('Boss@example.com', 'lead@example.com'); bcc = 'audit@example.com' })
        foreach ($copies in $forms) {
            $results = @('ann@example.com', 'boss@example.com', 'audit@example.com' |
                Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -AdditionalProperty $copies -WarningVariable warned -WarningAction SilentlyContinue)

            $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
            $twice = @($warned | Where-Object { "$_" -like '*-AdditionalProperty also copies*' })
            $twice.Count | Should -Be 1 -Because "$copies"
            "$($twice[0])" | Should -BeLike "2 rows (rows 2, 3) sent to an address that -AdditionalProperty also copies; in row 2, 'boss@example.com' is the row's To and in -AdditionalProperty's cc.*"
        }
    }

    It 'says nothing of them on another channel, nor of a column -SubstitutionColumn names' {
        $rows = Import-People @([pscustomobject]@{ Phone = '+447700900001'; Cc = 'x' })
        $null = $rows | Send-ConnectMessage -Channel whatsapp -From 'app-1' -Content $script:WhatsAppText -AllowMissingSubstitution -WarningVariable warned -WarningAction SilentlyContinue
        @($warned | Where-Object { "$_" -match 'Send-ConnectEmail' }).Count | Should -Be 0

        $rows = Import-People @([pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com' })
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Copy: $(Cc)' }
        $null = $rows | Send-ConnectMessage -Channel email -From 'news@example.com' -Content $content -SubstitutionColumn Cc -WarningVariable warned -WarningAction SilentlyContinue
        @($warned | Where-Object { "$_" -match 'Send-ConnectEmail' }).Count | Should -Be 0
    }
}

Describe 'Send-ConnectMessage -Channel email reads addresses as Send-ConnectEmail does' {
    BeforeEach { Connect-FreshSandbox }

    It 'sends a Mail column written with display names, and a cell of several addresses, as Send-ConnectEmail sends them' {
        # Before: 'it has a display name or angle brackets' here, for the very rows Send-ConnectEmail sent.
        $rows = Import-People @(
            [pscustomobject]@{ Mail = 'Jane Doe <jane@contoso.com>' }
            [pscustomobject]@{ Mail = '"Roe, Bob" <bob@contoso.com>; cy@contoso.com' }
        )
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }

        $out = @($rows | Send-ConnectMessage -Channel email -From 'news@contoso.com' -Content $content -Verbose 4>&1)
        $raw = Get-ConnectSandboxRequest | ForEach-Object Body
        Connect-FreshSandbox
        $typed = @($rows | Send-ConnectEmail -From 'news@contoso.com' -Subject 'Hello' -Text 'Hi there')

        $results = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be $typed.Destination
        $sent = @($raw | ConvertFrom-Json)
        $sent.to.email | Should -Be @('jane@contoso.com', 'bob@contoso.com', 'cy@contoso.com')
        $sent[0].to.Count | Should -Be 2
        $raw | Should -Not -Match 'Doe|Roe'
        $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'display name' })
        $said.Message | Should -BeExactly ("Row 1: To: the display name 'Jane Doe' is not sent, nor any other in -To: the service takes " +
            "addresses only, so the email goes to jane@contoso.com by its address alone.")
    }

    It 'gives a display name around a bad address the reason Send-ConnectEmail gives' {
        $content = @{ type = 'text'; subject = 'Hello'; text = 'Hi there' }

        $raw = Send-ConnectMessage -Channel email -To 'Jane <jane@>' -From 'news@contoso.com' -Content $content -ErrorAction SilentlyContinue
        $typed = Send-ConnectEmail -To 'Jane <jane@>' -From 'news@contoso.com' -Subject 'Hello' -Text 'Hi there' -ErrorAction SilentlyContinue

        $raw.Status | Should -Be 'Invalid'
        $raw.Reason | Should -BeExactly ("Row 1: To: 'Jane <jane@>' is not an email address: the part between < and >, 'jane@', is " +
            "wrong (nothing after the @): correct that part")
        $typed.Reason | Should -BeExactly $raw.Reason
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'leaves the addresses of another destination key as they are' {
        # A channel's own IDs are not email addresses: a '<' or ';' in them is the channel's to judge.
        $content = @{ type = 'text'; text = 'Hi' }

        $result = Send-ConnectMessage -Channel messenger -DestinationKey userId -To 'Shop <id-1>; id-2' -From 'page' -Content $content -PayloadOnly

        ($result | ConvertFrom-Json).to[0].userId | Should -BeExactly @('Shop <id-1>; id-2')
    }
}
