#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Send-ConnectSms inside a real PowerShell, against the in-process sandbox: binding from CSV rows and
# strings, one result per row in order, errors for bad rows, -WhatIf, -ErrorAction and -ErrorVariable.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    Connect-WebexConnect -Sandbox | Out-Null

    # Every request the sandbox received since the last call to Reset-Seen.
    function Get-NewRequest {
        @(Get-ConnectSandboxRequest) | Select-Object -Skip $script:seen
    }
    function Reset-Seen {
        $script:seen = @(Get-ConnectSandboxRequest).Count
    }
    # The destination objects ("to") of the new requests, in the order they were sent.
    function Get-NewDestination {
        foreach ($request in Get-NewRequest) { ($request.Body | ConvertFrom-Json).to }
    }

    $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) ("webexconnect-sms-{0}.csv" -f [guid]::NewGuid())
}

AfterAll {
    if ($script:csv -and (Test-Path $script:csv)) { Remove-Item $script:csv -Force }
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectSms from a CSV' {
    BeforeEach { Reset-Seen }

    It 'gives one Queued result per row, in the order of the rows' {
        @(
            [pscustomobject]@{ Phone = '+447700900001'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '+447700900002'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900003'; Name = 'Cy' }
        ) | Export-Csv -Path $script:csv -NoTypeInformation

        $results = @(Import-Csv $script:csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)')

        $results.Count | Should -Be 3
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $results.Destination | Should -Be @('+447700900001', '+447700900002', '+447700900003')
        $results.InputObject.Name | Should -Be @('Ann', 'Bob', 'Cy')
        $results | ForEach-Object { $_ | Should -BeOfType ([WebexConnect.Results.SendResult]) }
    }

    It 'sends the row''s other columns as its substitutions, and the text once with $(Name) in it' {
        @([pscustomobject]@{ Phone = '+447700900011'; Name = 'Ann'; City = 'Leeds' }) | Export-Csv -Path $script:csv -NoTypeInformation

        Import-Csv $script:csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)' | Out-Null

        $request = Get-NewRequest | Select-Object -Last 1
        $body = $request.Body | ConvertFrom-Json
        $body.content.text | Should -Be 'Hi $(Name)'
        $body.to[0].msisdn | Should -Be @('+447700900011')
        $body.to[0].substitutions.Name | Should -Be 'Ann'
        $body.to[0].substitutions.City | Should -Be 'Leeds'
        $body.to[0].substitutions.PSObject.Properties.Name | Should -Not -Contain 'Phone'
    }

    It 'binds the number from a column named <_>' -ForEach @('To', 'Phone', 'Mobile', 'MobileNumber', 'PhoneNumber', 'Msisdn', 'Number') {
        $row = [pscustomobject]@{ $_ = '+447700900021'; Name = 'Ann' }

        $result = $row | Send-ConnectSms -From ACME -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Queued'
        $result.Destination | Should -Be '+447700900021'
        $sent = Get-NewDestination | Select-Object -Last 1
        $sent.msisdn | Should -Be @('+447700900021')
        $sent.substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'takes the correlation ID and the text from columns of the same name' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900031'; CorrelationId = 'order-1'; Text = 'First text' }
            [pscustomobject]@{ Phone = '+447700900032'; CorrelationId = 'order-2'; Text = 'Second text' }
        )

        $results = @($rows | Send-ConnectSms -From ACME)

        $results.CorrelationId | Should -Be @('order-1', 'order-2')
        $bodies = Get-NewRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
        $bodies.content.text | Should -Contain 'First text'
        $bodies.content.text | Should -Contain 'Second text'
        # Different texts are different requests, which may overlap in flight: compare without order.
        $bodies.to.correlationId | Sort-Object | Should -Be @('order-1', 'order-2')
    }

    It 'sends only the columns -SubstitutionColumn names' {
        [pscustomobject]@{ Phone = '+447700900041'; Name = 'Ann'; Notes = 'internal' } |
            Send-ConnectSms -From ACME -Text 'Hi $(Name)' -SubstitutionColumn Name | Out-Null

        (Get-NewDestination | Select-Object -Last 1).substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }
}

