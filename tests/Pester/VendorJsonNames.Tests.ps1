#Requires -Version 5.1
# Pester 5: an admin moving a script from Invoke-RestMethod and the vendor's JSON examples types the JSON member names
# (-Domain, -RequestedReceipts, -Substitutions, -SmsSenderId ...): they bind to the parameters that write those
# members, and the body is the one the parameter names give. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    Connect-WebexConnect -Sandbox
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'The vendor''s JSON names as parameters' {
    It 'Send-ConnectSms takes -Domain, -RequestedReceipts, -Substitutions and the contactPolicy flags by their JSON names' {
        $byJsonName = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(n) https://acme.example' -ShortenLinks -Domain 'acme.link' `
            -RequestedReceipts DELIVERED -Substitutions @{ n = 'Ann' } -ContactPolicyGroup g1 -ChannelCheckConsent -ChannelApplyFrequencyCap -PayloadOnly
        $byParameter = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi $(n) https://acme.example' -ShortenLinks -LinkDomain 'acme.link' `
            -RequestedReceipt DELIVERED -Substitution @{ n = 'Ann' } -ContactPolicyGroup g1 -CheckConsent -ApplyFrequencyCap -PayloadOnly

        $byJsonName | Should -Be $byParameter
        $body = $byJsonName | ConvertFrom-Json
        $body.options.domain | Should -Be 'acme.link'
        $body.contactPolicy.channelCheckConsent | Should -BeTrue
    }

    It 'Send-ConnectEmail takes -Attachments by its JSON name' {
        $attachment = @{ Name = 'invoice.pdf'; MediaUrl = 'https://files.example.com/invoice.pdf'; MimeType = 'application/pdf' }
        $byJsonName = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Invoice' -Text 'Attached.' -Attachments $attachment -RequestedReceipts delivered -PayloadOnly
        $byParameter = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Invoice' -Text 'Attached.' -Attachment $attachment -RequestedReceipt delivered -PayloadOnly

        $byJsonName | Should -Be $byParameter
    }

    It 'Send-ConnectRcs takes -SmsSenderId, -Suggestions, -MediaContentUrl and -RichCard by their JSON names' {
        $chip = New-ConnectRcsSuggestion -DisplayText 'Yes' -PostbackData 'yes'
        $byJsonName = Send-ConnectRcs -To '+447700900001' -From 'rcs-app' -Text 'Reply Yes' -Suggestions $chip -SmsFallback -SmsSenderId ACME -FallbackText 'Reply Yes' -PayloadOnly
        $byParameter = Send-ConnectRcs -To '+447700900001' -From 'rcs-app' -Text 'Reply Yes' -Suggestion $chip -SmsFallback -FallbackSenderId ACME -FallbackText 'Reply Yes' -PayloadOnly
        $byJsonName | Should -Be $byParameter
        ($byJsonName | ConvertFrom-Json).options.smsSenderId | Should -Be 'ACME'

        $media = Send-ConnectRcs -To '+447700900001' -From 'rcs-app' -MediaContentUrl 'https://files.example.com/a.png' -PayloadOnly
        ($media | ConvertFrom-Json).content.mediaContentUrl | Should -Be 'https://files.example.com/a.png'
        $card = New-ConnectRcsCard -Title 'Parcel' -Description 'On its way'
        $rich = Send-ConnectRcs -To '+447700900001' -From 'rcs-app' -RichCard $card -PayloadOnly
        ($rich | ConvertFrom-Json).content.richCard.title | Should -Be 'Parcel'
    }

    It 'Send-ConnectMessage takes -Options and -RequestedReceipts by their JSON names' {
        $byJsonName = Send-ConnectMessage -Channel sms -To '+447700900001' -From ACME -Content @{ type = 'text'; text = 'hi' } -Options @{ tag1 = 'x' } -RequestedReceipts DELIVERED -PayloadOnly
        $byParameter = Send-ConnectMessage -Channel sms -To '+447700900001' -From ACME -Content @{ type = 'text'; text = 'hi' } -Option @{ tag1 = 'x' } -RequestedReceipt DELIVERED -PayloadOnly
        $byJsonName | Should -Be $byParameter
    }

    It 'completes -Dom to -Domain at the prompt, and a parameter''s own name still completes' {
        (TabExpansion2 'Send-ConnectSms -Dom' 20).CompletionMatches.CompletionText | Should -Contain '-Domain'
        (TabExpansion2 'Send-ConnectSms -LinkD' 21).CompletionMatches.CompletionText | Should -Be '-LinkDomain'
    }
}

