#Requires -Version 5.1
# Pester 5: the module as a package. build.ps1 -Package packs out/WebexConnect with Publish-PSResource into a
# local folder repository; here the same function packs the built folder into a temporary repository, and a
# fresh PowerShell installs it from there with Install-PSResource into a temporary path, imports it by name and
# sends through the sandbox. Build first: dotnet build -c Release (or ./build.ps1).

BeforeDiscovery {
    $script:HasResourceGet = $null -ne (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet |
            Where-Object { $_.Version -ge [version]'1.0.0' })
}

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:BuildScript = Join-Path $script:RepoRoot 'build.ps1'

    # build.ps1's New-ModulePackage, defined here as build.ps1 defines it, so it packs the module folder this run
    # built without building again. It reads $root (where out/packages goes) and $module (the folder to pack).
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($script:BuildScript, [ref]$null, [ref]$null)
    $definition = $ast.Find({ param($node)
            $node -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $node.Name -eq 'New-ModulePackage' }, $true)
    $script:PackFunction = $definition.Extent.Text

    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
    # A new PowerShell of this host's kind.
    function script:Invoke-FreshPowerShell([string] $Command, [hashtable] $Environment = @{}) {
        $powershell = Get-PowerShellHostCommand
        $process = $powershell.Path
        $arguments = @($powershell.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
        $saved = @{}
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }
        try {
            $output = & $process @arguments 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

Describe 'build.ps1 -Package' {
    It 'is a switch of build.ps1 that runs New-ModulePackage' {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($script:BuildScript, [ref]$null, [ref]$null)
        $ast.ParamBlock.Parameters.Name.VariablePath.UserPath | Should -Contain 'Package'
        $calls = $ast.FindAll({ param($node)
                $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -eq 'New-ModulePackage' }, $true)
        @($calls).Count | Should -Be 1
        $script:PackFunction | Should -Match 'Publish-PSResource -Path \$module -Repository \$repository'
    }
}

Describe 'The README''s Install section' {
    BeforeAll {
        $script:Readme = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'README.md') -Raw
        $script:Install = [regex]::Match($script:Readme, '(?ms)^## Install\s*$(.*?)^## ').Groups[1].Value
    }

    It 'shows the Gallery route and the local-package route that works today' {
        $script:Install | Should -Match '(?m)^Install-PSResource WebexConnect\s*$'
        $script:Install | Should -Match '(?m)^\./build\.ps1 -Package\s*$'
        $script:Install | Should -Match 'Register-PSResourceRepository -Name WebexConnectLocal -Uri \(Resolve-Path \./out/packages\)\.Path -Trusted'
        $script:Install | Should -Match '(?m)^Install-PSResource WebexConnect -Repository WebexConnectLocal\s*$'
    }

    It 'is not part of the first screen' {
        $script:Readme.IndexOf('## Install') | Should -BeGreaterThan $script:Readme.IndexOf('## Quick start')
    }
}

Describe 'The package' -Skip:(-not $script:HasResourceGet) {
    BeforeAll {
        $root = Join-Path $TestDrive 'build'
        $module = Join-Path $script:RepoRoot 'out/WebexConnect'
        . ([scriptblock]::Create($script:PackFunction))
        $script:Nupkg = New-ModulePackage 6>$null
        $script:Version = (Import-PowerShellDataFile -LiteralPath (Join-Path $module 'WebexConnect.psd1')).ModuleVersion
    }

    It 'is WebexConnect.<version>.nupkg in a local folder repository' {
        $script:Nupkg.Name | Should -Be "WebexConnect.$($script:Version).nupkg"
        $script:Nupkg.DirectoryName | Should -Be (Join-Path (Join-Path $TestDrive 'build') 'out/packages' | ForEach-Object { [IO.Path]::GetFullPath($_) })
    }

    It 'holds the manifest, the loader, both editions'' assemblies, the format file and the LICENSE' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Nupkg.FullName)
        try {
            $entries = @($zip.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
            $nuspec = $zip.Entries | Where-Object FullName -eq 'WebexConnect.nuspec'
            $reader = New-Object System.IO.StreamReader($nuspec.Open())
            try { [xml]$spec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally {
            $zip.Dispose()
        }

        foreach ($file in 'WebexConnect.psd1', 'WebexConnect.psm1', 'WebexConnect.format.ps1xml', 'LICENSE',
            'net472/WebexConnect.dll', 'net472/dependencies/WebexConnect.Engine.dll',
            'net8.0/WebexConnect.dll', 'net8.0/dependencies/WebexConnect.Engine.dll') {
            $entries | Should -Contain $file
        }
        $spec.package.metadata.id | Should -Be 'WebexConnect'
        $spec.package.metadata.version | Should -Be $script:Version
        $spec.package.metadata.releaseNotes | Should -Match '^First release\.'
        $spec.package.metadata.licenseUrl | Should -Match 'LICENSE$'
    }

    It 'installs with Install-PSResource into a temporary path, imports in a fresh PowerShell and sends through the sandbox' {
        if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            # Install-PSResource installs to the user's Documents folder on Windows, which no environment variable moves.
            Set-ItResult -Skipped -Because 'on Windows the CurrentUser scope cannot be pointed at a temporary folder'
            return
        }
        # A home folder in TestDrive holds PSResourceGet's repository list and the CurrentUser module folder
        # (~/.local/share/powershell/Modules, where Install-PSResource puts it and PowerShell looks): the machine's
        # own repositories and modules are left as they are.
        $data = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory -Path $data -Force
        $repository = $script:Nupkg.DirectoryName -replace "'", "''"
        $command = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name WebexConnectLocal -Uri '$repository' -Trusted
Install-PSResource -Name WebexConnect -Repository WebexConnectLocal -Scope CurrentUser -TrustRepository -Quiet
`$module = Import-Module WebexConnect -PassThru
`$null = Connect-WebexConnect -Sandbox
`$result = Send-ConnectSms -To '+447700900001' -From ACME -Text 'Installed from a package'
'MODULEBASE=' + `$module.ModuleBase
'VERSION=' + `$module.Version
'STATUS=' + `$result.Status
'SENT=' + (Get-ConnectSandboxRequest).Count
"@
        $run = Invoke-FreshPowerShell $command @{ HOME = $data; XDG_DATA_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $values = @{}
        foreach ($line in $run.Output) { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values.MODULEBASE | Should -BeLike ([IO.Path]::GetFullPath($data) + '*')
        $values.MODULEBASE | Should -BeLike '*WebexConnect*'
        $values.VERSION | Should -Be $script:Version
        $values.STATUS | Should -Be 'Queued'
        $values.SENT | Should -Be '1'
    }
}
