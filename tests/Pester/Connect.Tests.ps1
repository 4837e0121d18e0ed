#Requires -Version 5.1
# Pester 5: connecting, the current session, New-ConnectJwt. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    $script:EnvNames = @(
        'WEBEXCONNECT_SERVICE_KEY', 'WEBEXCONNECT_SERVICE_ID', 'WEBEXCONNECT_SERVICE_SECRET',
        'WEBEXCONNECT_REGION', 'WEBEXCONNECT_BASE_URI', 'WEBEXCONNECT_TPS'
    )
    # The caller's values, put back after the file, so a developer's own settings neither leak in nor get lost.
    $script:SavedEnv = @{}
    foreach ($name in $script:EnvNames) { $script:SavedEnv[$name] = [Environment]::GetEnvironmentVariable($name) }

    # Recognisable secrets: the tests look for them in everything the cmdlets show.
    $script:KeyText = 'key-7f3a-never-shown'
    $script:SecretText = 'c2VjcmV0LW5ldmVyLXNob3duLTk5'   # Base64
    $script:ServiceKey = ConvertTo-SecureString $script:KeyText -AsPlainText -Force
    $script:ServiceSecret = ConvertTo-SecureString $script:SecretText -AsPlainText -Force

    function script:Clear-ConnectEnvironment {
        foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    # Runs a script block and returns the ErrorRecord it threw (terminating), or $null.
    function script:Get-ThrownError([scriptblock] $Action) {
        try { & $Action; $null } catch { $_ }
    }

    # A second tenant beside the sandbox: a loopback service that keeps every request it received.
    . (Join-Path $PSScriptRoot 'LoopbackService.ps1')

    function script:ConvertFrom-Base64Url([string] $Text) {
        $s = $Text.Replace('-', '+').Replace('_', '/')
        switch ($s.Length % 4) { 2 { $s += '==' } 3 { $s += '=' } }
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($s))
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnv[$name]) }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-WebexConnect and Get-ConnectContext' {
    BeforeEach {
        Clear-ConnectEnvironment
        Disconnect-WebexConnect
    }

    It 'shows nothing, and no error, when not connected' {
        $err = $null
        $context = Get-ConnectContext -ErrorVariable err
        $context | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'connects to the sandbox without credentials and writes nothing without -PassThru' {
        $output = Connect-WebexConnect -Sandbox
        $output | Should -BeNullOrEmpty
        $context = Get-ConnectContext
        $context | Should -BeOfType ([WebexConnect.Results.ConnectSession])
        $context.IsSandbox | Should -BeTrue
        $context.AuthMode | Should -Be 'Sandbox'
        $context.ConnectedAt | Should -BeGreaterThan ([DateTimeOffset]::Now.AddMinutes(-1))
    }

    It 'gives the sandbox nothing from the environment, not even WEBEXCONNECT_TPS' {
        $env:WEBEXCONNECT_TPS = '7'
        $env:WEBEXCONNECT_SERVICE_KEY = 'env-key-unused'
        Connect-WebexConnect -Sandbox
        $context = Get-ConnectContext
        $context.IsSandbox | Should -BeTrue
        $context.Tps | Should -BeNullOrEmpty
        (Connect-WebexConnect -Sandbox -Tps 250 -PassThru).Tps | Should -Be 250
    }

    It 'shows the rate in force: the given -Tps, or 10 until the service announces its limit' {
        (Connect-WebexConnect -Sandbox -Tps 250 -PassThru).TpsInForce | Should -Be 250
        Connect-WebexConnect -Sandbox
        (Get-ConnectContext).TpsInForce | Should -Be 10
        $null = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi'
        # The sandbox announces 100 (x-rate-limit-limit); the session keeps to it from then on.
        (Get-ConnectContext).TpsInForce | Should -Be 100
        (Get-ConnectContext).Tps | Should -BeNullOrEmpty
        (Get-ConnectContext | Out-String -Width 80) | Should -Match 'TpsInForce\s+: 100'
    }

    It 'returns the session with -PassThru, the same one Get-ConnectContext shows' {
        $session = Connect-WebexConnect -Sandbox -Tps 200 -PassThru
        $session | Should -BeOfType ([WebexConnect.Results.ConnectSession])
        $session.Tps | Should -Be 200
        (Get-ConnectContext).ConnectedAt | Should -Be $session.ConnectedAt
    }

    It 'never shows the service key' {
        Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $script:ServiceKey
        $context = Get-ConnectContext
        $context.AuthMode | Should -Be 'ServiceKey'
        $text = ($context | Out-String) + ($context | Format-List * | Out-String) + "$context"
        $text | Should -Not -Match ([regex]::Escape($script:KeyText))
        $text | Should -Match '127\.0\.0\.1'
    }

    It 'takes the Service ID and secret from -Credential and never shows the secret' {
        $credential = [pscredential]::new('svc-cred-1', $script:ServiceSecret)
        Connect-WebexConnect -Region eu -Credential $credential
        $context = Get-ConnectContext
        $context.AuthMode | Should -Be 'Jwt'
        $context.ServiceId | Should -Be 'svc-cred-1'
        $context.Region | Should -Be 'eu'
        $context.BaseUri.AbsoluteUri | Should -Be 'https://api.eu.webexconnect.io/'
        (($context | Format-List * | Out-String) + "$context") | Should -Not -Match ([regex]::Escape($script:SecretText))
    }

    It 'reads a -ServiceId given as a SecureString (a SecretManagement hashtable secret, splatted) as its text' {
        # Get-Secret returns each string value of a hashtable secret as a SecureString.
        $secret = @{ ServiceId = (ConvertTo-SecureString 'svc-vault-1' -AsPlainText -Force); ServiceSecret = $script:ServiceSecret }
        $session = Connect-WebexConnect @secret -Region eu -PassThru
        $session.ServiceId | Should -Be 'svc-vault-1'
        (New-ConnectJwt @secret).Issuer | Should -Be 'svc-vault-1'
    }

    It 'says to splat a hashtable secret given to -Credential, instead of "Cannot process argument transformation ... userName"' {
        $secret = @{ ServiceId = 'svc-vault-2'; ServiceSecret = $script:ServiceSecret }
        { Connect-WebexConnect -Credential $secret -Region eu } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Credential takes a PSCredential, not a hashtable*Connect-WebexConnect @secret.'
        { New-ConnectJwt -Credential $secret } |
            Should -Throw -ExpectedMessage '*-Credential takes a PSCredential, not a hashtable*New-ConnectJwt @secret.'
        (Connect-WebexConnect @secret -Region eu -PassThru).ServiceId | Should -Be 'svc-vault-2'
    }

    It 'connects from environment variables alone, for scheduled tasks' {
        $env:WEBEXCONNECT_SERVICE_ID = 'svc-env-1'
        $env:WEBEXCONNECT_SERVICE_SECRET = $script:SecretText
        $env:WEBEXCONNECT_REGION = 'uk'
        $env:WEBEXCONNECT_TPS = '120'
        Connect-WebexConnect
        $context = Get-ConnectContext
        $context.AuthMode | Should -Be 'Jwt'
        $context.ServiceId | Should -Be 'svc-env-1'
        $context.Region | Should -Be 'uk'
        $context.Tps | Should -Be 120
        ($context | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($script:SecretText))
    }

    It 'lets parameters win over environment variables' {
        $env:WEBEXCONNECT_SERVICE_KEY = 'env-key-unused'
        $env:WEBEXCONNECT_REGION = 'uk'
        Connect-WebexConnect -Region au -ServiceKey $script:ServiceKey
        (Get-ConnectContext).Region | Should -Be 'au'
    }

    # Before: "The argument \"EU \" does not belong to the set \"us,us1,eu,...\"", listing the value the admin gave.
    It 'takes a region read from a file with white space around it' {
        $settings = "Region,Tps`nEU ,10" | ConvertFrom-Csv
        Connect-WebexConnect -Region $settings.Region -ServiceKey $script:ServiceKey
        (Get-ConnectContext).Region | Should -Be 'eu'
    }

    It 'refuses plain http:// to a host that is not this machine, with ErrorId InsecureEndpoint' {
        $thrown = Get-ThrownError { Connect-WebexConnect -BaseUri 'http://api.example.com/' -ServiceKey $script:ServiceKey }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InsecureEndpoint,*'
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
        Get-ConnectContext | Should -BeNullOrEmpty
    }

    It 'says what to write for a -BaseUri as the portal shows it: <Written>' -ForEach @(
        @{ Written = 'api.eu.webexconnect.io'; Says = "*'api.eu.webexconnect.io' has no https:// in front: write it as https://api.eu.webexconnect.io/." }
        @{ Written = 'eu'; Says = "*'eu' is a region, not a URI: give -Region eu instead of -BaseUri." }
        @{ Written = 'https://api.eu.webexconnect.io/v1'; Says = '*ends in v1, the v1 API*give the root of the API, https://api.eu.webexconnect.io/;*' }
    ) {
        { Connect-WebexConnect -BaseUri $Written -ServiceKey $script:ServiceKey } |
            Should -Throw -ErrorId 'InvalidEndpoint,*' -ExpectedMessage $Says
    }

    It 'refuses an insecure WEBEXCONNECT_BASE_URI the same way' {
        $env:WEBEXCONNECT_SERVICE_KEY = $script:KeyText
        $env:WEBEXCONNECT_BASE_URI = 'http://10.1.2.3/'
        { Connect-WebexConnect } | Should -Throw -ErrorId 'InsecureEndpoint,*'
    }

    It 'says MissingCredentials when neither parameters nor environment give any' {
        $thrown = Get-ThrownError { Connect-WebexConnect -Region eu }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MissingCredentials,*'
        $thrown.Exception.Message | Should -Match 'WEBEXCONNECT_SERVICE_KEY'
    }

    It 'says ConflictingCredentials when the environment holds both kinds' {
        $env:WEBEXCONNECT_SERVICE_KEY = $script:KeyText
        $env:WEBEXCONNECT_SERVICE_ID = 'svc-1'
        $env:WEBEXCONNECT_SERVICE_SECRET = $script:SecretText
        $thrown = Get-ThrownError { Connect-WebexConnect }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ConflictingCredentials,*'
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($script:KeyText))
    }

    It 'says InvalidServiceSecret for a secret that is not Base64, without echoing it' {
        $bad = ConvertTo-SecureString 'not*base64!' -AsPlainText -Force
        $thrown = Get-ThrownError { Connect-WebexConnect -ServiceId 'svc-1' -ServiceSecret $bad }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceSecret,*'
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape('not*base64!'))
    }

    It 'says a service key given where the secret goes (a credential, -ServiceSecret, the environment) belongs to -ServiceKey' {
        # Before: only "-Credential (password) is not Base64. Copy the service secret exactly as the Webex Connect service shows
        # it.", which an admin whose vault holds the service key as a PSCredential (user name "key") cannot act on.
        $keyText = 'a1b2c3d4-e5f6-4789-abcd-ef0123456789'
        $key = ConvertTo-SecureString $keyText -AsPlainText -Force
        $credential = [pscredential]::new('key', $key)

        $fromCredential = Get-ThrownError { Connect-WebexConnect -Credential $credential -Region eu }
        $fromParameter = Get-ThrownError { Connect-WebexConnect -ServiceId 'svc-1' -ServiceSecret $key -Region eu }
        $env:WEBEXCONNECT_SERVICE_ID = 'svc-1'
        $env:WEBEXCONNECT_SERVICE_SECRET = $keyText
        $fromEnvironment = Get-ThrownError { Connect-WebexConnect -Region eu }
        Clear-ConnectEnvironment
        $jwt = Get-ThrownError { New-ConnectJwt -Credential $credential }

        $fromCredential.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceSecret,*'
        "$fromCredential" | Should -BeLike ('-Credential (password) is not Base64. Copy the service secret exactly as the Webex Connect service shows it. ' +
            'If it is the service key, not the service secret, give it to -ServiceKey: a -Credential is read as the Service ID (user name) and ' +
            'service secret (password). Connect-WebexConnect -ServiceKey $credential.Password takes the key from it.*')
        "$fromParameter" | Should -BeLike '-ServiceSecret is not Base64.*If it is the service key, give it to Connect-WebexConnect -ServiceKey instead: a service key signs no JWT.*'
        "$fromEnvironment" | Should -BeLike ('WEBEXCONNECT_SERVICE_SECRET is not Base64.*If it is the service key, set WEBEXCONNECT_SERVICE_KEY to it instead, ' +
            'and remove WEBEXCONNECT_SERVICE_ID and WEBEXCONNECT_SERVICE_SECRET.*')
        "$jwt" | Should -BeLike '*If it is the service key, not the service secret, give it to -ServiceKey*'
        foreach ($thrown in $fromCredential, $fromParameter, $fromEnvironment, $jwt) { ($thrown | Out-String) | Should -Not -Match $keyText }
        # What it says works: the key from the credential connects with the key header.
        Connect-WebexConnect -ServiceKey $credential.Password -Region eu
        (Get-ConnectContext).AuthMode | Should -Be 'ServiceKey'
    }

    It 'says that -Credential came from $PSDefaultParameterValues when a script gives every command one' {
        # $PSDefaultParameterValues['*:Credential'] = $adminCredential, for the remoting and AD commands of the same script,
        # reached the parameterless Connect-WebexConnect too, which then said only "-Credential (password) is not Base64":
        # a parameter the admin never gave it.
        $env:WEBEXCONNECT_SERVICE_KEY = $script:KeyText
        $PSDefaultParameterValues = @{ '*:Credential' = [pscredential]::new('CONTOSO\svc-ops', (ConvertTo-SecureString 'Winter2026!' -AsPlainText -Force)) }

        $thrown = Get-ThrownError { Connect-WebexConnect }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceSecret,*'
        "$thrown" | Should -Match ([regex]::Escape("-Credential was not on the command line: `$PSDefaultParameterValues['*:Credential'] gave it"))
        "$thrown" | Should -Not -BeLike '*Winter2026*'
        $jwt = Get-ThrownError { New-ConnectJwt }
        "$jwt" | Should -Match ([regex]::Escape("`$PSDefaultParameterValues['*:Credential'] gave it"))
        # Given on the command line, the same credential gets no such note.
        $given = Get-ThrownError { Connect-WebexConnect -Credential ([pscredential]::new('x', (ConvertTo-SecureString 'y!' -AsPlainText -Force))) }
        "$given" | Should -Not -BeLike '*PSDefaultParameterValues*'
    }

    It 'offers the regions for tab completion' {
        $values = (Get-Command Connect-WebexConnect).Parameters['Region'].Attributes |
            Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } |
            ForEach-Object ValidValues
        $values | Should -Be @('us', 'us1', 'eu', 'uk', 'ca', 'in', 'au', 'sg')
    }

    It 'rejects a TPS outside 1..10000 for an endpoint, and allows the sandbox up to 1000000' {
        { Connect-WebexConnect -Sandbox -Tps 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Connect-WebexConnect -Sandbox -Tps 1000001 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -Region eu -Tps 10001 } |
            Should -Throw -ErrorId 'InvalidTps,*'
        Connect-WebexConnect -Sandbox -Tps 1000000
        (Get-ConnectContext).Tps | Should -Be 1000000
    }

    It 'refuses -Tps written with a separator (<Given>), which PowerShell read as another number, and names the digits to write' -ForEach @(
        @{ Given = '1.000' }    # de-DE thousands: PowerShell read 1, a thousandth of the rate, with no word
        @{ Given = '2,5' }      # a decimal comma: PowerShell read 25
        @{ Given = '1,000' }
    ) {
        { Connect-WebexConnect -Sandbox -Tps $Given } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Tps '$Given' is not a whole number*write the digits alone*"
        (Connect-WebexConnect -Sandbox -Tps ' 1000 ' -PassThru).Tps | Should -Be 1000
        (Connect-WebexConnect -Sandbox -Tps 50 -PassThru).Tps | Should -Be 50
    }

    It 'names WEBEXCONNECT_TPS, not -Tps, when the variable is out of range' {
        $env:WEBEXCONNECT_SERVICE_KEY = $script:KeyText
        $env:WEBEXCONNECT_TPS = '0'
        $thrown = Get-ThrownError { Connect-WebexConnect -Region eu }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidTps,*'
        $thrown.Exception.Message | Should -BeLike 'WEBEXCONNECT_TPS must be*it was 0*'
    }

    It 'says the -Credential password is empty, and the -ServiceId blank, instead of "given without"' {
        $empty = Get-ThrownError { Connect-WebexConnect -Credential ([pscredential]::new('svc-1', [securestring]::new())) -Region eu }
        $empty.FullyQualifiedErrorId | Should -BeLike 'MissingCredentials,*'
        $empty.Exception.Message | Should -BeLike '-Credential (password) is empty*'
        $blank = Get-ThrownError { Connect-WebexConnect -ServiceId '  ' -ServiceSecret $script:ServiceSecret -Region eu }
        $blank.FullyQualifiedErrorId | Should -BeLike 'MissingCredentials,*'
        $blank.Exception.Message | Should -BeLike '-ServiceId is blank*'
    }

    It 'takes a key or secret with a final line break (Get-Content, Read-Host, a secret file) as a parameter, as from the environment' {
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            $key = ConvertTo-SecureString "$($script:KeyText)`n" -AsPlainText -Force
            Connect-WebexConnect -ServiceKey $key -BaseUri $service.BaseUri -NoSharedTps
            (Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi').Status | Should -Be 'Queued'
            # The header carries the key alone: no line break, no space.
            $service.Received[0] | Should -Match "(?m)^key: $([regex]::Escape($script:KeyText))\r$"

            $secret = ConvertTo-SecureString "$($script:SecretText)`r`n" -AsPlainText -Force
            { Connect-WebexConnect -ServiceId 'svc-1' -ServiceSecret $secret -BaseUri $service.BaseUri -NoSharedTps } | Should -Not -Throw
            { New-ConnectJwt -ServiceId 'svc-1' -ServiceSecret $secret } | Should -Not -Throw
        }
        finally {
            $service.Dispose()
        }
    }

    It 'refuses a <What> kept with its quotes (<Source>), saying so without the value' -ForEach @(
        @{ What = 'key'; Source = 'environment variable'; ErrorId = 'InvalidServiceKey'; Expected = 'WEBEXCONNECT_SERVICE_KEY starts and ends with a quote, which a service key never has*'
           Connect = { $env:WEBEXCONNECT_SERVICE_KEY = """$($script:KeyText)"""; Connect-WebexConnect -Region eu } }
        @{ What = 'key'; Source = 'parameter'; ErrorId = 'InvalidServiceKey'; Expected = '-ServiceKey starts and ends with a quote*docker --env-file*'
           Connect = { Connect-WebexConnect -ServiceKey (ConvertTo-SecureString "'$($script:KeyText)'" -AsPlainText -Force) -Region eu } }
        @{ What = 'secret'; Source = 'environment variable'; ErrorId = 'InvalidServiceSecret'; Expected = 'WEBEXCONNECT_SERVICE_SECRET starts and ends with a quote, which a service secret never has*'
           Connect = { $env:WEBEXCONNECT_SERVICE_ID = 'svc-1'; $env:WEBEXCONNECT_SERVICE_SECRET = """$($script:SecretText)"""; Connect-WebexConnect -Region eu } }
    ) {
        # A value typed with its quotes into Windows' environment variable dialog, or a docker --env-file line KEY="...",
        # keeps them. Before: the key connected, and every send stopped with AuthenticationFailed, "check the service key",
        # which looks right in the portal; the secret was "not Base64". The quotes are never shown: a key is not.
        $thrown = Get-ThrownError $Connect

        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $thrown.Exception.Message | Should -BeLike $Expected
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape($script:KeyText))
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape($script:SecretText))
        Get-ConnectContext | Should -BeNullOrEmpty
    }

    It 'refuses a blank key as MissingCredentials, as a parameter and from the environment, and sends nothing' {
        $blank = ConvertTo-SecureString '   ' -AsPlainText -Force
        { Connect-WebexConnect -ServiceKey $blank -Region eu } | Should -Throw -ErrorId 'MissingCredentials,*' -ExpectedMessage '-ServiceKey is empty*'
        $env:WEBEXCONNECT_SERVICE_KEY = '   '
        { Connect-WebexConnect -Region eu } | Should -Throw -ErrorId 'MissingCredentials,*'
        Get-ConnectContext | Should -BeNullOrEmpty
    }

    It 'refuses a key with <Name> (a copy from a web page or document) as InvalidServiceKey naming the position, not ServiceUnreachable at the first send' -ForEach @(
        @{ Name = 'a non-breaking space inside'; Key = "key-7f3a`u{00A0}copied"; Position = 9; FromEnvironment = $false }
        @{ Name = 'a zero-width space at the end'; Key = "key-7f3a-copied`u{200B}"; Position = 16; FromEnvironment = $false }
        @{ Name = 'a typographic dash'; Key = "key`u{2013}7f3a-copied"; Position = 4; FromEnvironment = $false }
        @{ Name = 'a byte-order mark in front, from the environment'; Key = "`u{FEFF}key-7f3a-copied"; Position = 1; FromEnvironment = $true }
    ) {
        # Before: Connect-WebexConnect took it; .NET refused the header ("Request headers must contain only ASCII characters.")
        # at every attempt, and the run stopped after six of them with ServiceUnreachable, "check this computer's network";
        # Test-WebexConnect said Unreachable. Nothing of the key is shown, not even the odd character.
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            $thrown = if ($FromEnvironment) {
                $env:WEBEXCONNECT_SERVICE_KEY = $Key
                Get-ThrownError { Connect-WebexConnect -BaseUri $service.BaseUri -NoSharedTps }
            }
            else {
                $secure = ConvertTo-SecureString $Key -AsPlainText -Force
                Get-ThrownError { Connect-WebexConnect -ServiceKey $secure -BaseUri $service.BaseUri -NoSharedTps }
            }
            $source = if ($FromEnvironment) { 'WEBEXCONNECT_SERVICE_KEY' } else { '-ServiceKey' }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceKey,*'
            $thrown.Exception.Message | Should -BeLike "$source has a character that is not plain ASCII at position $Position (*Copy it again from Webex Connect*"
            ($thrown | Out-String) | Should -Not -Match 'key.7f3a'
            Get-ConnectContext | Should -BeNullOrEmpty
            $service.Received | Should -BeNullOrEmpty
        }
        finally {
            $service.Dispose()
        }
    }

    It 'refuses a token given for the service key (<Name>), saying the session signs its own from the Service ID and secret' -ForEach @(
        @{ Name = 'the token as text'; Bearer = $false }
        @{ Name = 'the Authorization header value, Bearer and the token'; Bearer = $true }
    ) {
        # Before: it connected, was sent as the key header, and the first send stopped with AuthenticationFailed,
        # "check the service key", which the admin who pasted a working token could not act on.
        $jwt = New-ConnectJwt -ServiceId 'svc-1' -ServiceSecret $script:ServiceSecret
        $text = if ($Bearer) { $jwt.AuthorizationHeader } else { $jwt.Token }
        $secure = ConvertTo-SecureString $text -AsPlainText -Force

        $thrown = Get-ThrownError { Connect-WebexConnect -ServiceKey $secure -Region eu }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceKey,*'
        $thrown.Exception.Message | Should -BeLike '-ServiceKey holds a JWT (a token, such as New-ConnectJwt makes), not the service key*-ServiceId with -ServiceSecret, or -Credential*'
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape($jwt.Token.Split('.')[2]))
        Get-ConnectContext | Should -BeNullOrEmpty
    }

    It 'refuses a token given as the service secret (<Name>), instead of "not Base64 ... give it to -ServiceKey"' -ForEach @(
        @{ Name = 'a -Credential password'; Source = '-Credential (password)'
           Call = { param($s) Connect-WebexConnect -Credential ([pscredential]::new('svc-1', $s)) -Region eu } }
        @{ Name = 'New-ConnectJwt -ServiceSecret'; Source = '-ServiceSecret'
           Call = { param($s) New-ConnectJwt -ServiceId 'svc-1' -ServiceSecret $s } }
    ) {
        $jwt = New-ConnectJwt -ServiceId 'svc-1' -ServiceSecret $script:ServiceSecret
        $secure = ConvertTo-SecureString $jwt.Token -AsPlainText -Force

        $thrown = Get-ThrownError { & $Call $secure }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceSecret,*'
        $thrown.Exception.Message | Should -BeLike "$Source holds a JWT (a token, such as New-ConnectJwt makes), not the service secret*one line of Base64*"
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape($jwt.Token.Split('.')[2]))
    }

    It 'says that the object New-ConnectJwt writes is a token, not a secret, when given to -ServiceKey' {
        # Before: "Cannot convert the value of type WebexConnect.Results.ConnectJwt to type System.Security.SecureString".
        $jwt = New-ConnectJwt -ServiceId 'svc-1' -ServiceSecret $script:ServiceSecret

        $thrown = Get-ThrownError { Connect-WebexConnect -ServiceKey $jwt -Region eu }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $thrown.Exception.Message | Should -BeLike '*-ServiceKey takes a SecureString, not a token from New-ConnectJwt*signs its own tokens.'
        ($thrown | Out-String) | Should -Not -Match ([regex]::Escape($jwt.Token.Split('.')[2]))
    }
}