Describe 'The vendor''s value forms' {
    It 'reads -SendAt and -ExpireAt given as a Unix time in seconds, as the vendor''s page documents for sendAt and expireAt' {
        $at = [DateTimeOffset]::UtcNow.AddHours(2)
        $epoch = $at.ToUnixTimeSeconds()

        $payload = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $epoch -ExpireAt "$($epoch + 3600)" -PayloadOnly

        # The text as sent (ConvertFrom-Json would turn the dates into [datetime]): UTC with milliseconds.
        $payload | Should -Match ('"sendAt": "' + [regex]::Escape($at.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ss.000Z')) + '"')
        $payload | Should -Match ('"expireAt": "' + [regex]::Escape($at.AddHours(1).UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ss.000Z')) + '"')
    }

    It 'says a Unix time in milliseconds is one, instead of PowerShell''s "Cannot convert value"' {
        $milliseconds = [DateTimeOffset]::UtcNow.AddHours(2).ToUnixTimeMilliseconds()
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'hi' -SendAt $milliseconds -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-SendAt * is not a Unix time in seconds (it looks like milliseconds: divide it by 1000)*'
        # Nothing piped: the row's Invalid result, not the binder's stop (which left a script's loop without that row's result).
        $oneRowMs = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $milliseconds -ErrorAction SilentlyContinue
        $oneRowMs.Status | Should -Be 'Invalid'
        $oneRowMs.Reason | Should -BeLike "Row 1: SendAt: '$milliseconds' is not a time (it looks like Unix milliseconds: divide it by 1000 for seconds)*"
        # Piped rows share the command line's -SendAt: the command stops once, in PowerShell's words.
        { [pscustomobject]@{ Phone = '+447700900001' } | Send-ConnectSms -From ACME -Text 'hi' -SendAt '20261203' -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-SendAt 20261203 is not a Unix time in seconds. Give a `[datetime`], ISO 8601 text*'
        # A one-row call's -SendAt is its row's own: that row's Invalid result, so a script's loop keeps it.
        $oneRow = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt '20261203' -ErrorAction SilentlyContinue
        $oneRow.Status | Should -Be 'Invalid'
        $oneRow.Code | Should -Be 'ParameterArgumentTransformationError'
        $oneRow.Reason | Should -BeLike "*SendAt: '20261203' is not a time (nor a Unix time in seconds)*"
    }

    It 'still reads a [datetime] and ISO 8601 text as before' {
        $at = [DateTimeOffset]::UtcNow.AddHours(3)
        $fromDate = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $at.UtcDateTime -PayloadOnly
        $fromText = Send-ConnectSms -To '+447700900001' -From ACME -Text 'hi' -SendAt $at.ToString('o') -PayloadOnly
        $fromDate | Should -Be $fromText
        $fromDate | Should -Match '"sendAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"'
    }
}

Describe 'The request body''s destination objects given to -To' {
    It 'says to give the addresses, or one object per destination, for <Name>' -ForEach @(
        @{ Name = 'a hashtable'; To = @{ msisdn = @('+447700900001'); correlationId = 'c1' } }
        @{ Name = 'the "to" array of a hashtable body'; To = @(@{ msisdn = @('+447700900001') }, @{ msisdn = @('+447700900002') }) }
        @{ Name = 'ConvertFrom-Json output'; To = ('{"to":[{"msisdn":["+447700900001"],"substitutions":{"name":"Ann"}}]}' | ConvertFrom-Json).to }
    ) {
        { Send-ConnectSms -To $To -From ACME -Text 'hi' -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-To takes the numbers or email addresses themselves*-To $destination.msisdn*$body.to | ForEach-Object*'
    }

    It 'words the advice for email with the email key and Send-ConnectEmail, and that advice works' {
        # Before: Send-ConnectEmail said to give -To $destination.msisdn and to pipe the objects to Send-ConnectSms.
        $body = '{"to":[{"email":["ann@example.com"],"correlationId":"c1","substitutions":{"name":"Ann"}}]}' | ConvertFrom-Json

        { Send-ConnectEmail -To $body.to -From 'news@example.com' -Subject 'S' -Text 'hi' -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*({"email": `[...`], *-To $destination.email;*To = $_.email;*| Send-ConnectEmail ...'
        $results = $body.to | ForEach-Object { [pscustomobject]@{ To = $_.email; CorrelationId = $_.correlationId; Name = $_.substitutions.name } } |
            Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'Hi $(Name)'
        $results.Status | Should -Be 'Queued'
        $results.CorrelationId | Should -Be 'c1'
    }

    It 'sends what the message suggests: one destination per object, with its correlation ID and substitution' {
        $body = '{"to":[{"msisdn":["+447700900001"],"correlationId":"c1","substitutions":{"name":"Ann"}},{"msisdn":["+447700900002"],"correlationId":"c2","substitutions":{"name":"Bob"}}]}' | ConvertFrom-Json
        $results = $body.to | ForEach-Object { [pscustomobject]@{ To = $_.msisdn; CorrelationId = $_.correlationId; Name = $_.substitutions.name } } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.CorrelationId | Should -Be @('c1', 'c2')
        (Send-ConnectSms -To $body.to[0].msisdn -From ACME -Text 'hi' -PayloadOnly | ConvertFrom-Json).to[0].msisdn | Should -Be '+447700900001'
    }
}

Describe 'Variables written as the vendor''s smsMessage example writes them' {
    It 'warns that a ${name} goes out as written, and says to write $(name)' {
        $results = '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi $(Name), this is a text message ${field2}' -Substitution @{ Name = 'Ann' } -WarningVariable warned -WarningAction SilentlyContinue

        $results.Status | Should -Be 'Queued'
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -Be '-Text has ${field2}: the service fills variables written $(field2), so ${field2} goes out as written to every recipient. Write $(field2) instead, in single quotes.'
    }

    It 'says nothing for $(name) alone' {
        '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Substitution @{ Name = 'Ann' } -WarningVariable warned | Out-Null
        $warned | Should -BeNullOrEmpty
    }
}

Describe 'JSON copied from the vendor''s pages into -Content and -Option' {
    It 'says what to change for <Name>' -ForEach @(
        @{ Name = 'typographic quotes'; Json = "{ `u{201c}type`u{201d} : `"text`", `"text`": `"hi`" }"; Says = '*A typographic quote is an invalid start*JSON needs straight ones*' }
        @{ Name = 'a // comment'; Json = "{ `"type`": `"text`", //Either text or html`n `"text`": `"hi`" }"; Says = '*JSON has no comments: remove the // comments*' }
        @{ Name = 'a trailing comma'; Json = "{ `"type`": `"text`", `"text`": `"hi`", }"; Says = '*trailing comma at the end. Remove the comma after the last member.' }
    ) {
        { '+447700900001' | Send-ConnectMessage -Channel sms -From ACME -Content $Json -PayloadOnly } |
            Should -Throw -ErrorId 'InvalidContent,*' -ExpectedMessage $Says
        { '+447700900001' | Send-ConnectMessage -Channel sms -From ACME -Content @{ type = 'text'; text = 'hi' } -Option $Json -PayloadOnly } |
            Should -Throw -ErrorId 'InvalidOption,*' -ExpectedMessage $Says
    }
}
