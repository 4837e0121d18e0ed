#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# A script moved from an Invoke-RestMethod loop keeps its loop: foreach ($r in Import-Csv c.csv) { Send-ConnectSms -To $r.Phone ... }.
# It works, one request per row, waiting for each answer: the rows go one at a time instead of batched at the tenant's TPS,
# and every result says Row 1. Before, nothing said so; now one warning, once per place in the script, says to pipe the rows.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    $script:csv = Join-Path $TestDrive 'c.csv'
    1..25 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_; Message = "Hello $_" } } |
        Export-Csv $script:csv -NoTypeInformation
}

AfterAll { Connect-WebexConnect -Sandbox -Tps 1000 }

Describe 'A script that sends its CSV one row per call' {
    BeforeAll {
        Connect-WebexConnect -Sandbox -Tps 1000
        # A script file of its own, as the admin's is: the warning names its path and line.
        $script:loop = Join-Path $TestDrive 'old-loop.ps1'
        Set-Content $script:loop -Value @'
param($Csv)
foreach ($r in Import-Csv $Csv) {
    Send-ConnectSms -To $r.Phone -Text $r.Message -From ACME
}
'@
        $out = @(& $script:loop -Csv $script:csv 3>&1)
        $script:results = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $script:warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
    }

    It 'still sends every row once, each with its result' {
        $script:results.Count | Should -Be 25
        $script:results.Status | Sort-Object -Unique | Should -Be 'Queued'
        ($script:results.Destination | Sort-Object -Unique).Count | Should -Be 25
    }

    It 'warns once, naming the script and line, that the rows go one request at a time, and shows the piped call' {
        $script:warnings.Count | Should -Be 1
        $message = $script:warnings[0].Message
        $message | Should -BeLike "Send-ConnectSms was called 20 times in a row from $($script:loop), line 3, each time for one row given on the command line:*"
        $message | Should -BeLike '*the rows go one at a time, not up to 1000 a request at the session''s TPS, and every result says Row 1.*'
        $message | Should -BeLike '*Import-Csv ./people.csv | Send-ConnectSms -From ACME -Text ''Hi $(Name)''*'
    }

    It 'says nothing when the same rows are piped into one call' {
        $results = @(Import-Csv $script:csv | Send-ConnectSms -Text '$(Message)' -From ACME -WarningVariable piped -WarningAction SilentlyContinue)
        $results.Count | Should -Be 25
        $results.Row | Should -Be (1..25)
        @($piped).Count | Should -Be 0
    }

    It 'says nothing for a few one-row calls, such as alerts sent one by one' {
        $few = Join-Path $TestDrive 'alerts.ps1'
        Set-Content $few -Value @'
foreach ($text in 'Disk full', 'Backup failed', 'Service down') {
    Send-ConnectEmail -To oncall@example.com -From alerts@example.com -Subject $text -Text $text
}
'@
        $out = @(& $few 3>&1)
        ($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be 'Queued', 'Queued', 'Queued'
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
    }
}
