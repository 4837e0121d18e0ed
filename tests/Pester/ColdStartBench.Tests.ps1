#Requires -Version 5.1
# Pester 5: the cold-start benchmark (tests/WebexConnect.Benchmarks/Pwsh/ColdStartBench.ps1) still runs and reports
# what its README section quotes. A smoke run, two fresh processes: no time is judged here.
# Build first: dotnet build -c Release (or ./build.ps1).

Describe 'ColdStartBench.ps1' {
    It 'runs one sandbox row and two rows, each in a fresh pwsh, and reports every step' -Skip:($PSEdition -ne 'Core') {
        $bench = Join-Path $PSScriptRoot '../WebexConnect.Benchmarks/Pwsh/ColdStartBench.ps1'
        $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'

        $report = & $bench -Repeat 1 -Rows 2 -Scenario sandbox -ModulePath $manifest -Json | ConvertFrom-Json

        foreach ($cell in 'sandbox1', 'sandbox2') {
            foreach ($field in 'importMs', 'connectMs', 'firstResultMs', 'sendMs', 'exitMs', 'processMs', 'importCpuMs', 'sendCpuMs') {
                $report."$cell.$field" | Should -BeGreaterThan 0 -Because "$cell.$field"
            }
        }
        $report.repeat | Should -Be 1
    }
}
