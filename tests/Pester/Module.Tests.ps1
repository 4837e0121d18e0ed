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
        $manifest = Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop

        $manifest.Name | Should -Be 'WebexConnect'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        # Static: WebexConnect.psm1 picks the edition's assembly.
        ConvertTo-SlashPath $manifest.RootModule | Should -BeLike '*WebexConnect.psm1'
    }

    It 'has a static manifest that Import-PowerShellDataFile and Test-ModuleManifest read: <Name>' -ForEach @(
        @{ Name = 'the repository root''s'; Path = (Join-Path $PSScriptRoot '../../WebexConnect.psd1') }
        @{ Name = 'the built one'; Path = (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') }
    ) {
        $data = Import-PowerShellDataFile -LiteralPath $Path -ErrorAction Stop
        $data.RootModule | Should -Be 'WebexConnect.psm1'
        $data.FormatsToProcess | Should -Be @('WebexConnect.format.ps1xml')
        $data.PrivateData.PSData.LicenseUri | Should -Match '^https://.*LICENSE$'
        $data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        # Release notes are notes, not a link to somewhere else.
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -Match '^\s*https?://'
        @($data.PrivateData.PSData.ReleaseNotes -split '\n').Count | Should -BeGreaterThan 3
        $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'

        $tested = Test-ModuleManifest -Path $Path -ErrorAction Stop
        $tested.ExportedCmdlets.Count | Should -Be 18
    }

    It 'ships the MIT LICENSE its manifest points to, in the repository and in the module folder' {
        foreach ($path in (Join-Path $PSScriptRoot '../../LICENSE'), (Join-Path $PSScriptRoot '../../out/WebexConnect/LICENSE')) {
            $text = Get-Content -LiteralPath $path -Raw
            $text | Should -Match '^MIT License'
            $text | Should -Match 'Permission is hereby granted, free of charge'
        }
    }

    It 'ships the files the help''s examples read, so an installed module''s examples run after the about topic''s copy line' {
        # Before, the examples' ./docs/examples files were in the repository only: an admin with the module installed
        # got Import-Csv's "Could not find file", then the "No rows were piped" warning.
        $repoFiles = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/examples') -File | ForEach-Object Name | Sort-Object)
        $moduleBase = Split-Path (Get-Module WebexConnect).Path
        @(Get-ChildItem (Join-Path $moduleBase 'docs/examples') -File -ErrorAction SilentlyContinue | ForEach-Object Name | Sort-Object) |
            Should -Be $repoFiles

        $about = Get-Content (Join-Path $moduleBase 'en-US/about_WebexConnect.help.txt')
        # The sample: the line that finds the module's folder and the line that copies it.
        $at = [array]::FindIndex([string[]] $about, [Predicate[string]] { param($line) $line -match 'ModuleBase docs$' })
        $at | Should -BeGreaterThan 0
        $copyLines = $about[$at..($at + 1)] | ForEach-Object Trim
        $copyLines[1] | Should -Match '^Copy-Item '
        $folder = Join-Path $TestDrive 'admin'
        New-Item -ItemType Directory $folder | Out-Null
        Push-Location $folder
        try {
            Invoke-Expression ($copyLines -join "`n")
            Connect-WebexConnect -Sandbox
            $results = @(Import-Csv ./docs/examples/sms-recipients.csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)')
        } finally {
            Pop-Location
            Disconnect-WebexConnect -ErrorAction SilentlyContinue
        }
        $results.Count | Should -Be @(Import-Csv (Join-Path $moduleBase 'docs/examples/sms-recipients.csv')).Count
        $results.Status | Sort-Object -Unique | Should -Be 'Queued'
    }

    It 'refuses PowerShell <Version> with a clear message, and loads on <Loads>' -ForEach @(
        @{ Edition = 'Core'; Version = [version]'7.3.9'; Loads = 'no' }
        @{ Edition = 'Core'; Version = [version]'7.0.0'; Loads = 'no' }
        @{ Edition = 'Core'; Version = [version]'6.2.7'; Loads = 'no' }
        @{ Edition = 'Core'; Version = [version]'7.4.0'; Loads = 'yes' }
        @{ Edition = 'Core'; Version = [version]'7.6.10'; Loads = 'yes' }
        @{ Edition = 'Desktop'; Version = [version]'5.1.19041.1'; Loads = 'yes' }
    ) {
        # The loader's own check, asked about versions this host is not ($PSVersionTable cannot be faked).
        $loader = [System.Management.Automation.Language.Parser]::ParseFile(
            (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psm1'), [ref]$null, [ref]$null)
        $assignment = $loader.Find({ param($node)
                $node -is [System.Management.Automation.Language.AssignmentStatementAst] -and
                $node.Left.VariablePath.UserPath -eq 'unsupported' }, $true)
        $check = $assignment.Right.Expression.ScriptBlock.GetScriptBlock()

        $reason = & $check $Edition $Version
        if ($Loads -eq 'yes') { $reason | Should -BeNullOrEmpty }
        else { $reason | Should -BeLike "WebexConnect needs PowerShell 7.4 or later (this is PowerShell $Version), or Windows PowerShell 5.1*" }
    }

    It 'checks this host with the same check, before it loads any assembly' {
        $text = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psm1') -Raw
        $text.IndexOf('$reason = & $unsupported $PSEdition $PSVersionTable.PSVersion') | Should -BeGreaterThan 0
        $text.IndexOf('if ($reason) { throw $reason }') | Should -BeLessThan $text.IndexOf('Import-Module -Name $assembly')
    }

    It 'exports exactly the documented cmdlets and nothing else' {
        $expected = @(
            'Connect-WebexConnect', 'ConvertFrom-ConnectWebhook', 'Disconnect-WebexConnect', 'Get-ConnectContext', 'Get-ConnectMessage', 'Get-ConnectSandboxRequest',
            'Measure-ConnectSms', 'New-ConnectJwt', 'New-ConnectRcsCard', 'New-ConnectRcsSuggestion',
            'Send-ConnectEmail', 'Send-ConnectMessage', 'Send-ConnectRcs', 'Send-ConnectSms', 'Start-ConnectReceiptListener',
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

        @($defined).Count | Should -Be 18
        $exported | Should -Be $defined
    }

    It 'loads the assembly of this edition' {
        $edition = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }

        ConvertTo-SlashPath (Get-ModuleAssembly).Location | Should -BeLike "*/$edition/WebexConnect.dll"
    }

    It 'refuses, in words, to load beside another version of its assembly already in the process, and leaves no half-loaded module (<Mode>)' -ForEach @(
        @{ Mode = 'FullLanguage' }
        # An AppLocker or WDAC policy that does not trust the module's folder: the check once called .NET methods,
        # which that mode refuses, so it printed errors and let the loader's own message through.
        @{ Mode = 'ConstrainedLanguage' }
    ) {
        if ($PSEdition -ne 'Core') {
            Set-ItResult -Skipped -Because 'the stand-in assembly is compiled with the Roslyn that PowerShell 7 ships'
            return
        }
        # Another version's WebexConnect.dll, as the one an earlier Import-Module -RequiredVersion left in the process.
        $other = Join-Path $TestDrive 'other version/WebexConnect.dll'
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $other) -Force
        Add-Type -AssemblyName Microsoft.CodeAnalysis.CSharp
        $tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText('[assembly: System.Reflection.AssemblyVersion("9.8.7.0")]')
        $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('WebexConnect',
            [Microsoft.CodeAnalysis.SyntaxTree[]]@($tree),
            [Microsoft.CodeAnalysis.MetadataReference[]]@([Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile([object].Assembly.Location)),
            [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary))
        ([Microsoft.CodeAnalysis.FileSystemExtensions]::Emit($compilation, $other)).Success | Should -BeTrue

        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand
        $command = "Add-Type -LiteralPath '$($other -replace "'", "''")'; `$ExecutionContext.SessionState.LanguageMode = '$Mode'; " +
            "try { Import-Module '$($script:ManifestPath -replace "'", "''")' -ErrorAction Stop } catch { 'Error: ' + `$_ }; " +
            "'Modules: ' + @(Get-Module WebexConnect).Count"
        $output = @(& $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -Command $command 2>&1 | ForEach-Object { "$_" })

        # Not the loader's "Could not load file or assembly ... Assembly with same name is already loaded".
        $output | Should -Not -Match 'Could not load file or assembly'
        $text = $output -join "`n"
        $text | Should -BeLike "*Error: WebexConnect 9.8.7 is already loaded in this PowerShell process ($other)*"
        $text | Should -BeLike '*stays loaded until PowerShell exits, even after Remove-Module*Start a new PowerShell*'
        $output | Should -Contain 'Modules: 0'
    }

    It 'imports and sends under Constrained Language Mode without an error, and Import-Clixml still gives a Status back' {
        # The module's script called .NET methods and set OnRemove: under an AppLocker or WDAC policy that does not
        # trust its folder the import printed four "supported only on core types" errors, and Import-Clixml of the
        # results gave Status back as a number.
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $powershell = Get-PowerShellHostCommand
        $clixml = Join-Path $TestDrive 'clm results.xml'
        $command = "`$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'; " +
            "Import-Module '$($script:ManifestPath -replace "'", "''")' -ErrorAction Stop; 'Imported'; " +
            "Connect-WebexConnect -Sandbox; " +
            "Send-ConnectSms -To +14155550100 -From 12345 -Text Hello | Export-Clixml -LiteralPath '$($clixml -replace "'", "''")'; " +
            "'Queued back: ' + @(Import-Clixml -LiteralPath '$($clixml -replace "'", "''")' | Where-Object Status -eq Queued).Count; " +
            "'Mode: ' + `$ExecutionContext.SessionState.LanguageMode"
        $output = @(& $powershell.Path @($powershell.Prefix) -NoProfile -NonInteractive -Command $command 2>&1 | ForEach-Object { "$_" })

        $output | Should -Be @('Imported', 'Queued back: 1', 'Mode: ConstrainedLanguage')
    }

    It 'names the command to run in its connection errors as Import-Module -Prefix named it' {
        # Before: "Run Connect-WebexConnect first" in a session that has only Connect-WxWebexConnect, where typing it
        # gave "The term 'Connect-WebexConnect' is not recognized".
        try {
            Import-Module $script:ManifestPath -Prefix Wx -Force -ErrorAction Stop
            Disconnect-WxWebexConnect

            $notConnected = try { Send-WxConnectSms -To '+447700900001' -From ACME -Text 'Hi' } catch { $_ }
            $notConnected.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
            "$notConnected" | Should -Be ('Not connected to Webex Connect. Run Connect-WxWebexConnect first (or Connect-WxWebexConnect ' +
                '-Sandbox to try the module without sending anything), or give a session with -Session.')
            $kept = Connect-WxWebexConnect -Sandbox -PassThru
            Disconnect-WxWebexConnect -Session $kept
            $closed = try { Get-WxConnectSandboxRequest -Session $kept } catch { $_ }
            $closed.FullyQualifiedErrorId | Should -BeLike 'SessionClosed,*'
            "$closed" | Should -Be 'This session was closed by Disconnect-WxWebexConnect. Run Connect-WxWebexConnect again.'
        }
        finally {
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
        # Imported without a prefix, the names as they are.
        "$(try { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' } catch { $_ })" |
            Should -BeLike 'Not connected to Webex Connect. Run Connect-WebexConnect first (or Connect-WebexConnect -Sandbox*'
    }

    It 'reads a cmdlet''s own name for -Prefix once, not again for every warning, error and engine line it names' {
        # Before: every line a send names through the prefix (the engine's -Verbose/-Debug lines of each batch, and each bad
        # row's error) read the cmdlet's attribute by reflection again, which allocates it and resolves its arguments' types:
        # 2.5 % of the samples of a profiled 20,000-row Send-ConnectEmail run. Counted here in bytes, not timed.
        if (-not ('WebexConnectTests.AllocationMeter' -as [type])) {
            Add-Type -TypeDefinition @'
namespace WebexConnectTests
{
    public static class AllocationMeter
    {
        public static long PerCall(System.Func<System.Type, string, string> call, System.Type type, string name)
        {
            call(type, name);
            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) call(type, name);
            return (System.GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        }
    }
}
'@
        }
        $sms = [WebexConnect.Commands.SendConnectSmsCommand]
        $method = $sms.Assembly.GetType('WebexConnect.Commands.ImportedCommandNames', $true).GetMethod('PrefixOf',
            [Reflection.BindingFlags]'NonPublic, Static', $null, [type[]]@([type], [string]), $null)
        $prefixOf = $method.CreateDelegate([Func[type, string, string]])

        $prefixOf.Invoke($sms, 'Send-WxConnectSms') | Should -Be 'Wx'
        $prefixOf.Invoke($sms, 'Send-ConnectSms') | Should -Be ''
        [WebexConnectTests.AllocationMeter]::PerCall($prefixOf, $sms, 'Send-ConnectSms') | Should -Be 0
    }

    It 'names the commands to run as Import-Module -Prefix named them in a row''s error and the errors of other commands too' {
        # Before: only NotConnected and SessionClosed did; a row's error said "send it email with Send-ConnectEmail", and
        # Wait-WxConnectDelivery "Start one with Start-ConnectReceiptListener", commands this session does not have.
        try {
            Import-Module $script:ManifestPath -Prefix Wx -Force -ErrorAction Stop
            Connect-WxWebexConnect -Sandbox
            $PSDefaultParameterValues['Send-ConnectSms:From'] = 'ACME!!!!!!!!!!!!!!!!!!!!!!'
            $result = Send-WxConnectSms -To 'ann@example.com' -Text 'Hi' -From ACME -ErrorVariable rowError -ErrorAction SilentlyContinue
            $fromDefault = try { Send-WxConnectSms -To '+447700900001' -Text 'Hi' } catch { $_ }
            $noListener = try { Wait-WxConnectDelivery -InputObject $result } catch { $_ }

            "$($rowError[0])" | Should -BeLike '*send it email with Send-WxConnectEmail*'
            # The result's Reason and the exception's Message keep the names as written: they are data, exported as they are.
            $rowError[0].Exception.Message | Should -BeLike '*send it email with Send-ConnectEmail*'
            $result.Reason | Should -BeLike '*send it email with Send-ConnectEmail*'
            $fromDefault.FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
            # A $PSDefaultParameterValues key stays as PowerShell matches it: by the unprefixed name.
            "$fromDefault" | Should -Match ([regex]::Escape("`$PSDefaultParameterValues['Send-ConnectSms:From'] gives"))
            $noListener.FullyQualifiedErrorId | Should -BeLike 'NoReceiptListener,*'
            "$noListener" | Should -BeLike '*Start one with Start-WxConnectReceiptListener before sending*(ConvertFrom-WxConnectWebhook).'
        }
        finally {
            $PSDefaultParameterValues.Remove('Send-ConnectSms:From')
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
    }

    It 'names the commands as Import-Module -Prefix named them in a send''s warnings too' {
        # Before: the carousel's layout warning, written before the first row, said "leave -Orientation ... out of
        # New-ConnectRcsCard" in a session that has only New-WxConnectRcsCard; errors already translated their names.
        try {
            Import-Module $script:ManifestPath -Prefix Wx -Force -ErrorAction Stop
            Connect-WxWebexConnect -Sandbox
            $cards = (New-WxConnectRcsCard -Title 'A' -Orientation Vertical), (New-WxConnectRcsCard -Title 'B')
            $result = [pscustomobject]@{ Phone = '+447700900001' } | Send-WxConnectRcs -From 'app-1' -Carousel $cards -WarningVariable warned -WarningAction SilentlyContinue

            $result.Status | Should -Be 'Queued'
            "$($warned[0])" | Should -BeLike '*leave -Orientation and -ThumbnailAlignment out of New-WxConnectRcsCard.'
        }
        finally {
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
    }

    It 'names Connect-WebexConnect as Import-Module -Prefix named it in a failed connect''s error' {
        # Before: a failed Connect-WxWebexConnect said "Correct this Connect-WebexConnect and run it again", a command
        # this session does not have.
        try {
            Import-Module $script:ManifestPath -Prefix Wx -Force -ErrorAction Stop
            Connect-WxWebexConnect -Sandbox
            $key = ConvertTo-SecureString 'k-0123456789' -AsPlainText -Force
            $failed = try { Connect-WxWebexConnect -BaseUri 'http://api.example.com/' -ServiceKey $key } catch { $_ }

            $failed.FullyQualifiedErrorId | Should -BeLike 'InsecureEndpoint,*'
            "$failed" | Should -BeLike '*Correct this Connect-WxWebexConnect and run it again.'
            $failed.Exception.Message | Should -Not -BeLike '*Connect-WxWebexConnect*'
        }
        finally {
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
    }

    It 'names the $PSDefaultParameterValues key that gave a closed -Session under -Prefix, as PowerShell matches it' {
        # PowerShell matches a key by the cmdlet's own name: under -Prefix Wx, 'Send-ConnectSms:Session' gives
        # Send-WxConnectSms its -Session. Before, the note was matched against Send-WxConnectSms, so the SessionClosed error
        # left out the key that went on giving the closed session (or named a prefixed key, which gives nothing).
        try {
            Import-Module $script:ManifestPath -Prefix Wx -Force -ErrorAction Stop
            $kept = Connect-WxWebexConnect -Sandbox -PassThru
            Disconnect-WxWebexConnect -Session $kept
            $PSDefaultParameterValues['Send-ConnectSms:Session'] = $kept
            $closed = try { Send-WxConnectSms -To '+447700900001' -From ACME -Text 'Hi' } catch { $_ }
            $closed.FullyQualifiedErrorId | Should -BeLike 'SessionClosed,*'
            "$closed" | Should -Match ([regex]::Escape("Run Connect-WxWebexConnect again. -Session was not on the command line: " +
                "`$PSDefaultParameterValues['Send-ConnectSms:Session'] gave it"))
            "$closed" | Should -Match ([regex]::Escape("(`$PSDefaultParameterValues['Send-ConnectSms:Session'] = Connect-WxWebexConnect ... -PassThru)"))
        }
        finally {
            $PSDefaultParameterValues.Remove('Send-ConnectSms:Session')
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
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

    It 'closes the session when the module is removed, and says so in verbose' {
        $session = Connect-WebexConnect -Sandbox -PassThru
        # As at the console: the module's clean-up sees the session's preference, not this test's scope.
        $before = $global:VerbosePreference
        $global:VerbosePreference = 'Continue'
        try {
            $verbose = @(Remove-Module WebexConnect 4>&1 | ForEach-Object Message)
        }
        finally {
            $global:VerbosePreference = $before
        }
        $verbose | Should -Contain 'WebexConnect: Remove-Module closed the session (Webex Connect sandbox); its connection and secrets are released.'

        # The session an admin kept in a variable is closed too: sending with it is refused.
        Import-Module $script:ManifestPath -Force -ErrorAction Stop
        { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Session $session -ErrorAction Stop } |
            Should -Throw -ErrorId 'SessionClosed,*'
        Get-ConnectContext | Should -BeNullOrEmpty
        # With no session open, removing says nothing.
        $global:VerbosePreference = 'Continue'
        try {
            @(Remove-Module WebexConnect 4>&1 | ForEach-Object Message | Where-Object { $_ -like 'WebexConnect:*' }) | Should -BeNullOrEmpty
        }
        finally {
            $global:VerbosePreference = $before
            Import-Module $script:ManifestPath -Force -ErrorAction Stop
        }
    }

    It 'leaves the sessions open when a <Name> removes the module it imported, while this runspace still has it' -ForEach @(
        @{ Name = 'ForEach-Object -Parallel block'; Run = { param($m) 1 | ForEach-Object -Parallel { Import-Module $using:m; Remove-Module WebexConnect } } }
        @{ Name = 'thread job'; Run = { param($m) Start-ThreadJob { Import-Module $using:m; Remove-Module WebexConnect } | Receive-Job -Wait -AutoRemoveJob } }
    ) {
        # Sessions and listeners are the process's, shared by every runspace: the tidy-up of one runspace must not
        # close what the script in another still sends with.
        $kept = Connect-WebexConnect -Sandbox -PassThru
        Connect-WebexConnect -Sandbox
        $listener = Start-ConnectReceiptListener
        try {
            & $Run $script:ManifestPath

            (Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -ErrorAction Stop).Status | Should -Be 'Queued'
            (Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -Session $kept -ErrorAction Stop).Status | Should -Be 'Queued'
            $listener.IsRunning | Should -BeTrue
        }
        finally {
            Stop-ConnectReceiptListener $listener
            Disconnect-WebexConnect -Session $kept
        }
        # Removed here too, from the last runspace that had it: then everything closes, as before.
        Remove-Module WebexConnect
        Import-Module $script:ManifestPath -Force -ErrorAction Stop
        { Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
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
