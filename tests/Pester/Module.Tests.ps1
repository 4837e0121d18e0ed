#Requires -Version 5.1
# Pester 5: the built module as PowerShell sees it. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    $script:ManifestPath = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $script:ManifestPath -Force -ErrorAction Stop

    # Paths compared with forward slashes, so one pattern fits Windows and Unix.
    function script:ConvertTo-SlashPath([string] $Path) { $Path -replace '\\', '/' }

    # The assembly PowerShell took the cmdlets from. Not (Get-Module).ImplementingAssembly: PowerShell documents it
    # as unset for a manifest module, and this module is loaded through its manifest; a cmdlet's ImplementingType
    # is set however the module was loaded.
    function script:Get-ModuleAssembly { (Get-Command Connect-WebexConnect -Module WebexConnect).ImplementingType.Assembly }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'The WebexConnect module' {
    It 'has a valid manifest for both editions' {
        # Test-ModuleManifest evaluates the edition-dependent RootModule ($PSEdition is allowed in manifests).
        $manifest = Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop

        $manifest.Name | Should -Be 'WebexConnect'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
        ConvertTo-SlashPath $manifest.RootModule | Should -BeLike "*$edition/WebexConnect.dll"
    }

    It 'exports exactly the documented cmdlets and nothing else' {
        $expected = @(
            'Connect-WebexConnect', 'ConvertFrom-ConnectWebhook', 'Disconnect-WebexConnect', 'Get-ConnectContext', 'Get-ConnectMessage', 'Get-ConnectSandboxRequest',
            'Measure-ConnectSms', 'New-ConnectJwt', 'New-ConnectRcsCard', 'New-ConnectRcsSuggestion',
            'Send-ConnectEmail', 'Send-ConnectRcs', 'Send-ConnectSms', 'Start-ConnectReceiptListener',
            'Stop-ConnectReceiptListener', 'Test-WebexConnect', 'Wait-ConnectDelivery'
        ) | Sort-Object

        $commands = @(Get-Command -Module WebexConnect)

        @($commands | Where-Object CommandType -ne 'Cmdlet') | Should -BeNullOrEmpty
        ($commands.Name | Sort-Object) | Should -Be $expected
    }

    It 'exports every cmdlet class the assembly defines (CmdletsToExport has not drifted)' {
        $assembly = Get-ModuleAssembly
        $defined = $assembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } |
            Sort-Object

        $exported = (Get-Module WebexConnect).ExportedCmdlets.Keys | Sort-Object

        @($defined).Count | Should -Be 17
        $exported | Should -Be $defined
    }

    It 'loads the assembly of this edition' {
        $edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }

        ConvertTo-SlashPath (Get-ModuleAssembly).Location | Should -BeLike "*/$edition/WebexConnect.dll"
    }

    It 'has a default view for <_>' -ForEach @(
        'WebexConnect.Results.SendResult', 'WebexConnect.Results.ConnectSession',
        'WebexConnect.Results.ConnectJwt', 'WebexConnect.Results.SandboxRequest',
        'WebexConnect.Receipts.DeliveryReceipt', 'WebexConnect.Results.SentMessage', 'WebexConnect.Results.ConnectionTest',
        'WebexConnect.Receipts.DeliveryResult', 'WebexConnect.Receipts.ConnectReceiptListener'
    ) {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }

    It 'loads the engine once, from dependencies/ beside the assembly of this edition' {
        # New-ConnectJwt loads the engine on demand, without Connect-WebexConnect.
        $secret = ConvertTo-SecureString 'c2VjcmV0LWJ5dGVzLTEyMw==' -AsPlainText -Force
        $null = New-ConnectJwt -ServiceId 'svc-load' -ServiceSecret $secret
        $edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }

        $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'WebexConnect.Engine' })
        $engine.Count | Should -Be 1
        ConvertTo-SlashPath $engine[0].Location | Should -BeLike "*/$edition/dependencies/WebexConnect.Engine.dll"
    }

    It 'keeps the engine and its packages out of PowerShell''s own load context' {
        if ($PSEdition -ne 'Core') {
            Set-ItResult -Skipped -Because 'Windows PowerShell (.NET Framework) has no AssemblyLoadContext; there an AssemblyResolve handler limited to dependencies/ isolates the engine'
            return
        }
        $secret = ConvertTo-SecureString 'c2VjcmV0LWJ5dGVzLTEyMw==' -AsPlainText -Force
        $null = New-ConnectJwt -ServiceId 'svc-load' -ServiceSecret $secret

        $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'WebexConnect.Engine' })
        $engine.Count | Should -Be 1
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine[0])
        $context.Name | Should -Be 'WebexConnect.Engine'
        $context | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        $moduleContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-ModuleAssembly))
        $moduleContext | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}