Describe 'Send-ConnectSms with a bad row' {
    BeforeEach {
        Reset-Seen
        $script:rows = @(
            [pscustomobject]@{ Phone = '+447700900101'; Name = 'Ann' }
            [pscustomobject]@{ Phone = '07700 900102'; Name = 'Bob' }
            [pscustomobject]@{ Phone = '+447700900103'; Name = 'Cy' }
        )
    }

    It 'gives the bad row an Invalid result and an error, and sends the others' {
        $results = @($script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorVariable sendErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -Match 'Row 2'
        $results[1].Reason | Should -Match 'To'
        $sendErrors.Count | Should -Be 1
        $sendErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $sendErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $sendErrors[0].TargetObject.Name | Should -Be 'Bob'
        $sendErrors[0].Exception.Result.Status | Should -Be 'Invalid'
        (Get-NewDestination).msisdn | Sort-Object | Should -Be @('+447700900101', '+447700900103')
    }

    It 'stops at the bad row with -ErrorAction Stop, before any later row is sent' {
        { $script:rows | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidInput'

        (Get-NewDestination).msisdn | Should -Not -Contain '+447700900103'
    }

    It 'sets $? to false and leaves the error in $Error' {
        $script:rows | Send-ConnectSms -From ACME -Text 'Hi' -ErrorAction SilentlyContinue | Out-Null
        $succeeded = $?

        $succeeded | Should -BeFalse
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
    }

    It 'refuses a row without any number column with PowerShell''s own binding error, sending nothing' {
        $results = @([pscustomobject]@{ Name = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi' -ErrorVariable bindErrors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 0
        $bindErrors.Count | Should -Be 1
        $bindErrors[0].TargetObject.Name | Should -Be 'Ann'
        @(Get-NewRequest).Count | Should -Be 0
    }
}

Describe 'Send-ConnectSms without rows' {
    BeforeEach { Reset-Seen }

    It 'sends piped plain strings, with no substitutions taken from the string' {
        $results = @('+447700900201', '+447700900202' | Send-ConnectSms -From ACME -Text 'Hello')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be @('+447700900201', '+447700900202')
        foreach ($destination in Get-NewDestination) {
            if ($destination.substitutions) { $destination.substitutions.PSObject.Properties.Name | Should -Not -Contain 'Length' }
        }
    }

    It 'sends several -To values as one destination object with one result' {
        $result = @(Send-ConnectSms -To '+447700900211', '+447700900212' -From ACME -Text 'Same for all')

        $result.Count | Should -Be 1
        $result[0].Destination | Should -Be '+447700900211, +447700900212'
        (Get-NewDestination).msisdn | Should -Be @('+447700900211', '+447700900212')
    }

    It 'sends nothing with -WhatIf' {
        $before = @(Get-ConnectSandboxRequest).Count

        $results = @('+447700900221', '+447700900222' | Send-ConnectSms -From ACME -Text 'Hello' -WhatIf)

        $results.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    It 'shows the JSON with -PayloadOnly and sends nothing' {
        $before = @(Get-ConnectSandboxRequest).Count

        $json = @([pscustomobject]@{ Phone = '+447700900231'; Name = 'Ann' } | Send-ConnectSms -From ACME -Text 'Hi $(Name)' -PayloadOnly)

        $json.Count | Should -Be 1
        $body = $json[0] | ConvertFrom-Json
        $body.channel | Should -Be 'sms'
        $body.from | Should -Be 'ACME'
        $body.to[0].msisdn | Should -Be @('+447700900231')
        $body.to[0].substitutions.Name | Should -Be 'Ann'
        @(Get-ConnectSandboxRequest).Count | Should -Be $before
    }

    It 'refuses -ExpireAt together with -Validity before sending anything' {
        { Send-ConnectSms -To '+447700900241' -From ACME -Text 'x' -ExpireAt (Get-Date).AddHours(1) -Validity '01:00:00' } |
            Should -Throw -ErrorId 'ExpireAtWithValidity'
        @(Get-NewRequest).Count | Should -Be 0
    }

    It 'normalises the casing of -RequestedReceipt' {
        Send-ConnectSms -To '+447700900251' -From ACME -Text 'x' -RequestedReceipt delivered, Failed | Out-Null

        ((Get-NewRequest | Select-Object -Last 1).Body | ConvertFrom-Json).requestedReceipts | Should -Be @('DELIVERED', 'FAILED')
    }
}

Describe 'Send-ConnectSms when not connected' {
    BeforeAll { Disconnect-WebexConnect }
    AfterAll { Connect-WebexConnect -Sandbox | Out-Null }

    It 'stops with NotConnected and says how to connect' {
        { '+447700900301' | Send-ConnectSms -From ACME -Text 'Hi' } | Should -Throw -ErrorId 'NotConnected' -ExpectedMessage '*Connect-WebexConnect*'
    }
}
