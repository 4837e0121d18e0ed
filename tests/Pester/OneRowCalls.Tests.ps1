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

# A loop of one-row calls collects one result per row. A row whose own value the command refused before anything was read
# (an empty Message cell as -Text, a file's name, a card New-ConnectRcsCard could not make) stopped that call with
# "It is the same for every row ... run the command again" and no result: the loop's report silently lacked that row.
Describe 'A loop of one-row calls over a CSV with one bad row' {
    BeforeAll {
        # Runs $Body (the loop's statement, $u the row) over the rows of $Rows as the admin's script file does, collecting
        # the results and the errors; returns both and what the sandbox received.
        function script:Invoke-RowLoop([object[]] $Rows, [string] $Body, [switch] $InTry) {
            Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
            $csv = Join-Path $TestDrive 'rows.csv'
            $Rows | Export-Csv $csv -NoTypeInformation
            $file = Join-Path $TestDrive 'loop.ps1'
            # As a script run by Task Scheduler: PowerShell's default preference (Pester's is Stop), and with -InTry a catch
            # that keeps the stop (a try block also stops at the CommandNotFound of "$(Name)", so not always).
            $loop = "foreach (`$u in Import-Csv `$Csv) { `$results += $Body -WarningAction SilentlyContinue }"
            if ($InTry) { $loop = "try { $loop } catch { `$_ }" }
            Set-Content $file -Value (("param(`$Csv)", "`$ErrorActionPreference = 'Continue'", "`$results = @()", $loop, "`$results") -join "`n")
            $out = @(& $file -Csv $csv 2>&1)
            [pscustomobject]@{
                Results  = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
                Errors   = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                Requests = @(Get-ConnectSandboxRequest).Count
            }
        }
    }

    It '<Name>: every row has its result, the bad row Invalid with Code <Code>, the others sent' -ForEach @(
        @{ Name = 'SMS, an empty Message'; Code = 'InvalidParameterValue'; Field = 'Text'
           Rows = @(@{ Phone = '+447700900001'; Message = 'Hi' }, @{ Phone = '+447700900002'; Message = '' }, @{ Phone = '+447700900003'; Message = 'Hi' })
           Body = 'Send-ConnectSms -To $u.Phone -Text $u.Message -From Helpdesk' }
        @{ Name = 'SMS, a Message of spaces'; Code = 'InvalidParameterValue'; Field = 'Text'
           Rows = @(@{ Phone = '+447700900001'; Message = 'Hi' }, @{ Phone = '+447700900002'; Message = '   ' }, @{ Phone = '+447700900003'; Message = 'Hi' })
           Body = 'Send-ConnectSms -To $u.Phone -Text $u.Message -From Helpdesk' }
        @{ Name = 'SMS, a Message that is a file name'; Code = 'InvalidParameterValue'; Field = 'Text'
           Rows = @(@{ Phone = '+447700900001'; Message = 'Hi' }, @{ Phone = '+447700900002'; Message = 'reminder.txt' }, @{ Phone = '+447700900003'; Message = 'Hi' })
           Body = 'Send-ConnectSms -To $u.Phone -Text $u.Message -From Helpdesk' }
        @{ Name = 'SMS, no Message property ($null)'; Code = 'InvalidParameterValue'; Field = 'Text'
           Rows = @(@{ Phone = '+447700900001'; Message = 'Hi' }, @{ Phone = '+447700900002'; Message = 'x' }, @{ Phone = '+447700900003'; Message = 'Hi' })
           Body = 'Send-ConnectSms -To $u.Phone -Text $(if ($u.Phone -ne ''+447700900002'') { $u.Message }) -From Helpdesk' }
        @{ Name = 'SMS, a When cell that is no time as -SendAt'; Code = 'ParameterArgumentTransformationError'; Field = 'SendAt'
           Rows = @(@{ Phone = '+447700900001'; When = '' }, @{ Phone = '+447700900002'; When = 'next tuesday' }, @{ Phone = '+447700900003'; When = '' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -SendAt $u.When -From Helpdesk' }
        @{ Name = 'email, an empty Subject'; Code = 'InvalidParameterValue'; Field = 'Subject'
           Rows = @(@{ Email = 'a@example.com'; Subject = 'S' }, @{ Email = 'b@example.com'; Subject = '' }, @{ Email = 'c@example.com'; Subject = 'S' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject $u.Subject -Text Body -From desk@example.com' }
        @{ Name = 'email, an Html that is a file name'; Code = 'InvalidParameterValue'; Field = 'Html'
           Rows = @(@{ Email = 'a@example.com'; Html = '<p>Hi</p>' }, @{ Email = 'b@example.com'; Html = './news.html' }, @{ Email = 'c@example.com'; Html = '<p>Hi</p>' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Html $u.Html -From desk@example.com' }
        @{ Name = 'RCS, an empty FallbackText'; Code = 'InvalidParameterValue'; Field = 'FallbackText'
           Rows = @(@{ Phone = '+447700900001'; Sms = 'Hi' }, @{ Phone = '+447700900002'; Sms = '' }, @{ Phone = '+447700900003'; Sms = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -SmsFallback -FallbackSenderId Desk -FallbackText $u.Sms -From app-1' }
        @{ Name = 'RCS, a card whose Title is spaces'; Code = 'InvalidParameterValue'; Field = 'Card.Title'
           Rows = @(@{ Phone = '+447700900001'; Title = 'Hi' }, @{ Phone = '+447700900002'; Title = '  ' }, @{ Phone = '+447700900003'; Title = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card ([WebexConnect.Messages.RcsCard]@{ Title = $u.Title }) -From app-1' }
        @{ Name = 'RCS, a card New-ConnectRcsCard could not make ($null)'; Code = 'InvalidParameterValue'; Field = 'Card'
           Rows = @(@{ Phone = '+447700900001'; Title = 'Hi' }, @{ Phone = '+447700900002'; Title = '' }, @{ Phone = '+447700900003'; Title = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title $u.Title -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a carousel of no card ($null)'; Code = 'InvalidParameterValue'; Field = 'Carousel'
           Rows = @(@{ Phone = '+447700900001'; Title = 'Hi' }, @{ Phone = '+447700900002'; Title = '' }, @{ Phone = '+447700900003'; Title = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Carousel $(if ($u.Title) { New-ConnectRcsCard -Title $u.Title; New-ConnectRcsCard -Title Two }) -From app-1' }
        @{ Name = 'RCS, a carousel with a card New-ConnectRcsCard could not make'; Code = 'InvalidParameterValue'; Field = 'Carousel`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Title = 'Hi' }, @{ Phone = '+447700900002'; Title = '' }, @{ Phone = '+447700900003'; Title = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Carousel (New-ConnectRcsCard -Title $u.Title -ErrorAction SilentlyContinue), (New-ConnectRcsCard -Title Two) -From app-1' }
        @{ Name = 'RCS, a chip New-ConnectRcsSuggestion could not make ($null)'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Label = 'Yes' }, @{ Phone = '+447700900002'; Label = 'Yes, book me in for Friday' }, @{ Phone = '+447700900003'; Label = 'Yes' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion $u.Label -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a $null among the chips'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[1`]'
           Rows = @(@{ Phone = '+447700900001'; Label = 'Yes' }, @{ Phone = '+447700900002'; Label = '' }, @{ Phone = '+447700900003'; Label = 'Yes' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion No), $(if ($u.Label) { New-ConnectRcsSuggestion $u.Label }) -From app-1' }
        @{ Name = 'RCS, a card whose Height cell names no height'; Code = 'InvalidParameterValue'; Field = 'Card'
           Rows = @(@{ Phone = '+447700900001'; Height = 'Short' }, @{ Phone = '+447700900002'; Height = 'Large' }, @{ Phone = '+447700900003'; Height = 'Tall' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title Hi -MediaUrl https://cdn.example.com/a.png -MediaHeight $u.Height -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a card whose Layout cell names no orientation'; Code = 'InvalidParameterValue'; Field = 'Card'
           Rows = @(@{ Phone = '+447700900001'; Layout = 'Vertical' }, @{ Phone = '+447700900002'; Layout = 'Diagonal' }, @{ Phone = '+447700900003'; Layout = '' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title Hi -Orientation $u.Layout -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a Width cell that names no carousel width'; Code = 'InvalidParameterValue'; Field = 'CarouselWidth'
           Rows = @(@{ Phone = '+447700900001'; Width = 'Small' }, @{ Phone = '+447700900002'; Width = 'Huge' }, @{ Phone = '+447700900003'; Width = 'medium' })
           Body = 'Send-ConnectRcs -To $u.Phone -Carousel (New-ConnectRcsCard -Title One), (New-ConnectRcsCard -Title Two) -CarouselWidth $u.Width -From app-1' }
        @{ Name = 'RCS, an empty Event cell as -AgentEvent'; Code = 'InvalidParameterValue'; Field = 'AgentEvent'
           Rows = @(@{ Phone = '+447700900001'; Event = 'IsTyping' }, @{ Phone = '+447700900002'; Event = '' }, @{ Phone = '+447700900003'; Event = 'IsTyping' })
           Body = 'Send-ConnectRcs -To $u.Phone -AgentEvent $u.Event -From app-1' }
        @{ Name = 'RCS, a card whose chip New-ConnectRcsSuggestion could not make'; Code = 'InvalidParameterValue'; Field = 'Card'
           Rows = @(@{ Phone = '+447700900001'; Label = 'Yes' }, @{ Phone = '+447700900002'; Label = 'Yes, book me in for Friday' }, @{ Phone = '+447700900003'; Label = 'Yes' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title Hi -Suggestion (New-ConnectRcsSuggestion $u.Label -ErrorAction SilentlyContinue) -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a card given an Answer cell as its chip'; Code = 'InvalidParameterValue'; Field = 'Card'
           Rows = @(@{ Phone = '+447700900001'; Answer = 'Yes' }, @{ Phone = '+447700900002'; Answer = 'Maybe' }, @{ Phone = '+447700900003'; Answer = 'No' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title Hi -Suggestion $(if ($u.Answer -ne ''Maybe'') { New-ConnectRcsSuggestion $u.Answer } else { $u.Answer }) -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a chip whose Label cell is empty'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Label = 'Yes' }, @{ Phone = '+447700900002'; Label = '' }, @{ Phone = '+447700900003'; Label = 'Yes' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion $u.Label -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a calendar chip whose End cell is before its Start'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; End = '2030-01-01T11:00Z' }, @{ Phone = '+447700900002'; End = '2030-01-01T09:00Z' }, @{ Phone = '+447700900003'; End = '2030-01-01T12:00Z' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion Save -StartTime 2030-01-01T10:00Z -EndTime $u.End -Title Visit -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a map chip whose Lat cell is out of range'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Lat = '51.5' }, @{ Phone = '+447700900002'; Lat = '151.5' }, @{ Phone = '+447700900003'; Lat = '-33.9' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion Map -Latitude $u.Lat -Longitude 0 -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a map chip whose Lat cell is no number'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Lat = '51.5' }, @{ Phone = '+447700900002'; Lat = 'north' }, @{ Phone = '+447700900003'; Lat = '-33.9' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion Map -Latitude $u.Lat -Longitude 0 -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a link chip whose Link cell is empty'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[0`]'
           Rows = @(@{ Phone = '+447700900001'; Link = 'https://example.com/a' }, @{ Phone = '+447700900002'; Link = '' }, @{ Phone = '+447700900003'; Link = 'https://example.com/c' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion Open -Url $u.Link -ErrorAction SilentlyContinue) -From app-1' }
        @{ Name = 'RCS, a chip label $(Label) whose value is empty'; Code = 'InvalidInput'; Field = 'Suggestion`[0`].DisplayText'
           Rows = @(@{ Phone = '+447700900001'; Label = 'Yes' }, @{ Phone = '+447700900002'; Label = '' }, @{ Phone = '+447700900003'; Label = 'Yes' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion ''$(Label)'') -Substitution @{ Label = $u.Label } -From app-1' }
        @{ Name = 'RCS, a card title $(Title) whose value is empty'; Code = 'InvalidInput'; Field = 'Card.Title'
           Rows = @(@{ Phone = '+447700900001'; Title = 'Sale' }, @{ Phone = '+447700900002'; Title = ' ' }, @{ Phone = '+447700900003'; Title = 'Sale' })
           Body = 'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title ''$(Title)'' -Description Today) -Substitution @{ Title = $u.Title } -From app-1' }
        @{ Name = 'RCS, a -FallbackText whose $(Sms) is an empty cell'; Code = 'InvalidInput'; Field = 'FallbackText'
           Rows = @(@{ Phone = '+447700900001'; Sms = 'Hi' }, @{ Phone = '+447700900002'; Sms = '' }, @{ Phone = '+447700900003'; Sms = 'Hi' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -SmsFallback -FallbackSenderId Desk -FallbackText ''$(Sms)'' -Substitution @{ Sms = $u.Sms } -From app-1' }
        # What PowerShell's binder refused before the command ran (a ParameterBindingException, no result for the row):
        @{ Name = 'SMS, a When cell of Unix milliseconds read as a number for -SendAt'; Code = 'ParameterArgumentTransformationError'; Field = 'SendAt'
           Rows = @(@{ Phone = '+447700900001'; When = '' }, @{ Phone = '+447700900002'; When = '1796000000000' }, @{ Phone = '+447700900003'; When = '' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -SendAt $(if ($u.When) { [long]$u.When }) -From Helpdesk' }
        @{ Name = 'SMS, an Expiry cell that is no time as -ExpireAt'; Code = 'CannotConvertArgumentNoMessage'; Field = 'ExpireAt'
           Rows = @(@{ Phone = '+447700900001'; Expiry = '2h' }, @{ Phone = '+447700900002'; Expiry = 'next tuesday' }, @{ Phone = '+447700900003'; Expiry = '2h' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -ExpireAt $(if ($u.Expiry -eq ''2h'') { [datetimeoffset]::UtcNow.AddHours(2) } else { $u.Expiry }) -From Helpdesk' }
        @{ Name = 'SMS, an Expiry cell of Unix milliseconds as -ExpireAt'; Code = 'ParameterArgumentTransformationError'; Field = 'ExpireAt'
           Rows = @(@{ Phone = '+447700900001'; Expiry = '2h' }, @{ Phone = '+447700900002'; Expiry = '1796000000000' }, @{ Phone = '+447700900003'; Expiry = '2h' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -ExpireAt $(if ($u.Expiry -eq ''2h'') { [datetimeoffset]::UtcNow.AddHours(2) } else { [long]$u.Expiry }) -From Helpdesk' }
        @{ Name = 'SMS, a Validity cell that is no duration'; Code = 'ParameterArgumentTransformationError'; Field = 'Validity'
           Rows = @(@{ Phone = '+447700900001'; Valid = '2h' }, @{ Phone = '+447700900002'; Valid = 'two days' }, @{ Phone = '+447700900003'; Valid = '2h' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -Validity $u.Valid -From Helpdesk' }
        @{ Name = 'SMS, a Validity cell over 72 hours'; Code = 'InvalidParameterValue'; Field = 'Validity'
           Rows = @(@{ Phone = '+447700900001'; Valid = '2h' }, @{ Phone = '+447700900002'; Valid = '4d' }, @{ Phone = '+447700900003'; Valid = '2h' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -Validity $u.Valid -From Helpdesk' }
        @{ Name = 'SMS, a -Substitution value that is $null'; Code = 'InvalidSubstitution'; Field = 'Substitution'
           Rows = @(@{ Phone = '+447700900001'; Name = 'Ann' }, @{ Phone = '+447700900002'; Name = '' }, @{ Phone = '+447700900003'; Name = 'Bo' })
           Body = 'Send-ConnectSms -To $u.Phone -Text ''Hi $(Name)'' -Substitution @{ Name = $(if ($u.Name) { $u.Name }) } -From Helpdesk' }
        @{ Name = 'email, an Attachment URL with no file name'; Code = 'InvalidAttachment'; Field = 'Attachment`[0`]'
           Rows = @(@{ Email = 'a@example.com'; File = 'https://files.example.com/a.pdf' }, @{ Email = 'b@example.com'; File = 'https://files.example.com/' },
               @{ Email = 'c@example.com'; File = 'https://files.example.com/c.pdf' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -Attachment $u.File -From desk@example.com' }
        @{ Name = 'WhatsApp, a Json cell that is no JSON as -Content'; Code = 'InvalidContent'; Field = 'Content'
           Rows = @(@{ Phone = '+447700900001'; Json = '{"type":"text","text":"Hi"}' }, @{ Phone = '+447700900002'; Json = '{"type": text' },
               @{ Phone = '+447700900003'; Json = '{"type":"text","text":"Hi"}' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content $u.Json -From wa-app-1' }
        @{ Name = 'WhatsApp, no content ($null) as -Content'; Code = 'ParameterArgumentValidationError'; Field = 'Content'
           Rows = @(@{ Phone = '+447700900001'; Json = '{"type":"text","text":"Hi"}' }, @{ Phone = '+447700900002'; Json = '' },
               @{ Phone = '+447700900003'; Json = '{"type":"text","text":"Hi"}' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content $(if ($u.Json) { $u.Json }) -From wa-app-1' }
        @{ Name = 'WhatsApp, an Options cell that is no JSON as -Option'; Code = 'InvalidOption'; Field = 'Option'
           Rows = @(@{ Phone = '+447700900001'; Options = '{}' }, @{ Phone = '+447700900002'; Options = '{x' }, @{ Phone = '+447700900003'; Options = '{}' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text''; text = ''Hi'' } -Option $u.Options -From wa-app-1' }
        # Round 23: what PowerShell's binder still refused (ValidateNotNullOrEmpty, ValidateNotNull, a conversion), and -NotifyUrl.
        @{ Name = 'SMS, an empty Sender cell as -From'; Code = 'ParameterArgumentValidationError'; Field = 'From'
           Rows = @(@{ Phone = '+447700900001'; Sender = 'Helpdesk' }, @{ Phone = '+447700900002'; Sender = '' }, @{ Phone = '+447700900003'; Sender = 'Helpdesk' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -From $u.Sender' }
        @{ Name = 'email, an empty Sender cell as -From'; Code = 'ParameterArgumentValidationError'; Field = 'From'
           Rows = @(@{ Email = 'a@example.com'; Sender = 'desk@example.com' }, @{ Email = 'b@example.com'; Sender = '' }, @{ Email = 'c@example.com'; Sender = 'desk@example.com' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -From $u.Sender' }
        @{ Name = 'RCS, no Sender property ($null) as -From'; Code = 'ParameterArgumentValidationError'; Field = 'From'
           Rows = @(@{ Phone = '+447700900001'; Sender = 'app-1' }, @{ Phone = '+447700900002'; Sender = 'x' }, @{ Phone = '+447700900003'; Sender = 'app-1' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -From $(if ($u.Phone -ne ''+447700900002'') { $u.Sender })' }
        @{ Name = 'SMS, an empty Template cell as -TemplateId'; Code = 'ParameterArgumentValidationError'; Field = 'TemplateId'
           Rows = @(@{ Phone = '+447700900001'; Template = 'tpl-1' }, @{ Phone = '+447700900002'; Template = '' }, @{ Phone = '+447700900003'; Template = 'tpl-1' })
           Body = 'Send-ConnectSms -To $u.Phone -TemplateId $u.Template -From Helpdesk' }
        @{ Name = 'SMS, a Hook cell that is no absolute URL as -NotifyUrl'; Code = 'InvalidParameterValue'; Field = 'NotifyUrl'
           Rows = @(@{ Phone = '+447700900001'; Hook = 'https://hooks.example.com/r' }, @{ Phone = '+447700900002'; Hook = 'hooks.example.com/r' },
               @{ Phone = '+447700900003'; Hook = 'https://hooks.example.com/r' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -NotifyUrl $u.Hook -From Helpdesk' }
        @{ Name = 'SMS, a Hook cell that is no URL at all as -NotifyUrl'; Code = 'CannotConvertArgumentNoMessage'; Field = 'NotifyUrl'
           Rows = @(@{ Phone = '+447700900001'; Hook = 'https://hooks.example.com/r' }, @{ Phone = '+447700900002'; Hook = 'https://hooks.example .com/r' },
               @{ Phone = '+447700900003'; Hook = 'https://hooks.example.com/r' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -NotifyUrl $u.Hook -From Helpdesk' }
        @{ Name = 'a message, an empty Channel cell as -Channel'; Code = 'ParameterArgumentValidationError'; Field = 'Channel'
           Rows = @(@{ Phone = '+447700900001'; Channel = 'whatsapp' }, @{ Phone = '+447700900002'; Channel = '' }, @{ Phone = '+447700900003'; Channel = 'whatsapp' })
           Body = 'Send-ConnectMessage -Channel $u.Channel -To $u.Phone -Content @{ type = ''text'' } -From wa-app-1' }
        @{ Name = 'WhatsApp, no -AdditionalProperty ($null)'; Code = 'ParameterArgumentValidationError'; Field = 'AdditionalProperty'
           Rows = @(@{ Phone = '+447700900001'; AppId = 'a1' }, @{ Phone = '+447700900002'; AppId = '' }, @{ Phone = '+447700900003'; AppId = 'a1' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text'' } -AdditionalProperty $(if ($u.AppId) { @{ appid = $u.AppId } }) -From wa-app-1' }
        @{ Name = 'SMS, -Substitution the row, whose Name the text uses is $null'; Code = 'InvalidSubstitution'; Field = 'Substitution'
           Rows = @(@{ Phone = '+447700900001'; Name = 'Ann' }, @{ Phone = '+447700900002'; Name = '' }, @{ Phone = '+447700900003'; Name = 'Bo' })
           Body = 'Send-ConnectSms -To $u.Phone -Text ''Hi $(Name)'' -Substitution $(if ($u.Name) { $u } else { [pscustomobject]@{ Name = $null } }) -From Helpdesk' }
        # Round 25: a ValidateSet's refusal and a switch given a cell, each of which ended the statement without a result.
        @{ Name = 'SMS, a Receipt cell that names no receipt as -RequestedReceipt'; Code = 'InvalidRequestedReceipt'; Field = 'RequestedReceipt'
           Rows = @(@{ Phone = '+447700900001'; Receipt = 'delivered' }, @{ Phone = '+447700900002'; Receipt = 'yes' }, @{ Phone = '+447700900003'; Receipt = '' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -RequestedReceipt $u.Receipt -From Helpdesk' }
        @{ Name = 'email, a Receipt cell that names no receipt as -RequestedReceipt'; Code = 'InvalidRequestedReceipt'; Field = 'RequestedReceipt'
           Rows = @(@{ Email = 'a@example.com'; Receipt = 'read' }, @{ Email = 'b@example.com'; Receipt = 'opened' }, @{ Email = 'c@example.com'; Receipt = 'not verified' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -RequestedReceipt $u.Receipt -From desk@example.com' }
        @{ Name = 'RCS, a Fallback cell of yes as -SmsFallback'; Code = 'InvalidParameterValue'; Field = 'SmsFallback'
           Rows = @(@{ Phone = '+447700900001'; Fallback = 'True' }, @{ Phone = '+447700900002'; Fallback = 'yes' }, @{ Phone = '+447700900003'; Fallback = '1' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -SmsFallback:$u.Fallback -FallbackSenderId Desk -FallbackText Hi -From app-1' }
        @{ Name = 'SMS, a Track cell of no as -TrackClicks'; Code = 'InvalidParameterValue'; Field = 'TrackClicks'
           Rows = @(@{ Phone = '+447700900001'; Track = 'False' }, @{ Phone = '+447700900002'; Track = 'no' }, @{ Phone = '+447700900003'; Track = '' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -TrackClicks:$u.Track -From Helpdesk' }
        @{ Name = 'email, an Opens cell of x as -TrackOpens'; Code = 'InvalidParameterValue'; Field = 'TrackOpens'
           Rows = @(@{ Email = 'a@example.com'; Opens = 'true' }, @{ Email = 'b@example.com'; Opens = 'x' }, @{ Email = 'c@example.com'; Opens = '0' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -TrackOpens:$u.Opens -From desk@example.com' }
        @{ Name = 'SMS, a Consent cell of yes as -CheckConsent'; Code = 'InvalidParameterValue'; Field = 'CheckConsent'
           Rows = @(@{ Phone = '+447700900001'; Consent = 'True' }, @{ Phone = '+447700900002'; Consent = 'yes' }, @{ Phone = '+447700900003'; Consent = 'True' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -ContactPolicyGroup G1 -CheckConsent:$u.Consent -From Helpdesk' }
        @{ Name = 'SMS, -Substitution the row, whose Name the text uses -SubstitutionColumn leaves out'; Code = 'InvalidInput'; Field = 'Text'
           Rows = @(@{ Phone = '+447700900001'; Name = 'Ann'; Shop = 'Leeds' }, @{ Phone = '+447700900002'; Name = 'Bo'; Shop = 'York' }, @{ Phone = '+447700900003'; Name = 'Cy'; Shop = 'Hull' })
           Body = 'Send-ConnectSms -To $u.Phone -Text $(if ($u.Name -eq ''Bo'') { ''Hi $(Name) of $(Shop)'' } else { ''Hi $(Shop)'' }) -Substitution $u -SubstitutionColumn Shop -From Helpdesk' }
        @{ Name = 'SMS, a Region cell no session is kept for, as -Session $sessions[$u.Region]'; Code = 'ParameterArgumentValidationError'; Field = 'Session'
           Rows = @(@{ Phone = '+447700900001'; Region = 'uk' }, @{ Phone = '+447700900002'; Region = 'fr' }, @{ Phone = '+447700900003'; Region = 'uk' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -Session (@{ uk = (Get-ConnectContext) })[$u.Region] -From Helpdesk' }
        @{ Name = 'SMS, an Encoding cell that names no encoding'; Code = 'InvalidParameterValue'; Field = 'Encoding'
           Rows = @(@{ Phone = '+447700900001'; Encoding = 'text' }, @{ Phone = '+447700900002'; Encoding = 'gsm' }, @{ Phone = '+447700900003'; Encoding = '' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -Encoding $u.Encoding -From Helpdesk' }
        @{ Name = 'SMS, -Substitution a text'; Code = 'CannotConvertArgumentNoMessage'; Field = 'Substitution'
           Rows = @(@{ Phone = '+447700900001'; Name = 'Ann' }, @{ Phone = '+447700900002'; Name = '' }, @{ Phone = '+447700900003'; Name = 'Bo' })
           Body = 'Send-ConnectSms -To $u.Phone -Text ''Hi $(Name)'' -Substitution $(if ($u.Name) { $u } else { ''Name='' }) -From Helpdesk' }
        # Round 27: values no column gives that a loop gives each call, whose stop ended the statement without a result.
        @{ Name = 'SMS, an empty Group cell as -ContactPolicyGroup'; Code = 'InvalidParameterValue'; Field = 'ContactPolicyGroup'
           Rows = @(@{ Phone = '+447700900001'; Group = 'G1' }, @{ Phone = '+447700900002'; Group = ' ' }, @{ Phone = '+447700900003'; Group = 'G2' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -ContactPolicyGroup $u.Group -CheckConsent -From Helpdesk' }
        @{ Name = 'email, an empty Group cell as -ContactPolicyGroup'; Code = 'InvalidParameterValue'; Field = 'ContactPolicyGroup'
           Rows = @(@{ Email = 'a@example.com'; Group = 'G1' }, @{ Email = 'b@example.com'; Group = ' ' }, @{ Email = 'c@example.com'; Group = 'G2' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -ContactPolicyGroup $u.Group -ApplyFrequencyCap -From desk@example.com' }
        @{ Name = 'RCS, an empty Group cell as -ContactPolicyGroup'; Code = 'InvalidParameterValue'; Field = 'ContactPolicyGroup'
           Rows = @(@{ Phone = '+447700900001'; Group = 'G1' }, @{ Phone = '+447700900002'; Group = ' ' }, @{ Phone = '+447700900003'; Group = 'G2' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -ContactPolicyGroup $u.Group -CheckConsent -From app-1' }
        @{ Name = 'a message, an empty Group cell as -ContactPolicyGroup'; Code = 'InvalidParameterValue'; Field = 'ContactPolicyGroup'
           Rows = @(@{ Phone = '+447700900001'; Group = 'G1' }, @{ Phone = '+447700900002'; Group = '' }, @{ Phone = '+447700900003'; Group = 'G2' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text'' } -ContactPolicyGroup $u.Group -ApplyFrequencyCap -From wa-app-1' }
        @{ Name = 'email, a Charset cell that names no character set as -Encoding'; Code = 'InvalidParameterValue'; Field = 'Encoding'
           Rows = @(@{ Email = 'a@example.com'; Charset = 'utf-8' }, @{ Email = 'b@example.com'; Charset = 'latin' }, @{ Email = 'c@example.com'; Charset = 'iso-8859-1' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -Encoding $u.Charset -From desk@example.com' }
        @{ Name = 'email, an Unsubscribe cell that is no URL as -ListUnsubscribeUrl'; Code = 'InvalidParameterValue'; Field = 'ListUnsubscribeUrl'
           Rows = @(@{ Email = 'a@example.com'; Unsub = 'https://example.com/u/1' }, @{ Email = 'b@example.com'; Unsub = 'x' }, @{ Email = 'c@example.com'; Unsub = 'https://example.com/u/3' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -ListUnsubscribeUrl $u.Unsub -From desk@example.com' }
        @{ Name = 'email, an Unsubscribe cell that is no address as -UnsubscribeEmailAddress'; Code = 'InvalidParameterValue'; Field = 'UnsubscribeEmailAddress'
           Rows = @(@{ Email = 'a@example.com'; Unsub = 'u1@example.com' }, @{ Email = 'b@example.com'; Unsub = 'x' }, @{ Email = 'c@example.com'; Unsub = 'u3@example.com' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -UnsubscribeEmailAddress $u.Unsub -From desk@example.com' }
        @{ Name = 'RCS, a Sender cell that is no SMS sender as -FallbackSenderId'; Code = 'InvalidParameterValue'; Field = 'FallbackSenderId'
           Rows = @(@{ Phone = '+447700900001'; Sender = 'Desk' }, @{ Phone = '+447700900002'; Sender = '+447700900009' }, @{ Phone = '+447700900003'; Sender = 'Desk' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -SmsFallback -FallbackSenderId $u.Sender -FallbackText Hi -From app-1' }
        @{ Name = 'RCS, an Image cell that is a file path as -MediaUrl'; Code = 'InvalidParameterValue'; Field = 'MediaUrl'
           Rows = @(@{ Phone = '+447700900001'; Image = 'https://example.com/1.png' }, @{ Phone = '+447700900002'; Image = 'C:\pics\2.png' }, @{ Phone = '+447700900003'; Image = 'https://example.com/3.png' })
           Body = 'Send-ConnectRcs -To $u.Phone -MediaUrl $u.Image -From app-1' }
        # Round 32: a -Session that is no session (the row's Tenant text, an empty cell), which PowerShell could not convert.
        @{ Name = 'SMS, a Region cell (the text, not its session) as -Session'; Code = 'CannotConvertArgumentNoMessage'; Field = 'Session'
           Rows = @(@{ Phone = '+447700900001'; Region = 'uk' }, @{ Phone = '+447700900002'; Region = 'fr' }, @{ Phone = '+447700900003'; Region = 'uk' })
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -Session $(if ($u.Region -eq ''uk'') { Get-ConnectContext } else { $u.Region }) -From Helpdesk' }
        @{ Name = 'email, an empty Region cell as -Session'; Code = 'ParameterArgumentValidationError'; Field = 'Session'
           Rows = @(@{ Email = 'a@example.com'; Region = 'uk' }, @{ Email = 'b@example.com'; Region = '' }, @{ Email = 'c@example.com'; Region = 'uk' })
           Body = 'Send-ConnectEmail -To $u.Email -Subject S -Text Body -Session $(if ($u.Region) { Get-ConnectContext } else { $u.Region }) -From desk@example.com' }
        @{ Name = 'RCS, a Region cell of a number as -Session'; Code = 'CannotConvertArgumentNoMessage'; Field = 'Session'
           Rows = @(@{ Phone = '+447700900001'; Region = 'uk' }, @{ Phone = '+447700900002'; Region = '7' }, @{ Phone = '+447700900003'; Region = 'uk' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Session $(if ($u.Region -eq ''uk'') { Get-ConnectContext } else { [int]$u.Region }) -From app-1' }
        @{ Name = 'a message, a Region cell (the text) as -Session'; Code = 'CannotConvertArgumentNoMessage'; Field = 'Session'
           Rows = @(@{ Phone = '+447700900001'; Region = 'uk' }, @{ Phone = '+447700900002'; Region = 'fr' }, @{ Phone = '+447700900003'; Region = 'uk' })
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text'' } -Session $(if ($u.Region -eq ''uk'') { Get-ConnectContext } else { $u.Region }) -From wa-app-1' }
        @{ Name = 'RCS, an Answer cell given as its chip'; Code = 'InvalidParameterValue'; Field = 'Suggestion`[1`]'
           Rows = @(@{ Phone = '+447700900001'; Answer = 'Yes' }, @{ Phone = '+447700900002'; Answer = 'Maybe' }, @{ Phone = '+447700900003'; Answer = 'No' })
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion Stop), $(if ($u.Answer -ne ''Maybe'') { New-ConnectRcsSuggestion $u.Answer } else { $u.Answer }) -From app-1' }
        # Round 30: Send-ConnectMessage's -Channel cell that names no channel whose destination key is known stopped the call.
        @{ Name = 'a message, a Channel cell the module does not know as -Channel'; Code = 'DestinationKeyRequired'; Field = 'Channel'
           Rows = @(@{ Phone = '+447700900001'; Channel = 'whatsapp' }, @{ Phone = '+447700900002'; Channel = 'whatsap' }, @{ Phone = '+447700900003'; Channel = 'WhatsApp' })
           Body = 'Send-ConnectMessage -Channel $u.Channel -To $u.Phone -Content @{ type = ''text'' } -From wa-app-1' }
    ) {
        $run = Invoke-RowLoop ($Rows | ForEach-Object { [pscustomobject]$_ }) $Body

        $run.Results.Count | Should -Be 3
        $run.Results.Row | Should -Be 1, 1, 1
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $bad = $run.Results[1]
        $bad.Code | Should -BeExactly $Code
        $bad.Reason | Should -BeLike "Row 1: $($Field): *"
        $bad.Reason | Should -Not -BeLike '*run the command again*'
        $bad.Reason | Should -Not -BeLike '*every row*'
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike "$Code,*"
        $run.Errors[0].Exception.Result | Should -Be $bad
        $run.Requests | Should -Be 2
    }

    It 'says what is wrong with the row''s <Parameter> and what a good one looks like, not that it is every row''s' -ForEach @(
        @{ Parameter = 'From'; Cell = ''; Reason = 'Row 1: From: it is empty (an empty cell of a CSV, say): give the sender: the SMS sender ID or short code, the email sender address or the RCS app ID'
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -From $u.Cell' }
        @{ Parameter = 'NotifyUrl'; Cell = 'hooks.example.com/r'; Reason = 'Row 1: NotifyUrl: ''hooks.example.com/r'' is not an absolute URL: use https://host/path'
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -NotifyUrl $u.Cell -From Helpdesk' }
        @{ Parameter = 'NotifyUrl'; Cell = 'https://hooks.example .com/r'; Reason = 'Row 1: NotifyUrl: ''https://hooks.example .com/r'' is no URL: give an https URL such as https://hooks.example.com/receipts, or leave -NotifyUrl out'
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -NotifyUrl $u.Cell -From Helpdesk' }
        @{ Parameter = 'ListUnsubscribeUrl'; Cell = 'x'; Reason = 'Row 1: ListUnsubscribeUrl: ''x'' is not an absolute URL: use https://host/path'
           Body = 'Send-ConnectEmail -To a@example.com -Subject S -Text B -ListUnsubscribeUrl $u.Cell -From d@example.com' }
        @{ Parameter = 'ContactPolicyGroup'; Cell = ' '; Reason = 'Row 1: ContactPolicyGroup: the contact policy group is required: give the group ID from Webex Connect'
           Body = 'Send-ConnectSms -To $u.Phone -Text Hi -ContactPolicyGroup $u.Cell -CheckConsent -From Helpdesk' }
        @{ Parameter = 'ContactPolicyGroup'; Cell = ' '; Reason = 'Row 1: ContactPolicyGroup: the contact policy group is required: give the group ID from Webex Connect'
           Body = 'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text'' } -ContactPolicyGroup $u.Cell -CheckConsent -From wa-app-1' }
        @{ Parameter = 'FallbackSenderId'; Cell = ' '; Reason = 'Row 1: FallbackSenderId: -SmsFallback needs -FallbackSenderId: the SMS sender ID used when the number cannot receive RCS'
           Body = 'Send-ConnectRcs -To $u.Phone -Text Hi -SmsFallback -FallbackSenderId $u.Cell -FallbackText Hi -From app-1' }
    ) {
        # Before: -NotifyUrl's stop said "It is the same for every row, so nothing was sent", of a loop's one row; -From '' was
        # PowerShell's "Cannot validate argument on parameter 'From'", and neither left the row a result.
        $run = Invoke-RowLoop @([pscustomobject]@{ Phone = '+447700900001'; Cell = $Cell }) $Body

        $run.Results.Status | Should -Be 'Invalid'
        $run.Results[0].Reason | Should -BeExactly $Reason
    }

    It 'says what a -Session that is no session was given and what to write: <Name>' -ForEach @(
        @{ Name = 'the Tenant text'; Session = 'fr'; Code = 'CannotConvertArgumentNoMessage'
           Reason = "Row 1: Session: the text 'fr' is no session: give the session object that Connect-WebexConnect -PassThru returned (keep them in a hashtable, @{ uk = (Connect-WebexConnect ... -PassThru) }, and give -Session `$sessions``[`$u.Region``]), or leave -Session out to send with the current session" }
        @{ Name = 'an empty cell'; Session = ''; Code = 'ParameterArgumentValidationError'
           Reason = "Row 1: Session: it is an empty cell (''), so the row has no session to be sent with: give a session that Connect-WebexConnect -PassThru returned (is the key of the lookup that gave it, such as `$u.Region, in the table?), or leave -Session out to send with the current session" }
        @{ Name = 'a hashtable of sessions, not one'; Session = @{ uk = 1 }; Code = 'CannotConvertArgumentNoMessage'; Reason = 'Row 1: Session: a hashtable is no session: give the session object*' }
    ) {
        # Before: PowerShell's binder refused it ("Cannot convert the "fr" value of type "System.String" to type
        # "WebexConnect.Results.ConnectSession""), and a loop's statement ended without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $result = Send-ConnectSms -To '+447700900001' -Text Hi -From Helpdesk -Session $Session -ErrorAction SilentlyContinue -ErrorVariable refused -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Code | Should -BeExactly $Code
        $result.Reason | Should -BeLike $Reason
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike "$Code,*"
        # The next call, given $null, says $null: not the earlier call's value.
        (Send-ConnectSms -To '+447700900002' -Text Hi -From Helpdesk -Session $null -ErrorAction SilentlyContinue -WarningAction SilentlyContinue).Reason |
            Should -BeLike 'Row 1: Session: it is $null, *'
        # Piped, the one stop before any row; a session still sends.
        { '+447700900003', '+447700900004' | Send-ConnectSms -Text Hi -From Helpdesk -Session $Session } |
            Should -Throw -ErrorId "$Code,*" -ExpectedMessage '-Session *'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        (Send-ConnectSms -To '+447700900005' -Text Hi -From Helpdesk -Session (Get-ConnectContext) -WarningAction SilentlyContinue).Status | Should -Be 'Queued'
    }

    It 'makes a text given to Send-ConnectRcs -Suggestion where a chip goes the one row''s Invalid result saying how to make the chip; piped, one stop' {
        # Before: PowerShell's binder refused it ("Cannot convert the "Maybe" value of type "System.String" to type
        # "WebexConnect.Messages.RcsSuggestion""), and a loop's statement ended without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $result = Send-ConnectRcs -To '+447700900001' -Text Hi -Suggestion 'Maybe' -From app-1 -ErrorAction SilentlyContinue -ErrorVariable refused -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeExactly "Row 1: Suggestion[0]: 'Maybe' is text, not a chip: make the chip with New-ConnectRcsSuggestion, as in -Suggestion (New-ConnectRcsSuggestion 'Maybe')"
        $refused.Count | Should -Be 1
        { '+447700900002', '+447700900003' | Send-ConnectRcs -Text Hi -Suggestion 'Maybe' -From app-1 } |
            Should -Throw -ExpectedMessage "*'Maybe' is text, not a chip*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # A chip not made beside it is still said as New-ConnectRcsSuggestion said it.
        $both = Send-ConnectRcs -To '+447700900004' -Text Hi -Suggestion 'Maybe', (New-ConnectRcsSuggestion '' -ErrorAction SilentlyContinue) -From app-1 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $both.Status | Should -Be 'Invalid'
        $both.Reason | Should -BeLike '*Suggestion`[0`]: ''Maybe'' is text, not a chip*'
        $both.Reason | Should -BeLike '*Suggestion`[1`]: the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: *'
    }

    It 'sends a loop''s row whose -RequestedReceipt or -Encoding is $null (a row without the column) as if it were left out' {
        # Before: -RequestedReceipt $null was refused by its ValidateSet, and Send-ConnectSms -Encoding $null by its setter
        # ("Cannot convert null to type SmsEncoding"): the statement ended without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $rows = [pscustomobject]@{ Phone = '+447700900001' }, [pscustomobject]@{ Phone = '+447700900002'; Receipt = 'DELIVERED'; Encoding = 'Unicode' }

        $results = foreach ($r in $rows) {
            Send-ConnectSms -To $r.Phone -Text Hi -From Helpdesk -RequestedReceipt $r.Receipt -Encoding $r.Encoding -WarningAction SilentlyContinue
        }
        $email = Send-ConnectEmail -To a@example.com -Subject S -Text Body -From desk@example.com -RequestedReceipt $null -WarningAction SilentlyContinue

        $results.Status | Should -Be 'Queued', 'Queued'
        $email.Status | Should -Be 'Queued'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.Count | Should -Be 3
        $sent[0].PSObject.Properties['requestedReceipts'] | Should -BeNullOrEmpty
        $sent[1].requestedReceipts | Should -Be 'DELIVERED'
        $sent[2].PSObject.Properties['requestedReceipts'] | Should -BeNullOrEmpty
    }

    It 'takes Send-ConnectMessage''s -DestinationKey or -ToProperty that is $null, empty or NULL as left out: the channel''s key, or the row''s DestinationKeyRequired' {
        # Before: their ValidateNotNullOrEmpty refused a loop's $keys[$u.Channel] that found none, or a row without the column,
        # before the command ran: the statement ended without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $keys = @{ push = 'deviceId' }
        $rows = @([pscustomobject]@{ Phone = '+447700900001'; Channel = 'whatsapp' }, [pscustomobject]@{ Phone = 'dev-2'; Channel = 'push' },
            [pscustomobject]@{ Phone = '+447700900003'; Channel = 'whatsapp'; Key = ''; Column = '' }, [pscustomobject]@{ Phone = 'dev-4'; Channel = 'messenger' })

        $results = foreach ($u in $rows) {
            $key = if ($u.PSObject.Properties['Key']) { $u.Key } else { $keys[$u.Channel] }
            Send-ConnectMessage -Channel $u.Channel -To $u.Phone -DestinationKey $key -ToProperty $u.Column -Content @{ type = 'text' } -From app-1 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        $results += Send-ConnectMessage -Channel whatsapp -To '+447700900005' -DestinationKey ([DBNull]::Value) -ToProperty ([DBNull]::Value) -Content @{ type = 'text' } -From app-1 -WarningAction SilentlyContinue

        $results.Status | Should -Be 'Queued', 'Queued', 'Queued', 'Invalid', 'Queued'
        $results[3].Code | Should -BeExactly 'DestinationKeyRequired'
        $results[3].Reason | Should -BeLike "Row 1: Channel: 'messenger' has no documented destination key: give -DestinationKey*"
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.Count | Should -Be 4
        $sent[0].to[0].msisdn | Should -Be '+447700900001'
        $sent[1].to[0].deviceId | Should -Be 'dev-2'
        $sent[2].to[0].msisdn | Should -Be '+447700900003'
        $sent[3].to[0].msisdn | Should -Be '+447700900005'
    }

    It 'fills each row''s $(name) variables from the row given as -Substitution, as a piped row''s columns do' {
        # Before: PowerShell refused the row ("Cannot convert value "@{Phone=...}" to type Hashtable") and no row was sent.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann '; Shop = 'Leeds' }, [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bo'; Shop = '' },
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy'; Shop = 'York' }) 'Send-ConnectSms -To $u.Phone -Text ''Hi $(Name) of $(Shop)'' -Substitution $u -From Helpdesk'

        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Queued'
        $run.Errors.Count | Should -Be 0
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        # Trimmed as a piped row's cell is, and an empty cell sent empty, as a piped row's.
        $sent | ForEach-Object { '{0}|{1}|{2}' -f $_.to[0].msisdn[0], $_.substitutions.Name, $_.substitutions.Shop } |
            Should -Be '+447700900001|Ann|Leeds', '+447700900002|Bo|', '+447700900003|Cy|York'
    }

    It 'sends only the properties of -Substitution $u that -SubstitutionColumn names, as a piped row''s columns' {
        # Before, the one-row call looked for the named columns in a piped row it did not have: "the row has no column named".
        $u = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Salary = '90000' }
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        (Send-ConnectSms -To $u.Phone -TemplateId T1 -Substitution $u -SubstitutionColumn name -From Helpdesk).Status | Should -Be 'Queued'
        $bad = Send-ConnectSms -To $u.Phone -TemplateId T1 -Substitution $u -SubstitutionColumn Nmae -From Helpdesk -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $bad.Status | Should -Be 'Invalid'
        $bad.Code | Should -Be 'InvalidSubstitution'
        $bad.Reason | Should -BeExactly "Row 1: SubstitutionColumn: -Substitution has no property named 'Nmae': check the spelling against the CSV header, or leave it out of -SubstitutionColumn"
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.Count | Should -Be 1
        $sent[0].substitutions.PSObject.Properties.Name | Should -Be 'Name'
    }

    It 'leaves out of -Substitution a row''s property the text does not use that has no one value, and fills it empty with -AllowMissingSubstitution' {
        # A short CSV line leaves a column $null; an object's list property holds no one value: neither matters unless used.
        $u = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Manager = $null; Groups = @('a', 'b') }
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        (Send-ConnectSms -To $u.Phone -Text 'Hi $(Name)' -Substitution $u -From Helpdesk).Status | Should -Be 'Queued'
        (Send-ConnectSms -To $u.Phone -Text 'Hi $(Manager)' -Substitution $u -From Helpdesk -AllowMissingSubstitution).Status | Should -Be 'Queued'
        $bad = Send-ConnectSms -To $u.Phone -Text 'Hi $(Groups)' -Substitution $u -From Helpdesk -ErrorAction SilentlyContinue
        $bad.Reason | Should -BeExactly "Row 1: Substitution: 'Groups' holds an array of 2 values, and -Text uses `$(Groups): give it one string, number, true/false or date"

        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.Count | Should -Be 2
        $sent[0].substitutions.PSObject.Properties.Name | Sort-Object | Should -Be 'Name', 'Phone'
        $sent[1].substitutions.Manager | Should -BeExactly ''
    }

    It 'reads an empty <Column> cell given as -<Column> as none, as a piped row''s empty cell is' -ForEach @(
        @{ Column = 'ExpireAt'; Value = '2030-01-01T00:00:00Z'; Field = 'expireAt' }
        @{ Column = 'Validity'; Value = '2h'; Field = 'validity' }
    ) {
        # Before: '' (what Import-Csv gives for an empty cell) was "not a time" / "not a duration", the row Invalid.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Expiry = $Value }, [pscustomobject]@{ Phone = '+447700900002'; Expiry = '' },
            [pscustomobject]@{ Phone = '+447700900003'; Expiry = ' ' }) "Send-ConnectSms -To `$u.Phone -Text Hi -$Column `$u.Expiry -From Helpdesk"

        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Queued'
        $run.Errors.Count | Should -Be 0
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        @($sent | Where-Object { $_.PSObject.Properties[$Field] }).Count | Should -Be 1
    }

    It 'keeps a result for the row whose card New-ConnectRcsCard refused in the same statement, its reason saying what was wrong' {
        # Before: New-ConnectRcsCard's stop ended the statement, Send-ConnectRcs with it: the loop's results had rows 1 and 3 only.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Title = 'Sale' }, [pscustomobject]@{ Phone = '+447700900002'; Title = '' },
            [pscustomobject]@{ Phone = '+447700900003'; Title = ('x' * 201) }, [pscustomobject]@{ Phone = '+447700900004'; Title = 'Sale' }) `
            'Send-ConnectRcs -To $u.Phone -Card (New-ConnectRcsCard -Title $u.Title) -From app-1'

        $run.Results.Destination | Should -Be '+447700900001', '+447700900002', '+447700900003', '+447700900004'
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly ('Row 1: Card: a card is required, and there is none ($null): New-ConnectRcsCard made none, as its ' +
            'error said: a card needs something to show: give -Title, -Description or -MediaUrl (empty or $null is the same as none)')
        $run.Results[2].Reason | Should -BeExactly ('Row 1: Card: a card is required, and there is none ($null): New-ConnectRcsCard made none, as its ' +
            'error said: -Title: The text has 201 characters: at most 200 are allowed. Shorten it')
        # Each bad row: New-ConnectRcsCard's own error, then its row's.
        ($run.Errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) |
            Should -Be 'EmptyRcsCard', 'InvalidParameterValue', 'RcsCardTextTooLong', 'InvalidParameterValue'
        $run.Requests | Should -Be 2
    }

    It 'names the card''s or chip''s problem in the row''s reason: the -MediaHeight and its values, both event times' {
        # Before: PowerShell's binder refused 'Large' and New-ConnectRcsSuggestion stopped at the event's times: each ended the
        # statement, and the loop's results had no result for those rows.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Height = 'Large'; End = '2030-01-01T11:00Z' }
            [pscustomobject]@{ Phone = '+447700900002'; Height = 'Short'; End = '2030-01-01T09:00Z' }
            [pscustomobject]@{ Phone = '+447700900003'; Height = 'Tall'; End = '2030-01-01T12:00Z' }) ('Send-ConnectRcs -To $u.Phone -From app-1 -Card (New-ConnectRcsCard ' +
            '-Title Sale -MediaUrl https://cdn.example.com/a.png -MediaHeight $u.Height -Suggestion (New-ConnectRcsSuggestion Save -StartTime 2030-01-01T10:00Z ' +
            '-EndTime $u.End -Title Visit))')

        $run.Results.Destination | Should -Be '+447700900001', '+447700900002', '+447700900003'
        $run.Results.Status | Should -Be 'Invalid', 'Invalid', 'Queued'
        $run.Results[0].Reason | Should -BeExactly ('Row 1: Card: a card is required, and there is none ($null): New-ConnectRcsCard made none, as its ' +
            'error said: -MediaHeight: ''Large'' is none of Short, Medium, Tall: give one of them, or leave -MediaHeight out for the service''s default')
        $run.Results[1].Reason | Should -BeExactly ('Row 1: Card: a card is required, and there is none ($null): New-ConnectRcsCard made none, as its ' +
            'error said: -Suggestion[0] is $null: New-ConnectRcsSuggestion made no chip, as its error said: -EndTime 2030-01-01 09:00:00Z must be ' +
            'after -StartTime 2030-01-01 10:00:00Z: the event must end after it starts. Correct one of the two')
        # Each bad row: the card's (or chip's and card's) own error, then its row's.
        ($run.Errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) |
            Should -Be 'InvalidRcsCardLayout', 'InvalidParameterValue', 'EndTimeBeforeStartTime', 'RcsCardSuggestionNotMade', 'InvalidParameterValue'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.Count | Should -Be 1
        $sent[0].to.msisdn | Should -Be '+447700900003'
        $sent[0].content.richCard.media.height | Should -Be 'TALL'
    }

    It 'makes a -CarouselWidth or -AgentEvent cell that names none of its values the row''s Invalid result; piped, one stop' {
        # Before: PowerShell's binder refused 'Huge' (CannotConvertArgumentNoMessage), which ended the statement: no result for the row.
        $cards = '(New-ConnectRcsCard -Title One), (New-ConnectRcsCard -Title Two)'
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Width = 'Small' }
            [pscustomobject]@{ Phone = '+447700900002'; Width = 'Huge' }
            [pscustomobject]@{ Phone = '+447700900003'; Width = ' medium ' }) ('Send-ConnectRcs -To $u.Phone -From app-1 -Carousel ' + $cards + ' -CarouselWidth $u.Width')

        $run.Results.Destination | Should -Be '+447700900001', '+447700900002', '+447700900003'
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Code | Should -Be 'InvalidParameterValue'
        $run.Results[1].Reason | Should -BeExactly 'Row 1: CarouselWidth: ''Huge'' is none of Small, Medium: give one of them, or leave -CarouselWidth out for Medium.'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.to.msisdn | Should -Be '+447700900001', '+447700900003'
        $sent.content.width | Should -Be 'SMALL', 'MEDIUM'

        $events = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Event = 'IsTyping' }
            [pscustomobject]@{ Phone = '+447700900002'; Event = 'Typing' }
            [pscustomobject]@{ Phone = '+447700900003'; Event = 'istyping' }) 'Send-ConnectRcs -To $u.Phone -From app-1 -AgentEvent $u.Event'
        $events.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $events.Results[1].Reason | Should -BeExactly 'Row 1: AgentEvent: ''Typing'' is none of IsTyping, Read: give one of them.'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.to.msisdn | Should -Be '+447700900001', '+447700900003'
        $sent.content.event | Should -Be 'IS_TYPING', 'IS_TYPING'

        # Piped, the value is every row's: one stop before anything is sent, naming the parameter, and Tab still offers the values.
        { '+447700900001', '+447700900002' | Send-ConnectRcs -From app-1 -Carousel (New-ConnectRcsCard -Title One), (New-ConnectRcsCard -Title Two) -CarouselWidth Huge } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-CarouselWidth: ''Huge'' is none of Small, Medium*'
        $line = 'Send-ConnectRcs -CarouselWidth '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'Medium', 'Small'
        $line = 'Send-ConnectRcs -AgentEvent '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'IsTyping', 'Read'
    }

    It 'reads a switch''s True, False, 1, 0 or empty cell as PowerShell reads $true and $false, and names any other in the row''s reason' {
        # Before: every text, 'True' too, was PowerShell's "Cannot convert 'System.String' to the type 'SwitchParameter'", which
        # ended the statement: the loop's row had no result. -TrackClicks and -TrackClicks:$false read as ever.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Track = 'True' }, [pscustomobject]@{ Phone = '+447700900002'; Track = ' false ' }
            [pscustomobject]@{ Phone = '+447700900003'; Track = '1' }, [pscustomobject]@{ Phone = '+447700900004'; Track = '0' }
            [pscustomobject]@{ Phone = '+447700900005'; Track = '' }, [pscustomobject]@{ Phone = '+447700900006'; Track = 'yes' }) 'Send-ConnectSms -To $u.Phone -Text Hi -TrackClicks:$u.Track -From Helpdesk'

        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Queued', 'Queued', 'Queued', 'Invalid'
        $run.Results[5].Reason | Should -BeExactly ("Row 1: TrackClicks: 'yes' is not True or False: write True or False in the cell (an empty cell is False), " +
            "or test the cell in the script: -TrackClicks:(`$u.Column -eq 'yes')")
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent | ForEach-Object { '{0}|{1}' -f $_.to[0].msisdn[0], [bool]$_.options.trackClicks } |
            Should -Be '+447700900001|True', '+447700900002|False', '+447700900003|True', '+447700900004|False', '+447700900005|False'

        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        (Send-ConnectSms -To '+447700900001' -Text Hi -From Helpdesk -TrackClicks).Status | Should -Be 'Queued'
        (Send-ConnectSms -To '+447700900002' -Text Hi -From Helpdesk -TrackClicks:$false).Status | Should -Be 'Queued'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        [bool]$sent[0].options.trackClicks | Should -BeTrue
        [bool]$sent[1].options.trackClicks | Should -BeFalse
    }

    It 'turns the SMS fallback on per row with -SmsFallback:($u.Fallback -eq ''yes''), sending the rows that say no without it' {
        # Before: a row that said no was -SmsFallback:$false with -FallbackSenderId and -FallbackText, which stopped the statement
        # ("given without SmsFallback ... the same for every row"): the documented form lost every such row.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Fallback = 'yes'; Sms = 'Hi 1' }, [pscustomobject]@{ Phone = '+447700900002'; Fallback = 'no'; Sms = 'Hi 2' }
            [pscustomobject]@{ Phone = '+447700900003'; Fallback = 'False'; Sms = 'Hi 3' }) ('Send-ConnectRcs -To $u.Phone -Text Hi -From app-1 ' +
                '-SmsFallback:($u.Fallback -eq ''yes'') -FallbackSenderId Desk -FallbackText $u.Sms')

        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Queued'
        $run.Errors.Count | Should -Be 0
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent | ForEach-Object { '{0}|{1}|{2}' -f $_.to[0].msisdn[0], [bool]$_.options.smsFallback, $_.options.text } |
            Should -Be '+447700900001|True|Hi 1', '+447700900002|False|', '+447700900003|False|'
        # Left out, -SmsFallback is still the missing switch: one stop, as before.
        { Send-ConnectRcs -To '+447700900001' -Text Hi -From app-1 -FallbackSenderId Desk -FallbackText Hi } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*was given without SmsFallback*'
    }

    It 'makes a -RequestedReceipt cell that names no receipt the row''s Invalid result; an empty one asks for none; Tab still offers them' {
        # Before: the ValidateSet refused 'yes' (ParameterArgumentValidationError), which ended the statement: no result for the row.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Receipt = ' Delivered ' }, [pscustomobject]@{ Phone = '+447700900002'; Receipt = 'yes' }
            [pscustomobject]@{ Phone = '+447700900003'; Receipt = '' }) 'Send-ConnectSms -To $u.Phone -Text Hi -RequestedReceipt $u.Receipt -From Helpdesk'

        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly "Row 1: RequestedReceipt: 'yes' is not an SMS receipt: give one of SUBMITTED, DELIVERED, FAILED, CLICKED, SENT, or leave -RequestedReceipt out"
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent[0].requestedReceipts | Should -Be 'DELIVERED'
        $sent[1].PSObject.Properties['requestedReceipts'] | Should -BeNullOrEmpty

        $line = 'Send-ConnectSms -RequestedReceipt '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'CLICKED', 'DELIVERED', 'FAILED', 'SENT', 'SUBMITTED'
    }

    It 'takes Send-ConnectMessage''s empty -RequestedReceipt and -SubstitutionColumn cell as the parameter left out, as the typed cmdlets do' {
        # Before: ValidateNotNullOrEmpty refused the empty cell ("Cannot validate argument on parameter 'RequestedReceipt'"),
        # which ended the statement: no result for the row, where Send-ConnectSms -RequestedReceipt '' asks for none.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann'; Receipt = ' delivered '; Columns = 'Name' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bo'; Receipt = ''; Columns = '' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy'; Receipt = ' '; Columns = ' ' }) (
            'Send-ConnectMessage -Channel whatsapp -To $u.Phone -Content @{ type = ''text''; text = ''Hi $(Name)'' } -Substitution $u ' +
            '-RequestedReceipt $u.Receipt -SubstitutionColumn $u.Columns -From wa-app-1')

        $run.Errors | Should -BeNullOrEmpty
        $run.Results.Status | Should -Be 'Queued', 'Queued', 'Queued'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent[0].requestedReceipts | Should -BeExactly 'delivered'
        $sent[1].PSObject.Properties['requestedReceipts'] | Should -BeNullOrEmpty
        $sent[2].PSObject.Properties['requestedReceipts'] | Should -BeNullOrEmpty
        $sent.substitutions.Name | Should -Be 'Ann', 'Bo', 'Cy'
        # -SubstitutionColumn Name sent only Name; an empty cell left it out, so every property went, as a piped row's columns.
        @($sent[0].substitutions.PSObject.Properties.Name) | Should -Be 'Name'
        @($sent[1].substitutions.PSObject.Properties.Name) | Should -Contain 'Receipt'
    }

    It 'says that -SubstitutionColumn left out the property of -Substitution $u that the text uses, not that the row has none' {
        # Before: "the row has no column and -Substitution no key named 'Name'", of a row whose CSV has a Name column.
        $u = [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $bad = Send-ConnectSms -To $u.Phone -Text 'Hi $(Name)' -Substitution $u -SubstitutionColumn Phone -From Helpdesk -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $bad.Reason | Should -BeExactly ("Row 1: Text: `$(Name) has no value: -Substitution's property 'Name' (the row's column) is not one -SubstitutionColumn " +
            "names, so it is not sent as a substitution. Add it to -SubstitutionColumn, or give -AllowMissingSubstitution to send it as written")
        (Send-ConnectSms -To $u.Phone -Text 'Hi $(Name)' -Substitution $u -SubstitutionColumn Phone -AllowMissingSubstitution -From Helpdesk).Status | Should -Be 'Queued'
        # Piped, the row's column is named likewise, as before.
        $piped = $u | Send-ConnectSms -Text 'Hi $(Name)' -SubstitutionColumn Phone -From Helpdesk -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $piped.Reason | Should -BeLike "Row 1: Text: `$(Name) has no value: the row's column 'Name' is not one -SubstitutionColumn names*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'makes a card given a text where its chip goes the row''s Invalid result, with New-ConnectRcsCard''s advice' {
        # Before: PowerShell's binder refused 'Maybe' as an RcsSuggestion, which ended the statement: no result for the row.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Answer = 'Yes' }
            [pscustomobject]@{ Phone = '+447700900002'; Answer = 'Maybe' }
            [pscustomobject]@{ Phone = '+447700900003'; Answer = 'No' }) ('Send-ConnectRcs -To $u.Phone -From app-1 -Card (New-ConnectRcsCard -Title Hi ' +
            '-Suggestion $(if ($u.Answer -eq ''Maybe'') { $u.Answer } else { New-ConnectRcsSuggestion $u.Answer }))')

        $run.Results.Destination | Should -Be '+447700900001', '+447700900002', '+447700900003'
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly ('Row 1: Card: a card is required, and there is none ($null): New-ConnectRcsCard made none, as its ' +
            'error said: -Suggestion[0]: ''Maybe'' is text, not a chip: make the chip with New-ConnectRcsSuggestion, as in ' +
            '-Suggestion (New-ConnectRcsSuggestion ''Maybe'')')
        ($run.Errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) | Should -Be 'RcsCardSuggestionNotMade', 'InvalidParameterValue'
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.to.msisdn | Should -Be '+447700900001', '+447700900003'
        $sent.content.richCard.suggestions.displayText | Should -Be 'Yes', 'No'
    }

    It 'names in each $null carousel card''s slot what New-ConnectRcsCard said of that card' {
        # Before: "Carousel[1]: the card is $null: if New-ConnectRcsCard wrote an error for it, ...", where -Card said its error's words.
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Height = 'Short' }
            [pscustomobject]@{ Phone = '+447700900002'; Height = 'Huge' }
            [pscustomobject]@{ Phone = '+447700900003'; Height = 'Medium' }) ('Send-ConnectRcs -To $u.Phone -From app-1 -Carousel (New-ConnectRcsCard -Title One), ' +
            '(New-ConnectRcsCard -Title Two -MediaUrl https://cdn.example.com/a.png -MediaHeight $u.Height -ErrorAction SilentlyContinue)')

        $run.Results.Destination | Should -Be '+447700900001', '+447700900002', '+447700900003'
        $run.Results.Status | Should -Be 'Queued', 'Invalid', 'Queued'
        $run.Results[1].Reason | Should -BeExactly ('Row 1: Carousel[1]: the card is $null: New-ConnectRcsCard made none, as its error said: ' +
            '-MediaHeight: ''Huge'' is none of Short, Medium, Tall: give one of them, or leave -MediaHeight out for the service''s default')
        $sent = @(Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json })
        $sent.to.msisdn | Should -Be '+447700900001', '+447700900003'
        $sent.content.cards[1].media.height, $sent.content.cards[3].media.height | Should -Be 'SHORT', 'MEDIUM'

        # Two cards not made: each slot its own card's words, in order.
        $result = Send-ConnectRcs -To '+447700900004' -From app-1 -Carousel (New-ConnectRcsCard -Title ('x' * 201) -ErrorAction SilentlyContinue),
            (New-ConnectRcsCard -Title Two -Orientation Diagonal -ErrorAction SilentlyContinue) -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $result.Reason | Should -BeLike ('Row 1: Carousel`[0`]: the card is $null: New-ConnectRcsCard made none, as its error said: -Title: *; ' +
            'Carousel`[1`]: the card is $null: New-ConnectRcsCard made none, as its error said: -Orientation: ''Diagonal'' is none of*')
    }

    It 'names the parameter the admin typed, -Carousel or -Suggestion, in a one-row call''s reason as a piped run''s stop does' {
        # Before: "Row 1: Cards: ..." and "Row 1: Suggestions[0]: ...", where the piped stop said -Carousel and -Suggestion[0].
        $run = Invoke-RowLoop @([pscustomobject]@{ Phone = '+447700900001' }) 'Send-ConnectRcs -To $u.Phone -From app-1 -Carousel (New-ConnectRcsCard -Title One)'
        $run.Results[0].Reason | Should -BeExactly 'Row 1: Carousel: a carousel has 1 card: use 2 to 10, or send a single card with -Card'
        $thrown = { [pscustomobject]@{ Phone = '+447700900001' } | Send-ConnectRcs -From app-1 -Carousel (New-ConnectRcsCard -Title One) } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '-Carousel: a carousel has 1 card: use 2 to 10, or send a single card with -Card. *'

        $run = Invoke-RowLoop @([pscustomobject]@{ Phone = '+447700900001' }) 'Send-ConnectRcs -To $u.Phone -From app-1 -Text Hi -Suggestion $null'
        $run.Results[0].Reason | Should -BeLike 'Row 1: Suggestion`[0`]: the suggestion is $null (*'
        $thrown = { [pscustomobject]@{ Phone = '+447700900001' } | Send-ConnectRcs -From app-1 -Text Hi -Suggestion $null } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '-Suggestion`[0`]: the suggestion is $null (*'
    }

    It 'gives each row of a loop whose text has a $(name) in double quotes its Invalid result, and sends none' {
        # In a runspace of its own: inside Pester's try, PowerShell stops at the CommandNotFound of $(Name) before the call.
        $csv = Join-Path $TestDrive 'names.csv'
        @([pscustomobject]@{ Phone = '+447700900001' }, [pscustomobject]@{ Phone = '+447700900002' }) | Export-Csv $csv -NoTypeInformation
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(("Import-Module '$(Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')'",
                'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null',
                "foreach (`$u in Import-Csv '$csv') { Send-ConnectSms -To `$u.Phone -Text ""Hi `$(Name)"" -From Helpdesk -WarningAction SilentlyContinue }",
                '"REQUESTS $(@(Get-ConnectSandboxRequest).Count)"') -join "`n")
            $out = @($ps.Invoke())
            $errors = @($ps.Streams.Error)
        } finally { $ps.Dispose() }
        $results = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })

        $results.Status | Should -Be 'Invalid', 'Invalid'
        $results.Code | Should -Be 'SubstitutionExpandedByPowerShell', 'SubstitutionExpandedByPowerShell'
        $results[0].Reason | Should -BeLike "Row 1: Text: PowerShell replaced `$(Name) before Send-ConnectSms saw it*-Substitution @{ Name = *"
        @($errors | Where-Object FullyQualifiedErrorId -like 'SubstitutionExpandedByPowerShell,*').Count | Should -Be 2
        $out[-1] | Should -Be 'REQUESTS 0'
    }

    It 'still stops at the bad row under -ErrorAction Stop, the rows before it sent' {
        $run = Invoke-RowLoop @(
            [pscustomobject]@{ Phone = '+447700900001'; Message = 'Hi' }, [pscustomobject]@{ Phone = '+447700900002'; Message = '' },
            [pscustomobject]@{ Phone = '+447700900003'; Message = 'Hi' }) `
            'Send-ConnectSms -To $u.Phone -Text $u.Message -From Helpdesk -ErrorAction Stop' -InTry

        $run.Results.Status | Should -Be 'Queued'
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
        $run.Requests | Should -Be 1
    }

    It 'still stops a piped run once, before anything is sent, for a -Text every row shares' {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        { '+447700900001', '+447700900002' | Send-ConnectSms -Text '' -From Helpdesk } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*It is the same for every row, so nothing was sent: correct -Text and run the command again.'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'still stops a piped run once, before anything is sent, for <Name> every row shares' -ForEach @(
        @{ Name = '-SendAt of Unix milliseconds'; ErrorId = 'ParameterArgumentTransformationError'; Said = "Cannot process argument transformation on parameter 'SendAt'. -SendAt 1796000000000 is not a Unix time in seconds (it looks like milliseconds*"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -SendAt 1796000000000 } }
        @{ Name = '-ExpireAt that is no time'; ErrorId = 'CannotConvertArgumentNoMessage'; Said = "Cannot bind parameter 'ExpireAt'. Cannot convert value `"next tuesday`" to type `"System.DateTimeOffset`"*"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -ExpireAt 'next tuesday' } }
        @{ Name = '-Validity that is no duration'; ErrorId = 'ParameterArgumentTransformationError'; Said = "Cannot process argument transformation on parameter 'Validity'. -Validity 'two days' is not a duration: write a duration such as*"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -Validity 'two days' } }
        @{ Name = '-Substitution with a $null value'; ErrorId = 'InvalidSubstitution'; Said = "-Substitution 'Name' is `$null: give it a value*"
           Call = { $input | Send-ConnectSms -Text 'Hi $(Name)' -From Helpdesk -Substitution @{ Name = $null } } }
        @{ Name = '-Content that is no JSON'; ErrorId = 'InvalidContent'; Said = '-Content is not valid JSON: *'
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content '{"type": text' } }
        @{ Name = '-Content $null'; ErrorId = 'ParameterArgumentValidationError'; Said = '-Content is $null: give the content object as a hashtable or a JSON string*'
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content $null } }
        @{ Name = '-Option $null'; ErrorId = 'ParameterArgumentValidationError'; Said = '-Option is $null: give the option object*'
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content @{ type = 'text' } -Option $null } }
        @{ Name = '-Attachment with no file name'; ErrorId = 'InvalidAttachment'; Said = "Attachment``[0``]: 'https://files.example.com/' does not end with a file name*"
           Call = { $input | Send-ConnectEmail -Subject S -Text Body -From desk@example.com -Attachment 'https://files.example.com/' } }
        @{ Name = '-From that is empty'; ErrorId = 'ParameterArgumentValidationError'; Said = '-From is empty: give the sender: *'
           Call = { $input | Send-ConnectSms -Text Hi -From '' } }
        @{ Name = '-TemplateId that is empty'; ErrorId = 'ParameterArgumentValidationError'; Said = '-TemplateId is empty: give the ID of a template*'
           Call = { $input | Send-ConnectSms -TemplateId '' -From Helpdesk } }
        @{ Name = '-NotifyUrl that is no absolute URL'; ErrorId = 'InvalidParameterValue'; Said = "-NotifyUrl: 'bad' is not an absolute URL: use https://host/path. It is the same for every row*"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -NotifyUrl 'bad' } }
        @{ Name = '-NotifyUrl that is no URL'; ErrorId = 'CannotConvertArgumentNoMessage'; Said = "-NotifyUrl: 'https://hooks.example .com/' is no URL: give an https URL such as*"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -NotifyUrl 'https://hooks.example .com/' } }
        @{ Name = '-Channel that is empty'; ErrorId = 'ParameterArgumentValidationError'; Said = '-Channel is empty: give the channel''s JSON name*'
           Call = { $input | Send-ConnectMessage -Channel '' -From wa-app-1 -Content @{ type = 'text' } } }
        @{ Name = '-AdditionalProperty $null'; ErrorId = 'ParameterArgumentValidationError'; Said = '-AdditionalProperty is $null: give the other members as a hashtable*'
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content @{ type = 'text' } -AdditionalProperty $null } }
        @{ Name = 'an -AdditionalProperty member that is a database''s NULL'; ErrorId = 'InvalidAdditionalProperty'; Said = "-AdditionalProperty: member 'appid' is a database's NULL (DBNull): give the cell a value, or leave the member out."
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content @{ type = 'text' } -AdditionalProperty @{ appid = [DBNull]::Value } } }
        @{ Name = 'a -Channel the module does not know'; ErrorId = 'DestinationKeyRequired'; Said = "-Channel 'whatsap' has no documented destination key: give -DestinationKey*"
           Call = { $input | Send-ConnectMessage -Channel whatsap -From wa-app-1 -Content @{ type = 'text' } } }
        @{ Name = '-Substitution a text'; ErrorId = 'CannotConvertArgumentNoMessage'; Said = "-Substitution is the text 'Name=Ann', which holds no `$(name) values: give a hashtable*"
           Call = { $input | Send-ConnectSms -Text 'Hi $(Name)' -From Helpdesk -Substitution 'Name=Ann' } }
        @{ Name = '-RequestedReceipt that names no receipt'; ErrorId = 'InvalidRequestedReceipt'; Said = "-RequestedReceipt 'yes' is not an SMS receipt. Use one of: SUBMITTED, DELIVERED, FAILED, CLICKED, SENT."
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -RequestedReceipt yes } }
        @{ Name = '-TrackClicks given a text that is not True or False'; ErrorId = 'InvalidParameterValue'; Said = "-TrackClicks: 'yes' is not True or False: *"
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -TrackClicks:'yes' } }
        @{ Name = '-Session $null'; ErrorId = 'ParameterArgumentValidationError'; Said = '-Session is $null: give a session that Connect-WebexConnect -PassThru returned*'
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -Session $null } }
        @{ Name = '-Encoding that names no encoding'; ErrorId = 'InvalidParameterValue'; Said = "-Encoding: 'gsm' is none of Auto, Text, Unicode: give one of them, or leave -Encoding out for Auto."
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -Encoding gsm } }
        @{ Name = '-Substitution an object whose used property is $null'; ErrorId = 'InvalidSubstitution'; Said = "-Substitution 'Name' is `$null (as Import-Csv gives*), and -Text uses `$(Name): fill it*"
           Call = { $input | Send-ConnectSms -Text 'Hi $(Name)' -From Helpdesk -Substitution ([pscustomobject]@{ Name = $null }) } }
        @{ Name = '-ContactPolicyGroup of spaces'; ErrorId = 'InvalidParameterValue'; Said = '-ContactPolicyGroup: the contact policy group is required: give the group ID from Webex Connect. It is the same for every row*'
           Call = { $input | Send-ConnectSms -Text Hi -From Helpdesk -ContactPolicyGroup ' ' -CheckConsent } }
        @{ Name = 'a message''s -ContactPolicyGroup of spaces'; ErrorId = 'InvalidParameterValue'; Said = '-ContactPolicyGroup: the contact policy group is required: give the group ID from Webex Connect. It is the same for every row*'
           Call = { $input | Send-ConnectMessage -Channel whatsapp -From wa-app-1 -Content @{ type = 'text' } -ContactPolicyGroup ' ' -CheckConsent } }
        @{ Name = 'an email -Encoding that names no character set'; ErrorId = 'InvalidParameterValue'; Said = "-Encoding: 'latin' is not a character set this module knows email by: *. It is the same for every row*"
           Call = { $input | Send-ConnectEmail -Subject S -Text Body -From desk@example.com -Encoding latin } }
        @{ Name = '-ListUnsubscribeUrl that is no absolute URL'; ErrorId = 'InvalidParameterValue'; Said = "-ListUnsubscribeUrl: 'x' is not an absolute URL: use https://host/path. It is the same for every row*"
           Call = { $input | Send-ConnectEmail -Subject S -Text Body -From desk@example.com -ListUnsubscribeUrl x } }
        @{ Name = '-UnsubscribeEmailAddress that is no address'; ErrorId = 'InvalidParameterValue'; Said = "-UnsubscribeEmailAddress: 'x' is not an email address*. It is the same for every row*"
           Call = { $input | Send-ConnectEmail -Subject S -Text Body -From desk@example.com -UnsubscribeEmailAddress x } }
        @{ Name = '-FallbackSenderId that is no SMS sender'; ErrorId = 'InvalidParameterValue'; Said = "-FallbackSenderId: '+447700900009' starts with +: *. It is the same for every row*"
           Call = { $input | Send-ConnectRcs -Text Hi -From app-1 -SmsFallback -FallbackSenderId '+447700900009' -FallbackText Hi } }
        @{ Name = 'an RCS -MediaUrl that is no absolute URL'; ErrorId = 'InvalidParameterValue'; Said = "-MediaUrl: 'x' is not an absolute URL: use https://host/path. It is the same for every row*"
           Call = { $input | Send-ConnectRcs -From app-1 -MediaUrl x } }
    ) {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $to = if ("$Call" -like '*Send-ConnectEmail*') { 'a@example.com', 'b@example.com' } else { '+447700900001', '+447700900002' }
        { $to | & $Call } | Should -Throw -ErrorId "$ErrorId,*" -ExpectedMessage $Said
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes <Name>, which PowerShell cannot make a time or a URL of, the one row''s Invalid result; piped, one stop' -ForEach @(
        @{ Name = '-SendAt a hashtable'; Given = @{ SendAt = @{ at = '09:00' } }; Field = 'SendAt'; Said = "Row 1: SendAt: 'System.Collections.Hashtable' is not a time: *" }
        @{ Name = '-NotifyUrl a [datetime] cell'; Given = @{ NotifyUrl = [datetime]'2030-01-01' }; Field = 'NotifyUrl'; Said = "Row 1: NotifyUrl: '01/01/2030 00:00:00' is no URL: give an https URL*" }
        @{ Name = '-NotifyUrl a hashtable'; Given = @{ NotifyUrl = @{ url = 'https://hooks.example.com/r' } }; Field = 'NotifyUrl'; Said = "Row 1: NotifyUrl: 'System.Collections.Hashtable' is no URL: *" }
    ) {
        # Before: PowerShell's binder refused the value ("Cannot convert ... to type System.DateTimeOffset / System.Uri"), and a
        # loop's statement ended without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $sms = Send-ConnectSms -To '+447700900001' -Text Hi -From Helpdesk @Given -ErrorAction SilentlyContinue -ErrorVariable refused -WarningAction SilentlyContinue
        $message = Send-ConnectMessage -Channel whatsapp -To '+447700900002' -Content @{ type = 'text' } -From wa-app-1 @Given -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        foreach ($one in $sms, $message) {
            $one.Status | Should -Be 'Invalid'
            $one.Code | Should -BeExactly 'CannotConvertArgumentNoMessage'
            $one.Reason | Should -BeLike $Said
        }
        $refused.Count | Should -Be 1
        { '+447700900003', '+447700900004' | Send-ConnectSms -Text Hi -From Helpdesk @Given } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*' -ExpectedMessage "*$Field*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes a switch given a value that is no bool, number or text (a [datetime] cell, a hashtable) the one row''s Invalid result' {
        # Before: "Cannot convert 'System.DateTime' to the type 'System.Management.Automation.SwitchParameter'" ended the statement.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $date = Send-ConnectMessage -Channel whatsapp -To '+447700900001' -Content @{ type = 'text' } -From wa-app-1 -ContactPolicyGroup G1 -CheckConsent:([datetime]'2030-01-01') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $table = Send-ConnectSms -To '+447700900002' -Text Hi -From Helpdesk -TrackClicks:@{ on = 1 } -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $number = Send-ConnectSms -To '+447700900003' -Text Hi -From Helpdesk -TrackClicks:1 -WarningAction SilentlyContinue

        $date.Status | Should -Be 'Invalid'
        $date.Reason | Should -BeLike "Row 1: CheckConsent: '01/01/2030 00:00:00' is not True or False: write True or False in the cell*"
        $table.Status | Should -Be 'Invalid'
        $table.Reason | Should -BeLike "Row 1: TrackClicks: 'System.Collections.Hashtable' is not True or False: *"
        $number.Status | Should -Be 'Queued'
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'makes a piped row whose SendAt is an object (a JSON row''s nested one) that row''s Invalid result, not sent now without it' {
        # Before: the row was Queued and sent at once, its SendAt dropped.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $rows = '[{"Phone":"+447700900001","SendAt":{"at":"09:00"}},{"Phone":"+447700900002","SendAt":null}]' | ConvertFrom-Json

        $results = @($rows | Send-ConnectSms -Text Hi -From Helpdesk -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be 'Invalid', 'Queued'
        $results[0].Reason | Should -BeLike "Row 1: SendAt: '@{at=09:00}' is not a time: *"
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'makes <Name>, an object where an ID goes, the one row''s Invalid result naming what was given; piped, one stop' -ForEach @(
        @{ Name = '-CorrelationId a hashtable'; Given = @{ CorrelationId = @{ a = 1 } }; Field = 'CorrelationId'
           Said = 'Row 1: CorrelationId: a hashtable (@{a=...}) is not text: give the value itself, e.g. -CorrelationId $r.OrderId' }
        @{ Name = '-CallbackData a [datetime]'; Given = @{ CallbackData = [datetime]'2030-01-02' }; Field = 'CallbackData'
           Said = "Row 1: CallbackData: a date (01/02/2030 00:00:00) is not text: *culture*-CallbackData `$d.ToString('yyyy-MM-dd')" }
        @{ Name = '-TemplateId a PSCustomObject'; Given = @{ TemplateId = [pscustomobject]@{ Id = 5 } }; Field = 'TemplateId'
           Said = 'Row 1: TemplateId: an object with properties (@{Id=5}) is not text: give the value itself*' }
        @{ Name = '-From a list of two'; Given = @{ From = 'wa-app-1', 'wa-app-2' }; Field = 'From'
           Said = 'Row 1: From: a list of 2 values is not text: give the value itself*' }
        @{ Name = '-CallbackData a script block'; Given = @{ CallbackData = { $_.Ref } }; Field = 'CallbackData'
           Said = 'Row 1: CallbackData: a script block ({ ... }) is not text: a script block is run for each piped row only*' }
    ) {
        # Before: the type's name ("System.Collections.Hashtable") or culture text was sent as the ID, and a list of two ended
        # the statement ("Cannot convert 'System.Object[]' to the type 'System.String'") without the row's result.
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $call = @{ Channel = 'whatsapp'; Content = @{ type = 'text' }; From = 'wa-app-1' }
        if ($Given.ContainsKey('TemplateId')) { $call.Remove('Content') }
        foreach ($key in $Given.Keys) { $call[$key] = $Given[$key] }

        $one = Send-ConnectMessage -To '+447700900001' @call -ErrorAction SilentlyContinue -ErrorVariable refused -WarningAction SilentlyContinue

        $one.Status | Should -Be 'Invalid'
        $one.Code | Should -BeExactly 'InvalidParameterValue'
        $one.Reason | Should -BeLike $Said
        # The row's result (and a results file) shows no stand-in for the refused value: it showed "(not text)" as its CorrelationId.
        $one.CorrelationId | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        { '+447700900003', '+447700900004' | Send-ConnectMessage @call } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-$Field*is not text*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends a number given where an ID goes as its digits, and a list of one as its value' {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null

        $number = Send-ConnectSms -To '+447700900001' -Text Hi -From Helpdesk -CorrelationId 1234567 -CallbackData 12.50d -WarningAction SilentlyContinue
        $one = Send-ConnectSms -To '+447700900002' -Text Hi -From @('Helpdesk') -CorrelationId @('A-1') -WarningAction SilentlyContinue

        $number.Status, $one.Status | Should -Be 'Queued', 'Queued'
        $bodies = @(Get-ConnectSandboxRequest).Body | ConvertFrom-Json
        $bodies[0].to[0].correlationId | Should -BeExactly '1234567'
        $bodies[0].callbackData | Should -BeExactly '12.50'
        $bodies[1].to[0].correlationId | Should -BeExactly 'A-1'
        $bodies[1].from | Should -BeExactly 'Helpdesk'
    }

    It 'makes a piped row whose CorrelationId is an object (a JSON row''s nested one) that row''s Invalid result; the next row sends its own' {
        # Before: the row was Queued with correlationId "@{id=1}".
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $rows = '[{"Phone":"+447700900001","CorrelationId":{"id":1}},{"Phone":"+447700900002","CorrelationId":"A-2"},{"Phone":"+447700900003"}]' | ConvertFrom-Json

        $results = @($rows | Send-ConnectSms -Text Hi -From Helpdesk -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be 'Invalid', 'Queued', 'Queued'
        $results[0].Code | Should -BeExactly 'InvalidInput'
        $results[0].Reason | Should -BeLike 'Row 1: CorrelationId: an object with properties (@{id=1}) is not text: give the value itself in the CorrelationId column, or pick its member*'
        $results[0].CorrelationId | Should -BeNullOrEmpty
        $results[1].CorrelationId | Should -BeExactly 'A-2'
        # The row without the column is not taken for the refused one before it.
        $to = @(@(Get-ConnectSandboxRequest).Body | ConvertFrom-Json | ForEach-Object { $_.to })
        $to.msisdn | Should -Be '+447700900002', '+447700900003'
        $to[0].correlationId | Should -BeExactly 'A-2'
        $to[1].correlationId | Should -BeNullOrEmpty
    }

    It 'still stops a one-row call for a value that is no row''s own (-From), naming the row''s too' {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        { Send-ConnectSms -To '+447700900001' -Text '' -From 'ACME Helpdesk Ltd' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-From: *; -Text: *They are the same for every row*'
    }

    It 'still stops a one-row call whose <Name>: the missing switch is every call''s of a loop' -ForEach @(
        @{ Name = '-ContactPolicyGroup has neither -CheckConsent nor -ApplyFrequencyCap'; Said = '-ContactPolicyGroup: a contact policy needs at least one check*It is the same for every row*'
           Call = { Send-ConnectSms -To '+447700900001' -Text Hi -From Helpdesk -ContactPolicyGroup G1 } }
        @{ Name = 'message''s -ContactPolicyGroup has neither -CheckConsent nor -ApplyFrequencyCap'; Said = '-ContactPolicyGroup: a contact policy needs at least one check*It is the same for every row*'
           Call = { Send-ConnectMessage -Channel whatsapp -To '+447700900001' -Content @{ type = 'text' } -From wa-app-1 -ContactPolicyGroup G1 } }
        @{ Name = '-FallbackSenderId has no -SmsFallback'; Said = '-FallbackSenderId: FallbackSenderId was given without SmsFallback*It is the same for every row*'
           Call = { Send-ConnectRcs -To '+447700900001' -Text Hi -From app-1 -FallbackSenderId Desk } }
    ) {
        Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null
        $Call | Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage $Said
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }
}

Describe 'A loop of one-row calls whose credential the service refuses' {
    # Before: each call of the loop asked the tenant again and wrote the long AuthenticationFailed error: 4 rows made 4
    # refused requests, a 2,000-row loop 2,000 (which may lock or flag the key) and a wall of red. Now the session remembers
    # the refusal: the later calls make no request, each row gets its Failed result and each call a two-line error.
    BeforeAll {
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $script:rows = 1..4 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090041$_" } }
        # The admin's loop, each call's terminating error caught as a script's try/catch (or the console) would.
        function script:Invoke-RefusedLoop([object[]] $Rows) {
            $errors = [System.Collections.Generic.List[object]]::new()
            $results = @(foreach ($r in $Rows) { try { Send-ConnectSms -From ACME -To $r.Phone -Text 'Hi' } catch { $errors.Add($_) } })
            [pscustomobject]@{ Results = $results; Errors = $errors.ToArray() }
        }
        function script:Get-Posts($Service) { @($Service.Received | Where-Object { $_ -like 'POST *' }).Count }
        function script:Get-Gets($Service) { @($Service.Received | Where-Object { $_ -like 'GET *' }).Count }
        $script:key = ConvertTo-SecureString 'k' -AsPlainText -Force
    }

    AfterEach { Disconnect-WebexConnect; $service.Dispose() }

    It 'makes 1 request for a 4-call loop, gives 4 results, and one long error then short ones' {
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $run = Invoke-RefusedLoop $script:rows

        Get-Posts $service | Should -Be 1
        $run.Results.Count | Should -Be 4
        $run.Results.Destination | Should -Be $script:rows.Phone
        $run.Results.Status | Sort-Object -Unique | Should -Be 'Failed'
        $run.Results.Code | Sort-Object -Unique | Should -Be 'RunStopped'
        $run.Results[1..3].Reason | Sort-Object -Unique |
            Should -BeLike "Not sent: the service refused this session's service key at ??:??:?? UTC (HTTP 401 code 7001: Unauthorized), so no request was made. Safe to send again once Connect-WebexConnect has a working service key."
        $run.Errors.Count | Should -Be 4
        $run.Errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'AuthenticationFailed,*' }
        $run.Errors[0].Exception.Message | Should -BeLike '*Check the service key*'
        @($run.Errors | Where-Object { $_.Exception.Message -like '*Check the service key*' }).Count | Should -Be 1
        foreach ($short in $run.Errors[1..3]) {
            $short.Exception | Should -BeOfType ([WebexConnect.Sending.SessionFailureException])
            $short.Exception.Message | Should -BeLike "Not sent: the service refused this session's service key at ??:??:?? UTC; no request was made. Run Connect-WebexConnect with a working key."
            # Two lines of the error view at 80 columns, which wraps the message at 73.
            $short.Exception.Message.Length | Should -BeLessOrEqual 146
        }
    }

    It 'gives every row of a piped run on the refused session its result and the run one short error, with no request' {
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $null = Invoke-RefusedLoop $script:rows[0]
        $thrown = $null
        try { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -OutVariable results -ErrorVariable errs | Out-Null } catch { $thrown = $_ }

        Get-Posts $service | Should -Be 1
        $results.Count | Should -Be 4
        $results.Row | Should -Be 1, 2, 3, 4
        $results.Code | Sort-Object -Unique | Should -Be 'RunStopped'
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $thrown.Exception.Message | Should -BeLike 'Not sent: the service refused*no request was made*'
    }

    It 'shows in Get-ConnectContext until when the refusal holds, and not once Test-WebexConnect is accepted' {
        # Before: the session looked ready in Get-ConnectContext while every call's rows came back Failed (RunStopped); only
        # the rows' reasons said why.
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        (Get-ConnectContext).RefusedUntil | Should -BeNullOrEmpty
        Get-ConnectContext | Format-List | Out-String -Width 80 | Should -Not -Match 'RefusedUntil'

        $null = Invoke-RefusedLoop $script:rows[0]
        $until = (Get-ConnectContext).RefusedUntil
        $until | Should -BeOfType ([DateTimeOffset])
        $until | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(4))
        $until | Should -BeLessOrEqual ([DateTimeOffset]::UtcNow.AddMinutes(5))
        Get-ConnectContext | Format-List | Out-String -Width 80 | Should -Match '(?m)^RefusedUntil\s+: \S'

        $null = $service.Otherwise(201)
        Test-WebexConnect -Quiet | Should -BeTrue
        (Get-ConnectContext).RefusedUntil | Should -BeNullOrEmpty
    }

    It 'asks the service again after Test-WebexConnect says it accepts the credential, and not after it says it refuses it' {
        # The loopback answers a lookup 404 (accepted); Otherwise(201) stands for the key put right in Webex Connect.
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $null = Invoke-RefusedLoop $script:rows[0]
        $null = $service.Otherwise(201)
        (Invoke-RefusedLoop $script:rows[1]).Results.Status | Should -Be 'Failed'
        Get-Posts $service | Should -Be 1 -Because 'the session still holds the refusal'

        Test-WebexConnect -Quiet | Should -BeTrue
        (Send-ConnectSms -From ACME -To '+447700900422' -Text 'Hi').Status | Should -Be 'Queued'
        Get-Posts $service | Should -Be 2

        $null = $service.AnswerLookups(401, '{}')
        Test-WebexConnect -Quiet | Should -BeFalse
        (Invoke-RefusedLoop $script:rows[2]).Results.Reason | Should -BeLike '*refused this session*(HTTP 401)*'
        Get-Posts $service | Should -Be 2
    }

    It 'makes no lookup with Get-ConnectMessage on the refused session, and a new Connect-WebexConnect starts afresh' {
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $null = Invoke-RefusedLoop $script:rows[0]
        $thrown = $null
        try { Get-ConnectMessage -MessageId '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11' } catch { $thrown = $_ }

        Get-Gets $service | Should -Be 0
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $thrown.Exception.Message | Should -BeLike "Not looked up: the service refused this session's service key at ??:??:?? UTC; no request was made.*"

        $null = $service.Otherwise(201)
        Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k2' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps
        (Send-ConnectSms -From ACME -To '+447700900431' -Text 'Hi').Status | Should -Be 'Queued'
        Get-Posts $service | Should -Be 2
    }

    # Before: a tenant whose service is inactive (7007) or which does not allow this computer's address (7010) got one
    # refused request a call of the loop, and the admin a long error a row. Now the same mark holds, under their own ErrorId.
    It 'makes 1 request for a 4-call loop on a tenant that answers <code>, and says <says> in each later call' -TestCases @(
        @{ code = '7007'; status = 400; errorId = 'ServiceInactive'; first = '*Activate it in Webex Connect before sending*'
           says = 'to activate the service'
           short = "Not sent: the service said at ??:??:?? UTC it is inactive; no request was made. Activate it in Webex Connect, then run Test-WebexConnect."
           reason = "Not sent: the service answered at ??:??:?? UTC that it is inactive (*7007*), so no request was made. Safe to send again once the service is activated in Webex Connect." }
        @{ code = '7010'; status = 403; errorId = 'SourceIpNotAllowed'; first = "*Add the address to the service's allowed IPs*"
           says = 'to add the public IP to the allow-list'
           short = "Not sent: the service refused this computer's IP at ??:??:?? UTC; no request was made. Add its public IP to the allow-list in Webex Connect."
           reason = "Not sent: the service refused this computer's IP address at ??:??:?? UTC (*7010*), so no request was made. Safe to send again once this computer's public IP address is on the service's allow-list in Webex Connect." }
    ) {
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise($status).WithBody("{`"code`":`"$code`",`"message`":`"Refused`"}")
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $run = Invoke-RefusedLoop $script:rows

        Get-Posts $service | Should -Be 1
        $run.Results.Count | Should -Be 4
        $run.Results.Destination | Should -Be $script:rows.Phone
        $run.Results.Status | Sort-Object -Unique | Should -Be 'Failed'
        $run.Results[1..3].Code | Sort-Object -Unique | Should -Be 'RunStopped'
        foreach ($row in $run.Results[1..3]) { $row.Reason | Should -BeLike $reason }
        $run.Errors.Count | Should -Be 4
        $run.Errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike "$errorId,*" }
        @($run.Errors | Where-Object { $_.Exception.Message -like $first }).Count | Should -Be 1
        $run.Errors[0].Exception.Message | Should -BeLike $first
        foreach ($e in $run.Errors[1..3]) {
            $e.Exception.Message | Should -BeLike $short
            $e.Exception.Message.Length | Should -BeLessOrEqual 146
            $e.Exception.Message | Should -Not -BeLike '*key*'
        }

        $thrown = $null
        try { Get-ConnectMessage -MessageId '6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11' } catch { $thrown = $_ }
        Get-Gets $service | Should -Be 0
        $thrown.FullyQualifiedErrorId | Should -BeLike "$errorId,*"
        $thrown.Exception.Message | Should -BeLike 'Not looked up: *no request was made*'
    }

    It 'sends again after Test-WebexConnect says the tenant answers, once the service is active or the address allowed' -TestCases @(
        @{ code = '7007'; status = 400 }
        @{ code = '7010'; status = 403 }
    ) {
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise($status).WithBody("{`"code`":`"$code`",`"message`":`"Refused`"}")
        Connect-WebexConnect -ServiceKey $script:key -BaseUri $service.BaseUri -NoSharedTps
        $null = Invoke-RefusedLoop $script:rows[0]
        $null = $service.Otherwise(201)
        (Invoke-RefusedLoop $script:rows[1]).Results.Status | Should -Be 'Failed'
        Get-Posts $service | Should -Be 1 -Because 'the session still holds the refusal'

        Test-WebexConnect -Quiet | Should -BeTrue
        (Send-ConnectSms -From ACME -To '+447700900423' -Text 'Hi').Status | Should -Be 'Queued'
        Get-Posts $service | Should -Be 2
    }

    It 'is not marked by a token the service refused once and took renewed, and is by one it refuses renewed too' {
        $secret = ConvertTo-SecureString 'c2VjcmV0LXNob3VsZC1uZXZlci1zaG93' -AsPlainText -Force
        $service = [WebexConnectPester.LoopbackService]::new().Then(401).Otherwise(201)
        Connect-WebexConnect -ServiceId 'svc-pester' -ServiceSecret $secret -BaseUri $service.BaseUri -NoSharedTps
        $renewed = Invoke-RefusedLoop $script:rows[0..1]

        $renewed.Results.Status | Should -Be 'Queued', 'Queued'
        Get-Posts $service | Should -Be 3 -Because 'the first call sent its token, then a fresh one; the second call sent the fresh one'

        $null = $service.Otherwise(401)
        $refused = Invoke-RefusedLoop $script:rows
        Get-Posts $service | Should -Be 5 -Because 'the first refused call sent its token and a fresh one, and the later calls nothing'
        $refused.Results.Status | Sort-Object -Unique | Should -Be 'Failed'
        $refused.Errors[0].Exception.Message | Should -BeLike '*even with a fresh token*'
        $refused.Errors[1].Exception.Message | Should -BeLike "Not sent: the service refused this session's tokens at*with a working secret."
    }
}
