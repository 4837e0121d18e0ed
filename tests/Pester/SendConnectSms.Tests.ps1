#Requires -Version 5.1
# Pester 5: Send-ConnectSms inside a real PowerShell, against the in-process sandbox: one result per row in
# order, substitutions from the row's other columns, errors for bad rows, -WhatIf, -PayloadOnly,
# -ErrorAction and -ErrorVariable. How rows bind at all is in Pipeline.Tests.ps1.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # Each test connects to a new sandbox, so the sandbox's requests are that test's alone. -Tps so that the
    # few rows here go out at once.
    function script:Connect-FreshSandbox { Connect-WebexConnect -Sandbox -Tps 1000 }
    . (Join-Path $PSScriptRoot 'RepeatAdvice.ps1')

    # The bodies the sandbox received, parsed, in order of arrival.
    function script:Get-SentBody {
        Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
    }

    # The destination objects ("to") of every request, in order of arrival.
    function script:Get-SentDestination {
        foreach ($body in Get-SentBody) { $body.to }
    }

    # What an admin's console shows of $Command (-WhatIf writes to the host), run by a child pwsh with the built module
    # and a sandbox session, $File as its $args[0]; and "SENT <requests the sandbox received>" last.
    function script:Invoke-ChildSend([string[]] $Command, [string] $File) {
        $child = Join-Path $TestDrive 'child-send.ps1'
        $module = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        Set-Content -LiteralPath $child -Encoding UTF8 -Value (@(
            "Import-Module '$($module -replace "'", "''")'"
            'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null') + $Command + '"SENT $(@(Get-ConnectSandboxRequest).Count)"')
        @(& (Join-Path $PSHOME 'pwsh') -NoProfile -File $child $File 2>&1 | ForEach-Object { "$_" })
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectSms from a CSV' {
    BeforeEach { Connect-FreshSandbox }

    It 'gives one Queued result per row, in the order of the rows' {
        $csv = Join-Path $TestDrive 'people.csv'
        @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $results = @(Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)')

        $results.Count | Should -Be 3
        $results | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Results.SendResult]) }
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $results.Destination | Should -Be @('+447700900001', '+447700900002', '+447700900003')
        $results.Row | Should -Be @(1, 2, 3)
        $results.Channel | Select-Object -Unique | Should -Be 'Sms'
        $results.Parts | Should -Be @(1, 1, 1)
        $results | ForEach-Object { $_.MessageId | Should -Not -BeNullOrEmpty }
    }

    # Before: City went to the service too, though no text named it: every column of an HR export or an AD user did.
    It 'sends the columns its text names as substitutions, keeps the others here, and sends the text once with $(Name) in it' {
        $csv = Join-Path $TestDrive 'one.csv'
        @([pscustomobject]@{ Phone = '+447700900011'; Name = 'Ann'; City = 'Leeds' }) | Export-Csv -Path $csv -NoTypeInformation

        $null = Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $body = @(Get-SentBody)[-1]
        $body.channel | Should -BeExactly 'sms'
        $body.from | Should -Be 'ACME'
        $body.content.text | Should -Be 'Hi $(Name)'
        $body.to[0].msisdn | Should -Be @('+447700900011')
        $body.to[0].substitutions.Name | Should -Be 'Ann'
        $body.to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'sends every column to a template, whose text is in Webex Connect, unless -SubstitutionColumn picks them' {
        $row = [pscustomobject]@{ Phone = '+447700900012'; Name = 'Ann'; City = 'Leeds' }

        $null = $row | Send-ConnectSms -From ACME -TemplateId 'tpl-1'
        $null = $row | Send-ConnectSms -From ACME -TemplateId 'tpl-1' -SubstitutionColumn Name

        $bodies = @(Get-SentBody)
        $bodies[-2].to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name', 'City')
        $bodies[-1].to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'sends a row whose column no text names holds what the service would refuse: the column never leaves' {
        # Before: Invalid, "Substitutions: the value of 'Notes' contains a control character (U+000B)", Excel's in-cell
        # line break, in a column the message never used.
        $row = [pscustomobject]@{ Phone = '+447700900014'; Name = 'Ann'; Notes = "line one$([char]0x0B)line two" }

        $result = $row | Send-ConnectSms -From ACME -Text 'Hi $(Name)'
        $refused = $row | Send-ConnectSms -From ACME -Text 'Hi $(Name): $(Notes)' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Queued'
        $refused.Status | Should -Be 'Invalid'
        $refused.Reason | Should -BeLike "*the value of 'Notes' contains a control character (U+000B)*"
    }

    It 'shows with -PayloadOnly the substitutions that would travel, and no others' {
        $payload = [pscustomobject]@{ Phone = '+447700900013'; Name = 'Ann'; Salary = '52000' } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -PayloadOnly

        $payload | Should -Match '"Name": "Ann"'
        $payload | Should -Not -Match 'Salary|52000'
    }

    It 'binds the number from a column named <_>' -ForEach @('To', 'Phone', 'Mobile', 'MobileNumber', 'PhoneNumber', 'Msisdn', 'Number') {
        $row = [pscustomobject]@{ $_ = '+447700900021'; Name = 'Ann' }

        $result = $row | Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Queued'
        $result.Destination | Should -Be '+447700900021'
        $sent = @(Get-SentDestination)[-1]
        $sent.msisdn | Should -Be @('+447700900021')
        $sent.substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'takes the correlation ID and the text from columns of the same name' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900031'; CorrelationId = 'order-1'; Text = 'First text' }
            [pscustomobject]@{ Phone = '+447700900032'; CorrelationId = 'order-2'; Text = 'Second text' }
        )

        $results = @($rows | Send-ConnectSms -From ACME)

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.CorrelationId | Should -Be @('order-1', 'order-2')
        $bodies = @(Get-SentBody)
        $bodies.content.text | Should -Contain 'First text'
        $bodies.content.text | Should -Contain 'Second text'
        # Different texts are different requests, which may overlap in flight: compare without order.
        $bodies.to.correlationId | Sort-Object | Should -Be @('order-1', 'order-2')
        # Bound columns are never substitutions.
        @($bodies.to | Where-Object { $_.substitutions }).Count | Should -Be 0
    }

    It 'gives each row its own text from a Text column, also when a later row goes back to an earlier text' {
        # The command keeps the last row's text to compare with the next: rows 1 and 3 share one, row 2 has another.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900061'; Text = 'Hello $(Name)'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900062'; Text = 'Bye $(Name)'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900063'; Text = 'Hello $(Name)'; Name = 'Cy' }
        )

        $results = @($rows | Send-ConnectSms -From ACME)

        $results.Row | Should -Be @(1, 2, 3)
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $sentTo = @{}
        foreach ($body in Get-SentBody) { foreach ($to in $body.to) { $sentTo[$to.msisdn[0]] = $body.content.text } }
        $sentTo['+447700900061'] | Should -BeExactly 'Hello $(Name)'
        $sentTo['+447700900062'] | Should -BeExactly 'Bye $(Name)'
        $sentTo['+447700900063'] | Should -BeExactly 'Hello $(Name)'
    }

    It 'names the code page Excel saves in for this culture (<Culture>: <CodePage>) when a CSV it saved was read as UTF-8, and that code page reads it' -ForEach @(
        # Before, every culture was told -Encoding 1252: a Turkish admin who followed it read 'Işık Güneş' as
        # 'Iþýk Güneþ' (1254 bytes shown as 1252), which no warning catches, and every row went Queued with it.
        @{ Culture = 'tr-TR'; CodePage = 1254; Name = "I$([char]0x15F)$([char]0x131)k G$([char]0xFC)ne$([char]0x15F)" }
        @{ Culture = 'pl-PL'; CodePage = 1250; Name = "$([char]0x141)ukasz Wr$([char]0xF3)bel" }
        @{ Culture = 'de-DE'; CodePage = 1252; Name = "J$([char]0xFC)rgen M$([char]0xFC)ller" }
    ) {
        $file = Join-Path $TestDrive "excel-$Culture.csv"
        [IO.File]::WriteAllBytes($file, [Text.Encoding]::GetEncoding($CodePage).GetBytes("Phone;Name`r`n+447700900411;$Name`r`n"))
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $null = @(Import-Csv $file -Delimiter ';' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue)
            @($warned).Count | Should -Be 1
            "$($warned[0])" | Should -BeLike "*has U+FFFD*the file is not UTF-8. Read it with -Encoding $CodePage (Windows PowerShell 5.1: Default)*"

            $again = @(Import-Csv $file -Delimiter ';' -Encoding $CodePage | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable unwarned)
            $again.Status | Should -Be 'Queued'
            @($unwarned).Count | Should -Be 0
            (Get-SentBody | Select-Object -Last 1).to[0].substitutions.Name | Should -BeExactly $Name
        }
        finally { [cultureinfo]::CurrentCulture = $before }
    }

    It 'warns once when a UTF-8 CSV was read as Windows-1252, as Windows PowerShell 5.1 reads it, naming the row, the column and the letter meant' {
        # Before: "JosÃ©" was sent to every row as it was, all Queued, and the texts went Unicode (twice the parts).
        $file = Join-Path $TestDrive 'people-utf8.csv'
        [IO.File]::WriteAllText($file, "To,Name`r`n+447700900401,Ann`r`n+447700900402,Jos$([char]0xE9)`r`n+447700900403,Zo$([char]0xEB)`r`n",
            (New-Object System.Text.UTF8Encoding $false))

        $results = @(Import-Csv $file -Encoding 1252 | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue)
        $clean = @(Import-Csv $file -Encoding utf8 | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable unwarned)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Be (("Row 2: the column 'Name' ('Jos{0}{1}') has '{0}{1}' for '{2}': the file is UTF-8, read as Windows-1252. " +
            'Read it with -Encoding UTF8, or save it as UTF-8 with BOM. It is sent as it is (-WarningAction Stop stops before this row).') -f
            [char]0xC3, [char]0xA9, [char]0xE9)
        # Three lines at most at 80 columns, as a scheduled task's log keeps it. Before: some 480 characters on one line.
        ('WARNING: ' + $warned[0]).Length | Should -BeLessOrEqual (3 * 80)
        $clean.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($unwarned).Count | Should -Be 0
    }

    It 'does not take Portuguese capitals before a closing quote for a misread file, and still warns about one that was' {
        # Before: "ATÉ “AMANHÔ" warned "holds 'Ã”', which is how Windows-1252 shows the UTF-8 of 'Ô'", a file read right.
        $file = Join-Path $TestDrive 'promo-utf8.csv'
        [IO.File]::WriteAllText($file, "To,Offer`r`n+447700900411,AT$([char]0xC9) $([char]0x201C)AMANH$([char]0xC3)$([char]0x201D)`r`n",
            (New-Object System.Text.UTF8Encoding $false))

        $misread = Join-Path $TestDrive 'grandpa-utf8.csv'
        [IO.File]::WriteAllText($misread, "To,Offer`r`n+447700900412,AT$([char]0xC9) AV$([char]0xD4)`r`n", (New-Object System.Text.UTF8Encoding $false))

        $right = @(Import-Csv $file -Encoding utf8 | Send-ConnectSms -From ACME -Text 'Oferta $(Offer)' -WarningVariable unwarned)
        $wrong = @(Import-Csv $misread -Encoding 1252 | Send-ConnectSms -From ACME -Text 'Oferta $(Offer)' -WarningVariable warned -WarningAction SilentlyContinue)

        $right.Status | Should -Be 'Queued'
        @($unwarned).Count | Should -Be 0
        $wrong.Status | Should -Be 'Queued'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("Row 1: the column 'Offer' * has '{0}{1}' for '{2}': the file is UTF-8, read as Windows-1252.*" -f [char]0xC3, [char]0x2030, [char]0xC9)
    }

    It 'warns, naming the row, when the last line was cut off inside its number, and not for a whole file with a shorter number or empty cells' {
        # Before: a CSV read while its export was still writing it ended in "Cy,+4477009": the cut number went out, Queued,
        # and nothing said so. Now a row whose line ends at its number (later columns $null) with fewer digits than every
        # row before it is warned about; it is still sent, as a whole file can hold such a row too.
        $cut = Join-Path $TestDrive 'half-written.csv'
        [IO.File]::WriteAllText($cut, "Name,Phone,Code`nAl,+447700900801,1234`nBo,+447700900802,5678`nCy,+4477009")
        $whole = Join-Path $TestDrive 'whole.csv'
        Set-Content -Path $whole -Value @('Name,Phone,Code', 'Al,+447700900801,1234', 'Bo,+12025550143,5678', 'Cy,+447700900803,', 'Di,+447700900804')

        $results = @(Import-Csv $cut | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue)
        $clean = @(Import-Csv $whole | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable unwarned)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Row 3: the number '+4477009' in the column 'Phone' has fewer digits than every row before it, and the line ends there: its column 'Code' is missing*still being written*"
        $clean.Count | Should -Be 4
        @($unwarned).Count | Should -Be 0
    }

    It 'does not take the $null of objects that are not lines of a CSV (Select-Object''s output, JSON) for a line cut short' {
        # Before: Get-ADUser | Select-Object Name, Mobile, Title gave $null for a user with no Title, and the first such user
        # with an Irish number among UK ones was warned about as "read while it was still being written". So was a REST
        # API's JSON with a null field. Only what Import-Csv gives has $null for nothing but a line cut short.
        $users = @(
            [pscustomobject]@{ Name = 'Al'; Mobile = '+447700900801'; Title = 'Engineer'; Ou = 'Lon' }
            [pscustomobject]@{ Name = 'Bo'; Mobile = '+447700900802'; Title = 'Operator'; Ou = 'Lon' }
            [pscustomobject]@{ Name = 'Cy'; Mobile = '+35312345678'; Title = $null; Ou = $null }
        )
        $json = '[{"name":"Al","phone":"+447700900801","title":null},{"name":"Bo","phone":"+447700900802","title":"Ops"},' +
            '{"name":"Cy","phone":"+35312345678","title":null}]'

        $selected = @($users | Select-Object Name, Mobile, Title, Ou | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable fromAd)
        $fromApi = @($json | ConvertFrom-Json | ForEach-Object { $_ } | Send-ConnectSms -From ACME -Text 'Hi $(name)' -WarningVariable fromJson)

        $selected.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($fromAd).Count | Should -Be 0
        $fromApi.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($fromJson).Count | Should -Be 0
    }

    It 'sends only the columns -SubstitutionColumn names' {
        $null = [pscustomobject]@{ Phone = '+447700900041'; Name = 'Ann'; Notes = 'internal' } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -SubstitutionColumn Name

        @(Get-SentDestination)[-1].substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'shows each row''s filled text, parts and encoding under -WhatIf and -Verbose, in lines of 80 columns, and sends the same' {
        # Before: -WhatIf showed only the batch and its parts; the admin first saw "Dear $(Name)" filled on the phones.
        $csv = Join-Path $TestDrive 'people.csv'
        @(
            [pscustomobject]@{ Phone = '+447700900241'; Name = 'Ann Smith' }
            [pscustomobject]@{ Phone = '+447700900242'; Name = "$([char]0x141)ukasz" }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $text = 'Dear $(Name), your appointment is tomorrow at 10:00. Reply STOP to opt out.'

        $said = Invoke-ChildSend -File $csv -Command @(
            "Import-Csv -LiteralPath `$args[0] | Send-ConnectSms -From ACME -Text '$text' -WhatIf"
            "Import-Csv -LiteralPath `$args[0] | Send-ConnectSms -From ACME -Text 'Dear customer' -WhatIf")
        $verbose = @(Import-Csv -LiteralPath $csv | Send-ConnectSms -From ACME -Text $text -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *' } | ForEach-Object Message)

        $said | Should -Be @(
            "What if: Row 1: text 'Dear Ann Smith, your appointment is tomor…' (1 part, Text)"
            # A name outside GSM-7 makes its row Unicode, two parts, and a batch of its own.
            "What if: Row 2: text 'Dear $([char]0x141)ukasz, your appointment is tomo…' (2 parts, Unicode)"
            'What if: Performing the operation "Send SMS" on target "batch 1: 1 destination, row 1 (+447700900241)".'
            'What if: Performing the operation "Send SMS" on target "batch 2: 1 destination, row 2 (+447700900242): 2 SMS parts, 2 each".'
            # A text without a $(name) is every row's as written: no line a row.
            'What if: Performing the operation "Send SMS" on target "batch 1: 2 destinations, rows 1-2 (+447700900241, +447700900242)".'
            'SENT 0'
        )
        # "What if: " and a row's line fit a console of 80 columns (the operation's lines were longer before, and stay).
        ($said | Where-Object { $_ -like 'What if: Row*' } | ForEach-Object Length | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 80
        $verbose | Should -Be @($said[0], $said[1] | ForEach-Object { $_ -replace '^What if: ' })
        # What is sent is as before: the variable, and each row's value beside it for the service to fill.
        $body = @(Get-SentBody)
        $body.content.text | Sort-Object -Unique | Should -BeExactly $text
        @($body.to.substitutions.Name) | Should -Be @('Ann Smith', "$([char]0x141)ukasz")
    }
}

Describe 'Send-ConnectSms from hashtables' {
    BeforeEach { Connect-FreshSandbox }

    It 'binds a hashtable''s keys as it binds an object''s properties: number, correlation ID, text; the rest substitute' {
        $rows = @(
            @{ Phone = '+447700900051'; Name = 'Ann' }
            [ordered]@{ mobile = '+447700900052'; CorrelationId = 'order-2'; Text = 'Hi $(Name), from the row'; Name = 'Bob' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be @('+447700900051', '+447700900052')
        $results[1].CorrelationId | Should -Be 'order-2'
        $to = @(Get-SentDestination)
        ($to | Where-Object { $_.msisdn -contains '+447700900051' }).substitutions.PSObject.Properties.Name | Should -Be @('Name')
        # -Text on the command line wins over the key, as it does over a column.
        @(Get-SentBody).content.text | Sort-Object -Unique | Should -Be 'Hi $(Name)'
    }

    It 'takes the text from a Text key when -Text is not given' {
        $result = @{ Phone = '+447700900053'; Text = 'From the key' } | Send-ConnectSms -From ACME

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.text | Should -Be 'From the key'
    }

    It 'never gives a row without a number the number of the row before' {
        $rows = @(@{ Phone = '+447700900054'; Name = 'Ann' }, @{ Name = 'No number' }, 'not-a-row')

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid')
        $results[1].Reason | Should -BeLike 'Row 2: To: no destination: give -To, or a column named To, Phone*'
        $results[2].Destination | Should -Be 'not-a-row'
        @(Get-SentDestination).msisdn | Should -Be @('+447700900054')
    }

    It 'leaves a key that holds a list for a one-value parameter out, naming it' {
        $result = @{ Phone = '+447700900055'; CorrelationId = @('a', 'b') } | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: CorrelationId: the column 'CorrelationId' holds a list of 2 values*"
    }
}

Describe 'Send-ConnectSms with a bad row' {
    BeforeAll {
        # The middle number has no + and a space: the API would refuse it, so the module does first.
        $script:rows = @(
            [pscustomobject]@{ Phone = '+447700900101'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '07700 900102'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900103'; Name = 'Cy' }
        )
    }

    BeforeEach { Connect-FreshSandbox }

    It 'stops once, before sending, for a -CorrelationId given on the command line that every row would be refused for' {
        # Before: each row Invalid with the same "CorrelationId: has 60 bytes" error.
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -CorrelationId ('x' * 60) } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-CorrelationId: has 60 bytes as UTF-8: at most 50 are allowed*same for every row, so nothing was sent: correct -CorrelationId*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # A row's own CorrelationId column still makes only that row Invalid.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900061'; CorrelationId = 'x' * 60 }
            [pscustomobject]@{ Phone = '+447700900062'; CorrelationId = 'order-2' })
        (@($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)).Status | Should -Be @('Invalid', 'Queued')
    }

    It 'names -ShortenLinks and -LinkDomain as the admin types them when -LinkDomain is missing, and asks to give it' {
        # Before: "-Domain: ShortenLinks needs the short-link Domain configured ... correct -LinkDomain": the JSON name,
        # the parameter without its dash, and a parameter to correct that was never given.
        { $script:rows | Send-ConnectSms -From ACME -Text 'See https://example.com/offer' -ShortenLinks } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ('-LinkDomain: -ShortenLinks needs -LinkDomain: the short-link domain configured for the tenant. ' +
                'It is the same for every row, so nothing was sent: give -LinkDomain and run the command again.')
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says how to use a Message column as the text when the rows have one but no Text column, and the advice works' {
        # Before: "the first row no Text column (the row has the columns 'Phone', 'message')" and no more: the column is
        # plainly there, and the admin was left to find -Text's substitution syntax or a rename.
        $rows = @([pscustomobject]@{ Phone = '+447700900066'; message = 'Your parcel is on its way' })
        { $rows | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            "*the columns 'Phone', 'message'), so every row would be refused: nothing was sent. If the column 'message' is the text, " +
            "give -Text '`$(message)' (in single quotes, so that each row's message is put in), or rename the column: " +
            "Select-Object *, @{ Name = 'Text'; Expression = { `$_.message } }.")
        { $script:rows | Send-ConnectSms -From ACME } | Should -Throw -ExpectedMessage '*so every row would be refused: nothing was sent.'

        (@($rows | Send-ConnectSms -From ACME -Text '$(message)')).Status | Should -Be 'Queued'
        ((Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).to[0].substitutions.message | Should -Be 'Your parcel is on its way'
        (@($rows | Select-Object *, @{ Name = 'Text'; Expression = { $_.message } } | Send-ConnectSms -From ACME)).Status | Should -Be 'Queued'
    }

    It 'says a Text column typed with a space (''Text '') is not read as Text, and the rename it gives works' {
        # Before: "the first row no Text column (the row has the columns 'Phone', 'Name', 'Text ')" and no more: the admin was
        # left to spot the space in the list. A header cell typed with a space is what Excel keeps.
        $rows = 'Phone,Name,Text ', '+447700900067,Ann,Your parcel is on its way' | ConvertFrom-Csv

        { $rows | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            "*so every row would be refused: nothing was sent. The column 'Text ' is not read as 'Text': PowerShell binds a column " +
            "only by its exact name. Rename it in the CSV header, or on the way in: Select-Object *, @{ Name = 'Text'; Expression = { `$_.'Text ' } }.")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $sent = @($rows | Select-Object *, @{ Name = 'Text'; Expression = { $_.'Text ' } } | Send-ConnectSms -From ACME)
        $sent.Status | Should -Be 'Queued'
        ((Get-ConnectSandboxRequest)[-1].Body | ConvertFrom-Json).content.text | Should -Be 'Your parcel is on its way'
    }

    It 'stops once, before sending, when neither -Text nor a Text column of the first row gives the text; a row''s empty Text cell is its own' {
        # Before: one Invalid result and error per row, all "Text is required (or give a template)".
        { $script:rows | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            '-Text: the SMS has no text: give -Text or a Text column, or a template (-TemplateId). ' +
            "The command line has no -Text and the first row no Text column (the row has the columns 'Phone', 'Name'), so every row would be refused: nothing was sent.")
        { Send-ConnectSms -To '+447700900063' -From ACME } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage '*The command line has no -Text, so nothing was sent.'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $rows = @(
            [pscustomobject]@{ Phone = '+447700900064'; Text = '' }
            [pscustomobject]@{ Phone = '+447700900065'; Text = 'Hi' })
        (@($rows | Send-ConnectSms -From ACME -ErrorAction SilentlyContinue)).Status | Should -Be @('Invalid', 'Queued')
    }

    It 'sends a later object of another shape that gives the text, when the first piped object has none; the first gets its own result' {
        # Before, the first object alone decided: "$a, $b | Send-ConnectSms -From ACME" stopped with MissingContent though $b
        # has a Text property, and neither object got a result. Now the second row decides: of the first row's shape (a CSV)
        # it is the same stop, nothing sent; of another shape the first row is Invalid on its own and the rest go on.
        $a = [pscustomobject]@{ Phone = '+447700900071' }
        $b = [pscustomobject]@{ Phone = '+447700900072'; Text = 'Hi' }

        $results = @($a, $b, $a | Send-ConnectSms -From ACME -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued', 'Invalid')
        $results.Row | Should -Be @(1, 2, 3)
        $results[0].Reason | Should -BeExactly 'Row 1: Text: the SMS has no text: give -Text or a Text column, or a template (-TemplateId)'
        @($rowErrors).Count | Should -Be 2
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
        # One row alone, or two of one shape, still stop once with nothing sent.
        { $a | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage "*the first row no Text column (the row has one column, 'Phone')*"
        { $a, $a, $b | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'stops once with MissingContent when the second object has the first one''s properties in another order or case' {
        # Before, the order counted: [ordered]@{To=...;Name=...}, [ordered]@{Name=...;To=...} with no text anywhere gave one
        # Invalid result and error per row instead of the one stop with nothing sent, as a CSV's rows get.
        $a = [ordered]@{ To = '+447700900073'; Name = 'A' }
        $b = [ordered]@{ Name = 'B'; To = '+447700900074' }
        $c = [pscustomobject]@{ name = 'C'; TO = '+447700900075' }

        { $a, $b | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*'
        { [pscustomobject]$a, $c | Send-ConnectSms -From ACME } | Should -Throw -ErrorId 'MissingContent,*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # Names that differ still make another shape: the first row's own Invalid result, and the run goes on.
        $d = [ordered]@{ Name = 'D'; To = '+447700900076'; Text = 'Hi' }
        (@($a, $d | Send-ConnectSms -From ACME -ErrorAction SilentlyContinue)).Status | Should -Be @('Invalid', 'Queued')
    }

    It 'refuses a file''s name given as the -Text instead of what the file holds, once and before sending: <Value>' -ForEach @(
        @{ Value = '.\reminder.txt' }
        @{ Value = '"C:\SMS Texts\reminder.txt"' }
        @{ Value = 'reminder.txt' }
    ) {
        # Before: the path went out as the SMS, to every row.
        $file = $Value.Trim('"')

        { $script:rows | Send-ConnectSms -From ACME -Text $Value } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Text: '$file' is the name of a file, not the SMS text: every recipient would get the name as the SMS. Give what the file holds, e.g. -Text (Get-Content -Raw '$file'). It is the same for every row, so nothing was sent: correct -Text and run the command again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes a row Invalid whose Text column names a file, sends the others, and still sends a text that mentions one' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900104'; Text = 'texts/ann.txt' }
            [pscustomobject]@{ Phone = '+447700900105'; Text = 'Your invoice is attached as invoice.html' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeLike "Row 1: Text: 'texts/ann.txt' is the name of a file, not the SMS text*"
    }

    It 'sends a text that is a link written without https://, as SMS texts write links: <Value>' -ForEach @(
        @{ Value = 'www.example.com/offer.html' }
        @{ Value = 'shop.example.co.uk/sale.htm' }
    ) {
        # Before: refused as the name of a file, though a link alone is a message of its own.
        $result = [pscustomobject]@{ Phone = '+447700900106' } | Send-ConnectSms -From ACME -Text $Value

        $result.Status | Should -Be 'Queued'
        (Get-SentBody).content.text | Should -BeExactly $Value
    }

    It 'gives the bad row an Invalid result and an error, and sends the others' {
        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable sendErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -Match 'Row 2'
        $results[1].Reason | Should -Match 'To'
        $results[1].Code | Should -Be 'InvalidInput'
        $sendErrors.Count | Should -Be 1
        $sendErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,WebexConnect.Commands.SendConnectSmsCommand'
        $sendErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $sendErrors[0].TargetObject.Name | Should -Be 'Bob'
        $sendErrors[0].Exception.Result.Status | Should -Be 'Invalid'
        (Get-SentDestination).msisdn | Sort-Object | Should -Be @('+447700900101', '+447700900103')
    }

    It 'names the invisible marks, dashes and tel: of a number pasted from Outlook, a phone app or a web page, and shows its digits' {
        # Before: the marks were "other characters, the + is missing" beside a + the admin could see, and no number was shown.
        $rows = @(
            [pscustomobject]@{ Phone = '{0}+447700900201{0}' -f [char]0x200E }
            [pscustomobject]@{ Phone = '+44{0}7700{0}900202' -f [char]0x2013 }
            [pscustomobject]@{ Phone = 'tel:+447700900203' }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike "Row 1: Phone: '\u200E+447700900201\u200E' is not an E.164 number (it contains invisible characters ('\u200E')):*(e.g. +447700900201)"
        $results[1].Reason | Should -BeLike '*(it contains separators):*(e.g. +447700900202)'
        $results[2].Reason | Should -BeLike '*(it starts with tel:):*(e.g. +447700900203)'
        Get-SentDestination | Should -BeNullOrEmpty
    }

    It 'tells a number written the national way (07700 900001) to put the country code in place of its 0' {
        # An Excel-saved CSV (UTF-8 with BOM) with the numbers as a UK office types them. Before: "the + is missing, the country
        # code starts with 0" and the generic example, so the admin wrote +07700900001, which is refused again.
        $results = @(Import-Csv (Join-Path $PSScriptRoot 'Fixtures/numbers-as-admins-write-them.csv') |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -ErrorVariable sendErrors)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Queued')
        $sendErrors.Count | Should -Be 3
        $results[0].Reason | Should -Be ("Row 1: Mobile: '07700 900001' is not an E.164 number (it contains spaces, it is written for calls within " +
            "its country, with a 0 in front): use + and up to 15 digits, no spaces (e.g. +447700900001 for a UK number: + and the country " +
            "code in place of the 0)")
        $results[1].Reason | Should -BeLike '*(it contains spaces, it contains separators, the (0) must be left out):*(e.g. +447700900002)'
        $results[2].Reason | Should -BeLike '*(it contains spaces, it starts with 00 instead of +):*(e.g. +447700900003)'
        (Get-SentDestination).msisdn | Should -Be @('+447700900004')
    }

    It 'tells a number exported as decimals (447700900001.0) that its .0 goes, and gives the number without it as the example' {
        # An HR export whose Mobile column has an empty cell, written out by a script as decimals. Before: the .0 was read as a
        # separator and a digit, and the example was +4477009000010, another number, which the admin would have copied.
        $results = @(Import-Csv (Join-Path $PSScriptRoot 'Fixtures/numbers-exported-as-decimals.csv') |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue -ErrorVariable sendErrors)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Queued')
        $sendErrors.Count | Should -Be 5
        $results[0].Reason | Should -Be ("Row 1: Mobile: '447700900001.0' is not an E.164 number (it ends in .0 as a decimal number, the + is " +
            'missing): use + and up to 15 digits, no spaces (e.g. +447700900001 if the number starts with ' +
            'its country code; if not, put the country code after the +)')
        $results[2].Reason | Should -BeLike "Row 3: Mobile: '+447700900003.0' is not an E.164 number (it ends in .0 as a decimal number):*(e.g. +447700900003)"
        $results[3].Reason | Should -BeLike '*(it ends in .0 as a decimal number, it is written for calls within its country, with a 0 in front):*(e.g. +447700900004 for a UK number*'
        # Dots between the digits are a layout, not decimals.
        $results[4].Reason | Should -BeLike '*(it contains separators, it is written for calls within its country*(e.g. +44612345600 for a UK number*'
        (Get-SentDestination).msisdn | Should -Be @('+447700900006')
    }

    It 'tells a tiny cell (0, 1, 00) it is too short for a number, and a + before a national 0 that no country code starts with 0' {
        # Before: '0' was told "e.g. +44 for a UK number", '1' that its + was missing, and '+0770 900001' got the generic
        # example with no word that the 0 goes: the admin saw no way to mend the row.
        $rows = '0', '1', '00', '+0770 900001', '+447700900001' | ForEach-Object { [pscustomobject]@{ Phone = $_ } }
        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -ErrorVariable sendErrors)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Invalid', 'Queued')
        $sendErrors.Count | Should -Be 4
        $results[0].Reason | Should -Be "Row 1: Phone: '0' is not an E.164 number (it has 1 digit, too few for a phone number): use + and up to 15 digits, no spaces (e.g. +447700900123)"
        $results[1].Reason | Should -BeLike "Row 2: Phone: '1' is not an E.164 number (it has 1 digit, too few for a phone number):*(e.g. +447700900123)"
        $results[2].Reason | Should -BeLike "Row 3: Phone: '00' is not an E.164 number (it has 2 digits, too few for a phone number):*(e.g. +447700900123)"
        $results[3].Reason | Should -Be ("Row 4: Phone: '+0770 900001' is not an E.164 number (it contains spaces, a country code cannot start with 0): " +
            'use + and up to 15 digits, no spaces (e.g. +44770900001 for a UK number: + and the country code in place of the 0)')
    }

    It 'refuses a number written in full-width or Arabic-Indic digits, and gives it in plain digits as the example to copy' {
        # Before: the right reason, but the generic example +447700900123, not the row's number.
        $rows = @(
            [pscustomobject]@{ Phone = -join ([char[]](0xFF0B, 0xFF14, 0xFF14, 0xFF17, 0xFF17, 0xFF10, 0xFF10, 0xFF19, 0xFF10, 0xFF10, 0xFF12, 0xFF10, 0xFF14)) }
            [pscustomobject]@{ Phone = '+' + -join ([char[]](0x664, 0x664, 0x667, 0x667, 0x660, 0x660, 0x669, 0x660, 0x660, 0x662, 0x660, 0x665)) }
        )

        $results = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike '*its digits are not plain ASCII digits (0-9)*(e.g. +447700900204)'
        # Its full-width + is named like its digits; before, it was "other characters" beside them.
        $results[0].Reason | Should -BeLike "*(its + is the full-width '$([char]0xFF0B)', not the plain ASCII +, its digits are*"
        $results[0].Reason | Should -Not -BeLike '*other characters*'
        $results[1].Reason | Should -BeLike '*its digits are not plain ASCII digits (0-9)*(e.g. +447700900205)'
        Get-SentDestination | Should -BeNullOrEmpty
    }

    It 'stops at the bad row with -ErrorAction Stop, before any later row is sent' {
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidInput,*'

        (Get-SentDestination).msisdn | Should -Not -Contain '+447700900103'
    }

    It 'finishes and reports the rows before the bad one when -ErrorAction Stop ends the command' {
        $results = [System.Collections.Generic.List[object]]::new()
        $thrown = $null
        try {
            $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop | ForEach-Object { $results.Add($_) }
        }
        catch {
            $thrown = $_
        }

        # The command did end at row 2, with row 2's own error (not a generic "pipeline stopped").
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $thrown.Exception.Message | Should -BeLike 'Row 2: Invalid 07700 900102: Phone: *'
        # Row 1 was waiting in a partial batch when row 2 failed: it is sent and its result written, not lost. Row 2's
        # result comes before its error, so a report of the run holds the row that stopped it.
        $results.Count | Should -Be 2
        $results[0].Destination | Should -Be '+447700900101'
        $results[0].Status | Should -Be 'Queued'
        $results[1].Row | Should -Be 2
        $results[1].Status | Should -Be 'Invalid'
        (Get-SentDestination).msisdn | Should -Be @('+447700900101')
    }

    It 'writes the bad row to a report piped to Export-Csv before -ErrorAction Stop ends the command' {
        $path = Join-Path $TestDrive 'stopped.csv'
        try {
            $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop | Export-Csv -Path $path -NoTypeInformation
        }
        catch {
            $null = $_
        }

        $report = @(Import-Csv $path)
        $report.Status | Should -Be @('Queued', 'Invalid')
        $report[1].Reason | Should -BeLike 'Row 2: Phone: *'
    }

    It 'writes each row its error right after its result when the errors do not stop it' {
        $stream = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Continue 2>&1)

        $stream.Count | Should -Be 4
        $stream[1].Status | Should -Be 'Invalid'
        $stream[2] | Should -BeOfType System.Management.Automation.ErrorRecord
        $stream[2].Exception.Result.Row | Should -Be 2
        $stream[3].Status | Should -Be 'Queued'
    }

    It 'sets $? to false and leaves the error in $Error' {
        $results = $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue
        $succeeded = $?
        $lastError = $Error[0]

        $succeeded | Should -BeFalse
        @($results).Count | Should -Be 3
        $lastError.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
    }

    It 'stops the same way when the caller set $ErrorActionPreference instead of -ErrorAction' {
        $results = [System.Collections.Generic.List[object]]::new()
        $thrown = $null
        $ErrorActionPreference = 'Stop'
        try {
            $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' | ForEach-Object { $results.Add($_) }
        }
        catch {
            $thrown = $_
        }
        finally {
            $ErrorActionPreference = 'Continue'
        }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $results.Count | Should -Be 2
        $results[0].Destination | Should -Be '+447700900101'
        $results[1].Status | Should -Be 'Invalid'
        (Get-SentDestination).msisdn | Should -Be @('+447700900101')
    }
}

Describe 'Send-ConnectSms when a preference other than -ErrorAction stops it' {
    BeforeEach { Connect-FreshSandbox }

    It 'still writes the result of every row it read when $VerbosePreference = Stop ends it at its first verbose line' {
        # The first verbose line (a request finished) comes while the results are written: WriteVerbose then throws
        # into the cmdlet, which must not lose the results of rows the sandbox already accepted.
        # The sandbox answers after half a second: a pause over 50 ms between two rows sends the first on its own,
        # and without the delay its line could then arrive, and end the command, before the third row is read.
        Connect-WebexConnect -Sandbox -Tps 1000 -SandboxLatency '00:00:00.500'
        $results = [System.Collections.Generic.List[object]]::new()
        $thrown = $null
        $VerbosePreference = 'Stop'
        try {
            '+447700900401', '+447700900402', '+447700900403' |
                Send-ConnectSms -From ACME -Text 'Hi' | ForEach-Object { $results.Add($_) }
        }
        catch {
            $thrown = $_
        }
        finally {
            $VerbosePreference = 'SilentlyContinue'
        }

        # The preference's own stop, not an error of the run. Not $thrown.Exception's type: PowerShell 7 gives the
        # ActionPreferenceStopException, Windows PowerShell 5.1's catch gives its ParentContainsErrorRecordException
        # (5.1 unwraps an ActionPreferenceStopException without an error record to its record's exception).
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -Match '^ActionPreferenceStop(,|$)'
        $thrown.Exception.Message | Should -Match 'VerbosePreference'
        $results.Destination | Should -Be @('+447700900401', '+447700900402', '+447700900403')
        $results.Status | Select-Object -Unique | Should -Be 'Queued'
        @(Get-SentDestination).msisdn | Sort-Object | Should -Be @('+447700900401', '+447700900402', '+447700900403')
    }
}

Describe 'Send-ConnectSms and Measure-ConnectSms under $PSDefaultParameterValues[''*:Encoding'']' {
    # about_Character_Encoding advises $PSDefaultParameterValues['*:Encoding'] = 'utf8' for every cmdlet that writes
    # files. Before, every Send-ConnectSms and Measure-ConnectSms then warned "The binding of default value 'utf8' to
    # parameter 'Encoding' failed", and under $WarningPreference = 'Stop' neither ran at all.
    BeforeEach { Connect-FreshSandbox }

    It 'sends as Auto, without a warning, when the default is <Name>, even under $WarningPreference = Stop' -ForEach @(
        @{ Name = "'utf8'"; Value = 'utf8' }
        @{ Name = "'utf8NoBOM'"; Value = 'utf8NoBOM' }
        @{ Name = "'ascii'"; Value = 'ascii' }
        @{ Name = 'a [Text.UTF8Encoding] object'; Value = [Text.UTF8Encoding]::new($false) }
    ) {
        $PSDefaultParameterValues = @{ '*:Encoding' = $Value }
        $WarningPreference = 'Stop'

        $sent = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Grüße' -WarningVariable warned
        $measured = Measure-ConnectSms -Text 'Привет' -WarningVariable +warned

        $sent.Status | Should -Be 'Queued'
        (Get-SentBody).content.type | Should -Be 'text'    # ü is GSM-7, as Auto finds
        $measured.Encoding | Should -Be 'Unicode'
        $warned.Count | Should -Be 0
    }

    It 'still reads the module''s own values given on the command line, and refuses a value that is neither' {
        Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Encoding Unicode | Out-Null
        (Get-SentBody).content.type | Should -Be 'unicode'
        (Measure-ConnectSms -Text 'Hi' -Encoding Text).Encoding | Should -Be 'Text'
        # A one-row call's 'gsm' is its row's Invalid result (a script's loop keeps it); piped, one stop before any row.
        $bad = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Encoding 'gsm' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $bad.Status | Should -Be 'Invalid'
        $bad.Reason | Should -BeExactly "Row 1: Encoding: 'gsm' is none of Auto, Text, Unicode: give one of them, or leave -Encoding out for Auto"
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Encoding 'gsm' } | Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*Auto, Text, Unicode*'
        { Measure-ConnectSms -Text 'Hi' -Encoding 'gsm' } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*' -ExpectedMessage '*Auto, Text, Unicode*'
    }
}

Describe 'Send-ConnectSms without rows' {
    BeforeEach { Connect-FreshSandbox }

    It 'sends piped plain strings, with no substitutions taken from the string' {
        $results = @('+447700900201', '+447700900202' | Send-ConnectSms -From ACME -Text 'Hello')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be @('+447700900201', '+447700900202')
        $results.Row | Should -Be @(1, 2)
        # A string's Length is not a column.
        @(Get-SentDestination | Where-Object { $_.substitutions }).Count | Should -Be 0
    }

    It 'sends a text file read with Get-Content without -Raw as its text, and measures it the same' {
        # Before: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Text'".
        $file = Join-Path $TestDrive 'message.txt'
        Set-Content -Path $file -Value 'Your parcel is on its way.', 'Reply STOP to opt out.'

        $result = Send-ConnectSms -To '+447700900301' -From ACME -Text (Get-Content $file)
        $measured = Measure-ConnectSms -Text (Get-Content $file)

        $result.Status | Should -Be 'Queued'
        (Get-SentBody).content.text | Should -BeExactly "Your parcel is on its way.`nReply STOP to opt out."
        $measured.Characters | Should -Be 49
        $measured.Parts | Should -Be $result.Parts
    }

    It 'warns once when a text pasted from Word goes out as Unicode in more parts only because of its typographic characters' {
        # Before: nothing said it; each result's Parts was 2 where the plain text is 1, and the bill doubled.
        $text = 'Your appointment is tomorrow {0} don{1}t be late{2} Call 0300 123 4567 if you can{1}t make it. Thanks!' -f [char]0x2013, [char]0x2019, [char]0x2026
        $numbers = '+447700900501', '+447700900502', '+447700900503'

        $results = @($numbers | Send-ConnectSms -From ACME -Text $text -WarningVariable warned -WarningAction SilentlyContinue)
        $asWritten = @($numbers | Send-ConnectSms -From ACME -Text $text -Encoding Unicode -WarningVariable unwarned)

        $results.Parts | Should -Be @(2, 2, 2)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("Row 1: the text goes out as Unicode, 2 parts an SMS as written, only because of typographic characters*Replace '{0}' with a hyphen (-), '{1}' with an apostrophe ('), '{2}' with '...' and it is GSM-7, 1 part.*-Encoding Unicode*" -f
            [char]0x2013, [char]0x2019, [char]0x2026)
        $asWritten.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($unwarned).Count | Should -Be 0
    }

    It 'warns once when Windows line breaks (CR LF) alone make a text one part more' {
        # Before: a here-string from a script saved on Windows cost 2 characters a line break, unseen: 161 characters, 2 parts.
        $text = "Dear customer, your appointment is on Monday at 10:00.`r`nPlease bring your ID cards and our letter.`r`n" +
            'Call 0300 123 4567 if you cannot come. Reply STOP to opt out.'
        $numbers = '+447700900511', '+447700900512'

        $results = @($numbers | Send-ConnectSms -From ACME -Text $text -WarningVariable warned -WarningAction SilentlyContinue)
        $withLineFeeds = @($numbers | Send-ConnectSms -From ACME -Text ($text -replace "`r`n", "`n") -WarningVariable unwarned)

        $results.Parts | Should -Be @(2, 2)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Row 1: the text's 2 line breaks are Windows' CR LF*2 parts an SMS where LF alone makes it 1 part.*"
        "$($warned[0])" | Should -Match ([regex]::Escape('(<text> -replace "`r`n", "`n")'))
        $withLineFeeds.Parts | Should -Be @(1, 1)
        @($unwarned).Count | Should -Be 0
        (Get-ConnectSandboxRequest)[0].Body | Should -Match ([regex]::Escape('10:00.\r\nPlease'))
    }

    It 'sends several -To values as one destination object with one result' {
        $result = @(Send-ConnectSms -To '+447700900211', '+447700900212' -From ACME -Text 'Same for all')

        $result.Count | Should -Be 1
        $result[0].Destination | Should -Be '+447700900211, +447700900212'
        $sent = @(Get-SentDestination)
        $sent.Count | Should -Be 1
        $sent[0].msisdn | Should -Be @('+447700900211', '+447700900212')
    }

    It 'sends nothing with -WhatIf' {
        $results = @('+447700900221', '+447700900222' | Send-ConnectSms -From ACME -Text 'Hello' -WhatIf)

        $results.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'shows the JSON with -PayloadOnly and sends nothing' {
        $json = @([pscustomobject]@{ Phone = '+447700900231'; Name = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -PayloadOnly)

        $json.Count | Should -Be 1
        $json[0] | Should -BeOfType ([string])
        $body = $json[0] | ConvertFrom-Json
        $body.channel | Should -BeExactly 'sms'
        $body.from | Should -Be 'ACME'
        $body.to[0].msisdn | Should -Be @('+447700900231')
        $body.to[0].substitutions.Name | Should -Be 'Ann'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses -ExpireAt together with -Validity before sending anything' {
        { Send-ConnectSms -To '+447700900241' -From ACME -Text 'x' -ExpireAt (Get-Date).AddHours(1) -Validity '01:00:00' } |
            Should -Throw -ErrorId 'ExpireAtWithValidity,*'

        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses -Validity 2d written unquoted, which PowerShell reads as the decimal 2 (two seconds, not days), and takes ''2d''' {
        # The help writes '2d' in quotes; at the console an admin writes 2d, PowerShell's decimal literal. It went out as
        # "validity": "2", and an SMS to a phone that was off expired two seconds later.
        { [pscustomobject]@{ Phone = '+447700900261' } | Send-ConnectSms -From ACME -Text 'x' -Validity 2d } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*2d, unquoted*the number 2*write the unit in quotes: '2d' for days*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # A one-row call (a script's loop) keeps a result for its row.
        $row = Send-ConnectSms -To '+447700900262' -From ACME -Text 'x' -Validity 2d -ErrorAction SilentlyContinue
        $row.Status | Should -Be 'Invalid'
        $row.Code | Should -Be 'ParameterArgumentTransformationError'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $null = Send-ConnectSms -To '+447700900263' -From ACME -Text 'x' -Validity '2d'
        @(Get-SentBody)[-1].validity | Should -Be '172800'
    }

    It 'normalises the casing of -RequestedReceipt' {
        $null = Send-ConnectSms -To '+447700900251' -From ACME -Text 'x' -RequestedReceipt 'delivered', 'Failed'

        @(Get-SentBody)[-1].requestedReceipts | Should -BeExactly @('DELIVERED', 'FAILED')
    }
}

Describe 'Send-ConnectSms given more numbers in one row than one request may carry' {
    BeforeAll {
        # In a runspace of its own, so that a command that never ends cannot hang the suite: the sessions are the process's.
        function script:Invoke-WithTimeout([scriptblock] $Block, [object[]] $Arguments) {
            $ps = [powershell]::Create().AddScript($Block)
            foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
            $async = $ps.BeginInvoke()
            try {
                if (-not $async.AsyncWaitHandle.WaitOne(30000)) { $ps.Stop(); return 'still running after 30 s' }
                @($ps.EndInvoke($async)) + @($ps.Streams.Error)
            }
            finally { $ps.Dispose() }
        }
        $script:Manifest = (Get-Module WebexConnect).Path
    }

    It 'fails a row whose numbers are more than the TPS in force at once, with what to do, instead of waiting for ever' {
        # -To $rows.Phone with 6 numbers at -Tps 5 (or 11 at the 10 a session starts at without -Tps). Before, the row's
        # one request could never pass the rate gate, and the command waited for ever without a word.
        Connect-WebexConnect -Sandbox -Tps 5
        $numbers = 1..6 | ForEach-Object { '+4477009006{0:d2}' -f $_ }

        $out = Invoke-WithTimeout { param($m, $n) Import-Module $m; Send-ConnectSms -From ACME -To $n -Text 'Hi' -ErrorAction SilentlyContinue } $script:Manifest, $numbers

        $out | Should -Not -Contain 'still running after 30 s'
        $result = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $result.Count | Should -Be 1
        $result[0].Status | Should -Be 'Failed'
        $result[0].Code | Should -Be 'TooManyDestinations'
        $result[0].Reason | Should -BeLike 'Not sent: the row has 6 destinations, more than the TPS in force (5) lets one request carry*ForEach-Object { `[pscustomobject`]@{ To = $_ } }*-Tps*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes a row of more than 1000 numbers Invalid before anything is sent' {
        Connect-WebexConnect -Sandbox -Tps 1000
        $numbers = 1..1001 | ForEach-Object { '+44770091{0:d4}' -f $_ }

        $out = Invoke-WithTimeout { param($m, $n) Import-Module $m; Send-ConnectSms -From ACME -To $n -Text 'Hi' -ErrorAction SilentlyContinue } $script:Manifest, $numbers

        $out | Should -Not -Contain 'still running after 30 s'
        $result = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike 'Row 1: To: has 1001 addresses: one request carries at most 1000 destinations*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }
}

Describe 'Send-ConnectSms when not connected' {
    BeforeAll { Disconnect-WebexConnect }

    It 'stops with NotConnected and says how to connect' {
        { '+447700900301' | Send-ConnectSms -From ACME -Text 'Hi' } |
            Should -Throw -ErrorId 'NotConnected,*' -ExpectedMessage '*Connect-WebexConnect*'
    }

    It 'stops with SessionClosed for a -Session that Disconnect-WebexConnect closed' {
        $session = Connect-WebexConnect -Sandbox -PassThru
        Disconnect-WebexConnect

        { '+447700900302' | Send-ConnectSms -From ACME -Text 'Hi' -Session $session } |
            Should -Throw -ErrorId 'SessionClosed,*'
    }
}

Describe 'Send-ConnectSms stopped with Ctrl+C' {
    It 'stops at once while its last request is on its way, also after Select-Object -First upstream' {
        # Import-Csv | Select-Object -First 3 | Send-ConnectSms: once Select-Object had stopped the commands before it,
        # PowerShell no longer called StopProcessing, and Ctrl+C waited for the request to come back (here 8 s).
        Connect-WebexConnect -Sandbox -Tps 1000 -SandboxLatency 8s
        try {
            $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Phone = '+44770090036{0}' -f $_ } }
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                    param($Manifest, $Rows)
                    Import-Module $Manifest
                    $Rows | Select-Object -First 3 | Send-ConnectSms -From ACME -Text 'Hi'
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path).AddArgument($rows)
            $null = $ps.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(20)
            while (@(Get-ConnectSandboxRequest).Count -eq 0 -and $ps.InvocationStateInfo.State -eq 'Running' -and (Get-Date) -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            Start-Sleep -Milliseconds 300
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # Waiting for the answer takes the 8 s latency; a loaded machine takes a few seconds to stop without it.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
        }
        finally {
            if ($ps) { $ps.Dispose() }
            Connect-FreshSandbox
        }
    }
}

Describe 'Send-ConnectSms stopped with Ctrl+C: its last word' {
    BeforeAll {
        # A run of 400 rows at 100 per second, stopped (as Ctrl+C or Stop-Job does) once 100 results are out.
        function script:Stop-Midway([string] $Journal) {
            $rows = 1..400 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f (40000 + $_) } }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($Manifest, $Rows, $Journal)
                        Import-Module $Manifest
                        if ($Journal) { $Rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $Journal }
                        else { $Rows | Send-ConnectSms -From ACME -Text 'Hi' }
                    }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path).AddArgument($rows).AddArgument($Journal)
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $null = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                $deadline = (Get-Date).AddSeconds(30)
                while ($output.Count -lt 100 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Stop()
                [pscustomobject]@{
                    Rows = $rows; Results = @($output); Warnings = @($ps.Streams.Warning | ForEach-Object Message); Seconds = $clock.Elapsed.TotalSeconds
                    State = $ps.InvocationStateInfo.State
                }
            }
            finally { $ps.Dispose() }
        }

        # The warning's numbers: the rows without a result, and how many of them were sent, may have gone, were not sent.
        function script:Read-Fates([string] $Warning) {
            $null = $Warning -match 'so rows (\d+)-(\d+) \((\d+) rows\) get no result: '
            $unreported = [int]$Matches[3]
            [pscustomobject]@{
                First = [int]$Matches[1]; Last = [int]$Matches[2]; Unreported = $unreported
                Sent = if ($Warning -match '(\d+) (was|were) sent[,.]') { [int]$Matches[1] } elseif ($Warning -match 'all were sent') { $unreported } else { 0 }
                Gone = if ($Warning -match '(\d+) may have been sent') { [int]$Matches[1] } else { 0 }
                NotSent = if ($Warning -match '(\d+) (was|were) not sent') { [int]$Matches[1] } elseif ($Warning -match 'none was sent') { $unreported } else { 0 }
            }
        }
    }

    It 'puts its last word in a thread job''s warnings when Stop-Job stops it, where Receive-Job shows it' {
        # A thread job has no console: the line the host shows after Ctrl+C must reach the job's Warning stream instead.
        Connect-WebexConnect -Sandbox -Tps 20
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        $job = Start-ThreadJob {
            Import-Module $using:manifest
            1..400 | ForEach-Object { '+4477009{0:d5}' -f (41000 + $_) } | Send-ConnectSms -From ACME -Text 'Hi'
        }
        try {
            $deadline = (Get-Date).AddSeconds(30)
            while (@($job.Output).Count -lt 20 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Stop-Job $job

            $results = @(Receive-Job $job -WarningVariable warnings -WarningAction SilentlyContinue)

            $job.State | Should -Be 'Stopped'
            $results.Count | Should -BeGreaterOrEqual 20
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "Send-ConnectSms was stopped (Ctrl+C, Stop-Job or the end of its task) after the result of row $($results[-1].Row), so rows *"
        } finally {
            Remove-Job $job -Force
        }
    }

    It 'says how many rows without a result were sent, may have gone and were not sent, and that the same -Journal finishes the run' {
        # Before: Ctrl+C after 100 results left the other rows read without a word; only a re-run with the journal told.
        Connect-WebexConnect -Sandbox -Tps 100 -SandboxLatency 200ms
        $journal = Join-Path $TestDrive 'stopped.journal'

        $run = Stop-Midway $journal

        $run.State | Should -Be 'Stopped'
        $run.Seconds | Should -BeLessThan 3
        $run.Warnings.Count | Should -Be 1
        $last = $run.Results[-1].Row
        $run.Warnings[0] | Should -BeLike "Send-ConnectSms was stopped (Ctrl+C, Stop-Job or the end of its task) after the result of row $last, so rows $($last + 1)-* get no result: * The journal '$journal' records which went: run the same command with it again to send only the rows it did not send*"
        $fates = Read-Fates $run.Warnings[0]
        $fates.First | Should -Be ($last + 1)
        ($fates.Sent + $fates.Gone + $fates.NotSent) | Should -Be $fates.Unreported
        # What the service received: the rows reported Queued, the rows the warning says were sent, and those that may have gone.
        $queued = @($run.Results | Where-Object Status -eq Queued).Count
        $received = @(@(Get-ConnectSandboxRequest).Body | ConvertFrom-Json | ForEach-Object { $_.to.msisdn })
        $received.Count | Should -BeGreaterOrEqual ($queued + $fates.Sent)
        $received.Count | Should -BeLessOrEqual ($queued + $fates.Sent + $fates.Gone) -Because 'a row said not sent never reached the service'

        Connect-WebexConnect -Sandbox -Tps 1000
        $again = @($run.Rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal -ErrorAction SilentlyContinue)

        $again.Count | Should -Be 400
        @($again | Where-Object { $_.Status -eq 'Queued' -and $received -contains $_.Destination }) | Should -BeNullOrEmpty
        @($again | Where-Object Status -eq Skipped).Count | Should -Be ($queued + $fates.Sent)
        @($again | Where-Object Status -eq Unknown).Count | Should -Be $fates.Gone
    }

    It 'says without -Journal that nothing records which of the rows went' {
        Connect-WebexConnect -Sandbox -Tps 100 -SandboxLatency 200ms

        $run = Stop-Midway

        $run.Warnings.Count | Should -Be 1
        $fates = Read-Fates $run.Warnings[0]
        if ($fates.Sent -eq $fates.Unreported) {
            $run.Warnings[0] | Should -BeLike "*: all were sent. Sending them again sends each a second time: give -Journal to a run that may be cut short, so that running it again sends only what it did not send."
        }
        elseif ($fates.Sent + $fates.Gone -gt 0) {
            $run.Warnings[0] | Should -BeLike "* Nothing records which of these $($fates.Unreported) rows went: give -Journal to a run that may be cut short, so that running it again sends only what it did not send."
        }
        else { $run.Warnings[0] | Should -BeLike '*: none was sent. Give -Journal to a run that may be cut short*' }
    }

    It 'keeps quiet under -WarningAction SilentlyContinue' {
        Connect-WebexConnect -Sandbox -Tps 100 -SandboxLatency 200ms
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    1..400 | ForEach-Object { '+4477009{0:d5}' -f (41000 + $_) } | Send-ConnectSms -From ACME -Text 'Hi' -WarningAction SilentlyContinue
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = (Get-Date).AddSeconds(30)
            while ($output.Count -lt 100 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            @($ps.Streams.Warning).Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }

    It 'says nothing when the run stopped was -WhatIf, which sends nothing and writes no result for a row it would send' {
        # Before: Ctrl+C in a -WhatIf preview of a CSV said "rows 1-N (N rows) get no result: none was sent. Give -Journal
        # to a run that may be cut short", as if a real run had been cut short.
        Connect-WebexConnect -Sandbox -Tps 100
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    1..100000 | ForEach-Object { [pscustomobject]@{ Phone = if ($_ -eq 1) { 'bad' } else { '+4477009{0:d5}' -f ($_ % 90000) } } } |
                        Send-ConnectSms -From ACME -Text 'Hi' -WhatIf -ErrorAction SilentlyContinue 6>$null
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            # The invalid first row's result is out: the preview is reading rows.
            $deadline = (Get-Date).AddSeconds(30)
            while ($output.Count -lt 1 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
            Start-Sleep -Milliseconds 300
            $ps.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $output.Count | Should -Be 1
            @($ps.Streams.Warning).Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Send-ConnectSms stopped with Ctrl+C while it waits out a refusal' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'leaves the refused rows to the same -Journal, which sends each of the 1,000 once, not one of them Unknown' {
        # A 503 refuses the request whole (API.md): the rows are not at the service while the run waits out its Retry-After.
        # Stopped then, the journal must not keep them as "in flight": the re-run would report them Unknown, not send them.
        $refusing = [WebexConnectPester.LoopbackService]::new()
        foreach ($i in 1..10) { $null = $refusing.Then(503) }
        $journal = Join-Path $TestDrive 'refused.journal'
        $rows = 1..1000 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f (50000 + $_) } }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Rows, $Journal, $BaseUri)
                    Import-Module $Manifest
                    Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $BaseUri -NoSharedTps -Tps 1000
                    $Rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $Journal
                }).AddArgument((Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path).AddArgument($rows).
                AddArgument($journal).AddArgument($refusing.BaseUri)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = (Get-Date).AddSeconds(30)
            while (@($refusing.Received).Count -eq 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }
            # Inside the 2 s the 503's Retry-After asks for.
            Start-Sleep -Milliseconds 300
            $ps.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $output.Count | Should -Be 0
            @($ps.Streams.Warning)[0].Message | Should -BeLike '*rows 1-1,000 (1,000 rows) get no result: none was sent.*'
        }
        finally {
            $ps.Dispose()
            $refusing.Dispose()
        }

        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 1000
            $again = @($rows | Send-ConnectSms -From ACME -Text 'Hi' -Journal $journal)

            $again.Count | Should -Be 1000
            @($again | Where-Object Status -ne Queued) | Should -BeNullOrEmpty
            $sent = @($service.Received | ForEach-Object { ($_.Substring($_.IndexOf("`r`n`r`n") + 4) | ConvertFrom-Json).to.msisdn })
            $sent.Count | Should -Be 1000
            @($sent | Sort-Object -Unique).Count | Should -Be 1000
        }
        finally {
            $service.Dispose()
            Connect-FreshSandbox
        }
    }
}

Describe 'Send-ConnectSms stopped by -ErrorAction Stop' {
    BeforeEach { Connect-FreshSandbox }

    It 'ends -Verbose with the run''s summary, naming the error that stopped it' {
        # $ErrorActionPreference = 'Stop' in a scheduled task: the transcript showed "Row 3: Invalid" and no line saying
        # what became of the rows, unlike a run that a refused key stops.
        $rows = '+447700900351', '+447700900352', 'not-a-number', '+447700900354' | ForEach-Object { [pscustomobject]@{ To = $_ } }
        $verbose = @()
        try {
            $rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Stop -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $verbose += $_.Message }
        } catch { $thrown = $_ }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $verbose[-1] | Should -Match '^Send SMS: 3 rows in \d+\.\d s: 2 Queued, 1 Invalid; then the run stopped \(InvalidInput\)\.$'
    }
}

Describe 'Send-ConnectSms when the service refuses the key mid-run' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'says the refused request''s row was not accepted, and the row whose request never left was not sent' {
        # The second request is answered 401; -Tps 1 keeps the third waiting for its turn when that answer comes.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Then(401)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 1
            $rows = 1..3 | ForEach-Object { [pscustomobject]@{ To = "+44770090031$_"; Name = "N$_" } }
            $thrown = $null
            try { $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -OutVariable results | Out-Null } catch { $thrown = $_ }

            $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            @($service.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 2
            $results.Status | Should -Be @('Queued', 'Failed', 'Failed')
            $results[1].Code | Should -Be 'RunStopped'
            $results[1].Reason | Should -BeLike "Not accepted: the service refused this row's request (AuthenticationFailed)*"
            $results[2].Reason | Should -BeLike "Not sent: the run stopped (AuthenticationFailed) before this row's request left*"
            # The refused row's request went once, as batch 2 (-Verbose: "Batch 2: ... HTTP 401"); it said Attempts 0, Batch 0.
            $results[1].Attempts | Should -Be 1
            $results[1].Batch | Should -Be 2
            $results[2].Attempts | Should -Be 0
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'ends -Verbose with the run''s summary before the error, as a run that finishes does' {
        # Before: a stopped run wrote no summary, so a transcript showed the refused key and nothing of the rows.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Then(401)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 1
            $rows = 1..3 | ForEach-Object { [pscustomobject]@{ To = "+44770090037$_" } }
            $verbose = $null
            try { $rows | Send-ConnectSms -From ACME -Text 'Hi' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
                    ForEach-Object { $verbose = $_.Message } } catch { }

            $verbose | Should -Match '^Send SMS: 3 rows in \d+\.\d s: 1 Queued, 2 Failed; then the run stopped \(AuthenticationFailed\)\.$'
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'ends -ErrorAction Stop with AuthenticationFailed, not with the error of an invalid row after the refused one' {
        # The catch of a scheduled task must see the key refused (row 1), not "Row 2: Invalid", which comes later in row order.
        # The 503 (Retry-After: 2) holds row 1's request until row 2 has been read, so the 401 comes while the cmdlet
        # finishes the rows before the invalid one.
        $service = [WebexConnectPester.LoopbackService]::new().Then(503).Otherwise(401)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 10
            $rows = '+447700900341', 'not-a-number', '+447700900343' | ForEach-Object { [pscustomobject]@{ To = $_ } }
            $thrown = $null
            try { $rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction Stop -OutVariable results | Out-Null } catch { $thrown = $_ }

            $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $results.Status | Should -Be @('Failed', 'Invalid')
            $results[0].Code | Should -Be 'RunStopped'
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'gives every row of a 1,000-row CSV one result and the run one error, and the journal sends only the rest next time' {
        # The key is revoked after the third request. Before: the command ended at the 401, the rows it had not read yet
        # (650 of the 1,000) got no result at all, and the error said to check the key's region, where it had just worked.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Then(201).Then(201).Otherwise(401)
        $csv = Join-Path $TestDrive 'revoked.csv'
        $journal = Join-Path $TestDrive 'revoked.journal'
        1..1000 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:00000}' -f $_; Name = "N$_" } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 100
            $thrown = $null
            try { Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -OutVariable results -ErrorVariable errs | Out-Null }
            catch { $thrown = $_ }

            ($results.Row -join ',') | Should -Be ((1..1000) -join ',')
            $queued = @($results | Where-Object Status -eq Queued).Count
            $queued | Should -BeGreaterThan 0
            @($results | Where-Object { $_.Status -ne 'Queued' -and -not ($_.Status -eq 'Failed' -and $_.Code -eq 'RunStopped') }).Count | Should -Be 0
            $results[-1].Reason | Should -Be 'Not sent: the run stopped (AuthenticationFailed) before this row''s request left. Safe to send again.'
            @($errs).Count | Should -Be 1 -Because 'the rows not sent say why in the one error, not in one error each'
            $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $thrown.Exception.Message | Should -BeLike '*It accepted this key for earlier requests*Run Connect-WebexConnect again with the service''s current key*'
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }

        $renewed = [WebexConnectPester.LoopbackService]::new()
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k2' -AsPlainText -Force) -BaseUri $renewed.BaseUri -NoSharedTps -Tps 1000
            $again = @(Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal)

            @($again | Where-Object Status -eq Skipped).Count | Should -Be $queued
            @($again | Where-Object Status -eq Queued).Count | Should -Be (1000 - $queued)
            $sent = @($renewed.Received | ForEach-Object { [regex]::Matches($_, '4477009\d{5}').Count } | Measure-Object -Sum).Sum
            $sent | Should -Be (1000 - $queued) -Because 'the rows the first run sent are not sent again'
        }
        finally {
            Disconnect-WebexConnect
            $renewed.Dispose()
        }
    }

    It 'tells a run <Run> how to send only the rows it did not send when the key is refused part-way' -TestCases @(
        @{ Run = 'without -Journal'; Journaled = $false }
        @{ Run = 'with -Journal'; Journaled = $true }
    ) {
        # Before, a run without -Journal was told "with the same -Journal, it sends only the rows this run did not send":
        # run again as told, it sent every row a second time.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Otherwise(401)
        $journal = @{}
        if ($Journaled) { $journal.Journal = Join-Path $TestDrive "refused-$([guid]::NewGuid()).journal" }
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 1
            $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090039$_" } }
            $thrown = $null
            try { $rows | Send-ConnectSms -From ACME -Text 'Hi' @journal -OutVariable results -ErrorAction SilentlyContinue | Out-Null } catch { $thrown = $_ }

            $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $results[0].Status | Should -Be 'Queued'
            $message = $thrown.Exception.Message
            if ($Journaled) {
                $message | Should -BeLike '*then run the same command again: with the same -Journal, it sends only the rows this run did not send.'
            }
            else {
                $message | Should -Not -BeLike '*same -Journal*'
                $message | Should -BeLike '*then send again only the rows this run did not send: the results with Status Failed and Code RunStopped (their Row says which)*'
                $message | Should -BeLike '*This run has no -Journal, so running the same command again sends every row again*'
                @($results | Where-Object { $_.Status -eq 'Failed' -and $_.Code -eq 'RunStopped' }).Row | Should -Be @(2, 3) -Because 'the advice finds exactly the rows not sent'
            }
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'says, under -ErrorAction Stop, that the rows after the last one read when the key was refused were not read' {
        # -ErrorAction Stop ends the command at the refused key instead of reading the rest of the input. Before, the error
        # alone was said: 3,000 rows gave some 600 results and nothing told the log of the rows after them.
        $service = [WebexConnectPester.LoopbackService]::new().Then(201).Then(201).Otherwise(401)
        $csv = Join-Path $TestDrive 'revoked-stop.csv'
        1..1000 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:00000}' -f $_; Name = "N$_" } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 100
            $thrown = $null
            try { Import-Csv $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop -OutVariable results -WarningVariable warned 3>$null | Out-Null }
            catch { $thrown = $_ }

            $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $read = @($results).Count
            $read | Should -BeLessThan 1000 -Because 'the command ended before reading the whole CSV'
            ($results.Row -join ',') | Should -Be ((1..$read) -join ',')
            $said = @($warned | Where-Object { $_.Message -like '*ended at its error (AuthenticationFailed)*' })
            $said.Count | Should -Be 1
            $said[0].Message | Should -BeLike ("*after reading row {0:N0}: the {0:N0} rows it read have their results, and any rows the input had after row {0:N0} were not read, so not sent.*Give -Journal*" -f $read)
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }

    It 'can be caught by the exception type Get-Error shows, as can NotConnected after it' {
        # Before: both types were internal, so a catch written from $_.Exception.GetType() ended the script with
        # "Unable to find type [WebexConnect.Sending.SessionFailureException]" and the refused key was never handled.
        $service = [WebexConnectPester.LoopbackService]::new().Otherwise(401)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps
            $refused = try { Send-ConnectSms -From ACME -To '+447700900351' -Text 'Hi' | Out-Null; 'none' }
                catch [WebexConnect.Sending.SessionFailureException] { "$($_.Exception.ErrorId) $($_.Exception.Code)" }
                catch { "other: $($_.FullyQualifiedErrorId) $($_.Exception.Message)" }
            Disconnect-WebexConnect
            $notConnected = try { Send-ConnectSms -From ACME -To '+447700900352' -Text 'Hi' | Out-Null; 'none' }
                catch [WebexConnect.Sending.ConnectionConfigurationException] { $_.Exception.ErrorId }
                catch { "other: $($_.FullyQualifiedErrorId) $($_.Exception.Message)" }

            $refused | Should -Be 'AuthenticationFailed 7001'
            $notConnected | Should -Be 'NotConnected'
        }
        finally {
            $service.Dispose()
        }
    }
}

Describe 'Send-ConnectSms when the service does not answer in time' {
    It 'says after how long, that the row may have been sent, how to check, and the same -Journal does not send it again' {
        # Before: "no response within 1 s ... Check delivery reports before sending again": not which setting waited, nor
        # where to look, nor whether a re-run would send the row a second time.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:03' -TimeoutSec 1
        $journal = Join-Path $TestDrive 'timeout.journal'
        $result = Send-ConnectSms -From ACME -To '+447700900381' -Text 'Hi' -Journal $journal -ErrorVariable errs -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Unknown'
        $result.Code | Should -Be 'Timeout'
        $result.Reason | Should -BeLike 'The request may or may not have been accepted (no response within 1 s, the -TimeoutSec of Connect-WebexConnect).*'
        $result.Reason | Should -BeLike '*Check its delivery receipts (-NotifyUrl) or the service''s message logs before sending it again: a re-run with the same -Journal reports it Unknown again instead of sending it twice.'
        "$($errs[0])" | Should -BeLike 'Row 1: Unknown (Timeout) +447700900381: *-TimeoutSec*'

        $again = Send-ConnectSms -From ACME -To '+447700900381' -Text 'Hi' -Journal $journal -ErrorAction SilentlyContinue
        $again.Status | Should -Be 'Unknown'
        $again.Code | Should -Be 'Journal'
        # The re-run's reason says where to look, as the run's own did (before: "check delivery reports").
        $again.Reason | Should -BeLike "Its outcome was unknown in an earlier run on * (journal). Not resent: check its delivery receipts (-NotifyUrl) or the service's message logs, then use -ResendUnknown to send it again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }

    It 'says of a timed-out row of a run without -Journal that running the command again sends it again' {
        # Before, such a row said "a re-run with the same -Journal reports it Unknown again" to a run that had no journal.
        Connect-WebexConnect -Sandbox -SandboxLatency '00:00:03' -TimeoutSec 1
        $result = Send-ConnectSms -From ACME -To '+447700900382' -Text 'Hi' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Unknown'
        $result.Reason | Should -Not -BeLike '*same -Journal*'
        $result.Reason | Should -BeLike '*before sending it again: this run has no -Journal, so running the command again sends it again. Give -Journal to a run that may be cut short*'
    }
}

Describe 'Send-ConnectSms given its own results to send again' {
    It 'says a piped send result is not an input row and how to send the failed rows again, and that advice works' {
        # Before: "no destination: give -To, or a column named To, Phone, ..." and the result's columns listed, which led
        # to renaming Destination, so the rows went out with Row, Status, Reason... as substitutions and no Name.
        Connect-FreshSandbox
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090036$_"; Name = "N$_" } }
        $results = $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)'
        $csv = Join-Path $TestDrive 'results.csv'
        $results | Export-Csv $csv -NoTypeInformation

        foreach ($piped in @($results[1]), @(Import-Csv $csv | Select-Object -Last 1)) {
            $again = $piped | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable err -ErrorAction SilentlyContinue
            $again.Status | Should -Be 'Invalid'
            $err[0].Exception.Message | Should -BeLike 'Row 1: Invalid*this is a send result, not an input row*'
            $err[0].Exception.Message.Contains('ForEach-Object { $rows[$_.Row - 1] } | Send-ConnectSms ...') | Should -BeTrue
            $err[0].Exception.Message | Should -BeLike '*when the run that gave them had a -Journal, run the same command again with it*' -Because 'this run had no -Journal, and that run may have had none'
            # Before, it went on "Text: $(Name) has no value ... add the column, or give -AllowMissingSubstitution":
            # advice about the result's columns, which are not the row's.
            $err[0].Exception.Message | Should -Not -BeLike '*$(Name) has no value*'
            $err[0].Exception.Message | Should -Not -BeLike '*AllowMissingSubstitution*'
        }

        # The advice, with Queued standing in for Failed: the input rows go again with their own columns.
        $resent = $results | Where-Object Status -eq Queued | ForEach-Object { $rows[$_.Row - 1] } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)'
        $resent.Status | Should -Be @('Queued', 'Queued')
        (Get-SentDestination | Select-Object -Last 2).substitutions.Name | Should -Be @('N1', 'N2')
    }

    It 'says a piped delivery result was sent, so its run''s -Journal skips it, not that the journal sends it again' {
        # Before, a row of the morning's delivery report (Wait-ConnectDelivery, Status Failed) got the send result's advice,
        # "run the same command again with its -Journal, which sends only what was not sent": that run skips every such row.
        Connect-FreshSandbox
        $journal = Join-Path $TestDrive 'night.journal'
        $rows = @([pscustomobject]@{ Phone = '+447700900371'; Name = 'N1' })
        $sent = $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal
        $body = '{"deliveryInfoNotification":{"deliveryInfo":{"code":"7102","destination":"447700900371","deliveryStatus":"Failed"},' +
            '"transid":"' + $sent.MessageId + '_1"}}'
        $report = $sent | Wait-ConnectDelivery -Receipt ($body | ConvertFrom-ConnectWebhook) -ErrorAction SilentlyContinue
        $csv = Join-Path $TestDrive 'report.csv'
        $report | Export-Csv $csv -NoTypeInformation

        foreach ($piped in $report, (Import-Csv $csv)) {
            $null = $piped | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].Exception.Message | Should -BeLike 'Row 1: Invalid*this is a delivery result (Wait-ConnectDelivery), not an input row*'
            $err[0].Exception.Message.Contains('ForEach-Object { $rows[$_.Row - 1] } | Send-ConnectSms ...') | Should -BeTrue
            $err[0].Exception.Message | Should -BeLike '*skips them as sent: give a new -Journal file, or none*'
            $err[0].Exception.Message | Should -Not -BeLike '*sends only what was not sent*'
        }
        # What the message says of the journal: the input row of the failed delivery, with the night's journal, is skipped.
        $again = $report | Where-Object Status -eq Failed | ForEach-Object { $rows[$_.Row - 1] } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WarningAction SilentlyContinue
        $again.Status | Should -Be 'Skipped'
    }

    It 'does not send again the lookup answers (Get-ConnectMessage) piped to it, typed or read back from their Export-Csv' {
        # Before: the answer's To column bound as the destination, so $messages | Where-Object Status -ne Delivered |
        # Send-ConnectSms ... sent again every message the service did not know (yet), NotFound, which may have been delivered,
        # and only to the one destination of its request that the answer names; with four warnings about its From, NotifyUrl,
        # CallbackData and RequestedReceipts columns first.
        Connect-FreshSandbox
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090039$_"; Name = "N$_" } }
        $results = $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)'
        Connect-FreshSandbox # the next morning: a service that does not know the messages (yet), 404
        $messages = @($results | Get-ConnectMessage)
        $messages.Found | Should -Be @($false)
        $csv = Join-Path $TestDrive 'lookups.csv'
        $messages | Export-Csv $csv -NoTypeInformation

        foreach ($piped in $messages, (Import-Csv $csv)) {
            $said = @($piped | Where-Object Status -ne Delivered |
                Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable err -ErrorAction SilentlyContinue 3>&1)
            $again = @($said | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
            $again.Status | Should -Be @('Invalid')
            @($said | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | Where-Object { "$_" -like 'The column*' }) |
                Should -BeNullOrEmpty
            $err[0].Exception.Message | Should -BeLike "Row 1: Invalid*this is a message lookup's answer (Get-ConnectMessage), not an input row*"
            $err[0].Exception.Message | Should -BeLike '*NotFound means the service does not know the message (yet), not that it failed: sending it again may send it twice*'
            $err[0].Exception.Message.Contains('ForEach-Object { $rows[$_.Row - 1] } | Send-ConnectSms ...') | Should -BeTrue
        }
        @(Get-ConnectSandboxRequest | Where-Object Method -eq POST) | Should -BeNullOrEmpty

        # -To on the command line: the answer is only a row of substitutions then, and it goes where -To says.
        $sent = $messages | Send-ConnectSms -To '+447700900399' -From ACME -Text 'Checked' -WarningAction SilentlyContinue
        $sent.Status | Should -Be 'Queued'
    }

    It 'runs the help''s "Send the failed rows again" as printed without warning when no row failed' {
        # Before: the example piped the (empty) failed rows straight into Send-ConnectSms, so a run in which everything
        # went (the usual night, and every sandbox run) ended with "No rows were piped ... Check that the input has rows".
        $page = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/Send-ConnectSms.md'))
        $section = $page.Substring($page.IndexOf('### Example 4: Send the failed rows again'))
        $code = [regex]::Match($section, '```powershell\r?\n(?<code>.*?)```', 'Singleline').Groups['code'].Value
        $code | Should -Match 'Where-Object Status -eq Failed'
        Connect-FreshSandbox

        Push-Location (Join-Path $PSScriptRoot '../..')
        try { $output = @(Invoke-Expression $code 3>&1) }
        finally { Pop-Location }

        @($output | Where-Object { $_ -is [Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
        @(Get-ConnectSandboxRequest).Count | Should -Be 1
    }
}

Describe 'Send-ConnectSms when -BaseUri is a web site, not the API' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'says Unknown (WebPage) for every row, not Queued, and a -Journal re-run does not skip them as sent' {
        # The site answers every POST with its home page (200, text/html): the rows used to be Queued, and the
        # journal then skipped them on the run after -BaseUri was fixed.
        $site = [WebexConnectPester.LoopbackService]::new().AsWebSite()
        $journal = Join-Path $TestDrive 'site.journal'
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $site.BaseUri -NoSharedTps -Tps 10
            $rows = 1..2 | ForEach-Object { [pscustomobject]@{ To = "+44770090035$_"; Name = "N$_" } }

            $results = $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorVariable err -ErrorAction SilentlyContinue

            $results.Status | Should -Be @('Unknown', 'Unknown')
            $results.Code | Should -Be @('WebPage', 'WebPage')
            $results[0].MessageId | Should -BeNullOrEmpty
            $results[0].Reason | Should -BeLike '*web page*-BaseUri*'
            $err.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
            @($site.Received | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1

            $again = $rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue
            $again.Status | Should -Not -Contain 'Skipped'
        }
        finally {
            Disconnect-WebexConnect
            $site.Dispose()
        }
    }
}

Describe 'Send-ConnectSms while the service asks it to wait' {
    BeforeAll { . (Join-Path $PSScriptRoot 'LoopbackService.ps1') }

    It 'says so with -Verbose when the wait begins, not with the result after it' {
        # A 503 with Retry-After: 2 on the first request. The retry line was once held back until the row's result.
        $service = [WebexConnectPester.LoopbackService]::new().Then(503)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps -Tps 10
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $seen = [pscustomobject]@{ To = '+447700900321' } |
                Send-ConnectSms -From ACME -Text 'Hi' -Verbose 4>&1 |
                ForEach-Object { [pscustomobject]@{ At = $clock.Elapsed.TotalSeconds; Record = $_ } }

            $retry = @($seen | Where-Object { $_.Record -is [System.Management.Automation.VerboseRecord] -and $_.Record.Message -like '*Retry-After*' })
            $result = @($seen | Where-Object { $_.Record -is [WebexConnect.Results.SendResult] })
            $retry.Count | Should -Be 1
            $result[0].Record.Status | Should -Be 'Queued'
            ($result[0].At - $retry[0].At) | Should -BeGreaterThan 1.5
        }
        finally {
            Disconnect-WebexConnect
            $service.Dispose()
        }
    }
}

Describe 'Send-ConnectSms with a row that repeats another' {
    BeforeEach { Connect-FreshSandbox }

    It 'names the column the numbers came from in its example, as the CSV spells it' {
        $csv = "Mobile,Name`n+447700900001,Ann`n+447700900002,Bob`n+447700900001,Ann"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        "$($warned[0])" | Should -BeLike ('Row 3 repeats row 1:*' + [WildcardPattern]::Escape('e.g. with | Sort-Object {([string]$_.Mobile).Trim()},{([string]$_.Name).Trim()} -Unique -CaseSensitive | before Send-ConnectSms (it keeps one of the rows that send the same, comparing the columns that count as Send-ConnectSms does).'))
    }

    It 'warns of a row that differs from an earlier one only in columns that are not sent, and its advice drops just that row' {
        # Two exports pasted together: Ann twice, under another Id and Department, which no $(name) uses. Before, the rows
        # had other values, so nothing was said, Ann got the SMS twice, and Sort-Object * -Unique kept both rows.
        $csv = "Id,Phone,Name,Department`n1,+447700900001,Ann,Sales`n2,+447700900002,Bob,Ops`n3,+447700900001,Ann,Support`n4,+447700900001,Anne,Sales"
        $send = @{ From = 'ACME'; Text = 'Hi $(Name), your order has shipped' }

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms @send -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("Row 3 repeats row 1: the same message to +447700900001 with the same values (its columns 'Id', 'Department' are not sent, so they do not count). It is sent again*" +
            [WildcardPattern]::Escape('e.g. with | Sort-Object {([string]$_.Phone).Trim()},{([string]$_.Name).Trim()} -Unique -CaseSensitive | before Send-ConnectSms') + '*')

        # The advice, followed as written: Ann once, Anne (another name, another text) still.
        $advice = Get-RepeatAdvice $warned[0]
        $again = @($csv | ConvertFrom-Csv | & $advice | Send-ConnectSms @send -WarningVariable warnedAgain)

        @($warnedAgain).Count | Should -Be 0
        @($again.Destination | Sort-Object) | Should -Be @('+447700900001', '+447700900001', '+447700900002')
        @($again.Status | Select-Object -Unique) | Should -Be 'Queued'
    }

    It 'judges rows with a Text column of their own by that text and the columns it uses' {
        $csv = "Id,Phone,Name,Text`n1,+447700900001,Ann,Hi `$(Name) A`n2,+447700900001,Ann,Hi `$(Name) B`n3,+447700900001,Ann,Hi `$(Name) A"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).ForEach({ "$_" }) | Should -BeLike ("Row 3 repeats row 1: *(its column 'Id' is not sent, so it does not count)*" +
            [WildcardPattern]::Escape('| Sort-Object {([string]$_.Phone).Trim()},{([string]$_.Name).Trim()},Text -Unique -CaseSensitive |') + '*')
    }

    It 'gives advice that, run as written, removes a repeat whose cells differ only in spaces at their ends, and keeps a value in another case' {
        # The command trims a number and a value before sending, so rows 1 and 3 send the same; ANN is another text. Before,
        # the advice was Sort-Object * -Unique: it kept rows 1 and 3 (their cells differ) and the repeat went again.
        $csv = "Phone,Name`n+447700900001 ,Ann`n+447700900002,Bob`n+447700900001, Ann`n+447700900001,ANN"

        $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Hi $(Name)' } 'Row 3 repeats row 1:*'

        $again.Results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $pairs = @($again.Bodies.to.ForEach({ "$($_.msisdn) $($_.substitutions.Name)" }))
        $pairs.Count | Should -Be 3
        # Each once: Ann (one of the two rows that send the same), ANN (another text) and Bob.
        foreach ($pair in '+447700900001 Ann', '+447700900001 ANN', '+447700900002 Bob') { $pairs -ccontains $pair | Should -BeTrue -Because $pair }
    }

    It 'does not sort by a column the command line overrides, which is not sent' {
        # -Text sets every row, so the Text column is not read. Before, the advice sorted by it and kept rows 1 and 3.
        $csv = "Phone,Text,Name`n+447700900001,A,Ann`n+447700900002,A,Bob`n+447700900001,B,Ann"

        $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Hi $(Name)' } "Row 3 repeats row 1:*(its column 'Text' is not sent, so it does not count)*"

        @($again.Results.Destination | Sort-Object) | Should -Be @('+447700900001', '+447700900002')
    }

    It 'calls rows for another SendAt no repeat' {
        # A reminder at 09:00 and another at 17:00 are two reminders. Before, the second was called a repeat of the first.
        $day = (Get-Date).ToUniversalTime().Date.AddDays(2)
        $csv = "Phone,SendAt`n+447700900001,$($day.AddHours(9).ToString('o'))`n+447700900001,$($day.AddHours(17).ToString('o'))"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Reminder' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Scheduled', 'Scheduled')
        @($warned | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty
    }

    It 'calls the same SendAt written in other ways a repeat, and its advice sends one of them' {
        # '2026-12-24 09:00', '2026-12-24T09:00:00', the same with this computer's offset, and its Unix time are one sendAt:
        # the customer got the reminder twice. Before, the advice compared the cells as written and kept every row.
        $invariant = [cultureinfo]::InvariantCulture
        $nine = (Get-Date).Date.AddDays(2).AddHours(9)
        $local = [datetimeoffset]::new($nine, [TimeZoneInfo]::Local.GetUtcOffset($nine))
        $written = $nine.ToString('yyyy-MM-dd HH:mm', $invariant)
        $csv = "Phone,SendAt`n+447700900001,$written`n+447700900002,$written`n+447700900001,$($nine.ToString('yyyy-MM-ddTHH:mm:ss', $invariant))" +
            "`n+447700900001,$($local.ToString('yyyy-MM-ddTHH:mm:sszzz', $invariant))`n+447700900001,$($local.ToUnixTimeSeconds())" +
            "`n+447700900001,$($nine.AddHours(8).ToString('yyyy-MM-dd HH:mm', $invariant))"

        $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Reminder' } 'Row 3 repeats row 1: the same message to +447700900001 with the same values.*'

        $again.Results.Status | Should -Be @('Scheduled', 'Scheduled', 'Scheduled')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.msisdn) $(([datetimeoffset]$body.sendAt).ToUnixTimeSeconds())" } })
        $sent.Count | Should -Be 3
        foreach ($one in "+447700900001 $($local.ToUnixTimeSeconds())", "+447700900002 $($local.ToUnixTimeSeconds())", "+447700900001 $($local.AddHours(8).ToUnixTimeSeconds())") {
            $sent -contains $one | Should -BeTrue -Because $one
        }
    }

    It 'gives advice that groups one SendAt written two ways as one moment in <_>, as the check does' -ForEach 'th-TH', 'fa-IR', 'ar-SA' {
        # The module reads ISO 8601 in the Gregorian calendar in every culture; -as read '2026-12-24 09:00' in the culture's (th-TH:
        # 1483 AD) and '2026-12-24T09:00:00' in the Gregorian. Before, the advice kept both rows and the repeat went again.
        $invariant = [cultureinfo]::InvariantCulture
        $nine = (Get-Date).Date.AddDays(2).AddHours(9)
        $local = [datetimeoffset]::new($nine, [TimeZoneInfo]::Local.GetUtcOffset($nine))
        $csv = "Phone,SendAt`n+447700900001,$($nine.ToString('yyyy-MM-dd HH:mm', $invariant))`n+447700900002,$($nine.ToString('yyyy-MM-dd', $invariant)) 09:00" +
            "`n+447700900001,$($nine.ToString('yyyy-MM-ddTHH:mm:ss', $invariant))`n+447700900001,$($nine.AddHours(8).ToString('yyyy-MM-dd HH:mm', $invariant))"
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Reminder' } 'Row 3 repeats row 1: the same message to +447700900001 with the same values.*'
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $again.Results.Status | Should -Be @('Scheduled', 'Scheduled', 'Scheduled')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.msisdn) $(([datetimeoffset]$body.sendAt).ToUnixTimeSeconds())" } })
        @($sent | Sort-Object) | Should -Be @("+447700900001 $($local.ToUnixTimeSeconds())", "+447700900001 $($local.AddHours(8).ToUnixTimeSeconds())",
            "+447700900002 $($local.ToUnixTimeSeconds())")
    }

    It 'says a <Column> column is not sent when -<Column> is given, and its advice sends one of the rows' -TestCases @(
        @{ Column = 'ExpireAt'; Given = (Get-Date).AddDays(1) }
        @{ Column = 'CorrelationId'; Given = 'batch-7' }
    ) {
        # The command line's value goes with every row; the column is not read. Before, the warning said the column "changes
        # nothing its recipient reads", as of a column that is sent, beside the warning that it is not read.
        $csv = "Phone,$Column,Name`n+447700900001,2099-01-01,Ann`n+447700900002,2099-01-01,Bob`n+447700900001,2099-01-02,Ann"
        $said = "Row 3 repeats row 1: the same message to +447700900001 with the same values (its column '$Column' is not sent, so it does not count).*"

        $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Hi $(Name)'; $Column = $Given } $said

        @($again.Results.Destination | Sort-Object) | Should -Be @('+447700900001', '+447700900002')
    }

    It 'calls rows that differ only in their <Column> a repeat, and its advice sends one of them' -TestCases @(
        @{ Column = 'CorrelationId'; First = 'order-1'; Second = 'order-2' }
        @{ Column = 'ExpireAt'; First = '2099-01-01T09:00:00Z'; Second = '2099-01-01T17:00:00Z' }
    ) {
        # The recipient never reads either: two rows under two correlation IDs gave the customer the same SMS twice, unwarned.
        $csv = "Phone,$Column,Name`n+447700900001,$First,Ann`n+447700900002,$First,Bob`n+447700900001,$Second,Ann"
        $said = "Row 3 repeats row 1: the same message to +447700900001 with the same values (its column '$Column' changes nothing its recipient reads, so it does not count).*"

        $again = Invoke-RepeatAdvice $csv Send-ConnectSms @{ From = 'ACME'; Text = 'Your order has shipped, $(Name)' } $said

        @($again.Results.Destination | Sort-Object) | Should -Be @('+447700900001', '+447700900002')
    }

    It 'says nothing on a -Journal re-run of rows that differ only in a column that is not sent' {
        $journal = Join-Path $TestDrive 'export.journal'
        $csv = "Id,Phone,Name`n1,+447700900001,Ann`n2,+447700900001,Ann"
        $null = $csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WarningVariable first -WarningAction SilentlyContinue
        @($first | Where-Object { "$_" -like 'Row 2 repeats row 1:*' }).Count | Should -Be 1

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Skipped', 'Skipped')
        @($warned | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty
    }

    It 'gives no column example when the numbers came from no column' {
        $results = @('+447700900001', '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        "$($warned[0])" | Should -BeLike 'Row 2 repeats row 1:*remove the repeated rows first.'
    }

    It 'says nothing of repeated rows a -Journal re-run skips (<Way>), and warns of a repeat of a skipped row that is sent' -TestCases @(
        @{ Way = 'a plain run'; Journal = 'plain' }
        @{ Way = '-Verbose, which reads the journal ahead'; Journal = 'verbose'; Verbose = $true }
        @{ Way = '-WhatIf'; Journal = 'whatif'; WhatIf = $true }
    ) {
        # Before, the re-run warned "Row 3 repeats row 1 ... It is sent again" of two rows that both came back Skipped.
        $journal = Join-Path $TestDrive "$Journal.journal"
        $csv = "Mobile,Name`n+447700900001,Ann`n+447700900002,Bob`n+447700900001,Ann"
        $null = $csv | ConvertFrom-Csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -WarningAction SilentlyContinue
        $again = @{ From = 'ACME'; Text = 'Hi $(Name)'; Journal = $journal; WarningVariable = 'warned'; WarningAction = 'SilentlyContinue' }
        # -Verbose reads the journal ahead, as -Confirm does, without asking.
        if ($Verbose) { $again.Verbose = $true }
        if ($WhatIf) { $again.WhatIf = $true }

        $results = @($csv | ConvertFrom-Csv | Send-ConnectSms @again 4>$null)

        if (-not $WhatIf) { $results.Status | Should -Be @('Skipped', 'Skipped', 'Skipped') }
        @($warned | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty

        $results = @("$csv`n+447700900002,Bob`n+447700900002,Bob" | ConvertFrom-Csv | Send-ConnectSms @again 4>$null)

        if (-not $WhatIf) { $results.Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Queued', 'Queued') }
        @($warned | Where-Object { "$_" -like '*repeats row*' }).ForEach({ "$_" }) | Should -BeLike 'Row 4 repeats row 2:*'
    }
}

Describe 'Send-ConnectSms -SendAt as ISO 8601 text in a culture with another calendar' {
    BeforeEach { Connect-FreshSandbox }

    It 'schedules ''yyyy-MM-dd HH:mm'' for that Gregorian date in <_>' -ForEach 'th-TH', 'ar-SA', 'fa-IR' {
        # th-TH read the year as Buddhist (1483 AD: "is in the past"), ar-SA refused the text ("not recognized as a valid
        # DateTime"), fa-IR read it as a Persian year.
        $at = [datetime]::Now.AddDays(1).Date.AddHours(9)
        $text = $at.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -SendAt $text -ExpireAt "$($text.Substring(0, 10))T23:00:00Z"
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $result.Status | Should -Be 'Scheduled'
        $body = (Get-ConnectSandboxRequest -Last 1).Body
        $sendAt = [DateTimeOffset]::new($at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [cultureinfo]::InvariantCulture)
        $body | Should -BeLike "*`"sendAt`":`"$sendAt`"*"
        $body | Should -BeLike "*`"expireAt`":`"$($text.Substring(0, 10))T23:00:00.000Z`"*"
    }
}

Describe 'Send-ConnectSms -SendAt in a run that lasts past it' {
    It 'sends the rows it reaches after -SendAt at once, without a time in the past, Queued, and says how many' {
        # A job started at 05:55 with -SendAt 06:00: the rows read after 06:00 went out with a sendAt in the past and came
        # back Scheduled, which the service documents no meaning for. Now they go without it, Queued, and one warning at the
        # end counts them. At 10 destinations a second the send cmdlet reads the last of 60 rows about 5 s in.
        Connect-WebexConnect -Sandbox -Tps 10
        $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_; Text = "Your code is $_" } }
        $at = (Get-Date).AddSeconds(2)
        $readAt = @{}

        $results = @($rows | ForEach-Object { $readAt[$_.Phone] = Get-Date; $_ } |
            Send-ConnectSms -From ACME -SendAt $at -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue)

        $failed | Should -BeNullOrEmpty
        $results.Count | Should -Be 60
        $late = @($results | Where-Object { $readAt[$_.Destination] -ge $at })
        $late.Count | Should -BeGreaterThan 0 -Because 'the last rows must reach the command after -SendAt'
        @($late | Where-Object Status -ne Queued) | Should -BeNullOrEmpty
        @($results | Where-Object { $readAt[$_.Destination] -lt $at.AddMilliseconds(-300) } | Where-Object Status -ne Scheduled) | Should -BeNullOrEmpty
        $lateNumbers = @($late.Destination)
        foreach ($body in @(Get-ConnectSandboxRequest).Body | ConvertFrom-Json) {
            if ($lateNumbers -contains $body.to[0].msisdn[0]) { $body.PSObject.Properties.Name | Should -Not -Contain 'sendAt' }
        }
        $queued = @($results | Where-Object Status -eq Queued)
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("-SendAt * passed while the run was still reading rows: the {0} rows read after it (from row {1} on) were not scheduled; those sent went at once, without a time*(their Status is Queued, not Scheduled)*" -f
            $queued.Count, $queued[0].Row)
    }

    It 'still says which rows went at once after -SendAt passed when Select-Object -First ends the run' {
        # Before: the warning came only from EndProcessing, which PowerShell does not call after a downstream stop.
        Connect-WebexConnect -Sandbox
        $at = (Get-Date).AddSeconds(2)
        $rows = { '+447700900001', '+447700900002'; Start-Sleep -Seconds 3; '+447700900003', '+447700900004', '+447700900005' }

        $results = @(& $rows | Send-ConnectSms -From ACME -Text 'Hi' -SendAt $at -WarningVariable warned -WarningAction SilentlyContinue |
            Select-Object -First 3)

        $results.Status | Should -Be @('Scheduled', 'Scheduled', 'Queued')
        @($warned | Where-Object { "$_" -like '-SendAt * passed while the run was still reading rows*' }).Count | Should -Be 1
    }

    It 'still refuses a -SendAt already past when the run begins' {
        Connect-WebexConnect -Sandbox
        { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -SendAt (Get-Date).AddMinutes(-5) -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-SendAt*is in the past*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends none of the rows it reaches after -ExpireAt, with one text for all of them as with a text each' {
        # Before: one text for every row is one message, checked once, so the rows read after its expiry went out
        # expired; with a Text column they were Invalid. Now both say ExpireAt has passed and send nothing for them.
        Connect-WebexConnect -Sandbox -Tps 10
        $rows = 1..100 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:d5}' -f $_ } }
        $expiry = (Get-Date).AddSeconds(1.5)

        $results = @($rows | ForEach-Object { $lastRead = Get-Date; $_ } |
            Send-ConnectSms -From ACME -Text 'Your code is 1234' -ExpireAt $expiry -ErrorVariable failed -ErrorAction SilentlyContinue)

        $lastRead | Should -BeGreaterThan $expiry -Because 'the last rows must reach the command after -ExpireAt'
        $results.Count | Should -Be 100
        $queued = @($results | Where-Object Status -eq Queued)
        $expired = @($results | Where-Object Status -eq Invalid)
        $queued.Count | Should -BeGreaterThan 0
        $expired.Count | Should -Be (100 - $queued.Count)
        $expired[0].Reason | Should -BeLike '*ExpireAt*is not in the future*'
        @($failed).Count | Should -Be $expired.Count
        (@(Get-ConnectSandboxRequest).DestinationCount | Measure-Object -Sum).Sum | Should -Be $queued.Count
    }
}

Describe 'Send-ConnectSms -SendAt from a SendAt column (appointment reminders)' {
    # Before: a SendAt column set nothing (a warning named it, and it went out as a substitution): sending each row at its
    # own time took one command per row in ForEach-Object.
    BeforeAll {
        $script:nine = [DateTimeOffset][datetime]::Now.AddDays(1).Date.AddHours(9)
        $script:ten = $nine.AddHours(1)
        $script:reminders = Join-Path $TestDrive 'reminders.csv'
        Set-Content -Path $reminders -Value @(
            'Name,Phone,SendAt'
            "Al,+447700900951,$($nine.ToString('yyyy-MM-ddTHH:mm:sszzz'))"
            "Bo,+447700900952,$($ten.ToString('yyyy-MM-dd HH:mm'))"
            'Cy,+447700900953,'
            "Di,+447700900954,$($nine.ToString('yyyy-MM-ddTHH:mm:sszzz'))"
            'Ed,+447700900955,next tuesday'
            "Fi,+447700900956,$([DateTimeOffset]::Now.AddHours(-1).ToString('o'))")
        # As ConvertFrom-Json reads the request body's sendAt.
        $script:nineSent = $nine.UtcDateTime
        $script:tenSent = $ten.UtcDateTime
    }
    BeforeEach { Connect-FreshSandbox }

    It 'sends each row at its own time, an empty cell now, and makes a cell that is no time or is past that row''s Invalid result' {
        $results = @(Import-Csv $reminders | Send-ConnectSms -From ACME -Text 'Hi $(Name), see you then' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned)

        $results.Row | Should -Be @(1, 2, 3, 4, 5, 6)
        $results.Status | Should -Be @('Scheduled', 'Scheduled', 'Queued', 'Scheduled', 'Invalid', 'Invalid')
        # No warning about the column; only the run's last line, counting the two Invalid rows.
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeLike 'Send SMS: 6 rows in * s: 4 sent, 2 Invalid (InvalidInput for all 2, from row 5: each row''s error says what is wrong).*'
        $results[4].Reason | Should -BeLike "Row 5: SendAt: 'next tuesday' is not a time: write it in ISO 8601, '2026-12-03T09:00:00+01:00'*or leave the cell empty to send the row now"
        $results[5].Reason | Should -BeLike 'Row 6: SendAt: * is in the past*'
        @($failed).Count | Should -Be 2
        "$($failed[0])" | Should -BeLike "Row 5: Invalid +447700900955: SendAt: 'next tuesday' is not a time*"
        "$($failed[1])" | Should -BeLike 'Row 6: Invalid +447700900956: SendAt: * is in the past*'
        # Each request carries one time: rows 1 and 4 share theirs, so one request unless it went before row 4 came (a pause
        # of the input on a busy machine sends it part-full; -WhatIf below shows them together). The column is no substitution.
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -BeIn @(3, 4)
        $byTime = @{}
        foreach ($body in $bodies) { $byTime["$($body.sendAt)"] += @($body.to.msisdn) }
        $byTime["$nineSent"] | Should -Be @('+447700900951', '+447700900954')
        $byTime["$tenSent"] | Should -Be @('+447700900952')
        $byTime[''] | Should -Be @('+447700900953')
        @($bodies.to.substitutions | ForEach-Object { $_.PSObject.Properties.Name }) | Should -Not -Contain 'SendAt'
    }

    It 'warns once of a SendAt or CorrelationId column written apart (''Send At'', ''correlation_id''), and -WarningAction Stop sends nothing' {
        # Before: the columns bound nothing and nothing said so: each reminder, meant for its own time, went out at once as a
        # substitution, Queued. The file is as a German Excel saves it: semicolons, a byte order mark, a blank line.
        $csv = Join-Path $PSScriptRoot 'Fixtures/appointments-spelled-apart.csv'

        { Import-Csv $csv -Delimiter ';' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningAction Stop } | Should -Throw
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $results = @(Import-Csv $csv -Delimiter ';' | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3)
        @($warned).Count | Should -Be 2
        "$($warned[0])" | Should -BeExactly ("The column 'Send At' is not read as 'SendAt': PowerShell binds a column only by its exact name, so no row " +
            "takes its value (it goes out as a substitution only). Add the column under that name on the way in: ... | " +
            "Select-Object *, @{ n = 'SendAt'; e = { `$_.'Send At' } } | Send-ConnectSms ...")
        "$($warned[1])" | Should -BeLike "The column 'correlation_id' is not read as 'CorrelationId': *@{ n = 'CorrelationId'; e = { `$_.'correlation_id' } }*"
    }

    It 'shows each row''s time under -WhatIf, and in -PayloadOnly' {
        # -WhatIf writes to the host: a child pwsh shows what an admin's console would.
        $said = Invoke-ChildSend 'Import-Csv -LiteralPath $args[0] | Send-ConnectSms -From ACME -Text ''Hi $(Name)'' -WhatIf -ErrorAction SilentlyContinue | Out-Null' $reminders
        $said[-1] | Should -Be 'SENT 0'
        $lines = @($said | Where-Object { $_ -like 'What if: Performing*' })
        $lines.Count | Should -Be 3
        $lines[0] | Should -BeLike "*2 of rows 1-4 (+447700900951, +447700900954), scheduled for $($nine.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture))Z*"
        $lines[1] | Should -BeLike "*row 2 (+447700900952), scheduled for $($ten.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture))Z*"
        $lines[2] | Should -BeLike '*row 3 (+447700900953)".'

        $payloads = @(Import-Csv $reminders | Select-Object -First 3 | Send-ConnectSms -From ACME -Text 'Hi' -PayloadOnly | ConvertFrom-Json)
        $payloads.ForEach({ "$($_.sendAt)" }) | Should -Be @("$nineSent", "$tenSent", '')
    }

    It 'skips the rows already sent when the same CSV runs again on its journal' {
        $journal = Join-Path $TestDrive 'reminders.journal'
        $first = @(Import-Csv $reminders | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)
        $sent = @(Get-ConnectSandboxRequest).Count
        $second = @(Import-Csv $reminders | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $first.Status | Should -Be @('Scheduled', 'Scheduled', 'Queued', 'Scheduled', 'Invalid', 'Invalid')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped', 'Invalid', 'Invalid')
        @(Get-ConnectSandboxRequest).Count | Should -Be $sent
    }

    It 'reads no column when -SendAt is given on the command line, and says so' {
        $results = @(Import-Csv $reminders | Select-Object -First 3 | Send-ConnectSms -From ACME -Text 'Hi' -SendAt $ten -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Scheduled', 'Scheduled', 'Scheduled')
        # One request on a quiet machine; more when a pause of the input sends it part-full, each at the same time.
        @(Get-SentBody).sendAt | Sort-Object -Unique | Should -Be @($tenSent)
        "$warned" | Should -BeLike "The column 'SendAt' is not read: -SendAt was given on the command line*"
    }

    It 'still refuses on the command line a -SendAt that is no time, as PowerShell did' {
        # With nothing piped it is the one row's: that row's Invalid result, under the same ID (a script's loop keeps its result).
        $one = Send-ConnectSms -To '+447700900951' -From ACME -Text 'Hi' -SendAt 'next tuesday' -ErrorAction SilentlyContinue
        $one.Code | Should -Be 'ParameterArgumentTransformationError'
        $one.Reason | Should -BeLike "Row 1: SendAt: 'next tuesday' is not a time*leave -SendAt out to send it now"
        # Beside piped rows it is every row's: the command stops before anything is sent.
        { '+447700900951' | Send-ConnectSms -From ACME -Text 'Hi' -SendAt 'next tuesday' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "Cannot process argument transformation on parameter 'SendAt'. Cannot convert value `"next tuesday`" to type `"System.DateTimeOffset`"*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names a SendAt column spelled in another case once, as the file spells it' {
        # Before: "Row 1: sendat: the SendAt column's 'soon' ...", the column named twice in two spellings.
        $results = @([pscustomobject]@{ Phone = '+447700900961'; sendat = 'soon' }, [pscustomobject]@{ Phone = '+447700900962'; validity = 'two days' } |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be 'Invalid', 'Invalid'
        $results[0].Reason | Should -BeLike "Row 1: sendat: 'soon' is not a time: write it in ISO 8601*or leave the cell empty to send the row now"
        $results[1].Reason | Should -BeLike "Row 2: validity: 'two days' is not a duration: *; or leave the cell empty for none"
        $results.Reason | Should -Not -BeLike "*column's*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'reads a piped hashtable''s SendAt key the same way' {
        $results = @(@{ Phone = '+447700900957'; SendAt = 'soon' }, @{ Phone = '+447700900958'; SendAt = $ten.ToString('o') },
            @{ Phone = '+447700900959'; SendAt = '20261203' }, @{ Phone = '+447700900960'; SendAt = $ten.ToUnixTimeSeconds() } |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Scheduled', 'Invalid', 'Scheduled')
        $results[0].Reason | Should -BeLike "Row 1: SendAt: 'soon' is not a time: write it in ISO 8601*"
        $results[2].Reason | Should -BeLike "Row 3: SendAt: '20261203' is not a time (nor a Unix time in seconds): write it in ISO 8601*"
    }

    It 'makes a row whose SendAt is a number of Unix milliseconds (ConvertFrom-Json, Import-Excel) Invalid, and sends the others' {
        # Before: PowerShell's binder refused the number ("is not a Unix time in seconds") and dropped the row with its own
        # error; the results had no row for it.
        $results = @([pscustomobject]@{ Phone = '+447700900957'; SendAt = $ten.ToUnixTimeMilliseconds() },
            [pscustomobject]@{ Phone = '+447700900958'; SendAt = $ten.ToUnixTimeSeconds() } |
            Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue -ErrorVariable failed)

        $results.Row | Should -Be 1, 2
        $results.Status | Should -Be 'Invalid', 'Scheduled'
        $results[0].Code | Should -Be 'InvalidInput'
        $results[0].Reason | Should -BeLike "Row 1: SendAt: '$($ten.ToUnixTimeMilliseconds())' is not a time (it looks like Unix milliseconds: divide it by 1000 for seconds)*"
        @($failed).Count | Should -Be 1
    }

    It 'sends at once the rows whose own time passed while the run read them, and says how many at the end' {
        $at = (Get-Date).AddSeconds(2).ToString('o')
        $rows = {
            [pscustomobject]@{ Phone = '+447700900961'; SendAt = $at }
            [pscustomobject]@{ Phone = '+447700900962'; SendAt = $at }
            Start-Sleep -Seconds 3
            [pscustomobject]@{ Phone = '+447700900963'; SendAt = $at }
            [pscustomobject]@{ Phone = '+447700900964'; SendAt = '' }
            [pscustomobject]@{ Phone = '+447700900965'; SendAt = $at }
        }

        $results = @(& $rows | Send-ConnectSms -From ACME -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Scheduled', 'Scheduled', 'Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike 'The SendAt times of 2 rows (the first, row 3) passed while the run was still reading rows: they were not scheduled; those sent went at once, without a time*(their Status is Queued, not Scheduled)*'
    }

    It 'binds the column in <Command> too' -ForEach @(
        @{ Command = 'Send-ConnectEmail'; Row = @{ Email = 'ann@example.com' }; Run = { $input | Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hi' -PayloadOnly } }
        @{ Command = 'Send-ConnectRcs'; Row = @{ Phone = '+447700900971' }; Run = { $input | Send-ConnectRcs -From app-1 -Text 'Hi' -PayloadOnly } }
        @{ Command = 'Send-ConnectMessage'; Row = @{ To = '+447700900972' }; Run = { $input | Send-ConnectMessage -Channel sms -From ACME -Content @{ type = 'text'; text = 'Hi' } -PayloadOnly } }
    ) {
        $row = [pscustomobject]($Row + @{ SendAt = $ten.ToString('o') })
        $payload = $row | & $Run | ConvertFrom-Json
        $payload.sendAt | Should -Be $tenSent
    }
}

Describe 'Send-ConnectSms -ExpireAt and -Validity from ExpireAt and Validity columns' {
    # Before: an ExpireAt or Validity column set nothing: a warning said "a column cannot", and it went out as a substitution,
    # so a CSV of reminders each valid until its own appointment took one command per row. The module reads the columns
    # itself (not PowerShell's binder, whose per-row cost the pipeline has no room for).
    BeforeAll {
        $script:expiryCsv = Join-Path $PSScriptRoot 'Fixtures/sms-expiry.csv'
        # 2099-12-08 09:00 in this computer's time zone, as ConvertFrom-Json reads the body's expireAt.
        $script:friday = ([DateTimeOffset][datetime]'2099-12-08 09:00').UtcDateTime
    }
    BeforeEach { Connect-FreshSandbox }

    It 'sends each row with its own expiry, rows with the same one in one request, and makes a bad cell that row''s Invalid result' {
        $results = @(Import-Csv $expiryCsv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned)

        $results.Row | Should -Be (1..10)
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Queued')
        # No warning about the columns; only the run's last line, counting the five Invalid rows.
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeLike 'Send SMS: 10 rows in * s: 5 sent, 5 Invalid (InvalidInput for all 5, from row 5: each row''s error says what is wrong).*'
        $results[4].Reason | Should -BeLike "Row 5: ExpireAt: 'next tuesday' is not a time: write it in ISO 8601, '2026-12-03T09:00:00+01:00'*or leave the cell empty for no expiry"
        $results[5].Reason | Should -BeLike 'Row 6: ExpireAt: 2020-01-01 * is not in the future*: the message would expire before it is sent; give the row a later ExpireAt, or none'
        $results[6].Reason | Should -BeLike "Row 7: Validity: 'two days' is not a duration: write a duration such as '90m'*; or leave the cell empty for none"
        $results[7].Reason | Should -BeLike "Row 8: Validity: 80 hours is more than 72 hours, the longest an SMS may stay valid*give at most '72h'*"
        $results[8].Reason | Should -BeLike "Row 9: Validity: ExpireAt and Validity were both given: use one of them, not both (leave one of the row's two cells empty)"
        @($failed).Count | Should -Be 5
        "$($failed[0])" | Should -BeLike "Row 5: Invalid +447700900985: ExpireAt: 'next tuesday' is not a time*"
        # Each request carries one expiry (rows with the same one share a request when it has not gone yet: -WhatIf below).
        $bodies = @(Get-SentBody)
        $byExpiry = @{}
        foreach ($body in $bodies) { $byExpiry["$($body.expireAt)|$($body.validity)"] += @($body.to.msisdn) }
        $byExpiry["$friday|"] | Should -Be @('+447700900981', '+447700900984')
        $byExpiry['|172800'] | Should -Be @('+447700900982', '+447700900990')
        $byExpiry['|'] | Should -Be @('+447700900983')
        # The columns set the expiry: they are no substitutions.
        @($bodies.to.substitutions | ForEach-Object { $_.PSObject.Properties.Name }) | Should -Be @('Name', 'Name', 'Name', 'Name', 'Name')
    }

    It 'shows each row''s expiry in -PayloadOnly, with no warning, for an object or a hashtable' {
        $at = (Get-Date).AddDays(2).Date.AddHours(9)
        $sent = ([DateTimeOffset]$at).UtcDateTime

        $payload = [pscustomobject]@{ Phone = '+447700900001'; ExpireAt = $at.ToString('yyyy-MM-dd HH:mm') } |
            Send-ConnectSms -From X -Text hi -PayloadOnly -WarningVariable warned | ConvertFrom-Json
        $fromKey = @{ Phone = '+447700900002'; validity = '90m' } | Send-ConnectSms -From X -Text hi -PayloadOnly | ConvertFrom-Json

        $warned | Should -BeNullOrEmpty
        $payload.expireAt | Should -Be $sent
        $fromKey.validity | Should -Be '5400'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says each batch''s expiry under -WhatIf and each row''s as -Confirm asks (-Verbose)' {
        $said = Invoke-ChildSend -File $expiryCsv -Command @(
            'Import-Csv -LiteralPath $args[0] | Select-Object -First 4 | Send-ConnectSms -From ACME -Text ''Hi $(Name)'' -WhatIf | Out-Null'
            'Import-Csv -LiteralPath $args[0] | Select-Object -First 2 | Send-ConnectSms -From ACME -Text ''Hi'' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like ''Performing*'' } | ForEach-Object Message')

        $said[-1] | Should -Be 'SENT 2'
        $whatIf = @($said | Where-Object { $_ -like 'What if: Performing*' })
        $whatIf.Count | Should -Be 3
        $whatIf[0] | Should -BeLike "*2 of rows 1-4 (+447700900981, +447700900984), expires 2099-12-08 *"
        $whatIf[1] | Should -BeLike '*row 2 (+447700900982), valid for 48h".'
        $whatIf[2] | Should -BeLike '*row 3 (+447700900983)".'
        $asked = @($said | Where-Object { $_ -like 'Performing*' })
        $asked[0] | Should -BeLike 'Performing the operation "Send SMS" on target "+447700900981 (row 1), expires 2099-12-08 *'
        $asked[1] | Should -Be 'Performing the operation "Send SMS" on target "+447700900982 (row 2), valid for 48h".'
    }

    It 'skips the rows already sent when the same CSV runs again on its journal' {
        $journal = Join-Path $TestDrive 'expiry.journal'
        $first = @(Import-Csv $expiryCsv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue)
        $sent = @(Get-ConnectSandboxRequest).Count
        $second = @(Import-Csv $expiryCsv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -Journal $journal -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Queued')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Invalid', 'Skipped')
        @(Get-ConnectSandboxRequest).Count | Should -Be $sent
    }

    It 'reads neither column when -<Given> is on the command line, and says so once' -ForEach @(
        @{ Given = 'Validity'; Value = '2h'; Field = 'validity'; Sent = '7200' }
        @{ Given = 'ExpireAt'; Value = '2099-12-09 09:00'; Field = 'expireAt'; Sent = ([DateTimeOffset][datetime]'2099-12-09 09:00').UtcDateTime }
    ) {
        $options = @{ $Given = $Value }
        $results = @(Import-Csv $expiryCsv | Send-ConnectSms -From ACME -Text 'Hi' @options -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be (@('Queued') * 10)
        # One request on a quiet machine; more when a pause of the input sends it part-full, each with the same expiry.
        @(Get-SentBody).ForEach({ "$($_.$Field)" }) | Sort-Object -Unique | Should -Be @("$Sent")
        @($warned).Count | Should -Be 2
        "$($warned[0])" | Should -Be "The column 'ExpireAt' is not read: -$Given was given on the command line (or by `$PSDefaultParameterValues), and it sets every row. Leave out -$Given to take each row's own."
        "$($warned[1])" | Should -BeLike "The column 'Validity' is not read: -$Given was given*"
    }

    It 'warns once of an ExpireAt column written apart (''Expire At''), which sets nothing' {
        $path = Join-Path $TestDrive 'expire-apart.csv'
        Set-Content -Path $path -Value @('Phone,Expire At', '+447700900991,2099-12-08 09:00', '+447700900992,2099-12-08 09:00')

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "The column 'Expire At' is not read as 'ExpireAt': *@{ n = 'ExpireAt'; e = { `$_.'Expire At' } }*"
        @(Get-SentBody)[0].PSObject.Properties.Name | Should -Not -Contain 'expireAt'
    }

    It 'makes an -ExpireAt before one row''s SendAt cell that row''s Invalid result, the first row''s too, and sends the others' {
        # Before: when the first row's SendAt cell was after -ExpireAt, the command stopped ("It is the same for every row, so
        # nothing was sent") though it was not: a later row with the same cell was only Invalid, and the rest went.
        $expires = (Get-Date).AddDays(1).Date.AddHours(12)
        $path = Join-Path $TestDrive 'late-reminders.csv'
        Set-Content -Path $path -Value @(
            'Phone,SendAt'
            "+447700900993,$($expires.AddDays(1).ToString('yyyy-MM-dd HH:mm'))"
            "+447700900994,$($expires.AddHours(-1).ToString('yyyy-MM-dd HH:mm'))"
            '+447700900995,')

        $results = @(Import-Csv $path | Send-ConnectSms -From ACME -Text 'Hi' -ExpireAt $expires -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Scheduled', 'Queued')
        $results[0].Reason | Should -BeLike 'Row 1: ExpireAt: * is not after SendAt *: the message would expire before it is sent; give the row a later ExpireAt or an earlier SendAt'
        @($failed).Count | Should -Be 1
        @(Get-SentBody).Count | Should -Be 2
    }

    It 'reads the columns in <Command> too' -ForEach @(
        @{ Command = 'Send-ConnectEmail'; Row = @{ Email = 'ann@example.com' }; Run = { $input | Send-ConnectEmail -From news@example.com -Subject 'Hi' -Text 'Hi' -PayloadOnly } }
        @{ Command = 'Send-ConnectRcs'; Row = @{ Phone = '+447700900971' }; Run = { $input | Send-ConnectRcs -From app-1 -Text 'Hi' -PayloadOnly } }
        @{ Command = 'Send-ConnectMessage'; Row = @{ To = '+447700900972' }; Run = { $input | Send-ConnectMessage -Channel sms -From ACME -Content @{ type = 'text'; text = 'Hi' } -PayloadOnly } }
    ) {
        $expiring = [pscustomobject]($Row + @{ ExpireAt = '2099-12-08 09:00' }) | & $Run | ConvertFrom-Json
        $valid = [pscustomobject]($Row + @{ Validity = '2d' }) | & $Run | ConvertFrom-Json

        $expiring.expireAt | Should -Be $friday
        $valid.validity | Should -Be '172800'
    }
}

Describe 'Send-ConnectSms -SendAt on a computer in another time zone' {
    It 'names a time in the past in UTC and in the computer''s own time, as the script wrote it' -Skip:($IsWindows -or $PSVersionTable.PSVersion.Major -lt 6) {
        # A scheduled script in New York that wrote -SendAt '09:00' (an hour ago) was told "14:00:00Z is in the past": its
        # own 09:00 was nowhere. TZ sets the zone of a new PowerShell on Linux and macOS.
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
        $command = "Import-Module '$manifest'; Connect-WebexConnect -Sandbox; `$at = (Get-Date).AddHours(-1); " +
            "'+447700900001' | Send-ConnectSms -From ACME -Text Hi -SendAt `$at 2>`$null; " +
            "`$at.ToString('yyyy-MM-dd HH:mm:ss'); `$Error[0].Exception.Message"
        $said = Invoke-PowerShellInTimeZone -TimeZone 'America/New_York' -Command $command

        $said.Count | Should -Be 2
        $said[1] | Should -BeLike "*is in the past*"
        $said[1] | Should -BeLike "*($($said[0]) on this computer, UTC-0[45]:00)*"
    }

    It 'says with -WhatIf and -Confirm when a scheduled batch or row goes, in UTC and in the computer''s own time' -Skip:($IsWindows -or $PSVersionTable.PSVersion.Major -lt 6) {
        # An admin in Tokyo who wrote -SendAt 'tomorrow 09:00' for customers in London checked the run with -WhatIf and saw
        # only 'batch 1: 2 destinations, rows 1-2 (...)': nothing showed that 09:00 was read as Tokyo's (00:00 in London),
        # nor did -Verbose, the results (Scheduled) or the summary. Only -PayloadOnly's sendAt did.
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
        $command = "[cultureinfo]::CurrentCulture = 'ja-JP'; Import-Module '$manifest'; Connect-WebexConnect -Sandbox; " +
            "`$at = (Get-Date).Date.AddDays(2).AddHours(9); `$at.ToString('yyyy-MM-dd HH:mm:ss'); " +
            "`$at.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss'); " +
            "'+447700900001', '+447700900002' | Send-ConnectSms -From ACME -Text Hi -SendAt `$at.ToString('yyyy-MM-dd HH:mm') -WhatIf; " +
            "'+447700900003' | Send-ConnectSms -From ACME -Text Hi -SendAt `$at -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] } | Select-Object -First 1 | ForEach-Object Message"
        $said = Invoke-PowerShellInTimeZone -TimeZone 'Asia/Tokyo' -Command $command

        # The sandbox session has no -Tps, but a batch of 2 is one request at any rate: no line about the rate it was planned at.
        $said.Count | Should -Be 4
        $when = "scheduled for $($said[1])Z ($($said[0]) on this computer, UTC+09:00)"
        $said[2] | Should -BeLike "What if: Performing the operation ""Send SMS"" on target ""batch 1: 2 destinations, rows 1-2 (+447700900001, +447700900002), $when""."
        $said[3] | Should -BeLike "Performing the operation ""Send SMS"" on target ""+447700900003 (row 1), $when""."
    }
}
