#Requires -Version 7.0
# Pester 5: every example Get-Help shows (each command's, and the code samples of about_WebexConnect), run as written,
# as an admin who copies it into a script runs it: in a new runspace that imported the module, connected to the
# sandbox (unless the example connects itself), in a folder holding the files the examples name (docs/examples and
# Fixtures/HelpExamples). Help.Tests.ps1 checks how the examples look; this file checks that they run.

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $root 'out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    $examples = foreach ($command in Get-Command -Module WebexConnect -CommandType Cmdlet | Sort-Object Name) {
        $number = 0
        foreach ($example in @((Get-Help $command.Name -Examples).examples.example)) {
            $number++
            @{ Name = "$($command.Name) example $number"; Code = [string] $example.code }
        }
    }

    # The about topic's code samples, as Get-Help prints them: a paragraph whose lines are indented eight columns or
    # more, its first exactly eight (the topic's text is indented four, code four more).
    $number = 0
    $about = (Get-Help about_WebexConnect | Out-String) -split '\r?\n'
    $samples = foreach ($paragraph in (($about -join "`n") -split '\n\s*\n')) {
        $lines = @($paragraph -split '\n' | Where-Object { $_.Trim() })
        if ($lines.Count -and $lines[0] -match '^ {8}\S' -and -not ($lines -notmatch '^ {8}')) {
            $number++
            @{ Name = "about_WebexConnect sample $number"; Code = ($lines | ForEach-Object { $_.Substring(8) }) -join "`n" }
        }
    }
    $all = @($examples) + @($samples)
    $cannotRun = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Fixtures/HelpExamples/CannotRun.psd1')

    # The samples that go on from the one before (its variables): run after it, in the same runspace.
    $continues = @{ 'about_WebexConnect sample 4' = 'about_WebexConnect sample 3' }
    foreach ($example in $all) {
        $example.Before = if ($continues.ContainsKey($example.Name)) { ($all | Where-Object Name -eq $continues[$example.Name]).Code }
        $example.Continues = $continues[$example.Name]
    }
    $script:AllExamples = @($all | Where-Object { -not $cannotRun.ContainsKey($_.Name) })
    $script:Names = @{ Names = @($all | ForEach-Object Name) }
    $script:Copied = @{ Examples = $all }
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModulePath = Join-Path $script:Root 'out/WebexConnect/WebexConnect.psd1'
    Import-Module $script:ModulePath -Force -ErrorAction Stop

    # The examples that cannot run here, and why (CannotRun.psd1, which discovery reads too: they get no test of their own).
    $script:CannotRun = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Fixtures/HelpExamples/CannotRun.psd1')

    # The examples that show the state before Connect-WebexConnect: run without the sandbox connection.
    $script:NotConnected = @('Get-ConnectContext example 2')

    # The errors an example is about: their ErrorIds (or, for a throw, its message) are what it shows.
    $script:ExpectedErrors = @{
        # -SandboxFailureRate fails some rows at random: each writes DeliveryFailed, as the remarks say.
        'Start-ConnectReceiptListener example 1' = @('DeliveryFailed')
        'Wait-ConnectDelivery example 1'         = @('DeliveryFailed')
        'Get-ConnectContext example 2'           = @('Run Connect-WebexConnect first.')
    }

    # What an example's remarks say it shows, in the text it writes at 80 columns (output, verbose and warnings).
    $script:Shows = @{
        'Connect-WebexConnect example 1'         = '(?s)(Queued.*){4}'
        'ConvertFrom-ConnectWebhook example 1'   = 'Delivered\s+447700900001\s+6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11\s+row-1'
        'ConvertFrom-ConnectWebhook example 4'   = '(?s)2 Delivered.*1 Failed'
        'ConvertFrom-ConnectWebhook example 5'   = '(?s)2 Delivered.*1 Failed'
        'Disconnect-WebexConnect example 1'      = 'VERBOSE: Disconnected Webex Connect sandbox\.'
        'Get-ConnectMessage example 3'           = 'messageId'
        'Get-ConnectSandboxRequest example 1'    = '\n\s*1\s+4\s+201'
        'Get-ConnectSandboxRequest example 2'    = '"text":\s*"Hi"'
        # Each CSV row's own text, its variables filled from the row's columns, with the row it came from.
        'Measure-ConnectSms example 2'           = '\n\s*3\s+1\s+Text\s+Hi Chloé Dubois, order A-1003 has shipped\.'
        'Measure-ConnectSms example 3'           = '\s1\s+Text\s+11\s+12\s'
        'Send-ConnectEmail example 5'            = '\n\s*1\s+5\s+Queued\s+dara\.singh@example\.com\s*\n\s*2\s+2\s+Queued'
        # One command for the CSV: each row's own card, each result its own row (a command per row made every one Row 1).
        'Send-ConnectRcs example 5'              = '(?s)\n\s*1\s+Queued\s+\+447700900001.*\n\s*4\s+Queued\s+\+447700900004'
        'Send-ConnectSms example 6'              = '(?s)(Scheduled.*){4}'
        'Send-ConnectSms example 7'              = '(?s)(Scheduled.*){2}'
        'Stop-ConnectReceiptListener example 1'  = '(?s)False.*VERBOSE: Stopped the listener'
        'Stop-ConnectReceiptListener example 2'  = 'already stopped'
        'about_WebexConnect sample 4'            = '"Status": "Queued"'
        'Test-WebexConnect example 2'            = '(?s)Status\s+: Accepted.*StatusCode\s+: 404'
        'Wait-ConnectDelivery example 4'         = '(?s)2 Delivered.*1 Failed.*1 NoReceipt'
    }

    # The ports examples listen on; another program holding one is this machine's, not the example's, problem.
    $script:FixedPort = @{ 'Start-ConnectReceiptListener example 3' = 8081; 'Stop-ConnectReceiptListener example 3' = 8080 }

    function script:Test-PortFree([int] $Port) {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Port)
        try { $probe.Start(); $true } catch { $false } finally { $probe.Stop() }
    }

    # A folder of the example's own, holding docs/examples (the examples read ./docs/examples/...) and the fixtures.
    function script:New-ExampleFolder([string] $Name) {
        $folder = Join-Path $TestDrive ($Name -replace '\W+', '-')
        New-Item -ItemType Directory -Path (Join-Path $folder 'docs') -Force | Out-Null
        Copy-Item (Join-Path $script:Root 'docs/examples') (Join-Path $folder 'docs/examples') -Recurse
        Copy-Item (Join-Path $PSScriptRoot 'Fixtures/HelpExamples/*') $folder -Recurse
        $folder
    }

    # Runs Code in a new runspace with no host (a prompt fails there instead of waiting), in Folder, connected to the
    # sandbox unless told not to; returns what it wrote, its errors (and a throw), and whatever asked a question.
    function script:Invoke-Example([string] $Code, [string] $Folder, [bool] $Connect) {
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule($script:ModulePath)
        $runspace = [runspacefactory]::CreateRunspace($state)
        $runspace.Open()
        try {
            $prepare = [powershell]::Create($runspace)
            $null = $prepare.AddScript("`$PSStyle.OutputRendering = 'PlainText'; Set-Location -LiteralPath '$($Folder -replace "'", "''")'")
            # The current session is the process's: not connected means none left by an earlier test file either.
            $null = $prepare.AddScript($(if ($Connect) { 'Connect-WebexConnect -Sandbox' } else { 'Disconnect-WebexConnect -ErrorAction Ignore' }))
            $null = $prepare.Invoke()
            $prepare.Streams.Error | Should -BeNullOrEmpty
            $prepare.Dispose()

            $run = [powershell]::Create($runspace)
            $null = $run.AddScript($Code).AddCommand('Out-String').AddParameter('Width', 80)
            $thrown = $null
            $async = $run.BeginInvoke()
            if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60))) {
                $run.Stop()
                throw 'The example did not end within 60 seconds.'
            }
            try { $text = -join $run.EndInvoke($async) } catch { $thrown = $_.Exception.InnerException ?? $_.Exception }
            $result = [pscustomobject]@{
                Text   = (@($text) + @($run.Streams.Verbose | ForEach-Object { "VERBOSE: $_" }) +
                    @($run.Streams.Warning | ForEach-Object { "WARNING: $_" })) -join "`n"
                Errors = @($run.Streams.Error)
                Thrown = $thrown
                # $Error also holds the errors an example silences with -ErrorAction SilentlyContinue.
                Asked  = @($runspace.SessionStateProxy.GetVariable('Error') | Where-Object {
                        "$($_.FullyQualifiedErrorId)" -match '^(HostFunctionNotImplemented|PromptWithoutInput)' })
            }
            $run.Dispose()
            $result
        }
        finally {
            # What the example left running: its listeners (a fixed port stays taken otherwise) and the session.
            $tidy = [powershell]::Create($runspace)
            $null = $tidy.AddScript({
                    Get-Variable | Where-Object { $_.Value -is [WebexConnect.Receipts.ConnectReceiptListener] -and $_.Value.IsRunning } |
                        ForEach-Object { Stop-ConnectReceiptListener -Listener $_.Value }
                    Stop-ConnectReceiptListener -WarningAction Ignore -ErrorAction Ignore
                    Disconnect-WebexConnect -ErrorAction Ignore
                })
            $null = $tidy.Invoke()
            $tidy.Dispose()
            $runspace.Dispose()
        }
    }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Get-Help examples, run as written against the sandbox' {
    It '<Name>' -ForEach $script:AllExamples {
        if ($script:FixedPort.ContainsKey($Name) -and -not (Test-PortFree $script:FixedPort[$Name])) {
            Set-ItResult -Skipped -Because "another program holds port $($script:FixedPort[$Name]) on this machine"
            return
        }
        $code = $Code
        if ($Continues) {
            $Before | Should -Not -BeNullOrEmpty -Because "$Name goes on from $Continues"
            $code = $Before + "`n" + $code
        }

        $run = Invoke-Example $code (New-ExampleFolder $Name) ($Name -notin $script:NotConnected)

        $run.Asked | Should -BeNullOrEmpty -Because 'an example run unattended must not ask a question'
        $expected = @($script:ExpectedErrors[$Name])
        $unexpected = @($run.Errors | Where-Object { "$($_.FullyQualifiedErrorId)".Split(',')[0] -notin $expected } |
                ForEach-Object { "[$($_.FullyQualifiedErrorId)] $_" })
        $unexpected | Should -BeNullOrEmpty
        if ($run.Thrown -and $run.Thrown.Message -notin $expected) { throw $run.Thrown }
        if ($Name -in $script:NotConnected) { $run.Thrown.Message | Should -BeIn $expected }
        if ($script:Shows.ContainsKey($Name)) { $run.Text | Should -Match $script:Shows[$Name] }
    }

    It 'breaks no line of code with a backtick, which a copied space after it ends there' -ForEach $script:Copied {
        # A backtick at the end of a line is invisible, and a console's selection copies the spaces after it: the
        # backtick then escapes a space, the command ends on that line, and the next runs as a command of its own.
        # Before: Send-ConnectRcs example 3, Start-ConnectReceiptListener example 1, Wait-ConnectDelivery example 1
        # and about_WebexConnect samples 9 and 11 (10 and 12 since a sample came before them). A line ends after a pipe, a comma or an opening bracket instead.
        $continued = foreach ($example in $Examples) {
            foreach ($line in $example.Code -split '\r?\n') {
                if ($line.TrimEnd().EndsWith('`')) { "$($example.Name): $($line.Trim())" }
            }
        }
        $continued | Should -BeNullOrEmpty
    }

    It 'lists only examples that exist as the ones that cannot run, or that need something special' -ForEach $script:Names {
        $Names.Count | Should -BeGreaterThan 60
        @(@($script:CannotRun.Keys) + $script:NotConnected + @($script:ExpectedErrors.Keys) + @($script:Shows.Keys) +
            @($script:FixedPort.Keys) | Where-Object { $_ -notin $Names }) | Should -BeNullOrEmpty
    }
}
