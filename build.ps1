<#
.SYNOPSIS
    Builds the WebexConnect module into out/WebexConnect, makes its help from docs/, and runs the tests.
.DESCRIPTION
    Runs in Windows PowerShell 5.1 and PowerShell 7, from any folder. Needs the .NET SDK (8 or later) on PATH.
    Help: when Microsoft.PowerShell.PlatyPS (1.0 or later) is installed, the markdown in docs/ becomes
    en-US/WebexConnect.dll-Help.xml in the module folder. docs/about_WebexConnect.md becomes
    en-US/about_WebexConnect.help.txt with or without PlatyPS.
    Ends with an error (exit code 1 under -File) when the build or any test fails.
.EXAMPLE
    ./build.ps1
    Builds Release into out/WebexConnect with help.
.EXAMPLE
    ./build.ps1 -Package
    Builds, then packs out/WebexConnect into out/packages/WebexConnect.<version>.nupkg with Publish-PSResource.
    Install it with: Register-PSResourceRepository -Name WebexConnectLocal -Uri ./out/packages -Trusted;
    Install-PSResource WebexConnect -Repository WebexConnectLocal
.EXAMPLE
    ./build.ps1 -Test
    Builds, then runs the xunit suite and, in a new process of this PowerShell edition, the Pester suite.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run xunit (dotnet test) and Pester 5 (tests/Pester) after the build.
    [switch] $Test,

    # Leave the help in out/WebexConnect/en-US as it is, even when PlatyPS is installed.
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
# For a module's cmdlet, both editions look for its help file (its HelpFile, <assembly>-Help.xml) in <culture>/
# under the module's ModuleBase, which is the manifest's folder, not the assembly's (PowerShell 7 also in the
# user's help folder). One copy there serves net472 and net8.0.
$helpFolder = Join-Path $module 'en-US'
$mamlName = 'WebexConnect.dll-Help.xml'

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

# Turns docs/<Verb-Noun>.md into one MAML file under out/help and returns its path, or $null without PlatyPS.
function New-MamlHelp {
    $platyPS = @(Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS |
            Where-Object { $_.Version -ge [version]'1.0.0' } | Sort-Object Version -Descending)
    if ($platyPS.Count -eq 0) {
        Write-Warning ('Microsoft.PowerShell.PlatyPS 1.0 or later is not installed: the module is built without MAML help ' +
            '(Get-Help shows only syntax). Install-Module Microsoft.PowerShell.PlatyPS, then build again.')
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
    Write-Host "Help: $($pages.Count) pages -> en-US/$mamlName"
    return $written[0].FullName
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
$maml = $null
if (-not $NoHelp) { $maml = New-MamlHelp }

Invoke-Native dotnet @('build', $solution, '-c', $Configuration)

if (-not $NoHelp) {
    $null = New-Item -ItemType Directory -Path $helpFolder -Force
    $target = Join-Path $helpFolder $mamlName
    if ($maml) { Copy-Item -LiteralPath $maml -Destination $target -Force }
    elseif (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Force }    # never ship help older than docs/
    # Earlier builds put the help beside each edition's assembly, where neither edition reads it.
    foreach ($edition in 'net472', 'net8.0') {
        $old = Join-Path $module "$edition/en-US/$mamlName"
        if (Test-Path -LiteralPath $old) { Remove-Item -LiteralPath $old -Force }
    }
    # Get-Help about_WebexConnect shows this file as written and lists its fifth line as the synopsis.
    Copy-Item -LiteralPath (Join-Path $root 'docs/about_WebexConnect.md') -Destination (Join-Path $helpFolder 'about_WebexConnect.help.txt') -Force
}

if ($Package) { $null = New-ModulePackage }

if ($Test) {
    # Both suites run even when the first fails; the script then fails with what failed.
    $failed = New-Object System.Collections.Generic.List[string]
    $exitCode = Invoke-Program dotnet @('test', $solution, '-c', $Configuration, '--no-build')
    if ($exitCode -ne 0) { $failed.Add("xunit (dotnet test exit code $exitCode)") }

    if (@(Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0.0' }).Count -eq 0) {
        $failed.Add('Pester: version 5 is not installed (Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser)')
    }
    else {
        # A new process of this edition: the tests import out/WebexConnect, and an assembly loaded into this session
        # would stay locked in it, so the next build here could not replace it.
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $pesterPath = (Join-Path $root 'tests/Pester') -replace "'", "''"
        # The tests' own error handling must see PowerShell's default preferences, so no 'Stop' here: a failure
        # to load Pester leaves $run empty, which fails the run as well.
        $command = "Import-Module Pester -MinimumVersion 5.0.0; " +
            "`$config = New-PesterConfiguration; `$config.Run.Path = '$pesterPath'; `$config.Run.PassThru = `$true; " +
            "`$config.Output.Verbosity = 'Detailed'; `$run = Invoke-Pester -Configuration `$config; " +
            "if (`$null -eq `$run -or `$run.Result -ne 'Passed') { exit 1 }; exit 0"
        $exitCode = Invoke-Program $shell @('-NoProfile', '-NonInteractive', '-Command', $command)
        if ($exitCode -ne 0) { $failed.Add("Pester (exit code $exitCode)") }
    }

    if ($failed.Count -gt 0) { throw "Tests failed: $($failed -join '; ')" }
}
