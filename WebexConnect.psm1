# The module's root: loads the cmdlets of this edition's assembly. A static manifest (RootModule = this file) is
# what Import-PowerShellDataFile, Test-ModuleManifest and the PowerShell Gallery can read; the choice of assembly
# that the manifest cannot express statically happens here. Runs in Windows PowerShell 5.1 and PowerShell 7.4+.

# PowerShell 6 and 7.0-7.3 run on .NET Core 2.x-3.1, .NET 5, 6 or 7 and cannot load the net8.0 assembly: say so
# instead of the loader's "Could not load file or assembly 'System.Runtime, Version=8.0.0.0'". A script block of its
# own, so a test can ask it about versions it does not run on ($PSVersionTable is a constant).
$unsupported = {
    param([string] $Edition, $Version)
    if ($Edition -eq 'Core' -and ($Version.Major -lt 7 -or ($Version.Major -eq 7 -and $Version.Minor -lt 4))) {
        "WebexConnect needs PowerShell 7.4 or later (this is PowerShell $Version), or Windows PowerShell 5.1: its " +
        'PowerShell 7 build runs on .NET 8, which PowerShell 7.4 was the first to use. Install PowerShell 7.4 or ' +
        'later from https://aka.ms/powershell, or use Windows PowerShell 5.1.'
    }
}
$reason = & $unsupported $PSEdition $PSVersionTable.PSVersion
if ($reason) { throw $reason }

$edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$assembly = Join-Path (Join-Path $PSScriptRoot $edition) 'WebexConnect.dll'
if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
    throw "WebexConnect: $assembly is missing. Build the module (dotnet build -c Release) and import out/WebexConnect/WebexConnect.psd1."
}
# A module's assembly stays in the process until PowerShell exits, Remove-Module or not, and PowerShell 7 cannot load
# a second version of it beside the first: importing another installed version after one was used (-RequiredVersion,
# -Force after Update-PSResource, two copies on PSModulePath) ended in "Could not load file or assembly 'WebexConnect,
# Version=...'. Assembly with same name is already loaded". Say which version holds the process and what to do. The
# same version from another folder is the assembly already loaded, which PowerShell reuses: that one goes on.
# Read through properties only, never a method of a .NET type: in Constrained Language Mode (an AppLocker or WDAC
# policy that does not trust this folder) a method call failed with "Method invocation is supported only on core
# types", and the import printed red errors and skipped this check. The file version is the assembly's version
# (both come from Version in Directory.Build.props); a loaded assembly's version is read from its FullName.
$wanted = [version] (Get-Item -LiteralPath $assembly).VersionInfo.FileVersion
# Windows PowerShell has no load contexts, only a method to list its assemblies: constrained there, the check is left
# to the loader.
$inProcess = if ($PSEdition -eq 'Core') { [System.Runtime.Loader.AssemblyLoadContext]::All.Assemblies }
    elseif ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') { [AppDomain]::CurrentDomain.GetAssemblies() }
$loaded = @($inProcess | Where-Object { $_.FullName -match '^WebexConnect, Version=([0-9.]+),' -and [version] $Matches[1] -ne $wanted })
if ($loaded.Count -gt 0) {
    $held = $loaded[0]
    $null = $held.FullName -match '^WebexConnect, Version=([0-9.]+),'
    $heldVersion = ([version] $Matches[1]).ToString(3)
    $from = if ($held.IsDynamic -or -not $held.Location) { '' } else { " ($($held.Location))" }
    throw "WebexConnect $heldVersion is already loaded in this PowerShell process$from, and a " +
        "module's assembly stays loaded until PowerShell exits, even after Remove-Module: version $($wanted.ToString(3)) " +
        "($assembly) cannot load beside it. Start a new PowerShell and import the version you want there " +
        "(Import-Module WebexConnect -RequiredVersion $($wanted.ToString(3)))."
}
# The cmdlets become this module's own (the manifest's CmdletsToExport lists them); help and format data are
# found beside the manifest. Silent: Import-Module WebexConnect -Verbose (or a scheduled script's -Verbose, which
# reaches the import) says which cmdlets it imports itself, and this inner import listed each of them once more.
Import-Module -Name $assembly -ErrorAction Stop -Verbose:$false

# Export-Clixml keeps an enumeration (a result's Status, Channel) as its number with its name as text, and
# Import-Clixml gave back the number: the table showed Queued, but Where-Object Status -eq Queued found nothing.
# Naming each enumeration as the type its deserialized copies become makes Import-Clixml give the value back.
# Silent and never a -WhatIf preview: an import under $WhatIfPreference or -Verbose has nothing to show of it.
# ExportedTypes, a property, rather than GetExportedTypes(): Constrained Language Mode allows no method call here.
foreach ($enum in ([WebexConnect.Results.SendStatus].Assembly.ExportedTypes | Where-Object IsEnum)) {
    Update-TypeData -TypeName "Deserialized.$($enum.FullName)" -TargetTypeForDeserialization $enum -Force -WhatIf:$false -Confirm:$false -Verbose:$false
}

# Removing the module closes the session: the assembly's IModuleAssemblyCleanup (which PowerShell runs first,
# without a stream to write to) releases its connection and secrets; this says so in the verbose stream. Constrained
# Language Mode cannot set a module's property: there the session still closes, without the verbose line.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { return }
$ExecutionContext.SessionState.Module.OnRemove = {
    $closed = [WebexConnect.Sending.ModuleCleanup]::LastClosedSession
    if ($closed) { Write-Verbose "WebexConnect: Remove-Module closed the session ($closed); its connection and secrets are released." }
}
