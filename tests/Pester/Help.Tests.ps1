#Requires -Version 5.1
# Pester 5: Get-Help in the built module shows the help written in docs/, the way built-in cmdlets' help reads.
# The help file is docs/en-US/WebexConnect.dll-Help.xml (./build.ps1 makes it from docs/*.md with
# Microsoft.PowerShell.PlatyPS); every build copies it and the about topic to out/WebexConnect/en-US.

BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repoRoot 'out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $cmdlets = @(Get-Command -Module WebexConnect -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    $command = Get-Command Send-ConnectSms -Module WebexConnect
    # PowerShell reads a module cmdlet's help from <culture>/<HelpFile> under the module's ModuleBase (the manifest's
    # folder, not the assembly's), in 5.1 and 7. HelpFile becomes a full path once the help has been loaded.
    $script:MamlPath = Join-Path $command.Module.ModuleBase "en-US/$(Split-Path -Leaf $command.HelpFile)"

    # A console 80 columns wide prints Get-Help in 79: PowerShell leaves the last column free. Measured in a terminal
    # of 80 columns (script, stty cols 80): the same lines as Out-String -Width 79.
    $script:ConsoleColumns = 79

    $script:CommonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
        @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    # The synopsis as written in docs/<Name>.md: the text between "## SYNOPSIS" and the next section.
    function Get-DocsSynopsis([string] $Name) {
        $lines = Get-Content (Join-Path $script:RepoRoot "docs/$Name.md") -Encoding UTF8
        $start = [array]::IndexOf($lines, '## SYNOPSIS')
        if ($start -lt 0) { return $null }
        $text = foreach ($line in $lines[($start + 1)..($lines.Count - 1)]) {
            if ($line -like '## *') { break }
            $line
        }
        (($text -join ' ') -replace '\s+', ' ').Trim()
    }

    # The DefaultValue each parameter's yaml block gives in docs/<Name>.md, as PlatyPS reads a yaml scalar.
    function Get-DocsDefaultValue([string] $Name) {
        $defaults = @{}
        $parameter = $null
        foreach ($line in Get-Content (Join-Path $script:RepoRoot "docs/$Name.md") -Encoding UTF8) {
            if ($line -match '^### -(\w+)') { $parameter = $Matches[1] }
            elseif ($parameter -and $line -match '^DefaultValue:\s*(.*)$') {
                $value = $Matches[1].Trim()
                if ($value -match "^'(.*)'$") { $value = $Matches[1] -replace "''", "'" }
                $defaults[$parameter] = $value
                $parameter = $null
            }
        }
        $defaults
    }

    function Get-HelpText($Value) {
        # Help text arrives as strings or as objects with a Text property (paragraphs), depending on the field.
        ((@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join ' ' -replace '\s+', ' ').Trim()
    }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'has its help file where PowerShell looks, after any build' {
        $script:MamlPath | Should -Exist
    }

    It 'has the synopsis written in docs/, not the generated syntax line' {
        $synopsis = Get-HelpText $help.Synopsis
        $synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell puts the syntax in the synopsis: "Name [-Param] <type> ...".
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '\s+[\[-]')
        $synopsis | Should -Be (Get-DocsSynopsis $Name)
    }

    It 'has a description' {
        Get-HelpText $help.Description | Should -Not -BeNullOrEmpty
    }

    It 'has NOTES with something in them, not a heading alone in Get-Help -Full' {
        # Three cmdlets printed NOTES with nothing under it: read as help cut short.
        Get-HelpText $help.alertSet.alert | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples that call it' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            # The code is the example's code, as built-in cmdlets' help has it: not left among its paragraphs.
            $example.code | Should -Match ([regex]::Escape($Name))
            $example.code | Should -Not -Match '```'
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty -Because "$($example.title) needs a sentence saying what it does"
        }
    }

    It 'schedules and books from today in its examples, never on a fixed date that passes' {
        # New-ConnectRcsSuggestion's calendar event was on 2026-12-01: days later its example booked a visit in the past.
        $fixed = foreach ($example in @((Get-Help $Name -Examples).examples.example)) {
            [regex]::Matches($example.code, '(?i)\b(StartTime|EndTime|SendAt|ExpireAt)\b[^\r\n]*?\d{4}-\d{2}-\d{2}') |
                ForEach-Object { "$($example.title.Trim(' -')): $($_.Value)" }
        }
        $fixed | Should -BeNullOrEmpty
    }

    It 'gives no fixed date in its parameters'' help, which reads as stale once it has passed' {
        # -SendAt's and -ExpireAt's help wrote '2026-12-03 09:00', '03/12/2026' and the Unix time 1796461512 (that day):
        # days later an admin read a date in the past as the way to write one.
        $dated = '\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\b1\d{9}\b'
        $fixed = foreach ($parameterHelp in @($help.parameters.parameter | Where-Object { $null -ne $_ })) {
            [regex]::Matches((Get-HelpText $parameterHelp.description), $dated) | ForEach-Object { "-$($parameterHelp.name): $($_.Value)" }
        }
        $fixed | Should -BeNullOrEmpty
    }

    It 'tells in its help the range of every value the cmdlet limits' {
        # An admin reads the limits in Get-Help before PowerShell refuses the value: -Tps, -TimeoutSec, -Port, -Capacity...
        $documented = @{}
        foreach ($parameterHelp in @($help.parameters.parameter | Where-Object { $null -ne $_ })) {
            # "10,000,000" says 10000000: digits grouped for the eye are read as one number.
            $documented[[string] $parameterHelp.name] = (Get-HelpText $parameterHelp.description) -replace '(?<=\d),(?=\d{3}\b)', ''
        }
        $untold = foreach ($parameter in (Get-Command $Name -Module WebexConnect).Parameters.Values | Where-Object Name -NotIn $script:CommonParameters) {
            foreach ($attribute in $parameter.Attributes) {
                $bounds = switch ($attribute) {
                    { $_ -is [System.Management.Automation.ValidateRangeAttribute] } { $_.MinRange, $_.MaxRange }
                    { $_ -is [System.Management.Automation.ValidateCountAttribute] } { $_.MaxLength }
                    { $_.GetType().Name -eq 'ValidateOptionalLengthAttribute' } { $_.MaxLength }
                }
                # int.MaxValue is no limit an admin meets: "at least 1" says it.
                foreach ($bound in @($bounds | Where-Object { $null -ne $_ -and $_ -ne [int]::MaxValue })) {
                    if ($documented[$parameter.Name] -notmatch "(?<![\d.])$([regex]::Escape([string] $bound))(?![\d.])") { "-$($parameter.Name): $bound" }
                }
            }
        }
        $untold | Should -BeNullOrEmpty
    }

    It 'shows its examples without markdown fences, in an 80-column console as at any width' {
        $text = Get-Help $Name -Examples | Out-String -Width $script:ConsoleColumns
        $text | Should -Not -Match '```'
        $text | Should -Not -Match ([char]0x80)
        $text | Should -Match 'Example 1: '
        # A title wider than the console wraps, and its closing dashes stand on a line of their own.
        $text -split '\r?\n' | Where-Object { $_ -match '^\s*-+\s*$' } | Should -BeNullOrEmpty
    }

    It 'shows no markdown code marks in its text: Get-Help prints `Sort-Object Cc` with its backticks' {
        # Get-ConnectContext's NOTES showed `if (-not (Get-ConnectContext)) { ... }` as written in docs/. Only example code may
        # hold a backtick, as PowerShell's line continuation.
        $code = @(foreach ($example in @((Get-Help $Name -Examples).examples.example)) { $example.code -split '\r?\n' | ForEach-Object Trim })
        $printed = @((Get-Help $Name -Full | Out-String -Width 1000) -split '\r?\n')
        $printed | Where-Object { $_.Contains('`') -and $_.Trim() -notin $code } | Should -BeNullOrEmpty
    }

    It 'prints each line of its example code whole in an 80-column console, so a line copied from it runs' {
        # Get-Help indents code and breaks a line wider than the console wherever the width ends, inside a
        # token (-Suggest / ion): the copied halves no longer run. Measured on what Get-Help prints, not on the
        # markdown, so the indent Get-Help adds is counted whatever it is.
        # Before: five lines of 76 characters fitted Out-String -Width 80 and broke in the console's 79 columns.
        $printed = @((Get-Help $Name -Examples | Out-String -Width $script:ConsoleColumns) -split '\r?\n' | ForEach-Object TrimEnd)
        $broken = foreach ($example in @((Get-Help $Name -Examples).examples.example)) {
            foreach ($line in @($example.code -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_.Trim() })) {
                $whole = $printed | Where-Object { $_.EndsWith($line) -and -not $_.Substring(0, $_.Length - $line.Length).Trim() }
                if (-not $whole) { "$($example.title.Trim(' -')): $($line.Length) characters: $line" }
            }
        }
        $broken | Should -BeNullOrEmpty
    }

    It 'shows the default value docs/ gives for every parameter' {
        $defaults = Get-DocsDefaultValue $Name
        $parameters = (Get-Command $Name -Module WebexConnect).Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters }
        $shown = @{}
        foreach ($parameterHelp in @($help.parameters.parameter)) { $shown[[string] $parameterHelp.name] = $parameterHelp.defaultValue }
        foreach ($parameter in $parameters) {
            $defaults.ContainsKey($parameter) | Should -BeTrue -Because "docs/$Name.md must give a DefaultValue for -$parameter"
            $shown[$parameter] | Should -Be $defaults[$parameter] -Because "-$parameter of $Name"
        }
        # And as printed: one "Default value" line per parameter, none of them blank.
        $printed = @((Get-Help $Name -Full | Out-String -Width 200) -split "`r?`n" -match '^\s+Default value\b')
        $printed.Count | Should -Be @($help.parameters.parameter | Where-Object { $null -ne $_ }).Count
        @($printed -match '^\s+Default value\s*$') | Should -BeNullOrEmpty
    }

    It 'prints each Default value whole in an 80-column console' {
        # Before: Connect-WebexConnect -Tps showed "10, then the limit the service announces (o" and "r WEBEXCONNECT_TPS)"
        # on the next line: the value starts at column 37, so in the console's 79 columns more than 42 characters break
        # wherever the width ends ("10, then as announced (or WEBEXCONNECT_TPS)", 43, did in the console).
        $wide = @((Get-Help $Name -Full | Out-String -Width 1000) -split '\r?\n' -match '^\s+Default value\b' | ForEach-Object TrimEnd)
        $narrow = @((Get-Help $Name -Full | Out-String -Width $script:ConsoleColumns) -split '\r?\n' | ForEach-Object TrimEnd)
        @($wide | Where-Object { $_ -cnotin $narrow }) | Should -BeNullOrEmpty
    }

    It 'prints every word of its help whole in an 80-column console, in any culture' {
        # Get-Help breaks a line wider than the console at a word only where the culture's language is English, French,
        # German, Italian, Portuguese or Spanish; elsewhere (Dutch, Polish, Japanese..., the invariant culture of a Linux
        # with LANG=C.UTF-8) at the last column, inside a word: "Pipe Im" / "port-Csv into it". Before: 1,739 words split
        # so across the cmdlets' help. Each line the help prints wider than the console is found here, in that culture,
        # as the lines the console prints it in. Not the module's to shorten, so left out: SYNTAX, REMARKS and the
        # common parameters' text, which PowerShell writes, and the Online Version address, longer than a line.
        $views = @({ Get-Help $Name -Full }, { Get-Help $Name -Examples }, { Get-Help $Name })
        if (@($help.parameters.parameter | Where-Object { $null -ne $_ }).Count -gt 0) { $views += { Get-Help $Name -Parameter * } }
        $culture = [System.Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [cultureinfo]::InvariantCulture
            $split = foreach ($view in $views) {
                $wide = @((& $view | Out-String -Width 10000) -split '\r?\n' | ForEach-Object TrimEnd)
                # Untrimmed: a line the console breaks after a space ends with it.
                $narrow = @((& $view | Out-String -Width $script:ConsoleColumns) -split '\r?\n')
                $at = 0
                $section = ''
                foreach ($line in $wide) {
                    if ($line -cmatch '^[A-Z][A-Z ]+$' -or $line.Trim() -eq '<CommonParameters>') { $section = $line.Trim() }
                    # The lines the console prints this one in: the first, then each at the line's indent.
                    $indent = $line.Length - $line.TrimStart().Length
                    $printed = @($narrow[$at])
                    $joined = $narrow[$at]
                    $at++
                    while ($joined.TrimEnd().Length -lt $line.Length -and $at -lt $narrow.Count) {
                        $printed += $narrow[$at]
                        $joined += $narrow[$at].Substring([Math]::Min($indent, $narrow[$at].Length - $narrow[$at].TrimStart().Length))
                        $at++
                    }
                    $joined.TrimEnd() | Should -BeExactly $line -Because 'the console prints each line of the help as it is, or wrapped'
                    if ($printed.Count -eq 1 -or $section -in 'SYNTAX', 'REMARKS', '<CommonParameters>' -or $line -match '^\s+Online Version ') { continue }
                    $words = @($line.Trim() -split ' +')
                    $broken = @(($printed | ForEach-Object { $_.Trim() -split ' +' }) | Where-Object { $_ -cnotin $words })
                    if ($broken) { "$($section): $($broken -join ' / ') in: $($line.Trim())" }
                }
            }
        }
        finally { [System.Threading.Thread]::CurrentThread.CurrentCulture = $culture }
        $split | Should -BeNullOrEmpty
    }

    It 'names related links by cmdlet or topic, with a web address or none' {
        $links = @($help.relatedLinks.navigationLink)
        $links.Count | Should -BeGreaterThan 0
        $known = @(Get-Command -Module WebexConnect).Name + 'about_WebexConnect' + 'Online Version'
        foreach ($link in $links) {
            $link.linkText | Should -BeIn $known
            $uri = [string] $link.uri
            if ($uri) { $uri | Should -Match '^https://' }
        }
    }

    It 'shows each parameter''s type, Required, Position, pipeline input, aliases and accepted values as the cmdlet has them' {
        # docs/<Name>.md writes these by hand in each parameter's yaml, and PlatyPS copies them into the help as written:
        # an alias added in code, or a parameter made positional, leaves Get-Help telling the old story unless checked here.
        $command = Get-Command $Name -Module WebexConnect
        $documented = @{}
        foreach ($parameterHelp in @($help.parameters.parameter)) { if ($parameterHelp) { $documented[[string] $parameterHelp.name] = $parameterHelp } }
        $wrong = foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $script:CommonParameters }) {
            $shown = $documented[$parameter.Name]
            if (-not $shown) { continue } # 'describes every parameter' names it
            $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
            $type = $parameter.ParameterType
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            if ([string] $shown.type.name -notin $type.FullName, $type.Name) { "-$($parameter.Name) type: help $($shown.type.name), cmdlet $($type.FullName)" }

            $required = [bool]($attributes | Where-Object Mandatory)
            if ([string] $shown.required -ne "$required") { "-$($parameter.Name) Required: help $($shown.required), cmdlet $required (in any parameter set)" }

            $positions = @($attributes | ForEach-Object { if ($_.Position -ge 0) { [string] $_.Position } else { 'named' } } | Select-Object -Unique)
            if ($positions.Count -ne 1 -or [string] $shown.position -ne $positions[0]) { "-$($parameter.Name) Position: help $($shown.position), cmdlet $($positions -join '/')" }

            $byValue = [bool]($attributes | Where-Object ValueFromPipeline)
            $byName = [bool]($attributes | Where-Object ValueFromPipelineByPropertyName)
            $pipeline = [string] $shown.pipelineInput
            if (($pipeline -match '^true') -ne ($byValue -or $byName) -or ($pipeline -match 'ByValue') -ne $byValue -or ($pipeline -match 'ByPropertyName') -ne $byName) {
                "-$($parameter.Name) Accept pipeline input: help '$pipeline', cmdlet ByValue $byValue, ByPropertyName $byName"
            }

            $aliases = (@($parameter.Aliases) | Sort-Object) -join ', '
            $shownAliases = (@(([string] $shown.aliases) -split ',\s*' | Where-Object { $_ -and $_ -ne 'none' }) | Sort-Object) -join ', '
            if ($shownAliases -ne $aliases) { "-$($parameter.Name) Aliases: help '$shownAliases', cmdlet '$aliases'" }

            $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
            $accepted = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues)
            if (-not $accepted -and $element.IsEnum) { $accepted = [enum]::GetNames($element) }
            $shownAccepted = @($shown.parameterValueGroup.parameterValue | ForEach-Object { [string] $_ })
            if ((($accepted | Sort-Object) -join ', ') -ne (($shownAccepted | Sort-Object) -join ', ')) {
                "-$($parameter.Name) Accepted values: help '$($shownAccepted -join ', ')', cmdlet '$($accepted -join ', ')'"
            }
        }
        $wrong | Should -BeNullOrEmpty -Because "docs/$Name.md must say what the cmdlet does"
    }

    It 'describes every parameter' {
        $parameters = (Get-Command $Name -Module WebexConnect).Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters }
        $documented = @{}
        foreach ($parameterHelp in @($help.parameters.parameter)) { $documented[[string] $parameterHelp.name] = $parameterHelp }
        foreach ($parameter in $parameters) {
            $documented[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter must be in the help of $Name"
            Get-HelpText $documented[$parameter].description | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}

Describe 'INPUTS of <Name>' -ForEach @(
    @{ Name = 'Send-ConnectSms' }; @{ Name = 'Send-ConnectEmail' }; @{ Name = 'Send-ConnectRcs' }; @{ Name = 'Send-ConnectMessage' }
) {
    It 'lists System.String, which it takes as the destination when piped by itself, as it does' {
        # Send-ConnectMessage said "a piped string is taken as the destination" under PSObject alone: an admin reading
        # INPUTS for what "'+447700900123' | ..." does found no String there, as the other send cmdlets list.
        $lines = Get-Content (Join-Path $script:RepoRoot "docs/$Name.md") -Encoding UTF8
        $start = [array]::IndexOf($lines, '## INPUTS')
        $inputs = foreach ($line in $lines[($start + 1)..($lines.Count - 1)]) {
            if ($line -like '## *') { break }
            if ($line -match '^### (.+)$') { $Matches[1].Trim() }
        }
        $inputs | Should -Contain 'System.String'
        # What the heading promises: a string piped by itself is one row, sent to that destination.
        Connect-WebexConnect -Sandbox | Out-Null
        $arguments = @{
            'Send-ConnectSms' = @{ From = 'ACME'; Text = 'Hi' }
            'Send-ConnectEmail' = @{ From = 'news@example.com'; Subject = 'S'; Text = 'Hi' }
            'Send-ConnectRcs' = @{ From = 'app-1'; Text = 'Hi' }
            'Send-ConnectMessage' = @{ Channel = 'sms'; From = 'ACME'; Content = @{ type = 'text'; text = 'Hi' } }
        }[$Name]
        $to = if ($Name -eq 'Send-ConnectEmail') { 'ann@example.com' } else { '+447700900123' }
        $result = $to | & $Name @arguments
        $result.Status | Should -Be 'Queued'
        $result.Destination | Should -Be $to
        Disconnect-WebexConnect
    }
}

Describe 'about_WebexConnect' {
    It 'is found by Get-Help after any build (dotnet build copies it; it needs no PlatyPS)' {
        Join-Path $script:RepoRoot 'out/WebexConnect/en-US/about_WebexConnect.help.txt' | Should -Exist
        (Get-Help about_WebexConnect | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }

    It 'reads like PowerShell''s own about topics in a console of 80 columns: no markdown, no line wider' {
        $lines = @((Get-Help about_WebexConnect | Out-String -Width 200) -split '\r?\n')

        $lines[0] | Should -Be 'TOPIC'
        $lines[1] | Should -Be '    about_WebexConnect'
        $lines | Should -Contain 'SHORT DESCRIPTION'
        $lines | Should -Contain 'LONG DESCRIPTION'
        $lines | Should -Contain 'SEE ALSO'
        @($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        @($lines -match '^ {0,4}#{1,3} |```') | Should -BeNullOrEmpty
        # A paragraph is wrapped at words, indented four columns.
        ($lines -match '^    WebexConnect talks to the Cisco Webex Connect Messaging API v2').Count | Should -Be 1
        # A table keeps each meaning beside its name and its later lines under it.
        $at = [array]::IndexOf($lines, ($lines -match '^    Unknown +The request may or may not have been accepted')[0])
        $at | Should -BeGreaterThan 0
        $lines[$at + 1] | Should -Match '^ {15}\S'
        # Code keeps its own lines, four columns in from the text.
        $lines | Should -Contain '        $err = $null'
    }

    It 'says Attempts counts the requests that carried a row, with the numbers a split run gives' {
        # Before: nothing an admin reads said what Attempts counts, and a Queued row beside a refused number showing
        # Attempts 3 read as a row sent three times.
        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -BeLike "*Attempts counts the requests that carried its row*It is not how many times the row was sent*"
        $text | Should -BeLike "*The results show Attempts 2, 3 and 3: two rows Queued, each sent once, and +4477 Rejected.*"

        Connect-WebexConnect -Sandbox
        $results = @('+447700900001', '+4477', '+447700900003' | Send-ConnectSms -From ACME -Text Hi -ErrorAction SilentlyContinue)
        $results.Attempts | Should -Be @(2, 3, 3)
        $results.Status | Should -Be @('Queued', 'Rejected', 'Queued')
        $sent = @(Get-ConnectSandboxRequest | Where-Object StatusCode -eq 201)
        $sent.Count | Should -Be 2
        $sent.DestinationCount | Should -Be @(1, 1)
    }

    It 'sets each error ID of its table apart from the meaning by two spaces or more, as a row' {
        # Before: "InvalidSandboxLatency -SandboxLatency is out of range." read as one name, and wrapped as a paragraph.
        $lines = @((Get-Help about_WebexConnect | Out-String -Width 200) -split '\r?\n')
        $names = @(Get-Content (Join-Path $script:RepoRoot 'docs/about_WebexConnect.md') -Encoding UTF8 |
                Where-Object { $_ -cmatch '^  ((?:[A-Z][a-z]+){2,}) ' } | ForEach-Object { $Matches[1] })
        $names.Count | Should -BeGreaterThan 50
        $run = foreach ($name in $names) { if (-not ($lines -cmatch ('^    ' + $name + '( {2,}\S|$)'))) { $name } }
        $run | Should -BeNullOrEmpty -Because 'each is printed as a row: the name, then two spaces or more, or its meaning on the next line'
    }

    # Before: the table said ConflictingEndpoint came of -Sandbox with -Region or -BaseUri, and SandboxLatencyWithoutSandbox
    # of -SandboxLatency without -Sandbox; with -Region or -ServiceKey beside them, PowerShell refuses the parameter sets
    # before the command runs, and an admin searching the page for the error they got (AmbiguousParameterSet) found nothing.
    It 'names the error PowerShell gives for -Sandbox, or its parameters, beside another connection''s parameters' {
        $key = ConvertTo-SecureString 'k' -AsPlainText -Force
        $given = foreach ($mixed in @{ Sandbox = $true; Region = 'eu' }, @{ Sandbox = $true; BaseUri = 'https://api.example.test/' },
            @{ ServiceKey = $key; SandboxLatency = '00:00:01' }, @{ Region = 'eu'; ServiceKey = $key; SandboxFailureRate = 0.5 }) {
            $failure = $null
            try { Connect-WebexConnect @mixed -ErrorAction Stop } catch { $failure = $_ }
            ($failure.FullyQualifiedErrorId -split ',')[0]
        }
        $given | Should -Be (@('AmbiguousParameterSet') * 4)

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'ConflictingEndpoint Both a region and a base URI \(parameters or environment variables\)\. Give one\.'
        $text | Should -Match 'stays current\. So it is for -Sandbox with -Region, -BaseUri or a credential \(AmbiguousParameterSet\)\.'
        $text | Should -Match 'SandboxLatencyWithoutSandbox -SandboxLatency or -SandboxFailureRate was given without -Sandbox \(the credential from environment variables\)\. Given with -Region, -BaseUri, a credential or -NoSharedTps, they are refused by PowerShell itself, as -Sandbox is with any of those: AmbiguousParameterSet'
        $sandbox = Get-HelpText ((Get-Help Connect-WebexConnect -Parameter Sandbox).description)
        $sandbox | Should -Match 'PowerShell refuses that before the command runs \(AmbiguousParameterSet'
    }

    # Before: the page gave InvalidSubstitution only for a value that is a list or an object; a -Substitution key left
    # $null (a variable that was never set: @{ Shop = $shopName }) stops the send with it too, and the admin found the
    # error ID described as something their hashtable did not hold.
    It 'shows how -ErrorVariable finds the error that stopped a run, and the example as written finds it' {
        # Before: the page's only example was "$err | Where-Object FullyQualifiedErrorId -like ...", which skips the
        # stopping error: PowerShell puts it in the variable as a CmdletInvocationException around the ErrorRecord.
        $about = Get-Content (Join-Path $script:RepoRoot 'docs/about_WebexConnect.md') -Encoding UTF8
        $start = [array]::IndexOf($about, '    # Each error as the module wrote it, also the one that stopped the run:')
        $start | Should -BeGreaterThan 0
        $example = foreach ($line in $about[($start + 1)..($about.Count - 1)]) {
            if ($line -notlike '    *') { break }
            $line
        }
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new().Then(401)
        try {
            Connect-WebexConnect -ServiceKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $service.BaseUri -NoSharedTps
            $err = $null
            try { [pscustomobject]@{ To = '+447700900311' } | Send-ConnectSms -From ACME -Text 'Hi' -ErrorVariable err | Out-Null } catch { }
            @($err | Where-Object FullyQualifiedErrorId -like 'AuthenticationFailed,*').Count | Should -Be 0 -Because 'the wrapper is what the page explains'

            $found = @(. ([scriptblock]::Create(($example -join "`n"))))

            $found.Count | Should -Be 1
            $found[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        } finally {
            Disconnect-WebexConnect -ErrorAction SilentlyContinue
            $service.Dispose()
        }
    }

    # Before: "line N+1 of a file with a header line", which a CSV with a blank line (an Excel export with a gap) belies:
    # Import-Csv skips the blank line, so the row after it is Row 2 on line 4, and the admin looked at the wrong line.
    It 'tells that Row skips the blank lines Import-Csv skips, as it does' {
        Connect-WebexConnect -Sandbox
        $csv = Join-Path $TestDrive 'gap.csv'
        Set-Content -LiteralPath $csv -Value 'Phone,Name', '+447700900001,Ann', '', '07700 900002,Bob' -Encoding UTF8
        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction SilentlyContinue)
        $results.Row | Should -Be @(1, 2)
        $results[1].Reason | Should -BeLike 'Row 2: Phone: *'

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'line N\+1 of a file with a header line, and further down when the file has blank lines above it: Import-Csv skips them'
    }

    It 'tells that a $null -Substitution value stops the send with InvalidSubstitution, as it does' {
        Connect-WebexConnect -Sandbox
        try {
            { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi from $(Shop)' -Substitution @{ Shop = $null } } |
                Should -Throw -ErrorId 'InvalidSubstitution,*'
            $result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi from $(Shop)' -Substitution @{ Shop = $null } -AllowMissingSubstitution
            $result.Status | Should -Be 'Queued'
        }
        finally { Disconnect-WebexConnect }

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'InvalidSubstitution A -Substitution value is not one value \(a list, a hashtable, an object\), or is \$null without -AllowMissingSubstitution\.'
        $text | Should -Match 'A -Substitution value that is not one value, or is \$null without -AllowMissingSubstitution, stops the command \(InvalidSubstitution\)\.'
    }

    # Before: -PayloadOnly "writes the JSON request body each row would be sent with"; a row that fails validation writes
    # no body and no result, only its error, so an admin who counted the bodies against the CSV's rows came up short.
    It '<Cmdlet> -PayloadOnly: the help says a row that fails validation writes its error instead of a body, as it does' -ForEach @(
        @{ Cmdlet = 'Send-ConnectSms'; Rows = @([pscustomobject]@{ To = '07700 900001' }, [pscustomobject]@{ To = '+447700900002' }); Splat = @{ From = 'ACME'; Text = 'Hi' } }
        @{ Cmdlet = 'Send-ConnectEmail'; Rows = @([pscustomobject]@{ To = 'not-an-address' }, [pscustomobject]@{ To = 'b@example.com' }); Splat = @{ From = 'news@example.com'; Subject = 'S'; Text = 'Hi' } }
        @{ Cmdlet = 'Send-ConnectRcs'; Rows = @([pscustomobject]@{ To = '07700 900001' }, [pscustomobject]@{ To = '+447700900002' }); Splat = @{ From = 'acme-agent'; Text = 'Hi' } }
        @{ Cmdlet = 'Send-ConnectMessage'; Rows = @([pscustomobject]@{ To = '07700 900001' }, [pscustomobject]@{ To = '+447700900002' }); Splat = @{ Channel = 'whatsapp'; From = 'wa-1'; Content = @{ type = 'text'; text = 'Hi' } } }
    ) {
        Connect-WebexConnect -Sandbox
        try {
            $errors = $null
            $written = @($Rows | & $Cmdlet @Splat -PayloadOnly -ErrorAction SilentlyContinue -ErrorVariable errors)
        }
        finally { Disconnect-WebexConnect }
        $written.Count | Should -Be 1
        $written[0] | Should -BeOfType [string]
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $errors[0].Exception.Result.Row | Should -Be 1

        $help = ((Get-Help $Cmdlet -Parameter PayloadOnly).description.Text -join ' ') -replace '\s+', ' '
        $help | Should -Match 'A row that fails validation writes its InvalidInput error \(its SendResult in \$_\.Exception\.Result\) instead of a body'
        $about = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $about | Should -Match 'a row that fails validation writes only its InvalidInput error there, no body and no result'
    }

    It '<_> -WhatIf says a run whose input pauses may make more requests than it lists' -ForEach 'Send-ConnectSms', 'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectMessage' {
        # 1,000 rows of 10 Cc values listed 10 batches; a run whose input paused sent the open batches part-full, in 20
        # requests (the dispatcher's linger rule), and the help promised "one line per request".
        $help = ((Get-Help $_ -Parameter WhatIf).description.Text -join ' ') -replace '\s+', ' '
        $help | Should -Match 'when the input pauses \(a slow source, a busy machine\) for about 50 ms, the run sends the batches it holds part-full, so it may make more requests than -WhatIf lists; never fewer'
        $about = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $about | Should -Match 'may make more requests than -WhatIf lists, never fewer'
    }

    It 'tells a scheduled task that failed rows leave the exit code 0, and how to end with 1 instead' {
        # pwsh -File ends with 0 after a run whose rows wrote errors: Task Scheduler shows success unless the script says otherwise.
        $script = Join-Path $TestDrive 'job.ps1'
        $manifest = Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1'
        Set-Content -LiteralPath $script -Value @(
            "Import-Module '$manifest'; Connect-WebexConnect -Sandbox"
            "[pscustomobject]@{ Phone = '07700 900123' } | Send-ConnectSms -From ACME -Text Hi -ErrorAction SilentlyContinue")
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand
        $null = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $script 2>&1
        $LASTEXITCODE | Should -Be 0

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'Failed rows do not change the exit code'
        $text | Should -Match ([regex]::Escape('if ($sendErrors.Count -gt 0) { exit 1 }'))
    }

    # Before: the page said nothing of a CSV with a header and no rows. Its run ends with a warning and exit code 0, and
    # Task Scheduler shows success for a night that sent nothing. The page's one line, run as a task runs it, ends it with 1.
    It 'tells a scheduled task that a CSV without rows ends with exit code 0, and how to end with 1 instead' {
        $about = Get-Content (Join-Path $script:RepoRoot 'docs/about_WebexConnect.md') -Encoding UTF8
        $idiom = @($about | Where-Object { $_ -match '^    if \(\$sendWarnings ' })
        $idiom.Count | Should -Be 1 -Because 'the page shows the line to add'
        $csv = Join-Path $TestDrive 'header-only.csv'
        Set-Content -LiteralPath $csv -Value 'Phone,Name' -Encoding UTF8
        $manifest = Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1'
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand
        $exitCodes = foreach ($check in @('', $idiom[0].Trim())) {
            $script = Join-Path $TestDrive 'job.ps1'
            Set-Content -LiteralPath $script -Value @(
                "Import-Module '$manifest'; Connect-WebexConnect -Sandbox"
                "Import-Csv '$csv' | Send-ConnectSms -From ACME -Text Hi -WarningVariable sendWarnings"
                $check)
            $null = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $script 2>&1
            $LASTEXITCODE
        }
        $exitCodes | Should -Be @(0, 1)

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'A CSV with a header line and no rows sends nothing: the run ends with the warning "No rows were piped to Send-ConnectSms'
        $text | Should -Match 'exit code 0, which Task Scheduler shows as success'
    }

    # Before: the page said a SecureString saved with Export-Clixml serves a scheduled task, but showed no command, and an
    # admin in the first week was left to guess how the task's script reads it back. The lines as the page writes them save
    # a key and, in a task's PowerShell (-NonInteractive -File), connect with it: the service gets that key.
    It 'shows a scheduled task how to save its key with Export-Clixml and read it back, and the lines as written connect with it' {
        $about = Get-Content (Join-Path $script:RepoRoot 'docs/about_WebexConnect.md') -Encoding UTF8
        $start = [array]::IndexOf($about, '    # Once, as the task''s account, on the computer that runs the task:')
        $start | Should -BeGreaterThan 0
        $middle = [array]::IndexOf($about, '    # In the task''s script:')
        $middle | Should -BeGreaterThan $start
        $keyFile = Join-Path $TestDrive 'webex-key.xml'
        $save = ($about[($start + 1)..($middle - 1)] -join "`n").Replace('C:\Jobs\webex-key.xml', "'$keyFile'")
        $read = foreach ($line in $about[($middle + 1)..($about.Count - 1)]) {
            if ($line -notlike '    *') { break }
            $line.Replace('C:\Jobs\webex-key.xml', "'$keyFile'").Replace('-Region eu', '-BaseUri $args[0] -NoSharedTps')
        }
        $save | Should -BeLike "*Read-Host -AsSecureString 'Service key' |*"
        . (Join-Path $PSScriptRoot 'LoopbackService.ps1')
        $service = [WebexConnectPester.LoopbackService]::new()
        try {
            # What Read-Host -AsSecureString gives, into the rest of the line as written.
            $typed = ConvertTo-SecureString 'key-typed-once' -AsPlainText -Force
            & ([scriptblock]::Create('$args[0] | ' + ($save -split '\|', 2)[1])) $typed
            $task = Join-Path $TestDrive 'task.ps1'
            Set-Content -LiteralPath $task -Value @(
                "Import-Module '$(Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1')'"
                $read
                'Test-WebexConnect -Quiet')
            . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
            $powershell = Get-PowerShellHostCommand
            $output = @(& $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $task $service.BaseUri 2>&1 | ForEach-Object { "$_" })

            $output | Should -Be 'True'
            @($service.Received | Where-Object { $_ -match '(?m)^key: key-typed-once\r?$' }).Count | Should -Be 1
        } finally {
            $service.Dispose()
        }
    }

    # Before: the page said to start the script with -NonInteractive and to export the results, but not that a
    # $ConfirmPreference of Medium makes PowerShell's own Export-Csv ask, which that switch turns into PowerShell's error.
    It 'tells a scheduled task that $ConfirmPreference Medium makes Export-Csv ask, as this PowerShell does' {
        $manifest = Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1'
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand
        $results = Join-Path $TestDrive 'results.csv'
        $runs = foreach ($export in @("Export-Csv '$results'", "Export-Csv '$results' -Confirm:`$false")) {
            $script = Join-Path $TestDrive 'job.ps1'
            Set-Content -LiteralPath $script -Value @(
                "Import-Module '$manifest'; Connect-WebexConnect -Sandbox"
                "`$ConfirmPreference = 'Medium'"
                "'+447700900001' | Send-ConnectSms -From ACME -Text Hi -Confirm:`$false | $export")
            $log = (& $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $script 2>&1 | Out-String)
            [pscustomobject]@{ Log = $log; Written = (Test-Path -LiteralPath $results) }
        }
        $runs[0].Log | Should -Match 'Export-Csv'
        $runs[0].Log | Should -Match 'NonInteractive mode'
        $runs[0].Written | Should -BeFalse
        $runs[1].Written | Should -BeTrue -Because 'the page says -Confirm:$false on Export-Csv lets it write'

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match ([regex]::Escape('Leave $ConfirmPreference at High, its default. At Medium or lower, ' +
                "PowerShell's own Export-Csv asks before it writes the results file"))
        $text | Should -Match 'PowerShell is in NonInteractive mode\. Read and Prompt functionality is not available\.'
        $text | Should -Match ([regex]::Escape('give Export-Csv -Confirm:$false'))
    }

    # Before: "A SecureString saved with Export-Clixml or ConvertFrom-SecureString can be decrypted only by the same user
    # on the same computer", for every system. On Linux and macOS PowerShell writes the secret's UTF-16 bytes as hex.
    It 'tells a scheduled task that Export-Clixml protects a secret on Windows only, as this PowerShell shows' {
        $secure = ConvertTo-SecureString 'key-in-clear' -AsPlainText -Force
        $saved = Join-Path $TestDrive 'key.xml'
        $secure | Export-Clixml -LiteralPath $saved
        $hex = -join ([Text.Encoding]::Unicode.GetBytes('key-in-clear') | ForEach-Object { $_.ToString('x2') })
        if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            Get-Content -Raw -LiteralPath $saved | Should -Not -Match $hex
        }
        else {
            Get-Content -Raw -LiteralPath $saved | Should -Match $hex -Because 'outside Windows the file holds the secret, merely as hex'
        }

        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'On Windows, a SecureString saved with Export-Clixml or ConvertFrom-SecureString is encrypted \(DPAPI\)'
        $text | Should -Match 'On Linux and macOS they encrypt nothing'
        $text | Should -Not -Match 'without DPAPI surprises'
    }

    # Before: where the module writes (the journal, the TPS ledger) was spread over two sections, and the ledger's
    # folder was the temp folder. A security review now finds both in one place, as the module really does it.
    It 'tells a security review which files it writes, where and how private, as the module does' {
        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match 'Files it writes'
        $text | Should -Match 'no key, secret or token into either'
        $text | Should -Match 'Nothing is written to the temp folder'
        if (-not $IsWindows) {
            $text | Should -Match ([regex]::Escape('~/.local/share/WebexConnect on Linux, the folder 0700 and its files 0600'))
            $manifest = Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1'
            $probe = Join-Path $TestDrive 'ledger.ps1'
            Set-Content -LiteralPath $probe -Value @(
                "Import-Module '$manifest'"
                '$tcp = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $tcp.Start()'
                '$uri = "http://127.0.0.1:$($tcp.LocalEndpoint.Port)/"'
                'Connect-WebexConnect -BaseUri $uri -ServiceKey (ConvertTo-SecureString "files-it-writes" -AsPlainText -Force) | Out-Null'
                'Disconnect-WebexConnect; $tcp.Stop(); $uri')
            . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
            $powershell = Get-PowerShellHostCommand
            $userHome = Join-Path $TestDrive 'home'
            $saved = $env:XDG_DATA_HOME
            $env:XDG_DATA_HOME = Join-Path $userHome '.local/share'
            try { $null = & $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -File $probe } finally { $env:XDG_DATA_HOME = $saved }
            $folder = Join-Path $userHome '.local/share/WebexConnect'
            (Get-Item -LiteralPath $folder).UnixMode | Should -Be 'drwx------'
            @(Get-ChildItem -LiteralPath $folder -Filter 'WebexConnect-tps-*.ledger').UnixMode | Should -Be @('-rw-------')
        }
    }

    It 'tells an admin coming from Send-MailMessage or a vendor''s module what their parameter names are here, as the cmdlets behave' {
        # Before: -Body, -BodyAsHtml, -Message, -Recipient and -Sender ended at "A parameter cannot be found", and no page
        # named what takes their place.
        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -BeLike '*- Send-MailMessage -Body, or a vendor''s -Message: -Text (SMS, RCS, a plain-text email). - Send-MailMessage -Body with -BodyAsHtml: -Html,*'
        $text | Should -BeLike '*a vendor''s -Recipient: -To,*a vendor''s -Sender: -From.*-Attachments too, but it takes URLs, which the service fetches, not file paths*'
        $text | Should -BeLike '*Body and Message are not aliases of -Text*A column named Message or Body is a substitution: give -Text ''$(Message)'', in single quotes.*'

        Connect-WebexConnect -Sandbox
        try {
            foreach ($name in 'Body', 'BodyAsHtml', 'Message', 'Recipient', 'Sender') {
                foreach ($command in 'Send-ConnectSms', 'Send-ConnectEmail') {
                    (Get-Command $command).Parameters.Values.Where({ $_.Name -eq $name -or $_.Aliases -contains $name }) | Should -BeNullOrEmpty
                }
            }
            # A Message column fills $(Message), and -Attachments is -Attachment, which refuses a file path.
            $row = [pscustomobject]@{ Phone = '+447700900001'; Message = 'Hello' }
            ($row | Send-ConnectSms -From ACME -Text '$(Message)' -PayloadOnly | ConvertFrom-Json).to[0].substitutions.Message | Should -Be 'Hello'
            # With -To on the command line and nothing piped, it is the one row's attachment: that row's Invalid result.
            $refused = Send-ConnectEmail -To a@example.com -From news@example.com -Subject S -Html '<p>Hi</p>' -Attachments 'C:\reports\inv.pdf' -ErrorAction SilentlyContinue
            $refused.Code | Should -Be 'InvalidParameterValue'
            $refused.Reason | Should -BeLike '*is a file path, not a URL: the service cannot read files on this computer*'
        }
        finally { Disconnect-WebexConnect }
    }

    It 'says what takes the place of the old loop''s try/catch per row, Start-Sleep and retry loop' {
        $text = (Get-Help about_WebexConnect | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -BeLike '*after 20 such calls in a row from one line of a script, a warning says so.*'
        $text | Should -BeLike '*try/catch around each row: not needed.*Start-Sleep between requests: leave it out.*A retry loop: leave it out.*'
    }

    It 'is the one kept in docs/en-US (build.ps1 makes it from docs/about_WebexConnect.md; CI checks it is current)' {
        $committed = Get-Content -Raw (Join-Path $script:RepoRoot 'docs/en-US/about_WebexConnect.help.txt')
        (Get-Content -Raw (Join-Path $script:RepoRoot 'out/WebexConnect/en-US/about_WebexConnect.help.txt')) | Should -Be $committed
        $committed | Should -Match 'Journal: run it again without sending twice'
    }
}

Describe 'The send cmdlets'' shared parameters in help' {
    It 'give one Default value for a parameter the four send cmdlets share' {
        # Before: Send-ConnectMessage -RequestedReceipt said "None" where the typed cmdlets said "None (every receipt)",
        # so an admin reading it could think that without it no receipt comes. -Encoding is two parameters under one
        # name: an SMS's GSM-7 or Unicode, an email's character set.
        $shared = foreach ($command in 'Send-ConnectSms', 'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectMessage') {
            foreach ($parameter in @((Get-Help $command -Full).parameters.parameter)) {
                [pscustomobject]@{ Command = $command; Name = [string] $parameter.name; Default = [string] $parameter.defaultValue }
            }
        }
        $differing = $shared | Where-Object Name -ne 'Encoding' | Group-Object Name |
            Where-Object { @($_.Group.Default | Sort-Object -Unique).Count -gt 1 } |
            ForEach-Object { "-$($_.Name): " + (($_.Group | ForEach-Object { "$($_.Command) '$($_.Default)'" }) -join ', ') }
        $differing | Should -BeNullOrEmpty
    }
}
