#Requires -Version 7.0
# docs/examples/Send-NightlySms.ps1 the way Task Scheduler runs it: a pwsh process of its own, killed part-way (the
# task's time limit, a reboot), then run again the same day. The report is what the admin reads the next morning.

BeforeAll {
    $script:Manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    $script:Example = Join-Path $PSScriptRoot '../../docs/examples/Send-NightlySms.ps1'

    # A new pwsh of this host's kind (also when it runs as "dotnet pwsh.dll") running the example against the sandbox.
    function script:Start-NightlyRun([string] $Csv, [string] $ReportFolder) {
        $pwsh = [Environment]::ProcessPath
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        $command = "Import-Module '$script:Manifest'; & '$script:Example' -Sandbox -Path '$Csv' -ReportFolder '$ReportFolder'"
        foreach ($arg in '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($arg) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        [System.Diagnostics.Process]::Start($start)
    }
}

Describe 'The nightly example, killed part-way and run again' {
    It 'ends with a report of whole lines, every row in it, and no row Queued twice' {
        $csv = Join-Path $TestDrive 'night.csv'
        $reports = Join-Path $TestDrive 'reports'
        1..600 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $_; Name = "P$_"; Order = "O$_" } } |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $report = Join-Path $reports ('sms-{0:yyyy-MM-dd}.csv' -f (Get-Date))

        # The sandbox takes 100 a second, so 600 rows last about 6 s: kill once some results are in the report.
        $first = Start-NightlyRun $csv $reports
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $first.HasExited -and [DateTime]::UtcNow -lt $deadline -and
               -not ((Test-Path -LiteralPath $report) -and (Get-Item -LiteralPath $report).Length -gt 8KB)) {
            Start-Sleep -Milliseconds 20
        }
        $first.HasExited | Should -BeFalse -Because 'the first run is killed before it is done'
        $first.Kill($true)
        $first.WaitForExit()
        $killedAt = (Get-Item -LiteralPath $report).Length

        $second = Start-NightlyRun $csv $reports
        # Both pipes at once: a full one that nobody reads would stop the run.
        $errors = $second.StandardError.ReadToEndAsync()
        $said = $second.StandardOutput.ReadToEnd() + $errors.GetAwaiter().GetResult()
        $second.WaitForExit(120000) | Should -BeTrue
        $said | Should -Match 'Report: '

        $lines = @(Get-Content -LiteralPath $report)
        $lines[0] | Should -Be '"SubmittedAt","Destination","CorrelationId","Status","Code","Reason","MessageId","Parts"'
        # Eight fields, each empty or quoted: a first result appended to the killed run's half line would not be.
        $field = '("([^"]|"")*")?'
        $torn = @($lines | Select-Object -Skip 1 | Where-Object { $_ -notmatch "^$field(,$field){7}$" })
        $torn | Should -BeNullOrEmpty -Because "the killed run stopped the report mid-line at byte $killedAt"

        $results = @(Import-Csv -LiteralPath $report)
        ($results.Destination | Sort-Object -Unique).Count | Should -Be 600 -Because 'every row has a result in the report'
        @($results | Where-Object Status -notin 'Queued', 'Skipped', 'Unknown') | Should -BeNullOrEmpty
        $twice = @($results | Where-Object Status -eq 'Queued' | Group-Object Destination | Where-Object Count -gt 1)
        $twice | Should -BeNullOrEmpty -Because 'the journal keeps the second run from sending what the first sent'
        @($results | Where-Object Status -eq 'Skipped').Count | Should -BeGreaterThan 0 -Because 'the first run sent some rows'
    }
}
