#Requires -Version 5.1
# Pester 5: Get-Help in the built module shows the help written in docs/ (./build.ps1 turns it into MAML with
# Microsoft.PowerShell.PlatyPS). Without PlatyPS the module is built without MAML: these tests then skip and say why.

BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repoRoot 'out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $cmdlets = @(Get-Command -Module WebexConnect -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $script:RepoRoot 'out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    $command = Get-Command Send-ConnectSms -Module WebexConnect
    # PowerShell reads a module cmdlet's help from <culture>/<HelpFile> under the module's ModuleBase (the manifest's
    # folder, not the assembly's), in 5.1 and 7. HelpFile becomes a full path once the help has been loaded.
    $script:MamlPath = Join-Path $command.Module.ModuleBase "en-US/$(Split-Path -Leaf $command.HelpFile)"
    $script:NoMamlReason = "no help file at ${script:MamlPath}; the module was built without Microsoft.PowerShell.PlatyPS. " +
        'Install-Module Microsoft.PowerShell.PlatyPS, then run ./build.ps1'

    $script:CommonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
        @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    # The synopsis as written in docs/<Name>.md: the text between "## SYNOPSIS" and the next section.
    function Get-DocsSynopsis([string] $Name) {
        $lines = Get-Content (Join-Path $script:RepoRoot "docs/$Name.md") -Encoding UTF8
        $start = [array]::IndexOf($lines, '## SYNOPSIS')
        if ($start -lt 0) { return $null }
        $text = foreach ($line in $lines[($start + 1)..($lines.Count - 1)]) {
            if ($line -like '## *') { break }
            $line
        }
        (($text -join ' ') -replace '\s+', ' ').Trim()
    }

    function Get-HelpText($Value) {
        # Help text arrives as strings or as objects with a Text property (paragraphs), depending on the field.
        ((@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join ' ' -replace '\s+', ' ').Trim()
    }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $hasMaml = Test-Path $script:MamlPath
        $help = if ($hasMaml) { Get-Help $Name -Full }
    }

    It 'has the synopsis written in docs/, not the generated syntax line' {
        if (-not $hasMaml) { Set-ItResult -Skipped -Because $script:NoMamlReason; return }
        $synopsis = Get-HelpText $help.Synopsis
        $synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell puts the syntax in the synopsis: "Name [-Param] <type> ...".
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '\s+[\[-]')
        $synopsis | Should -Be (Get-DocsSynopsis $Name)
    }

    It 'has a description' {
        if (-not $hasMaml) { Set-ItResult -Skipped -Because $script:NoMamlReason; return }
        Get-HelpText $help.Description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples that call it' {
        if (-not $hasMaml) { Set-ItResult -Skipped -Because $script:NoMamlReason; return }
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        # PlatyPS 1.0.1 leaves <dev:code> empty and puts the fenced code among the introduction's paragraphs
        # (PowerShell/platyPS issue 799), so look for the call anywhere in the example.
        foreach ($example in $examples) {
            $text = (Get-HelpText $example.introduction) + ' ' + $example.code + ' ' + (Get-HelpText $example.remarks)
            $text | Should -Match ([regex]::Escape($Name))
        }
    }

    It 'describes every parameter' {
        if (-not $hasMaml) { Set-ItResult -Skipped -Because $script:NoMamlReason; return }
        $parameters = (Get-Command $Name -Module WebexConnect).Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters }
        foreach ($parameter in $parameters) {
            $parameterHelp = Get-Help $Name -Parameter $parameter -ErrorAction SilentlyContinue
            $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$parameter must be in the help of $Name"
            Get-HelpText $parameterHelp.description | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}

Describe 'about_WebexConnect' {
    It 'is found by Get-Help' {
        $about = Join-Path $script:RepoRoot 'out/WebexConnect/en-US/about_WebexConnect.help.txt'
        if (-not (Test-Path $about)) {
            Set-ItResult -Skipped -Because "no ${about}; ./build.ps1 copies docs/about_WebexConnect.md there (dotnet build alone does not)"
            return
        }
        (Get-Help about_WebexConnect | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}
