#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What -Verbose and -Debug say in a real PowerShell, against the in-process sandbox: the engine's lines reach
# the streams (written on the pipeline thread), and only when asked for. Build first: dotnet build -c Release.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    $script:Rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090010{0}' -f $_; Name = "P$_" } }
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Connect-WebexConnect -Verbose' {
    It 'says it connected to the in-process sandbox and the TPS in force' {
        $verbose = @(Connect-WebexConnect -Sandbox -Tps 200 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        $verbose.Message | Should -Contain 'Connected to the in-process sandbox: nothing leaves this machine; TPS 200 (given); request timeout 30 s.'
    }

    # Before: nothing said where the shared TPS ledger was, and a service account whose home could not hold it lost
    # the sharing in silence (two overlapping tasks then met 429s with no clue why).
    It 'says which file the TPS budget is shared through, or why it is not shared' -Skip:$IsWindows {
        $key = ConvertTo-SecureString 'verbose-ledger-key' -AsPlainText -Force
        $saved = $env:XDG_DATA_HOME
        try {
            $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'
            $verbose = @(Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $key -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $line = @($verbose -like 'TPS budget shared with this account''s other processes sending to this tenant, through *')
            $line.Count | Should -Be 1
            $path = $line[0] -replace '^.*, through (.*)\.$', '$1'
            $path | Should -BeLike (Join-Path $TestDrive 'data/WebexConnect/WebexConnect-tps-*.ledger')
            $path | Should -Exist
            $line[0] | Should -Not -Match 'verbose-ledger-key'

            $null = New-Item -ItemType File -Path (Join-Path $TestDrive 'not-a-folder')
            $env:XDG_DATA_HOME = Join-Path $TestDrive 'not-a-folder/share'
            $verbose = @(Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $key -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            @($verbose -like 'TPS budget not shared with this account''s other processes sending to this tenant (each counts its own): *not-a-folder/share/WebexConnect cannot be created: *').Count | Should -Be 1
            # What the scheduled task should set, not the path alone (before, the line ended at the file system's reason).
            @($verbose -like '*cannot be created: *. To share it, set HOME (or, on Linux, XDG_DATA_HOME) to a folder this account may write.').Count | Should -Be 1

            $verbose = @(Connect-WebexConnect -BaseUri 'http://127.0.0.1:9/' -ServiceKey $key -NoSharedTps -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $verbose | Should -Contain 'TPS budget kept to this session (-NoSharedTps or WEBEXCONNECT_NO_SHARED_TPS).'
        }
        finally {
            $env:XDG_DATA_HOME = $saved
            Disconnect-WebexConnect -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Send-ConnectSms -Verbose and -Debug' {
    # A new sandbox per test, so Get-ConnectSandboxRequest lists only that test's requests.
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 200 }

    It 'tells each request: its batch, its size, the status, the time and the messageId' {
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose 4>&1)
        $results = @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        # @() around .Message too: one line would come back as a bare string, and -match on a string is a bool.
        $verbose = @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message)
        $requests = @(Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        # The three rows usually travel in one request, but a pause of 50 ms between rows sends a partial batch
        # on its own: so each request the sandbox received must have its line, whatever the split.
        $requests.Count | Should -BeGreaterThan 0
        foreach ($request in $requests) {
            $size = if ($request.DestinationCount -eq 1) { '1 SMS destination' } else { "$($request.DestinationCount) SMS destinations" }
            # The time reads "84 ms", or "1.2 s" on a slow machine.
            @($verbose -match ('^Batch \d+: ' + $size + ' sent, HTTP 201 in (\d+ ms|\d+(\.\d)? s), messageId ' + [regex]::Escape($request.MessageId) + '\.$')).Count |
                Should -Be 1 -Because "request $($request.Number) ($($request.MessageId)) needs its one verbose line"
        }
        $done = @($verbose -match '^Batch \d+ done in .*: \d+ Queued\.$')
        $done.Count | Should -Be $requests.Count
        ($done | ForEach-Object { [int]($_ -replace '^.*: (\d+) Queued\.$', '$1') } | Measure-Object -Sum).Sum | Should -Be 3
    }

    It 'puts the finer lines on the debug stream only when asked for' {
        $without = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 4>&1 5>&1 | Where-Object { $_ -isnot [WebexConnect.Results.SendResult] })
        $DebugPreference = 'Continue'
        $withDebug = @(@($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message)

        @($withDebug -match '^Send run started: batches of up to \d+ destinations').Count | Should -Be 1
        # Once a run, where the requests go: what someone who wrote the Invoke-RestMethod call before looks for first.
        @($withDebug -match '^Requests go to POST https://sandbox\.webexconnect\.invalid/v2/messages; -PayloadOnly shows').Count | Should -Be 1
        $handed = @($withDebug -match '^Batch \d+: \d+ destinations? handed to the transport')
        $handed.Count | Should -BeGreaterThan 0
        ($handed | ForEach-Object { [int]($_ -replace '^Batch \d+: (\d+) .*$', '$1') } | Measure-Object -Sum).Sum | Should -Be 3
        $without | Should -BeNullOrEmpty
    }
}

Describe 'The -Debug switch never prompts and never loses results' {
    # For a compiled cmdlet, PowerShell's command runtime turns -Debug into the Inquire preference for the verbose and
    # warning streams (5.1: the debug stream too): the first verbose line after a send asked "Continue with this
    # operation?", and a non-interactive host (a scheduled task, CI) threw before any result was written.
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 200 }

    It 'sends every row, writes every result and shows debug and verbose lines, in this host (<_>)' -ForEach @('Send-ConnectSms -Debug', 'Send-ConnectSms -Debug -Verbose') {
        $extra = @{ Debug = $true }
        if ($_ -match 'Verbose') { $extra.Verbose = $true }
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' @extra 4>&1 5>&1)

        @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        # ShouldProcess's "Performing the operation" line and the engine's per-batch line: -Debug shows verbose too.
        @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '^Batch \d+: \d+ SMS destinations? sent, HTTP 201').Count |
            Should -BeGreaterThan 0
        @(Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201).DestinationCount | Measure-Object -Sum |
            Select-Object -ExpandProperty Sum | Should -Be 3
    }

    It '-Debug -Verbose:$false shows the debug lines and no verbose line' {
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' -Debug -Verbose:$false 4>&1 5>&1)

        @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 3
        @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
    }

    It 'the preference variables alone never prompt: $DebugPreference and $VerbosePreference Continue' {
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 4>&1 5>&1)

        @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 3
        @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
    }

    It 'does not prompt in an interactive host either (a child PowerShell whose prompts would be answered Halt)' {
        # An interactive console host reads a prompt's answer from standard input; "H" there would halt the command.
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $script = Join-Path ([IO.Path]::GetTempPath()) ("wc-debug-{0}.ps1" -f [guid]::NewGuid())
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        Set-Content -LiteralPath $script -Encoding UTF8 -Value @(
            "Import-Module '$($manifest -replace "'", "''")'"
            'Connect-WebexConnect -Sandbox -Tps 200 -Debug'
            '$r = @(1..3 | ForEach-Object { "+44770090010$_" } | Send-ConnectSms -From ACME -Text Hi -Debug)'
            '"RESULTS $($r.Count) $(@($r | Where-Object Status -EQ Queued).Count)"'
            '$l = Start-ConnectReceiptListener -Debug'
            '"TEST $((Test-WebexConnect -Debug).Status)"'
            '$null = $r | Get-ConnectMessage -Debug'
            'Stop-ConnectReceiptListener $l -Debug'
            'Disconnect-WebexConnect -Debug'
            '"DONE"')
        try {
            $out = ("H`nH`nH`nH`n" | & $shell -NoProfile -File $script 2>&1 | Out-String)
        }
        finally { Remove-Item -LiteralPath $script -ErrorAction SilentlyContinue }

        $out | Should -Not -Match 'Continue with this operation'
        $out | Should -Match 'RESULTS 3 3'
        $out | Should -Match 'TEST Accepted'
        $out | Should -Match 'DONE'
    }
}
