#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# -Journal inside a real PowerShell, against the in-process sandbox: running the same command again sends
# only what was not sent, relative paths follow PowerShell's location, and the file holds no personal data.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    # -Tps: the few rows here go out at once.
    Connect-WebexConnect -Sandbox -Tps 1000

    function Get-RequestCount { @(Get-ConnectSandboxRequest).Count }

    # A child PowerShell with the module and a sandbox session, running the lines given: what it wrote to the host and its output.
    function Invoke-Child([string[]] $Lines) {
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $script = Join-Path $TestDrive ("child-{0}.ps1" -f [guid]::NewGuid())
        $module = (Resolve-Path $manifest).Path
        Set-Content -LiteralPath $script -Encoding UTF8 -Value (@("Import-Module '$($module -replace "'", "''")'", 'Connect-WebexConnect -Sandbox -Tps 1000') + $Lines)
        & $shell -NoProfile -File $script 2>&1 | Out-String -Width 400
    }

    # A journal key as every version makes it: the first 16 bytes of HMAC-SHA256 (the journal's salt) over the channel, the
    # message's JSON as sent then (its URLs as given: no version before this one encoded or trimmed them on the wire), the
    # destination object and which repeat it is. Written here by hand, so that a line made with it is what those versions wrote.
    function Get-VersionKey([byte[]] $Salt, [string] $Channel, [string] $SharedJson, [string] $Destination) {
        $shape = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($SharedJson))
        $keyed = '{"channel":"' + $Channel + '","shape":"' + $shape + '","to":[' + $Destination + '],"occurrence":1}'
        $hmac = [Security.Cryptography.HMACSHA256]::new($Salt)
        -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($keyed))[0..15] | ForEach-Object { $_.ToString('x2') })
    }
    function Get-JournalSalt([string] $Journal) {
        [Convert]::FromBase64String((Get-Content -LiteralPath $Journal -TotalCount 1 | ConvertFrom-Json).salt)
    }
    # The keys of the journal's last line: a hand-made key is checked against them before lines keyed so are added.
    function Get-LastLineKeys([string] $Journal) { (Get-Content -LiteralPath $Journal | Select-Object -Last 1 | ConvertFrom-Json).k }
    # A line as a version that sent the row wrote it.
    function Add-SentLine([string] $Journal, [string] $Key, [string] $MessageId) {
        Add-Content -LiteralPath $Journal -Value ('{"s":"queued","t":"2026-12-01T09:00:00.000Z","m":"' + $MessageId + '","k":["' + $Key + '"]}')
    }

    $script:rows = @(
        [pscustomobject]@{ Phone = '+447700900101'; Name = 'Ann' }
        [pscustomobject]@{ Phone = '+447700900102'; Name = 'Bob' }
        [pscustomobject]@{ Phone = '+447700900103'; Name = 'Cy' }
    )
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectSms -Journal' {
    It 'sends every row once, and on the same command again sends nothing and reports each row Skipped' {
        $journal = 'TestDrive:/again.journal'

        $first = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal)
        $before = Get-RequestCount
        $second = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorVariable skipped -ErrorAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $second.Destination | Should -Be @('+447700900101', '+447700900102', '+447700900103')
        $second[0].Reason | Should -BeLike '*earlier run*'
        # The first run's messageIds come back, so the delivery of a skipped row can still be looked up.
        $second.MessageId | Should -Be $first.MessageId
        $second[0].MessageId | Should -Not -BeNullOrEmpty
        Get-RequestCount | Should -Be $before
        # Skipped is the point of a re-run, not an error: -ErrorAction Stop must not stop at the first row already sent.
        $skipped.Count | Should -Be 0
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction Stop } | Should -Not -Throw
    }

    It 'counts a Skipped row as a success, so the morning-after filter on IsSuccess leaves out the rows sent already' {
        # Before: Skipped had IsSuccess False, so $results | Where-Object { -not $_.IsSuccess } listed the rows an earlier
        # run sent, and resending that list without -Journal sent them twice.
        $journal = 'TestDrive:/issuccess.journal'
        $script:rows[0, 1] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $results = @($script:rows + [pscustomobject]@{ Phone = '12'; Name = 'Bad' } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)
        $results.Status | Should -Be @('Skipped', 'Skipped', 'Queued', 'Invalid')
        $results.IsSuccess | Should -Be @($true, $true, $true, $false)
        $report = Join-Path $TestDrive 'issuccess.csv'
        $results | Export-Csv -LiteralPath $report -NoTypeInformation
        @(Import-Csv -LiteralPath $report | Where-Object IsSuccess -eq 'False').Row | Should -Be @('4')
    }

    It 'says in -Verbose which row each skipped line is, as its errors and warnings do' {
        # A scheduled run's log with -Verbose: "+447700900101: Already sent ..." said neither the row nor the status.
        $journal = 'TestDrive:/verbose.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $said = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *earlier run*' })

        $said.Count | Should -Be 3
        $said[0].Message | Should -BeLike 'Row 1: Skipped +447700900101: Already sent in an earlier run on *'
        $said[2].Message | Should -BeLike 'Row 3: Skipped +447700900103: *'
    }

    It 'says in -Verbose which journal it read, by its full path, and what earlier runs left in it' {
        # The morning after: a re-run given a relative path that last night's scheduled task had resolved in another
        # folder made a new journal and sent every row again; before, -Verbose said nothing of the journal as a whole.
        Push-Location $TestDrive
        try {
            $new = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal ./found.journal -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })
            $again = @($script:rows + [pscustomobject]@{ Phone = '07700'; Name = 'Di' } |
                Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal ./found.journal -Verbose -ErrorAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })
        }
        finally { Pop-Location }
        $full = Join-Path (Convert-Path $TestDrive) 'found.journal'

        $new.Count | Should -Be 1
        $new[0].Message | Should -Be "Journal '$full': no earlier run recorded a send in it, so no row is skipped as sent."
        $again.Count | Should -Be 1
        $again[0].Message | Should -Be "Journal '$full': earlier runs recorded 3 rows: 3 sent or scheduled (Skipped if they come again)."
    }

    It 'opens -Verbose with the journal''s line, before the first row''s, as the help says' {
        # Before: a run whose first row was sent said "Performing the operation "Send SMS" on target "+44... (row 1)"" first,
        # and named the journal only after it.
        $journal = Join-Path $TestDrive 'first-line.journal'
        $verbose = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose[0].Message | Should -BeLike "Journal '*first-line.journal': no earlier run recorded a send in it*"
        # Row 1's lines come next: its filled text ($(Name) is personalised), then the send of it.
        $verbose[1].Message | Should -BeLike "Row 1: text 'Hi *"
        $verbose[2].Message | Should -BeLike '*(row 1)*'
    }

    It 'says in -Verbose which rows -ResendUnknown sends again after a stop with a request in flight' {
        # Ctrl+C while the request was on its way, then a re-run with -ResendUnknown: before, the rows came back Queued with
        # no word that they were sent again and may arrive twice.
        $journal = Join-Path $TestDrive 'stopped.journal'
        try {
            Connect-WebexConnect -Sandbox -Tps 1000 -SandboxLatency 5s
            $stopped = [powershell]::Create()
            $null = $stopped.AddScript({
                    param($Manifest, $Rows, $Journal)
                    Import-Module $Manifest
                    $Rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $Journal
                }).AddArgument((Resolve-Path $manifest).Path).AddArgument($script:rows).AddArgument($journal)
            $null = $stopped.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(20)
            # The run holds the journal locked: its size says when the request's intent line is there (the header takes ~140 bytes, the intent ~150).
            while (-not ((Test-Path -LiteralPath $journal) -and (Get-Item -LiteralPath $journal).Length -gt 200) -and (Get-Date) -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            $stopped.Stop()
            $stopped.Dispose()
        }
        finally { Connect-WebexConnect -Sandbox -Tps 1000 }

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ResendUnknown -Verbose 4>&1 |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or $_.Message -like '*Sending again*' -or $_.Message -like 'Journal *' })

        $found = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })
        $found.Message | Should -BeLike "Journal '*stopped.journal': earlier runs recorded 3 rows: 3 in flight or of unknown outcome (sent again: -ResendUnknown)."
        $said = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *' })
        $said.Count | Should -Be 3
        $said[0].Message | Should -BeLike 'Row 1: Sending again +447700900101 (-ResendUnknown): * an earlier run * (journal), so it may arrive twice.'
        $said[2].Message | Should -BeLike 'Row 3: Sending again +447700900103 (-ResendUnknown): *'
        @($results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'sends only the rows that are new since the last run' {
        $journal = 'TestDrive:/grown.journal'
        $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Queued', 'Queued')
    }

    It 'sends again when the text changed, says so once, and holds them back with -SkipChanged' {
        $journal = 'TestDrive:/changed.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hello $(Name)' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)
        $held = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi again $(Name)' -Journal $journal -SkipChanged -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$warned" | Should -BeLike '3 rows (rows 1, 2, 3) got a second, different message*-SkipChanged holds them back.*'
        $held.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $held.Code | Should -Be @('JournalChanged', 'JournalChanged', 'JournalChanged')
    }

    It 'skips the rows already scheduled when a re-run computes -SendAt, -ExpireAt, -CallbackData or -NotifyUrl anew' {
        # A job every 15 minutes that schedules for "in an hour" or "tomorrow 09:00" (which moves at midnight), tags
        # its callbacks with the run's time and takes a new receipt listener's URL each time: none of it changes what
        # the person receives, so the re-run must not send it a second time.
        $journal = 'TestDrive:/moving.journal'
        $first = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -SendAt (Get-Date).AddHours(1) `
            -ExpireAt (Get-Date).AddHours(3) -CallbackData 'run-1' -NotifyUrl 'https://hooks.example.com/run-1')
        $before = Get-RequestCount

        $second = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -SendAt (Get-Date).AddHours(1.25) `
            -Validity 7200 -CallbackData 'run-2' -NotifyUrl 'https://hooks.example.com/run-2')

        $first.Status | Should -Be @('Scheduled', 'Scheduled', 'Scheduled')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $second.MessageId | Should -Be $first.MessageId
        # Scheduled is not sent yet: the service sends it at the first run's time, not this run's.
        $second[0].Reason | Should -BeLike 'Already scheduled by an earlier run on *, to go out at the time that run gave*'
        Get-RequestCount | Should -Be $before
    }

    It 'counts only the columns the text names, and for a template every other column unless -SubstitutionColumn names those it uses' {
        # As about_WebexConnect says: a column the text does not name is not sent, so one added to the CSV (or one that
        # changes with every export) changes nothing. A template's text is in Webex Connect, which may use any column.
        $journal = 'TestDrive:/columns.journal'
        $row = [pscustomobject]@{ Phone = '+447700900109'; Name = 'Ann'; Exported = '09:00' }
        $grown = [pscustomobject]@{ Phone = '+447700900109'; Name = 'Ann'; Exported = '09:15'; Notes = 'called' }
        $row | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        ($grown | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal).Code | Should -Be 'Journal'

        $row | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -SubstitutionColumn Name | Out-Null
        ($grown | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -SubstitutionColumn Name).Code | Should -Be 'Journal'
        # Without it, the row is another message to Ann, who had one: sent, with a warning (-SkipChanged holds it back).
        ($grown | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -WarningAction SilentlyContinue).Status | Should -Be 'Queued'
    }

    It 'sends a row''s email once when its SMS was Invalid for an empty Phone and the Phone is filled in for the re-run' {
        # Before: the email's journal key held the Phone column, which the email never names or sends, so the re-run both
        # commands get after the correction (the help's advice) sent user10 the same email again, warning of "a second,
        # different message". Likewise the SMS when only the Email cell is corrected.
        $sms = 'TestDrive:/orders-sms.journal'
        $mail = 'TestDrive:/orders-mail.journal'
        $csv = 1..10 | ForEach-Object {
            [pscustomobject]@{ Phone = if ($_ -eq 10) { '' } else { '+4477009002{0:00}' -f $_ }; Email = if ($_ -eq 9) { '' } else { "user$_@example.com" }
                Name = "User$_"; Order = "A$_" }
        }
        $send = {
            param($rows)
            $s = @($rows | Send-ConnectSms -From ACME -Text 'Order $(Order): hi $(Name)' -Journal $sms -ErrorAction SilentlyContinue -WarningVariable +w -WarningAction SilentlyContinue)
            $e = @($rows | Send-ConnectEmail -From 'shop@example.com' -Subject 'Order $(Order)' -Text 'Hi $(Name)' -Journal $mail -ErrorAction SilentlyContinue -WarningVariable +w -WarningAction SilentlyContinue)
            [pscustomobject]@{ Sms = $s; Email = $e; Warnings = @($w) }
        }
        $first = & $send $csv
        $first.Sms[9].Status | Should -Be 'Invalid'
        $first.Email[8].Status | Should -Be 'Invalid'
        $before = Get-RequestCount

        $csv[9].Phone = '+447700900210'
        $csv[8].Email = 'user9@example.com'
        $again = & $send $csv

        # Row 10's SMS and row 9's email go, once each; everything else is Skipped, and no row is said to have changed.
        $again.Sms.Status | Should -Be (@('Skipped') * 9 + 'Queued')
        $again.Email.Status | Should -Be (@('Skipped') * 8 + 'Queued' + 'Skipped')
        $again.Email[9].Code | Should -Be 'Journal'
        Get-RequestCount | Should -Be ($before + 2)
        $again.Warnings | Should -BeNullOrEmpty
    }

    It 'skips the rows again when their columns come in another order (a CSV exported anew, -SubstitutionColumn, a hashtable)' {
        # A row is the same when its substitutions are: their order is not part of it. A hashtable row lists
        # its keys in another order in every PowerShell process, so a scheduled re-run of one must skip too.
        $journal = 'TestDrive:/columns.journal'
        $text = 'Hi $(Name), order $(Order)'
        @('Phone,Name,Order', '+447700900111,Ann,A1', '+447700900112,Bob,B2') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -Journal $journal | Out-Null
        $before = Get-RequestCount

        $moved = @(@('Order,Phone,Name', 'A1,+447700900111,Ann', 'B2,+447700900112,Bob') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -Journal $journal)
        $named = @(@('Phone,Name,Order', '+447700900111,Ann,A1', '+447700900112,Bob,B2') | ConvertFrom-Csv |
            Send-ConnectSms -From ACME -Text $text -SubstitutionColumn Order, Name -Journal $journal)
        $table = @([ordered]@{ Order = 'A1'; Name = 'Ann'; Phone = '+447700900111' } |
            Send-ConnectSms -From ACME -Text $text -Journal $journal)

        $moved.Status | Should -Be @('Skipped', 'Skipped')
        $named.Status | Should -Be @('Skipped', 'Skipped')
        $table.Status | Should -Be 'Skipped'
        Get-RequestCount | Should -Be $before
    }

    It 'resolves a relative path against the current PowerShell location' {
        Push-Location TestDrive:/
        try {
            $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'relative.journal' | Out-Null
        }
        finally {
            Pop-Location
        }

        Test-Path 'TestDrive:/relative.journal' | Should -BeTrue
    }

    It 'holds no phone number, name or text' {
        $journal = 'TestDrive:/private.journal'
        # Values long enough that the journal's random salts and hashes (Base64) cannot spell them by chance: 'Bob' and
        # 'ACME', matched without case, once did.
        $private = @(
            [pscustomobject]@{ Phone = '+447700900121'; Name = 'Philippa' }
            [pscustomobject]@{ Phone = '+447700900122'; Name = 'Bartholomew' }
        )
        $private | Send-ConnectSms -From AcmeParcels -Text 'Your parcel is ready, $(Name)' -Journal $journal | Out-Null

        $content = Get-Content -Raw -LiteralPath (Convert-Path $journal)

        $content | Should -Not -Match '7700900'
        $content | Should -Not -Match 'Philippa|Bartholomew|parcel is ready|AcmeParcels'
    }

    It 'warns once at the end when the journal could not record what the service answered, and the re-run says what it knows (Linux)' -Skip:$IsWindows {
        # A file-size limit (ulimit -f, systemd LimitFSIZE) the journal reaches after the request's intent: the outcome line
        # is refused. Before, the run crashed on "Specified file length was too large" with no result for its rows; and a
        # write failure that let the run finish left it reporting Queued with no word, the re-run's Unknown rows saying the
        # run had stopped with them in flight.
        $journal = Join-Path $TestDrive 'limited.journal'
        $shell = @('pwsh', 'pwsh.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $script = Join-Path $TestDrive 'limited.ps1'
        # 8 rows make one request whose intent (keys and destinations) fits under 1 KiB with the header, and whose outcome does not.
        Set-Content -LiteralPath $script -Encoding UTF8 -Value @(
            "Import-Module '$((Resolve-Path $manifest).Path)'"
            'Connect-WebexConnect -Sandbox -Tps 1000'
            "`$r = @(1..8 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009002{0:00}' -f `$_; Name = 'Ann' } } | Send-ConnectSms -From ACME -Text 'Hi `$(Name)' -Journal '$journal')"
            "'Results: ' + ((`$r.Status | Group-Object | ForEach-Object { '{0} {1}' -f `$_.Count, `$_.Name }) -join ', ')"
        )
        # The limit is the process's (ulimit -f 1: 1 KiB); SIGXFSZ ignored, as a service's is, so the write fails instead.
        $env:DOTNET_EnableWriteXorExecute = '0'
        try { $said = & bash -c "trap '' XFSZ; ulimit -f 1; exec '$shell' -NoProfile -File '$script'" 2>&1 | Out-String -Width 400 }
        finally { Remove-Item Env:DOTNET_EnableWriteXorExecute }

        $said | Should -Match 'Results: 8 Queued'
        $warnings = @([regex]::Matches($said, 'could not record what the service answered'))
        $warnings.Count | Should -Be 1
        # Usually one request of 8 rows. On a loaded machine row 1 can go alone before row 2 is read; its outcome line
        # then still fits under the limit and the warning counts the 7 that did not.
        $said -match "could not record what the service answered for (\d+) rows" | Should -BeTrue
        $unrecorded = [int]$Matches[1]
        $unrecorded | Should -BeIn 7, 8
        $said | Should -Match ([regex]::Escape("WARNING: The journal '$journal' could not record what the service answered for $unrecorded rows: The journal file has reached the largest file size this process may write (a file-size limit). Their results here are as the service answered. A re-run with this journal reports them Unknown and does not send them again: check them with Get-ConnectMessage or the delivery reports, then use -ResendUnknown to send what did not arrive."))

        $before = Get-RequestCount
        $again = @(1..8 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009002{0:00}' -f $_; Name = 'Ann' } } |
                Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)
        Get-RequestCount | Should -Be $before
        $again.Count | Should -Be 8
        @($again | Where-Object Status -EQ 'Unknown').Count | Should -Be $unrecorded
        @($again | Where-Object Status -EQ 'Skipped').Count | Should -Be (8 - $unrecorded)
        $unknown = @($again | Where-Object Status -EQ 'Unknown')
        $unknown[0].Reason | Should -BeLike 'An earlier run on * UTC recorded sending it but not what the service answered (journal); it may have been sent. *'
    }

    It 'says under -WhatIf which rows the journal would skip, and lists only the others as requests' {
        # A dry run of the next scheduled run: before, -WhatIf did not read the journal and listed every row as a request
        # to send, with only a warning that the real run would skip some of them.
        $journal = Join-Path $TestDrive 'preview.journal'
        $script:rows[0], $script:rows[2] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $before = Get-FileHash -LiteralPath $journal

        # What-if lines go to the host, not to a stream: a child PowerShell's output shows them.
        $out = Invoke-Child @(
            '$rows = @(@{ Phone = "+447700900101"; Name = "Ann" }, @{ Phone = "+447700900102"; Name = "Bob" }, @{ Phone = "+447700900103"; Name = "Cy" }) | ForEach-Object { [pscustomobject]$_ }'
            "`$rows | Send-ConnectSms -From ACME -Text 'Hi `$(Name)' -Journal '$journal' -WhatIf -WarningVariable warned"
            '"SENT $(@(Get-ConnectSandboxRequest).Count) WARNED $($warned.Count)"')

        $out | Should -Match ([regex]::Escape("What if: Skipping row 1 (+447700900101): the journal '$journal' says an earlier run sent or scheduled it. A run reports it Skipped."))
        $out | Should -Match ([regex]::Escape("What if: Skipping row 3 (+447700900103)"))
        $out | Should -Match ([regex]::Escape('on target "batch 1: 1 destination, row 2 (+447700900102)".'))
        $out | Should -Not -Match 'rows 1-3'
        $out | Should -Match 'SENT 0 WARNED 0'
        (Get-FileHash -LiteralPath $journal).Hash | Should -Be $before.Hash
    }

    It 'says under -WhatIf -Verbose which journal it read and what it holds, in the line a run opens with' {
        # Before: only the real run's -Verbose named the journal: a dry run given the wrong path (a journal no run wrote)
        # listed every row as a request and did not say which file it had read.
        $journal = Join-Path $TestDrive 'whatif-findings.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $full = (Resolve-Path -LiteralPath $journal).ProviderPath

        $dry = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WhatIf -Verbose 4>&1 6>$null |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })
        $run = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })
        $missing = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal (Join-Path $TestDrive 'elsewhere.journal') -WhatIf -Verbose 4>&1 6>$null |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Journal *' })

        $dry.Count | Should -Be 1
        $dry[0].Message | Should -Be "Journal '$full': earlier runs recorded 3 rows: 3 sent or scheduled (Skipped if they come again)."
        $dry[0].Message | Should -Be $run[0].Message
        $missing.Message | Should -BeLike "Journal '*elsewhere.journal': no earlier run recorded a send in it, so no row is skipped as sent."
        Test-Path -LiteralPath (Join-Path $TestDrive 'elsewhere.journal') | Should -BeFalse
    }

    It 'warns once when every row of a template re-run changed (a column that changes with each export), naming -SubstitutionColumn and -SkipChanged' {
        # Before: a CSV exported again with an 'Exported' column of its own time sent every row a second time on a re-run
        # with the same -Journal, without a word. A template may use any column, so they still go (the journal cannot tell
        # them from new messages to the same people), and the one warning says what to give.
        $journal = Join-Path $TestDrive 'exported.journal'
        $export = { param($when) $script:rows | Select-Object Phone, Name, @{ n = 'Exported'; e = { $when } } }
        & $export '2026-12-05 01:00' | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal | Out-Null

        & $export '2026-12-06 01:00' | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -WhatIf -WarningVariable dryWarned -WarningAction SilentlyContinue 6>$null
        $results = @(& $export '2026-12-06 01:00' | Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike '3 rows (rows 1, 2, 3) got a second, different message*-SkipChanged holds them back. Every row changed: if the template is the one sent before, a column that changes with each export (a timestamp) is why; give -SubstitutionColumn*'
        $dryWarned.Count | Should -Be 1
        "$dryWarned" | Should -BeLike '3 rows (rows 1, 2, 3) would get a second, different message*'

        # The same export once more, with a new row: three are among the journal's, so no warning.
        @(& $export '2026-12-06 01:00') + [pscustomobject]@{ Phone = '+447700900104'; Name = 'Di'; Exported = '2026-12-06 01:00' } |
            Send-ConnectSms -From ACME -TemplateId 'greeting' -Journal $journal -WarningVariable again -WarningAction SilentlyContinue | Out-Null
        $again.Count | Should -Be 0
    }

    It 'skips every row of a text re-run whose export differs only in a column the text does not name, without a warning' {
        $journal = Join-Path $TestDrive 'exported-text.journal'
        $export = { param($when) $script:rows | Select-Object Phone, Name, @{ n = 'Exported'; e = { $when } } }
        & $export '2026-12-05 01:00' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $results = @(& $export '2026-12-06 01:00' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $warned.Count | Should -Be 0
    }

    It 'says nothing of new rows to a foreach loop of one-row calls, each of which sends one row the journal does not hold' {
        # Before: every call after the first ended with "... not one row of this run is among them: it went out as new. If
        # this run repeats an earlier one, its rows differ ...": 999 warnings for a 1,000-row CSV, all about rows that were new.
        $journal = Join-Path $TestDrive 'loop.journal'
        $before = Get-RequestCount
        $results = foreach ($row in $script:rows) {
            Send-ConnectSms -To $row.Phone -From ACME -Text "Hi $($row.Name)" -Journal $journal -WarningVariable +warned -WarningAction SilentlyContinue
        }

        @($results).Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 0
        (Get-RequestCount) - $before | Should -Be 3

        # The loop run again: every call skips its row, and none is sent twice.
        $again = foreach ($row in $script:rows) {
            Send-ConnectSms -To $row.Phone -From ACME -Text "Hi $($row.Name)" -Journal $journal -WarningVariable +warnedAgain -WarningAction SilentlyContinue
        }
        @($again).Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        @($warnedAgain).Count | Should -Be 0
        (Get-RequestCount) - $before | Should -Be 3
    }

    It 'skips in a foreach loop of one-row calls a row that repeats one an earlier call sent, as the help says, and sends it piped' {
        # Each call is a run of its own: the journal cannot tell the loop's repeat from a re-run's. Piped into one call, the
        # repeat is its own row and is sent again (with the repeated-row warning).
        $journal = Join-Path $TestDrive 'loop-repeat.journal'
        $repeated = @($script:rows[0], $script:rows[1], $script:rows[0])
        $before = Get-RequestCount
        $looped = foreach ($row in $repeated) {
            Send-ConnectSms -To $row.Phone -From ACME -Text "Hi $($row.Name)" -Journal $journal
        }

        @($looped).Status | Should -Be @('Queued', 'Queued', 'Skipped')
        @($looped)[2].Reason | Should -BeLike 'Already sent in an earlier run on * (journal). In a foreach loop of one-row calls*'
        (Get-RequestCount) - $before | Should -Be 2

        $piped = @($repeated | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal (Join-Path $TestDrive 'piped-repeat.journal') -WarningAction SilentlyContinue)
        $piped.Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'tells ForEach-Object -Parallel calls refused the journal another call holds to pipe the rows into one call, which sends the rest once' {
        # Before: each call but one stopped with "in use by another send run ... wait for that run to end and run this
        # again", which a parallel loop cannot do (measured: 19 rows of 20 not sent).
        $journal = Join-Path $TestDrive 'parallel.journal'
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        $phones = 1..4 | ForEach-Object { '+44770090060{0}' -f $_ }
        # Each call waits until all four are connected, so their sends overlap however slowly a busy machine imports.
        $ready = [System.Collections.Concurrent.ConcurrentDictionary[string, bool]]::new()
        $outcomes = $phones | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            Connect-WebexConnect -Sandbox -SandboxLatency 1s
            $all = $using:ready
            $null = $all.TryAdd($_, $true)
            $until = [DateTime]::UtcNow.AddSeconds(60)
            while ($all.Count -lt 4 -and [DateTime]::UtcNow -lt $until) { Start-Sleep -Milliseconds 10 }
            try { Send-ConnectSms -To $_ -From ACME -Text 'Hi' -Journal $using:journal -ErrorAction Stop }
            catch { [pscustomobject]@{ Refused = $_.FullyQualifiedErrorId; Message = $_.Exception.Message } }
        }

        $refused = @($outcomes | Where-Object Refused)
        $refused.Count | Should -BeGreaterThan 0
        $refused[0].Refused | Should -BeLike 'JournalInUse,*'
        $refused[0].Message | Should -BeLike '*in use by another send command of this PowerShell process (ForEach-Object -Parallel*this command sent nothing. Pipe the rows into one call*'
        $queued = @($outcomes | Where-Object Status -eq Queued)
        ($queued.Count + $refused.Count) | Should -Be 4

        # The advice followed: one piped call with the same journal skips what went and sends the rest, each once.
        $before = Get-RequestCount
        $again = @($phones | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal)
        @($again | Where-Object Status -eq Skipped).Destination | Should -Be @($queued.Destination | Sort-Object)
        @($again | Where-Object Status -eq Queued).Count | Should -Be $refused.Count
        (Get-RequestCount) - $before | Should -Be 1
    }

    It 'warns when a daily task given the same journal every day skips the rows it sent yesterday (a weekly reminder stops)' {
        # Before: day 2 of a scheduled task with one -Journal path for every day came back all Skipped, exit code 0, with no
        # word beyond the Skipped rows: the same reminder to the same people ("Your weekly pickup is tomorrow") never went
        # again. Yesterday's run is made by moving day 1's times in the journal back a day.
        $journal = Join-Path $TestDrive 'reminders.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Your weekly pickup is tomorrow' -Journal $journal | Out-Null
        $again = @($script:rows | Send-ConnectSms -From ACME -Text 'Your weekly pickup is tomorrow' -Journal $journal -WarningVariable sameDay -WarningAction SilentlyContinue)
        $again.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $sameDay.Count | Should -Be 0    # a re-run the same day: nothing to say
        $yesterday = (Get-Date).ToUniversalTime().AddDays(-1).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
        (Get-Content -LiteralPath $journal) -replace '"t":"[^"]+"', ('"t":"' + $yesterday + '"') | Set-Content -LiteralPath $journal
        $full = (Resolve-Path -LiteralPath $journal).ProviderPath

        $script:rows | Send-ConnectSms -From ACME -Text 'Your weekly pickup is tomorrow' -Journal $journal -WhatIf -WarningVariable dryWarned -WarningAction SilentlyContinue 6>$null
        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Your weekly pickup is tomorrow' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped', 'Skipped')
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike "3 rows Skipped as already sent: the journal '$full' records them sent 12 hours or more before this run began*same -Journal every day*'reminders-$(Get-Date -Format yyyy-MM-dd).journal' today*"
        $dryWarned.Count | Should -Be 1    # -WhatIf says it too, as the run would
        "$dryWarned" | Should -BeLike "3 rows would be Skipped as already sent: the journal '$full' records them sent 12 hours or more*"
    }

    It 'ends -WhatIf -Verbose with what a run would do with every row read: send, skip by the journal, or refuse' {
        # Before: "Send SMS: 0 rows in 0.0 s: nothing sent." for a re-run whose journal would skip every row read.
        $journal = Join-Path $TestDrive 'summary.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        $verbose = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WhatIf -Verbose 4>&1 6>$null)
        $verbose[-1].Message | Should -Match '^Send SMS: 3 rows in \d+\.\d s with -WhatIf: nothing sent; a run would send 0, skip 3 as already sent \(the journal says so\)\.$'

        $more = $script:rows + [pscustomobject]@{ Phone = '+447700900104'; Name = 'Di' } + [pscustomobject]@{ Phone = 'none'; Name = 'Ed' }
        $output = @($more | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WhatIf -Verbose -ErrorAction SilentlyContinue 4>&1 6>$null)
        $summary = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[-1].Message
        $summary | Should -Match '^Send SMS: 5 rows in \d+\.\d s with -WhatIf: nothing sent; a run would send 1, skip 3 as already sent \(the journal says so\), report 1 Invalid\.$'
    }

    It 'warns under -WhatIf when another run holds the journal, and stops as a run would on one it could not use' {
        $journal = Join-Path $TestDrive 'held.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null
        # As a send run holds it: the system's lock keeps even a reader out on Linux and macOS; on Windows it reads.
        $held = [IO.FileStream]::new($journal, 'Open', 'ReadWrite', $(if ($IsWindows) { 'Read' } else { 'None' }))
        try {
            $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WhatIf -WarningVariable warned 3>$null 6>$null
        }
        finally { $held.Dispose() }

        if (-not $IsWindows) { "$warned" | Should -BeLike "*-WhatIf could not read the journal*another send run is using it now*JournalInUse*" }
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal (Join-Path $TestDrive 'no-such-folder/x.journal') -WhatIf 6>$null } |
            Should -Throw -ErrorId 'JournalFolderMissing,*'
        Test-Path (Join-Path $TestDrive 'no-such-folder') | Should -BeFalse
    }

    # Before: -rw-r--r-- (the umask's 0644), so every account on a shared server could read the salt and the hashes
    # and test guessed numbers against them. A file the admin made beforehand keeps the mode the admin gave it.
    It 'creates a new journal readable and writable by this account only (Linux), and leaves an existing one''s mode' -Skip:$IsWindows {
        $journal = Join-Path $TestDrive 'own only é.journal'
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal | Out-Null

        (Get-Item -LiteralPath $journal).UnixMode | Should -Be '-rw-------'

        $shared = Join-Path $TestDrive 'team.journal'
        $null = New-Item -ItemType File -Path $shared
        chmod 0640 $shared
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $shared | Out-Null

        (Get-Item -LiteralPath $shared).UnixMode | Should -Be '-rw-r-----'
    }

    It 'creates no journal with -WhatIf' {
        $before = Get-RequestCount

        # -ErrorAction Stop: a run that failed before reaching -WhatIf would also leave no file.
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'TestDrive:/whatif.journal' -WhatIf -ErrorAction Stop } |
            Should -Not -Throw

        Test-Path 'TestDrive:/whatif.journal' | Should -BeFalse
        Get-RequestCount | Should -Be $before
    }

    It 'refuses a file that is not a journal, leaving it as it was' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'people.csv') -Value 'Phone,Name'
        $before = Get-RequestCount

        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'TestDrive:/people.csv' } | Should -Throw -ErrorId 'JournalUnreadable,*'

        Get-RequestCount | Should -Be $before
        (Get-Content -LiteralPath (Join-Path $TestDrive 'people.csv')) | Should -Be 'Phone,Name'
    }
}

