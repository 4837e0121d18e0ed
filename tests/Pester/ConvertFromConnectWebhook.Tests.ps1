#Requires -Version 5.1
# Pester 5: ConvertFrom-ConnectWebhook in the real host. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $script:Fixtures = Join-Path $PSScriptRoot '../WebexConnect.Tests/Fixtures/Receipts'
    $script:Secret = ConvertTo-SecureString 'webhook-secret-5e1' -AsPlainText -Force

    function script:Get-Fixture([string] $Name) { [IO.File]::ReadAllText((Join-Path $script:Fixtures $Name)) }

    # What a sender puts in x-hub-signature: sha256= and the hex HMAC-SHA256 of the raw bytes (sha512= and HMAC-SHA512,
    # or sha1= and HMAC-SHA1, for a webhook set to sign with those).
    function script:Get-Signature([byte[]] $Bytes, [string] $Key, [string] $Algorithm = 'SHA256') {
        $hmac = New-Object "Security.Cryptography.HMAC$Algorithm" (, [Text.Encoding]::UTF8.GetBytes($Key))
        $Algorithm.ToLowerInvariant() + '=' + (($hmac.ComputeHash($Bytes) | ForEach-Object { $_.ToString('x2') }) -join '')
    }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'ConvertFrom-ConnectWebhook' {
    It 'turns a piped JSON string into a typed DeliveryReceipt' {
        $receipt = Get-Fixture 'sms-delivered.json' | ConvertFrom-ConnectWebhook

        $receipt | Should -BeOfType ([WebexConnect.Receipts.DeliveryReceipt])
        $receipt.Status | Should -Be ([WebexConnect.Receipts.DeliveryStatus]::Delivered)
        $receipt.Code | Should -Be '7500'
        $receipt.Destination | Should -Be '447700900001'
        $receipt.MessageId | Should -Be '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11'
        $receipt.TransactionId | Should -Be '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11_1'
        $receipt.CorrelationId | Should -Be 'row-1'
        $receipt.CallbackData | Should -Be 'invoice-42'
        $receipt.Timestamp | Should -Be ([DateTimeOffset]'2026-12-03T10:15:30.250Z')
        $receipt.SignatureVerified | Should -BeFalse
    }

    It 'reads a ConvertFrom-Json object, whose timeStamp PowerShell has already made a date' {
        $receipt = Get-Fixture 'email-clicked.json' | ConvertFrom-Json | ConvertFrom-ConnectWebhook

        $receipt.Status | Should -Be 'Clicked'
        $receipt.Description | Should -Be 'https://acme.example/offer|203.0.113.5'
        $receipt.MessageId | Should -Be 'a2d4e6f8-1111-2222-3333-444455556666'
        $receipt.CorrelationId | Should -Be 'campaign-7'
        $receipt.Timestamp.UtcDateTime | Should -Be ([DateTime]::new(2026, 12, 3, 10, 2, 0, [DateTimeKind]::Utc))
    }

    It 'reads a timeStamp written day-first (dd/MM/yyyy, dd.MM.yyyy) as the same time in every culture' {
        # Before, 05.01.2024 and every dd/MM date with a day up to 12 came out with the month and day swapped.
        $at = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddHours(-14), [TimeSpan]::Zero)
        $before = [cultureinfo]::CurrentCulture
        try {
            foreach ($culture in 'en-US', 'de-DE', 'en-GB') {
                [cultureinfo]::CurrentCulture = $culture
                foreach ($format in 'dd/MM/yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm:ss', 'yyyy-MM-ddTHH:mm:ssZ') {
                    $stamp = $at.ToString($format, [cultureinfo]::InvariantCulture)
                    $body = '{"deliveryInfoNotification":{"deliveryInfo":{"timeStamp":"' + $stamp + '","code":"7500","destination":"447700900001"},"transid":"m-1"}}'

                    ($body | ConvertFrom-ConnectWebhook).Timestamp | Should -Be $at -Because "$stamp in $culture"
                    ($body | ConvertFrom-Json | ConvertFrom-ConnectWebhook).Timestamp | Should -Be $at -Because "$stamp from ConvertFrom-Json in $culture"
                }
            }
        }
        finally { [cultureinfo]::CurrentCulture = $before }
    }

    It 'reads a hashtable, as some web frameworks hand over a parsed body' {
        $body = @{ deliveryInfoNotification = @{ deliveryInfo = @{ code = 7208; destination = '447700900005' }; transid = 'm-9'; correlationid = 'c-9' } }

        $receipt = ConvertFrom-ConnectWebhook -InputObject $body

        $receipt.Status | Should -Be 'Expired'
        $receipt.Code | Should -Be '7208'
        $receipt.CorrelationId | Should -Be 'c-9'
    }

    It 'keeps an unknown code as it came, with Status Other' {
        $receipt = Get-Fixture 'unknown-code.json' | ConvertFrom-ConnectWebhook

        $receipt.Status | Should -Be 'Other'
        $receipt.Code | Should -Be '7999'
        $receipt.StatusText | Should -Be 'Throttled'
    }

    It 'writes one receipt per notification of a list' {
        $receipts = @(Get-Fixture 'batch.json' | ConvertFrom-ConnectWebhook)

        $receipts.Status | Should -Be @('Submitted', 'Failed')
    }

    It 'verifies the signature of raw bytes given with -InputObject and -Signature' {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
        $signature = Get-Signature $bytes 'webhook-secret-5e1'

        $receipt = ConvertFrom-ConnectWebhook -InputObject $bytes -Secret $script:Secret -Signature $signature

        $receipt.SignatureVerified | Should -BeTrue
        $receipt.Status | Should -Be 'Delivered'
    }

    It 'verifies a body signed with <Algorithm> (<Prefix>), as <Why>, and still refuses a wrong one' -ForEach @(
        @{ Algorithm = 'SHA512'; Prefix = 'sha512='; Why = 'a webhook can be set to' }
        @{ Algorithm = 'SHA512'; Prefix = ''; Why = 'a webhook can be set to' }
        @{ Algorithm = 'SHA1'; Prefix = 'sha1='; Why = 'a webhook configured before SHA-256 and SHA-512 still signs' }
        @{ Algorithm = 'SHA1'; Prefix = ''; Why = 'a webhook configured before SHA-256 and SHA-512 still signs' }
    ) {
        # Before, such a signature was compared with the body's SHA-256 hash: every receipt of that webhook was refused. The
        # vendor took SHA-1 away from new webhooks only: one configured before keeps signing with it.
        $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
        $signed = Get-Signature $bytes 'webhook-secret-5e1' $Algorithm
        $signature = $Prefix + $signed.Substring($signed.IndexOf('=') + 1)
        $forged = $signature.Substring(0, $signature.Length - 1) + $(if ($signature.EndsWith('0')) { '1' } else { '0' })

        $receipt = ConvertFrom-ConnectWebhook -InputObject $bytes -Secret $script:Secret -Signature $signature
        $none = ConvertFrom-ConnectWebhook -InputObject $bytes -Secret $script:Secret -Signature $forged -ErrorVariable refused -ErrorAction SilentlyContinue

        $receipt.SignatureVerified | Should -BeTrue
        $receipt.Status | Should -Be 'Delivered'
        $none | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureInvalid,*'
    }

    It 'verifies a replayed body as often as it comes, and its help says that telling a repeat is the handler''s to do' {
        # The listener keeps a signed repeat once (Repeated); this command keeps nothing between calls. Before, its help did
        # not say so, and an admin's own handler that trusted SignatureVerified acted on every replay.
        $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
        $signature = Get-Signature $bytes 'webhook-secret-5e1'

        $first = ConvertFrom-ConnectWebhook -InputObject $bytes -Secret $script:Secret -Signature $signature
        $again = ConvertFrom-ConnectWebhook -InputObject $bytes -Secret $script:Secret -Signature $signature

        @($first, $again).SignatureVerified | Should -Be @($true, $true)
        $help = (Get-Content (Join-Path $PSScriptRoot '../../docs/ConvertFrom-ConnectWebhook.md') -Raw) -replace '\s+', ' '
        $help.Contains('ConvertFrom-ConnectWebhook keeps nothing from one call to the next, so it cannot tell a repeat') | Should -BeTrue
        $help.Contains('keep the x-hub-signature of each webhook you accepted') | Should -BeTrue
    }

    It 'takes raw bytes piped whole with a leading comma' {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
        $signature = Get-Signature $bytes 'webhook-secret-5e1'

        $receipt = , $bytes | ConvertFrom-ConnectWebhook -Secret $script:Secret -Signature $signature

        $receipt.SignatureVerified | Should -BeTrue
    }

    It 'reads raw bytes that are not UTF-8 by the charset of the Content-Type in -Headers, and refuses them without one' {
        # Before: "not valid UTF-8" for a body labelled ISO-8859-1, which API.md says the service may send.
        $text = (Get-Fixture 'sms-delivered.json').Replace('invoice-42', "Caf$([char]0xE9)")
        $bytes = [Text.Encoding]::GetEncoding('iso-8859-1').GetBytes($text)

        $receipt = ConvertFrom-ConnectWebhook -InputObject $bytes -Headers @{ 'content-type' = 'application/json; charset=ISO-8859-1' }

        $receipt.CallbackData | Should -BeExactly "Caf$([char]0xE9)"
        ConvertFrom-ConnectWebhook -InputObject $bytes -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$err" | Should -BeLike '*not valid UTF-8*'
    }

    It 'finds x-hub-signature in a headers hashtable, and -Headers binds from a piped request object' {
        $text = Get-Fixture 'sms-delivered.json'
        $signature = Get-Signature ([Text.Encoding]::UTF8.GetBytes($text)) 'webhook-secret-5e1'
        $request = [pscustomobject]@{ RawBody = $text; Body = 'parsed'; Headers = @{ 'X-Hub-Signature' = $signature } }

        $receipt = $request | ConvertFrom-ConnectWebhook -Secret $script:Secret

        $receipt.SignatureVerified | Should -BeTrue
    }

    It 'refuses a missing signature with WebhookSignatureMissing and writes no receipt' {
        $out = Get-Fixture 'sms-delivered.json' | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable err -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureMissing,*'
        $err[0].CategoryInfo.Category | Should -Be 'SecurityError'
    }

    It 'refuses a wrong signature with WebhookSignatureInvalid, and never shows the secret' {
        $text = Get-Fixture 'sms-delivered.json'
        $signature = Get-Signature ([Text.Encoding]::UTF8.GetBytes($text)) 'another-secret'

        $out = $text | ConvertFrom-ConnectWebhook -Secret $script:Secret -Signature $signature -ErrorVariable err -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureInvalid,*'
        ($err | Out-String) | Should -Not -Match 'webhook-secret-5e1'
    }

    It 'refuses to check a signature against an already parsed object (WebhookRawBodyRequired)' {
        $object = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json

        $null = $object | ConvertFrom-ConnectWebhook -Secret $script:Secret -Signature 'sha256=00' -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookRawBodyRequired,*'
    }

    It 'says in words that a body is not JSON, where, and what it takes instead: <Body>' -ForEach @(
        @{ Body = 'nope'; Where = "(line 1, position 2: 'nope' is an invalid JSON literal)." }
        @{ Body = "{`n  `"a`": 1,`n}"; Where = '(line 3, position 1: The JSON object contains a trailing comma at the end. Remove the comma after the last member).' }
    ) {
        # Before: "The webhook body is not JSON: 'nope' is an invalid JSON literal. Expected the literal 'null'.
        # LineNumber: 0 | BytePositionInLine: 1." - the parser's guess, lines counted from 0, and nothing of what to give.
        $Body | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -BeExactly ("The webhook body is not JSON $Where A delivery receipt is the JSON object Webex Connect " +
            'posts to the NotifyUrl: give its text, its bytes, a ConvertFrom-Json object of it or the file it was saved in.')
    }

    It 'gives a clear InvalidWebhookBody error for each malformed body and goes on with the next' {
        $inputs = @('{not json', '', (Get-Fixture 'not-a-receipt.json'), (Get-Fixture 'sms-delivered.json'), 42)

        $out = @($inputs | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Delivered'
        $err.Count | Should -Be 4
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*' }
        $err[0].Exception.Message | Should -BeLike '*not JSON*'
        $err[2].Exception.Message | Should -BeLike '*not a delivery receipt*'
    }

    It 'says a row of receipts read back from Export-Csv is a receipt already, not a webhook body' {
        # Before: "The webhook body has no deliveryInfoNotification", which sent the admin looking for the webhook.
        $archive = Join-Path $TestDrive 'receipts-again.csv'
        $receipt = Get-Fixture 'sms-delivered.json' | ConvertFrom-ConnectWebhook
        $receipt | Export-Csv $archive -NoTypeInformation

        $out = @(@((Import-Csv $archive), $receipt, [pscustomobject]@{ Phone = '+447700900001' }) |
            ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 0
        $err.Count | Should -Be 3
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*' }
        $err[0].Exception.Message | Should -BeLike '*is a delivery receipt already*not a webhook body*Wait-ConnectDelivery -Receipt (Import-Csv <file>) takes such rows.'
        $err[1].Exception.Message | Should -BeLike '*already a DeliveryReceipt*use it as it is*'
        $err[2].Exception.Message | Should -BeLike '*no deliveryInfoNotification*not a delivery receipt*'
    }

    It 'explains a byte array that PowerShell unrolled when piped' {
        $bytes = [Text.Encoding]::UTF8.GetBytes('{}')

        $null = $bytes | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].Exception.Message | Should -BeLike '*single byte*'
    }

    It 'stops at the first bad body with -ErrorAction Stop' {
        { '{oops' | ConvertFrom-ConnectWebhook -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWebhookBody,*'
    }

    It 'reads an indented body piped line by line (Get-Content without -Raw) as one receipt, and a log of one body per line as one each' {
        $file = Join-Path $TestDrive 'receipt.json'
        Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 | Set-Content $file
        $log = Join-Path $TestDrive 'receipts.log'
        $line = (Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress)
        Set-Content $log -Value $line, 'not json', $line

        $receipts = @(Get-Content $file | ConvertFrom-ConnectWebhook -ErrorVariable fileErrors)
        $logged = @(Get-Content $log | ConvertFrom-ConnectWebhook -ErrorVariable logErrors -ErrorAction SilentlyContinue)

        @(Get-Content $file).Count | Should -BeGreaterThan 5
        $fileErrors | Should -BeNullOrEmpty
        $receipts.Count | Should -Be 1
        $receipts[0].Status | Should -Be ([WebexConnect.Receipts.DeliveryStatus]::Delivered)
        $receipts[0].Destination | Should -Be '447700900001'
        $logged.Count | Should -Be 2
        $logErrors.Count | Should -Be 1
    }

    It 'says where lines piped one by one never close their JSON, once, at the end' {
        $null = '{', '  "deliveryInfoNotification": {' | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -Match 'inputs 1 to 2 .*Get-Content -Raw'
    }

    It 'reads a folder of saved webhooks piped from Get-ChildItem, signatures included, and names the file that is not a receipt' {
        # Before: 'The webhook body is not a JSON object (it is a FileInfo).' for every file.
        $folder = Join-Path $TestDrive 'saved'
        $null = New-Item -ItemType Directory $folder
        Copy-Item (Join-Path $script:Fixtures 'sms-delivered.json') (Join-Path $folder '1.json')
        Copy-Item (Join-Path $script:Fixtures 'batch.json') (Join-Path $folder '2.json')
        Set-Content (Join-Path $folder '3.json') -Value '{"deliveryInfoNotification": {"deliveryInfo": {"code": "7500",'

        $receipts = @(Get-ChildItem $folder -File | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)
        $signed = Get-Item (Join-Path $folder '1.json') | ConvertFrom-ConnectWebhook -Secret $script:Secret `
            -Signature (Get-Signature ([IO.File]::ReadAllBytes((Join-Path $folder '1.json'))) 'webhook-secret-5e1')

        $receipts.CorrelationId | Should -Be @('row-1', 'row-3', 'row-4')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -BeLike "$(Join-Path $folder '3.json'): The webhook body is not JSON*"
        # A file the web server was still writing: said to be cut short, not only that the parser reached its end.
        $err[0].Exception.Message | Should -BeLike '*It ends before its brackets close: its end is missing, as when a file is read before it was written whole).*'
        $signed.SignatureVerified | Should -BeTrue
    }

    It 'reads a saved log of many bodies piped from Get-ChildItem, one body a line or indented one after another, and names the line of one that is not a receipt' {
        # Before: the whole file was one body, "not JSON (line 2, position 1: '{' is invalid after a single JSON value)",
        # and not one of the night's receipts was read.
        $folder = Join-Path $TestDrive 'logs'
        $null = New-Item -ItemType Directory $folder
        $one = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $batch = Get-Fixture 'batch.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $lines = Join-Path $folder 'receipts.jsonl'
        Set-Content $lines -Value $one, '', 'not json', $batch -Encoding utf8BOM
        $indented = Join-Path $folder 'receipts.log'
        Set-Content $indented -Value ($one | ConvertFrom-Json | ConvertTo-Json -Depth 5), ($batch | ConvertFrom-Json | ConvertTo-Json -Depth 5)

        $fromLines = @(Get-Item $lines | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)
        $fromIndented = @(Get-Item $indented | ConvertFrom-ConnectWebhook -ErrorVariable indentedErr)

        $fromLines.CorrelationId | Should -Be @('row-1', 'row-3', 'row-4')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -BeLike "$lines, line 3: The webhook body is not JSON*"
        $indentedErr | Should -BeNullOrEmpty
        $fromIndented.CorrelationId | Should -Be @('row-1', 'row-3', 'row-4')
        $fromIndented[0].ReceivedAt.UtcDateTime | Should -Be (Get-Item $indented).LastWriteTimeUtc
    }

    It 'writes one error for a file among the webhooks that holds none (notes, a CSV), piped as a file, as text or line by line, with or without -Secret' {
        # Before: such a file was read as a log of as many bodies as it has lines: one "not JSON" error a line (twelve for a
        # script of twelve lines), and with -Secret "The file is a log of 3 webhook bodies".
        $folder = Join-Path $TestDrive 'mixed'
        $null = New-Item -ItemType Directory $folder
        Copy-Item (Join-Path $script:Fixtures 'sms-delivered.json') (Join-Path $folder '1.json')
        $notes = Join-Path $folder 'notes.txt'
        Set-Content $notes -Value 'Webhooks of the nightly run', '', 'saved by the IIS handler', 'ask Sam before deleting'
        $csv = Join-Path $folder 'webhooks.csv'
        Set-Content $csv -Value 'Received,Body', ('2026-12-03,"' + ((Get-Fixture 'sms-delivered.json' | ConvertFrom-Json |
            ConvertTo-Json -Depth 5 -Compress) -replace '"', '""') + '"')

        $receipts = @(Get-ChildItem $folder -File | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)
        $null = Get-Content $notes | ConvertFrom-ConnectWebhook -ErrorVariable lineErr -ErrorAction SilentlyContinue
        $null = Get-Content $notes -Raw | ConvertFrom-ConnectWebhook -ErrorVariable rawErr -ErrorAction SilentlyContinue
        $null = Get-Item $notes | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable secretErr -ErrorAction SilentlyContinue
        $fromCsv = @(Import-Csv $csv | ConvertFrom-ConnectWebhook)

        $receipts.CorrelationId | Should -Be @('row-1')
        $err.Count | Should -Be 2
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -Match ('^' + [regex]::Escape("$($notes): None of its 3 lines starts a JSON object ({) or list ([), " +
            'as a webhook body does: it holds no webhook, and none of it was read. Give the files the web server saved the webhooks in ' +
            '(Get-ChildItem ./webhooks -Filter *.json).') + '$')
        $err[1].Exception.Message | Should -BeLike "$($csv): None of its 2 lines starts a JSON object*read by its rows*Import-Csv '$csv' | ConvertFrom-ConnectWebhook."
        foreach ($one in $lineErr, $rawErr, $secretErr) {
            $one.Count | Should -Be 1
            $one[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
            $one[0].Exception.Message | Should -Be $err[0].Exception.Message
        }
        # The advice works: the CSV's rows give the receipt.
        $fromCsv.CorrelationId | Should -Be @('row-1')
    }

    It 'reads a webhook saved as the whole HTTP request it came in, by its own x-hub-signature, piped as a file, as text or line by line' {
        # Before: such a file was read as a log of one body a line: one "not JSON" error for each line of its head (five for
        # one file), its body unsigned, and with -Secret the body was refused as having no x-hub-signature though the file held it.
        $folder = Join-Path $TestDrive 'requests'
        $null = New-Item -ItemType Directory $folder
        $body = Get-Fixture 'sms-delivered.json'
        $bytes = [Text.Encoding]::UTF8.GetBytes($body)
        $signature = Get-Signature $bytes 'webhook-secret-5e1'
        function Save([string] $Name, [string] $Text) {
            $path = Join-Path $folder $Name
            [IO.File]::WriteAllBytes($path, [Text.Encoding]::UTF8.GetBytes($Text))
            $path
        }
        # As a request inspector's raw view saves it: CRLF, a Content-Length, and a line end an editor added after the body.
        $crlf = Save 'crlf.http' ("POST /receipts HTTP/1.1`r`nHost: hooks.example.com`r`nContent-Type: application/json`r`n" +
            "x-hub-signature: $signature`r`nContent-Length: $($bytes.Length)`r`n`r`n$body`r`n")
        # As pasted into an editor on Linux: LF alone, no Content-Length.
        $lf = Save 'lf.http' "POST /receipts HTTP/1.1`nX-Hub-Signature: $signature`n`n$body"
        $short = Save 'short.http' "POST /receipts HTTP/1.1`r`nContent-Length: 9999`r`n`r`n$body"
        $noBlank = Save 'noblank.http' "POST /receipts HTTP/1.1`r`nHost: hooks.example.com`r`n$body`r`n"
        $forged = Save 'forged.http' ("POST /receipts HTTP/1.1`r`nx-hub-signature: $signature`r`n`r`n" + $body.Replace('row-1', 'row-9'))

        $receipts = @(Get-ChildItem $folder -File | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable err -ErrorAction SilentlyContinue)
        $fromLines = @(Get-Content $crlf, $lf | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable lineErr)
        $fromText = @(Get-Content $crlf, $lf -Raw | ConvertFrom-ConnectWebhook -ErrorVariable rawErr)

        $receipts.CorrelationId | Should -Be @('row-1', 'row-1')
        $receipts.SignatureVerified | Should -Be @($true, $true)
        $err.Count | Should -Be 3
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureInvalid,*'
        $err[0].Exception.Message | Should -BeLike "$($forged): The webhook's x-hub-signature does not match*"
        $err[1].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[1].Exception.Message | Should -BeLike ("$($noBlank): It is an HTTP request saved with its headers ('POST /receipts HTTP/1.1'), " +
            "but a line among them is no header ('{`"deliveryInfoNotification`"*'*): a blank line must part the headers from the body.")
        $err[2].Exception.Message | Should -Be ("$($short): It is an HTTP request saved with its headers ('POST /receipts HTTP/1.1'), " +
            "and it was cut short: its Content-Length is 9999 bytes, and only $($bytes.Length) follow the headers.")
        $lineErr | Should -BeNullOrEmpty
        $fromLines.CorrelationId | Should -Be @('row-1', 'row-1')
        $fromLines.SignatureVerified | Should -Be @($true, $true)
        $rawErr | Should -BeNullOrEmpty
        $fromText.CorrelationId | Should -Be @('row-1', 'row-1')
    }

    It 'reads webhooks Windows PowerShell saved as UTF-16 (Out-File, >), and says why such a file''s signature fails' {
        # Before: every file a 5.1 script saved with Out-File or > was "not JSON: '0xFF' is an invalid start of a value".
        $folder = Join-Path $TestDrive 'utf16'
        $null = New-Item -ItemType Directory $folder
        $body = Get-Fixture 'sms-delivered.json'
        Set-Content (Join-Path $folder 'le.json') -Value $body -Encoding Unicode
        Set-Content (Join-Path $folder 'be.json') -Value $body -Encoding BigEndianUnicode
        Set-Content (Join-Path $folder 'utf32.json') -Value $body -Encoding UTF32

        $receipts = @(Get-ChildItem $folder -File | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)
        $null = Get-Item (Join-Path $folder 'le.json') | ConvertFrom-ConnectWebhook -Secret $script:Secret `
            -Signature (Get-Signature ([Text.Encoding]::UTF8.GetBytes($body)) 'webhook-secret-5e1') -ErrorVariable bad -ErrorAction SilentlyContinue

        $err.Count | Should -Be 0
        $receipts.Count | Should -Be 3
        $receipts.CorrelationId | Should -Be @('row-1', 'row-1', 'row-1')
        $receipts.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureInvalid,*'
        $bad[0].Exception.Message | Should -Match 'UTF-16.*saved again in another encoding'
    }

    It 'takes a saved file''s last write time as when its receipt was received, and reads its day-first date by it' {
        # Before, ReceivedAt was the time of the conversion (days later, in a report), and a date such as 04/12/2026
        # could not be read the right way round once its file was more than a few days old.
        $file = Join-Path $TestDrive 'old.json'
        Set-Content $file -Value '{"deliveryInfoNotification":{"deliveryInfo":{"timeStamp":"04/12/2025 10:15:30","code":"7500","destination":"447700900001"},"transid":"m-1"}}'
        $saved = [DateTime]::new(2025, 12, 4, 10, 15, 31, [DateTimeKind]::Utc)
        (Get-Item $file).LastWriteTimeUtc = $saved

        $receipt = Get-Item $file | ConvertFrom-ConnectWebhook

        $receipt.ReceivedAt.UtcDateTime | Should -Be $saved
        $receipt.Timestamp | Should -Be ([DateTimeOffset]::new(2025, 12, 4, 10, 15, 30, [TimeSpan]::Zero))
    }

    It 'lets a file that ends inside its body go with an error naming it, and reads the next file piped through Get-Content' {
        # A web server stopped mid-write. Before, the truncated file held on to the next file's lines: their receipts were
        # lost, and the one error named 'inputs 17 to 22', not the file.
        $folder = Join-Path $TestDrive 'lines'
        $null = New-Item -ItemType Directory $folder
        $indented = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5
        Set-Content (Join-Path $folder 'a.json') -Value (($indented -split '\r?\n')[0..4])
        Set-Content (Join-Path $folder 'b.json') -Value $indented

        $receipts = @(Get-ChildItem $folder -File | Get-Content | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)

        $receipts.Count | Should -Be 1
        $receipts[0].CorrelationId | Should -Be 'row-1'
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -BeLike "$(Join-Path $folder 'a.json'), lines 1 to 5: The input ended inside a webhook body*"
    }

    It 'refuses to check a signature against a body that came line by line (WebhookRawBodyRequired)' {
        $lines = (Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5) -split '\r?\n'

        $null = $lines | ConvertFrom-ConnectWebhook -Secret $script:Secret -Signature 'sha256=00' -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookRawBodyRequired,*'
    }

    It 'names the row and column of a logged CSV row whose Body is not a receipt, piped straight in' {
        # Before: "The webhook body is not JSON ..." and nothing more, for one row of a web server's CSV of thousands.
        $csv = Join-Path $TestDrive 'webhooks.csv'
        $good = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        @(
            [pscustomobject]@{ ReceivedAt = '2026-12-05T09:12:40Z'; Body = $good }
            [pscustomobject]@{ ReceivedAt = '2026-12-05T09:12:41Z'; Body = 'nope' }
            [pscustomobject]@{ ReceivedAt = '2026-12-05T09:12:42Z'; Body = '' }
        ) | Export-Csv $csv -NoTypeInformation

        $receipts = @(Import-Csv $csv | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)

        $receipts.CorrelationId | Should -Be 'row-1'
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*' }
        $err[0].Exception.Message | Should -BeLike 'Row 2: Body: The webhook body is not JSON*'
        $err[1].Exception.Message | Should -Be 'Row 3: Body: The webhook body is empty.'
        $err[0].TargetObject.ReceivedAt | Should -Be '2026-12-05T09:12:41Z'
    }

    It 'reads a log of many bodies read whole with Get-Content -Raw, as its lines and the file are read, and names the line of one that is not a receipt' {
        # Before: "The webhook body is not JSON" for the whole text, though the same file piped line by line was read.
        $one = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $batch = Get-Fixture 'batch.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $log = Join-Path $TestDrive 'receipts-raw.log'
        Set-Content $log -Value $one, 'not json', ($batch | ConvertFrom-Json | ConvertTo-Json -Depth 5)

        $fromRaw = @(Get-Content $log -Raw | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue)
        $fromText = @(ConvertFrom-ConnectWebhook ($one, $batch -join "`n") -ErrorVariable textErr)
        $fromLines = @(Get-Content $log | ConvertFrom-ConnectWebhook -ErrorAction SilentlyContinue)

        $fromRaw.CorrelationId | Should -Be @('row-1', 'row-3', 'row-4')
        $fromRaw.CorrelationId | Should -Be $fromLines.CorrelationId
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -BeLike "$log, line 2: The webhook body is not JSON*"
        $fromText.CorrelationId | Should -Be @('row-1', 'row-3', 'row-4')
        $textErr | Should -BeNullOrEmpty
        # With -Secret, a log given as text is refused whole as a log is (before: "has no x-hub-signature header").
        $null = ConvertFrom-ConnectWebhook ($one, $batch -join "`n") -Secret $script:Secret -ErrorVariable signedText -ErrorAction SilentlyContinue
        $signedText.Count | Should -Be 1
        $signedText[0].FullyQualifiedErrorId | Should -BeLike 'WebhookRawBodyRequired,*'
        $signedText[0].Exception.Message | Should -BeLike 'The text is a log of 2 webhook bodies, one after another, and -Secret checks one body*'
    }

    It 'says a file''s name given for the body is a name, and how to give the file, naming the piped input: <Name>' -ForEach @(
        @{ Name = 'C:\hooks\log.txt' }
        @{ Name = './hooks/receipts.log' }
        @{ Name = '/var/log/webex/hooks.jsonl' }
        @{ Name = 'receipts.json' }
    ) {
        # Before: "The webhook body is not JSON", as if the file had been read and held something else.
        $null = ConvertFrom-ConnectWebhook $Name -ErrorVariable err -ErrorAction SilentlyContinue
        $null = 'receipts.json', $Name | ConvertFrom-ConnectWebhook -ErrorVariable piped -ErrorAction SilentlyContinue
        $null = ConvertFrom-ConnectWebhook $Name -Secret $script:Secret -ErrorVariable signed -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $quoted = "'" + $Name + "'"
        $err[0].Exception.Message | Should -BeExactly ("$quoted is the name of a file, not a webhook body: ConvertFrom-ConnectWebhook reads the body it is " +
            "given, not a file it names. Give the file itself: Get-Item $quoted | ConvertFrom-ConnectWebhook (one body, or a log of many, " +
            "each read), or its text: Get-Content $quoted -Raw | ConvertFrom-ConnectWebhook.")
        $piped.Count | Should -Be 2
        $piped[1].Exception.Message | Should -BeExactly ('Input 2: ' + $err[0].Exception.Message)
        $signed[0].Exception.Message | Should -BeExactly $err[0].Exception.Message
    }

    It 'says of a folder''s name given as text to pipe the files in it, not Get-Item of the folder' {
        # Before: "'./hooks' is the name of a file ... Give the file itself: Get-Item './hooks' | ConvertFrom-ConnectWebhook",
        # which only gave the error for a folder next.
        $folder = Join-Path $TestDrive 'hooks'
        $null = New-Item -ItemType Directory $folder
        Copy-Item (Join-Path $script:Fixtures 'sms-delivered.json') (Join-Path $folder '1.json')
        Push-Location $TestDrive
        try { $null = './hooks' | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue }
        finally { Pop-Location }

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $err[0].Exception.Message | Should -BeExactly ("Input 1: './hooks' is the name of a folder, not a webhook body: " +
            "ConvertFrom-ConnectWebhook reads the bodies it is given, not the files a name points to. Give the files in it: " +
            "Get-ChildItem './hooks' -File | ConvertFrom-ConnectWebhook (each one body, or a log of many, each read).")
        Push-Location $TestDrive
        try { @(Get-ChildItem './hooks' -File | ConvertFrom-ConnectWebhook).Count | Should -Be 1 }
        finally { Pop-Location }
    }

    It 'says in one line that a saved file is not JSON, though the parser quotes its line break' {
        # Before: "(line 1, position 2: 'not json" and "' is an invalid JSON literal)" on two lines of the error.
        $file = Join-Path $TestDrive 'broken.json'
        'not json' | Set-Content $file

        $null = Get-Item $file | ConvertFrom-ConnectWebhook -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Not -Match '[\r\n]'
        $err[0].Exception.Message | Should -BeLike "$($file): The webhook body is not JSON (line 1, position 2: 'not json*' is an invalid JSON literal). *"
    }

    It 'keeps "not JSON" for a body that is no file''s name either' {
        $null = ConvertFrom-ConnectWebhook 'delivered ok' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeLike 'The webhook body is not JSON*'
    }

    It 'says that -Secret cannot check a log of many bodies, and what to do, instead of asking for a header a log never has' {
        # Before: "The webhook has no x-hub-signature header, and -Secret says it must be signed", or with -Signature that it
        # "does not match the body", for a file that holds many bodies and no header at all.
        $one = Get-Fixture 'sms-delivered.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $batch = Get-Fixture 'batch.json' | ConvertFrom-Json | ConvertTo-Json -Depth 5 -Compress
        $log = Join-Path $TestDrive 'receipts-secret.log'
        Set-Content $log -Value $one, $batch, $one
        $single = Join-Path $TestDrive 'one.json'
        Set-Content $single -Value $one

        $read = @(Get-Item $log | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable err -ErrorAction SilentlyContinue)
        $null = Get-Item $log | ConvertFrom-ConnectWebhook -Secret $script:Secret -Signature 'sha256=00' -ErrorVariable signed -ErrorAction SilentlyContinue
        $null = Get-Item $single | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable alone -ErrorAction SilentlyContinue
        # Its lines read with Get-Content: said once for the file (before: once a line, each asking for a header).
        $fromLines = @(Get-Content $log | ConvertFrom-ConnectWebhook -Secret $script:Secret -ErrorVariable lineErr -ErrorAction SilentlyContinue)

        $read.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WebhookRawBodyRequired,*'
        $err[0].Exception.Message | Should -BeLike "$($log): The file is a log of 3 webhook bodies, one after another, and -Secret checks one body*none was read*read this log without -Secret*"
        $signed[0].Exception.Message | Should -Be $err[0].Exception.Message
        $fromLines.Count | Should -Be 0
        $lineErr.Count | Should -Be 1
        $lineErr[0].FullyQualifiedErrorId | Should -BeLike 'WebhookRawBodyRequired,*'
        $lineErr[0].Exception.Message | Should -Be $err[0].Exception.Message
        # One body in a file is checked as before: its missing header is what is wrong.
        $alone[0].FullyQualifiedErrorId | Should -BeLike 'WebhookSignatureMissing,*'
    }

    It 'says a receipt piped in again is already one, to use as it is, and names a number''s type in plain English' {
        # Before: "The webhook body is not a JSON object (it is a DeliveryReceipt)." and "(it is a Int32)".
        $receipt = Get-Fixture 'sms-delivered.json' | ConvertFrom-ConnectWebhook

        $null = $receipt | ConvertFrom-ConnectWebhook -ErrorVariable again -ErrorAction SilentlyContinue
        $null = 42 | ConvertFrom-ConnectWebhook -ErrorVariable number -ErrorAction SilentlyContinue

        $again[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
        $again[0].Exception.Message | Should -Be ('The webhook body is not a JSON object (it is already a DeliveryReceipt, as this command writes: ' +
            'use it as it is, e.g. Wait-ConnectDelivery -Receipt $receipts).')
        $number[0].Exception.Message | Should -Be 'The webhook body is not a JSON object (it is an Int32).'
    }

    It 'shows Status, Destination and the whole MessageId in its default view at 80 columns, Code in Format-List' {
        $receipt = Get-Fixture 'sms-delivered.json' | ConvertFrom-ConnectWebhook
        $text = $receipt | Out-String -Width 80

        $text | Should -Match 'Status\s+Destination\s+MessageId\s+CorrelationId'
        $text | Should -Match "Delivered\s+447700900001\s+$([regex]::Escape($receipt.MessageId))\s+row-1"
        ($receipt | Format-List | Out-String -Width 80) | Should -Match '(?m)^Code\s+: 7500\s*$'
    }
}
