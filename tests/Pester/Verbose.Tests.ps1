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
    BeforeAll { Connect-WebexConnect -Sandbox -Tps 200 }

    It 'tells each request: its batch, its size, the status, the time and the messageId' {
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Verbose 4>&1)
        $results = @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        # The time reads "84 ms", or "1.2 s" on a slow machine.
        ($verbose -match ('^Batch 1: 3 SMS destinations sent, 201 in (\d+ ms|\d+(\.\d)? s), messageId ' + [regex]::Escape($results[0].MessageId) + '\.$')) |
            Should -Not -BeNullOrEmpty
        ($verbose -match '^Batch 1 done in .*: 3 Queued\.$') | Should -Not -BeNullOrEmpty
    }

    It 'puts the finer lines on the debug stream only when asked for' {
        # PowerShell 7's -Debug means Continue. Windows PowerShell 5.1's -Debug means Inquire, which prompts at
        # every line (and fails in a non-interactive CI host), so there the preference variable asks instead.
        $withDebug = @(& {
                if ($PSEdition -eq 'Core') {
                    $script:Rows | Send-ConnectSms -From ACME -Text 'Hi' -Debug 5>&1
                }
                else {
                    $DebugPreference = 'Continue'
                    $script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 5>&1
                }
            } | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message
        $without = @($script:Rows | Send-ConnectSms -From ACME -Text 'Hi' 4>&1 5>&1 | Where-Object { $_ -isnot [WebexConnect.Results.SendResult] })

        ($withDebug -match '^Send run started: batches of up to 200 destinations') | Should -Not -BeNullOrEmpty
        ($withDebug -match '^Batch 1: 3 destinations handed to the transport') | Should -Not -BeNullOrEmpty
        $without | Should -BeNullOrEmpty
    }
}
