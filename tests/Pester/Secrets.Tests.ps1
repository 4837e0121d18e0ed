#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Reliability item 4 in a real PowerShell (7.4+ and Windows PowerShell 5.1): send with the service key and with the
# service secret, the verbose and debug streams on, through accepted and refused requests; capture every stream, the error, warning and information
# variables, $Error, Get-ConnectContext, the results and the -Journal file, and look for the key, the secret (as given and
# decoded) and every JWT that travelled. A small loopback responder answers the requests and keeps what it
# received, so the test knows the credentials really went out. Build first: dotnet build -c Release.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop

    . (Join-Path $PSScriptRoot 'LoopbackService.ps1')

    $script:KeyText = 'pester-key-' + [guid]::NewGuid().ToString('N')
    $script:SecretBytesText = 'pester-secret-bytes-' + [guid]::NewGuid().ToString('N')
    $script:SecretText = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($script:SecretBytesText))

    # The common parameters that fill $ev, $wv and $iv in Invoke-Captured's scope (its block is dot-sourced).
    $script:Capture = @{ ErrorVariable = 'ev'; WarningVariable = 'wv'; InformationVariable = 'iv' }

    # Everything a run shows, as text: each record of every stream as PowerShell would print it, exceptions
    # in full, the variables, $Error and the context. $Send must splat @Capture on its command.
    function script:Invoke-Captured([scriptblock] $Send) {
        $Error.Clear()
        # The debug stream on for every command of $Send. Not -Debug: in Windows PowerShell 5.1 it means Inquire,
        # which prompts at each debug line (and fails in a non-interactive host).
        $DebugPreference = 'Continue'
        $ev = $null; $wv = $null; $iv = $null
        $records = [System.Collections.Generic.List[object]]::new()
        try {
            # Streamed, so what came before a terminating error is kept too.
            . $Send *>&1 | ForEach-Object { $records.Add($_) }
        }
        catch {
            $records.Add($_)
        }
        $all = @($records) + @($ev) + @($wv) + @($iv) + @($Error) + @(Get-ConnectContext)
        $texts = foreach ($item in $all) {
            if ($null -eq $item) { continue }
            $item | Out-String -Width 4096
            $item | Format-List * -Force | Out-String -Width 4096
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $item.Exception.ToString()
                $item.TargetObject | Out-String -Width 4096
                "$($item.ErrorDetails)"
                $item.ScriptStackTrace
            }
        }
        [pscustomobject]@{ Records = @($records); Text = ($texts -join "`n") }
    }

    # Fails naming what leaked, never the value.
    function script:Assert-NoSecret([string] $Text, [hashtable] $Secrets) {
        foreach ($kind in $Secrets.Keys) {
            $Text.Contains($Secrets[$kind]) | Should -BeFalse -Because "the $kind must not appear in any output"
        }
    }

    # The bearer tokens the responder received, and each one's signature part.
    function script:Get-WireJwt([string] $Received) {
        foreach ($m in [regex]::Matches($Received, '(?im)^authorization:\s*bearer\s+(\S+)\r?$')) {
            $token = $m.Groups[1].Value
            $token
            $token.Split('.')[2]
        }
    }

    $script:Rows = @(
        [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
        [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
    )
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'No credential in any stream' {
    BeforeEach {
        $script:responder = [WebexConnectPester.LoopbackService]::new()
    }
    AfterEach {
        Disconnect-WebexConnect -ErrorAction SilentlyContinue
        $script:responder.Dispose()
    }

    It 'with the service key, when the service accepts' {
        $key = ConvertTo-SecureString $script:KeyText -AsPlainText -Force
        $connect = Invoke-Captured { Connect-WebexConnect -ServiceKey $key -BaseUri $script:responder.BaseUri -Tps 50 -Verbose -PassThru @Capture }
        $journal = Join-Path $TestDrive 'service-key.journal'
        $run = Invoke-Captured { $script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -Verbose @Capture }
        # Latin-1 maps every byte to one character, so a key in the file is found whatever else it holds.
        # (Encoding.Latin1 is .NET 5+ only; code page 28591 is the same encoding on .NET Framework too.)
        $journalText = [System.IO.File]::ReadAllText($journal, [System.Text.Encoding]::GetEncoding(28591))

        $journalText | Should -Not -BeNullOrEmpty
        @($run.Records | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be @('Queued', 'Queued')
        ($run.Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Batch *: * SMS destination* sent, HTTP 201 in *' }) |
            Should -Not -BeNullOrEmpty -Because 'the verbose stream must be captured for the scan to mean anything'
        ($run.Records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'Send run started:*' }) |
            Should -Not -BeNullOrEmpty -Because 'the debug stream must be captured for the scan to mean anything'
        ($script:responder.Received -join "`r`n") | Should -Match ([regex]::Escape("key: $($script:KeyText)"))
        Assert-NoSecret ($connect.Text + $run.Text + $journalText) @{ 'service key' = $script:KeyText }
    }

    It 'with the service key, when the service refuses it' {
        $null = $script:responder.Otherwise(401)
        $key = ConvertTo-SecureString $script:KeyText -AsPlainText -Force
        Connect-WebexConnect -ServiceKey $key -BaseUri $script:responder.BaseUri -Tps 50
        $run = Invoke-Captured { $script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose @Capture }

        $failure = $run.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
        $failure.FullyQualifiedErrorId | Should -Match '^AuthenticationFailed'
        Assert-NoSecret $run.Text @{ 'service key' = $script:KeyText }
    }

    It 'with the service secret, when the service accepts and when it refuses even a fresh token' {
        $secret = ConvertTo-SecureString $script:SecretText -AsPlainText -Force
        $connect = Invoke-Captured { Connect-WebexConnect -ServiceId 'svc-pester' -ServiceSecret $secret -BaseUri $script:responder.BaseUri -Tps 50 -Verbose @Capture }
        $accepted = Invoke-Captured { $script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose @Capture }
        $null = $script:responder.Otherwise(401)
        $refused = Invoke-Captured { $script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose @Capture }

        @($accepted.Records | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be @('Queued', 'Queued')
        ($refused.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1).FullyQualifiedErrorId |
            Should -Match '^AuthenticationFailed'
        $tokens = @(Get-WireJwt ($script:responder.Received -join "`r`n"))
        $tokens.Count | Should -BeGreaterThan 0
        $secrets = @{ 'service secret' = $script:SecretText; 'decoded secret' = $script:SecretBytesText }
        for ($i = 0; $i -lt $tokens.Count; $i++) { $secrets["wire JWT part $i"] = $tokens[$i] }
        Assert-NoSecret ($connect.Text + $accepted.Text + $refused.Text) $secrets
    }

    It 'with a PSCredential holding the service secret' {
        $credential = [pscredential]::new('svc-pester', (ConvertTo-SecureString $script:SecretText -AsPlainText -Force))
        $connect = Invoke-Captured { Connect-WebexConnect -Credential $credential -BaseUri $script:responder.BaseUri -Tps 50 -Verbose @Capture }
        $run = Invoke-Captured { $script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose @Capture }

        $secrets = @{ 'service secret' = $script:SecretText; 'decoded secret' = $script:SecretBytesText }
        $tokens = @(Get-WireJwt ($script:responder.Received -join "`r`n"))
        $tokens.Count | Should -BeGreaterThan 0
        for ($i = 0; $i -lt $tokens.Count; $i++) { $secrets["wire JWT part $i"] = $tokens[$i] }
        Assert-NoSecret ($connect.Text + $run.Text) $secrets
    }
}

Describe 'A secret typed as text' {
    # Before: "Cannot convert the value of type System.String to type System.Security.SecureString", which did not
    # say what to give instead. The secret is still refused as text, and the message never repeats it.
    It '<Command> -<Parameter> says how to give a SecureString, without the value' -ForEach @(
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceKey'; Send = { Connect-WebexConnect -ServiceKey $script:KeyText -Region eu @Capture } }
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceSecret'; Send = { Connect-WebexConnect -ServiceId svc -ServiceSecret $script:SecretText -Region eu @Capture } }
        @{ Command = 'New-ConnectJwt'; Parameter = 'ServiceSecret'; Send = { New-ConnectJwt -ServiceId svc -ServiceSecret $script:SecretText @Capture } }
        @{ Command = 'Start-ConnectReceiptListener'; Parameter = 'Secret'; Send = { Start-ConnectReceiptListener -Secret $script:KeyText @Capture } }
        @{ Command = 'ConvertFrom-ConnectWebhook'; Parameter = 'Secret'; Send = { ConvertFrom-ConnectWebhook -InputObject '{}' -Secret $script:KeyText @Capture } }
    ) {
        $run = Invoke-Captured $Send

        $thrown = @($run.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0]
        $thrown.FullyQualifiedErrorId | Should -BeLike "ParameterArgumentTransformationError,*"
        $thrown.Exception.Message | Should -BeLike "*-$Parameter takes a SecureString, not text*(Get-Secret *)*(Read-Host -AsSecureString)*ConvertTo-SecureString*"
        Assert-NoSecret $run.Text @{ 'service key' = $script:KeyText; 'service secret' = $script:SecretText }
    }
}

Describe 'A secret whose lookup failed ($null)' {
    # Before: -ServiceKey (Get-Secret X), when the lookup failed, or a variable an Import-Clixml did not fill, got
    # PowerShell's "Cannot validate argument on parameter 'ServiceKey'. The argument is null", which pointed at neither the
    # lookup that failed nor what leaving the parameter out reads. Now it says what -Credential $null says.
    It '<Command> -<Parameter> $null says the variable holds nothing<Where>' -ForEach @(
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceKey'; Where = ' and which variable leaving it out reads'
           Advice = '*Or leave -ServiceKey out to read WEBEXCONNECT_SERVICE_KEY.'
           Send = { Connect-WebexConnect -ServiceKey $null -Region eu @Capture } }
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceSecret'; Where = ' and which variables leaving it out reads'
           Advice = '*Or leave -ServiceId and -ServiceSecret out to read WEBEXCONNECT_SERVICE_ID and WEBEXCONNECT_SERVICE_SECRET.'
           Send = { Connect-WebexConnect -ServiceId svc -ServiceSecret $null -Region eu @Capture } }
        @{ Command = 'New-ConnectJwt'; Parameter = 'ServiceSecret'; Where = ''; Advice = '*(Get-Secret WebexConnectSecret).'
           Send = { New-ConnectJwt -ServiceId svc -ServiceSecret $null @Capture } }
        @{ Command = 'Start-ConnectReceiptListener'; Parameter = 'Secret'; Where = ''; Advice = '*(Get-Secret WebexWebhookSecret).'
           Send = { Start-ConnectReceiptListener -Secret $null @Capture } }
    ) {
        $run = Invoke-Captured $Send

        $thrown = @($run.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0]
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $thrown.Exception.Message | Should -BeLike ("*-$Parameter is `$null: the variable given holds no secret (did the Import-Clixml " +
            'or Get-Secret that should have filled it fail?). Give a SecureString*')
        $thrown.Exception.Message | Should -BeLike $Advice
        $run.Text | Should -Not -Match 'The argument is null'
    }
}

Describe 'A secret given as a PSCredential or a hashtable' {
    # A key kept as Get-Credential | Export-Clixml, or a vault's PSCredential or hashtable secret, given where a SecureString
    # goes. Before: "Cannot convert the value of type PSCredential to type SecureString" and "Cannot create object of type
    # SecureString. The property 'ServiceKey' was not found", which did not say which part of it to give.
    BeforeAll {
        $script:KeyCredential = [pscredential]::new('anything', (ConvertTo-SecureString $script:KeyText -AsPlainText -Force))
        $script:KeyTable = @{ ServiceKey = (ConvertTo-SecureString $script:KeyText -AsPlainText -Force) }
    }

    It '<Command> -<Parameter> given a <Kind> says what to give, without the value' -ForEach @(
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceKey'; Kind = 'PSCredential'; Advice = '*-ServiceKey $credential.Password.*goes to -Credential instead.'
           Send = { Connect-WebexConnect -ServiceKey $script:KeyCredential -Region eu @Capture } }
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceKey'; Kind = 'hashtable'; Advice = '*-ServiceKey $secret.ServiceKey.*Connect-WebexConnect @secret.'
           Send = { Connect-WebexConnect -ServiceKey $script:KeyTable -Region eu @Capture } }
        @{ Command = 'Connect-WebexConnect'; Parameter = 'ServiceSecret'; Kind = 'PSCredential'; Advice = '*-ServiceSecret $credential.Password.*-Credential in place of -ServiceId and -ServiceSecret.'
           Send = { Connect-WebexConnect -ServiceId svc -ServiceSecret $script:KeyCredential -Region eu @Capture } }
        @{ Command = 'New-ConnectJwt'; Parameter = 'ServiceSecret'; Kind = 'hashtable'; Advice = '*-ServiceSecret $secret.ServiceSecret.*New-ConnectJwt @secret.'
           Send = { New-ConnectJwt -ServiceId svc -ServiceSecret $script:KeyTable @Capture } }
        @{ Command = 'Start-ConnectReceiptListener'; Parameter = 'Secret'; Kind = 'PSCredential'; Advice = '*-Secret $credential.Password.'
           Send = { Start-ConnectReceiptListener -Secret $script:KeyCredential @Capture } }
    ) {
        $run = Invoke-Captured $Send

        $thrown = @($run.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0]
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $thrown.Exception.Message | Should -BeLike "*-$Parameter takes a SecureString, not a $Kind*"
        $thrown.Exception.Message | Should -BeLike $Advice
        Assert-NoSecret $run.Text @{ 'service key' = $script:KeyText }
    }
}

