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

Describe 'A script that sends each row its own RCS card one call at a time' {
    BeforeAll {
        Connect-WebexConnect -Sandbox -Tps 1000
        $script:offers = Join-Path $TestDrive 'offers.csv'
        # Five offers among 25 customers: the rows of one offer share a card.
        1..25 | ForEach-Object {
            [pscustomobject]@{ Phone = '+4477009{0:d5}' -f (100 + $_); Title = "Offer $($_ % 5)"; ImageUrl = "https://files.example.com/offer-$($_ % 5).png" }
        } | Export-Csv $script:offers -NoTypeInformation
        # The loop a script kept from before -Card took a script block: a card built per row, sent one row per call.
        $script:cardLoop = Join-Path $TestDrive 'card-loop.ps1'
        Set-Content $script:cardLoop -Value @'
param($Csv)
foreach ($r in Import-Csv $Csv) {
    Send-ConnectRcs -To $r.Phone -From acme-app -Card (New-ConnectRcsCard -Title $r.Title -MediaUrl $r.ImageUrl)
}
'@
        $out = @(& $script:cardLoop -Csv $script:offers 3>&1)
        $script:loopResults = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $script:loopWarnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        # What each number was sent: its card's title and picture.
        $script:loopCards = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json } |
            ForEach-Object { '{0} {1} {2}' -f $_.to[0].msisdn[0], $_.content.richCard.title, $_.content.richCard.media.url })
    }

    It 'warns once that the rows go one request at a time, with the piped call whose script block makes each row''s card' {
        # Before: Send-ConnectRcs said nothing, as a row's own card could once be made only in such a loop.
        $script:loopResults.Count | Should -Be 25
        $script:loopWarnings.Count | Should -Be 1
        $message = $script:loopWarnings[0].Message
        $message | Should -BeLike "Send-ConnectRcs was called 20 times in a row from $($script:cardLoop), line 3, each time for one row given on the command line:*"
        $message | Should -BeLike '*Import-Csv ./offers.csv | Send-ConnectRcs -From acme-app -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl } (about_WebexConnect*'
    }

    It 'sends, with the piped call it shows, each row the card the loop sent it, in one command with a result per row' {
        $message = $script:loopWarnings[0].Message
        $example = $message.Substring($message.IndexOf('Import-Csv ./offers.csv')) -replace ' \(about_WebexConnect.*$', ''
        Connect-WebexConnect -Sandbox -Tps 1000

        $piped = @(& ([scriptblock]::Create(($example -replace '\./offers\.csv', "'$($script:offers)'"))) -WarningVariable pipedWarnings)

        $piped.Row | Should -Be (1..25)
        $piped.Status | Sort-Object -Unique | Should -Be 'Queued'
        @($pipedWarnings) | Should -BeNullOrEmpty
        $requests = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $requests.Count | Should -Be 5 -Because 'the rows of one card go in one request, not one request each'
        $pipedCards = @($requests | ForEach-Object { $body = $_; $body.to.msisdn | ForEach-Object { '{0} {1} {2}' -f $_, $body.content.richCard.title, $body.content.richCard.media.url } })
        ($pipedCards | Sort-Object) | Should -Be ($script:loopCards | Sort-Object)
    }

    It 'says nothing for a loop that gives each row its -CarrierId, which no column gives' {
        $carrierLoop = Join-Path $TestDrive 'carrier-loop.ps1'
        Set-Content $carrierLoop -Value @'
param($Csv)
foreach ($r in Import-Csv $Csv) {
    Send-ConnectRcs -To $r.Phone -From acme-app -Text $r.Title -CarrierId "carrier-$($r.Title.Length)"
}
'@
        $out = @(& $carrierLoop -Csv $script:offers 3>&1)
        @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 25
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
    }
}