Describe 'Connect-WebexConnect -SandboxLatency as people type it' {
    BeforeEach {
        Clear-ConnectEnvironment
        Disconnect-WebexConnect
    }

    It 'waits <Given> per request' -ForEach @(
        @{ Given = '250ms' }
        @{ Given = '0.25' }
        @{ Given = 0.25 }
        @{ Given = '00:00:00.250' }
    ) {
        Connect-WebexConnect -Sandbox -Tps 1000 -SandboxLatency $Given
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi'
        $clock.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 200
    }

    It 'reads a bare number as seconds, not as PowerShell''s ticks, so 250 is refused naming the unit' {
        # Before, [TimeSpan]250 was 250 ticks (25 microseconds): -SandboxLatency 250 simulated no latency at all.
        { Connect-WebexConnect -Sandbox -SandboxLatency 250 } |
            Should -Throw -ErrorId 'InvalidSandboxLatency,*' -ExpectedMessage "*between 0 and 10 seconds (a number is seconds: write '250ms' for milliseconds)*"
        { Connect-WebexConnect -Sandbox -SandboxLatency 'soon' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-SandboxLatency 'soon' is not a duration: write a duration such as '250ms'*"
    }

    It 'refuses a latency in digits that are not ASCII with the forms, not .NET''s "not in a correct format"' {
        # Before: "The input string '٣' was not in a correct format." (the pattern's \d took Arabic-Indic digits).
        $given = "$([char]0x0663)ms"
        { Connect-WebexConnect -Sandbox -SandboxLatency $given } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-SandboxLatency '$given' is not a duration: write a duration such as '250ms'*"
    }

    It 'says to write the decimal mark as a point for <Given>, as -Validity does, rather than only listing the forms' -ForEach @(
        @{ Given = '0,25s'; Said = "*-SandboxLatency '0,25s' is not a duration: write the decimal mark as a point, '0.25s'*" }
        @{ Given = (0, 25); Said = "*-SandboxLatency 0,25 was read by PowerShell as a list of two values, 0 and 25: write the decimal mark as a point, '0.25'*" }
    ) {
        { Connect-WebexConnect -Sandbox -SandboxLatency $Given } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage $Said
    }

    It 'takes -TimeoutSec as a duration (''2m'', a TimeSpan), as -Validity takes one, and refuses 2d unquoted (the decimal 2)' {
        # Before: -TimeoutSec 2m was .NET's "Cannot convert value "2m" to type System.Int32".
        (Connect-WebexConnect -Sandbox -TimeoutSec 2m -PassThru).RequestTimeout | Should -Be ([timespan]::FromMinutes(2))
        (Connect-WebexConnect -Sandbox -TimeoutSec (New-TimeSpan -Seconds 90) -PassThru).RequestTimeout | Should -Be ([timespan]::FromSeconds(90))
        { Connect-WebexConnect -Sandbox -SandboxLatency 2d } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-SandboxLatency 2d, unquoted*the number 2*"
    }
}

Describe 'Connect-WebexConnect -SandboxLatency or -SandboxFailureRate without -Sandbox' {
    It 'says that <Given> goes only with -Sandbox, naming both, instead of asking for -Sandbox' -ForEach @(
        @{ Given = '-SandboxLatency 200' }
        @{ Given = '-SandboxFailureRate 0.25' }
    ) {
        # Before, -Sandbox was the set's mandatory switch: given one of these alone, PowerShell prompted "Sandbox:" in a
        # console, and under -NonInteractive (a scheduled task) refused with "missing mandatory parameters: Sandbox".
        # A child process, so that the prompt this pins against cannot wait for an answer here.
        $script = Join-Path $TestDrive 'sandbox-only.ps1'
        Set-Content $script @"
Import-Module '$(Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')'
try { Connect-WebexConnect $Given -ErrorAction Stop; 'connected' }
catch { 'id=' + `$_.FullyQualifiedErrorId; 'said=' + `$_ }
"@
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand

        $said = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $script 2>&1 | Out-String

        $said | Should -Match 'id=SandboxLatencyWithoutSandbox,'
        $said | Should -Match 'said=-SandboxLatency and -SandboxFailureRate apply only with -Sandbox'
        $said | Should -Not -Match 'mandatory'
    }
}

