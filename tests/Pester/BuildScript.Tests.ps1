#Requires -Version 5.1
# Pester 5: what build.ps1 tells a new user. Its functions are read from the script and tested alone, as
# Package.Tests.ps1 does, so nothing here builds.

BeforeDiscovery {
    $script:HasGit = $null -ne (Get-Command git -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    $buildScript = Join-Path $PSScriptRoot '../../build.ps1'
    $ast = [System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path $buildScript).Path, [ref]$null, [ref]$null)
    $definition = $ast.Find({ param($node)
            $node -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $node.Name -eq 'Test-CommittedHelpCurrent' }, $true)
    . ([scriptblock]::Create($definition.Extent.Text))

    function script:Invoke-Git([string] $Repo) { $null = & git -C $Repo @args 2>&1 }
}

Describe 'build.ps1 without PlatyPS' {
    # The README's first command on a fresh clone used to print a WARNING that PlatyPS is not installed and that
    # changes to docs/*.md do not reach the help, though nothing had changed and the committed help was current.
    BeforeEach {
        $script:repo = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path (Join-Path $repo 'docs') -Force
        Set-Content -LiteralPath (Join-Path $repo 'docs/Send-ConnectSms.md') -Value '# Send-ConnectSms'
        Set-Content -LiteralPath (Join-Path $repo 'docs/about_WebexConnect.md') -Value '# about'
        if (Get-Command git -CommandType Application -ErrorAction SilentlyContinue) {
            Invoke-Git $repo init -q
            Invoke-Git $repo -c user.name=t -c user.email=t@example.com add -A
            Invoke-Git $repo -c user.name=t -c user.email=t@example.com commit -q -m first
        }
    }

    It 'finds the committed help current on a clone whose pages are as committed' -Skip:(-not $HasGit) {
        Test-CommittedHelpCurrent $repo | Should -BeTrue
        # The about topic is made anew by every build, with or without PlatyPS.
        Add-Content -LiteralPath (Join-Path $repo 'docs/about_WebexConnect.md') -Value 'more'
        Test-CommittedHelpCurrent $repo | Should -BeTrue
    }

    It 'does not when a page changed or was added, so the build warns' -Skip:(-not $HasGit) {
        Add-Content -LiteralPath (Join-Path $repo 'docs/Send-ConnectSms.md') -Value 'changed'
        Test-CommittedHelpCurrent $repo | Should -BeFalse

        Invoke-Git $repo checkout -q -- docs/Send-ConnectSms.md
        Set-Content -LiteralPath (Join-Path $repo 'docs/New-ConnectThing.md') -Value '# New-ConnectThing'
        Test-CommittedHelpCurrent $repo | Should -BeFalse
    }

    It 'does not when git cannot tell (a folder that is no repository)' {
        $plain = Join-Path $TestDrive 'plain'
        $null = New-Item -ItemType Directory -Path (Join-Path $plain 'docs') -Force
        Test-CommittedHelpCurrent $plain | Should -BeFalse
    }
}
