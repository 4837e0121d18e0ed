#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Send-ConnectEmail inside a real PowerShell, against the in-process sandbox.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
    Connect-WebexConnect -Sandbox | Out-Null

    function Reset-Seen { $script:seen = @(Get-ConnectSandboxRequest).Count }
    function Get-NewBody {
        @(Get-ConnectSandboxRequest) | Select-Object -Skip $script:seen | ForEach-Object { $_.Body | ConvertFrom-Json }
    }
}

AfterAll {
    Disconnect-WebexConnect -ErrorAction SilentlyContinue
    Remove-Module WebexConnect -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectEmail' {
    BeforeEach { Reset-Seen }

    It 'binds the address from a column named <_> and sends the other columns as substitutions' -ForEach @('To', 'Email', 'EmailAddress', 'Mail') {
        $row = [pscustomobject]@{ $_ = 'ann@example.com'; Name = 'Ann' }

        $result = $row | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello $(Name)' -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Queued'
        $result.Channel | Should -Be 'Email'
        $result.Destination | Should -Be 'ann@example.com'
        $body = Get-NewBody | Select-Object -Last 1
        $body.channel | Should -Be 'email'
        $body.to[0].email | Should -Be @('ann@example.com')
        $body.to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
        $body.content.subject | Should -Be 'Hello $(Name)'
    }

    It 'gives one result per row in order, an Invalid one for a bad address' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com' }
            [pscustomobject]@{ Email = 'not an address' }
            [pscustomobject]@{ Email = 'cy@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorVariable mailErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $mailErrors.Count | Should -Be 1
        $mailErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $mailErrors[0].TargetObject.Email | Should -Be 'not an address'
    }

    It 'takes subject and HTML per row from columns' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Subject = 'For Ann'; Html = '<p>Ann</p>' }
            [pscustomobject]@{ Email = 'bob@example.com'; Subject = 'For Bob'; Html = '<p>Bob</p>' }
        )

        $rows | Send-ConnectEmail -From 'news@example.com' | Out-Null

        $bodies = @(Get-NewBody)
        $bodies.content.subject | Should -Contain 'For Ann'
        $bodies.content.subject | Should -Contain 'For Bob'
        $bodies.content.type | Select-Object -Unique | Should -Be 'html'
    }

    It 'sends attachments given as hashtables' {
        Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Invoice' -Text 'Attached' `
            -Attachment @{ Url = 'https://files.example.com/invoice.pdf' } | Out-Null

        $attachment = (Get-NewBody | Select-Object -Last 1).content.attachments[0]
        $attachment.mimetype | Should -Be 'application/pdf'
        $attachment.name | Should -Be 'invoice.pdf'
        $attachment.mediaUrl | Should -Be 'https://files.example.com/invoice.pdf'
    }

    It 'refuses an attachment without a URL before sending anything' {
        { Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment @{ Name = 'a.pdf' } } |
            Should -Throw -ErrorId 'InvalidAttachment'
        @(Get-NewBody).Count | Should -Be 0
    }

    It 'sends a template instead of content' {
        Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -TemplateId 'tpl-1' -TemplateSubject 'Hi' | Out-Null

        $body = Get-NewBody | Select-Object -Last 1
        $body.template.id | Should -Be 'tpl-1'
        $body.template.subject | Should -Be 'Hi'
        $body.PSObject.Properties.Name | Should -Not -Contain 'content'
    }

    It 'sends nothing with -WhatIf' {
        'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -WhatIf

        @(Get-NewBody).Count | Should -Be 0
    }
}