Describe 'An empty webhook secret' {
    # Before: Start-ConnectReceiptListener -Secret (Read-Host -AsSecureString), answered with Enter, started a listener
    # that said VerifiesSignatures True and accepted any webhook signed with the empty key, which anyone can compute.
    It '<Command> -Secret refuses it, saying why and what to give' -ForEach @(
        @{ Command = 'Start-ConnectReceiptListener'; Run = { Start-ConnectReceiptListener -Secret ([securestring]::new()) } }
        @{ Command = 'ConvertFrom-ConnectWebhook'; Run = { ConvertFrom-ConnectWebhook -InputObject '{}' -Signature 'sha256=00' -Secret ([securestring]::new()) } }
    ) {
        $Run | Should -Throw -ErrorId "ParameterArgumentValidationError,*" -ExpectedMessage '*secret is empty, and anyone can sign a webhook with an empty secret*leave -Secret out*'
    }

    It 'still takes a secret of any length above none' {
        $listener = Start-ConnectReceiptListener -Secret (ConvertTo-SecureString 'whsec' -AsPlainText -Force)
        try { $listener.VerifiesSignatures | Should -BeTrue } finally { Stop-ConnectReceiptListener $listener }
    }
}

Describe 'A receipt listener on a server other accounts use' {
    # Before: the help said only "127.0.0.1 (this computer only)", which an admin on a shared server read as private;
    # every account there can post to the port, and without -Secret the listener keeps what they post.
    It 'keeps an unsigned post from any local process without -Secret, and its help says to give -Secret there' {
        $listener = Start-ConnectReceiptListener
        try {
            $body = '{"deliveryInfoNotification":{"deliveryInfo":{"code":"7500","destination":"447700900001","deliveryStatus":"Delivered"},"transid":"forged"}}'
            $client = [System.Net.Http.HttpClient]::new()
            try { $null = $client.PostAsync($listener.Url, [System.Net.Http.StringContent]::new($body)).GetAwaiter().GetResult() } finally { $client.Dispose() }
            @($listener.GetReceipts()).MessageId | Should -Contain 'forged'
        } finally {
            Stop-ConnectReceiptListener $listener
        }

        $text = (Get-Help Start-ConnectReceiptListener -Full | Out-String -Width 1000) -replace '\s+', ' '
        $text | Should -Match 'Loopback keeps other computers out, not the other accounts of this one'
        $text | Should -Match 'give -Secret there too'
    }
}
