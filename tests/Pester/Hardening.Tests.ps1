#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Issue 16 in a real PowerShell: no secret through a proxy, no header injection, hostile -Journal paths refused
# before anything is sent, and every field the service would refuse or mangle refused per row, with real CSV files
# piped through Import-Csv. Build first: dotnet build -c Release.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    $script:fixtures = Join-Path $PSScriptRoot 'Fixtures'
    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')

    # Runs a script in a child PowerShell with the given proxy variables, and pwsh's own telemetry and update check off
    # (they would go through the proxy too); its output as one text, the variables removed again afterwards.
    function script:Invoke-ChildBehindProxy([string] $Script, [hashtable] $ProxyVariables) {
        $powershell = Get-PowerShellHostCommand
        $variables = $ProxyVariables + @{ NO_PROXY = ''; POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off' }
        foreach ($name in $variables.Keys) { Set-Item "Env:$name" $variables[$name] }
        try { & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -Command $Script 2>&1 | Out-String -Width 300 }
        finally { foreach ($name in $variables.Keys) { Remove-Item "Env:$name" -ErrorAction SilentlyContinue } }
    }

    if (-not ('WebexConnectPester.RecordingListener' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace WebexConnectPester
{
    // A loopback listener that keeps every byte it receives and answers each request head with one fixed
    // reply: as a forward proxy it shows what reached it; as the service it answers 201.
    public sealed class RecordingListener : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly StringBuilder _received = new StringBuilder();
        private readonly string _reply;

        public RecordingListener(string reply)
        {
            _reply = reply;
            _listener.Start();
            new Thread(Accept) { IsBackground = true }.Start();
        }

        public string BaseUri { get { return "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/"; } }

        public string Received { get { lock (_received) return _received.ToString(); } }

        private void Accept()
        {
            while (true)
            {
                TcpClient client;
                try { client = _listener.AcceptTcpClient(); } catch (Exception) { return; }
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    client.ReceiveTimeout = 2000;
                    var buffer = new byte[65536];
                    var seen = new StringBuilder();
                    while (true)
                    {
                        var n = stream.Read(buffer, 0, buffer.Length);
                        if (n <= 0) return;
                        var text = Encoding.GetEncoding(28591).GetString(buffer, 0, n);
                        seen.Append(text);
                        lock (_received) _received.Append(text);
                        var all = seen.ToString();
                        var end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                        if (end < 0) continue;
                        var length = 0;
                        foreach (var line in all.Substring(0, end).Split(new[] { "\r\n" }, StringSplitOptions.None))
                            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                        if (all.Length - end - 4 < length) continue;
                        var reply = Encoding.ASCII.GetBytes(_reply);
                        stream.Write(reply, 0, reply.Length);
                        seen.Clear();
                    }
                }
                catch (Exception) { }
            }
        }

        public void Dispose() { _listener.Stop(); }
    }
}
'@
    }

    $script:queued = "HTTP/1.1 201 Created`r`nContent-Type: application/json`r`nContent-Length: 112`r`n`r`n" +
        '{"requestTimestamp":"2026-11-23T21:04:05.123+01:00","messageId":"0b4f6f2e-7d2c-4a57-9d55-1a2b3c4d5e6f","status":"queued"}'
}