Describe 'Send-ConnectSms -Journal with a damaged line' {
    BeforeEach {
        # Two runs: header, then intent and outcome of rows 1-2, then intent and outcome of row 3.
        $script:journal = Join-Path $TestDrive "damaged-$(Get-Random).journal"
        $script:rows[0..1] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal | Out-Null
        $script:rows[2] | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal -WarningAction SilentlyContinue | Out-Null
        $script:lines = @(Get-Content -LiteralPath $script:journal)
        $script:lines.Count | Should -Be 5
    }

    It 'goes on after a last line cut short by a crash, reporting its rows Unknown and sending nothing' {
        $script:lines[4] = $script:lines[4].Substring(0, 30)
        Set-Content -LiteralPath $script:journal -Value $script:lines
        $before = Get-RequestCount

        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped', 'Unknown')
        Get-RequestCount | Should -Be $before
    }

    It 'says for a damaged line in the middle how to remove it, and the command it gives lets the run go on without sending again' {
        # Before, it said to restore a backup or "send with a new journal", which sends every row again.
        $script:lines[2] = $script:lines[2].Substring(0, 20)
        Set-Content -LiteralPath $script:journal -Value $script:lines
        $before = Get-RequestCount

        $failure = { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal } |
            Should -Throw -ErrorId 'JournalUnreadable,*' -PassThru
        $message = $failure.Exception.Message
        $message | Should -BeLike 'Line 3 of the journal *is damaged*Nothing was sent.*'
        $message | Should -BeLike '*Do not give -Journal a new file*'
        Get-RequestCount | Should -Be $before

        $message -match "again: (\(Get-Content .+? \| Set-Content -LiteralPath '(?:[^']|'')*')\." | Should -BeTrue
        Invoke-Expression $Matches[1]
        @(Get-Content -LiteralPath $script:journal).Count | Should -Be 4
        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $script:journal -ErrorAction SilentlyContinue)

        # The removed line was the outcome of rows 1-2: their intent stands, so they are Unknown, not sent twice.
        $results.Status | Should -Be @('Unknown', 'Unknown', 'Skipped')
        Get-RequestCount | Should -Be $before
    }
}

