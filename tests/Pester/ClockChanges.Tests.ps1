# A local -SendAt or -ExpireAt, or a SendAt or ExpireAt cell, on the days the clocks change, in a PowerShell whose time zone
# is Europe/Berlin (TZ, which PowerShell reads on Linux and macOS): 2027-03-28 02:30 does not exist there (02:00 -> 03:00),
# and 2027-10-31 02:30 comes twice (03:00 -> 02:00). Before, the first went out at 01:30Z, 03:30 by the clock, and the
# second was read as the second 02:30, neither with a word.

BeforeDiscovery {
    $script:OnThisSystem = -not ($IsWindows -or $PSVersionTable.PSVersion.Major -lt 6)
}

Describe 'Local times on the days the clocks change (TZ=Europe/Berlin)' -Skip:(-not $script:OnThisSystem) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        $child = Join-Path $TestDrive 'berlin.ps1'
        Set-Content -LiteralPath $child -Encoding UTF8 -Value @(
            "Import-Module '$($manifest -replace "'", "''")'"
            'Connect-WebexConnect -Sandbox | Out-Null'
            'function Stopped([scriptblock] $Send) {'
            '    try { $null = & $Send 3>$null; "not stopped" } catch { $_.FullyQualifiedErrorId.Split(",")[0] + "|" + $_.Exception.Message }'
            '}'
            '# A call with nothing piped sends one row: its own -SendAt is that row''s Invalid result (a loop of such calls keeps it).'
            'function OneRow([scriptblock] $Send) {'
            '    try { @(& $Send 2>$null 3>$null | ForEach-Object { "$($_.Status)|$($_.Code)|$($_.Reason)" }) -join ";" } catch { "stopped|" + $_.FullyQualifiedErrorId }'
            '}'
            '$said = [ordered]@{}'
            '$said.Zone = [TimeZoneInfo]::Local.Id'
            '$skipped = "2027-03-28 02:30"'
            '$said.Sms = OneRow { Send-ConnectSms -To +447700900001 -From ACME -Text hi -SendAt $skipped }'
            '$said.Email = OneRow { Send-ConnectEmail -To ann@example.com -From news@example.com -Subject Hi -Text hi -SendAt $skipped }'
            '$said.Rcs = OneRow { Send-ConnectRcs -To +447700900001 -From app-1 -Text hi -SendAt $skipped }'
            '$said.Message = OneRow { Send-ConnectMessage -Channel sms -To +447700900001 -From ACME -Content @{ type = "text"; text = "hi" } -SendAt $skipped }'
            '$said.DateTime = OneRow { Send-ConnectSms -To +447700900001 -From ACME -Text hi -SendAt ([datetime]$skipped) }'
            '$said.ExpireAt = Stopped { [pscustomobject]@{ Phone = "+447700900001" } | Send-ConnectSms -From ACME -Text hi -ExpireAt $skipped -PayloadOnly }'
            '$said.ExpireAtOneRow = OneRow { Send-ConnectSms -To +447700900001 -From ACME -Text hi -ExpireAt $skipped }'
            '$said.Piped = Stopped { [pscustomobject]@{ Phone = "+447700900001" } | Send-ConnectSms -From ACME -Text hi -SendAt $skipped -PayloadOnly }'
            '$said.Requests = @(Get-ConnectSandboxRequest).Count'
            '$rows = @('
            '    [pscustomobject]@{ Phone = "+447700900001"; SendAt = $skipped }'
            '    [pscustomobject]@{ Phone = "+447700900002"; ExpireAt = $skipped }'
            '    [pscustomobject]@{ Phone = "+447700900003"; ExpireAt = "2027-10-31 02:30" }'
            '    [pscustomobject]@{ Phone = "+447700900004"; ExpireAt = "2027-10-31 02:40" }'
            '    [pscustomobject]@{ Phone = "+447700900005"; ExpireAt = "2027-10-31T02:30+02:00" }'
            '    [pscustomobject]@{ Phone = "+447700900006"; ExpireAt = "2027-03-28T02:30+01:00" }'
            '    [pscustomobject]@{ Phone = "+447700900007"; ExpireAt = "2027-03-28 03:00" }'
            '    [pscustomobject]@{ Phone = "+447700900008"; ExpireAt = "2027-03-28T02:30Z" }'
            '    [pscustomobject]@{ Phone = "+447700900009"; ExpireAt = [datetime]::SpecifyKind([datetime]$skipped, "Utc") }'
            ')'
            '$payloads = @($rows | Send-ConnectSms -From ACME -Text hi -PayloadOnly -ErrorVariable rowErrors -WarningVariable rowWarnings 2>$null 3>$null)'
            '$said.RowErrors = @($rowErrors | ForEach-Object { "$_" })'
            '$said.RowWarnings = @($rowWarnings | ForEach-Object { "$_" })'
            '$said.ExpireAts = @($payloads | ForEach-Object { ($_ | ConvertFrom-Json -DateKind String).expireAt })'
            '$null = Send-ConnectSms -To +447700900001 -From ACME -Text hi -ExpireAt "2027-10-31 02:30" -PayloadOnly -WarningVariable lineWarnings 3>$null'
            '$said.LineWarnings = @($lineWarnings | ForEach-Object { "$_" })'
            '$utc = Send-ConnectSms -To +447700900001 -From ACME -Text hi -ExpireAt ([datetime]::SpecifyKind([datetime]$skipped, "Utc")) -PayloadOnly'
            '$said.UtcExpireAt = ($utc | ConvertFrom-Json -DateKind String).expireAt'
            '$null = Send-ConnectSms -To +447700900001 -From ACME -Text hi -ExpireAt "2027-10-31T02:30+01:00" -PayloadOnly -WarningVariable offsetWarnings 3>$null'
            '$said.OffsetWarnings = @($offsetWarnings | ForEach-Object { "$_" })'
            '# A calendar chip''s -StartTime and -EndTime are local times on the same rule.'
            '$said.ChipSkipped = Stopped { New-ConnectRcsSuggestion Save -StartTime $skipped -EndTime "2027-03-28 04:00" -Title Visit -ErrorAction Stop }'
            '$said.ChipEndSkipped = Stopped { New-ConnectRcsSuggestion Save -StartTime "2027-03-28 01:00" -EndTime $skipped -Title Visit -ErrorAction Stop }'
            '# In a script''s loop, the chip refused is that row''s Invalid result, and the loop goes on.'
            '$said.ChipLoop = @(foreach ($start in "2027-03-28 01:00", $skipped, "2027-03-28 01:00") { Send-ConnectRcs -To +447700900001 -From app-1 -Text hi -Suggestion (New-ConnectRcsSuggestion Save -StartTime $start -EndTime "2027-03-28 04:00" -Title Visit 2>$null) 2>$null 3>$null | ForEach-Object { "$($_.Status)|$($_.Reason)" } })'

            '$chip = New-ConnectRcsSuggestion Save -StartTime "2027-10-31 02:30" -EndTime "2027-10-31 02:45" -Title Visit -WarningVariable chipWarnings 3>$null'
            '$said.ChipTimes = @($chip.StartTime.ToString("o"), $chip.EndTime.ToString("o"))'
            '$said.ChipWarnings = @($chipWarnings | ForEach-Object { "$_" })'
            '# A loop of three rows whose chips have the same time shown twice, and one with another such time.'
            '$loopWarnings = @()'
            'foreach ($start in "2027-10-31 02:10", "2027-10-31 02:10", "2027-10-31 02:10", "2027-10-31 02:20") { $null = Send-ConnectRcs -To +447700900001 -From app-1 -Text hi -Suggestion (New-ConnectRcsSuggestion Save -StartTime $start -EndTime "2027-10-31 04:00" -Title Visit -WarningVariable +loopWarnings 3>$null) -PayloadOnly 3>$null }'
            '$said.LoopChipWarnings = @($loopWarnings | ForEach-Object { "$_" })'
            '$said | ConvertTo-Json -Depth 3 -Compress')
        $run = Invoke-PowerShellWithInputOpen -Arguments @('-NoProfile', '-NonInteractive', '-File', $child) -Environment @{ TZ = 'Europe/Berlin' } -TimeoutSeconds 120
        $script:Said = ($run.Text -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json -DateKind String
        $script:Skip = "'2027-03-28 02:30' is not a time in this computer's time zone (Europe/Berlin): its clocks go from 02:00 to 03:00 on 2027-03-28, " +
            "so 02:30 never comes. Give a time that exists, 2027-03-28 01:59 or 2027-03-28 03:00 (the nearest), or one with its offset: " +
            "'2027-03-28T03:30+02:00' is 02:30 read with the offset before the change, 03:30 by the clock"
    }

    It 'runs in Europe/Berlin' {
        $Said.Zone | Should -Be 'Europe/Berlin'
    }

    It '<_> -SendAt in the hour the clocks skip makes a one-row call''s row Invalid, saying why and what to give, and sends nothing' -ForEach 'Sms', 'Email', 'Rcs', 'Message', 'DateTime' {
        $status, $code, $reason = $Said.$_ -split '\|', 3
        $status | Should -Be 'Invalid'
        $code | Should -Be 'ParameterArgumentTransformationError'
        $reason.Contains($Skip) | Should -BeTrue -Because $reason
    }

    It 'makes a one-row call''s row Invalid for an -ExpireAt in that hour, as its ExpireAt cell would, and sends nothing' {
        # Before: the call stopped, and a script's loop of one-row calls (-ExpireAt $u.ExpireAt) had no result for that row.
        $status, $code, $reason = $Said.ExpireAtOneRow -split '\|', 3
        $status | Should -Be 'Invalid'
        $code | Should -Be 'ParameterArgumentTransformationError'
        $reason | Should -BeLike "Row 1: ExpireAt: *"
        $reason.Contains($Skip) | Should -BeTrue -Because $reason
        $reason | Should -BeLike '*or leave -ExpireAt out for no expiry'
    }

    It 'stops a piped run before anything is sent, for a -SendAt or an -ExpireAt in that hour' {
        $Said.Piped | Should -BeExactly ("ParameterArgumentTransformationError|Cannot process argument transformation on parameter 'SendAt'. -SendAt " + $Skip + '.')
        $Said.ExpireAt | Should -BeExactly ("ParameterArgumentTransformationError|Cannot process argument transformation on parameter 'ExpireAt'. -ExpireAt " + $Skip + '.')
        $Said.Requests | Should -Be 0
    }

    It 'makes a row whose SendAt or ExpireAt cell is in that hour Invalid, naming the row, the column, the time and what to give' {
        $Said.RowErrors.Count | Should -Be 2
        $Said.RowErrors[0] | Should -BeExactly ("Row 1: Invalid +447700900001: SendAt: " + $Skip + '; or leave the cell empty to send the row now')
        $Said.RowErrors[1] | Should -BeExactly ("Row 2: Invalid +447700900002: ExpireAt: " + $Skip + '; or leave the cell empty for no expiry')
    }

    It 'sends a time the clocks show twice as before, the second, with one warning a run naming both readings' {
        # Rows 3 and 4 both come twice: one warning. Row 5 gives the first with its offset, row 6 the skipped hour's old reading;
        # rows 8 and 9 give 02:30 in UTC (Z, a UTC [datetime]), whose clock time Berlin skips but which is no local time.
        $Said.ExpireAts | Should -Be @('2027-10-31T01:30:00.000Z', '2027-10-31T01:40:00.000Z', '2027-10-31T00:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-03-28T01:00:00.000Z',
            '2027-03-28T02:30:00.000Z', '2027-03-28T02:30:00.000Z')
        $Said.RowWarnings.Count | Should -Be 1
        $Said.RowWarnings[0] | Should -BeExactly ("Row 3: ExpireAt '2027-10-31 02:30' comes twice in this computer's time zone (Europe/Berlin), as its clocks go back " +
            "from 03:00 to 02:00 on 2027-10-31: it is read as the second, '2027-10-31T02:30+01:00' (2027-10-31 01:30:00Z), not the first, " +
            "'2027-10-31T02:30+02:00' (2027-10-31 00:30:00Z). To send at the first, give that time with its offset; other times between 02:00 " +
            "and 03:00 that day are read the same way. This warning is given once per run.")
        $Said.LineWarnings.Count | Should -Be 1
        $Said.LineWarnings[0] | Should -BeLike "-ExpireAt '2027-10-31 02:30' comes twice in this computer's time zone (Europe/Berlin)*"
    }

    It 'refuses a calendar chip''s -StartTime or -EndTime in the hour the clocks skip, giving the nearest times' {
        # Before: read with the offset before the change, an hour off (03:30 by the clock), without a word.
        # An error that does not stop the statement (here -ErrorAction Stop makes it one): the chip is not made.
        $Said.ChipSkipped | Should -BeExactly ("ParameterArgumentTransformationError|Cannot process argument transformation on parameter 'StartTime'. -StartTime " + $Skip + '. No suggestion was made.')
        $Said.ChipEndSkipped | Should -BeExactly ("ParameterArgumentTransformationError|Cannot process argument transformation on parameter 'EndTime'. -EndTime " + $Skip + '. No suggestion was made.')
    }

    It 'gives the row of a script''s loop whose chip has a time in that hour its Invalid result, saying why, and goes on' {
        # Before: the chip's stop ended the Send-ConnectRcs around it, and the loop had no result for that row.
        $Said.ChipLoop.Count | Should -Be 3
        $Said.ChipLoop[0] | Should -Be 'Queued|'
        $Said.ChipLoop[2] | Should -Be 'Queued|'
        $Said.ChipLoop[1] | Should -BeExactly ("Invalid|Row 1: Suggestion[0]: the suggestion is `$null: New-ConnectRcsSuggestion made none, as its error said: " +
            "Cannot process argument transformation on parameter 'StartTime'. -StartTime " + $Skip)
    }

    It 'reads a calendar chip''s times the clocks show twice as the second, with one warning for the chip' {
        $Said.ChipTimes | Should -Be @('2027-10-31T02:30:00.0000000+01:00', '2027-10-31T02:45:00.0000000+01:00')
        $Said.ChipWarnings.Count | Should -Be 1
        $Said.ChipWarnings[0] | Should -BeLike "-StartTime '2027-10-31 02:30' comes twice in this computer's time zone (Europe/Berlin), as its clocks go back from 03:00 to 02:00 on 2027-10-31: it is read as the second,*"
        $Said.ChipWarnings[0] | Should -BeLike '*. This warning is given once for each such time, not for every chip that has it.'
    }

    It 'warns of a time shown twice once for a loop of chips that have it, not once a row, and of another such time in its turn' {
        # Before: each row's chip warned again, each warning saying "This warning is given once per run".
        $Said.LoopChipWarnings.Count | Should -Be 2
        $Said.LoopChipWarnings[0] | Should -BeLike "-StartTime '2027-10-31 02:10' comes twice*once for each such time, not for every chip that has it."
        $Said.LoopChipWarnings[1] | Should -BeLike "-StartTime '2027-10-31 02:20' comes twice*"
    }

    It 'says nothing of a time given with its offset, and reads a UTC [datetime] or a Z in that hour as it is' {
        @($Said.OffsetWarnings).Count | Should -Be 0
        $Said.UtcExpireAt | Should -Be '2027-03-28T02:30:00.000Z'
    }
}
