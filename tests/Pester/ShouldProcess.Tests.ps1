#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The send cmdlets skip PowerShell's per-row ShouldProcess when it would say yes without a word (it reads a resource
# string and the preferences on every call: a fifth of the pipeline's time on a large CSV). Whenever it would show
# something (a prompt, a what-if line, a verbose line) it must still be asked, row by row.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    $script:Rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090020{0}' -f $_ } }

    # A child interactive PowerShell whose confirmation prompts read the answers from standard input.
    function Invoke-Answered([string[]] $Lines, [string] $Answers) {
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $script = Join-Path ([IO.Path]::GetTempPath()) ("wc-confirm-{0}.ps1" -f [guid]::NewGuid())
        $module = (Resolve-Path $manifest).Path
        Set-Content -LiteralPath $script -Encoding UTF8 -Value (@("Import-Module '$($module -replace "'", "''")'", 'Connect-WebexConnect -Sandbox -Tps 200') + $Lines)
        try { $Answers | & $shell -NoProfile -File $script 2>&1 | Out-String }
        finally { Remove-Item -LiteralPath $script -ErrorAction SilentlyContinue }
    }
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectSms and ShouldProcess' {
    BeforeEach { Connect-WebexConnect -Sandbox -Tps 200 }

    It 'writes the "Performing the operation" line for every row with -Verbose' {
        $output = @($script:Rows | Send-ConnectSms -From ACME -Text Hi -Verbose 4>&1)

        $lines = @(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '^Performing the operation "Send SMS" on target')
        $lines.Count | Should -Be 3
        $lines[1] | Should -Match '\+447700900202 \(row 2\)'
        @($output | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Count | Should -Be 3
    }

    It 'sends without a prompt and without a verbose line by default, and -Confirm:$false overrides $ConfirmPreference' {
        $quiet = @($script:Rows | Send-ConnectSms -From ACME -Text Hi 4>&1)
        $ConfirmPreference = 'Low'
        $overridden = @($script:Rows | Send-ConnectSms -From ACME -Text Hi -Confirm:$false 4>&1)

        @($quiet | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        @($quiet).Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($overridden).Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'asks row by row when <_>, and sends only the rows answered Yes' -ForEach @('-Confirm', '$ConfirmPreference = Medium') {
        $send = if ($_ -eq '-Confirm') { '$r = @(1..3 | ForEach-Object { "+44770090030$_" } | Send-ConnectSms -From ACME -Text Hi -Confirm)' }
        else { '$ConfirmPreference = "Medium"; $r = @(1..3 | ForEach-Object { "+44770090030$_" } | Send-ConnectSms -From ACME -Text Hi)' }
        $out = Invoke-Answered -Lines @(
            $send
            '"SENT $((Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201 | Measure-Object DestinationCount -Sum).Sum)"'
            '"QUEUED $(@($r | Where-Object Status -EQ Queued).Destination -join ",")"') -Answers "N`nY`nN`n"

        $out | Should -Match 'Performing the operation "Send SMS" on target "\+447700900301 \(row 1\)"'
        $out | Should -Match 'SENT 1'
        $out | Should -Match 'QUEUED \+447700900302'
    }

    # Before: "Row 3 repeats row 2 ... It is sent again" came before row 3's prompt, and row 3, answered No, was not sent.
    It 'says of a repeated row before its -Confirm question that it is sent again unless answered No, and sends it only on Yes' {
        $out = Invoke-Answered -Lines @(
            '$r = @("Phone,Name`n+447700900311,Ann`n+447700900312,Bob`n+447700900312,Bob" | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text ''Hi $(Name)'' -Confirm)'
            '"SENT $((Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201 | Measure-Object DestinationCount -Sum).Sum)"') -Answers "Y`nY`nN`n"

        $flat = $out -replace '\s+', ' '
        $flat | Should -Match 'Row 3 repeats row 2: the same message to \+447700900312 with the same values\. It is sent again unless you answer No to its confirmation'
        $flat | Should -Not -Match 'It is sent again, as every row is sent once'
        $flat.IndexOf('Row 3 repeats row 2') | Should -BeLessThan $flat.IndexOf('"+447700900312 (row 3)"')
        $out | Should -Match 'SENT 2'
    }

    # Before: the second prompt, finding stdin at its end (cron, a service, 'y' | pwsh -File), failed in the console host
    # with "Object reference not set to an instance of an object.", and row 1, answered Yes and sent, had no result.
    It 'reports the rows answered Yes and says why it stopped when the answers run out' {
        $out = Invoke-Answered -Lines @(
            '$r = [System.Collections.Generic.List[object]]::new()'
            'try { 1..3 | ForEach-Object { "+44770090031$_" } | Send-ConnectSms -From ACME -Text Hi -Confirm | ForEach-Object { $r.Add($_) } }'
            'catch { "STOPPED $($_.FullyQualifiedErrorId) $($_.Exception.Message)" }'
            '"SENT $((Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201 | Measure-Object DestinationCount -Sum).Sum)"'
            '"REPORTED $(@($r | ForEach-Object { "$($_.Row):$($_.Status)" }) -join ",")"') -Answers "Y"

        $out | Should -Match 'STOPPED PromptWithoutInput,WebexConnect\.Commands\.SendConnectSmsCommand PowerShell had to ask a question here \(-Confirm'
        $out | Should -Not -Match 'Object reference not set'
        $out | Should -Match 'SENT 1'
        $out | Should -Match 'REPORTED 1:Queued'
    }

    # Before: a re-run with -Confirm asked of every row, and a Yes to a row an earlier run sent came back Skipped.
    It 'asks with -Confirm only of the rows a -Journal will send, and reports the others as the journal says' {
        $journal = Join-Path $TestDrive 'confirm.journal'
        $out = Invoke-Answered -Lines @(
            "'+447700900401','+447700900403' | Send-ConnectSms -From ACME -Text Hi -Journal '$journal' -Confirm:`$false | Out-Null"
            "`$r = @('+447700900401','+447700900402','+447700900403' | Send-ConnectSms -From ACME -Text Hi -Journal '$journal' -Confirm)"
            '"STATUSES $($r.Status -join ",")"'
            '"SENT $((Get-ConnectSandboxRequest | Where-Object StatusCode -EQ 201 | Measure-Object DestinationCount -Sum).Sum)"') -Answers "Y`nY`nY`n"

        @([regex]::Matches($out, 'Performing the operation "Send SMS" on target')).Count | Should -Be 1
        $out | Should -Match 'on target "\+447700900402 \(row 2\)"'
        $out | Should -Match 'STATUSES Skipped,Queued,Skipped'
        $out | Should -Match 'SENT 3'
    }

    It 'says with -WhatIf how many SMS parts a long text is billed as, before anything is sent' {
        # What-if lines go to the host, not to a stream: a child PowerShell's output shows them.
        $out = Invoke-Answered -Lines @(
            '$rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090020$_" } }'
            '$rows | Send-ConnectSms -From ACME -Text (''Our new phone launches tomorrow. '' * 60) -WhatIf'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"') -Answers ''

        $out | Should -Match ([regex]::Escape('on target "batch 1: 3 destinations, rows 1-3 (+447700900201, +447700900202, +447700900203): 39 SMS parts, 13 each".'))
        $out | Should -Match ([regex]::Escape('on target "batch 1: 3 destinations, rows 1-3 (+447700900201, +447700900202, +447700900203)".'))
        $out | Should -Match 'SENT 0'
    }

    It 'reports with -WhatIf one batch for the rows of a Text column that go back to an earlier text, as the run sends them' {
        # Before: "batch 1: row 1", "batch 2: row 2", "batch 3: row 3", where the run sends rows 1 and 3 in one request.
        $out = Invoke-Answered -Lines @(
            '$rows = @([pscustomobject]@{ Phone = "+447700900211"; Text = "Hi" }, [pscustomobject]@{ Phone = "+447700900212"; Text = "Salut" }, [pscustomobject]@{ Phone = "+447700900213"; Text = "Hi" })'
            '$rows | Send-ConnectSms -From ACME -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"') -Answers ''

        $out | Should -Match ([regex]::Escape('on target "batch 1: 2 destinations, 2 of rows 1-3 (+447700900211, +447700900213)".'))
        $out | Should -Match ([regex]::Escape('on target "batch 2: 1 destination, row 2 (+447700900212)".'))
        $out | Should -Not -Match 'batch 3'
        $out | Should -Match 'SENT 0'
    }

    It 'reports with -WhatIf one request per address, as the run sends them, when the rows cycle through more than 256 Cc addresses' {
        # 520 rows whose Cc column cycles through 260 addresses. Before, the run kept 256 batches open and each new shape sent
        # the oldest with its one row: 520 requests, and -WhatIf said so. The open batches are bounded by the rows they
        # hold, which 520 rows are well within.
        $out = Invoke-Answered -Lines @(
            '$rows = 1..520 | ForEach-Object { [pscustomobject]@{ Email = "u$_@example.com"; Cc = "cc$($_ % 260)@example.com" } }'
            '$rows | Send-ConnectEmail -From news@mail.example.com -Subject News -Text Hi -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"'
            '$null = $rows | Send-ConnectEmail -From news@mail.example.com -Subject News -Text Hi'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"') -Answers ''

        $out | Should -Match 'SENT 0'
        $requests = if ($out -match 'SENT ([1-9]\d*)') { [int]$Matches[1] } else { 0 }
        ([regex]::Matches(($out -replace '\s+', ' '), 'on target "batch \d+: 2 destinations')).Count | Should -Be 260
        # 260 when the pipeline never pauses; a pause of the linger's 50 ms (a busy machine) sends the partial ones early.
        $requests | Should -BeGreaterOrEqual 260
        $requests | Should -BeLessThan 520
    }

    It 'reports with -WhatIf one request per manager for users whose Cc cycles through 40 managers, as the run sends them' {
        # Before: 2,000 batches of one row, as the run, which kept 16 batches open, sent them. At -Tps 1000 the open
        # batches hold two seconds of rows, 2,000: each manager's 50 fill one request.
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox -Tps 1000'
            '$rows = 1..2000 | ForEach-Object { [pscustomobject]@{ Email = "u$_@example.com"; Cc = "boss$($_ % 40)@example.com" } }'
            '$rows | Send-ConnectEmail -From it@example.com -Subject S -Text Hi -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"') -Answers ''

        $out | Should -Match 'SENT 0'
        # The host may wrap a long what-if line.
        $said = [regex]::Matches(($out -replace '\s+', ' '), 'on target "batch \d+: (\d+) destinations')
        $said.Count | Should -Be 40
        $said | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique | Should -Be '50'
    }

    It 'says with -WhatIf in a session without -Tps what rate its requests were planned at, once, before the first' {
        # Before: 2,500 rows showed 3 requests of up to 1,000 destinations and nothing else, where the run, starting at the
        # session's 10 TPS and adopting the sandbox's 100, made 27. A session given -Tps plans at it and says nothing more.
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox'
            '$rows = 1..2500 | ForEach-Object { [pscustomobject]@{ Phone = "+4477009{0:D5}" -f $_ } }'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf'
            '"=== -Tps 200 ==="'
            'Connect-WebexConnect -Sandbox -Tps 200'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"') -Answers ''

        $without, $given = ($out -replace '\s+', ' ') -split '=== -Tps 200 ==='
        $assumed = 'Requests planned at 1000 TPS (up to 1000 destinations each): Connect-WebexConnect was given no -Tps, so the run ' +
            'sends at the session''s 10 TPS and adopts the rate the service announces; below 1000 TPS it makes more, smaller ' +
            'requests than these. Connect-WebexConnect -Tps plans them at your tenant''s rate.'
        [regex]::Matches($without, [regex]::Escape($assumed)).Count | Should -Be 1
        $without.IndexOf($assumed) | Should -BeLessThan $without.IndexOf('on target "batch 1:')
        [regex]::Matches($without, 'on target "batch \d+').Count | Should -Be 3
        $given | Should -Not -Match 'Requests planned at'
        [regex]::Matches($given, 'on target "batch \d+: 200 destinations').Count | Should -Be 12
        $given | Should -Match 'SENT 0'
    }

    It 'says nothing of a planned rate with -WhatIf when every request fits in the session''s starting rate' {
        # An admin's first -WhatIf: the sample CSV's four rows in the sandbox. Before, the batch of 4 came after a line saying
        # the run "makes more, smaller requests than these", and the run made that one request of 4.
        $csv = (Resolve-Path (Join-Path $PSScriptRoot '../../docs/examples/sms-recipients.csv')).Path -replace "'", "''"
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox'
            "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi `$(Name)' -WhatIf"
            "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text 'Hi `$(Name)' | Out-Null"
            '"SENT $(@(Get-ConnectSandboxRequest).Count) REQUEST OF $((Get-ConnectSandboxRequest | Measure-Object DestinationCount -Sum).Sum)"') -Answers ''

        $said = $out -replace '\s+', ' '
        $said | Should -Not -Match 'Requests planned at'
        [regex]::Matches($said, 'on target "batch 1: 4 destinations, rows 1-4').Count | Should -Be 1
        # The run makes that request of 4; a pause of the input (a busy machine makes them) sends part of it first: more
        # requests than -WhatIf lists, never fewer (about_WebexConnect, Previewing), and each row once.
        $said -match 'SENT (\d+) REQUEST OF 4\b' | Should -BeTrue
        [int]$Matches[1] | Should -BeIn (1..4)
    }

    It 'plans -WhatIf at the rate the service announced to an earlier run of the session, without the planned-rate line' {
        # Before: after a run had adopted the sandbox's 100 TPS, -WhatIf still planned 2,500 rows as 3 requests of 1,000 and
        # said the run would make more, smaller ones, where the session knew them: 25 of 100.
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox'
            '$null = "+447700900001" | Send-ConnectSms -From ACME -Text Hi'
            '"TPS $((Get-ConnectContext).TpsInForce)"'
            '$rows = 1..2500 | ForEach-Object { [pscustomobject]@{ Phone = "+4477009{0:D5}" -f $_ } }'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf') -Answers ''

        $said = $out -replace '\s+', ' '
        $said | Should -Match 'TPS 100'
        $said | Should -Not -Match 'Requests planned at'
        # A second of the 100 TPS a request, or a tenth of it once the session's first answer took over 100 ms, as the run
        # then sends: a busy machine answers even the sandbox that slowly.
        $sizes = @([regex]::Matches($said, 'on target "batch \d+: (\d+) destinations') | ForEach-Object { [int]$_.Groups[1].Value })
        $size = @($sizes | Sort-Object -Unique)
        $size.Count | Should -Be 1
        $size[0] | Should -BeIn @(100, 10)
        $sizes.Count | Should -Be (2500 / $size[0])
    }

    It 'plans -WhatIf in the tenths of a second a session whose answers proved slow sends in' {
        # Before: with answers over 100 ms the run sends a tenth of its TPS per request, and -WhatIf after a run listed
        # 5 requests of 100 for 500 rows where the run made 50 of 10, and no longer said its plan was a guess.
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox -SandboxLatency 00:00:00.2'
            '$null = "+447700900001" | Send-ConnectSms -From ACME -Text Hi'
            '$rows = 1..500 | ForEach-Object { [pscustomobject]@{ Phone = "+4477009{0:D5}" -f $_ } }'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf'
            '$before = @(Get-ConnectSandboxRequest).Count'
            '$null = $rows | Send-ConnectSms -From ACME -Text Hi'
            '$sent = @(Get-ConnectSandboxRequest | Select-Object -Skip $before)'
            '"REQUESTS $($sent.Count) LARGEST $(($sent | Measure-Object DestinationCount -Maximum).Maximum)"') -Answers ''

        $said = $out -replace '\s+', ' '
        $planned = [regex]::Matches($said, 'on target "batch \d+: 10 destinations').Count
        $planned | Should -Be 50
        # The run's requests are the plan's tenths; a pause of the input (a busy machine) sends some part-full, so it may make
        # more requests than planned, never fewer (about_WebexConnect, Previewing).
        $said -match 'REQUESTS (\d+) LARGEST (\d+)' | Should -BeTrue
        [int]$Matches[1] | Should -BeGreaterOrEqual $planned
        [int]$Matches[2] | Should -Be 10
    }

    It 'plans -WhatIf in tenths of a second after slow answers in a session given -Tps too' {
        # Before: with -Tps given, -WhatIf kept planning whole seconds of the TPS after a run had shown answers over 100 ms:
        # 5 requests of 100 for 500 rows, where the run made 50 of 10 (review5's finding).
        $out = Invoke-Answered -Lines @(
            'Connect-WebexConnect -Sandbox -Tps 100 -SandboxLatency 00:00:00.2'
            '$rows = 1..500 | ForEach-Object { [pscustomobject]@{ Phone = "+4477009{0:D5}" -f $_ } }'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf'
            '"=== after a run ==="'
            '$null = "+447700900001" | Send-ConnectSms -From ACME -Text Hi'
            '$rows | Send-ConnectSms -From ACME -Text Hi -WhatIf') -Answers ''

        $before, $after = ($out -replace '\s+', ' ') -split '=== after a run ==='
        [regex]::Matches($before, 'on target "batch \d+: 100 destinations').Count | Should -Be 5 -Because 'nothing shows yet that answers are slow'
        [regex]::Matches($after, 'on target "batch \d+: 10 destinations').Count | Should -Be 50
    }

    It 'says at the -Confirm prompt how many SMS parts the row is billed as' {
        $out = Invoke-Answered -Lines @('$r = @("+447700900301" | Send-ConnectSms -From ACME -Text (''Our new phone launches tomorrow. '' * 60) -Confirm)') -Answers "N`n"

        $out | Should -Match 'Performing the operation "Send SMS" on target "\+447700900301 \(row 1\): 13 SMS\s+parts"' -Because 'the console may wrap the line'
    }
}