Describe 'Send-ConnectSms -Journal that cannot be used' {
    # The journal is opened before the first row is read: a run that cannot use it ends at once, with no row
    # taken from the pipeline (so none is left read but without a result) and nothing sent.
    It 'ends with <Id> before it takes a row (<Case>)' -TestCases @(
        @{ Id = 'JournalIsDirectory'; Case = 'a folder' }
        @{ Id = 'JournalUnreadable'; Case = 'a file that is not a journal' }
        @{ Id = 'JournalInUse'; Case = 'a journal another run holds' }
        @{ Id = 'JournalFolderMissing'; Case = 'a folder that does not exist' }
        @{ Id = 'JournalFolderMissing'; Case = 'a path ending with / whose folder does not exist' }
    ) {
        param($Id, $Case)
        $path = Join-Path $TestDrive "$Id-$((Get-Random)).journal"
        $held = $null
        switch ($Case) {
            'a folder' { New-Item -ItemType Directory -Path $path | Out-Null }
            'a file that is not a journal' { Set-Content -LiteralPath $path -Value 'Phone,Name' }
            'a journal another run holds' { $held = [System.IO.File]::Open($path, 'OpenOrCreate', 'ReadWrite', 'None') }
            'a folder that does not exist' { $path = Join-Path $TestDrive 'nodir/sub/run.journal' }
            'a path ending with / whose folder does not exist' { $path = (Join-Path $TestDrive 'nodir/sub') + '/' }
        }
        $taken = [System.Collections.Generic.List[object]]::new()
        $results = [System.Collections.Generic.List[object]]::new()
        $before = Get-RequestCount

        try {
            { $script:rows | ForEach-Object { $taken.Add($_); $_ } |
                Send-ConnectSms -From ACME -Text 'Hi' -Journal $path | ForEach-Object { $results.Add($_) } } |
                Should -Throw -ErrorId "$Id,*"
        }
        finally {
            if ($held) { $held.Dispose() }
        }

        $taken.Count | Should -Be 0
        $results.Count | Should -Be 0
        Get-RequestCount | Should -Be $before
    }

    It 'says that the folder does not exist, naming it' {
        $folder = Join-Path $TestDrive 'nodir/sub'
        $failure = $null
        try { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal (Join-Path $folder 'run.journal') }
        catch { $failure = $_ }

        $failure.Exception.Message | Should -BeLike "*its folder '$([System.IO.Path]::GetFullPath($folder))' does not exist*"
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Test-Path (Join-Path $TestDrive 'nodir') | Should -BeFalse
    }

    It 'says that a file stands where the path needs a folder, instead of a folder that does not exist' {
        # -Journal C:\Jobs\sms.csv\run.journal: the system says only "could not find a part of the path". Before, the
        # error said "its folder '...sms.csv' does not exist. Create the folder first", and Test-Path found it.
        $file = Join-Path $TestDrive 'sms.csv'
        Set-Content -LiteralPath $file -Value 'Phone'
        $before = Get-RequestCount
        $failure = $null
        try { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal (Join-Path $file 'sub/run.journal') }
        catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'JournalFolderMissing,*'
        $shown = $failure.Exception.Message
        $shown | Should -BeLike "*: '$([System.IO.Path]::GetFullPath($file))' in its path is a file, not a folder. Give the path of a file in a folder, e.g. '$([System.IO.Path]::GetFullPath((Join-Path $TestDrive 'send.journal')))'.*"
        $shown | Should -Not -Match 'does not exist'
        Get-RequestCount | Should -Be $before
    }

    It 'shows a missing folder in Get-Error at 80 columns without the file system''s exception under it' {
        # Before: Get-Error printed the DirectoryNotFoundException behind the error, with its stack trace, under a
        # message that already names the folder and says to create it.
        $failure = $null
        try { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal (Join-Path $TestDrive 'nodir/sub/run.journal') }
        catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'JournalFolderMissing,*'
        $failure.Exception | Should -BeOfType ([WebexConnect.Sending.SessionFailureException])
        $failure.Exception.InnerException | Should -BeNullOrEmpty
        $failure | Get-Error | Out-String -Width 80 | Should -Not -Match 'DirectoryNotFoundException|InnerException'
    }

    It 'refuses a path on a drive of another provider (<Journal>) instead of writing a file in the process directory' -TestCases @(
        @{ Journal = 'variable:/wxc-journal' }
        @{ Journal = 'env:/wxc-journal' }
        @{ Journal = 'Function:wxc-journal' }
    ) {
        param($Journal)
        $before = Get-RequestCount

        { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal $Journal } | Should -Throw -ErrorId 'JournalNotFileSystem,*'

        Get-RequestCount | Should -Be $before
        Test-Path -LiteralPath (Join-Path ([System.Environment]::CurrentDirectory) 'wxc-journal') | Should -BeFalse
    }

    It 'refuses a relative path while the current location is on another provider, saying so' {
        Push-Location variable:/
        try {
            $failure = $null
            try { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal 'run.journal' } catch { $failure = $_ }
        }
        finally {
            Pop-Location
        }

        $failure.FullyQualifiedErrorId | Should -BeLike 'JournalNotFileSystem,*'
        $failure.Exception.Message | Should -BeLike "*on the Variable provider (a relative path follows the current location, 'Variable:*'), not the file system*"
        $failure.TargetObject | Should -Be 'run.journal'
    }

    It 'refuses ~ in a process without a home folder as JournalPathInvalid, naming -Journal and saying to give a full path' {
        # Before: a crontab or systemd unit that starts pwsh without HOME ended with PowerShell's bare "Home location for this
        # provider is not set" under the ErrorId InvalidOperation, naming neither the journal nor what to do.
        $fileSystem = Get-PSProvider FileSystem
        $home0 = $fileSystem.Home
        try {
            $fileSystem.Home = $null
            $failure = $null
            try { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal '~/daily.journal' } catch { $failure = $_ }
        }
        finally {
            $fileSystem.Home = $home0
        }

        $failure.FullyQualifiedErrorId | Should -BeLike 'JournalPathInvalid,*'
        $failure.Exception.Message | Should -BeLike "The journal path '~/daily.journal' cannot be resolved: *~ stands for the home folder, and this process has none (HOME is not set*Give the full path of a regular file."
        $failure.TargetObject | Should -Be '~/daily.journal'
    }

    It 'refuses a blank path as JournalPathInvalid instead of creating a file named with spaces' {
        Push-Location TestDrive:/
        try {
            { $script:rows[0] | Send-ConnectSms -From ACME -Text 'Hi' -Journal ' ' } | Should -Throw -ErrorId 'JournalPathInvalid,*'
        }
        finally {
            Pop-Location
        }

        Test-Path -LiteralPath (Join-Path $TestDrive ' ') | Should -BeFalse
    }
}

