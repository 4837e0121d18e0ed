#Requires -Version 5.1
# Pester 5: Start-/Stop-ConnectReceiptListener and Wait-ConnectDelivery in the real host, with the sandbox posting
# receipts to a loopback listener. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $script:Csv = Join-Path $PSScriptRoot '../../docs/examples/sms-recipients.csv'
    $script:Fixtures = Join-Path $PSScriptRoot '../WebexConnect.Tests/Fixtures/Receipts'

    # Twenty rows with numbers of their own, so a failure share hits some of them.
    function script:New-Rows([int] $Count = 20) {
        1..$Count | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_; Name = "Person $_"; CorrelationId = "row-$_" } }
    }

    # What the service puts in x-hub-signature: the prefix and the hex HMAC of the raw bytes (SHA256, or SHA512 when the webhook is set so).
    function script:Get-HubSignature([byte[]] $Bytes, [string] $Secret, [string] $Algorithm = 'SHA256') {
        $hmac = New-Object "Security.Cryptography.HMAC$Algorithm" (, [Text.Encoding]::UTF8.GetBytes($Secret))
        $Algorithm.ToLowerInvariant() + '=' + (($hmac.ComputeHash($Bytes) | ForEach-Object { $_.ToString('x2') }) -join '')
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Start-ConnectReceiptListener and Stop-ConnectReceiptListener' {
    It 'refuses <Command> -<Parameter> written with a separator (<Given>), which PowerShell read as another number, in de-DE' -ForEach @(
        # A setting kept as text (a .psd1 or .ini of a scheduled script) in de-DE: '200.000' is two hundred thousand.
        # PowerShell read it as 200, so a listener kept 200 receipts and forgot the rest without a word, and
        # Wait-ConnectDelivery -Timeout '1.800' waited 2 seconds, not half an hour, and reported every row NoReceipt.
        @{ Command = 'Start-ConnectReceiptListener'; Parameter = 'Capacity'; Given = '200.000' }
        @{ Command = 'Start-ConnectReceiptListener'; Parameter = 'Port'; Given = '8.080' }
        # A wait in seconds is told to write seconds, not a count's (1000): -Timeout '0.2' was told to write the digits alone.
        @{ Command = 'Wait-ConnectDelivery'; Parameter = 'Timeout'; Given = '1.800'; Write = "write whole seconds (1, or 60 for a minute) or a duration ('10m')" }
        @{ Command = 'Wait-ConnectDelivery'; Parameter = 'Timeout'; Given = '0.2'; Write = "write whole seconds (1, or 60 for a minute) or a duration ('10m')" }
        @{ Command = 'New-ConnectJwt'; Parameter = 'LifetimeMinutes'; Given = '1,5' }
        @{ Command = 'Get-ConnectSandboxRequest'; Parameter = 'Last'; Given = '1.000' }
    ) {
        Connect-WebexConnect -Sandbox
        $listener = Start-ConnectReceiptListener
        # Everything else each command needs, so only the separator can stop it.
        $rest = @{
            'Start-ConnectReceiptListener' = @{}
            'Wait-ConnectDelivery' = @{ Listener = $listener; InputObject = (Send-ConnectSms -From ACME -To '+447700900001' -Text 'Hi') }
            'New-ConnectJwt' = @{ ServiceId = 'svc-1'; ServiceSecret = (ConvertTo-SecureString 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' -AsPlainText -Force) }
            'Get-ConnectSandboxRequest' = @{}
        }[$Command]
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $arguments = $rest + @{ $Parameter = $Given }
            $started = $null
            { $script:started = & $Command @arguments -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-$Parameter '$Given' is not a whole number: $(if ($Write) { $Write } else { 'write the digits alone (1000)' }), as a point*"
        }
        finally {
            [cultureinfo]::CurrentCulture = $before
            $script:started | Where-Object { $_ -is [WebexConnect.Receipts.ConnectReceiptListener] } | Stop-ConnectReceiptListener
            Stop-ConnectReceiptListener $listener
            Disconnect-WebexConnect
        }
    }

    It 'still takes a whole number written as digits alone, as text too' {
        $listener = Start-ConnectReceiptListener -Capacity '200000'
        try { $listener.Capacity | Should -Be 200000 }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'listens on loopback on a free port, returns at once, and frees the port when stopped' {
        $listener = Start-ConnectReceiptListener

        try {
            $listener | Should -BeOfType ([WebexConnect.Receipts.ConnectReceiptListener])
            $listener.Url.Host | Should -Be '127.0.0.1'
            $listener.Port | Should -BeGreaterThan 0
            $listener.IsRunning | Should -BeTrue
            $listener.VerifiesSignatures | Should -BeFalse
        }
        finally {
            Stop-ConnectReceiptListener $listener
        }
        $listener.IsRunning | Should -BeFalse
        $again = Start-ConnectReceiptListener -Port $listener.Port
        $again.Port | Should -Be $listener.Port
        $again | Stop-ConnectReceiptListener
    }

    It 'keeps posted receipts, refuses what is not a receipt, and goes on' {
        $listener = Start-ConnectReceiptListener -Prefix 'http://127.0.0.1:0/receipts/'
        try {
            $body = [IO.File]::ReadAllText((Join-Path $script:Fixtures 'sms-delivered.json'))
            $ok = Invoke-WebRequest -Uri $listener.Url -Method Post -Body $body -ContentType 'application/json' -UseBasicParsing -NoProxy
            $bad = try { Invoke-WebRequest -Uri $listener.Url -Method Post -Body '{oops' -ContentType 'application/json' -UseBasicParsing -NoProxy } catch { $_.Exception.Response.StatusCode.value__ }
            $elsewhere = try { Invoke-WebRequest -Uri ([uri]::new($listener.Url, '/other/')) -Method Post -Body $body -UseBasicParsing -NoProxy } catch { $_.Exception.Response.StatusCode.value__ }

            $ok.StatusCode | Should -Be 200
            $bad | Should -Be 400
            $elsewhere | Should -Be 404
            $listener.Received | Should -Be 1
            $listener.Refused | Should -Be 2
            $listener.GetReceipts()[0].Status | Should -Be 'Delivered'
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'refuses unsigned receipts when given -Secret' {
        $listener = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString 'hook-secret' -AsPlainText -Force)
        try {
            $body = [IO.File]::ReadAllText((Join-Path $script:Fixtures 'sms-delivered.json'))
            $status = try { Invoke-WebRequest -Uri $listener.Url -Method Post -Body $body -UseBasicParsing -NoProxy } catch { $_.Exception.Response.StatusCode.value__ }

            $status | Should -Be 401
            $listener.Received | Should -Be 0
            $listener.LastProblem | Should -BeLike '*x-hub-signature*'
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'keeps a signed webhook posted again once, and says so when stopped with -Verbose' {
        # Before: the same signed body posted again (a replay, or the service's second try) was kept and counted again.
        $secret = 'hook-secret'
        $listener = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString $secret -AsPlainText -Force)
        try {
            $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
            $signature = Get-HubSignature $bytes $secret
            $statuses = 1..3 | ForEach-Object {
                (Invoke-WebRequest -Uri $listener.Url -Method Post -Body $bytes -ContentType 'application/json' -Headers @{ 'x-hub-signature' = $signature } -UseBasicParsing -NoProxy).StatusCode
            }
            $statuses | Should -Be 200, 200, 200
            $listener.Received | Should -Be 1
            $listener.Repeated | Should -Be 2
        }
        finally {
            $verbose = Stop-ConnectReceiptListener $listener -Verbose 4>&1
        }
        "$verbose" | Should -BeLike '*: 1 receipt received, 0 requests refused, 2 signed webhooks posted again (the same body and signature) and not kept twice.'
    }

    It 'keeps a receipt the service signed with SHA-512, as a webhook can be set to' {
        # Before: answered 401 "does not match", so a tenant whose webhook signs with SHA-512 never got a receipt counted.
        $secret = 'hook-secret'
        $listener = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString $secret -AsPlainText -Force)
        try {
            $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
            $signature = Get-HubSignature $bytes $secret SHA512

            $status = (Invoke-WebRequest -Uri $listener.Url -Method Post -Body $bytes -ContentType 'application/json' -Headers @{ 'x-hub-signature' = $signature } -UseBasicParsing -NoProxy).StatusCode

            $status | Should -Be 200
            $listener.Received | Should -Be 1
            $listener.Refused | Should -Be 0
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'opens nothing with -WhatIf' {
        $out = Start-ConnectReceiptListener -Port 0 -WhatIf

        $out | Should -BeNullOrEmpty
    }

    It 'warns when asked to listen beyond loopback without a secret' {
        $listener = Start-ConnectReceiptListener -Address 0.0.0.0 -WarningVariable warned -WarningAction SilentlyContinue
        try {
            $warned[0] | Should -BeLike '*other computers*-Secret*'
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'takes IPv4 clients on -Address :: (all addresses, as on Linux) and says so in its warning' {
        # Before: :: listened on IPv6 only (a client on 127.0.0.1 had its connection refused), and warned "Listening on :::".
        $listener = Start-ConnectReceiptListener -Address :: -WarningVariable warned -WarningAction SilentlyContinue
        try {
            $body = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
            $ok = Invoke-WebRequest -Uri "http://127.0.0.1:$($listener.Port)/" -Method Post -Body $body -ContentType 'application/json' -UseBasicParsing -NoProxy
            $ok.StatusCode | Should -Be 200
            $listener.Received | Should -Be 1
            $warned[0] | Should -BeLike 'Listening on `[::`] (every IPv4 and IPv6 address of this computer): other computers can reach it.*'
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'takes the all-addresses prefixes of HttpListener and netsh (http://+:port/ and http://*:port/path/) as 0.0.0.0' {
        # Before: 'Cannot convert value "http://+:8080/" to type "System.Uri"', which says nothing of what to write.
        foreach ($form in 'http://+:{0}/', 'http://*:{0}/receipts/') {
            $free = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Any, 0); $free.Start(); $port = $free.LocalEndpoint.Port; $free.Stop()
            $listener = Start-ConnectReceiptListener -Prefix ($form -f $port) -WarningVariable warned -WarningAction SilentlyContinue
            try {
                $listener.Port | Should -Be $port
                $warned[0] | Should -BeLike '*0.0.0.0*other computers*'
                $listener.Url | Should -BeLike ("*:$port" + ([uri](($form -f $port) -replace '^http://[+*]', 'http://0.0.0.0')).AbsolutePath)
            }
            finally { Stop-ConnectReceiptListener $listener }
        }
    }

    It 'stops with ListenerStartFailed on a port in use and InvalidListenerAddress on a name' {
        $listener = Start-ConnectReceiptListener
        try {
            { Start-ConnectReceiptListener -Port $listener.Port } | Should -Throw -ErrorId 'ListenerStartFailed,*'
            { Start-ConnectReceiptListener -Address 'example.com' } | Should -Throw -ErrorId 'InvalidListenerAddress,*'
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'says what to change when the address is not this computer''s or another program has the port, and warns only once it listens' {
        # Before: "Cannot assign requested address." after a warning that other computers could reach it, and
        # "Address already in use." with nothing to do about either.
        $failed = $null
        try { Start-ConnectReceiptListener -Address 192.0.2.1 -WarningVariable warned -WarningAction SilentlyContinue } catch { $failed = $_ }
        $failed.FullyQualifiedErrorId | Should -BeLike 'ListenerStartFailed,*'
        $failed.Exception.Message | Should -BeLike '*192.0.2.1 is not an address of this computer*0.0.0.0 for all*'
        $warned.Count | Should -Be 0

        $other = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $other.Start()
        try {
            { Start-ConnectReceiptListener -Port $other.LocalEndpoint.Port } |
                Should -Throw -ErrorId 'ListenerStartFailed,*' -ExpectedMessage "*Another program listens on port $($other.LocalEndpoint.Port)*-Port 0*"
        }
        finally { $other.Stop() }
    }

    It 'shows a port in use in Get-Error at 80 columns as its message, with no socket exception and stack trace under it' {
        # Before: Get-Error printed the SocketException behind the error, with its stack trace, under a message that
        # already says the port is in use and what to do.
        $other = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $other.Start()
        $failed = $null
        try { Start-ConnectReceiptListener -Port $other.LocalEndpoint.Port } catch { $failed = $_ }
        finally { $other.Stop() }

        $failed.FullyQualifiedErrorId | Should -BeLike 'ListenerStartFailed,*'
        $failed.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failed.Exception.InnerException | Should -BeNullOrEmpty
        $shown = $failed | Get-Error | Out-String -Width 80
        $shown | Should -Not -Match 'SocketException|InnerException'
        $shown | Should -Match 'Another program listens'
    }

    It 'shows the whole Url of a listener with a path at 80 columns' {
        $listener = Start-ConnectReceiptListener -Prefix 'http://127.0.0.1:0/receipts/'
        try {
            $lines = @(($listener | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

            $lines[0] | Should -Match '^IsRunning\s+Received\s+Refused\s+Dropped\s+SignedOnly\s+Url$'
            $lines[2] | Should -Match ('^True\s+0\s+0\s+0\s+False\s+' + [regex]::Escape($listener.Url.ToString()) + '$')
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'names the forgotten listener of a finished script that holds the port, and Remove-Module frees it' {
        # A script that ends (or fails) before Stop-ConnectReceiptListener leaves no variable to stop its listener with.
        $url = & { $forgotten = Start-ConnectReceiptListener; $forgotten.Url }

        { Start-ConnectReceiptListener -Port $url.Port } | Should -Throw -ExpectedMessage '*this PowerShell session started*still listens there*Remove-Module WebexConnect*'
        Remove-Module WebexConnect -Force
        Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
        $again = Start-ConnectReceiptListener -Port $url.Port
        try { $again.IsRunning | Should -BeTrue }
        finally { Stop-ConnectReceiptListener $again }
    }

    It 'stops a forgotten listener by the Url or the port the console showed, which Tab completes, without closing the session' {
        # Before, -Listener took only the object: with its variable gone, the message said "stop it with
        # Stop-ConnectReceiptListener", which could not, and Remove-Module, which closed the session too.
        $session = Connect-WebexConnect -Sandbox -PassThru
        $byUrl = & { $forgotten = Start-ConnectReceiptListener; $forgotten.Url }
        $byPort = & { $forgotten = Start-ConnectReceiptListener; $forgotten.Port }
        try {
            $line = 'Stop-ConnectReceiptListener '
            $completed = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            $completed | Should -Contain $byUrl.ToString()
            $completed | Should -Contain "http://127.0.0.1:$byPort/"
            { Start-ConnectReceiptListener -Port $byUrl.Port } |
                Should -Throw -ExpectedMessage "*still listens there*stop it with Stop-ConnectReceiptListener $byUrl,*"

            # Wait-ConnectDelivery takes it the same way.
            $sent = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -NotifyUrl $byUrl
            ($sent | Wait-ConnectDelivery -Listener $byUrl.ToString() -Timeout 10).Status | Should -Be 'Delivered'

            Stop-ConnectReceiptListener $byUrl.ToString()
            "$byPort" | Stop-ConnectReceiptListener
            $again = Start-ConnectReceiptListener -Port $byUrl.Port
            Stop-ConnectReceiptListener -Listener $again.Port
            $again.IsRunning | Should -BeFalse
            { Start-ConnectReceiptListener -Port $byPort | Stop-ConnectReceiptListener } | Should -Not -Throw
            $session.IsSandbox | Should -BeTrue
            Get-ConnectContext | Should -Be $session

            # Nothing runs there any more: said in words, with what does run.
            { Stop-ConnectReceiptListener $byUrl.ToString() -ErrorAction Stop } |
                Should -Throw -ExpectedMessage "*No receipt listener that this PowerShell started is running at $byUrl. None is running.*"
        }
        finally { Disconnect-WebexConnect }
    }

    # Before: without -Listener PowerShell prompted "Listener:" in a console and a scheduled task failed on "missing
    # mandatory parameters", though the session ran one listener only (Wait-ConnectDelivery already took that one).
    It 'stops the one listener this session runs when -Listener is not given, and says what to give when none or several run' {
        $first = Start-ConnectReceiptListener
        $second = Start-ConnectReceiptListener
        try {
            { Stop-ConnectReceiptListener } |
                Should -Throw -ErrorId 'ReceiptListenerAmbiguous,*' -ExpectedMessage "*2 receipt listeners*$($first.Url)*$($second.Url)*give -Listener with the Url or the port*"
            $first.IsRunning | Should -BeTrue
            $second.IsRunning | Should -BeTrue
            Stop-ConnectReceiptListener $first

            Stop-ConnectReceiptListener -WarningVariable warned -WarningAction SilentlyContinue
            $second.IsRunning | Should -BeFalse
            $warned | Should -BeNullOrEmpty

            Stop-ConnectReceiptListener -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop
            "$warned" | Should -BeLike '*No receipt listener is running in this session*none to stop*'
        }
        finally { $first, $second | Stop-ConnectReceiptListener }
    }

    It 'leaves, without -Listener, the listeners other runspaces of the process started (a thread job''s)' {
        # Before: the choice was among every listener of the process, so a script's bare Stop-ConnectReceiptListener
        # stopped the listener a thread job (or a ForEach-Object -Parallel block) was waiting on.
        $other = [powershell]::Create()
        try {
            $theirs = $other.AddScript("Import-Module '$((Get-Module WebexConnect).ModuleBase)/WebexConnect.psd1'; Start-ConnectReceiptListener").Invoke()[0]
            $theirs.IsRunning | Should -BeTrue

            Stop-ConnectReceiptListener -WarningVariable warned -WarningAction SilentlyContinue
            "$warned" | Should -BeLike '*No receipt listener is running in this session*'
            $theirs.IsRunning | Should -BeTrue

            $mine = Start-ConnectReceiptListener
            Stop-ConnectReceiptListener
            $mine.IsRunning | Should -BeFalse
            $theirs.IsRunning | Should -BeTrue
        }
        finally {
            if ($theirs) { Stop-ConnectReceiptListener $theirs }
            $other.Dispose()
        }
    }
}

Describe 'Wait-ConnectDelivery' {
    BeforeEach {
        $script:Listener = Start-ConnectReceiptListener
    }
    AfterEach {
        Stop-ConnectReceiptListener $script:Listener
        Disconnect-WebexConnect
    }

    It 'runs the README example as printed: Import-Csv | Send-ConnectSms -NotifyUrl | Wait-ConnectDelivery, offline' {
        $readme = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../README.md'))
        $section = $readme.Substring($readme.IndexOf('## Delivery: what happened after Queued'))
        $code = [regex]::Match($section, '```powershell\r?\n(?<code>.*?)```', 'Singleline').Groups['code'].Value
        $code | Should -Match 'Wait-ConnectDelivery -Listener \$l'

        Push-Location (Join-Path $PSScriptRoot '../..')
        try { $delivery = @(Invoke-Expression $code 2>$null) }
        finally { Pop-Location }

        $rows = @(Import-Csv $script:Csv)
        $delivery.Count | Should -Be $rows.Count
        $delivery | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Receipts.DeliveryResult]) }
        $delivery.Row | Should -Be (1..$rows.Count)
        $delivery | ForEach-Object { $_.Status | Should -BeIn @('Delivered', 'Failed'); $_.ReceiptAt | Should -Not -BeNullOrEmpty; $_.TimedOut | Should -BeFalse }
        $delivery.CorrelationId | Should -Be $rows.CorrelationId
    }

    It 'shows escape sequences a posted receipt carries as text, not as terminal commands, and keeps a multi-line CallbackData' {
        # Before: anyone who could post to a listener without -Secret re-coloured or re-titled the admin's terminal through
        # the Description that DeliveryFailed's message prints (ESC [31m, ESC ]0;title BEL).
        $null = Connect-WebexConnect -Sandbox
        $sent = [pscustomobject]@{ Phone = '+447700900001'; CorrelationId = 'r1' } | Send-ConnectSms -From ACME -Text 'Hi'
        $body = '{"deliveryInfoNotification":{"deliveryInfo":{"code":"7102","deliveryStatus":"FAILED","destination":"447700900001",' +
            '"Description":"bad\u001b[31mRED\u001b]0;pwned\u0007\u009b2J"},"transid":"' + $sent.MessageId + '","correlationid":"r1",' +
            '"callbackData":"{\n  \"invoice\": 42\n}"}}'
        $null = Invoke-WebRequest $script:Listener.Url -Method Post -Body $body -ContentType 'application/json'

        $delivery = $sent | Wait-ConnectDelivery -Timeout 5 -ErrorVariable err -ErrorAction SilentlyContinue

        $delivery.Status | Should -Be 'Failed'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DeliveryFailed,*'
        $shown = $err[0].ToString() + ($delivery | Out-String -Width 80) + ($delivery.Receipt | Format-List * | Out-String -Width 80)
        $shown | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
        $err[0].ToString() | Should -BeLike '*bad\u001B`[31mRED\u001B]0;pwned\u0007\u009B2J*'
        ($delivery.Receipt.CallbackData | ConvertFrom-Json).invoice | Should -Be 42
    }

    It 'prints line ends and bidirectional controls a receipt carries as \uXXXX, and keeps them in its properties' {
        # Before: a CR in a Description printed what followed over the start of DeliveryFailed's line ("Delivered fine"
        # over "Row 1: Failed"), and U+202E showed the correlation ID abc<U+202E>fdp.exe as abcexe.pdf in the tables.
        $null = Connect-WebexConnect -Sandbox
        $sent = [pscustomobject]@{ Phone = '+447700900001'; CorrelationId = 'r1' } | Send-ConnectSms -From ACME -Text 'Hi'
        $body = '{"deliveryInfoNotification":{"deliveryInfo":{"code":"7102","deliveryStatus":"FAILED","destination":"447700900001\rOK",' +
            '"Description":"bad\rDelivered fine \u202Eevil\u202C end"},"transid":"' + $sent.MessageId + '","correlationid":"abc\u202Efdp.exe"}}'
        $receipt = ConvertFrom-ConnectWebhook $body
        $ours = ConvertFrom-ConnectWebhook ($body -replace '447700900001\\rOK', '447700900001' -replace 'abc\\u202Efdp.exe', 'r1')

        $delivery = $sent | Wait-ConnectDelivery -Receipt $ours -ErrorVariable err -ErrorAction SilentlyContinue

        $delivery.Status | Should -Be 'Failed'
        $shown = $err[0].ToString() + "$receipt" + ($receipt | Out-String -Width 200) + ($delivery | Out-String -Width 200)
        $shown | Should -Not -Match '[\r\u202C\u202E]'
        $err[0].ToString() | Should -BeLike '*: bad\u000DDelivered fine \u202Eevil\u202C end. The number or address is not valid*'   # then what to do about 7102
        ($receipt | Out-String -Width 200) | Should -BeLike '*447700900001\u*abc\u202E*'
        ($delivery | Out-String -Width 200) | Should -BeLike '*bad\u000DDelivered fine \u202Eevil\u202C end*'
        $receipt.CorrelationId | Should -BeExactly "abc$([char]0x202E)fdp.exe"
        $receipt.Description | Should -BeExactly "bad`rDelivered fine $([char]0x202E)evil$([char]0x202C) end"
    }

    It 'says of a Scheduled row of an older results file, without its time, that no receipt comes before its time, and not of a Queued one' {
        # Before, a reminder scheduled for tomorrow was told only "no delivery receipt among the 0 receipts given", which
        # read as a message lost, to be sent again: the person would get it twice. A file written before results had a
        # ScheduledFor column does not know the row's time.
        $null = Connect-WebexConnect -Sandbox
        $tomorrow = (Get-Date).Date.AddDays(1).AddHours(9).ToString('yyyy-MM-dd HH:mm')
        $results = Join-Path $TestDrive 'appointments-results.csv'
        @"
Name,Phone,SendAt
Ann,+447700900001,
Bob,+447700900002,$tomorrow
"@ | ConvertFrom-Csv | Send-ConnectSms -From CLINIC -Text 'Hi $(Name)' | Export-Csv $results -NoTypeInformation -Encoding UTF8

        $older = Import-Csv $results | Select-Object * -ExcludeProperty ScheduledFor

        $report = @($older | Wait-ConnectDelivery -Receipt @() -ErrorVariable missing -ErrorAction SilentlyContinue)

        $report.SendStatus | Should -Be @('Queued', 'Scheduled')
        $report.Status | Should -Be @('NoReceipt', 'NoReceipt')
        @($missing).Count | Should -Be 2
        $missing[0].ToString() | Should -Not -BeLike '*Scheduled*'
        # A results file has no time: the error says where it came from.
        $missing[1].ToString() | Should -BeLike ('Row 2: +447700900002: no delivery receipt among the 0 receipts given (message *). The send was Scheduled ' +
            "for the time its -SendAt, or its row's SendAt cell, gave: it is neither delivered nor failed, and no receipt comes before that time. Do not send it again; look for its receipt after that time.")
    }

    It 'writes a Scheduled row of results.csv at once as Scheduled, from its ScheduledFor column, and does not wait -Timeout for it' {
        # Before: results.csv had no column saying when a row goes out, so Import-Csv results.csv | Wait-ConnectDelivery waited
        # the whole -Timeout for the reminder due tomorrow, then called it NoReceipt, though the live result was written at once.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $tomorrow = (Get-Date).Date.AddDays(1).AddHours(9)
        $results = Join-Path $TestDrive 'tomorrow-results.csv'
        $delivery = Join-Path $TestDrive 'tomorrow-delivery.csv'
        "Phone,SendAt`n+447700900001,`n+447700900002,$($tomorrow.ToString('yyyy-MM-dd HH:mm'))" | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text Hi -NotifyUrl $l.Url | Export-Csv $results -NoTypeInformation
        (Import-Csv $results)[1].ScheduledFor | Should -Not -BeNullOrEmpty
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @(Import-Csv $results | Wait-ConnectDelivery $l -Timeout 60 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $report.Status | Should -Be @('Delivered', 'Scheduled')
        $report[1].TimedOut | Should -BeFalse
        $report[1].ScheduledFor | Should -Be ([DateTimeOffset]$tomorrow)
        $utc = $tomorrow.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')
        $report[1].Note | Should -BeLike "The send was Scheduled for $($utc)Z*: it was not waited for, as no receipt comes before that time.*"
        @($problems).Count | Should -Be 0
        # The delivery report keeps the time too: waited for again from its Export-Csv, the row is still Scheduled at once.
        $report | Export-Csv $delivery -NoTypeInformation
        $again = @(Import-Csv $delivery | Wait-ConnectDelivery -Receipt @() -ErrorVariable problems -ErrorAction SilentlyContinue)
        $again[1].Status | Should -Be 'Scheduled'
        $again[1].ScheduledFor | Should -Be ([DateTimeOffset]$tomorrow)
        @($problems | Where-Object { "$_" -like 'Row 2:*' }).Count | Should -Be 0
    }

    It 'runs the about topic''s ISO 8601 export recipe as printed: SubmittedAt and ScheduledFor read back in another culture' {
        # Before: the recipe converted only SubmittedAt, so a de-DE results file's ScheduledFor was not read in en-US.
        $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md'))
        $recipe = [regex]::Match($about, '(?s)\.\.\. \| (?<code>Select-Object -ExcludeProperty .*?-Encoding UTF8)').Groups['code'].Value
        $recipe | Should -Match 'ScheduledFor'
        $null = Connect-WebexConnect -Sandbox
        $tomorrow = [DateTimeOffset]::new((Get-Date).Date.AddDays(1).AddHours(9))
        $results = Join-Path $TestDrive 'iso-results.csv'
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            Push-Location $TestDrive
            $sent = "Phone,SendAt`n+447700900001,`n+447700900002,$($tomorrow.ToString('o'))" | ConvertFrom-Csv |
                Send-ConnectSms -From ACME -Text Hi -WarningAction SilentlyContinue
            # The recipe's "..." is the send: its results come in as $input.
            $sent | & ([scriptblock]::Create('$input | ' + $recipe.Replace('results.csv', "'$results'")))
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @(Import-Csv $results | Wait-ConnectDelivery -Receipt @() -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)
        }
        finally { Pop-Location; [cultureinfo]::CurrentCulture = $before }

        $read = Import-Csv $results
        $read[0].ScheduledFor | Should -BeExactly ''
        [DateTimeOffset]::Parse($read[1].ScheduledFor, [cultureinfo]::InvariantCulture) | Should -Be $tomorrow
        [DateTimeOffset]::Parse($read[0].SubmittedAt, [cultureinfo]::InvariantCulture) | Should -Be $sent[0].SubmittedAt
        $report[1].Status | Should -Be 'Scheduled'
        $report[1].ScheduledFor | Should -Be $tomorrow
        @($warned).Count | Should -Be 0
    }

    It 'warns once when a Scheduled row''s ScheduledFor is not a time in this culture, and waits for the row as for one of an older file' {
        # A file written in de-DE, read in en-US: the time is not read, and without a word the rows were waited for.
        $null = Connect-WebexConnect -Sandbox
        $rows = @(
            'Row,Channel,Destination,MessageId,Status,SubmittedAt,ScheduledFor'
            '1,Sms,+447700900001,m-1,Scheduled,2026-12-07T10:00:00Z,08.12.2026 09:00:00 +00:00'
            '2,Sms,+447700900002,m-2,Scheduled,2026-12-07T10:00:00Z,08.12.2026 09:00:00 +00:00'
        ) | ConvertFrom-Csv
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @($rows | Wait-ConnectDelivery -Receipt @() -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $report.Status | Should -Be @('NoReceipt', 'NoReceipt')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be ("Row 1: ScheduledFor '08.12.2026 09:00:00 +00:00' is not a time in ISO 8601 or in this culture's (en-US) format, " +
            'so the times of such Scheduled rows are not read, and each is waited for as if it went out now, though no receipt comes ' +
            'before its time. Read the file in the culture that wrote it, or write its times in ISO 8601.')
    }

    It 'shows at 80 columns when a Scheduled row is due, in the table''s Reason, where the cell was blank' {
        $null = Connect-WebexConnect -Sandbox
        $due = [DateTimeOffset]::new((Get-Date).Date.AddDays(1).AddHours(9)).ToUniversalTime()
        $sent = "Phone,SendAt`n+447700900001,`n+447700900002,$($due.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture))Z" |
            ConvertFrom-Csv | Send-ConnectSms -From ACME -Text Hi -WarningAction SilentlyContinue
        $receipt = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7500`",`"Description`":`"Delivered`",`"destination`":`"447700900001`"},`"transid`":`"$($sent[0].MessageId)`"}}" | ConvertFrom-ConnectWebhook

        $report = @($sent | Wait-ConnectDelivery -Receipt $receipt)
        $lines = @(($report | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $report.Status | Should -Be @('Delivered', 'Scheduled')
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because "'$_' must fit" }
        $lines[2] | Should -Match '^\s+1 Delivered\s+\+447700900001\s+7500\s+\d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d\s+Delivered$'
        $inUtc = $due.ToString('d MMM HH:mm', [cultureinfo]::InvariantCulture)
        $lines[3] | Should -Match ('^\s+2 Scheduled\s+\+447700900002\s+Due ' + [regex]::Escape($inUtc) + 'Z$')
        $lines.Count | Should -Be 4   # nothing wraps
    }

    It 'shows at an 80-column console''s 79 a row due on the 10th or later whole, and an email address of 21 characters' {
        # Before: ReceiptAt took 19 characters with its year, Reason kept 16 at 79 columns, and a row due on the 28th showed
        # "Due 28 Jan 09:0…"; an address was cut at 18, "alice.martin@exam…". ReceiptAt now reads "7 Dec 13:47:57".
        $null = Connect-WebexConnect -Sandbox
        $sent = @(Send-ConnectSms -To '+447700900001' -From ACME -Text Hi) +
            @(Send-ConnectEmail -To 'ann.lee@example.co.uk' -From 'news@example.com' -Subject 'Hi' -Text 'Hi')
        $sent | Export-Csv (Join-Path $TestDrive 'due.csv') -NoTypeInformation
        # A row of the results file scheduled for the 28th of next month: the day of two digits, whatever today is.
        $next = (Get-Date).ToUniversalTime().AddMonths(1)
        $due = [DateTimeOffset]::new($next.Year, $next.Month, 28, 9, 0, 0, [TimeSpan]::Zero)
        $rows = @(Import-Csv (Join-Path $TestDrive 'due.csv'))
        $rows[0].Status = 'Scheduled'
        $rows[0].ScheduledFor = $due.ToString('o')
        $receipt = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7500`",`"Description`":`"Delivered`",`"destination`":`"ann.lee@example.co.uk`"},`"transid`":`"$($sent[1].MessageId)`"}}" | ConvertFrom-ConnectWebhook

        $report = @($rows | Wait-ConnectDelivery -Receipt $receipt)

        $report.Status | Should -Be @('Scheduled', 'Delivered')
        foreach ($width in 79, 80) {
            $lines = @(($report | Out-String -Width $width) -split '\r?\n' | Where-Object { $_.Trim() })
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width -Because "'$_' must fit" }
            $lines[2] | Should -Match ('^\s+1 Scheduled\s+\+447700900001\s+Due 28 ' + $due.ToString('MMM', [cultureinfo]::InvariantCulture) + ' 09:00Z$')
            $lines[3] | Should -Match '^\s+1 Delivered\s+ann\.lee@example\.co\.uk\s+7500\s+\d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d\s+Delivered$'
        }
    }

    It 'says of an email left at Submitted that an SMTP email app gets no later receipt, and how to stop waiting; not of an SMS left there' {
        # The service sends Delivered, Bounced ... for email through AWS SES only; through SMTP, Submitted alone. Before,
        # every row of such an app ended "only a Submitted receipt", which read as receipts lost, to be waited for again.
        $null = Connect-WebexConnect -Sandbox
        $email = @(Send-ConnectEmail -To 'ann@example.com' -From 'it@example.com' -Subject 'S' -Text 'T')
        $sms = @(Send-ConnectSms -To '+447700900001' -From ACME -Text 'T')
        $receipts = foreach ($sent in $email + $sms) {
            $address = $sent.Destination.TrimStart('+')
            "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7501`",`"Description`":`"Submitted`",`"destination`":`"$address`"," +
                "`"deliveryStatus`":`"submitted`"},`"transid`":`"$($sent.MessageId)`"}}" | ConvertFrom-ConnectWebhook
        }

        $report = @($email + $sms | Wait-ConnectDelivery -Receipt $receipts -ErrorVariable missing -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('Submitted', 'Submitted')
        @($missing).Count | Should -Be 2
        $missing[0].ToString() | Should -BeLike ('Row 1: ann@example.com: only a Submitted receipt among the 2 receipts given (message *). ' +
            'An email app that sends through SMTP gets no receipt after Submitted (the service sends Delivered, Bounced and the others ' +
            "only for email sent through AWS SES): for such an app Submitted is the last receipt, and a bounce comes back to the sender's " +
            'mailbox as a non-delivery report. For such an app, wait with -EmailRoute Smtp, or send with -RequestedReceipt submitted: ' +
            'Wait-ConnectDelivery then takes Submitted as the last receipt and does not wait for more.')
        $report[0].Note | Should -BeExactly ($missing[0].ToString() -replace '^.*?\)\. ', '')
        $missing[1].ToString() | Should -Not -BeLike '*SMTP*'
        $report[1].Note | Should -BeNullOrEmpty
    }

    It 'ends an email''s wait at its Submitted receipt with -EmailRoute Smtp, sent with no -RequestedReceipt, and says why in its Note' {
        # The service posts an SMTP email app's Submitted alone (seeds: "For email via SMTP, only submitted receipt is applicable"),
        # so an email sent with no requestedReceipts gets nothing after it. Before, such rows waited the whole -Timeout and
        # ended TimedOut. The sends here give no -NotifyUrl; the test posts what an SMTP app's tenant would: Submitted alone.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $sent = @("Email,Name`nann@example.com,Ann`nbob@example.com,Bob" | ConvertFrom-Csv |
            Send-ConnectEmail -From 'it@example.com' -Subject 'Hi $(Name)' -Text 'T')
        $sent += Send-ConnectSms -To '+447700900001' -From ACME -Text 'T'
        foreach ($one in $sent) {
            $body = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7501`",`"deliveryStatus`":`"submitted`"," +
                "`"destination`":`"$($one.Destination.TrimStart('+'))`"},`"transid`":`"$($one.MessageId)`"}}"
            $null = Invoke-WebRequest $l.Url -Method Post -Body $body -ContentType 'application/json' -UseBasicParsing -NoProxy
        }
        $null = Invoke-WebRequest $l.Url -Method Post -ContentType 'application/json' -UseBasicParsing -NoProxy -Body (
            "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7500`",`"destination`":`"447700900001`"},`"transid`":`"$($sent[2].MessageId)`"}}")
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @($sent | Wait-ConnectDelivery $l -Timeout 30 -EmailRoute Smtp -ErrorVariable problems -WarningVariable warned -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $report.Status | Should -Be @('Submitted', 'Submitted', 'Delivered')
        $report.TimedOut | Should -Be @($false, $false, $false)
        $report[0].Note | Should -BeExactly ('Submitted is the last receipt (-EmailRoute Smtp): an email app that sends through SMTP gets no receipt ' +
            "after Submitted (the service sends Delivered, Bounced and the others only for email sent through AWS SES), and a bounce comes " +
            "back to the sender's mailbox as a non-delivery report.")
        $report[2].Note | Should -BeNullOrEmpty
        @($problems).Count | Should -Be 0
        @($warned).Count | Should -Be 0
    }

    It 'writes an SMTP app''s email sent without submitted in -RequestedReceipt at once with -EmailRoute Smtp: no receipt can come' {
        $null = Connect-WebexConnect -Sandbox
        $sent = Send-ConnectEmail -To 'ann@example.com' -From 'it@example.com' -Subject 'S' -Html '<p>T</p>' -RequestedReceipt delivered, read
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @($sent | Wait-ConnectDelivery $script:Listener -Timeout 30 -EmailRoute Smtp -ErrorVariable missing -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $report.Status | Should -Be 'NoReceipt'
        $report.TimedOut | Should -BeFalse
        @($missing).Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DeliveryReceiptMissing,*'
        $missing[0].ToString() | Should -BeExactly ("Row 1: ann@example.com: no delivery receipt can come. The send's -RequestedReceipt left out submitted, " +
            'and an email app that sends through SMTP gets no receipt after Submitted (the service sends Delivered, Bounced and the others ' +
            'only for email sent through AWS SES) (-EmailRoute Smtp): none comes, so it was not waited for. Send with -RequestedReceipt ' +
            'submitted to have the Submitted receipt.')
    }

    It 'writes a text email sent with -RequestedReceipt read, clicked at once: no receipt can come, whatever the app' {
        # The service sends no read or clicked receipt for a text email (API.md), and the filter lets nothing else through.
        # Before, the row waited the whole -Timeout, and its error blamed an SMTP app for what no app sends.
        $null = Connect-WebexConnect -Sandbox
        $sent = Send-ConnectEmail -To 'ann@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -RequestedReceipt read, clicked -NotifyUrl $script:Listener.Url -WarningAction SilentlyContinue
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @($sent | Wait-ConnectDelivery $script:Listener -Timeout 30 -ErrorVariable missing -ErrorAction SilentlyContinue -WarningVariable warned)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        ($report.Status, $report.TimedOut) | Should -Be @('NoReceipt', $false)
        $missing[0].ToString() | Should -BeExactly ("Row 1: ann@example.com: no delivery receipt can come. The send's -RequestedReceipt asked only " +
            'for read or clicked receipts, which never come for a text email (one without HTML): no receipt comes, so it was not ' +
            'waited for. Give the email HTML, or ask for submitted or delivered too.')
        $report.Note | Should -BeExactly ($missing[0].ToString() -replace '^.*can come\. ', '')
        @($warned).Count | Should -Be 0
    }

    It 'shows the receipt of an email''s Cc copy where its help says: the listener''s GetReceipts(), by the results'' MessageId' {
        # The copy's receipt answers for no row, and before, the help sent the admin to ConvertFrom-ConnectWebhook, which a
        # listener's receipts never pass through: the copy's delivery showed nowhere.
        $null = Connect-WebexConnect -Sandbox
        $results = @(Send-ConnectEmail -To 'ann@example.com' -Cc 'boss@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -NotifyUrl $script:Listener.Url)

        $report = @($results | Wait-ConnectDelivery $script:Listener -Timeout 30)
        # The row is done at its own final receipt; the copy's may come a moment later (the full suite on two busy cores).
        $clock = [Diagnostics.Stopwatch]::StartNew()
        while ($true) {
            $all = @($script:Listener.GetReceipts() | Where-Object MessageId -in $results.MessageId)
            $copy = @($all | Where-Object { $_.Destination -eq 'boss@example.com' -and $_.Status -ne 'Submitted' })
            if ($copy.Count -gt 0 -or $clock.Elapsed.TotalSeconds -gt 10) { break }
            Start-Sleep -Milliseconds 100
        }

        $report.Destination | Should -Be 'ann@example.com'
        $copy.Count | Should -BeGreaterThan 0
        $copy.Status | Should -Contain 'Delivered'
        (Get-Help Wait-ConnectDelivery -Full | Out-String) -replace '\s+', ' ' |
            Should -BeLike '*$listener.GetReceipts() | Where-Object MessageId -in $results.MessageId lists every receipt of those sends, a copy''s*'
    }

    It 'writes the Export-Csv row of a text email sent with -RequestedReceipt read at once too, as it did the send''s own result' {
        # The results file keeps no other sign of a text email: before, its row read as asking for a read receipt that can come,
        # and Import-Csv results.csv | Wait-ConnectDelivery waited the whole -Timeout for it, then blamed an SMTP app.
        $null = Connect-WebexConnect -Sandbox
        $file = Join-Path $TestDrive 'text-email-results.csv'
        Send-ConnectEmail -To 'ann@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -RequestedReceipt submitted, read -NotifyUrl $script:Listener.Url -WarningAction SilentlyContinue |
            Export-Csv $file -NoTypeInformation -Encoding UTF8
        Send-ConnectEmail -To 'bob@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -RequestedReceipt read -NotifyUrl $script:Listener.Url -WarningAction SilentlyContinue |
            Export-Csv $file -Append -NoTypeInformation -Encoding UTF8
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @(Import-Csv $file | Wait-ConnectDelivery $script:Listener -Timeout 30 -ErrorVariable missing -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        (Import-Csv $file).RequestedReceipts | Should -Be @('submitted, read (never for a text email)', 'read (never for a text email)')
        $report.Status | Should -Be @('Submitted', 'NoReceipt')
        $report.TimedOut | Should -Be @($false, $false)
        @($missing).Count | Should -Be 1
        $missing[0].ToString() | Should -BeLike "Row 1: bob@example.com: no delivery receipt can come. The send's -RequestedReceipt asked only for read or clicked receipts*"
    }

    It 'keeps the requested receipts through Export-Csv, so the file''s rows stop at Submitted as the send''s own results do' {
        # Before, a send result held what -RequestedReceipt asked for in no column: Import-Csv results.csv | Wait-ConnectDelivery
        # read every row as asking for every receipt, waited the whole -Timeout for rows sent with -RequestedReceipt submitted,
        # and said nothing of rows whose send left submitted out.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $file = Join-Path $TestDrive 'email-results.csv'
        $rows = "Email,Name`nann@example.com,Ann`nbob@example.com,Bob" | ConvertFrom-Csv
        $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Hi $(Name)' -Text 'T' -RequestedReceipt submitted -NotifyUrl $l.Url |
            Export-Csv $file -NoTypeInformation -Encoding UTF8
        $both = Send-ConnectEmail -To 'cy@example.com' -From 'it@example.com' -Subject 'S' -Html '<p>T</p>' -RequestedReceipt read, clicked
        $both | Export-Csv $file -Append -NoTypeInformation -Encoding UTF8
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @(Import-Csv $file | Select-Object -First 2 | Wait-ConnectDelivery $l -Timeout 30 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        (Import-Csv $file).RequestedReceipts | Should -Be @('submitted', 'submitted', 'read, clicked')
        $report.Status | Should -Be @('Submitted', 'Submitted')
        $report.TimedOut | Should -Be @($false, $false)
        $note = "Submitted is the last receipt: the send's -RequestedReceipt asked for none after it."
        $report.Note | Should -Be @($note, $note)
        @($problems).Count | Should -Be 0
        $report.RequestedReceipts | Should -Be @('submitted', 'submitted')

        $later = @(Import-Csv $file | Select-Object -Last 1 | Wait-ConnectDelivery -Receipt @() -ErrorVariable missing -ErrorAction SilentlyContinue)
        $later.Status | Should -Be 'NoReceipt'
        # Case-sensitive: the sentence once read "and An email app".
        $missing[0].ToString() | Should -BeLikeExactly "*The send's -RequestedReceipt left out submitted, and an email app that sends through SMTP*"
    }

    It 'ends the wait at the Submitted receipt of an email sent with -RequestedReceipt submitted, at once and without an error' {
        # An SMTP email app sends Submitted alone, and a send that asks for nothing else gets nothing after it, whatever the app.
        # Before, every row waited the whole -Timeout, then ended TimedOut with an error blaming SMTP for what the send asked.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $rows = "Email,Name`nann@example.com,Ann`nbob@example.com,Bob" | ConvertFrom-Csv
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Hi $(Name)' -Text 'T' -RequestedReceipt submitted -NotifyUrl $l.Url |
            Wait-ConnectDelivery $l -Timeout 30 -ErrorVariable problems -WarningVariable warned -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $report.Row | Should -Be @(1, 2)
        $report.Status | Should -Be @('Submitted', 'Submitted')
        $report.Code | Should -Be @('7501', '7501')
        $report.TimedOut | Should -Be @($false, $false)
        @($problems).Count | Should -Be 0
        @($warned).Count | Should -Be 0
    }

    It 'says of an email sent without submitted in -RequestedReceipt that an SMTP email app sends it no receipt at all' {
        # Before, "no delivery receipt" alone, and the run's warning asked whether the sends gave -NotifyUrl, which they had.
        $null = Connect-WebexConnect -Sandbox
        $sent = @(Send-ConnectEmail -To 'ann@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -RequestedReceipt delivered, bounced -NotifyUrl $script:Listener.Url)
        $sent += Send-ConnectEmail -To 'bob@example.com' -From 'it@example.com' -Subject 'S' -Text 'T'

        $report = @($sent | Wait-ConnectDelivery -Receipt @() -ErrorVariable missing -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('NoReceipt', 'NoReceipt')
        $missing[0].ToString() | Should -BeLike ("Row 1: ann@example.com: no delivery receipt among the 0 receipts given (message *). The send's " +
            '-RequestedReceipt left out submitted, and an email app that sends through SMTP gets no receipt after Submitted (the service ' +
            'sends Delivered, Bounced and the others only for email sent through AWS SES): for such an app no receipt comes at all. ' +
            'For such an app, wait with -EmailRoute Smtp, or send with -RequestedReceipt submitted: *')
        $missing[1].ToString() | Should -Not -BeLike '*SMTP*'
    }

    It 'gives a row copied to a Cc address the receipt of its own To address, one result a row, whatever the copy''s receipt says' {
        # The service posts a receipt for every To, Cc and Bcc address under the message's transid. A Cc's Bounced must
        # not fail the row, nor a Cc's Delivered deliver a row that bounced.
        $null = Connect-WebexConnect -Sandbox
        $rows = "Email,Cc`nann@example.com,boss@example.com`nbob@example.com,boss@example.com" | ConvertFrom-Csv
        $sent = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T')
        $sent[0].MessageId | Should -Be $sent[1].MessageId   # the same copies: one request
        $receipts = foreach ($said in @('ann@example.com', '7500'), @('boss@example.com', '7520'), @('bob@example.com', '7520'), @('boss@example.com', '7500')) {
            "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"$($said[1])`",`"destination`":`"$($said[0])`"},`"transid`":`"$($sent[0].MessageId)`"}}" |
                ConvertFrom-ConnectWebhook
        }

        $report = @($sent | Wait-ConnectDelivery -Receipt $receipts -ErrorVariable failed -ErrorAction SilentlyContinue)

        $report.Count | Should -Be 2
        $report.Destination | Should -Be @('ann@example.com', 'bob@example.com')
        $report.Status | Should -Be @('Delivered', 'Bounced')
        @($failed).Count | Should -Be 1
        $failed[0].ToString() | Should -BeLike 'Row 2: Bounced (7520) bob@example.com*'
    }

    It 'puts the delivery of a row''s Cc and Bcc copies on its row (Copies), in its Export-Csv too, without failing the row' {
        # Before: a helpdesk admin who copied each user's manager could not tell from the report whether a manager got the copy:
        # the row had neither the copy's address nor its receipt, and a bounced copy showed only among the listener's receipts.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.2   # this share bounces boss0@example.com and delivers the others, every time
        $l = $script:Listener
        $rows = "Email,Cc`nuser1@example.com,boss0@example.com`nuser2@example.com,boss1@example.com`nuser3@example.com,boss0@example.com" | ConvertFrom-Csv
        $file = Join-Path $TestDrive 'delivery-with-copies.csv'

        $report = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Outage' -Text 'Mail is down' -Bcc 'audit@example.com' -NotifyUrl $l.Url |
            Wait-ConnectDelivery $l -Timeout 30 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $report | Export-Csv $file -NoTypeInformation -Encoding UTF8

        $report.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
        $report.Copies | Should -Be @(
            'boss0@example.com: Bounced (7520); audit@example.com: Delivered (7500)'
            'boss1@example.com: Delivered (7500); audit@example.com: Delivered (7500)'
            'boss0@example.com: Bounced (7520); audit@example.com: Delivered (7500)')
        @($failed).Count | Should -Be 0
        (Import-Csv $file).Copies | Should -Be $report.Copies
    }

    It 'shows a rehearsal''s email that cannot be delivered as Bounced (7520), as the service does, and its Cc addresses no row of their own' {
        # Before, the sandbox answered every failure 7102 (an invalid number), so an email rehearsal showed Failed where the
        # service says Bounced, and posted nothing for Cc addresses.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 1
        $l = $script:Listener

        $report = @(Send-ConnectEmail -To 'ann@example.com' -Cc 'boss@example.com' -From 'it@example.com' -Subject 'S' -Text 'T' -NotifyUrl $l.Url |
            Wait-ConnectDelivery $l -Timeout 20 -ErrorVariable failed -ErrorAction SilentlyContinue)

        $report.Count | Should -Be 1
        ($report[0].Destination, $report[0].Status, $report[0].Code) | Should -Be @('ann@example.com', 'Bounced', '7520')
        @($failed).Count | Should -Be 1
        $failed[0].ToString() | Should -BeLike 'Row 1: Bounced (7520) ann@example.com: Bounce*'
        # Both addresses got their receipts, Submitted and Bounced each (the copy's come last).
        $deadline = [datetime]::UtcNow.AddSeconds(10)
        while ($l.Received -lt 4 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $l.Received | Should -Be 4
    }

    It 'says in a Scheduled row''s Note, which Export-Csv keeps, that no receipt comes before its time, so the report does not read as lost' {
        # Before: the row was NoReceipt, TimedOut, with an empty Note: only the error stream said it was scheduled, and the
        # delivery.csv read the next morning looked like a message lost, to be sent again.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $file = Join-Path $TestDrive 'scheduled-delivery.csv'

        $report = @(Send-ConnectSms -To '+447700900002' -From ACME -Text 'Hi' -SendAt (Get-Date).AddDays(1) -NotifyUrl $l.Url |
            Wait-ConnectDelivery $l -Timeout 1 -ErrorVariable missing -ErrorAction SilentlyContinue)
        $report | Export-Csv $file -NoTypeInformation

        # A row due after the wait is not waited for: Status Scheduled, and no error (see 'writes a row scheduled for after the wait').
        $report.Status | Should -Be 'Scheduled'
        $report.Note | Should -BeLike 'The send was Scheduled for *: it was not waited for, as no receipt comes before that time. Do not send it again*'
        (Import-Csv $file).Note | Should -Be $report.Note
        (Import-Csv $file).Status | Should -Be 'Scheduled'
        @($missing).Count | Should -Be 0
    }

    It 'gets from the sandbox no receipt for a message scheduled for tomorrow, so a rehearsal shows what the service will' {
        # Before, the sandbox posted Delivered at once: the rehearsal showed a result the real service does not give.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $tomorrow = (Get-Date).AddDays(1).ToString('yyyy-MM-dd HH:mm')
        $rows = "Phone,SendAt`n+447700900001,`n+447700900002,$tomorrow" | ConvertFrom-Csv

        $report = @($rows | Send-ConnectSms -From ACME -Text Hi -NotifyUrl $l.Url | Wait-ConnectDelivery $l -Timeout 3 -ErrorVariable missing -ErrorAction SilentlyContinue)

        $report.SendStatus | Should -Be @('Queued', 'Scheduled')
        $report.Status | Should -Be @('Delivered', 'Scheduled')
        @($missing).Count | Should -Be 0
        @($l.GetReceipts() | Where-Object Destination -eq '447700900002').Count | Should -Be 0
        # The result piped from the send knows its time, and the Note names it, in UTC and on this computer's clock.
        $utc = [datetime]::ParseExact($tomorrow, 'yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture).ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')
        $report[1].Note | Should -BeLike "The send was Scheduled for $($utc)Z*: it was not waited for, as no receipt comes before that time.*"
    }

    It 'does not ask whether the sends gave -NotifyUrl when every row without a receipt is scheduled for later' {
        # Before: reminders due tomorrow, sent with the listener's -NotifyUrl, got "has received no receipt at all. Did the
        # sends give -NotifyUrl?", which sent the admin looking for a mistake that was not there.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $tomorrow = (Get-Date).AddDays(1)

        $null = @(Send-ConnectSms -To '+447700900003' -From ACME -Text Hi -SendAt $tomorrow -NotifyUrl $l.Url |
            Wait-ConnectDelivery $l -Timeout 1 -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)

        @($warned | Where-Object { "$_" -like '*received no receipt at all*' }).Count | Should -Be 0
    }

    It 'says with -Verbose how many signed webhooks came again while it waited, not counting those from before' {
        # The line had no test in the real host: a replay (or the service's second try) is answered 200 and kept once,
        # and -Verbose is where an admin who saw fewer receipts than posts learns why.
        Connect-WebexConnect -Sandbox
        $secret = 'hook-secret'
        $signed = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString $secret -AsPlainText -Force)
        try {
            $bytes = [IO.File]::ReadAllBytes((Join-Path $script:Fixtures 'sms-delivered.json'))
            $hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($secret))
            $post = {
                $signature = 'sha256=' + (($hmac.ComputeHash($bytes) | ForEach-Object { $_.ToString('x2') }) -join '')
                $null = Invoke-WebRequest -Uri $signed.Url -Method Post -Body $bytes -ContentType 'application/json' -Headers @{ 'x-hub-signature' = $signature } -UseBasicParsing -NoProxy
            }
            & $post; & $post   # kept, then once again before the wait: not this wait's to report
            $sent = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi'

            # Every begin block runs before the first result is piped: the two posts land while Wait-ConnectDelivery waits.
            $verbose = @(& { $sent; & $post; & $post } |
                Wait-ConnectDelivery -Listener $signed -Timeout 1 -Verbose -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*again while this command waited*' })

            $signed.Repeated | Should -Be 3
            $verbose.Count | Should -Be 1
            $verbose[0].Message | Should -BeExactly ('The listener got 2 signed webhooks again while this command waited: the same body and signature as one ' +
                'it had kept (a replay, or the service sending again). Each was answered 200 and kept once.')
        }
        finally { Stop-ConnectReceiptListener $signed }
    }

    # Before: without -Listener PowerShell prompted "Listener:" (and a scheduled task failed on it), though the session
    # ran one listener only.
    It 'takes the one listener this session runs when -Listener is not given, and says what to give when none or several run' {
        Connect-WebexConnect -Sandbox
        $delivery = @(New-Rows 3 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url | Wait-ConnectDelivery -Timeout 30)
        $delivery.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')

        $second = Start-ConnectReceiptListener
        try {
            { New-Rows 1 | Send-ConnectSms -From ACME -Text 'Hi' | Wait-ConnectDelivery -Timeout 1 } |
                Should -Throw -ErrorId 'ReceiptListenerAmbiguous,*' -ExpectedMessage "*2 receipt listeners*$($second.Url)*give -Listener*"
        }
        finally { Stop-ConnectReceiptListener $second }
        Stop-ConnectReceiptListener $script:Listener
        try {
            { New-Rows 1 | Send-ConnectSms -From ACME -Text 'Hi' | Wait-ConnectDelivery -Timeout 1 } |
                Should -Throw -ErrorId 'NoReceiptListener,*' -ExpectedMessage '*Start-ConnectReceiptListener*-NotifyUrl*-Receipt*'
        }
        finally { $script:Listener = Start-ConnectReceiptListener }
    }

    It 'takes -TimeoutSec, as Connect-WebexConnect names a wait in seconds, for -Timeout' {
        Connect-WebexConnect -Sandbox
        $l = $script:Listener

        $delivery = @(Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl "http://127.0.0.1:$($l.Port)/" | Wait-ConnectDelivery -Listener $l -TimeoutSec 30)

        $delivery.Count | Should -Be @(Import-Csv $script:Csv).Count
        $delivery.Status | Sort-Object -Unique | Should -Be 'Delivered'
    }

    It 'takes -Timeout as a duration, as -Validity takes one (''1m''), and names the forms for text that is none' {
        # Every other duration of the module takes '90m': -Timeout 10m was .NET's "Cannot convert value "10m" to type
        # System.Int32".
        Connect-WebexConnect -Sandbox
        $l = $script:Listener

        $delivery = @(Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl "http://127.0.0.1:$($l.Port)/" | Wait-ConnectDelivery -Listener $l -Timeout 1m)

        $delivery.Count | Should -Be @(Import-Csv $script:Csv).Count
        $delivery.Status | Sort-Object -Unique | Should -Be 'Delivered'
        { New-Rows 1 | Send-ConnectSms -From ACME -Text 'Hi' | Wait-ConnectDelivery -Listener $l -Timeout 'soon' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Timeout 'soon' is not a duration*'90m'*a number of seconds*"
        { New-Rows 1 | Send-ConnectSms -From ACME -Text 'Hi' | Wait-ConnectDelivery -Listener $l -Timeout '2d' } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage '*172800*86400*'
    }

    It 'gives every row Delivered with code 7500 when no failure share is asked for' {
        Connect-WebexConnect -Sandbox
        $l = $script:Listener

        $delivery = @(Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -NotifyUrl "http://127.0.0.1:$($l.Port)/" | Wait-ConnectDelivery -Listener $l -Timeout 30)

        $delivery.Count | Should -Be @(Import-Csv $script:Csv).Count
        $delivery | ForEach-Object { $_.Status | Should -Be 'Delivered'; $_.Code | Should -Be '7500' }
    }

    It 'marks the share the sandbox fails as Failed, with a DeliveryFailed error naming the row' {
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.5

        $delivery = @(New-Rows 20 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 30 -ErrorVariable err -ErrorAction SilentlyContinue)

        $delivery.Count | Should -Be 20
        $failed = @($delivery | Where-Object Status -eq 'Failed')
        $failed.Count | Should -BeGreaterThan 0
        ($failed.Count + @($delivery | Where-Object Status -eq 'Delivered').Count) | Should -Be 20
        $err.Count | Should -Be $failed.Count
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'DeliveryFailed,*' }
        $err[0].Exception.Message | Should -BeLike "Row $($failed[0].Row): Failed (7102)*"
        # The send result is the target: a SendResult keeps no input row once it is written.
        $err[0].TargetObject.Destination | Should -Be $failed[0].Destination
    }

    It 'marks results with no receipt in time as NoReceipt with DeliveryReceiptMissing, after -Timeout and not much later' {
        Connect-WebexConnect -Sandbox
        # No -NotifyUrl: the sandbox posts no receipt.
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $delivery = Send-ConnectSms -To '+447700900051' -From ACME -Text 'Hi' |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 2 -ErrorVariable err -ErrorAction SilentlyContinue -ProgressAction Continue 6>$null
        $clock.Stop()

        $delivery.Status | Should -Be 'NoReceipt'
        $delivery.TimedOut | Should -BeTrue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DeliveryReceiptMissing,*'
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'says under -Verbose what it waits for, where, and how the wait ended' {
        Connect-WebexConnect -Sandbox
        # One send with no -NotifyUrl (no receipt will come) and one with it: two destinations to wait for.
        $sent = @(
            Send-ConnectSms -To '+447700900052' -From ACME -Text 'Hi'
            Send-ConnectSms -To '+447700900053' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url)

        $output = @($sent | Wait-ConnectDelivery -Listener $script:Listener -Timeout 2 -Verbose -ErrorAction SilentlyContinue 4>&1)
        $verbose = @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message)

        @($output | Where-Object { $_ -is [WebexConnect.Receipts.DeliveryResult] }).Status | Should -Be @('NoReceipt', 'Delivered')
        $verbose[0] | Should -BeLike "Waiting up to 2 s for the final receipts of * destination* from the listener at $($script:Listener.Url)."
        $verbose[-1] | Should -Match '^Stopped waiting after 2\.\d s: 1 destination of the [12] waited for has no final receipt\. It may still come, and the listener keeps it: pipe this row to Wait-ConnectDelivery again later\.$'
    }

    It 'says in the bar''s text how much longer the wait may last, not as the time remaining PowerShell shows as an estimate' {
        # Before: -Timeout's time went to SecondsRemaining, which pwsh draws as "... 12 to go 115s" (and Windows PowerShell as
        # "115 seconds remaining"), read as when the receipts would be in, though they may come at once or never.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    $null = Connect-WebexConnect -Sandbox
                    $listener = Start-ConnectReceiptListener -Port 0
                    try {
                        # No -NotifyUrl: no receipt comes, so the wait runs to its -Timeout with the bar up.
                        1..3 | ForEach-Object { '+44770090070{0}' -f $_ } | Send-ConnectSms -From ACME -Text 'Hi' -ProgressAction SilentlyContinue |
                            Wait-ConnectDelivery -Listener $listener -Timeout 2 -ErrorAction SilentlyContinue
                    }
                    finally { Stop-ConnectReceiptListener $listener }
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path)
            $results = $ps.Invoke()

            @($results).Status | Should -Be @('NoReceipt', 'NoReceipt', 'NoReceipt')
            $drawn = @($ps.Streams.Progress | Where-Object { $_.Activity -eq 'Waiting for delivery receipts' -and $_.RecordType -eq 'Processing' })
            $drawn.Count | Should -BeGreaterThan 1
            $drawn.SecondsRemaining | Sort-Object -Unique | Should -Be -1
            $drawn[0].StatusDescription | Should -BeExactly '3 of 3 to go; at most 2s more'
            $drawn[-1].StatusDescription | Should -BeExactly '3 of 3 to go; at most 1s more'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'waits for nothing with -Timeout 0, and says so rather than "within 0 s"' {
        # The report of what is in now (after a Ctrl+C that wrote nothing more, say). Before: "Waiting up to 0 s for the final
        # receipts of ..." and each row's error "no delivery receipt within 0 s".
        Connect-WebexConnect -Sandbox
        $sent = @(
            Send-ConnectSms -To '+447700900711' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url
            Send-ConnectSms -To '+447700900712' -From ACME -Text 'Hi')
        $clock = [Diagnostics.Stopwatch]::StartNew()
        do { Start-Sleep -Milliseconds 100 } until (@($script:Listener.GetReceipts() | Where-Object { $_.MessageId -eq $sent[0].MessageId -and $_.IsFinal }).Count -or $clock.Elapsed.TotalSeconds -gt 10)

        $output = @($sent | Wait-ConnectDelivery -Listener $script:Listener -Timeout 0 -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1)
        $clock.Stop()
        $verbose = @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message)

        @($output | Where-Object { $_ -is [WebexConnect.Receipts.DeliveryResult] }).Status | Should -Be @('Delivered', 'NoReceipt')
        $verbose[0] | Should -BeExactly "Not waiting (-Timeout 0): 1 destination has no final receipt yet from the listener at $($script:Listener.Url)."
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -BeExactly ("Row 1: +447700900712: no delivery receipt yet, and -Timeout 0 waited for none (message $($sent[1].MessageId)). " +
            'It may still come, and the listener keeps it: pipe this row to Wait-ConnectDelivery again later.')
    }

    It 'counts a single destination left without a receipt in the singular under -Verbose' {
        # It said "1 of the 1 destinations waited for have no final receipt".
        Connect-WebexConnect -Sandbox
        $output = @(Send-ConnectSms -To '+447700900054' -From ACME -Text 'Hi' |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 1 -Verbose -ErrorAction SilentlyContinue 4>&1)
        $verbose = @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message)

        $verbose[-1] | Should -Match '^Stopped waiting after 1\.\d s: 1 destination of the 1 waited for has no final receipt\. It may still come, and the listener keeps it: pipe this row to Wait-ConnectDelivery again later\.$'
    }

    It 'gives waits at the same time (ForEach-Object -Parallel) a progress bar each' {
        # One activity ID for every wait made one bar of them all, and the first wait to end removed it.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    $session = Connect-WebexConnect -Sandbox -PassThru
                    $listener = Start-ConnectReceiptListener
                    try {
                        # No -NotifyUrl: no receipt comes, so each wait runs to its -Timeout.
                        1, 2 | ForEach-Object -Parallel {
                            Import-Module $using:Manifest
                            Send-ConnectSms -Session $using:session -To ('+44770090060' + $_) -From ACME -Text 'Hi' |
                                Wait-ConnectDelivery -Listener $using:listener -Timeout 2 -ErrorAction SilentlyContinue
                        } -ThrottleLimit 2
                    }
                    finally { Stop-ConnectReceiptListener $listener }
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path)
            $results = $ps.Invoke()

            @($results).Status | Should -Be @('NoReceipt', 'NoReceipt')
            $bars = @($ps.Streams.Progress | Where-Object Activity -eq 'Waiting for delivery receipts' | Group-Object ActivityId)
            $bars.Count | Should -Be 2
            foreach ($bar in $bars) { $bar.Group[-1].RecordType | Should -Be 'Completed' }
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'takes the listener itself as -NotifyUrl' {
        # Before: "Cannot convert the "http://127.0.0.1:.../" value of type ConnectReceiptListener to type System.Uri".
        Connect-WebexConnect -Sandbox
        $delivery = Send-ConnectSms -To '+447700900054' -From ACME -Text 'Hi' -NotifyUrl $script:Listener |
            Wait-ConnectDelivery $script:Listener -Timeout 30

        $delivery.Status | Should -Be 'Delivered'
        ((Get-ConnectSandboxRequest -Last 1).Body | ConvertFrom-Json).notifyUrl | Should -Be $script:Listener.Url.ToString()
    }

    It 'completes -NotifyUrl of every send cmdlet with the running listener''s Url' -ForEach @(
        @{ Cmdlet = 'Send-ConnectSms' }, @{ Cmdlet = 'Send-ConnectEmail' }, @{ Cmdlet = 'Send-ConnectRcs' }, @{ Cmdlet = 'Send-ConnectMessage' }
    ) {
        # Before: Tab after -NotifyUrl offered file names; the admin copied the listener's port from its output.
        $line = "$Cmdlet -NotifyUrl "
        $completed = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        $completed | Should -Contain $script:Listener.Url.ToString()
        $completed | Where-Object { $_ -like './*' -or $_ -like '.\*' } | Should -BeNullOrEmpty
    }

    It 'says the sends may lack -NotifyUrl when the listener received nothing at all' {
        # Before: one DeliveryReceiptMissing per row and no word of why nothing came.
        Connect-WebexConnect -Sandbox
        $delivery = @(Import-Csv $script:Csv | Send-ConnectSms -From ACME -Text 'Hi' |
                Wait-ConnectDelivery -Listener $script:Listener -Timeout 1 -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        $delivery.Status | Should -Be (@('NoReceipt') * @(Import-Csv $script:Csv).Count)
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "The listener at $($script:Listener.Url) has received no receipt at all. Did the sends give -NotifyUrl?*"
    }

    It 'says the rows were sent before the listener started, when a next-morning job waits for yesterday''s results.csv, not that the sends lacked -NotifyUrl' {
        # Before: the job started a new listener, piped yesterday's results.csv to it, waited, and was asked whether the sends
        # gave -NotifyUrl, which they had: their receipts had gone to yesterday's listener, and no later one ever gets them.
        Connect-WebexConnect -Sandbox
        $file = Join-Path $TestDrive 'yesterday-results.csv'
        $yesterday = Start-ConnectReceiptListener
        try { New-Rows 3 | Send-ConnectSms -From ACME -Text 'Outage' -NotifyUrl $yesterday.Url | Export-Csv $file -NoTypeInformation }
        finally { Stop-ConnectReceiptListener $yesterday }
        Start-Sleep -Milliseconds 1500   # the file keeps whole seconds
        $today = Start-ConnectReceiptListener
        try {
            $report = @(Import-Csv $file | Wait-ConnectDelivery -Listener $today -Timeout 1 -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
        }
        finally { Stop-ConnectReceiptListener $today }

        $report.Status | Should -Be @('NoReceipt', 'NoReceipt', 'NoReceipt')
        # Sent seconds before the listener started (within the minutes the service's clock may be off): waited for, and each
        # row's error says what the warning says, not that its receipt may still come.
        $err.Count | Should -Be 3
        $err | ForEach-Object { $_.Exception.Message | Should -BeLike 'Row ?: *: no delivery receipt within 1 s (message *): it went out before the listener at * started*this listener never gets them. For its status now, pipe this row to Get-ConnectMessage*' }
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "3 rows were sent before the listener at $($today.Url) started (*): *went to the -NotifyUrl those sends gave*-Receipt*"
        "$($warned[0])" | Should -Not -BeLike '*Did the sends give -NotifyUrl*'
    }

    It 'does not wait -Timeout for yesterday''s rows on a new listener, and the rows'' errors say what the warning says: look them up instead' {
        # Before: the next morning's job sat out its whole -Timeout, then warned that this listener never gets those receipts,
        # while each row's error said they may still come and to wait for them again later, which gave the same NoReceipt.
        Connect-WebexConnect -Sandbox
        $file = Join-Path $TestDrive 'last-night.csv'
        $yesterday = Start-ConnectReceiptListener
        try {
            New-Rows 3 | Send-ConnectSms -From ACME -Text 'Outage' -NotifyUrl $yesterday.Url |
                Select-Object * -ExcludeProperty SubmittedAt |
                Select-Object *, @{ n = 'SubmittedAt'; e = { [DateTimeOffset]::UtcNow.AddDays(-1).ToString('o') } } |
                Export-Csv $file -NoTypeInformation
        }
        finally { Stop-ConnectReceiptListener $yesterday }
        $today = Start-ConnectReceiptListener
        $clock = [Diagnostics.Stopwatch]::StartNew()
        try {
            $said = @(Import-Csv $file | Wait-ConnectDelivery -Listener $today -Timeout 60 -ErrorVariable err -ErrorAction SilentlyContinue `
                    -WarningVariable warned -WarningAction SilentlyContinue -Verbose 4>&1)
        }
        finally { Stop-ConnectReceiptListener $today }

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $report = @($said | Where-Object { $_ -is [WebexConnect.Receipts.DeliveryResult] })
        $report.Status | Should -Be @('NoReceipt', 'NoReceipt', 'NoReceipt')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '3 rows were sent before the listener at * started (*): *never gets them; they went out more than 10 minutes before it started, so this command did not wait. For their status now, pipe those rows to Get-ConnectMessage*'
        $err.Count | Should -Be 3
        $err | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'DeliveryReceiptMissing,*'
            $_.Exception.Message | Should -BeLike 'Row ?: +4477009*: no delivery receipt (not waited for: message *): it went out before the listener at * started, *this listener never gets them. For its status now, pipe this row to Get-ConnectMessage*'
            $_.Exception.Message | Should -Not -BeLike '*may still come*'
        }
        $verbose = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
        @($verbose -like 'Not waiting: every row went out more than 10 minutes before the listener*').Count | Should -Be 1
        @($verbose -like '*may still come*').Count | Should -Be 0
        # What the errors say to do answers: the service knows yesterday's messages.
        @(Import-Csv $file | Get-ConnectMessage).Found | Should -Be @($true)
    }

    It 'still waits for rows sent since the listener started, beside yesterday''s' {
        Connect-WebexConnect -Sandbox
        $today = Start-ConnectReceiptListener
        try {
            $old = Send-ConnectSms -To '+447700900131' -From ACME -Text 'Outage' | Select-Object * -ExcludeProperty SubmittedAt |
                Select-Object *, @{ n = 'SubmittedAt'; e = { [DateTimeOffset]::UtcNow.AddDays(-1).ToString('o') } }
            $new = Send-ConnectSms -To '+447700900132' -From ACME -Text 'Outage' -NotifyUrl $today.Url
            $report = @($old, $new | Wait-ConnectDelivery -Listener $today -Timeout 30 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        }
        finally { Stop-ConnectReceiptListener $today }

        $report.Status | Should -Be @('NoReceipt', 'Delivered')
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -BeLike 'Row 1: +447700900131: no delivery receipt within 30 s (message *): it went out before the listener*'
    }

    It 'says why when the listener refused every receipt, and that the sandbox signs none, instead of asking about -NotifyUrl' {
        Connect-WebexConnect -Sandbox
        $signed = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString 'hook-secret' -AsPlainText -Force)
        try {
            $delivery = Send-ConnectSms -To '+447700900091' -From ACME -Text 'Hi' -NotifyUrl $signed.Url |
                Wait-ConnectDelivery -Listener $signed -Timeout 2 -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

            $delivery.Status | Should -Be 'NoReceipt'
            $warned.Count | Should -Be 1
            "$($warned[0])" | Should -BeLike "The listener at $($signed.Url) has kept no receipt: it refused all * requests it got (the last: *401: *x-hub-signature*).*the sandbox signs none*"
            "$($warned[0])" | Should -Not -BeLike '*Did the sends give -NotifyUrl*'
        }
        finally { Stop-ConnectReceiptListener $signed }
    }

    It 'says of a post that is not JSON how it starts, its size and Content-Type, not ConvertFrom-ConnectWebhook''s advice' {
        # Before: "400: The webhook body is not JSON (...). ... give its text, its bytes, a ConvertFrom-Json object of it or
        # the file it was saved in.": advice for ConvertFrom-ConnectWebhook, which no one can act on for a post.
        Connect-WebexConnect -Sandbox
        $listener = Start-ConnectReceiptListener
        try {
            $sent = Send-ConnectSms -To '+447700900093' -From ACME -Text 'Hi' -NotifyUrl 'https://hooks.example.com/receipts'
            $answer = Invoke-WebRequest -Uri $listener.Url -Method Post -Body 'event=delivered&to=447700900093' `
                -ContentType 'application/x-www-form-urlencoded' -UseBasicParsing -NoProxy -SkipHttpErrorCheck
            $delivery = $sent | Wait-ConnectDelivery -Listener $listener -Timeout 1 -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

            $answer.StatusCode | Should -Be 400
            $delivery.Status | Should -Be 'NoReceipt'
            $expected = "400: the body is not JSON ('event=delivered&to=447700900093', 31 bytes, Content-Type 'application/x-www-form-urlencoded'; " +
                "*): a delivery receipt is the JSON object Webex Connect posts, so something else sent it, or something on its way (a proxy, a relay) changed it"
            $listener.LastProblem | Should -BeLike "*:*:* $expected"
            "$($warned[0])" | Should -BeLike "*it refused all 1 requests it got (the last: *$expected)*"
            "$($warned[0])" | Should -Not -BeLike '*ConvertFrom-Json*'
            "$($answer.Content)".TrimEnd() | Should -BeLike $expected.Substring(5)
        }
        finally { Stop-ConnectReceiptListener $listener }
    }

    It 'does not say so when receipts came to the listener' {
        Connect-WebexConnect -Sandbox
        $null = Send-ConnectSms -To '+447700900052' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 30
        $delivery = Send-ConnectSms -To '+447700900053' -From ACME -Text 'Hi' |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 1 -ErrorAction SilentlyContinue -WarningVariable warned

        $delivery.Status | Should -Be 'NoReceipt'
        $warned | Should -BeNullOrEmpty
    }

    It 'passes results that were not sent straight through as NotSent, without waiting' {
        Connect-WebexConnect -Sandbox
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $delivery = Send-ConnectSms -To 'not-a-number' -From ACME -Text 'Hi' -ErrorAction SilentlyContinue |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 30

        $delivery.Status | Should -Be 'NotSent'
        $delivery.SendStatus | Should -Be 'Invalid'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        # A report of the rows not sent says why, as the send did: no receipt will.
        $delivery | Export-Csv -Path TestDrive:/report.csv -NoTypeInformation
        (Import-Csv TestDrive:/report.csv).SendReason | Should -BeLike 'Row 1: To: *not-a-number*'
    }

    It 'reports a row whose number was empty, read back from results.csv or Import-Clixml, as NotSent like the others' {
        # Before: the row was refused as "not a send result: it has no Destination column" (the column was there,
        # empty), so the next day's report had one row fewer than the CSV that was sent.
        Connect-WebexConnect -Sandbox
        $csv = Join-Path $TestDrive 'results.csv'
        $xml = Join-Path $TestDrive 'results.xml'
        $rows = @(New-Rows 2)
        $rows += [pscustomobject]@{ Phone = ''; Name = 'Nobody'; CorrelationId = 'row-3' }
        $sent = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue)
        $sent | Export-Csv $csv -NoTypeInformation
        $sent | Export-Clixml $xml

        foreach ($kept in @(Import-Csv $csv), @(Import-Clixml $xml)) {
            $report = @($kept | Wait-ConnectDelivery $script:Listener -Timeout 0 -ErrorVariable err -ErrorAction SilentlyContinue)

            $report.Row | Should -Be 1, 2, 3
            $report[2].Status | Should -Be 'NotSent'
            $report[2].SendStatus | Should -Be 'Invalid'
            $report[2].SendReason | Should -BeLike 'Row 3: To: *empty*'
            @($err | Where-Object FullyQualifiedErrorId -like 'InvalidSendResultRow,*').Count | Should -Be 0
        }
    }

    # Before: a re-run's report said NotSent for every row the journal skipped, rows an earlier run had sent, and
    # invited sending them a second time.
    It 'reports the rows a -Journal skipped as SentEarlier, or with the receipt the listener kept for them, never NotSent' {
        Connect-WebexConnect -Sandbox
        $journal = Join-Path $TestDrive 'rerun.journal'
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090061$_"; CorrelationId = "rerun-$_" } }
        $first = @($rows[0..1] | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -NotifyUrl $script:Listener.Url |
                Wait-ConnectDelivery -Listener $script:Listener -Timeout 30)
        $other = Start-ConnectReceiptListener
        try {
            $rerun = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -NotifyUrl $other.Url |
                    Wait-ConnectDelivery -Listener $other -Timeout 30)
            $withKept = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -NotifyUrl $script:Listener.Url |
                    Wait-ConnectDelivery -Listener $script:Listener -Timeout 30)
        }
        finally { Stop-ConnectReceiptListener $other }

        $first.Status | Should -Be @('Delivered', 'Delivered')
        $rerun.Status | Should -Be @('SentEarlier', 'SentEarlier', 'Delivered')
        $rerun[0].SendStatus | Should -Be 'Skipped'
        $rerun[0].MessageId | Should -Be $first[0].MessageId
        # The listener that got the first run's receipts answers for its rows; row 3's went to the other one.
        $withKept.Status | Should -Be @('Delivered', 'Delivered', 'SentEarlier')
        $withKept[1].MessageId | Should -Be $first[1].MessageId
    }

    # Before: a row -SkipChanged held back (never sent with its corrected text) took the earlier message's receipt by its
    # correlation ID and number, and the report said Delivered, as if the corrected text had arrived.
    It 'reports a row -SkipChanged held back as NotSent, not with the receipt of the other content sent before' {
        Connect-WebexConnect -Sandbox
        $journal = Join-Path $TestDrive 'changed.journal'
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090065$_"; CorrelationId = "changed-$_" } }
        $first = @($rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -NotifyUrl $script:Listener.Url |
                Wait-ConnectDelivery -Listener $script:Listener -Timeout 30)
        $sent = @($rows | Send-ConnectSms -From ACME -Text 'Hello' -Journal $journal -SkipChanged `
                -NotifyUrl $script:Listener.Url -WarningAction SilentlyContinue)
        $sent | Export-Csv (Join-Path $TestDrive 'changed.csv') -NoTypeInformation

        $live = @($sent | Wait-ConnectDelivery -Listener $script:Listener -Timeout 30 -ErrorVariable err)
        $fromFile = @(Import-Csv (Join-Path $TestDrive 'changed.csv') |
                Wait-ConnectDelivery -Listener $script:Listener -Timeout 30)

        $first.Status | Should -Be 'Delivered'
        $sent[0].Code | Should -Be 'JournalChanged'
        $live.Status | Should -Be @('NotSent', 'Delivered')
        $live[0].SendReason | Should -Match 'Held back because of -SkipChanged'
        $live[0].MessageId | Should -BeNullOrEmpty
        $fromFile.Status | Should -Be @('NotSent', 'Delivered')
        $err | Should -BeNullOrEmpty
    }

    It 'waits for Unknown results (no message ID, maybe accepted) and gives them their receipts by correlation ID, not NotSent' {
        # The sandbox accepts each request (and posts its receipts) and answers after 2 s; the client gives up
        # after 1 s: every row is Unknown, with no message ID, though the service has it.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1
        $sent = @(New-Rows 3 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue)
        $sent.Status | Should -Be @('Unknown', 'Unknown', 'Unknown')
        $sent | ForEach-Object { $_.MessageId | Should -BeNullOrEmpty }

        $delivery = @($sent | Wait-ConnectDelivery $script:Listener -Timeout 10 -ErrorVariable err -ErrorAction SilentlyContinue)

        $delivery.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
        $delivery.SendStatus | Should -Be @('Unknown', 'Unknown', 'Unknown')
        $delivery.CorrelationId | Should -Be @('row-1', 'row-2', 'row-3')
        # The receipt's message ID: the one the send never heard.
        $delivery | ForEach-Object { $_.MessageId | Should -Not -BeNullOrEmpty }
        $err | Should -BeNullOrEmpty
    }

    It 'writes an Unknown result no receipt can be matched to (no correlation ID) at once as NoReceipt, with an error saying why' {
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1
        $sent = Send-ConnectSms -To '+447700900071' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue
        $sent.Status | Should -Be 'Unknown'
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $delivery = $sent | Wait-ConnectDelivery $script:Listener -Timeout 30 -ErrorVariable err -ErrorAction SilentlyContinue

        $delivery.Status | Should -Be 'NoReceipt'
        $delivery.TimedOut | Should -BeFalse
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DeliveryReceiptMissing,*'
        $err[0].Exception.Message | Should -BeLike 'Row 1: +447700900071: *neither a message ID nor a correlation ID*'
    }

    It 'finds receipts that arrived before the wait began' {
        Connect-WebexConnect -Sandbox
        $results = @(New-Rows 3 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url)
        Start-Sleep -Milliseconds 500

        $delivery = @($results | Wait-ConnectDelivery $script:Listener -Timeout 10)

        $delivery.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
    }

    It 'does not take the receipts of an earlier send of the same CSV for the rows of this one' {
        Connect-WebexConnect -Sandbox
        $rows = @(1..3 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009008{0:d2}' -f $_; CorrelationId = "again-$_" } })
        $first = @($rows | Send-ConnectSms -From ACME -Text 'Test run' -NotifyUrl $script:Listener.Url | Wait-ConnectDelivery $script:Listener -Timeout 10)
        $first.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')

        # Sent again without -NotifyUrl: no receipt will ever come for this send.
        $delivery = @($rows | Send-ConnectSms -From ACME -Text 'Real run' | Wait-ConnectDelivery $script:Listener -Timeout 1 -ErrorAction SilentlyContinue)

        $delivery.Status | Should -Be @('NoReceipt', 'NoReceipt', 'NoReceipt')
        $delivery | ForEach-Object { $_.Receipt | Should -BeNullOrEmpty }
    }

    It 'does not take for an Unknown row of the report a receipt received before its request left' {
        # Unknown has no message ID: only the correlation ID joins it, and an earlier send of the same row shares that.
        # Before, the earlier send's Delivered answered for a request that may never have reached the service.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $csv = Join-Path $TestDrive 'unknown.csv'
        @([pscustomobject]@{ Row = 1; SubmittedAt = $receipt.ReceivedAt.AddMinutes(5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }
          [pscustomobject]@{ Row = 2; SubmittedAt = $receipt.ReceivedAt.AddMinutes(-5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }) |
            Export-Csv $csv -NoTypeInformation

        $report = @(Import-Csv $csv | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('NoReceipt', 'Delivered')
    }

    It 'runs the about topic''s wait once for a loop''s rows as printed: one wait, a delivery row for each send' {
        $about = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md'))
        $lines = [regex]::Match($about, '(?s)Wait once for all the rows.*?\n\n(?<code>(?:    [^\n]*\n)+)').Groups['code'].Value -split '\n' |
            Where-Object { $_ } | ForEach-Object { $_.Substring(4) }
        $lines.Count | Should -BeGreaterThan 4
        $lines | ForEach-Object { $_.Length + 4 | Should -BeLessOrEqual 80 }
        $code = ($lines -join "`n").Replace('./docs/examples/', (Join-Path $PSScriptRoot '../../docs/examples/'))
        $null = Connect-WebexConnect -Sandbox
        Push-Location $TestDrive
        try { & ([scriptblock]::Create($code)) 3>$null }
        finally { Pop-Location }

        $report = @(Import-Csv (Join-Path $TestDrive 'delivery.csv'))
        $report.Destination | Should -Be @((Import-Csv (Join-Path $PSScriptRoot '../../docs/examples/sms-recipients.csv')).Phone)
        $report.TimedOut | Should -Be @('False', 'False', 'False', 'False')
        $report.Status | Should -Not -Contain 'NoReceipt'
    }

    It 'reads a report written in de-DE with about_WebexConnect''s ISO 8601 SubmittedAt in en-US, with no day and month swapped' {
        # Export-Csv writes times in the session's culture: 06.12.2026 from de-DE is not read, or read as June, in en-US.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $csv = Join-Path $TestDrive 'iso.csv'
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            @([pscustomobject]@{ Row = 1; SubmittedAt = $receipt.ReceivedAt.AddMinutes(5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }
              [pscustomobject]@{ Row = 2; SubmittedAt = $receipt.ReceivedAt.AddMinutes(-5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }
              [pscustomobject]@{ Row = 3; SubmittedAt = $null; Destination = '+447700900001'; CorrelationId = 'c-3'; Status = 'Invalid' }) |
                Select-Object *, @{ n = 'SubmittedAt'; e = { '{0:o}' -f $_.SubmittedAt } } -ExcludeProperty SubmittedAt |
                Export-Csv $csv -NoTypeInformation -Encoding UTF8
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @(Import-Csv $csv | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue)
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        (Import-Csv $csv).SubmittedAt[2] | Should -BeNullOrEmpty
        $report.Status | Should -Be @('NoReceipt', 'Delivered', 'NotSent')
    }

    It 'warns once, naming the row and the cell, when a report written in de-DE gives SubmittedAt times en-US does not read' {
        # Export-Csv wrote 06.12.2026 in de-DE: en-US read it as 12 June (13.12.2026 as nothing) without a word, so an Unknown
        # row was judged against the wrong send time. Now such a cell is not read as a time, and one warning says so.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $csv = Join-Path $TestDrive 'de-DE.csv'
        $sent = [DateTimeOffset]::new(2026, 12, 6, 9, 55, 53, [TimeSpan]::Zero)
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            @([pscustomobject]@{ Row = 1; SubmittedAt = $null; Destination = '+447700900001'; CorrelationId = 'c-0'; Status = 'Invalid' }
              [pscustomobject]@{ Row = 2; SubmittedAt = $sent; Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }
              [pscustomobject]@{ Row = 3; SubmittedAt = $sent.AddDays(7); Destination = '+447700900002'; CorrelationId = 'c-2'; Status = 'Unknown' }) |
                Export-Csv $csv -NoTypeInformation -Encoding UTF8
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @(Import-Csv $csv | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
            $ownFile = Join-Path $TestDrive 'en-US.csv'
            [pscustomobject]@{ Row = 1; SubmittedAt = $sent; Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' } |
                Export-Csv $ownFile -NoTypeInformation
            $null = Import-Csv $ownFile | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable ownWarned -WarningAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $report.Count | Should -Be 3
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Row 2: SubmittedAt '06.12.2026 09:55:53 +00:00' is not a time in ISO 8601 or in this culture's (en-US) format*"
        @($ownWarned).Count | Should -Be 0
    }

    It 'warns once when a report written in en-GB gives SubmittedAt times en-US reads with day and month swapped, and not otherwise' {
        # en-GB's 05/12/2026 14:03:00 (5 December) was read in en-US as 12 May without a word.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $sent = [DateTimeOffset]::new(2026, 12, 5, 14, 3, 0, [TimeSpan]::Zero)
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-GB'
            $gb = Join-Path $TestDrive 'en-GB.csv'
            @([pscustomobject]@{ Row = 1; SubmittedAt = $null; Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Invalid' }
              [pscustomobject]@{ Row = 2; SubmittedAt = $sent; Destination = '+447700900002'; CorrelationId = 'c-2'; Status = 'Unknown' }
              [pscustomobject]@{ Row = 3; SubmittedAt = $sent.AddDays(-2); Destination = '+447700900003'; CorrelationId = 'c-3'; Status = 'Unknown' }) |
                Export-Csv $gb -NoTypeInformation -Encoding UTF8
            $null = Import-Csv $gb | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable gbWarned -WarningAction SilentlyContinue
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @(Import-Csv $gb | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
            $us = Join-Path $TestDrive 'en-US-own.csv'
            [pscustomobject]@{ Row = 1; SubmittedAt = $sent; Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' } |
                Export-Csv $us -NoTypeInformation
            $null = Import-Csv $us | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable usWarned -WarningAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $report.Count | Should -Be 3
        @($warned).Count | Should -Be 1 -Because 'rows 2 and 3 are said once'
        "$($warned[0])" | Should -BeLike "Row 2: SubmittedAt '05/12/2026 14:03:00 +00:00' is read in this culture (en-US) as 12 May 2026, but *ISO 8601 (about_WebexConnect shows how)."
        @($gbWarned).Count | Should -Be 0 -Because 'en-GB reads its own file'
        @($usWarned).Count | Should -Be 0 -Because 'en-US reads its own 12/5/2026 2:03:00 PM'
    }

    It 'does not warn of swapped day and month for an en-US file Excel re-saved (12/6/2026 12:31) read in en-US, and still does in en-GB' {
        # Excel writes M/d/yyyy h:mm, no seconds: the date is how en-US writes it, so nothing is in doubt. Before, it was
        # warned of on every run, as it differed from PowerShell's own 12/6/2026 12:31:00 PM.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $excel = Join-Path $TestDrive 'excel-en-US.csv'
        Set-Content -LiteralPath $excel -Encoding UTF8 -Value @(
            'Row,SubmittedAt,Destination,CorrelationId,Status'
            '1,12/6/2026 12:31,+447700900001,c-1,Unknown'
            '2,12/6/2026 12:32,+447700900002,c-2,Unknown')
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @(Import-Csv $excel | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable usWarned -WarningAction SilentlyContinue)
            [cultureinfo]::CurrentCulture = 'en-GB'
            $null = Import-Csv $excel | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable gbWarned -WarningAction SilentlyContinue
            # A task on Linux with no LANG runs in the invariant culture, whose name is empty: before, "in this culture ()".
            [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture
            $null = Import-Csv $excel | Wait-ConnectDelivery -Receipt $receipt -ErrorAction SilentlyContinue -WarningVariable invariantWarned -WarningAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $report.Count | Should -Be 2
        @($usWarned | Where-Object { "$_" -like '*day and month*' }).Count | Should -Be 0
        @($gbWarned | Where-Object { "$_" -like '*day and month*' }).Count | Should -Be 1 -Because 'en-GB writes 12 June as 12/06/2026, not 12/6/2026'
        "$(@($gbWarned | Where-Object { "$_" -like '*day and month*' })[0])" | Should -BeLike "Row 1: SubmittedAt '12/6/2026 12:31' is read in this culture (en-GB) as 12 June 2026, but *"
        "$(@($invariantWarned | Where-Object { "$_" -like '*day and month*' })[0])" |
            Should -BeLike "Row 1: SubmittedAt '12/6/2026 12:31' is read in this culture (invariant: no language is set, e.g. LANG) as 6 December 2026, but *"
    }

    It 'warns once, naming the receipt and the cell, when a receipts file gives a ReceivedAt this culture does not read' {
        # Before: the receipt was taken as received now without a word.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500"},"transid":"m-1_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $rows = @(
            [pscustomobject]@{ Destination = '+447700900001'; Code = '7500'; MessageId = 'm-1'; CorrelationId = 'c-1'; ReceivedAt = $receipt.ReceivedAt.ToString('o') }
            [pscustomobject]@{ Destination = '+447700900002'; Code = '7500'; ReceivedAt = '13.12.2026 09:55:53' }
            [pscustomobject]@{ Destination = '+447700900003'; Code = '7500'; ReceivedAt = '14.12.2026 09:55:53' }
        )
        $sent = [pscustomobject]@{ Row = 1; Destination = '+447700900001'; CorrelationId = 'c-1'; MessageId = 'm-1'; Status = 'Queued' }
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $report = @($sent | Wait-ConnectDelivery -Receipt $rows -WarningVariable warned -WarningAction SilentlyContinue)
            $null = $sent | Wait-ConnectDelivery -Receipt $rows[0] -WarningVariable readWarned -WarningAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $report.Status | Should -Be 'Delivered'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Receipt 2: ReceivedAt '13.12.2026 09:55:53' is not a time in ISO 8601 or in this culture's (en-US) format, so such receipts are taken as received now*"
        @($readWarned).Count | Should -Be 0
    }

    It 'reports the next day from the Export-Csv of the send results and the saved webhook files, one result per row, without a listener' {
        # Before, every Import-Csv row was refused by the binder ('The input object cannot be bound ...'): no result at all.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.5
        $csv = Join-Path $TestDrive 'results.csv'
        $rows = @(New-Rows 6) + [pscustomobject]@{ Phone = '07700'; CorrelationId = 'no-plus' }
        $rows | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue | Export-Csv $csv -NoTypeInformation
        $sent = @(Import-Csv $csv)
        $null = $sent | Select-Object -First 6 | ConvertTo-Json | ConvertFrom-Json | Wait-ConnectDelivery $script:Listener -Timeout 10 -ErrorAction SilentlyContinue
        # What the web server in front saved: every receipt but those of row 6.
        $saved = Join-Path $TestDrive 'webhooks'
        $null = New-Item -ItemType Directory $saved
        $number = 0
        $script:Listener.GetReceipts() | Where-Object { $_.MessageId -eq $sent[0].MessageId -and $_.CorrelationId -ne 'row-6' } | ForEach-Object {
            $number++
            @{ deliveryInfoNotification = @{ deliveryInfo = @{ timeStamp = $_.Timestamp.ToString('o'); code = $_.Code; destination = $_.Destination }
                transid = $_.TransactionId; correlationid = $_.CorrelationId } } | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $saved "$number.json")
        }

        $receipts = @(Get-ChildItem $saved -File | ConvertFrom-ConnectWebhook)
        $report = @(Import-Csv $csv | Wait-ConnectDelivery -Receipt $receipts -ErrorVariable err -ErrorAction SilentlyContinue)

        $report.Row | Should -Be (1..7)
        $report[0..4] | ForEach-Object { $_.Status | Should -BeIn @('Delivered', 'Failed') }
        $report[5].Status | Should -Be 'NoReceipt'
        $report[6].Status | Should -Be 'NotSent'
        $report[6].SendStatus | Should -Be 'Invalid'
        $report[6].SendReason | Should -Not -BeNullOrEmpty
        @($err | Where-Object FullyQualifiedErrorId -like 'DeliveryReceiptMissing,*').Count | Should -Be 1
        @($err | Where-Object FullyQualifiedErrorId -like 'DeliveryReceiptMissing,*')[0].Exception.Message | Should -BeLike 'Row 6: *among the * receipts given*'
        # The pending rows of the report, piped again, are waited for as they are.
        @($report | Where-Object Status -eq NoReceipt | Wait-ConnectDelivery -Receipt $receipts -ErrorAction SilentlyContinue).Row | Should -Be 6
    }

    It 'finds every row''s receipt among receipts given one per row, when the rows have correlation IDs' {
        # Before, rows 2-5 of 10 were NoReceipt, each with a DeliveryReceiptMissing error, though their Delivered receipts
        # were among those given: the final receipts a wait kept ($report.Receipt), or the webhooks of a send that
        # asked only for final receipts. Each receipt takes two places in the join's index, which was sized one per receipt.
        Connect-WebexConnect -Sandbox
        $sent = @(New-Rows 10 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url)
        $final = @(@($sent | Wait-ConnectDelivery $script:Listener -Timeout 10).Receipt)
        $final.Count | Should -Be 10

        $report = @($sent | Wait-ConnectDelivery -Receipt $final -ErrorVariable err -ErrorAction SilentlyContinue)

        $report.Row | Should -Be (1..10)
        $report.Status | Should -Be (@('Delivered') * 10)
        $err | Should -BeNullOrEmpty
    }

    It 'joins with receipts kept with Export-Csv and read back with Import-Csv, and names a row that is no receipt' {
        # Before, every row was refused: 'Cannot convert ... PSCustomObject to type DeliveryReceipt'.
        $archive = Join-Path $TestDrive 'receipts.csv'
        '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500","timeStamp":"2026-12-05T09:00:00Z"},"transid":"m-1_1"}}',
        '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900002","code":"7102","timeStamp":"2026-12-05T09:00:01Z"},"transid":"m-1_2"}}' |
            ConvertFrom-ConnectWebhook | Export-Csv $archive -NoTypeInformation
        $sent = 1, 2 | ForEach-Object { [pscustomobject]@{ Row = $_; Destination = "+44770090000$_"; MessageId = 'm-1'; Status = 'Queued' } }

        $report = @($sent | Wait-ConnectDelivery -Receipt (Import-Csv $archive) -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('Delivered', 'Failed')
        $report[0].ReceiptAt | Should -Be ([DateTimeOffset]'2026-12-05T09:00:00Z')
        { $sent | Wait-ConnectDelivery -Receipt @((Import-Csv $archive)[0], [pscustomobject]@{ Phone = '+447700900001' }) } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*Receipt 2 is not a delivery receipt: it has no Destination column*Import-Csv receipts.csv*'
    }

    It 'keeps the times of results and receipts saved with Export-Clixml and read back with Import-Clixml' {
        # CLIXML keeps a DateTimeOffset only as a bag of its properties. Before, both times were lost: ReceiptAt showed when
        # the report ran, and the Unknown row whose request left after the receipt came took that earlier send's receipt.
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900001","code":"7500","timeStamp":"2026-12-05T09:00:00+01:00"},"transid":"m-old_1","correlationid":"c-1"}}' |
            ConvertFrom-ConnectWebhook
        $sent = @([pscustomobject]@{ Row = 1; SubmittedAt = $receipt.ReceivedAt.AddMinutes(5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' }
          [pscustomobject]@{ Row = 2; SubmittedAt = $receipt.ReceivedAt.AddMinutes(-5); Destination = '+447700900001'; CorrelationId = 'c-1'; Status = 'Unknown' })
        $receipts = Join-Path $TestDrive 'receipts.xml'
        $results = Join-Path $TestDrive 'results.xml'
        $receipt | Export-Clixml $receipts
        $sent | Export-Clixml $results

        $report = @(Import-Clixml $results | Wait-ConnectDelivery -Receipt (Import-Clixml $receipts) -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('NoReceipt', 'Delivered')
        $report[1].ReceiptAt | Should -Be ([DateTimeOffset]'2026-12-05T09:00:00+01:00')
        $report[1].ReceiptAt.Offset | Should -Be ([TimeSpan]::FromHours(1))
    }

    It 'words DeliveryFailed without an empty code or description when the receipt has none' {
        $sent = [pscustomobject]@{ Row = 4; Destination = '+447700900004'; MessageId = 'm-4'; Status = 'Queued' }
        $receipt = '{"deliveryInfoNotification":{"deliveryInfo":{"destination":"447700900004","deliveryStatus":"Failed"},"transid":"m-4"}}' | ConvertFrom-ConnectWebhook

        $result = $sent | Wait-ConnectDelivery -Receipt $receipt -ErrorVariable err -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Failed'
        $err[0].Exception.Message | Should -Be 'Row 4: Failed +447700900004.'
    }

    It 'says which -Delimiter a results file saved with semicolons needs when Import-Csv read it with commas' {
        # Export-Csv -UseCulture (or -Delimiter ';') where the decimal mark is a comma. Before: "it has no Destination column",
        # while the admin sees one in the file.
        $path = Join-Path $TestDrive 'results-semicolons.csv'
        1..3 | ForEach-Object { [pscustomobject]@{ Row = $_; Destination = "+44770090000$_"; MessageId = "m-$_"; Status = 'Queued' } } |
            Export-Csv $path -Delimiter ';' -NoTypeInformation

        $out = @(Import-Csv $path | Wait-ConnectDelivery -Receipt @() -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 0
        $err.Count | Should -Be 3
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidSendResultRow,*' }
        $err[0].Exception.Message | Should -BeLike "Input 1 is not read as a send result: the header '*Destination*' was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'."
        # Said in full once; each row after it names the first (before: the whole text again for every row of the file).
        $err[1].Exception.Message | Should -Be "Input 2 is not read as a send result: same reason as input 1 (the file's delimiter)."
        $err[2].Exception.Message | Should -Be "Input 3 is not read as a send result: same reason as input 1 (the file's delimiter)."
        @(Import-Csv $path -Delimiter ';' | Wait-ConnectDelivery -Receipt @() -ErrorAction SilentlyContinue).Status | Should -Be @('NoReceipt', 'NoReceipt', 'NoReceipt')
    }

    It 'says which piped object is not a send result, and goes on with the next' {
        $out = @('hello', [pscustomobject]@{ Destination = '+447700900001'; Status = 'Sent' }, [pscustomobject]@{ Destination = '+447700900002'; Status = 'Rejected'; Row = 3 } |
            Wait-ConnectDelivery -Receipt @() -ErrorVariable err -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 1
        $out[0].Row | Should -Be 3
        $out[0].Status | Should -Be 'NotSent'
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidSendResultRow,*' }
        $err[0].Exception.Message | Should -BeLike 'Input 1 is not a send result: it has no Destination column*Import-Csv*'
        $err[1].Exception.Message | Should -BeLike "Input 2: its status 'Sent' is not a send status*"
    }

    It 'does not wait -Timeout on a stopped listener, and does not say a receipt may still arrive to it' {
        # Before: the help's Example 3 run after its Example 1 (which stops the listener) waited the whole -Timeout for
        # receipts a stopped listener cannot get, then said of every row 'It may still arrive: the listener keeps it.'
        Connect-WebexConnect -Sandbox
        $listener = Start-ConnectReceiptListener
        Stop-ConnectReceiptListener $listener
        $results = @(New-Rows 2 | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $listener.Url)

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $delivery = @($results | Wait-ConnectDelivery $listener -Timeout 20 -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn 3>$null)
        $clock.Stop()

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $delivery.Status | Should -Be @('NoReceipt', 'NoReceipt')
        $warn[0].Message | Should -BeLike "*$($listener.Url)*is stopped*"
        # Not also 'Did the sends give -NotifyUrl?': they did; the listener was stopped.
        $warn.Count | Should -Be 1
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DeliveryReceiptMissing,*'
        $err[0].Exception.Message | Should -Not -BeLike '*may still*'
        $err[0].Exception.Message | Should -BeLike "Row 1: +447700900001: no delivery receipt among those the stopped listener at $($listener.Url) kept*"
    }

    It 'lines Row up on the right, as the send results table does, so row 10 sits under row 9' {
        # Before: the delivery table's Row was left-aligned ("9    ", "10   ") beside a send table whose Row is right-aligned.
        $sent = 9, 10 | ForEach-Object { [pscustomobject]@{ Row = $_; Destination = "+4477009000$_"; MessageId = 'm-1'; Status = 'Queued' } }

        $lines = @(($sent | Wait-ConnectDelivery -Receipt @() -ErrorAction SilentlyContinue | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^\s+Row Status'
        $lines[2] | Should -Match '^\s+9 NoReceipt'
        $lines[3] | Should -Match '^\s+10 NoReceipt'
        $lines[2].IndexOf('9 ') | Should -Be ($lines[3].IndexOf('10 ') + 1)
    }

    It 'shows Row, Status and Destination at 80 columns' {
        Connect-WebexConnect -Sandbox

        $text = Send-ConnectSms -To '+447700900061' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url |
            Wait-ConnectDelivery -Listener $script:Listener -Timeout 10 | Out-String -Width 80

        $text | Should -Match 'Row\s+Status\s+Destination\s+Code\s+ReceiptAt \(UTC\)\s+Reason'
        $text | Should -Match '1\s+Delivered\s+\+447700900061\s+7500'
    }

    It 'says at 80 columns why a delivery failed or a row was not sent' {
        # Before: the last column was MessageId, the same for every row of a batch and cut at 80 columns; "Invalid
        # address" and a refusal's reason showed only in Format-List.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 1
        $sent = @(Send-ConnectSms -To '+447700900062' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url) +
            [pscustomobject]@{ Row = 2; Destination = '+447700900063'; Status = 'Rejected'; Reason = 'Opted out' }

        $lines = @(($sent | Wait-ConnectDelivery -Listener $script:Listener -Timeout 10 -ErrorAction SilentlyContinue |
            Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $lines[2] | Should -Match '^\s+1 Failed\s+\+447700900062\s+7102\s+\d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d\s+Invalid address$'
        $lines[3] | Should -Match '^\s+2 NotSent\s+\+447700900063\s+Opted out$'
    }

    It 'says at 80 columns whether a NoReceipt row timed out or can never be matched, and what to do' {
        # Before: the Reason cell of both was empty, so a row that only needed a longer wait read as one lost for good.
        Connect-WebexConnect -Sandbox
        $late = '+447700900009' | Send-ConnectSms -From A -Text x    # no -NotifyUrl: no receipt comes
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1
        $lost = Send-ConnectSms -To '+447700900071' -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $lost.Status | Should -Be 'Unknown'

        $delivery = @(@($late) + @($lost) | Wait-ConnectDelivery -Listener $script:Listener -Timeout 1 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $lines = @(($delivery | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $delivery.Status | Should -Be @('NoReceipt', 'NoReceipt')
        $lines[2] | Should -Match '^\s+1 NoReceipt\s+\+447700900009\s+Timed out \(1 s\)'
        $lines[3] | Should -Match '^\s+1 NoReceipt\s+\+447700900071\s+No ID to match'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        # What to do, where the console is wider: look the message up, or wait longer; never "resend" blind.
        $delivery[0].NoReceiptReason | Should -Be 'Timed out (1 s): Get-ConnectMessage or wait again, longer -Timeout'
        $delivery[1].NoReceiptReason | Should -BeLike 'No ID to match: check the service''s reports before resending'
        # Hidden: the report's columns are as they were.
        ($delivery[0] | ConvertTo-Csv -NoTypeInformation)[0] | Should -Not -Match 'NoReceiptReason'
    }

    It 'shows why a row was not sent without the "Row N: " the Row column already says, as the send results'' table does' {
        # Before: "3 NotSent  notanumber  Row 3: To: 'nota..." at 80 columns: the prefix took most of the cell.
        Connect-WebexConnect -Sandbox
        $rows = '+447700900064', '+447700900065', 'notanumber' | ForEach-Object { [pscustomobject]@{ Phone = $_ } }
        $sent = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -NotifyUrl $script:Listener.Url -ErrorAction SilentlyContinue)

        $delivery = @($sent | Wait-ConnectDelivery -Listener $script:Listener -Timeout 10)
        $lines = @(($delivery | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $lines[4] | Should -Match "^\s+3 NotSent\s+notanumber\s+Phone: 'notanumbe"
        $lines | Should -Not -Match 'Row \d: '
        $delivery[2].SendReason | Should -BeLike 'Row 3: Phone: *'    # the property keeps it
    }

    It 'gives each row its own receipt when one request sends the same number twice, told apart by CorrelationId' {
        # Before: both rows waited under the same message ID and number, so both took the later receipt: row 1's Failed
        # (7102) was reported Delivered, row 2's Delivered credited to row 1 too.
        $null = Connect-WebexConnect -Sandbox
        $rows = "Phone,CorrelationId`n+447700900001,a`n+447700900001,b" | ConvertFrom-Csv
        $sent = @($rows | Send-ConnectSms -From ACME -Text Hi -WarningAction SilentlyContinue)
        $sent[0].MessageId | Should -Be $sent[1].MessageId
        $receipts = foreach ($said in @('a', '7102'), @('b', '7500')) {
            "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"$($said[1])`",`"destination`":`"447700900001`"},`"transid`":`"$($sent[0].MessageId)`",`"correlationid`":`"$($said[0])`"}}" |
                ConvertFrom-ConnectWebhook
        }

        $report = @($sent | Wait-ConnectDelivery -Receipt $receipts -ErrorVariable failed -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('Failed', 'Delivered')
        $report.Code | Should -Be @('7102', '7500')
        @($failed).Count | Should -Be 1
        $failed[0].ToString() | Should -BeLike 'Row 1: Failed (7102) +447700900001*'
    }

    It 'writes a row scheduled for after the wait at once as Scheduled, with its time in the Note and no error, and does not hold the run' {
        # Before: the row waited the whole -Timeout, then ended NoReceipt, TimedOut, with an error that said both "It may still
        # arrive" and "no receipt comes before that time": a scheduled task of reminders due tomorrow sat out every -Timeout.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $tomorrow = (Get-Date).AddDays(1)
        $rows = "Phone,SendAt`n+447700900001,`n+447700900002,$($tomorrow.ToString('yyyy-MM-dd HH:mm'))" | ConvertFrom-Csv
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $report = @($rows | Send-ConnectSms -From ACME -Text Hi -NotifyUrl $l.Url | Wait-ConnectDelivery $l -Timeout 60 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $report.SendStatus | Should -Be @('Queued', 'Scheduled')
        $report.Status | Should -Be @('Delivered', 'Scheduled')
        $report[1].TimedOut | Should -BeFalse
        $utc = $tomorrow.ToUniversalTime().ToString('yyyy-MM-dd HH:mm')
        $report[1].Note | Should -BeLike "The send was Scheduled for $($utc)*Z: it was not waited for, as no receipt comes before that time. Do not send it again; wait for it after that time."
        @($problems).Count | Should -Be 0
        ($report | Out-String -Width 80) | Should -Match '\n\s+2 Scheduled\s+\+447700900002'
    }

    It 'says in a failed row''s Note and DeliveryFailed error what to do about the failure code <Code>' -ForEach @(
        @{ Code = '7102'; Destination = '447700900001'; Advice = 'The number or address is not valid or cannot be reached: correct it in the source before sending again.' }
        @{ Code = '7523'; Destination = 'ann@example.com'; Advice = 'The email address is not valid: correct it in the source before sending again.' }
        @{ Code = '7520'; Destination = 'ann@example.com'; Advice = 'The mail server refused it (no such mailbox, or the mailbox is full): check the address before sending again.' }
        @{ Code = '7522'; Destination = 'ann@example.com'; Advice = 'The sender''s email domain is not verified: every email from it fails until the tenant verifies it.' }
        @{ Code = '7208'; Destination = '447700900001'; Advice = 'It expired before it could be delivered (the phone was off or out of reach): send it again if it still matters, with a longer -Validity.' }
    ) {
        # Before: "Row 1: Failed (7102) +447700900001: Invalid address." and nothing else: the report told the admin what the
        # vendor's code was, not whether to fix the address, resend, or call the tenant's administrator.
        $sent = [pscustomobject]@{ Row = 1; Destination = $Destination; MessageId = 'm-1'; Status = 'Queued' }
        $receipt = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"$Code`",`"destination`":`"$Destination`"},`"transid`":`"m-1`"}}" | ConvertFrom-ConnectWebhook

        $report = $sent | Wait-ConnectDelivery -Receipt $receipt -ErrorVariable failed -ErrorAction SilentlyContinue

        $report.Note | Should -BeExactly $Advice
        @($failed).Count | Should -Be 1
        $failed[0].ToString() | Should -BeLike "Row 1: * ($Code) $Destination*. $Advice"
    }

    It 'leaves the Receipt and SendResult objects out of delivery.csv, keeps them on the objects, and reads the file back' {
        # Before: delivery.csv ended with two columns an admin cannot use, "Delivered +447700900001" and "Queued +447700900001"
        # (the ToString of the receipt and of the send result), beside the Status and Destination columns that say the same.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $file = Join-Path $TestDrive 'delivery.csv'
        $report = @(Send-ConnectSms -To '+447700900001' -From ACME -Text Hi -NotifyUrl $l.Url | Wait-ConnectDelivery $l -Timeout 30)

        $report | Export-Csv $file -NoTypeInformation -Encoding UTF8

        $header = (Get-Content $file -TotalCount 1) -replace '"', ''
        $header | Should -Be 'Row,Destination,CorrelationId,MessageId,SendStatus,SendReason,ScheduledFor,Status,Code,Description,ReceiptAt,TimedOut,Note,Copies,RequestedReceipts'
        $report[0].Receipt.Code | Should -Be '7500'
        $report[0].SendResult.Status | Should -Be 'Queued'
        @(Import-Csv $file | Wait-ConnectDelivery -Receipt $report.Receipt).Status | Should -Be 'Delivered'
    }

    It 'reports the Cc and Bcc copies of an email from yesterday''s results.csv, as from the send''s own results, and from delivery.csv again' {
        # Before: results.csv kept no copy addresses, so the morning's Import-Csv results.csv | Wait-ConnectDelivery showed every
        # row's Copies empty, though the managers' copies had bounced or arrived.
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.2   # this share bounces boss0@example.com and delivers the others, every time
        $l = $script:Listener
        $rows = "Email,Cc`nuser1@example.com,boss0@example.com`nuser2@example.com,boss1@example.com" | ConvertFrom-Csv
        $results = Join-Path $TestDrive 'results.csv'
        $delivery = Join-Path $TestDrive 'delivery.csv'
        $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Outage' -Text 'Mail is down' -Bcc 'audit@example.com' -NotifyUrl $l.Url |
            Export-Csv $results -NoTypeInformation -Encoding UTF8

        (Import-Csv $results).Copies | Should -Be @('boss0@example.com; audit@example.com', 'boss1@example.com; audit@example.com')
        $report = @(Import-Csv $results | Wait-ConnectDelivery $l -Timeout 30 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $report | Export-Csv $delivery -NoTypeInformation -Encoding UTF8
        $again = @(Import-Csv $delivery | Wait-ConnectDelivery -Receipt $l.GetReceipts())

        $report.Status | Should -Be @('Delivered', 'Delivered')
        $report.Copies | Should -Be @(
            'boss0@example.com: Bounced (7520); audit@example.com: Delivered (7500)'
            'boss1@example.com: Delivered (7500); audit@example.com: Delivered (7500)')
        @($problems).Count | Should -Be 0
        $again.Copies | Should -Be $report.Copies
    }

    It 'reports the copies of an Unknown email (answer lost) from the receipts under the message its own receipt names, not as NoReceipt' {
        # Before: an Unknown row's copies always read "boss@example.com: NoReceipt", though the service had sent the email and
        # the copy's receipt had come: no copy receipt was looked for without the send's message ID.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:02' -TimeoutSec 1
        $l = $script:Listener
        $sent = @([pscustomobject]@{ Email = 'ann@example.com'; CorrelationId = 'row-1' } |
            Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T' -Cc 'boss@example.com' -NotifyUrl $l.Url -ErrorAction SilentlyContinue)
        $sent.Status | Should -Be 'Unknown'

        $report = @($sent | Wait-ConnectDelivery $l -Timeout 20 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $report.Status | Should -Be 'Delivered'
        $report.Copies | Should -Be 'boss@example.com: Delivered (7500)'
        $report.TimedOut | Should -BeFalse
        @($problems).Count | Should -Be 0
    }

    It 'says in a row''s Note that its receipts cannot be told from another''s when one request sends the same number twice without CorrelationId' {
        # Before: both rows showed the latest receipt for the number, and nothing said one of them may be the other's.
        $null = Connect-WebexConnect -Sandbox
        $sent = @(1, 2 | ForEach-Object { [pscustomobject]@{ Phone = '+447700900001' } } | Send-ConnectSms -From ACME -Text Hi -WarningAction SilentlyContinue)
        $receipt = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7500`",`"destination`":`"447700900001`"},`"transid`":`"$($sent[0].MessageId)`"}}" | ConvertFrom-ConnectWebhook

        $report = @($sent | Wait-ConnectDelivery -Receipt $receipt)

        $report.Status | Should -Be @('Delivered', 'Delivered')
        # Row 1 had its receipt at once (-Receipt gives them all), but waits for the input's end so that it can say so too:
        # before, it was written before row 2 came, and only the later row said it.
        $report[0].Note | Should -Be 'Row 2 sent to the same address in this request, and no CorrelationId tells their receipts apart: both rows show the latest. Give each row a CorrelationId of its own.'
        $report[1].Note | Should -Be 'Row 1 sent to the same address in this request, and no CorrelationId tells their receipts apart: both rows show the latest. Give each row a CorrelationId of its own.'
    }

    It 'says of both rows to the same number that they share their receipts when their results are piped after the receipts came' {
        # The listener holds the receipts already ($r piped to a later wait): as with -Receipt, row 1 was written before row 2
        # was read, and its Note said nothing.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $sent = @(1, 2 | ForEach-Object { [pscustomobject]@{ Phone = '+447700900061' } } |
            Send-ConnectSms -From ACME -Text Hi -NotifyUrl $l.Url -WarningAction SilentlyContinue)
        $deadline = [datetime]::UtcNow.AddSeconds(10)
        while (@($l.GetReceipts() | Where-Object { $_.MessageId -eq $sent[0].MessageId -and $_.IsFinal }).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 100
        }

        $report = @($sent | Wait-ConnectDelivery $l -Timeout 20)

        $report.Status | Should -Be @('Delivered', 'Delivered')
        $report[0].Note | Should -BeLike 'Row 2 sent to the same address in this request, *'
        $report[1].Note | Should -BeLike 'Row 1 sent to the same address in this request, *'
    }

    It 'says of both rows to the same number that they share their receipts when the first one''s receipt came before the second was piped' {
        # A live wait: row 1's receipt came while row 2 (another number of the same request) was read. Before, row 1 was written
        # then, and only row 3, to row 1's number, said that they share their receipts.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        # -SendAt a few seconds ahead: the sandbox posts the receipts then, so none is there when row 1 is piped.
        $sent = @('+447700900071', '+447700900072', '+447700900071' | ForEach-Object { [pscustomobject]@{ Phone = $_ } } |
            Send-ConnectSms -From ACME -Text Hi -SendAt (Get-Date).AddSeconds(3) -NotifyUrl $l.Url -WarningAction SilentlyContinue)

        $report = @($sent | ForEach-Object {
                $_
                # The next row is piped only once this row's receipt has come.
                $id = $_.MessageId; $to = $_.Destination.TrimStart('+'); $deadline = [datetime]::UtcNow.AddSeconds(15)
                while (-not ($l.GetReceipts() | Where-Object { $_.MessageId -eq $id -and $_.Destination -eq $to -and $_.IsFinal }) -and
                    [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            } | Wait-ConnectDelivery $l -Timeout 20)

        $report.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
        $report[0].Note | Should -BeLike 'Row 3 sent to the same address in this request, *both rows show the latest*'
        $report[1].Note | Should -BeNullOrEmpty
        $report[2].Note | Should -BeLike 'Row 1 sent to the same address in this request, *both rows show the latest*'
    }

    It 'holds the earlier row while the other request''s row between them has no receipt, so that both rows say they share' {
        # A, B, A: row 1's receipt came before row 2 (another text, so another request) was read, and row 3 came right after
        # row 2, as a send writes them. Before, row 1 was written when row 2 came, and only row 3's Note said they share.
        # The rows of a results file (Import-Csv), so that row 2's request is one whose receipt has not come; sent for 2 s on,
        # so that row 1 is read before its receipt comes (one read after it is held for the end of the input already).
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $sent = @('+447700900075', '+447700900075' | Send-ConnectSms -From ACME -Text 'A' -NotifyUrl $l.Url -SendAt (Get-Date).AddSeconds(2) -WarningAction SilentlyContinue)
        $sent[0].MessageId | Should -Be $sent[1].MessageId
        $rows = @(
            [pscustomobject]@{ Row = 1; Destination = $sent[0].Destination; MessageId = $sent[0].MessageId; Status = 'Queued' }
            [pscustomobject]@{ Row = 2; Destination = '+447700900076'; MessageId = [guid]::NewGuid().ToString(); Status = 'Queued' }
            [pscustomobject]@{ Row = 3; Destination = $sent[1].Destination; MessageId = $sent[1].MessageId; Status = 'Queued' })

        $report = @($rows | ForEach-Object {
                $_
                if ($_.Row -eq 1) {
                    # Rows 2 and 3 follow once row 1's receipt is in.
                    $id = $_.MessageId; $deadline = [datetime]::UtcNow.AddSeconds(15)
                    while (-not ($l.GetReceipts() | Where-Object { $_.MessageId -eq $id -and $_.IsFinal }) -and
                        [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                }
            } | Wait-ConnectDelivery $l -Timeout 1 -ErrorAction SilentlyContinue)

        $report.Status | Should -Be @('Delivered', 'NoReceipt', 'Delivered')
        $report[0].Note | Should -BeExactly ('Row 3 sent to the same address in this request, and no CorrelationId tells their receipts apart: ' +
            'both rows show the latest. Give each row a CorrelationId of its own.')
        $report[2].Note | Should -BeExactly ('Row 1 sent to the same address in this request, and no CorrelationId tells their receipts apart: ' +
            'both rows show the latest. Give each row a CorrelationId of its own.')
    }

    It 'says on the later row that the earlier one left before it came, when another request''s row came between them' {
        # Two texts: rows 1 and 3 travel in one request, row 2 in another, and row 1 is written when row 2 comes. Before, row 3
        # said "both rows show the latest", which row 1, written with the receipt it had then, did not.
        $null = Connect-WebexConnect -Sandbox
        $l = $script:Listener
        $sent = @(('+447700900073', 'A'), ('+447700900074', 'B'), ('+447700900073', 'A') | ForEach-Object { [pscustomobject]@{ Phone = $_[0]; Text = $_[1] } } |
            Send-ConnectSms -From ACME -SendAt (Get-Date).AddSeconds(3) -NotifyUrl $l.Url -WarningAction SilentlyContinue)
        $sent[0].MessageId | Should -Be $sent[2].MessageId

        $report = @($sent | ForEach-Object {
                $_
                $id = $_.MessageId; $to = $_.Destination.TrimStart('+'); $deadline = [datetime]::UtcNow.AddSeconds(15)
                while (-not ($l.GetReceipts() | Where-Object { $_.MessageId -eq $id -and $_.Destination -eq $to -and $_.IsFinal }) -and
                    [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            } | Wait-ConnectDelivery $l -Timeout 20)

        $report.Status | Should -Be @('Delivered', 'Delivered', 'Delivered')
        $report[0].Note | Should -BeNullOrEmpty
        $report[2].Note | Should -BeExactly ('Row 1 sent to the same address in this request, and no CorrelationId tells their receipts apart: ' +
            'this row shows the latest; row 1 was written before this row came, with the receipt it had then and without this note. ' +
            'Give each row a CorrelationId of its own.')
    }

    It 'reports a result given twice twice, the same, and says so plainly, not that it shares its number with itself' {
        # Before: $r + $r gave the second "Row 1 sent to the same address in this request, and no CorrelationId tells their
        # receipts apart": row 1 named as its own duplicate.
        $null = Connect-WebexConnect -Sandbox
        $one = Send-ConnectSms -To '+447700900001' -From ACME -Text Hi
        $receipt = "{`"deliveryInfoNotification`":{`"deliveryInfo`":{`"code`":`"7102`",`"destination`":`"447700900001`"},`"transid`":`"$($one.MessageId)`"}}" | ConvertFrom-ConnectWebhook
        $file = Join-Path $TestDrive 'twice.csv'
        $one | Export-Csv $file -NoTypeInformation

        $report = @(@($one, $one) + @(Import-Csv $file) | Wait-ConnectDelivery -Receipt $receipt -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        $report.Row | Should -Be @(1, 1, 1)
        $report.Status | Should -Be @('Failed', 'Failed', 'Failed')
        $report[0].Note | Should -BeExactly 'The number or address is not valid or cannot be reached: correct it in the source before sending again.'
        foreach ($again in $report[1], $report[2]) {
            $again.Note | Should -BeExactly ($report[0].Note + " Row 1's send result was given to Wait-ConnectDelivery more than once: this is the same message again, reported each time it is given, not another send.")
        }
        $report.Note | Should -Not -Match 'same address'
        @($failed).Count | Should -Be 3
        "$($failed[1])" | Should -BeLike "Row 1: Failed (7102) +447700900001. The number or address is not valid*Row 1's send result was given to Wait-ConnectDelivery more than once*"
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be ("2 send results were given more than once (the first: row 1): each is reported every time it is given, the same each " +
            "time, so a count of the report's rows counts those messages more than once. Give each result once.")
    }

    It 'says of a row without a receipt, and -Verbose of the wait''s end, in the same words that it may still come and how to get it' {
        # Before: the row's error said "It may still arrive: the listener keeps it.", the help "may still come", the wait's end
        # only how many had none; none said that piping the rows again picks the late receipts up.
        $null = Connect-WebexConnect -Sandbox
        $sent = @(1, 2 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090010$_" } } | Send-ConnectSms -From ACME -Text Hi)   # no -NotifyUrl: no receipt

        $null = $sent | Wait-ConnectDelivery $script:Listener -Timeout 1 -ErrorVariable missing -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Tee-Object -Variable said

        "$($missing[0])" | Should -BeLike 'Row 1: +447700900101: no delivery receipt within 1 s (message *). It may still come, and the listener keeps it: pipe this row to Wait-ConnectDelivery again later.'
        @($said.Message)[-1] | Should -BeLike 'Stopped waiting after * s: 2 destinations of the 2 waited for have no final receipt. They may still come, and the listener keeps them: pipe those rows to Wait-ConnectDelivery again later.'
    }
}
