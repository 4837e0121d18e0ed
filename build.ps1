<#
.SYNOPSIS
    Builds the WebexConnect module into out/WebexConnect with its help, and runs the sandbox example or the tests.
.DESCRIPTION
    Runs in Windows PowerShell 5.1 and PowerShell 7, from any folder. Needs the .NET SDK 10 or later on PATH (the
    tests and the pinned PowerShell target .NET 10; the module itself targets .NET 8 and .NET Framework 4.7.2); on a
    machine with nothing else, `dotnet tool restore` then `dotnet pwsh ./build.ps1` uses the PowerShell pinned in
    .config/dotnet-tools.json.
    Help: the module's help file is docs/en-US/WebexConnect.dll-Help.xml, made from docs/*.md and kept in the
    repository with the about topic (docs/en-US/about_WebexConnect.help.txt), so every build (dotnet build too) ships
    both to out/WebexConnect/en-US. When Microsoft.PowerShell.PlatyPS 1.0 or later is installed, this script first
    makes the help file anew from docs/*.md and turns it into what Get-Help shows for built-in cmdlets (code without
    markdown fences, default values, links by name); it always makes the about topic anew from
    docs/about_WebexConnect.md, laid out as PowerShell's own about topics are (within 80 columns, no markdown).
    Ends with an error (exit code 1 under -File) when the build or any test fails.
.EXAMPLE
    ./build.ps1
    Builds Release into out/WebexConnect with help.
.EXAMPLE
    ./build.ps1 -Example
    Builds, then runs docs/examples/Send-PersonalisedSms.ps1 against the in-process sandbox in a new PowerShell.
.EXAMPLE
    ./build.ps1 -Package
    Builds, then packs out/WebexConnect into out/packages/WebexConnect.<version>.nupkg with Publish-PSResource.
    Install it with: Register-PSResourceRepository -Name WebexConnectLocal -Uri ./out/packages -Trusted;
    Install-PSResource WebexConnect -Repository WebexConnectLocal
.EXAMPLE
    ./build.ps1 -Test
    Builds, then runs every suite: xunit, the net472 smoke run (on Windows, or under Mono), and Pester in a new
    process of this PowerShell edition. Ends with the line "N passed, N failed" counted from all of them.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run xunit (dotnet test), the net472 smoke run and Pester 5 (tests/Pester) after the build.
    [switch] $Test,

    # Run docs/examples/Send-PersonalisedSms.ps1 -Sandbox with the built module after the build.
    [switch] $Example,

    # Keep docs/en-US (WebexConnect.dll-Help.xml, about_WebexConnect.help.txt) as it is, even when PlatyPS is installed.
    [switch] $NoHelp,

    # After the build (and help), pack the module folder into out/packages/WebexConnect.<version>.nupkg, a local
    # folder repository, with Publish-PSResource (Microsoft.PowerShell.PSResourceGet 1.0 or later, which ships
    # with PowerShell 7.4+). See New-ModulePackage.
    [switch] $Package
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$solution = Join-Path $root 'WebexConnect.sln'
$module = Join-Path $root 'out/WebexConnect'
# The help file kept in the repository. The build (src/WebexConnect.Engine/ModuleLayout.targets) copies it to
# en-US/ under the module's ModuleBase, where both editions look for a module cmdlet's help.
$committedMaml = Join-Path $root 'docs/en-US/WebexConnect.dll-Help.xml'
$committedAbout = Join-Path $root 'docs/en-US/about_WebexConnect.help.txt'
$testResults = Join-Path $root 'out/test-results'
# The Pester version restored when none is installed: tests/Pester/PesterPackage.proj pins it.
$pesterProject = Join-Path $root 'tests/Pester/PesterPackage.proj'

# Runs a program and returns its exit code. Its stderr stays text: under 'Stop', Windows PowerShell 5.1 turns the
# first line a program writes to a redirected stderr (CI, Task Scheduler) into a terminating error.
function Invoke-Program([string] $File, [string[]] $Arguments) {
    $null = Get-Command $File -CommandType Application -ErrorAction Stop
    $ErrorActionPreference = 'Continue'
    & $File @Arguments | Out-Host
    $LASTEXITCODE
}

function Invoke-Native([string] $File, [string[]] $Arguments) {
    $exitCode = Invoke-Program $File $Arguments
    if ($exitCode -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $exitCode" }
}

# True when git shows no docs/<Verb-Noun>.md page changed or added since the last commit, whose committed help CI
# keeps current: then a build without PlatyPS ships the right help, and a fresh clone's first build (the README's
# first command) has nothing to warn about. False when a page changed, or when git cannot tell.
function Test-CommittedHelpCurrent([string] $Root) {
    if (-not (Get-Command git -CommandType Application -ErrorAction SilentlyContinue)) { return $false }
    $ErrorActionPreference = 'Continue'
    $changed = @(& git -C $Root status --porcelain -- 'docs/*-*.md' 2>$null)
    $LASTEXITCODE -eq 0 -and $changed.Count -eq 0
}

# Turns docs/<Verb-Noun>.md into one MAML file under out/help; returns its path and the pages read, or $null without PlatyPS.
function New-MamlHelp {
    $platyPS = @(Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS |
            Where-Object { $_.Version -ge [version]'1.0.0' } | Sort-Object Version -Descending)
    if ($platyPS.Count -eq 0) {
        if (Test-CommittedHelpCurrent $root) {
            Write-Verbose 'Microsoft.PowerShell.PlatyPS is not installed; no docs/*.md page changed, so the help kept in docs/en-US is current.'
            return $null
        }
        Write-Warning ('Microsoft.PowerShell.PlatyPS 1.0 or later is not installed: the module gets the help file kept in ' +
            'docs/en-US, which your changes to docs/*.md do not reach. Install-PSResource Microsoft.PowerShell.PlatyPS to make it anew.')
        return $null
    }
    Import-Module -ModuleInfo $platyPS[0]
    if ($platyPS[0].Version -lt [version]'1.0.2') {
        Write-Warning ("PlatyPS $($platyPS[0].Version) writes 'Accept pipeline input? false' for every parameter " +
            '(PowerShell/platyPS issue 804, fixed in 1.0.2). Update-Module Microsoft.PowerShell.PlatyPS for correct pipeline help.')
    }

    $pages = @(Get-ChildItem -LiteralPath (Join-Path $root 'docs') -Filter '*-*.md' -File)
    $help = @(foreach ($page in $pages) { Import-MarkdownCommandHelp -LiteralPath $page.FullName })
    if ($help.Count -ne $pages.Count) { throw "PlatyPS read $($help.Count) of the $($pages.Count) pages in docs/" }

    # The reader drops what it cannot follow (a parameter whose yaml it cannot map, an example after a stray
    # heading) instead of failing, so compare what it kept with what the page holds.
    for ($i = 0; $i -lt $pages.Count; $i++) {
        $lines = @(Get-Content -LiteralPath $pages[$i].FullName)
        $onPage = @($lines -match '^### -').Count
        $read = @($help[$i].Parameters | Where-Object { $null -ne $_ }).Count
        if ($read -ne $onPage) { throw "PlatyPS read $read of the $onPage parameters in docs/$($pages[$i].Name); see PlatyPsReaderTests" }
        $onPage = @($lines -match '^### Example \d').Count
        $read = @($help[$i].Examples | Where-Object { $null -ne $_ }).Count
        if ($read -ne $onPage) { throw "PlatyPS read $read of the $onPage examples in docs/$($pages[$i].Name); see PlatyPsReaderTests" }
    }

    $export = Join-Path $root 'out/help'
    if (Test-Path -LiteralPath $export) { Remove-Item -LiteralPath $export -Recurse -Force }
    $null = $help | Export-MamlCommandHelp -OutputFolder $export -Force
    # 1.0.1 writes <folder>/<Module Name>/<Module Name>-Help.xml; later versions name the file after the pages'
    # 'external help file'. Take the one file it wrote, wherever and however named.
    $written = @(Get-ChildItem -LiteralPath $export -Filter '*.xml' -File -Recurse)
    if ($written.Count -ne 1) { throw "Expected one MAML file under $export, found $($written.Count)" }
    [pscustomobject]@{ Path = $written[0].FullName; CommandHelp = $help }
}

# Words of $Text on lines of at most $Width columns: the first after $First, the others after $Rest. A word wider
# than a line stays whole, on a line of its own.
function Split-WrappedLine([string] $Text, [int] $Width, [string] $First = '', [string] $Rest = '') {
    $line = $First
    $empty = $true
    foreach ($word in ($Text.Trim() -split ' +')) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $line.TrimEnd()
            $line = $Rest
            $empty = $true
        }
        $line = if ($empty) { $line + $word } else { $line + ' ' + $word }
        $empty = $false
    }
    $line.TrimEnd()
}

# Turns a PlatyPS paragraph into what Get-Help prints well: the lines of one markdown paragraph joined, then broken
# at words into lines of at most $Width columns (list items hanging under their text), table rows and indented code
# kept on lines of their own, and fenced code indented instead of fenced. Why break lines here: Get-Help breaks a
# line at the console's width by words only where the culture's language is English, French, German, Italian,
# Portuguese or Spanish (PowerShell's StringManipulationHelper); elsewhere (Dutch, Polish, Japanese..., and the
# invariant culture of a Linux with LANG=C.UTF-8) it breaks inside a word, "Im" / "port-Csv". Lines that fit are
# printed as they are, so words stay whole in any culture, at the cost of lines no wider than an 80-column console's
# in a wider one, as about topics have.
function ConvertTo-HelpParagraph([string] $Text, [int] $Width) {
    $lines = New-Object System.Collections.Generic.List[string]
    $inFence = $false
    foreach ($line in ($Text -replace "`r`n", "`n") -split "`n") {
        if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
        if ($inFence) { $lines.Add('    ' + $line); continue }
        $trimmed = $line.Trim()
        $startsOwnLine = $trimmed -eq '' -or $line -match '^(\s*([-*+]|\d+\.)\s|\s*\||\s{4})'
        $previous = if ($lines.Count -gt 0) { $lines[$lines.Count - 1] } else { '' }
        $previousOpen = $previous.Trim() -ne '' -and $previous -notmatch '^(\s*\||\s{4})'
        if (-not $startsOwnLine -and $previousOpen) { $lines[$lines.Count - 1] = $previous.TrimEnd() + ' ' + $trimmed }
        else { $lines.Add($(if ($trimmed -eq '') { '' } else { $line.TrimEnd() })) }
    }
    $wrapped = foreach ($line in $lines) {
        if ($line -eq '' -or $line -match '^(\s*\||\s{4})') { $line }
        elseif ($line -match '^(\s*(?:[-*+]|\d+\.)\s+)(.*)$') {
            Split-WrappedLine $Matches[2] $Width $Matches[1] (' ' * $Matches[1].Length)
        }
        else { Split-WrappedLine $line $Width }
    }
    (@($wrapped) -join "`n").Trim("`n")
}

# The about topic as Get-Help prints it: a text file shown as it is, so it is laid out here the way about topics of
# PowerShell itself are (TOPIC, SHORT DESCRIPTION, ... at the margin, text indented four spaces, every line within
# 80 columns, which a console of any width then shows without breaking words) instead of as markdown: no # marks,
# paragraphs and list items wrapped, indented code kept as written, and the two-column tables (a name, then its
# meaning) wrapped with their meanings still aligned.
function ConvertTo-AboutHelpText([string[]] $Markdown, [int] $Width = 80) {
    $out = New-Object System.Collections.Generic.List[string]
    function Add-Wrapped([string] $Text, [string] $First, [string] $Rest) {
        foreach ($line in @(Split-WrappedLine $Text $Width $First $Rest)) { $out.Add($line) }
    }
    # A blank line, unless one is there already or a section's name is right above (as PowerShell's own topics).
    function Add-Blank {
        if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '' -and $out[$out.Count - 1] -notmatch '^[A-Z]') { $out.Add('') }
    }

    $i = 0
    while ($i -lt $Markdown.Count) {
        $line = $Markdown[$i].TrimEnd()
        if ($line -eq '') { Add-Blank; $i++; continue }
        if ($line -match '^# (.+)$') { $out.Add('TOPIC'); $out.Add('    ' + $Matches[1]); $i++; continue }
        if ($line -match '^## (.+)$') {
            if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '') { $out.Add('') }
            $out.Add($Matches[1].ToUpperInvariant())
            $i++
            continue
        }
        if ($line -match '^### (.+)$') {
            Add-Blank
            $out.Add('    ' + $Matches[1])
            $out.Add('    ' + ('-' * $Matches[1].Length))
            $i++
            continue
        }
        if ($line -match '^ {4}') {
            # Indented code: as written, four columns further in.
            while ($i -lt $Markdown.Count -and $Markdown[$i] -match '^ {4}') { $out.Add('    ' + $Markdown[$i].TrimEnd()); $i++ }
            continue
        }
        if ($line -match '^  \S') {
            # A table: "  Name     meaning", the meaning's later lines indented under it; a line of text in it wraps alone.
            # Set off from a paragraph that introduces it, though not from its heading.
            if ($out.Count -gt 0 -and $out[$out.Count - 1] -notmatch '^(\s*-+)?$') { $out.Add('') }
            $rows = New-Object System.Collections.Generic.List[object]
            while ($i -lt $Markdown.Count -and $Markdown[$i] -match '^  \S|^ {5,}\S') {
                $text = $Markdown[$i].TrimEnd()
                if ($text -match '^  (\S+(?: \S+)*?)( {2,})(\S.*)$') {
                    $rows.Add([pscustomobject]@{ Name = $Matches[1]; Column = 2 + $Matches[1].Length + $Matches[2].Length; Text = $Matches[3] })
                }
                elseif ($text -match '^  \S') { $rows.Add([pscustomobject]@{ Name = $null; Column = 0; Text = $text.Trim() }) }
                elseif ($rows.Count -gt 0) { $rows[$rows.Count - 1].Text += ' ' + $text.Trim() }
                $i++
            }
            $named = @($rows | Where-Object Name)
            $hang = ' ' * (4 + $(if ($named.Count -gt 0) { (($named | Measure-Object Column -Minimum).Minimum) - 2 } else { 0 }))
            foreach ($row in $rows) {
                if ($row.Name) { Add-Wrapped $row.Text ('    ' + $row.Name.PadRight($row.Column - 4) + '  ') $hang }
                else { Add-Wrapped $row.Text '    ' '    ' }
            }
            continue
        }
        if ($line -match '^(([-*])|\d+\.) ') {
            # A list item and the lines indented under it; later lines hang under its text.
            $marker = $Matches[0]
            $text = $line.Substring($marker.Length)
            $i++
            while ($i -lt $Markdown.Count -and $Markdown[$i] -match '^ +\S') { $text += ' ' + $Markdown[$i].Trim(); $i++ }
            Add-Wrapped $text ('    ' + $marker) ('    ' + (' ' * $marker.Length))
            continue
        }
        # A paragraph: its lines up to a blank line or the start of something else.
        $text = $line
        $i++
        while ($i -lt $Markdown.Count -and $Markdown[$i] -match '^\S' -and $Markdown[$i] -notmatch '^(#{1,3} |([-*]|\d+\.) )') {
            $text += ' ' + $Markdown[$i].Trim()
            $i++
        }
        Add-Wrapped $text '    ' '    '
    }
    while ($out.Count -gt 0 -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    $out
}

# PlatyPS 1.0.3 writes MAML that Get-Help shows differently from built-in cmdlets' help: an example's code stays in
# markdown fences among its introduction paragraphs (with a U+0080 paragraph between them) and <dev:code> is empty;
# no parameter has a <dev:defaultValue>, so "Default value" is blank; related links keep their relative .md
# addresses. This puts each example's code into <dev:code> and its text into <dev:remarks>, writes the default
# value docs/ gives for each parameter, leaves related links by name (or URL), and lays out each paragraph in lines
# that an 80-column console prints whole (ConvertTo-HelpParagraph).
function Repair-MamlHelp([string] $Path, [object[]] $CommandHelp) {
    # A console of 80 columns prints Get-Help in 79 (PowerShell leaves the last column free; Out-String -Width 79
    # prints the same lines). Get-Help indents a parameter's text, an input or output type's and NOTES by eight
    # columns (four in Get-Help -Parameter), everything else by four.
    $consoleColumns = 79
    $deepText = 'ancestor::command:parameter | ancestor::command:inputType | ancestor::command:returnValue | ancestor::maml:alertSet'
    $doc = New-Object System.Xml.XmlDocument
    $doc.PreserveWhitespace = $true
    $doc.Load($Path)
    $ns = New-Object System.Xml.XmlNamespaceManager $doc.NameTable
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    $mamlNs = $ns.LookupNamespace('maml')
    $devNs = $ns.LookupNamespace('dev')

    foreach ($command in @($doc.SelectNodes('//command:command', $ns))) {
        $name = $command.SelectSingleNode('command:details/command:name', $ns).InnerText.Trim()
        $source = @($CommandHelp | Where-Object { $_.Title -eq $name })
        if ($source.Count -ne 1) { throw "The help file has $name, which no page in docs/ describes" }

        foreach ($example in @($command.SelectNodes('command:examples/command:example', $ns))) {
            $intro = $example.SelectSingleNode('maml:introduction', $ns)
            $code = New-Object System.Collections.Generic.List[string]
            $remarks = New-Object System.Collections.Generic.List[string]
            foreach ($para in @($intro.SelectNodes('maml:para', $ns))) {
                $text = $para.InnerText
                if ($text -match '^\s*```') {
                    $body = @(($text -replace "`r`n", "`n").Trim() -split "`n")
                    $code.Add((($body | Select-Object -Skip 1 | Where-Object { $_ -notmatch '^\s*```\s*$' }) -join "`n"))
                }
                elseif ($text.Trim([char]0x80).Trim() -ne '') { $remarks.Add((ConvertTo-HelpParagraph $text ($consoleColumns - 4))) }
                $null = $intro.RemoveChild($para)
            }
            if ($code.Count -eq 0) { throw "An example of $name has no code: $($example.SelectSingleNode('maml:title', $ns).InnerText)" }
            # Get-Help indents a title by four columns: padded with PlatyPS's nine dashes a side, a long one wraps in an
            # 80-column console and leaves its closing dashes on a line of their own. Fewer dashes for those, none if
            # need be, and a title longer than a line broken at words, as a paragraph is.
            $titleNode = $example.SelectSingleNode('maml:title', $ns)
            $bare = $titleNode.InnerText.Trim().Trim('-').Trim()
            $dashes = [Math]::Min(9, [Math]::Floor(($consoleColumns - 4 - $bare.Length - 2) / 2))
            $titleNode.InnerText = if ($dashes -ge 1) { ('-' * $dashes) + " $bare " + ('-' * $dashes) }
            else { @(Split-WrappedLine $bare ($consoleColumns - 4)) -join "`n" }
            $example.SelectSingleNode('dev:code', $ns).InnerText = $code -join "`n`n"
            $remarksNode = $example.SelectSingleNode('dev:remarks', $ns)
            # An empty last paragraph, as built-in help has, keeps a blank line before the next example's title.
            foreach ($remark in @($remarks) + '') {
                $para = $doc.CreateElement('maml', 'para', $mamlNs)
                $para.InnerText = $remark
                $null = $remarksNode.AppendChild($para)
            }
        }

        foreach ($parameter in @($command.SelectNodes('command:parameters/command:parameter', $ns))) {
            $parameterName = $parameter.SelectSingleNode('maml:name', $ns).InnerText.Trim()
            $documented = @($source[0].Parameters | Where-Object { $null -ne $_ -and $_.Name -eq $parameterName })
            if ($documented.Count -ne 1 -or [string]::IsNullOrWhiteSpace([string] $documented[0].DefaultValue)) {
                throw "docs/$name.md gives no DefaultValue for -$parameterName"
            }
            foreach ($old in @($parameter.SelectNodes('dev:defaultValue', $ns))) { $null = $parameter.RemoveChild($old) }
            $default = $doc.CreateElement('dev', 'defaultValue', $devNs)
            $default.InnerText = [string] $documented[0].DefaultValue
            $null = $parameter.AppendChild($default)
            # Get-Help prints the aliases after "Aliases" and 22 spaces, eight columns in: a list of -To's column names
            # runs past the console's edge. Broken after a comma, each later line starts under the first.
            $aliases = $parameter.GetAttribute('aliases')
            $label = ' ' * 'Aliases                      '.Length
            if ($label.Length + $aliases.Length -gt $consoleColumns - 8) {
                $parameter.SetAttribute('aliases', (@(Split-WrappedLine $aliases ($consoleColumns - 8) $label $label) -join "`n").TrimStart())
            }
        }

        foreach ($uri in @($command.SelectNodes('command:relatedLinks/maml:navigationLink/maml:uri', $ns))) {
            if ($uri.InnerText -notmatch '^https?://') { $uri.InnerText = '' }
        }

        foreach ($para in @($command.SelectNodes('.//maml:para[not(ancestor::command:example)]', $ns))) {
            $indent = if ($para.SelectSingleNode($deepText, $ns)) { 8 } else { 4 }
            $para.InnerText = ConvertTo-HelpParagraph $para.InnerText ($consoleColumns - $indent)
        }
    }

    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Encoding = New-Object System.Text.UTF8Encoding $false
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try { $doc.Save($writer) } finally { $writer.Dispose() }
}

# The Pester module to run tests/Pester with: an installed Pester 5, or the package PesterPackage.proj pins, from the
# NuGet feed (tests/Pester/PesterPackage.proj restores it into the NuGet global packages folder; its tools/
# folder is the module), so no PowerShell Gallery is needed.
function Get-PesterManifest {
    $installed = @(Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending)
    if ($installed.Count -gt 0) { return $installed[0].Path }
    $pesterVersion = ([xml] (Get-Content -LiteralPath $pesterProject -Raw)).Project.PropertyGroup.PesterVersion
    Invoke-Native dotnet @('restore', $pesterProject, '--verbosity', 'quiet')
    $globalPackages = @(& dotnet nuget locals global-packages --list) -join '' -replace '^\s*global-packages:\s*', ''
    $manifest = Join-Path $globalPackages.Trim() "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Restoring Pester $pesterVersion did not produce $manifest" }
    $manifest
}

# The PowerShell that runs this script, as a program to start anew (pwsh, or powershell.exe for 5.1).
function Get-ShellPath {
    $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
        Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
    if (-not $shell) { throw "No PowerShell program in $PSHOME to run the tests in a new process" }
    $shell
}

# Counts of one suite: Passed, Failed, Skipped.
function New-SuiteCount([string] $Name, [int] $Passed, [int] $Failed, [int] $Skipped) {
    [pscustomobject]@{ Suite = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped }
}

function Invoke-Xunit {
    $exitCode = Invoke-Program dotnet @('test', $solution, '-c', $Configuration, '--no-build',
        '--logger', 'trx', '--results-directory', (Join-Path $testResults 'xunit'))
    $passed = 0; $failed = 0; $skipped = 0
    $files = @(Get-ChildItem -LiteralPath (Join-Path $testResults 'xunit') -Filter '*.trx' -File -ErrorAction SilentlyContinue)
    foreach ($file in $files) {
        $counters = ([xml] (Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed
        # xunit counts a skipped test in total but not in executed.
        $skipped += [int] $counters.total - [int] $counters.executed
        $script:failedTests += @(Select-Xml -LiteralPath $file.FullName -XPath "//*[local-name()='UnitTestResult'][@outcome='Failed']" |
                ForEach-Object { "xunit: $($_.Node.testName)" })
    }
    # A run that crashed or wrote no result file counts as one failure, never as nothing.
    if ($files.Count -eq 0 -or ($exitCode -ne 0 -and $failed -eq 0)) { $failed++ }
    New-SuiteCount 'xunit' $passed $failed $skipped
}

# The module's .NET Framework build (what Windows PowerShell 5.1 loads): natively on Windows, under Mono elsewhere.
function Invoke-Net472Smoke {
    $exe = Join-Path $root "tests/WebexConnect.Net472Smoke/bin/$Configuration/net472/WebexConnect.Net472Smoke.exe"
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $mono = if ($onWindows) { $null } else { Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1 }
    if (-not $onWindows -and -not $mono) {
        Write-Warning 'net472 smoke run: no mono on PATH, so the Windows PowerShell build was not run (Debian: apt-get install mono-devel).'
        return $null
    }
    if (-not (Test-Path -LiteralPath $exe)) { return New-SuiteCount 'net472 smoke' 0 1 0 }
    $ErrorActionPreference = 'Continue'
    $lines = @(if ($onWindows) { & $exe $module 2>&1 } else { & $mono.Source $exe $module 2>&1 }) | ForEach-Object { "$_" }
    $exitCode = $LASTEXITCODE
    $lines | Out-Host
    $passed = @($lines -match '^PASS ').Count
    $failed = @($lines -match '^FAIL ').Count
    $script:failedTests += @($lines -match '^FAIL ' | ForEach-Object { "net472 smoke: $_" })
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }    # a crash, or a run that reported no check
    New-SuiteCount 'net472 smoke' $passed $failed 0
}

function Invoke-PesterSuite {
    # A new process of this edition: the tests import out/WebexConnect, and an assembly loaded into this session
    # would stay locked in it, so the next build here could not replace it.
    $pester = (Get-PesterManifest) -replace "'", "''"
    $pesterPath = (Join-Path $root 'tests/Pester') -replace "'", "''"
    $countFile = Join-Path $testResults 'pester.txt'
    $failedFile = Join-Path $testResults 'pester-failed.txt'
    if (Test-Path -LiteralPath $countFile) { Remove-Item -LiteralPath $countFile -Force }
    # The tests' own error handling must see PowerShell's default preferences, so no 'Stop' here. A file that cannot
    # load, or a failing BeforeAll, fails a container or block rather than a test: those count as failures too.
    $command = "Import-Module '$pester'; " +
        "`$config = New-PesterConfiguration; `$config.Run.Path = '$pesterPath'; `$config.Run.PassThru = `$true; " +
        "`$config.Output.Verbosity = 'Detailed'; `$run = Invoke-Pester -Configuration `$config; " +
        "if (`$run) { Set-Content -LiteralPath '$($countFile -replace "'", "''")' -Value ('{0} {1} {2}' -f `$run.PassedCount, " +
        "(`$run.FailedCount + `$run.FailedBlocksCount + `$run.FailedContainersCount), `$run.SkippedCount); " +
        "Set-Content -LiteralPath '$($failedFile -replace "'", "''")' -Value @(@(`$run.Failed) + `$run.FailedBlocks + " +
        "`$run.FailedContainers | ForEach-Object { `$name = if (`$_.ExpandedPath) { `$_.ExpandedPath } else { [string] `$_.Item }; " +
        "`$name + ': ' + (([string] (`$_.ErrorRecord | Select-Object -First 1)) -split '\r?\n' | Select-Object -First 1) }) }"
    # PowerShell's telemetry, sent from a pool thread at a time of its own, throws first-chance exceptions where
    # there is no network (a CI machine); the tests that count this process's exceptions would see them.
    $telemetry = $env:POWERSHELL_TELEMETRY_OPTOUT
    $env:POWERSHELL_TELEMETRY_OPTOUT = '1'
    try { $null = Invoke-Program (Get-ShellPath) @('-NoProfile', '-NonInteractive', '-Command', $command) }
    finally { $env:POWERSHELL_TELEMETRY_OPTOUT = $telemetry }
    if (Test-Path -LiteralPath $failedFile) { $script:failedTests += @(Get-Content -LiteralPath $failedFile | ForEach-Object { "Pester: $_" }) }
    if (-not (Test-Path -LiteralPath $countFile)) { return New-SuiteCount 'Pester' 0 1 0 }
    $counts = @((Get-Content -LiteralPath $countFile -Raw).Trim() -split ' ' | ForEach-Object { [int] $_ })
    New-SuiteCount 'Pester' $counts[0] $counts[1] $counts[2]
}

# Packs the built module folder into out/packages (a folder that PSResourceGet reads as a repository) and returns
# the .nupkg. Publish-PSResource is what a release to the PowerShell Gallery runs, so its manifest checks (author,
# description, version, a manifest it can read statically) fail here first. The repository it publishes to is
# registered under a name of its own only for the call, so the user's repositories are left as they were.
function New-ModulePackage {
    $resourceGet = @(Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet |
            Where-Object { $_.Version -ge [version]'1.0.0' } | Sort-Object Version -Descending)
    if ($resourceGet.Count -eq 0) {
        throw ('-Package needs Microsoft.PowerShell.PSResourceGet 1.0 or later (it ships with PowerShell 7.4+; on ' +
            'Windows PowerShell 5.1: Install-Module Microsoft.PowerShell.PSResourceGet).')
    }
    Import-Module -ModuleInfo $resourceGet[0]

    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $module 'WebexConnect.psd1')).ModuleVersion
    $packages = Join-Path $root 'out/packages'
    $null = New-Item -ItemType Directory -Path $packages -Force
    # A repository refuses a version it already holds; this build replaces it.
    $nupkg = Join-Path $packages "WebexConnect.$version.nupkg"
    if (Test-Path -LiteralPath $nupkg) { Remove-Item -LiteralPath $nupkg -Force }

    $repository = 'WebexConnectBuild-' + [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $module -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Publish-PSResource wrote no $nupkg" }
    Write-Host "Package: $nupkg"
    Get-Item -LiteralPath $nupkg
}

# Help first: a page PlatyPS cannot read stops the build before it compiles.
if (-not $NoHelp) {
    # The about topic needs no PlatyPS. ASCII text with LF line ends, the same from either edition.
    $aboutText = ConvertTo-AboutHelpText @(Get-Content -LiteralPath (Join-Path $root 'docs/about_WebexConnect.md'))
    $null = New-Item -ItemType Directory -Path (Split-Path -Parent $committedAbout) -Force
    [System.IO.File]::WriteAllText($committedAbout, (($aboutText -join "`n") + "`n"), (New-Object System.Text.UTF8Encoding $false))
    $maml = New-MamlHelp
    if ($maml) {
        Repair-MamlHelp -Path $maml.Path -CommandHelp $maml.CommandHelp
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $committedMaml) -Force
        Copy-Item -LiteralPath $maml.Path -Destination $committedMaml -Force
        Write-Host "Help: $($maml.CommandHelp.Count) pages -> docs/en-US/$(Split-Path -Leaf $committedMaml)"
    }
}

Invoke-Native dotnet @('build', $solution, '-c', $Configuration)

if ($Example) {
    $manifest = (Join-Path $module 'WebexConnect.psd1') -replace "'", "''"
    $script = (Join-Path $root 'docs/examples/Send-PersonalisedSms.ps1') -replace "'", "''"
    $exitCode = Invoke-Program (Get-ShellPath) @('-NoProfile', '-Command', "Import-Module '$manifest'; & '$script' -Sandbox")
    if ($exitCode -ne 0) { throw "The sandbox example failed with exit code $exitCode" }
}

if ($Package) { $null = New-ModulePackage }

if ($Test) {
    # Every suite runs even when one fails; the script then fails with what failed.
    if (Test-Path -LiteralPath $testResults) { Remove-Item -LiteralPath $testResults -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $testResults -Force
    $script:failedTests = @()
    # The tests connect to hundreds of loopback servers, each a tenant with a TPS ledger file of its own: on Linux and
    # macOS those go here (LocalApplicationData follows XDG_DATA_HOME), not into the developer's ~/.local/share.
    $dataHome = $env:XDG_DATA_HOME
    if ($PSVersionTable.PSEdition -eq 'Core' -and -not $IsWindows) { $env:XDG_DATA_HOME = Join-Path $testResults 'data' }
    try { $suites = @(Invoke-Xunit; Invoke-Net472Smoke; Invoke-PesterSuite) | Where-Object { $null -ne $_ } }
    finally { $env:XDG_DATA_HOME = $dataHome }
    $suites | Format-Table -AutoSize | Out-Host
    # Named again at the end, where a CI log that keeps only its tail still shows them.
    if ($script:failedTests.Count -gt 0) { Write-Host "Failed tests:"; $script:failedTests | ForEach-Object { Write-Host "  $_" } }
    $passed = ($suites | Measure-Object Passed -Sum).Sum
    $failed = ($suites | Measure-Object Failed -Sum).Sum
    $skipped = ($suites | Measure-Object Skipped -Sum).Sum
    Write-Host ("$passed passed, $failed failed" + $(if ($skipped -gt 0) { ", $skipped skipped" } else { '' }))
    if ($failed -gt 0) { throw "Tests failed: $((@($suites | Where-Object Failed -GT 0).Suite) -join ', ')" }
}
