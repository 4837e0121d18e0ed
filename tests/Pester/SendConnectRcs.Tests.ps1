#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Send-ConnectRcs, New-ConnectRcsCard and New-ConnectRcsSuggestion inside a real PowerShell, against the sandbox.

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

Describe 'New-ConnectRcsSuggestion' {
    It 'makes a <Type> suggestion' -ForEach @(
        @{ Type = 'Reply'; Splat = @{ DisplayText = 'Yes'; PostbackData = 'yes' } }
        @{ Type = 'OpenUrl'; Splat = @{ DisplayText = 'Open'; Url = 'https://example.com' } }
        @{ Type = 'DialPhone'; Splat = @{ DisplayText = 'Call'; Phone = '+447700900001' } }
        @{ Type = 'ViewLocation'; Splat = @{ DisplayText = 'Map'; Latitude = 51.5; Longitude = -0.12 } }
        @{ Type = 'ViewLocation'; Splat = @{ DisplayText = 'Map'; Address = '10 Downing St, London' } }
        @{ Type = 'ShareLocation'; Splat = @{ DisplayText = 'Where are you?'; ShareLocation = $true } }
        @{ Type = 'CalendarEvent'; Splat = @{ DisplayText = 'Save'; StartTime = [datetimeoffset]'2026-12-01T10:00:00Z'; EndTime = [datetimeoffset]'2026-12-01T11:00:00Z'; Title = 'Visit' } }
    ) {
        $suggestion = New-ConnectRcsSuggestion @Splat

        $suggestion | Should -BeOfType ([WebexConnect.Messages.RcsSuggestion])
        $suggestion.Type | Should -Be $Type
        $suggestion.DisplayText | Should -Be $Splat.DisplayText
    }

    It 'refuses a label longer than 25 characters' {
        { New-ConnectRcsSuggestion -DisplayText ('x' * 26) } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses an event that ends before it starts' {
        { New-ConnectRcsSuggestion -DisplayText 'Save' -StartTime '2026-12-01T11:00:00Z' -EndTime '2026-12-01T10:00:00Z' -Title 'Visit' } |
            Should -Throw -ErrorId 'EndTimeBeforeStartTime'
    }
}

Describe 'New-ConnectRcsCard' {
    It 'makes a card with its suggestions' {
        $card = New-ConnectRcsCard -Title 'Sale' -Description 'Half price' -MediaUrl 'https://example.com/a.png' -MediaHeight Medium `
            -Orientation Vertical -Suggestion (New-ConnectRcsSuggestion 'Buy' -Url 'https://example.com/buy')

        $card | Should -BeOfType ([WebexConnect.Messages.RcsCard])
        $card.Title | Should -Be 'Sale'
        $card.MediaHeight | Should -Be 'Medium'
        $card.Suggestions[0].Type | Should -Be 'OpenUrl'
    }

    It 'refuses more than four suggestions' {
        $five = 1..5 | ForEach-Object { New-ConnectRcsSuggestion "Reply $_" }
        { New-ConnectRcsCard -Title 'Too many' -Suggestion $five } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Send-ConnectRcs' {
    BeforeEach { Reset-Seen }

    It 'sends text to each row with one result per row' {
        $rows = @(
            [pscustomobject]@{ Msisdn = '+447700900401'; Name = 'Ann' }
            [pscustomobject]@{ Mobile = '+447700900402'; Name = 'Bob' }
        )

        $results = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Hi $(Name)')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Channel | Select-Object -Unique | Should -Be 'Rcs'
        $bodies = @(Get-NewBody)
        $bodies[0].channel | Should -Be 'rcs'
        $bodies.content.type | Select-Object -Unique | Should -Be 'text'
    }

    It 'sends a standalone rich card' {
        $card = New-ConnectRcsCard -Title 'Sale' -MediaUrl 'https://example.com/a.png' -MediaHeight Short -Orientation Vertical

        (Send-ConnectRcs -To '+447700900411' -From 'app-1' -Card $card).Status | Should -Be 'Queued'

        $content = (Get-NewBody | Select-Object -Last 1).content
        $content.type | Should -Be 'standalone'
        $content.richCard.title | Should -Be 'Sale'
    }

    It 'sends a carousel' {
        $cards = 'One', 'Two' | ForEach-Object { New-ConnectRcsCard -Title $_ -MediaUrl "https://example.com/$_.png" -MediaHeight Short }

        (Send-ConnectRcs -To '+447700900421' -From 'app-1' -Carousel $cards -CarouselWidth Small).Status | Should -Be 'Queued'

        $content = (Get-NewBody | Select-Object -Last 1).content
        $content.type | Should -Be 'carousel'
        $content.cards.Count | Should -Be 2
    }

    It 'sends media and an agent event' {
        Send-ConnectRcs -To '+447700900431' -From 'app-1' -MediaUrl 'https://example.com/video.mp4' | Out-Null
        Send-ConnectRcs -To '+447700900431' -From 'app-1' -AgentEvent IsTyping | Out-Null

        $bodies = @(Get-NewBody)
        $bodies[0].content.type | Should -Be 'media'
        $bodies[1].content.type | Should -Be 'agentEvent'
    }

    It 'gives an Invalid result and an error for a bad number, and sends the rest' {
        $results = @('+447700900441', 'abc', '+447700900443' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -ErrorVariable rcsErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $rcsErrors.Count | Should -Be 1
        $rcsErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
    }

    It 'sends nothing with -WhatIf' {
        '+447700900451' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -WhatIf

        @(Get-NewBody).Count | Should -Be 0
    }
}
