<#
.SYNOPSIS
    Sends an HTML email with attachments to every row of a CSV, then sums up
    the results.
.DESCRIPTION
    The Email column binds to -To; Name and Invoice fill the variables.
    Attachments are files the service downloads by URL; each URL must end with
    the file's extension. The whole email may be at most 10 MB.
.EXAMPLE
    Import-Module ./out/WebexConnect/WebexConnect.psd1  # unless installed
    ./docs/examples/Send-EmailCampaign.ps1 -Sandbox
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'email-recipients.csv'),
    [string] $From = 'billing@example.com',
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

$attachments = @(
    # Name and MimeType come from the URL
    @{ Url = 'https://files.example.com/terms-2026.pdf' }
    @{
        Url  = 'https://files.example.com/prices-2026.xlsx'
        Name = 'Price list 2026.xlsx'
    }
)
$html = '<p>Dear $(Name),</p><p>Your invoice $(Invoice) is ready. ' +
    'Our new terms and prices are attached.</p>'
$text = 'Dear $(Name), your invoice $(Invoice) is ready. ' +
    'Our new terms and prices are attached.'
$email = @{
    From               = $From
    FromName           = 'ACME Billing'
    Subject            = 'Invoice $(Invoice)'
    Html               = $html
    Text               = $text
    Attachment         = $attachments
    TrackOpens         = $true
    ListUnsubscribeUrl = 'https://example.com/unsubscribe'
}

$results = Import-Csv -Path $Path -Encoding UTF8 | Send-ConnectEmail @email

$results | Group-Object Status -NoElement
$results | Where-Object { -not $_.IsSuccess } |
    Format-Table Destination, Status, Code, Reason -AutoSize
