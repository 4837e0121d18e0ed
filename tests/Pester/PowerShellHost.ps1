# Dot-sourced by the Pester files that start a new PowerShell (not a test file: Pester runs only *.Tests.ps1).

# The command line of a new PowerShell of this host's kind: pwsh, Windows PowerShell, or, when this one runs as
# "dotnet pwsh.dll" (the pinned .NET tool), dotnet with pwsh.dll as its first argument.
function Get-PowerShellHostCommand {
    $path = (Get-Process -Id $PID).Path
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($path) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    [pscustomobject]@{ Path = $path; Prefix = $prefix }
}
