<#
.SYNOPSIS
    Sends an RCS rich card with suggestion chips to every row of a CSV;
    phones without RCS get an SMS.
.DESCRIPTION
    -From is your RCS agent's app ID. The Phone column binds to -To,
    CorrelationId to -CorrelationId.
.EXAMPLE
    Import-Module ./out/WebexConnect/WebexConnect.psd1  # unless installed
    ./docs/examples/Send-RcsCardWithFallback.ps1 -Sandbox
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'rcs-recipients.csv'),
    [string] $From = 'acme-agent',
    [string] $SmsSenderId = 'ACME',
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

# At most 4 chips on a standalone card (2 on a carousel card).
$booking = 'https://example.com/appointments'
$chips = @(
    New-ConnectRcsSuggestion 'Confirm' -PostbackData 'appointment-confirm'
    New-ConnectRcsSuggestion 'Reschedule' -Url $booking
    New-ConnectRcsSuggestion 'Call us' -Phone '+442071234567'
)
$card = @{
    Title       = 'Your appointment'
    Description = 'Tap Confirm if the time still suits you.'
    MediaUrl    = 'https://files.example.com/clinic.png'
    MediaHeight = 'Medium'
    Orientation = 'Vertical'
    Suggestion  = $chips
}
$rcs = @{
    From             = $From
    Card             = New-ConnectRcsCard @card
    SmsFallback      = $true
    FallbackSenderId = $SmsSenderId
    FallbackText     = "Your appointment is booked. Details: $booking"
}

Import-Csv -Path $Path -Encoding UTF8 |
    Send-ConnectRcs @rcs |
    Format-Table Destination, CorrelationId, Status, Reason -AutoSize