Describe 'Send-ConnectEmail -Journal' {
    It 'skips the addresses an earlier run sent to' {
        $journal = 'TestDrive:/mail.journal'
        $mail = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob' }
        )
        $mail | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(Name)' -Journal $journal | Out-Null
        $before = Get-RequestCount

        $results = @($mail | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped')
        Get-RequestCount | Should -Be $before
        Get-Content -Raw -LiteralPath (Convert-Path $journal) | Should -Not -Match 'example\.com'
    }
}

Describe 'Send-ConnectSms -Journal after an update' {
    It 'skips the rows a version before the trim sent with the spaces their cells held, and sends the new ones trimmed' {
        # Before: the previous round trimmed substitution cells ('Bernd ;' of a semicolon CSV) before the journal named the
        # send, so a journal of the version before did not know those rows, and the re-run after the update sent them again.
        $journal = Join-Path $TestDrive 'sms-update.journal'
        $sms = '"channel":"sms","from":"ACME","content":{"type":"text","text":"Hi $(Name)"}'
        $ann = [pscustomobject]@{ Phone = '+447700900401'; Name = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal
        $salt = Get-JournalSalt $journal
        # The hand-made key is the journal's own for a row without spaces: the line below is keyed as a run keys it.
        Get-LastLineKeys $journal |
            Should -Contain (Get-VersionKey $salt sms $sms '{"msisdn":["+447700900401"],"substitutions":{"Name":"Ann"}}')
        $ann.Status | Should -Be 'Queued'
        Add-SentLine $journal (Get-VersionKey $salt sms $sms '{"msisdn":["+447700900402"],"substitutions":{"Name":"Bernd "}}') 'earlier-2'
        $before = @(Get-ConnectSandboxRequest).Count

        $rows = "Phone;Name`n+447700900402;Bernd `n+447700900403;Cy " | ConvertFrom-Csv -Delimiter ';'
        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-2'
        $sent = @(Get-ConnectSandboxRequest)[$before..999]
        $sent.Count | Should -Be 1
        ($sent[0].Body | ConvertFrom-Json).to[0].substitutions.Name | Should -BeExactly 'Cy'
    }
}

Describe 'Send-ConnectRcs -Journal after an update' {
    BeforeAll {
        function script:Get-MediaJson([string] $Url) {
            '"channel":"rcs","from":"app-1","content":{"type":"media","mediaContentUrl":' + (ConvertTo-Json $Url) + '}'
        }
    }

    It 'skips the rows a version before it sent with spaces in their URL, whether it trimmed the cell or not, and sends the rest encoded' {
        # Before: the previous round trimmed a MediaUrl cell before the journal named the send, so a journal of the version
        # before it (-MediaUrl $_.MediaUrl, sent as written) did not know the row, and the re-run after the update sent it again.
        $journal = Join-Path $TestDrive 'rcs-update.journal'
        $plain = Send-ConnectRcs -To '+447700900301' -From app-1 -MediaUrl 'https://cdn.example.com/plain.png' -Journal $journal
        $salt = Get-JournalSalt $journal
        # The hand-made key is the journal's own for a URL without spaces: the lines below are keyed as a run keys them.
        Get-LastLineKeys $journal |
            Should -Contain (Get-VersionKey $salt rcs (Get-MediaJson 'https://cdn.example.com/plain.png') '{"msisdn":["+447700900301"]}')
        $plain.Status | Should -Be 'Queued'

        $cell = ' https://cdn.example.com/boarding pass.png '
        # Row 2 went out as the cell had it (the version before the trim); row 3 trimmed (the previous round).
        Add-SentLine $journal (Get-VersionKey $salt rcs (Get-MediaJson $cell) '{"msisdn":["+447700900302"]}') 'earlier-2'
        Add-SentLine $journal (Get-VersionKey $salt rcs (Get-MediaJson $cell.Trim()) '{"msisdn":["+447700900303"]}') 'earlier-3'
        $before = @(Get-ConnectSandboxRequest).Count

        $rows = "Phone,MediaUrl`n+447700900302,`"$cell`"`n+447700900303,`"$cell`"`n+447700900304,`"$cell`"" | ConvertFrom-Csv
        $results = @($rows | Send-ConnectRcs -From app-1 -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-2'
        $sent = @(Get-ConnectSandboxRequest)[$before..999]
        $sent.Count | Should -Be 1
        ($sent[0].Body | ConvertFrom-Json).content.mediaContentUrl | Should -Be 'https://cdn.example.com/boarding%20pass.png'
    }
}

Describe 'A journal and the URLs it names a send by' {
    It 'skips a row on the re-run after its file''s cell was mended from a space or a letter to its %XX, which is the same file' {
        # Before: the journal named a send by its URLs as given, so 'boarding pass.png' and 'boarding%20pass.png', the one file
        # the service fetches, were two sends: mending the cell and running the job again sent the row a second time.
        $journal = Join-Path $TestDrive 'mended.journal'
        $first = "Phone,MediaUrl`n+447700900501,https://cdn.example.com/boarding pass.png`n+447700900502,https://cdn.example.com/Größe.png" | ConvertFrom-Csv
        $mended = "Phone,MediaUrl`n+447700900501,https://cdn.example.com/boarding%20pass.png`n+447700900502,https://cdn.example.com/Gr%C3%B6%C3%9Fe.png" | ConvertFrom-Csv
        @($first | Send-ConnectRcs -From app-1 -Journal $journal).Status | Should -Be @('Queued', 'Queued')
        $before = Get-RequestCount

        $results = @($mended | Send-ConnectRcs -From app-1 -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped')
        Get-RequestCount | Should -Be $before
    }

    It 'skips a card sent by a version before New-ConnectRcsCard trimmed its URL cell, and one sent by the version that trimmed it' {
        # Before: New-ConnectRcsCard trims the spaces a cell leaves around a URL in the card it makes, and the journal named the
        # send by that card: a journal of the version before the trim named it with the spaces, and the re-run after the
        # update sent the card again.
        $journal = Join-Path $TestDrive 'card-update.journal'
        function Get-CardJson([string] $Url) {
            '"channel":"rcs","from":"app-1","content":{"type":"standalone","richCard":{"title":"Pass","media":{"height":"SHORT","url":' + (ConvertTo-Json $Url) + '}}}'
        }
        $plain = Send-ConnectRcs -To '+447700900511' -From app-1 -Card (New-ConnectRcsCard -Title 'Pass' -MediaUrl 'https://cdn.example.com/p.png' -MediaHeight Short) -Journal $journal
        $salt = Get-JournalSalt $journal
        # The hand-made key is the journal's own for a URL without spaces: the lines below are keyed as a run keys them.
        Get-LastLineKeys $journal |
            Should -Contain (Get-VersionKey $salt rcs (Get-CardJson 'https://cdn.example.com/p.png') '{"msisdn":["+447700900511"]}')
        $plain.Status | Should -Be 'Queued'
        $cell = 'https://cdn.example.com/pass 2.png '
        Add-SentLine $journal (Get-VersionKey $salt rcs (Get-CardJson $cell) '{"msisdn":["+447700900512"]}') 'earlier-12'
        Add-SentLine $journal (Get-VersionKey $salt rcs (Get-CardJson $cell.Trim()) '{"msisdn":["+447700900513"]}') 'earlier-13'
        $before = Get-RequestCount

        $card = New-ConnectRcsCard -Title 'Pass' -MediaUrl $cell -MediaHeight Short
        $results = @('+447700900512', '+447700900513', '+447700900514' | ForEach-Object { Send-ConnectRcs -To $_ -From app-1 -Card $card -Journal $journal })

        $results.Status | Should -Be @('Skipped', 'Skipped', 'Queued')
        $results.MessageId[0..1] | Should -Be @('earlier-12', 'earlier-13')
        $card.MediaUrl | Should -BeExactly 'https://cdn.example.com/pass 2.png' -Because 'the card shows the URL without the spaces, as before'
        Get-RequestCount | Should -Be ($before + 1)
        (@(Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).content.richCard.media.url | Should -BeExactly 'https://cdn.example.com/pass%202.png'
    }

    It 'skips an email whose Attachment cell a version before the separator trim sent with the space before its semicolon' {
        # Before: 'INV-2.pdf ; terms.pdf' went out, and was journaled, as 'INV-2.pdf ' by the version before the trim of a list's
        # separators; the one after sends 'INV-2.pdf' and its journal key differs, so the re-run after the update sent it again.
        $journal = Join-Path $TestDrive 'attachment-update.journal'
        function Get-MailJson([string] $Url) {
            '"channel":"email","from":"news@example.com","content":{"type":"text","subject":"S","text":"T","attachments":[' +
            '{"mimetype":"application/pdf","name":"INV-2.pdf","mediaUrl":' + (ConvertTo-Json $Url) + '},' +
            '{"mimetype":"application/pdf","name":"terms.pdf","mediaUrl":"https://f.example.com/terms.pdf"}]}'
        }
        $send = { param($Rows) @($Rows | ConvertFrom-Csv | Send-ConnectEmail -From news@example.com -Subject S -Text T -Journal $journal -ErrorAction SilentlyContinue) }
        (& $send "Email,Attachment`nann@example.com,https://f.example.com/INV-2.pdf;https://f.example.com/terms.pdf").Status | Should -Be 'Queued'
        $salt = Get-JournalSalt $journal
        # The hand-made key is the journal's own for a cell without spaces: the line below is keyed as a run keys it.
        Get-LastLineKeys $journal |
            Should -Contain (Get-VersionKey $salt email (Get-MailJson 'https://f.example.com/INV-2.pdf') '{"email":["ann@example.com"]}')
        Add-SentLine $journal (Get-VersionKey $salt email (Get-MailJson 'https://f.example.com/INV-2.pdf ') '{"email":["bob@example.com"]}') 'earlier-bob'
        $before = Get-RequestCount

        $results = & $send "Email,Attachment`nbob@example.com,https://f.example.com/INV-2.pdf ; https://f.example.com/terms.pdf`ncy@example.com,https://f.example.com/INV-2.pdf ; https://f.example.com/terms.pdf"

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-bob'
        Get-RequestCount | Should -Be ($before + 1)
        (@(Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).content.attachments.mediaUrl | Should -BeExactly @('https://f.example.com/INV-2.pdf', 'https://f.example.com/terms.pdf')
    }
}

Describe 'A journal and what the versions before this one sent' {
    BeforeAll {
        $script:PlainMediaKeyed = {
            param([string] $Journal, [string] $To)
            # The hand-made key is the journal's own for a URL with nothing to encode: the lines the tests add are keyed as a run keys them.
            $plain = Send-ConnectRcs -To $To -From app-1 -MediaUrl 'https://cdn.example.com/plain.png' -Journal $Journal
            $plain.Status | Should -Be 'Queued'
            Get-LastLineKeys $Journal | Should -Contain (Get-VersionKey (Get-JournalSalt $Journal) rcs (Get-MediaUrlJson 'https://cdn.example.com/plain.png') ('{"msisdn":["' + $To + '"]}'))
        }
        function script:Get-MediaUrlJson([string] $Url) { '"channel":"rcs","from":"app-1","content":{"type":"media","mediaContentUrl":"' + $Url + '"}' }
    }

    It 'sends the service''s own placeholders (topic_id in double angle brackets) as written, and skips the rows the version that encoded them sent' {
        # Before: '<' and '>' went out as %3C and %3E, so the service got %3C%3Ctopic_id%3E%3E, which it does not fill in (the
        # vendor's own example gives listUnsubscribeUrl so). That version keyed the send with the encoded form: a re-run with its
        # journal must not send those rows again.
        $journal = Join-Path $TestDrive 'placeholder.journal'
        $unsubscribe = 'https://www.domain.tld/<<topic_id>>/<<sender_id>>/unsubscribe'
        function Get-UnsubscribeJson([string] $Url) {
            '"channel":"email","from":"news@example.com","options":{"listUnsubscribeUrl":"' + $Url + '"},"content":{"type":"text","subject":"S","text":"T"}'
        }
        $send = { param([string[]] $To) @($To | Send-ConnectEmail -From news@example.com -Subject S -Text T -ListUnsubscribeUrl $unsubscribe -Journal $journal -ErrorAction SilentlyContinue) }
        (& $send 'ann@example.com').Status | Should -Be 'Queued'
        (@(Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).options.listUnsubscribeUrl | Should -BeExactly $unsubscribe
        $salt = Get-JournalSalt $journal
        Get-LastLineKeys $journal | Should -Contain (Get-VersionKey $salt email (Get-UnsubscribeJson $unsubscribe) '{"email":["ann@example.com"]}')
        $encoded = 'https://www.domain.tld/%3C%3Ctopic_id%3E%3E/%3C%3Csender_id%3E%3E/unsubscribe'
        Add-SentLine $journal (Get-VersionKey $salt email (Get-UnsubscribeJson $encoded) '{"email":["bob@example.com"]}') 'earlier-bob'
        $before = Get-RequestCount

        $results = & $send 'bob@example.com', 'cy@example.com'

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-bob'
        Get-RequestCount | Should -Be ($before + 1)
    }

    It 'skips a row a version before the encoding sent with a space in its URL, after the cell was mended to %20' {
        # Before: that version keyed 'a b.png' as it sent it; this one keyed the mended cell 'a%20b.png' and its earlier forms,
        # none of them 'a b.png', and sent the row again, though it sends the one URL for either cell.
        $journal = Join-Path $TestDrive 'mended-after-update.journal'
        & $PlainMediaKeyed $journal '+447700900521'
        Add-SentLine $journal (Get-VersionKey (Get-JournalSalt $journal) rcs (Get-MediaUrlJson 'https://cdn.example.com/a b.png') '{"msisdn":["+447700900522"]}') 'earlier-22'
        $before = Get-RequestCount

        $rows = "Phone,MediaUrl`n+447700900522,https://cdn.example.com/a%20b.png`n+447700900523,https://cdn.example.com/a%20b.png" | ConvertFrom-Csv
        $results = @($rows | Send-ConnectRcs -From app-1 -Journal $journal -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-22'
        Get-RequestCount | Should -Be ($before + 1)
    }

    It 'skips a chip sent by a version before New-ConnectRcsSuggestion trimmed its -Phone cell' {
        # Before: the chip's number lost the spaces its cell had, and the journal of the version before the trim named the send
        # with them: the re-run after the update sent the message again.
        $journal = Join-Path $TestDrive 'chip-update.journal'
        function Get-ChipJson([string] $Phone) {
            '"channel":"rcs","from":"app-1","content":{"type":"text","text":"Call us","suggestions":[{"type":"dialPhone","displayText":"Call","phone":"' + $Phone + '"}]}'
        }
        $send = { param([string] $Phone, [string[]] $To) $chip = New-ConnectRcsSuggestion -DisplayText Call -Phone $Phone; @($To | Send-ConnectRcs -From app-1 -Text 'Call us' -Suggestion $chip -Journal $journal) }
        (& $send '+447700900999' '+447700900531').Status | Should -Be 'Queued'
        $salt = Get-JournalSalt $journal
        Get-LastLineKeys $journal | Should -Contain (Get-VersionKey $salt rcs (Get-ChipJson '+447700900999') '{"msisdn":["+447700900531"]}')
        Add-SentLine $journal (Get-VersionKey $salt rcs (Get-ChipJson '+447700900999 ') '{"msisdn":["+447700900532"]}') 'earlier-32'
        $before = Get-RequestCount

        $results = & $send '+447700900999 ' '+447700900532', '+447700900533'

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-32'
        Get-RequestCount | Should -Be ($before + 1)
        (@(Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).content.suggestions[0].phone | Should -BeExactly '+447700900999'
    }

    It 'skips a row a version before the GtrId trim sent with the spaces its GtrId cell held' {
        # Before: Send-ConnectRcs trims a GtrId cell ('g-2 ' of a CSV) since a recent version, and the journal of the version
        # before named the send with the spaces: the re-run after the update sent the row again.
        $journal = Join-Path $TestDrive 'gtr-update.journal'
        $text = '"channel":"rcs","from":"app-1","content":{"type":"text","text":"Hi"}'
        $send = { param([string] $Csv) @($Csv | ConvertFrom-Csv | Send-ConnectRcs -From app-1 -Text Hi -Journal $journal -ErrorAction SilentlyContinue) }
        (& $send "Phone,GtrId`n+447700900541,g-1").Status | Should -Be 'Queued'
        $salt = Get-JournalSalt $journal
        Get-LastLineKeys $journal | Should -Contain (Get-VersionKey $salt rcs $text '{"msisdn":["+447700900541"],"gtrId":["g-1"]}')
        Add-SentLine $journal (Get-VersionKey $salt rcs $text '{"msisdn":["+447700900542"],"gtrId":["g-2 "]}') 'earlier-42'
        $before = Get-RequestCount

        $results = & $send "Phone,GtrId`n+447700900542,g-2 `n+447700900543,g-3 "

        $results.Status | Should -Be @('Skipped', 'Queued')
        $results[0].MessageId | Should -Be 'earlier-42'
        Get-RequestCount | Should -Be ($before + 1)
        (@(Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).to[0].gtrId | Should -BeExactly 'g-3'
    }
}

Describe 'A journal of the sandbox and one of the real service' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        # The ErrorRecord the script block threw (terminating), or $null.
        function script:Get-ThrownError([scriptblock] $Action) {
            try { & $Action; $null } catch { $_ }
        }
        $script:Key = ConvertTo-SecureString 'k-0123456789abcdef' -AsPlainText -Force
    }

    AfterEach { Connect-WebexConnect -Sandbox -Tps 1000 }

    It 'refuses a rehearsal''s journal for the real service, which would have skipped every row as sent' {
        # Before: the rehearsal's journal listed every row as sent, so the real run reported all of them Skipped,
        # "already sent", and the service received nothing.
        $journal = 'TestDrive:/rehearsal.journal'
        $rehearsal = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal)
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            Connect-WebexConnect -ServiceKey $script:Key -BaseUri $service.BaseUri -NoSharedTps

            $refused = Get-ThrownError { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal }
            $whatIf = Get-ThrownError { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WhatIf }
            $real = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal 'TestDrive:/real.journal')

            $rehearsal.Status | Should -Be @('Queued', 'Queued', 'Queued')
            $refused.FullyQualifiedErrorId | Should -BeLike 'JournalSandboxMismatch,*'
            # Before: ConnectionError, though nothing went over the network: the -Journal given is the wrong one.
            $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $refused.TargetObject | Should -BeLike '*rehearsal.journal'
            $refused.Exception.Message | Should -BeLike "The journal '*rehearsal.journal' was written by sandbox runs (Connect-WebexConnect -Sandbox)*Give -Journal a new file for the real service*Nothing was sent."
            $whatIf.FullyQualifiedErrorId | Should -BeLike 'JournalSandboxMismatch,*'
            $whatIf.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $real.Status | Should -Be @('Queued', 'Queued', 'Queued')
            $service.Received.Count | Should -Be 1
        }
        finally {
            $service.Dispose()
        }
    }

    It 'refuses the real service''s journal for a rehearsal, which would have recorded sandbox sends in it' {
        $journal = 'TestDrive:/production.journal'
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            Connect-WebexConnect -ServiceKey $script:Key -BaseUri $service.BaseUri -NoSharedTps
            $sent = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal)
        }
        finally {
            $service.Dispose()
        }
        Connect-WebexConnect -Sandbox -Tps 1000
        $before = Get-RequestCount

        $refused = Get-ThrownError { $script:rows[0..1] + [pscustomobject]@{ Phone = '+447700900199'; Name = 'Di' } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal }

        $sent.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $refused.FullyQualifiedErrorId | Should -BeLike 'JournalSandboxMismatch,*'
        $refused.Exception.Message | Should -BeLike "*records sends to Webex Connect, and this session is the sandbox*a journal of its own. Nothing was sent."
        Get-RequestCount | Should -Be $before
        (Get-Content -LiteralPath (Convert-Path $journal) -TotalCount 1) | Should -Not -Match 'sandbox'
    }
}
