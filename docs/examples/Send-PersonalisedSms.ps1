<#
.SYNOPSIS
    Sends a personalised SMS to each row of a CSV and shows one result per row.
.DESCRIPTION
    The Phone column binds to -To, CorrelationId to -CorrelationId; Name and
    Order fill $(Name) and $(Order). Uses the current session; without one,
    connects from the WEBEXCONNECT_* environment variables.
.EXAMPLE
    Import-Module ./out/WebexConnect/WebexConnect.psd1  # unless installed
    ./docs/examples/Send-PersonalisedSms.ps1 -Sandbox
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'sms-recipients.csv'),
    [string] $From = 'ACME',
    # Single quotes: the module fills in $(Name) per row, not PowerShell.
    [string] $Text = 'Hi $(Name), your order $(Order) has shipped.',
    [switch] $Sandbox
)

if (-not (Get-Module WebexConnect)) {
    Import-Module WebexConnect -ErrorAction Stop
}
if ($Sandbox) {
    Connect-WebexConnect -Sandbox
} elseif (-not (Get-ConnectContext)) {
    Connect-WebexConnect
}

# Only Name and Order leave this computer as substitutions, whatever else
# the CSV holds.
Import-Csv -Path $Path -Encoding UTF8 |
    Send-ConnectSms -From $From -Text $Text -SubstitutionColumn Name, Order |
    Format-Table Destination, CorrelationId, Status, Parts, Reason -AutoSize
