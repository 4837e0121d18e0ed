<#
.SYNOPSIS
    Builds the WebexConnect module into out/WebexConnect, makes its help from docs/, and runs the tests.
.DESCRIPTION
    Runs in Windows PowerShell 5.1 and PowerShell 7. Needs the .NET SDK (8 or later) on PATH.
    Help: when Microsoft.PowerShell.PlatyPS (1.0 or later) is installed, the markdown in docs/ becomes
    en-US/WebexConnect.dll-Help.xml beside each edition's assembly, and about_WebexConnect.help.txt.
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

Invoke-Native dotnet @('build', (Join-Path $root 'WebexConnect.sln'), '-c', $Configuration)

if (-not $NoHelp) {
    $platyPS = Get-Module -ListAvailable -Name Microsoft.PowerShell.PlatyPS | Sort-Object Version -Descending | Select-Object -First 1
    if ($platyPS) {
        Import-Module $platyPS
        $staging = Join-Path $root 'out/help'
        if (Test-Path $staging) { Remove-Item $staging -Recurse -Force }
        $pages = Get-ChildItem (Join-Path $root 'docs') -Filter '*-*.md' -File
        $help = $pages | ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName }
        $null = $help | Export-MamlCommandHelp -OutputFolder $staging -Force
        # PlatyPS writes <staging>/WebexConnect/<name>.xml; PowerShell looks for the cmdlets' HelpFile beside the assembly.
        $maml = Get-ChildItem $staging -Recurse -Filter '*.xml' | Select-Object -First 1
        if (-not $maml) { throw "PlatyPS wrote no MAML under $staging" }
        foreach ($edition in 'net472', 'net8.0') {
            $target = Join-Path $module "$edition/en-US"
            $null = New-Item -ItemType Directory -Path $target -Force
            Copy-Item $maml.FullName (Join-Path $target 'WebexConnect.dll-Help.xml') -Force
        }
        $about = Join-Path $root 'docs/about_WebexConnect.md'
        if (Test-Path $about) {
            $aboutTarget = Join-Path $module 'en-US'
            $null = New-Item -ItemType Directory -Path $aboutTarget -Force
            # Get-Help about_WebexConnect reads a plain text file named like the topic.
            Copy-Item $about (Join-Path $aboutTarget 'about_WebexConnect.help.txt') -Force
        }
        Write-Host "Help: $($pages.Count) pages -> en-US/WebexConnect.dll-Help.xml"
    }
    else {
        Write-Warning 'Microsoft.PowerShell.PlatyPS is not installed: the module is built without MAML help. Install-Module Microsoft.PowerShell.PlatyPS, then build again.'
    }
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