Describe 'A secret never leaves for anywhere but the service' {
    It 'sends to a plain-http loopback endpoint directly, even with HTTP_PROXY set: nothing for the service reaches the proxy' {
        $proxy = [WebexConnectPester.RecordingListener]::new("HTTP/1.1 502 Bad Gateway`r`nContent-Length: 0`r`n`r`n")
        $service = [WebexConnectPester.RecordingListener]::new($script:queued)
        try {
            # A child pwsh, so that HTTP_PROXY is read at its start as on an admin's machine.
            $script = @"
Import-Module '$manifest'
`$key = ConvertTo-SecureString 'sk-proxy-test-KEY-MUST-NOT-LEAK' -AsPlainText -Force
Connect-WebexConnect -BaseUri '$($service.BaseUri)' -ServiceKey `$key | Out-Null
(Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi').Status
"@
            $out = Invoke-ChildBehindProxy $script @{ HTTP_PROXY = $proxy.BaseUri; HTTPS_PROXY = $proxy.BaseUri; ALL_PROXY = $proxy.BaseUri }
            $out | Should -Match 'Queued'
            $service.Received | Should -Match 'key: sk-proxy-test-KEY-MUST-NOT-LEAK'
            # Whatever else the child process sent through the proxy (pwsh's telemetry may), nothing was for the service.
            $port = ([uri]$service.BaseUri).Port
            $proxy.Received | Should -Not -Match 'sk-proxy-test'
            $proxy.Received | Should -Not -Match 'v2/messages'
            $proxy.Received | Should -Not -Match "127\.0\.0\.1:$port"
        } finally {
            $proxy.Dispose(); $service.Dispose()
        }
    }

    # Before: .NET's "The proxy tunnel request to proxy 'http://user:password@...' failed with status code '407'" went
    # whole into the row's Reason (and so the results CSV), every verbose retry line and Test-WebexConnect's error.
    It 'shows no proxy password from HTTPS_PROXY when the proxy refuses the tunnel (407), in results, streams or errors' {
        $proxy = [WebexConnectPester.RecordingListener]::new("HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Basic realm=`"corp`"`r`nContent-Length: 0`r`n`r`n")
        try {
            # -Region: an https endpoint, the only kind a proxy is used for. The proxy refuses, so nothing leaves this computer.
            $script = @"
Import-Module '$manifest'
`$key = ConvertTo-SecureString 'sk-proxy-407-KEY' -AsPlainText -Force
Connect-WebexConnect -Region eu -ServiceKey `$key -Tps 5 | Out-Null
`$results = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Verbose -ErrorAction SilentlyContinue 4>&1 3>&1
`$results | Format-List * -Force | Out-String -Width 300
`$results | Where-Object { `$_ -is [WebexConnect.Results.SendResult] } | ConvertTo-Csv
Test-WebexConnect -ErrorAction SilentlyContinue | Format-List * -Force | Out-String -Width 300
Get-ConnectMessage -MessageId 0b4f6f2e-7d2c-4a57-9d55-1a2b3c4d5e6f -ErrorAction SilentlyContinue | Format-List * -Force | Out-String -Width 300
foreach (`$e in `$Error) { `$e | Format-List * -Force | Out-String -Width 300; `$e.Exception.ToString() }
"@
            $userInfo = 'proxy-user:proxy-PASSWORD-must-not-show'
            $out = Invoke-ChildBehindProxy $script @{ HTTPS_PROXY = $proxy.BaseUri -replace '^http://', "http://$userInfo@" }
            $proxy.Received | Should -Match '^CONNECT api\.eu\.webexconnect\.io:443' -Because 'the send must have gone to the proxy for the check to mean anything'
            $out | Should -Match "407" -Because 'the proxy''s refusal is still told'
            # .NET's message quoting the proxy's URL was shown, with its user name and password hidden.
            $out | Should -Match ([regex]::Escape("proxy 'http://***@127.0.0.1:"))
            $out | Should -Not -Match 'proxy-PASSWORD-must-not-show'
            $out | Should -Not -Match 'sk-proxy-407-KEY'
        } finally {
            $proxy.Dispose()
        }
    }

    # Before: a 407 was a connection failure like any other, retried six times a batch, and five batches before the
    # circuit opened: some thirty failed logons for the proxy's account, enough to lock it in most directories.
    It 'stops at the proxy''s first 407 with ProxyRefused, row not sent, and does not offer the password again' {
        $proxy = [WebexConnectPester.RecordingListener]::new("HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Basic realm=`"corp`"`r`nContent-Length: 0`r`n`r`n")
        try {
            $script = @"
Import-Module '$manifest'
Connect-WebexConnect -Region eu -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -Tps 5 | Out-Null
try { 1..20 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009' + `$_.ToString('00000') } } | Send-ConnectSms -From ACME -Text 'Hi' -OutVariable sent | Out-Null }
catch { 'ERRORID=' + `$_.FullyQualifiedErrorId; 'MESSAGE=' + `$_.Exception.Message }
'STATUSES=' + ((`$sent | Group-Object Status -NoElement | ForEach-Object { `$_.Name + ':' + `$_.Count }) -join ',')
"@
            $out = Invoke-ChildBehindProxy $script @{ HTTPS_PROXY = $proxy.BaseUri -replace '^http://', 'http://proxy-user:proxy-pass@' }
            $out | Should -Match 'ERRORID=ProxyRefused,WebexConnect\.Commands\.SendConnectSmsCommand'
            $out | Should -Match 'MESSAGE=The proxy between this computer and api\.eu\.webexconnect\.io refused'
            $out | Should -Match '407'
            # The rows read before the stop (not all 20: a terminating error stops the reading) end as Failed, not sent.
            $out | Should -Match '(?m)^STATUSES=Failed:\d+\s*$' -Because 'every row read gets its result, not sent and safe to send again'
            $out | Should -Not -Match 'proxy-pass'
            # .NET answers the proxy's challenge once with the credentials: two CONNECTs per request, not six attempts of
            # five batches. At TPS 5 the first second may have up to five one-row requests on their way before the first
            # 407 is back (a loaded machine showed two): at most ten, not thirty.
            @([regex]::Matches($proxy.Received, '(?m)^CONNECT ')).Count | Should -BeLessOrEqual 10
        } finally {
            $proxy.Dispose()
        }
    }

    # Before: "could not connect: Connection refused (127.0.0.1:3128)", an address the admin never gave the module, and
    # Test-WebexConnect "could not reach the service": nothing said that the proxy of HTTPS_PROXY was what was down.
    It 'says that the proxy could not be reached, naming it without its password, when HTTPS_PROXY names one that is down' {
        $closed = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $closed.Start(); $port = $closed.LocalEndpoint.Port; $closed.Stop()
        $script = @"
Import-Module '$manifest'
Connect-WebexConnect -Region eu -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -Tps 5 | Out-Null
try { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -OutVariable r | Out-Null }
catch { 'ERROR=' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }
'REASON=' + `$r.Status + ' ' + `$r.Code
'TEST=' + (Test-WebexConnect -ErrorAction SilentlyContinue).Detail
"@
        $out = Invoke-ChildBehindProxy $script @{ HTTPS_PROXY = "http://proxy-user:proxy-pass@127.0.0.1:$port" }

        # Nothing of the run reached anything: it stops with one error that names the proxy, its row not sent.
        $out | Should -Match ([regex]::Escape("ERROR=ServiceUnreachable,WebexConnect.Commands.SendConnectSmsCommand The service could not be reached (6 attempts): " +
            "could not reach the proxy http://127.0.0.1:$port that this computer's proxy setting names (HTTPS_PROXY or ALL_PROXY, or the system's)"))
        $out | Should -Match 'REASON=Failed RunStopped'
        $out | Should -Match ([regex]::Escape("TEST=No answer from https://api.eu.webexconnect.io/: could not reach the proxy http://127.0.0.1:$port"))
        # .NET reads HTTPS_PROXY and NO_PROXY once per process: a change made in the same PowerShell after this message did nothing.
        $out | Should -Match ([regex]::Escape("list the API's host in NO_PROXY to go direct (PowerShell reads these variables once, at its first web request: set them, then start a new PowerShell): "))
        $out | Should -Not -Match 'proxy-pass'
    }

    # Before: "could not connect: Connection refused (127.0.0.1:<port>)" on every row, and Test-WebexConnect "could not reach
    # the service": what a network that is down or a firewall gives, with no word of what to check.
    It 'says what to check when the service''s own address refuses the connection, on each row and in Test-WebexConnect' {
        $closed = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $closed.Start(); $port = $closed.LocalEndpoint.Port; $closed.Stop()
        Connect-WebexConnect -BaseUri "http://127.0.0.1:$port/" -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -Tps 5
        try {
            $stop = $null
            try { '+447700900001', '+447700900002' | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -OutVariable results | Out-Null }
            catch { $stop = $_ }
            $test = Test-WebexConnect -ErrorAction SilentlyContinue
        } finally { Disconnect-WebexConnect }

        # No request of the run reached the service: one error says what to check, and each row that it was not sent.
        $check = "could not connect to 127.0.0.1 (check this computer's network and firewall, and Connect-WebexConnect -BaseUri or -Region): "
        $stop.FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable,*'
        $stop.Exception.Message | Should -BeLike "The service could not be reached (6 attempts): $check*127.0.0.1:$port*safe to send again*"
        $results.Status | Should -Be @('Failed', 'Failed')
        $results.Code | Should -Be @('RunStopped', 'RunStopped')
        $test.Status | Should -Be 'Unreachable'
        $test.Detail | Should -BeLike "No answer from http://127.0.0.1:$port/: $check*Nothing was sent."
    }

    It 'refuses a service key with a line break at Connect, so no header can be injected, and names only the position' {
        $key = ConvertTo-SecureString "k`r`nX-Injected: 1" -AsPlainText -Force
        $err = $null
        try { Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $key -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidServiceKey,*'
        $err.Exception.Message | Should -BeLike '-ServiceKey contains a control character*at position 2*'
        $err.Exception.Message | Should -Not -Match 'Injected'
    }

    It 'refuses a service secret with a control character at Connect' {
        $secret = ConvertTo-SecureString "c2VjcmV0LWI=`0" -AsPlainText -Force
        { Connect-WebexConnect -ServiceId svc -ServiceSecret $secret -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidServiceSecret,*'
    }
}

Describe '-Journal takes only a regular file' {
    BeforeEach {
        Connect-WebexConnect -Sandbox | Out-Null
    }

    It 'refuses <Path> with <ErrorId> before anything is sent' -ForEach @(
        @{ Path = '/dev/zero'; ErrorId = 'JournalIsDevice' }
        @{ Path = '/dev/full'; ErrorId = 'JournalIsDevice' }
        @{ Path = '/dev/null'; ErrorId = 'JournalIsDevice' }
        @{ Path = 'TestDrive:/'; ErrorId = 'JournalIsDirectory' }
        @{ Path = "TestDrive:/a`0b.journal"; ErrorId = 'JournalPathInvalid' }
    ) {
        if ($Path.StartsWith('/dev/') -and -not (Test-Path $Path)) { Set-ItResult -Skipped -Because 'no /dev on this system'; return }
        $err = $null
        $results = @()
        try {
            1..3 | ForEach-Object { '+4477009000{0:00}' -f $_ } |
                Send-ConnectSms -From ACME -Text 'Hi' -Journal $Path | ForEach-Object { $results += $_ }
        } catch { $err = $_ }
        $results | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.Exception.Message | Should -Not -Match "`0"
        @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty
    }

    It 'refuses a FIFO with JournalIsPipe' {
        if ($IsWindows -or -not (Get-Command mkfifo -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because 'no mkfifo'; return }
        $fifo = Join-Path ([IO.Path]::GetTempPath()) ("wxc-fifo-" + [guid]::NewGuid().ToString('N'))
        & mkfifo $fifo
        try {
            { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Journal $fifo -ErrorAction Stop } | Should -Throw -ErrorId 'JournalIsPipe,*'
            @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty
        } finally {
            Remove-Item $fifo -ErrorAction SilentlyContinue
        }
    }

    # Before: a link another user left in /tmp under the journal's name made the run create the file it named, or write
    # its journal into an empty one (shown: a root task wrote /root/empty.txt through /tmp/planted.journal).
    It 'refuses a symbolic link in a folder every account may write with JournalIsLink, and follows one in a folder of its own' {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'Windows lets only administrators make symbolic links'; return }
        $shared = Join-Path $TestDrive 'shared like tmp'
        $null = New-Item -ItemType Directory -Path $shared
        chmod 1777 $shared
        $target = Join-Path $TestDrive 'someone else''s file'
        $null = New-Item -ItemType File -Path $target
        $link = Join-Path $shared 'nightly.journal'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $target

        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Journal $link -ErrorAction Stop } |
            Should -Throw -ErrorId 'JournalIsLink,*' -ExpectedMessage "*is a symbolic link (to '$target')*a folder every account may write*folder of your own*"
        @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty
        (Get-Item -LiteralPath $target).Length | Should -Be 0

        $own = Join-Path $TestDrive 'own.journal'
        $null = New-Item -ItemType SymbolicLink -Path $own -Target $target
        ('+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Journal $own).Status | Should -Be 'Queued'
        (Get-Item -LiteralPath $target).Length | Should -BeGreaterThan 0
    }
}

Describe 'Every field the service would refuse or mangle is refused per row: real CSV files through Import-Csv' {
    BeforeAll {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        # Sends a fixture's rows without the expectation columns and checks each row's one result.
        function Assert-Corpus([string] $file, [scriptblock] $send) {
            $rows = @(Import-Csv (Join-Path $script:fixtures $file))
            $rows.Count | Should -BeGreaterThan 10
            $results = @($rows | Select-Object -Property * -ExcludeProperty _field, _word | & $send)
            $results.Count | Should -Be $rows.Count
            for ($i = 0; $i -lt $rows.Count; $i++) {
                $row = $i + 1
                $result = $results[$i]
                $result.Row | Should -Be $row
                if ($rows[$i]._field) {
                    $because = "row $row of $file is bad"
                    $result.Status | Should -Be 'Invalid' -Because $because
                    $result.Reason | Should -BeLike "Row ${row}: *$($rows[$i]._field): *" -Because $because
                    $result.Reason | Should -BeLike "*$($rows[$i]._word)*" -Because $because
                } else {
                    $result.Status | Should -Be 'Queued' -Because "row $row of $file is good: $($result.Reason)"
                }
            }
            $rows.Count
        }
    }

    It 'sms-bad-input.csv: each bad row names its row and field, the good rows around it are queued' {
        $count = Assert-Corpus 'sms-bad-input.csv' { $input | Send-ConnectSms -From ConnectCo -ErrorAction SilentlyContinue }
        $count | Should -Be 45
    }

    It 'email-bad-input.csv: CR/LF in the subject is refused as header injection, the good rows go' {
        $count = Assert-Corpus 'email-bad-input.csv' { $input | Send-ConnectEmail -From 'news@mail.example.com' -ErrorAction SilentlyContinue }
        $count | Should -Be 26
    }

    It 'refuses CR/LF in -FromName before sending' {
        { 'ann@example.com' | Send-ConnectEmail -From 'news@mail.example.com' -FromName "Acme`r`nBcc: victim@example.com" -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-FromName: contains a line break (U+000D) at position 5*nothing was sent*'
    }

    It 'refuses a 100-character SMS sender ID once, not once for every row, and sends none' {
        $before = @(Get-ConnectSandboxRequest).Count
        $results = $null
        { $script:results = @('+447700900001', '+447700900002', '+447700900003') | Send-ConnectSms -From ('A' * 100) -Text 'Hi' -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-From: *has 100 characters: an alphanumeric sender ID has at most 11*same for every row, so nothing was sent: correct -From*'
        $script:results | Should -BeNullOrEmpty
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    # Before: -ContactPolicyGroup without a check made every row Invalid with the same error, 10,000 for a CSV of 10,000.
    It 'refuses -ContactPolicyGroup without -CheckConsent or -ApplyFrequencyCap once, not once for every row, and sends none' {
        $before = @(Get-ConnectSandboxRequest).Count
        { @('+447700900001', '+447700900002', '+447700900003') | Send-ConnectSms -From ACME -Text 'Hi' -ContactPolicyGroup 'marketing' -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-ContactPolicyGroup: a contact policy needs at least one check*same for every row, so nothing was sent*'
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    It 'refuses a CorrelationId array instead of dropping it, while the next row goes' {
        $rows = @(
            [pscustomobject]@{ To = '+447700900001'; CorrelationId = @('a', 'b') }
            [pscustomobject]@{ To = '+447700900002'; CorrelationId = 'c' }
        )
        $r = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)
        $r[0].Status | Should -Be 'Invalid'
        $r[0].Reason | Should -Be "Row 1: CorrelationId: the column 'CorrelationId' holds a list of 2 values (a, b) where one value is expected: give one value per row"
        $r[1].Status | Should -Be 'Queued'
        $r[1].CorrelationId | Should -Be 'c'
    }

    It 'sends a number given twice in one row once and says so in verbose' {
        $before = @(Get-ConnectSandboxRequest).Count
        $out = Send-ConnectSms -To '+447700900001', '+447700900001' -From ACME -Text 'Hi' -Verbose 4>&1
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose | Should -Contain "Row 1: To: '+447700900001' is given 2 times; it is sent once"
        $result = $out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.Destination | Should -Be '+447700900001'
        $request = @(Get-ConnectSandboxRequest)[$before]
        ([regex]::Matches($request.Body, '\+447700900001')).Count | Should -Be 1
    }
}