Describe 'Connect-WebexConnect -SandboxFailureRate as people type it' {
    AfterEach { Disconnect-WebexConnect -ErrorAction SilentlyContinue }

    It 'says a percentage is written as a share: 25 is 0.25' {
        # Before: "The 25 argument is greater than the maximum allowed range of 1".
        { Connect-WebexConnect -Sandbox -SandboxFailureRate 25 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage '*25 is not a share from 0 to 1: for 25 %, write 0.25.*'
        { Connect-WebexConnect -Sandbox -SandboxFailureRate -0.5 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage '*-0.5 is not a share from 0 to 1 (0.25 is a quarter).*'
        Connect-WebexConnect -Sandbox -SandboxFailureRate 0.25
        (Get-ConnectContext).IsSandbox | Should -BeTrue
    }

    It 'reads a share written with a decimal comma, and explains one PowerShell split into a list' {
        # Before: '0,5' was read as 5 and answered "for 5 %, write 0.05", a share the admin never meant; 0,5 unquoted
        # got "Cannot convert 'System.Object[]' to the type 'System.Double'".
        $sandbox = Connect-WebexConnect -Sandbox -SandboxFailureRate '0,5' -PassThru
        $sandbox.IsSandbox | Should -BeTrue
        { Connect-WebexConnect -Sandbox -SandboxFailureRate 0,5 } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-SandboxFailureRate 0,5 reached the command as a list of 2 values (0 and 5)*write 0.5 or '0,5'*"
        { Connect-WebexConnect -Sandbox -SandboxFailureRate '1,5' } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage '*1.5 is not a share from 0 to 1*'
    }
}

Describe 'Disconnect-WebexConnect' {
    BeforeEach { Clear-ConnectEnvironment }

    It 'forgets the session, and is quiet when already disconnected' {
        Connect-WebexConnect -Sandbox
        Get-ConnectContext | Should -Not -BeNullOrEmpty
        Disconnect-WebexConnect
        Get-ConnectContext | Should -BeNullOrEmpty
        $err = $null
        Disconnect-WebexConnect -ErrorVariable err
        $err | Should -BeNullOrEmpty
    }

    It 'leaves a kept session unusable for -Session' {
        $session = Connect-WebexConnect -Sandbox -PassThru
        Disconnect-WebexConnect
        { Get-ConnectSandboxRequest -Session $session } | Should -Throw -ErrorId 'SessionClosed,*' -ExpectedMessage '*Disconnect-WebexConnect*'
    }
}

Describe 'Two tenants in one script' {
    BeforeEach {
        Clear-ConnectEnvironment
        Disconnect-WebexConnect
    }

    It 'keeps a -PassThru session open when the next Connect-WebexConnect replaces it, each -Session sending to its own tenant' {
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            $a = Connect-WebexConnect -ServiceKey $script:ServiceKey -BaseUri $service.BaseUri -NoSharedTps -PassThru
            $b = Connect-WebexConnect -Sandbox -PassThru

            (Send-ConnectSms -Session $a -To '+447700900001' -From ACME -Text 'to the loopback tenant').Status | Should -Be 'Queued'
            (Send-ConnectSms -Session $b -To '+447700900002' -From ACME -Text 'to the sandbox').Status | Should -Be 'Queued'
            (Test-WebexConnect -Session $a).Endpoint.AbsoluteUri | Should -Be $service.BaseUri

            # Each request reached its own tenant, with that tenant's credentials.
            $posts = @($service.Received | Where-Object { $_ -like 'POST *' })
            $posts.Count | Should -Be 1
            $posts[0] | Should -Match '\+447700900001'
            $posts[0] | Should -Match "key: $([regex]::Escape($script:KeyText))"
            $sandboxBodies = @(Get-ConnectSandboxRequest -Session $b | ForEach-Object { $_.Body })
            $sandboxBodies.Count | Should -Be 1
            $sandboxBodies[0] | Should -Match '\+447700900002'
            (Get-ConnectContext).ConnectedAt | Should -Be $b.ConnectedAt

            # Disconnect-WebexConnect -Session closes that one only, and says what closed it.
            Disconnect-WebexConnect -Session $a
            { Send-ConnectSms -Session $a -To '+447700900003' -From ACME -Text 'Hi' } |
                Should -Throw -ErrorId 'SessionClosed,*' -ExpectedMessage '*closed by Disconnect-WebexConnect*'
            (Send-ConnectSms -Session $b -To '+447700900004' -From ACME -Text 'Hi').Status | Should -Be 'Queued'
            (Get-ConnectContext).ConnectedAt | Should -Be $b.ConnectedAt
            @($service.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1

            # Closing the current session by name forgets it too.
            $b | Disconnect-WebexConnect
            Get-ConnectContext | Should -BeNullOrEmpty
        }
        finally {
            $service.Dispose()
        }
    }

    It 'leaves no session current after a Connect-WebexConnect that fails, so the next send goes to neither tenant' {
        $a = Connect-WebexConnect -Sandbox -PassThru
        Connect-WebexConnect -Sandbox
        $current = Get-ConnectContext

        { Connect-WebexConnect -BaseUri 'https://api.eu.webexconnect.io/v2/messages' -ServiceKey $script:ServiceKey -WarningVariable warned -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidEndpoint,*'

        Get-ConnectContext | Should -BeNullOrEmpty
        { Send-ConnectSms -To '+447700900001' -From ACME -Text 'meant for the new tenant' } |
            Should -Throw -ErrorId 'NotConnected,*' -ExpectedMessage '*the last Connect-WebexConnect failed (-BaseUri ends in v2/messages*'
        @(Get-ConnectSandboxRequest -Session $a).Count | Should -Be 0
        { Get-ConnectSandboxRequest -Session $current } | Should -Throw -ErrorId 'SessionClosed,*' -ExpectedMessage '*a later Connect-WebexConnect failed*'
        # A session kept with -PassThru stays open for -Session, and the next good Connect is current again.
        (Send-ConnectSms -Session $a -To '+447700900001' -From ACME -Text 'Hi').Status | Should -Be 'Queued'
        Connect-WebexConnect -Sandbox
        (Send-ConnectSms -To '+447700900002' -From ACME -Text 'Hi').Status | Should -Be 'Queued'
    }

    It 'fails with its own ErrorId and reason under <_>, and says there that the current session was dropped' -ForEach @(
        '$WarningPreference = Stop', '-WarningAction Stop'
    ) {
        # A script that makes warnings fatal saw only "stopped because the preference variable WarningPreference ... is set
        # to Stop: The session that was current is no longer current ...": not why the Connect failed, and ErrorId
        # ActionPreferenceStop instead of InvalidEndpoint. The cause came out only at the next send's NotConnected.
        Connect-WebexConnect -Sandbox
        $connect = if ($_ -like '$*') {
            { $WarningPreference = 'Stop'; Connect-WebexConnect -BaseUri 'https://api.eu.webexconnect.io/v2/messages' -ServiceKey $script:ServiceKey }
        } else {
            { Connect-WebexConnect -BaseUri 'https://api.eu.webexconnect.io/v2/messages' -ServiceKey $script:ServiceKey -WarningAction Stop }
        }

        $thrown = Get-ThrownError $connect

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'
        $thrown.Exception.Message | Should -BeLike '-BaseUri ends in v2/messages*'
        "$thrown" | Should -BeLike '-BaseUri ends in v2/messages*The session that was current is no longer current*'
        Get-ConnectContext | Should -BeNullOrEmpty
    }

    It 'says what a Connect-WebexConnect whose parameters PowerShell refuses leaves current, and the advice that ends the script there works' {
        # Before, the help promised that any failed Connect-WebexConnect leaves no session current. One whose parameters
        # PowerShell refuses before the command runs (-Region euu, not in the list) never runs: the script went on and
        # sent to the tenant it had connected to before. The help now says so, and what stops the script there.
        $about = Get-Content (Join-Path $PSScriptRoot '../../docs/about_WebexConnect.md') -Raw
        $about = $about -replace '\s+', ' '
        $about.Contains('refuses its parameters before it runs (a -Region that is not in the list, a -Tps out of range, a misspelt parameter name)') | Should -BeTrue
        $about.Contains("put `$ErrorActionPreference = 'Stop' before it") | Should -BeTrue
        $script = Join-Path $TestDrive 'connect-typo.ps1'
        Set-Content $script @"
Import-Module '$(Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')'
Connect-WebexConnect -Sandbox
`$ErrorActionPreference = 'Stop'
Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -Region euu
'went on'
"@
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand

        $said = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $script 2>&1 | Out-String

        $said | Should -Not -Match 'went on'
        $said | Should -Match 'euu'
        # Without it the script goes on, with the session it had: what the help now warns of.
        Connect-WebexConnect -Sandbox
        { Connect-WebexConnect -ServiceKey $script:ServiceKey -Region euu } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        (Get-ConnectContext).IsSandbox | Should -BeTrue
    }

    It 'says that a session that came from another process (<Name>) cannot be used there, and what to do instead' -ForEach @(
        @{ Name = 'Send-ConnectSms'; Use = { param($s) Send-ConnectSms -Session $s -To '+447700900001' -From ACME -Text 'Hi' } }
        @{ Name = 'Get-ConnectSandboxRequest'; Use = { param($s) Get-ConnectSandboxRequest -Session $s } }
        @{ Name = 'Test-WebexConnect'; Use = { param($s) Test-WebexConnect -Session $s } }
        @{ Name = 'Get-ConnectMessage'; Use = { param($s) Get-ConnectMessage -Session $s -MessageId 'x' } }
        @{ Name = 'Disconnect-WebexConnect'; Use = { param($s) Disconnect-WebexConnect -Session $s } }
    ) {
        # What Start-Job's $using:, Invoke-Command and Import-Clixml hand over: a copy of the properties, no connection.
        $session = Connect-WebexConnect -Sandbox -PassThru
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($session))

        $thrown = Get-ThrownError { & $Use $copy }

        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $thrown.Exception.Message | Should -BeLike '*-Session*another PowerShell process*Start-Job*Connect-WebexConnect in the job*'
        @(Get-ConnectSandboxRequest -Session $session).Count | Should -Be 0
    }

    It '<Name> -Session $null sends nothing, rather than through the current session' -ForEach @(
        @{ Name = 'Send-ConnectSms'; Send = { param($s) Send-ConnectSms -Session $s -To '+447700900001' -From ACME -Text 'Hi' } }
        @{ Name = 'Send-ConnectEmail'; Send = { param($s) Send-ConnectEmail -Session $s -To 'ann@example.com' -From 'news@example.com' -Subject 'Hi' -Text 'Hi' } }
        @{ Name = 'Send-ConnectRcs'; Send = { param($s) Send-ConnectRcs -Session $s -To '+447700900001' -From 'app-1' -Text 'Hi' } }
        @{ Name = 'Send-ConnectMessage'; Send = { param($s) Send-ConnectMessage -Session $s -Channel whatsapp -To '+447700900001' -From '447700900000' -Content @{ type = 'text'; text = 'Hi' } } }
    ) {
        # A lookup that found no session ($sessions[$row.Region] for a region with none) must not go to another tenant. In a
        # script's loop of one-row calls it is that row's Invalid result (before: ValidateNotNull's refusal, no result for the row).
        $tenants = @{ EU = (Connect-WebexConnect -Sandbox -PassThru) }
        Connect-WebexConnect -Sandbox
        $ErrorActionPreference = 'SilentlyContinue'
        $WarningPreference = 'SilentlyContinue'

        $result = & $Send $tenants['UK']

        $result.Status | Should -Be 'Invalid'
        $result.Code | Should -BeExactly 'ParameterArgumentValidationError'
        $result.Reason | Should -BeLike 'Row 1: Session: it is $null, so the row has no session to be sent with: give a session that Connect-WebexConnect -PassThru returned*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # Without a current session the call stops, saying the same, rather than "not connected".
        Disconnect-WebexConnect
        $thrown = Get-ThrownError { & $Send $tenants['UK'] }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $thrown.Exception.Message | Should -BeLike '-Session is $null: give a session*'
    }

    It '<Name> refuses a session piped in, rather than sending the row through the current session' -ForEach @(
        @{ Name = 'Send-ConnectSms'; Send = { $input | Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' @args } }
        @{ Name = 'Send-ConnectEmail'; Send = { $input | Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Hi' -Text 'Hi' @args } }
        @{ Name = 'Send-ConnectRcs'; Send = { $input | Send-ConnectRcs -To '+447700900001' -From 'app-1' -Text 'Hi' @args } }
        @{ Name = 'Send-ConnectMessage'; Send = { $input | Send-ConnectMessage -Channel whatsapp -To '+447700900001' -From '447700900000' -Content @{ type = 'text'; text = 'Hi' } @args } }
    ) {
        # Disconnect-WebexConnect and Test-WebexConnect take a session from the pipeline, so "$eu | Send-ConnectSms -To ..."
        # looked right. Before, the session was read as a row, and the message went through the current session: the uk tenant.
        $eu = Connect-WebexConnect -Sandbox -PassThru
        $uk = Connect-WebexConnect -Sandbox -PassThru

        $said = @($eu | & $Send 2>&1)
        $failed = @($said | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $results = @($said | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })

        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Invalid'
        $results[0].Row | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $failed[0].Exception.Message | Should -BeLike "Row 1: Invalid*Session: this is a session*not a row to send*current session*-Session: $Name -Session `$session*"
        @(Get-ConnectSandboxRequest -Session $uk).Count | Should -Be 0
        @(Get-ConnectSandboxRequest -Session $eu).Count | Should -Be 0
        # Given with -Session, it sends there.
        ([pscustomobject]@{ Name = 'Ann' } | & $Send -Session $eu).Status | Should -Be 'Queued'
        @(Get-ConnectSandboxRequest -Session $eu).Count | Should -Be 1
        Disconnect-WebexConnect -Session $eu
    }

    It 'looks piped send results up through the session that sent them, not the current one' {
        # Before: results sent with -Session $eu while $uk was current were looked up at the uk tenant, which did not know
        # them (404): every message that was sent came back Found False.
        $eu = Connect-WebexConnect -Sandbox -PassThru
        $uk = Connect-WebexConnect -Sandbox -PassThru
        $euResult = Send-ConnectSms -Session $eu -To '+447700900001' -From ACME -Text 'Hallo'
        $ukResult = Send-ConnectSms -To '+447700900002' -From ACME -Text 'Hello'

        $found = @($euResult, $ukResult | Get-ConnectMessage -Verbose 4>&1)

        $messages = @($found | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $messages.Count | Should -Be 2
        $messages[0].Found | Should -BeTrue
        $messages[0].To | Should -Be '+447700900001'
        $messages[1].Found | Should -BeTrue
        $messages[1].To | Should -Be '+447700900002'
        "$($found | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })" |
            Should -BeLike '*through the session the results were sent through (Webex Connect sandbox), not the current one*'
        # -Session still decides when given.
        ($euResult | Get-ConnectMessage -Session $uk).Found | Should -BeFalse
        Disconnect-WebexConnect -Session $eu
    }

    It 'refuses to send through a session another runspace connected after this one <When>' -ForEach @(
        @{ When = 'connected'; Expected = 'Another runspace (ForEach-Object -Parallel, a thread job) ran Connect-WebexConnect after this one did*' }
        @{ When = 'failed to connect'; Expected = 'The last Connect-WebexConnect here failed (-ServiceKey contains a control character*' }
    ) {
        # ForEach-Object -Parallel over customers, each block connecting its own tenant and sending its own CSV: the current
        # session is the process's, so a block whose Connect-WebexConnect another block's replaced (or whose own failed)
        # sent its customer's rows, Queued, through the other customer's tenant.
        $tenantA = [WebexConnectPester.LoopbackService]::new()
        $tenantB = [WebexConnectPester.LoopbackService]::new()
        $manifest = (Get-Module WebexConnect).Path
        try {
            if ($When -eq 'connected') {
                Connect-WebexConnect -BaseUri $tenantA.BaseUri -ServiceKey $script:ServiceKey -NoSharedTps
            }
            else {
                { Connect-WebexConnect -BaseUri $tenantA.BaseUri -ServiceKey (ConvertTo-SecureString "key`nA" -AsPlainText -Force) } |
                    Should -Throw -ErrorId 'InvalidServiceKey,*'
            }
            Start-ThreadJob { Import-Module $using:manifest; Connect-WebexConnect -BaseUri ($using:tenantB).BaseUri -ServiceKey $using:ServiceKey -NoSharedTps } |
                Receive-Job -Wait -AutoRemoveJob

            $thrown = Get-ThrownError { Send-ConnectSms -To '+447700900001' -From ACME -Text 'for customer A' }

            $thrown.FullyQualifiedErrorId | Should -BeLike 'CurrentSessionChanged,*'
            $thrown.Exception.Message | Should -BeLike "$Expected*nothing was sent*-PassThru*-Session `$s*"
            Test-WebexConnect -Quiet -WarningAction SilentlyContinue | Should -BeFalse
            @($tenantB.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 0
            @($tenantA.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 0

            # A block that connects nothing uses the current session, as before.
            (Start-ThreadJob { Import-Module $using:manifest; Send-ConnectSms -To '+447700900002' -From ACME -Text 'Hi' } |
                Receive-Job -Wait -AutoRemoveJob).Status | Should -Be 'Queued'
            # Connecting here again makes this runspace's session current, and it sends there.
            Connect-WebexConnect -BaseUri $tenantA.BaseUri -ServiceKey $script:ServiceKey -NoSharedTps
            (Send-ConnectSms -To '+447700900004' -From ACME -Text 'for customer A').Status | Should -Be 'Queued'
            @($tenantA.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1
            @($tenantB.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1
        }
        finally {
            Disconnect-WebexConnect
            $tenantA.Dispose()
            $tenantB.Dispose()
        }
    }

    It 'sends through the current session when another runspace connected the same tenant after this one' {
        # ForEach-Object -Parallel { Connect-WebexConnect; $_ | Send-ConnectSms ... }, every block connecting the one tenant
        # from the same WEBEXCONNECT_* variables: since CurrentSessionChanged, the blocks whose Connect a later block's
        # replaced sent nothing, though the current session sends where theirs did (4 rows of 6 stopped in a sandbox run).
        $tenant = [WebexConnectPester.LoopbackService]::new()
        $manifest = (Get-Module WebexConnect).Path
        try {
            Connect-WebexConnect -BaseUri $tenant.BaseUri -ServiceKey $script:ServiceKey -NoSharedTps
            Start-ThreadJob { Import-Module $using:manifest; Connect-WebexConnect -BaseUri ($using:tenant).BaseUri -ServiceKey $using:ServiceKey -NoSharedTps } |
                Receive-Job -Wait -AutoRemoveJob

            (Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi').Status | Should -Be 'Queued'
            @($tenant.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1

            # The same tenant with another key is another credential: refused, as another tenant is.
            $otherKey = ConvertTo-SecureString 'k-another-key' -AsPlainText -Force
            Start-ThreadJob { Import-Module $using:manifest; Connect-WebexConnect -BaseUri ($using:tenant).BaseUri -ServiceKey $using:otherKey -NoSharedTps } |
                Receive-Job -Wait -AutoRemoveJob
            { Send-ConnectSms -To '+447700900002' -From ACME -Text 'Hi' } | Should -Throw -ErrorId 'CurrentSessionChanged,*'

            # Sandboxes are one pretend tenant: parallel blocks that each connect one send every row.
            $statuses = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                Connect-WebexConnect -Sandbox
                Start-Sleep -Milliseconds 300
                (Send-ConnectSms -To ('+44770090030{0}' -f $_) -From ACME -Text 'Hi').Status
            }
            $statuses | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        }
        finally {
            Disconnect-WebexConnect
            $tenant.Dispose()
        }
    }

    It 'says so in a real Start-Job given the session with $using:' {
        $session = Connect-WebexConnect -Sandbox -PassThru
        $manifest = (Get-Module WebexConnect).Path
        $job = Start-Job { Import-Module $using:manifest; Send-ConnectSms -Session $using:session -To '+447700900001' -From ACME -Text 'Hi' }
        $null = $job | Wait-Job -Timeout 60
        $null = $job | Receive-Job -ErrorVariable failed -ErrorAction SilentlyContinue
        $job | Remove-Job -Force

        @($failed).Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike '*another PowerShell process*'
    }

    It 'says, in a real Start-Job that relies on the script''s session, that the job is a process of its own' {
        # Before: "Not connected to Webex Connect. Run Connect-WebexConnect first", though the script that started the job had.
        Connect-WebexConnect -Sandbox
        $manifest = (Get-Module WebexConnect).Path
        $job = Start-Job { Import-Module $using:manifest; Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' }
        $null = $job | Wait-Job -Timeout 60
        $null = $job | Receive-Job -ErrorVariable failed -ErrorAction SilentlyContinue
        $job | Remove-Job -Force

        @($failed).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $failed[0].Exception.Message | Should -BeLike 'Not connected to Webex Connect in this PowerShell process: it runs a background job (Start-Job) or a remote command (Invoke-Command)*Connect-WebexConnect in the job*Start-ThreadJob or ForEach-Object -Parallel*'
    }

    It 'closes a replaced session nobody kept, and says it was replaced and how to keep one' {
        Connect-WebexConnect -Sandbox
        $first = Get-ConnectContext
        Connect-WebexConnect -Sandbox
        { Get-ConnectSandboxRequest -Session $first } |
            Should -Throw -ErrorId 'SessionClosed,*' -ExpectedMessage '*replaced*-PassThru*'
    }

    It 'says that a closed session came from $PSDefaultParameterValues, which goes on giving it after a new Connect-WebexConnect' {
        # A script's $PSDefaultParameterValues['Send-Connect*:Session'] = (Get-ConnectContext); a later Connect-WebexConnect
        # closed that session. Every send then said "Leave out -Session" and "Run Connect-WebexConnect again": the admin
        # had typed no -Session, and connecting again changed nothing, the key still gave the closed one.
        Connect-WebexConnect -Sandbox
        $PSDefaultParameterValues = @{ '*-Connect*:Session' = (Get-ConnectContext) }
        Connect-WebexConnect -Sandbox
        $note = "-Session was not on the command line: `$PSDefaultParameterValues['*-Connect*:Session'] gave it, and goes on " +
            "giving this closed session to every command it names. Set it to the new session"

        foreach ($thrown in @(
                (Get-ThrownError { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' })
                (Get-ThrownError { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -WhatIf })
                (Get-ThrownError { Get-ConnectSandboxRequest })
                (Get-ThrownError { Get-ConnectMessage -MessageId 'a1b2' }))) {
            $thrown.FullyQualifiedErrorId | Should -BeLike 'SessionClosed,*'
            "$thrown" | Should -BeLike '*replaced it.*'
            "$thrown" | Should -Match ([regex]::Escape($note))
            "$thrown" | Should -Match ([regex]::Escape("`$PSDefaultParameterValues.Remove('*-Connect*:Session')) to use the current session."))
        }
        # Given on the command line, without the key, the same closed session gets no such note.
        $closed = $PSDefaultParameterValues['*-Connect*:Session']
        $PSDefaultParameterValues = @{}
        $given = Get-ThrownError { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Session $closed }
        $given.FullyQualifiedErrorId | Should -BeLike 'SessionClosed,*'
        "$given" | Should -Not -BeLike '*PSDefaultParameterValues*'
    }
}

Describe 'Get-ConnectSandboxRequest' {
    BeforeEach {
        Clear-ConnectEnvironment
        Disconnect-WebexConnect
    }

    It 'says NotConnected before Connect-WebexConnect' {
        { Get-ConnectSandboxRequest } | Should -Throw -ErrorId 'NotConnected,*'
    }

    It 'lists the requests of a sandbox session piped to it, not the current session''s' {
        $kept = Connect-WebexConnect -Sandbox -PassThru
        Send-ConnectSms -To '+447700900711' -From ACME -Text 'Kept' | Out-Null
        Connect-WebexConnect -Sandbox   # now the current one, with no requests

        $requests = @($kept | Get-ConnectSandboxRequest -ErrorVariable err)

        $err | Should -BeNullOrEmpty
        $requests.Count | Should -Be 1
        $requests[0].Body | Should -BeLike '*Kept*'
        Disconnect-WebexConnect -Session $kept
    }

    It 'lists nothing for a fresh sandbox' {
        Connect-WebexConnect -Sandbox
        Get-ConnectSandboxRequest | Should -BeNullOrEmpty
    }

    It 'lists each request the sandbox received, oldest first, and the most recent with -Last' {
        Connect-WebexConnect -Sandbox -Tps 1000
        # Two texts: two requests, sent one after the other.
        $first = Send-ConnectSms -To '+447700900701' -From ACME -Text 'First'
        $second = Send-ConnectSms -To '+447700900702' -From ACME -Text 'Second'

        $requests = @(Get-ConnectSandboxRequest)

        $requests.Count | Should -Be 2
        $requests | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Results.SandboxRequest]) }
        $requests.Number | Should -Be @(1, 2)
        $requests.Channel | Should -Be @('sms', 'sms')
        $requests.DestinationCount | Should -Be @(1, 1)
        $requests.StatusCode | Should -Be @(201, 201)
        $requests.MessageId | Should -Be @($first.MessageId, $second.MessageId)
        ($requests[1].Body | ConvertFrom-Json).content.text | Should -Be 'Second'
        $last = @(Get-ConnectSandboxRequest -Last 1)
        $last.Count | Should -Be 1
        $last[0].Number | Should -Be 2
    }

    It 'reads as a line in a string, not as its type name' {
        # Before: "WebexConnect.Results.SandboxRequest", where every other output type reads as what it is.
        Connect-WebexConnect -Sandbox -Tps 1000
        $null = Send-ConnectSms -To '+447700900701', '+447700900702' -From ACME -Text 'Hi'

        "$(Get-ConnectSandboxRequest)" | Should -BeExactly 'Request 1: sms, 2 destinations, 201'
    }

    It 'says NotSandbox for a real endpoint' {
        Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $script:ServiceKey
        { Get-ConnectSandboxRequest } | Should -Throw -ErrorId 'NotSandbox,*'
    }
}

Describe 'New-ConnectJwt' {
    It 'works without Connect-WebexConnect and makes a three-part token with iss and an integer iat' {
        Disconnect-WebexConnect
        $jwt = New-ConnectJwt -ServiceId 'svc-jwt-1' -ServiceSecret $script:ServiceSecret
        $jwt | Should -BeOfType ([WebexConnect.Results.ConnectJwt])
        $parts = $jwt.Token.Split('.')
        $parts.Count | Should -Be 3
        $header = ConvertFrom-Base64Url $parts[0] | ConvertFrom-Json
        $header.alg | Should -Be 'HS256'
        $claimsJson = ConvertFrom-Base64Url $parts[1]
        $claims = $claimsJson | ConvertFrom-Json
        $claims.iss | Should -Be 'svc-jwt-1'
        $claimsJson | Should -Match '"iat"\s*:\s*\d+\s*[,}]'
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        [long] $claims.iat | Should -BeLessOrEqual $now
        [long] $claims.iat | Should -BeGreaterThan ($now - 300)
        $jwt.Issuer | Should -Be 'svc-jwt-1'
        "$jwt" | Should -Be "Bearer $($jwt.Token)"
    }

    It 'adds exp = now + the lifetime with -LifetimeMinutes, not the back-dated iat + the lifetime' {
        # Before, -LifetimeMinutes 1 gave a token usable for 30 s: exp was counted from iat, 30 s in the past.
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $jwt = New-ConnectJwt -ServiceId 'svc-jwt-2' -ServiceSecret $script:ServiceSecret -LifetimeMinutes 30
        $claims = ConvertFrom-Base64Url ($jwt.Token.Split('.')[1]) | ConvertFrom-Json
        ([long] $claims.exp - [long] $claims.iat) | Should -Be 1830
        [long] $claims.exp | Should -BeGreaterOrEqual ($before + 1800)
    }

    It 'takes the service ID and the secret by position, and says how to give a secret typed as text' {
        # Before, a secret after the ID was 'A positional parameter cannot be found', which says nothing of what to give.
        (New-ConnectJwt 'svc-jwt-5' $script:ServiceSecret).Issuer | Should -Be 'svc-jwt-5'
        { New-ConnectJwt 'svc-jwt-5' $script:SecretText } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-ServiceSecret takes a SecureString, not text*'
    }

    It 'takes -Credential' {
        $jwt = New-ConnectJwt -Credential ([pscredential]::new('svc-jwt-3', $script:ServiceSecret))
        $jwt.Issuer | Should -Be 'svc-jwt-3'
    }

    It 'never shows the token or the secret in its default view' {
        $jwt = New-ConnectJwt -ServiceId 'svc-jwt-4' -ServiceSecret $script:ServiceSecret
        $shown = $jwt | Out-String
        $shown | Should -Match 'svc-jwt-4'
        $shown | Should -Not -Match ([regex]::Escape($jwt.Token))
        $shown | Should -Not -Match ([regex]::Escape($script:SecretText))
    }

    It 'refuses a lifetime over 60 minutes and a secret that is not Base64' {
        { New-ConnectJwt -ServiceId 'svc' -ServiceSecret $script:ServiceSecret -LifetimeMinutes 61 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        $bad = ConvertTo-SecureString 'not base64 at all' -AsPlainText -Force
        { New-ConnectJwt -ServiceId 'svc' -ServiceSecret $bad } | Should -Throw -ErrorId 'InvalidServiceSecret,*'
    }

    It 'says a PEM key file (CRLF line breaks) given as the secret is not the service secret, for <_>' -ForEach @('New-ConnectJwt', 'Connect-WebexConnect') {
        # Before: "contains a control character ... at position 28 ... Copy it again exactly as Webex Connect shows it",
        # which sent an admin used to RS256 keys to copy the same file again. Made-up body: no real key anywhere.
        $pemText = "-----BEGIN PRIVATE KEY-----`r`nbWFkZS11cC1ub3QtYS1rZXktYXQtYWxs`r`n-----END PRIVATE KEY-----`r`n"
        $pem = ConvertTo-SecureString $pemText -AsPlainText -Force
        $command = $_

        $thrown = Get-ThrownError { & $command -ServiceId 'svc' -ServiceSecret $pem }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceSecret,*'
        $thrown.Exception.Message | Should -BeLike '-ServiceSecret holds a PEM key or certificate (-----BEGIN ...), not the service secret*one line of Base64*'
        ($thrown | Out-String) | Should -Not -Match 'bWFkZS11cC'
    }

    It 'says an empty -ServiceSecret is empty, not missing' {
        { New-ConnectJwt -ServiceId 'svc' -ServiceSecret (New-Object securestring) } |
            Should -Throw -ErrorId 'MissingCredentials,*' -ExpectedMessage '-ServiceSecret is empty*'
    }
}

Describe 'Tab completion of values no file gives' {
    BeforeAll {
        # Completion runs in the current location, as at the prompt: a folder whose files Tab must not offer here.
        $script:Folder = Join-Path $TestDrive 'tab folder'
        $null = New-Item -ItemType Directory -Path $script:Folder -Force
        Set-Content -LiteralPath (Join-Path $script:Folder 'people.csv') -Value 'Phone'
        function script:Complete([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
        }
    }

    BeforeEach { Push-Location -LiteralPath $script:Folder }
    AfterEach { Pop-Location }

    It 'completes -Session of <_> with the variables that hold a session, and nothing when none does' -ForEach @(
        'Send-ConnectSms', 'Send-ConnectRcs', 'Disconnect-WebexConnect', 'Get-ConnectMessage', 'Get-ConnectSandboxRequest', 'Test-WebexConnect'
    ) {
        # Before: Tab offered ./people.csv, which -Session never takes.
        Complete "$_ -Session " | Should -BeNullOrEmpty
        $global:wordingTabEu = Connect-WebexConnect -Sandbox -PassThru
        $global:wordingTabText = 'not a session'
        try {
            Complete "$_ -Session " | Should -Contain '$wordingTabEu'
            Complete "$_ -Session " | Should -Not -Contain '$wordingTabText'
            Complete "$_ -Session `$wordingTabE" | Should -Be @('$wordingTabEu')
        }
        finally { Remove-Variable wordingTabEu, wordingTabText -Scope Global }
    }

    It 'offers no file names for <Line>' -ForEach @(
        @{ Line = 'Connect-WebexConnect -Sandbox -SandboxLatency ' }
        @{ Line = 'Connect-WebexConnect -Sandbox -SandboxFailureRate ' }
        @{ Line = 'Connect-WebexConnect -Tps ' }
        @{ Line = 'Connect-WebexConnect -TimeoutSec ' }
        @{ Line = 'Connect-WebexConnect -ServiceId ' }
        @{ Line = 'Send-ConnectSms -From ' }
        @{ Line = 'Send-ConnectEmail -TemplateId ' }
        @{ Line = 'Send-ConnectRcs -Validity ' }
        @{ Line = 'Send-ConnectMessage -CallbackData ' }
        @{ Line = 'Send-ConnectSms -ContactPolicyGroup ' }
    ) {
        # Before: ./people.csv, as if each took a path.
        Complete $Line | Should -BeNullOrEmpty
    }

    It 'still completes file names for -Journal, which is a path' {
        Complete 'Send-ConnectSms -Journal ' | Should -Contain (Join-Path . 'people.csv')
    }
}
