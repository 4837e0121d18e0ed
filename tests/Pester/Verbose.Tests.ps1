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
            @($verbose -match ('^Batch \d+: ' + $size + ' sent, 201 in (\d+ ms|\d+(\.\d)? s), messageId ' + [regex]::Escape($request.MessageId) + '\.$')).Count |
                Should -Be 1 -Because "request $($request.Number) ($($request.MessageId)) needs its one verbose line"
        }
        $done = @($verbose -match '^Batch \d+ done in .*: \d+ Queued\.$')
        $done.Count | Should -Be $requests.Count
        ($done | ForEach-Object { [int]($_ -replace '^.*: (\d+) Queued\.$', '$1') } | Measure-Object -Sum).Sum | Should -Be 3
    }

    It 'puts the finer lines on the debug stream only when asked for' {
        # PowerShell 7's -Debug means Continue. Windows PowerShell 5.1's -Debug means Inquire, which prompts at
        # every line (and fails in a non-interactive CI host), so there the preference variable asks instead.
        $withDebug = @(@(& {
                if ($PSEdition -eq 'Core') {
                    $script:Rows | Send-ConnectSms -From ACME -Text 'Hi' -Debug 5>&1
                }
                else {
                    $DebugPreference = 'Continue'
                    $script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 5>&1
                }
            } | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message)
        $without = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 4>&1 5>&1 | Where-Object { $_ -isnot [WebexConnect.Results.SendResult] })

        @($withDebug -match '^Send run started: batches of up to 200 destinations').Count | Should -Be 1
        $handed = @($withDebug -match '^Batch \d+: \d+ destinations? handed to the transport')
        $handed.Count | Should -BeGreaterThan 0
        ($handed | ForEach-Object { [int]($_ -replace '^Batch \d+: (\d+) .*$', '$1') } | Measure-Object -Sum).Sum | Should -Be 3
        $without | Should -BeNullOrEmpty
    }
}
