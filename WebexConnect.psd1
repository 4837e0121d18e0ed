@{
    # The edition picks its assembly: .NET Framework 4.7.2 for Windows PowerShell 5.1, .NET 8 for PowerShell 7.4+.
    RootModule             = if ($PSEdition -eq 'Core') { 'net8.0/WebexConnect.dll' } else { 'net472/WebexConnect.dll' }
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
            ReleaseNotes = 'https://github.com/webexconnect-powershell/WebexConnect/blob/main/README.md'
        }
    }
}
