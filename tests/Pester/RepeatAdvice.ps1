# Dot-sourced by the Pester files that follow a repeat warning's advice (not a test file: Pester runs only *.Tests.ps1).

# The "| Sort-Object ... |" a "Row N repeats row M" warning advises, as a script block that runs it, as written, on what
# is piped to it: the tests show the repeat gone and no other row dropped.
function Get-RepeatAdvice([string] $Warning) {
    # Lazily to the first -Unique -CaseSensitive: a property's script block may hold a pipeline of its own (a Cc column's).
    if ($Warning -notmatch '\| (Sort-Object .+? -Unique -CaseSensitive) \| before') { throw "The warning advises no Sort-Object: $Warning" }
    [scriptblock]::Create("`$input | $($Matches[1])")
}

# Sends the rows of $Csv with $Command @Send, expects one repeat warning, like $Repeat, then sends the rows again through
# its advice: no repeat is warned of then. Returns the second run's Results, the Bodies of its requests, and the Warning,
# and the First run's results (every row, the repeat too, sent as before).
function Invoke-RepeatAdvice([string] $Csv, [string] $Command, [hashtable] $Send, [string] $Repeat) {
    $first = @($Csv | ConvertFrom-Csv | & $Command @Send -WarningVariable warned -WarningAction SilentlyContinue)
    $said = @($warned | Where-Object { "$_" -like '*repeats row*' })
    $said.Count | Should -Be 1
    "$($said[0])" | Should -BeLike $Repeat
    $advice = Get-RepeatAdvice $said[0]
    $requestsBefore = @(Get-ConnectSandboxRequest).Count

    $results = @($Csv | ConvertFrom-Csv | & $advice | & $Command @Send -WarningVariable warnedAgain -WarningAction SilentlyContinue)

    @($warnedAgain | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty
    [pscustomobject]@{
        Results = $results
        Bodies  = @(Get-ConnectSandboxRequest | Select-Object -Skip $requestsBefore | ForEach-Object { $_.Body | ConvertFrom-Json })
        Warning = "$($said[0])"
        First   = $first
    }
}

# The advice's reading of a cell of addresses, as the warning writes it for the column $Cell ('$_.Email'): upper-cased, without
# display names, only what has an '@'. For tests that pin the advice's text; the tests above run it.
function Get-AddressesOf([string] $Cell) {
    "((($Cell -join ';') -replace '`"[^`"]*`"').ToUpperInvariant() -split '[;,\r\n]' -replace '^[^<]*<\s*|\s*>.*`$|^\s+|\s+`$' -like '*@*')"
}

# The advice's Sort-Object property for an email's Email column: its addresses, in order.
$emailSort = "{$(Get-AddressesOf '$_.Email') -join ';'}"
