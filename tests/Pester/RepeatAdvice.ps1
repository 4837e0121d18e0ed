# Dot-sourced by the Pester files that follow a repeat warning's advice (not a test file: Pester runs only *.Tests.ps1).

# The "| Sort-Object ... |" a "Row N repeats row M" warning advises, as a script block that runs it, as written, on what
# is piped to it: the tests show the repeat gone and no other row dropped.
function Get-RepeatAdvice([string] $Warning) {
    if ($Warning -notmatch '\| (Sort-Object [^|]+) \| before') { throw "The warning advises no Sort-Object: $Warning" }
    [scriptblock]::Create("`$input | $($Matches[1])")
}
