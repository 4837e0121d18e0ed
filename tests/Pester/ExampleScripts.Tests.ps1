#Requires -Version 7.0
# The scripts in docs/examples, run as their own .EXAMPLE says, from the repository's folder, in a new PowerShell
# where WebexConnect is not installed: what an admin who built the module (README) and tries an example gets.

BeforeDiscovery {
    $script:Scripts = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/examples') -Filter *.ps1 |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

    # The code of a script's first .EXAMPLE: its indented lines up to the next keyword or the end of the help.
    function script:Get-ExampleCode([string] $Path) {
        $help = [IO.File]::ReadAllText($Path)
        $block = [regex]::Match($help, '(?ms)^\.EXAMPLE\r?\n(?<code>.*?)(?=^\.[A-Z]+|^#>)').Groups['code'].Value
        ($block -split '\r?\n' | Where-Object { $_.Trim() } | ForEach-Object { $_.Trim() }) -join "`n"
    }

    # Runs code in a new PowerShell of this host's kind, in the repository's folder, with only PowerShell's own
    # modules on the module path; returns its exit code and what it wrote.
    function script:Invoke-Fresh([string] $Code) {
        $powershell = Get-PowerShellHostCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($powershell.Path)
        foreach ($arg in @($powershell.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $Code)) { $start.ArgumentList.Add($arg) }
        $start.WorkingDirectory = $script:Root
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        $start.Environment['PSModulePath'] = Join-Path $PSHOME 'Modules'
        $run = [System.Diagnostics.Process]::Start($start)
        $errors = $run.StandardError.ReadToEndAsync()
        $said = $run.StandardOutput.ReadToEnd()
        $run.WaitForExit(120000) | Out-Null
        [pscustomobject]@{ ExitCode = $run.ExitCode; Output = $said; Errors = $errors.GetAwaiter().GetResult() }
    }
}

Describe 'docs/examples/<Name> run as its .EXAMPLE says' -ForEach $script:Scripts {
    It 'sends through the sandbox from a new PowerShell in the repository, the module built but not installed' {
        # Before: '.EXAMPLE ./docs/examples/Send-PersonalisedSms.ps1 -Sandbox' stopped at once with "The specified
        # module 'WebexConnect' was not loaded because no valid module file was found in any module directory".
        $code = Get-ExampleCode $Path
        $code | Should -Match ([regex]::Escape("./docs/examples/$Name -Sandbox"))
        # The nightly script's report folder, in the test's own drive rather than the repository's out folder.
        $code = $code.Replace('-ReportFolder ./out/reports', "-ReportFolder '$(Join-Path $TestDrive 'reports')'")

        $run = Invoke-Fresh $code

        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        # What each script shows of its results: a table or a count of Queued rows, or the nightly one's report line.
        $run.Output | Should -Match 'Queued|\(0 row\(s\) not accepted\)'
    }

    It 'prints its .EXAMPLE in Get-Help with each line whole at 80 columns, so a line copied from the console runs' {
        # Before: '# the module ./build.ps1 built, unless it is installed' after the Import-Module line ran to 117
        # columns; at 80 its last word stood on a line of its own, which pasted ran as a command named 'installed'.
        $printed = @((Get-Help $Path -Examples | Out-String -Width 80) -split '\r?\n' | ForEach-Object TrimEnd)
        $broken = foreach ($line in (Get-ExampleCode $Path) -split "`n") {
            $whole = $printed | Where-Object { $_.EndsWith($line) -and -not ($_.Substring(0, $_.Length - $line.Length) -replace '^\s*PS >', '').Trim() }
            if (-not $whole) { "$($line.Length) characters: $line" }
        }
        $broken | Should -BeNullOrEmpty
    }

    It 'fits every line in 80 columns, continues none with a backtick, and prints its help whole at 80 columns' {
        # Before: lines of up to 163 columns. An admin reads these scripts in an editor or with Get-Content over SSH,
        # and Get-Help <script> -Full printed the Register-ScheduledTask line of the nightly one in two halves that
        # no longer ran when pasted.
        $wide = @(Get-Content -LiteralPath $Path -Encoding UTF8 | ForEach-Object { $_.TrimEnd() } |
                Where-Object Length -GT 80 | ForEach-Object { "$($_.Length) columns: $($_.Trim())" })
        $wide | Should -BeNullOrEmpty
        # As in the help's examples (HelpExamples.Tests): a backtick at a line's end, with a space copied after it,
        # ends the command there. Before: Send-EmailCampaign.ps1's send.
        @(Get-Content -LiteralPath $Path -Encoding UTF8 | Where-Object { $_.TrimEnd().EndsWith('`') }) | Should -BeNullOrEmpty

        # Get-Help prints a script's help lines as written, in the console's 79 columns (an 80-column console leaves
        # the last free). Left out, as PowerShell writes them: NAME (this folder's path), SYNTAX, each Default value
        # (the param block's expression) and the common parameters' text.
        $section = ''
        $printed = foreach ($line in (Get-Help $Path -Full | Out-String -Width 10000) -split '\r?\n') {
            if ($line -cmatch '^[A-Z][A-Z ]+$' -or $line.Trim() -eq '<CommonParameters>') { $section = $line.Trim(); continue }
            if ($section -in 'NAME', 'SYNTAX', '<CommonParameters>' -or $line -match '^\s+Default value ') { continue }
            if ($line.TrimEnd().Length -gt 79) { "$($section): $($line.TrimEnd().Length) columns: $($line.Trim())" }
        }
        $printed | Should -BeNullOrEmpty
    }
}
