<#
.SYNOPSIS
    Builds the WebexConnect module into out/WebexConnect, makes its help from docs/, and runs the tests.
.DESCRIPTION
    Runs in Windows PowerShell 5.1 and PowerShell 7. Needs the .NET SDK (8 or later) on PATH.
    Help: when Microsoft.PowerShell.PlatyPS (1.0 or later) is installed, the markdown in docs/ becomes
    en-US/WebexConnect.dll-Help.xml beside each edition's assembly. docs/about_WebexConnect.md becomes
    en-US/about_WebexConnect.help.txt in the module folder with or without PlatyPS.
.EXAMPLE
    ./build.ps1
    Builds Release into out/WebexConnect with help.
.EXAMPLE
    ./build.ps1 -Test
    Builds, then runs the xunit suite and the Pester suite in this PowerShell.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run xunit (dotnet test) and Pester (tests/Pester) after the build.
    [switch] $Test,

    # Skip the MAML help even when PlatyPS is installed.
    [switch] $NoHelp
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$module = Join-Path $root 'out/WebexConnect'

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Help first: the build's module layout copies out/help/en-US/*.xml beside each edition's assembly, so a
# later plain `dotnet build` keeps the help too. PlatyPS reads only the markdown, not the built module.
$helpStage = Join-Path $root 'out/help'
$maml = Join-Path $helpStage 'en-US/WebexConnect.dll-Help.xml'
if (-not $NoHelp) {
    $platyPS = Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS |
        Where-Object { $_.Version -ge [version]'1.0.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if ($platyPS) {
        Import-Module $platyPS
        $export = Join-Path $helpStage 'platyps'
        if (Test-Path $export) { Remove-Item $export -Recurse -Force }
        $pages = Get-ChildItem (Join-Path $root 'docs') -Filter '*-*.md' -File
        $help = $pages | ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName }
        $null = $help | Export-MamlCommandHelp -OutputFolder $export -Force
        # PlatyPS 1.0 writes <folder>/<module name>/<module name>-Help.xml; PowerShell looks for the cmdlets'
        # HelpFile (WebexConnect.dll-Help.xml) in en-US beside the assembly.
        $written = @(Get-ChildItem (Join-Path $export 'WebexConnect') -Filter '*.xml' -File -ErrorAction SilentlyContinue)
        if ($written.Count -ne 1) { throw "Expected one MAML file under $export/WebexConnect, found $($written.Count)" }
        $null = New-Item -ItemType Directory -Path (Split-Path $maml) -Force
        Copy-Item $written[0].FullName $maml -Force
        Write-Host "Help: $($pages.Count) pages -> en-US/WebexConnect.dll-Help.xml"
    }
    else {
        if (Test-Path $maml) { Remove-Item $maml -Force }    # never ship help older than docs/
        Write-Warning 'Microsoft.PowerShell.PlatyPS 1.0 or later is not installed: the module is built without MAML help (Get-Help shows only syntax). Install-Module Microsoft.PowerShell.PlatyPS, then build again.'
    }
}

Invoke-Native dotnet @('build', (Join-Path $root 'WebexConnect.sln'), '-c', $Configuration)

if (-not $NoHelp) {
    foreach ($edition in 'net472', 'net8.0') {
        $target = Join-Path $module "$edition/en-US/WebexConnect.dll-Help.xml"
        if (Test-Path $maml) {
            $null = New-Item -ItemType Directory -Path (Split-Path $target) -Force
            Copy-Item $maml $target -Force
        }
        elseif (Test-Path $target) { Remove-Item $target -Force }
    }
    # Get-Help about_WebexConnect reads a plain text file named after the topic in the module's en-US folder.
    $aboutTarget = Join-Path $module 'en-US'
    $null = New-Item -ItemType Directory -Path $aboutTarget -Force
    Copy-Item (Join-Path $root 'docs/about_WebexConnect.md') (Join-Path $aboutTarget 'about_WebexConnect.help.txt') -Force
}

if ($Test) {
    Invoke-Native dotnet @('test', (Join-Path $root 'WebexConnect.sln'), '-c', $Configuration, '--no-build')
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) { throw 'Pester 5 is needed for tests/Pester: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser' }
    Import-Module $pester
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed" }
}
