@{
    # A static manifest: WebexConnect.psm1 loads the edition's assembly (net472/ for Windows PowerShell 5.1,
    # net8.0/ for PowerShell 7.4+) and refuses PowerShell 7.0-7.3 with a clear message.
    RootModule             = 'WebexConnect.psm1'
    # Stamped from Directory.Build.props by the build; edit the version there, not here.
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f7c2a1e-4b7d-4f52-9a0e-3f1c8d2b5e71'
    Author                 = 'WebexConnect contributors'
    CompanyName            = 'WebexConnect contributors'
    Copyright              = '(c) WebexConnect contributors. MIT licence.'
    Description            = 'Send SMS, email and RCS through the Cisco Webex Connect Messaging API v2 from the pipeline: Import-Csv | Send-ConnectSms, batched at your TPS limit, one typed result per row.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('WebexConnect.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-WebexConnect'
        'ConvertFrom-ConnectWebhook'
        'Disconnect-WebexConnect'
        'Get-ConnectContext'
        'Get-ConnectMessage'
        'Get-ConnectSandboxRequest'
        'Measure-ConnectSms'
        'New-ConnectJwt'
        'New-ConnectRcsCard'
        'New-ConnectRcsSuggestion'
        'Send-ConnectEmail'
        'Send-ConnectMessage'
        'Send-ConnectRcs'
        'Send-ConnectSms'
        'Start-ConnectReceiptListener'
        'Stop-ConnectReceiptListener'
        'Test-WebexConnect'
        'Wait-ConnectDelivery'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Webex', 'WebexConnect', 'SMS', 'Email', 'RCS', 'Messaging', 'CPaaS', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/webexconnect-powershell/WebexConnect'
            LicenseUri   = 'https://github.com/webexconnect-powershell/WebexConnect/blob/main/LICENSE'
            ReleaseNotes = @'
First release.
- Send-ConnectSms, Send-ConnectEmail and Send-ConnectRcs: pipe Import-Csv rows in, get one typed SendResult per row
  (Queued, Scheduled, Rejected, Failed, Unknown, Skipped or Invalid), batched up to 1000 destinations per request at
  the tenant's TPS. Unknown outcomes are never resent unless -ResendUnknown; -Journal makes a re-run after a crash
  send only what was not sent.
- A $(name) that no column or -Substitution key fills makes the row Invalid (-AllowMissingSubstitution sends it as
  written); substitution values must be single values; every length limit applies to the text as sent.
- -Validity takes '90m', '48h', '2d' or seconds; SMS allows at most 72 hours.
- Measure-ConnectSms reports encoding, parts and, in Reason, why Send-ConnectSms would refuse a text.
- Connect-WebexConnect -Sandbox: a built-in simulator, nothing leaves the computer.
- Windows PowerShell 5.1 and PowerShell 7.4+.
'@
        }
    }
}
