#Requires -Version 5.1
# Pester 5: the built module as PowerShell sees it. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ManifestPath = Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1'
    Import-Module $script:ManifestPath -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'The WebexConnect module' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop
        $manifest.Name | Should -Be 'WebexConnect'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly the documented cmdlets and nothing else' {
        $expected = @(
            'Connect-WebexConnect', 'Disconnect-WebexConnect', 'Get-ConnectContext', 'Get-ConnectSandboxRequest',
            'Measure-ConnectSms', 'New-ConnectJwt', 'New-ConnectRcsCard', 'New-ConnectRcsSuggestion',
            'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectSms'
        ) | Sort-Object
        $commands = Get-Command -Module WebexConnect
        @($commands | Where-Object CommandType -ne 'Cmdlet') | Should -BeNullOrEmpty
        ($commands.Name | Sort-Object) | Should -Be $expected
    }

    It 'loads the assembly of this edition' {
        $module = Get-Module WebexConnect
        $edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
        $module.ImplementingAssembly.Location | Should -BeLike "*$([IO.Path]::DirectorySeparatorChar)$edition$([IO.Path]::DirectorySeparatorChar)WebexConnect.dll"
    }

    It 'has a default view for <_>' -ForEach @(
        'WebexConnect.Results.SendResult', 'WebexConnect.Results.ConnectSession',
        'WebexConnect.Results.ConnectJwt', 'WebexConnect.Results.SandboxRequest'
    ) {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }

    It 'keeps the engine and its packages out of PowerShell''s own load context' -Skip:($PSEdition -ne 'Core') {
        # New-ConnectJwt loads the engine on demand, without Connect-WebexConnect.
        $secret = ConvertTo-SecureString 'c2VjcmV0LWJ5dGVzLTEyMw==' -AsPlainText -Force
        $null = New-ConnectJwt -ServiceId 'svc-load' -ServiceSecret $secret
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'WebexConnect.Engine' }
        @($engine).Count | Should -Be 1
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
        $context.Name | Should -Be 'WebexConnect.Engine'
        $context | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        $engine.Location | Should -BeLike "*$([IO.Path]::DirectorySeparatorChar)dependencies$([IO.Path]::DirectorySeparatorChar)WebexConnect.Engine.dll"
        $module = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Module WebexConnect).ImplementingAssembly)
        $module | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}
