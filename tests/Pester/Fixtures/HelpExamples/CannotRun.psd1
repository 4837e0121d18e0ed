# The help examples HelpExamples.Tests.ps1 cannot run, and why. Each stays in the help: it shows what an admin does
# with a real tenant, a vault or a host the test does not have, and its text says so (Get-Secret, a real tenant,
# Azure Functions). The test fails when a name here is no longer an example.
@{
    'Connect-WebexConnect example 2'         = 'reads a real tenant''s service key from a SecretManagement vault (Get-Secret)'
    'Connect-WebexConnect example 3'         = 'asks for the service secret (Get-Credential) of a real tenant'
    'Connect-WebexConnect example 4'         = 'connects with a real tenant''s WEBEXCONNECT_* environment variables'
    'Connect-WebexConnect example 6'         = 'connects to two real tenants with keys from a vault (Get-Secret)'
    'ConvertFrom-ConnectWebhook example 2'   = 'runs in an Azure Functions HTTP trigger ($Request, Push-OutputBinding)'
    'Disconnect-WebexConnect example 3'      = 'connects to two real tenants with keys from a vault (Get-Secret)'
    'Get-ConnectContext example 4'           = 'connects to a real tenant with a key from a vault (Get-Secret)'
    'New-ConnectJwt example 1'               = 'asks for the service secret (Read-Host -AsSecureString)'
    'New-ConnectJwt example 3'               = 'posts to the real service with a credential from a vault (Get-Secret)'
    'Start-ConnectReceiptListener example 2' = 'reads the webhook secret from a vault (Get-Secret)'
    'Test-WebexConnect example 1'            = 'connects to a real tenant with a key from a vault (Get-Secret)'
    'Wait-ConnectDelivery example 2'         = 'reads the webhook secret from a vault (Get-Secret) and sends through a real tenant'
    # NightlyExample.Tests.ps1 runs the example script's own clean-up of dated journals (-KeepDays).
    'about_WebexConnect sample 8'            = 'deletes old journals in C:\Jobs, a Windows folder of the admin''s own'
    # Help.Tests.ps1 runs it with a file of its own for C:\Jobs\webex-key.xml and a loopback service for -Region eu.
    'about_WebexConnect sample 9'            = 'asks for the service key (Read-Host -AsSecureString) and connects to a real tenant'
    'about_WebexConnect sample 10'           = 'is a pattern: its ... stand for the command and arguments of your own script'
    'about_WebexConnect sample 12'           = 'is a pattern: its ... stand for the command and arguments of your own script'
}
