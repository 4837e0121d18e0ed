#Requires -Version 5.1
# Pester 5: Send-ConnectRcs, New-ConnectRcsCard and New-ConnectRcsSuggestion inside a real PowerShell, against
# the in-process sandbox. Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # Each test connects to a new sandbox, so the sandbox's requests are that test's alone.
    function script:Connect-FreshSandbox { Connect-WebexConnect -Sandbox -Tps 1000 }

    # The bodies the sandbox received, parsed, in order of arrival.
    function script:Get-SentBody {
        Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
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

    It 'gives a reply without -PostbackData its label as postback data, as every documented request has one' {
        (New-ConnectRcsSuggestion 'Yes').PostbackData | Should -BeExactly 'Yes'
        (New-ConnectRcsSuggestion 'Yes' 'answer-yes').PostbackData | Should -BeExactly 'answer-yes'
        (New-ConnectRcsSuggestion 'Open' -Url 'https://example.com').PostbackData | Should -BeNullOrEmpty
    }

    It 'refuses a label longer than 25 characters with an error of its own, naming the label, its length and the limit, and an empty one' {
        # Before, PowerShell's ErrorId (ParameterArgumentValidationError), which a script cannot tell from any other
        # parameter's, and a stop that ended the Send-ConnectRcs around it too.
        $chip = New-ConnectRcsSuggestion -DisplayText 'Book your free eye test now' -ErrorVariable refused -ErrorAction SilentlyContinue
        $chip | Should -BeNullOrEmpty
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'RcsSuggestionLabelTooLong,WebexConnect.Commands.NewConnectRcsSuggestionCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -BeExactly ("-DisplayText 'Book your free eye test now' has 27 characters: a chip's label takes at most 25 " +
            "(the service's limit). Shorten it. No suggestion was made.")
        { New-ConnectRcsSuggestion -DisplayText ('x' * 26) -ErrorAction Stop } | Should -Throw -ErrorId 'RcsSuggestionLabelTooLong,*'
        # Empty (a CSV's empty Label cell): before, PowerShell's Mandatory refusal, which ended the statement around it too.
        { New-ConnectRcsSuggestion -DisplayText '' -ErrorAction Stop } | Should -Throw -ErrorId 'RcsSuggestionValueMissing,*' -ExpectedMessage ('-DisplayText is empty: ' +
            'a chip needs a label, the text on it. Give one, or leave the chip out. No suggestion was made.')
        (New-ConnectRcsSuggestion -DisplayText ('x' * 25)).DisplayText.Length | Should -Be 25
    }

    It 'reads degrees written with a decimal comma, as a de-DE admin types them and Excel saves them in a CSV' {
        $shops = "Shop;Lat;Long`nBerlin;52,5200;13,4050`nLondon;51,5074;-0,1278" | ConvertFrom-Csv -Delimiter ';'

        $suggestions = @($shops | ForEach-Object { New-ConnectRcsSuggestion $_.Shop -Latitude $_.Lat -Longitude $_.Long })

        $suggestions.Latitude | Should -Be @(52.52, 51.5074)
        $suggestions.Longitude | Should -Be @(13.405, -0.1278)
        (New-ConnectRcsSuggestion 'Map' -Latitude ' 51.5074 ' -Longitude '-0.1278').Latitude | Should -Be 51.5074
    }

    It 'explains an unquoted decimal comma, which PowerShell splits into a list, instead of "Cannot convert System.Object[]"' {
        { New-ConnectRcsSuggestion 'Map' -Latitude 51,5074 -Longitude 0.1278 } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Latitude 51,5074 reached the command as a list of 2 values (51 and 5074): PowerShell reads a comma outside quotes as a list separator. Give one number, with a point as the decimal mark (-Latitude 51.5074) or in quotes (''51,5074''), and the other coordinate to -Longitude.*'
    }

    It 'still refuses degrees out of range, and text that is no number, naming the parameter' {
        # Out of range: before, ValidateRange's refusal, which ended the statement around it (a script's loop lost the row).
        { New-ConnectRcsSuggestion 'Map' -Latitude '95,5' -Longitude 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'RcsSuggestionCoordinateOutOfRange,*' -ExpectedMessage '-Latitude 95.5 is not a latitude: use -90 to 90 degrees. No suggestion was made.'
        { New-ConnectRcsSuggestion 'Map' -Latitude 0 -Longitude -181 -ErrorAction Stop } |
            Should -Throw -ErrorId 'RcsSuggestionCoordinateOutOfRange,*' -ExpectedMessage '-Longitude -181 is not a longitude: use -180 to 180 degrees. No suggestion was made.'
        # No number: an error that does not stop the statement either (-ErrorAction Stop makes it one here), PowerShell's ID kept.
        { New-ConnectRcsSuggestion 'Map' -Latitude 51.5 -Longitude '0,1,2' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*NewConnectRcsSuggestionCommand' -ExpectedMessage ("-Longitude '0,1,2' is not a number of " +
            "degrees: write it as a decimal number, e.g. 51.5074 (or '51,5074'). No suggestion was made.")
        New-ConnectRcsSuggestion 'Map' -Latitude 'north' -Longitude 0 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reads an event''s ISO 8601 times in the Gregorian calendar in <_>, not as a year of its own calendar' -ForEach 'th-TH', 'ar-SA', 'fa-IR' {
        # th-TH read '2026-12-06 09:00' as the Buddhist year 2026 (1483 AD) and the chip went out as an event in 1483;
        # ar-SA and fa-IR refused it or read it in their own calendars. ISO 8601 is Gregorian in every culture.
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $chip = New-ConnectRcsSuggestion -DisplayText 'Save' -StartTime '2026-12-06 09:00' -EndTime '2026-12-06T10:30:00Z' -Title 'Visit'
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $chip.StartTime | Should -Be ([DateTimeOffset]::new([datetime]::new(2026, 12, 6, 9, 0, 0, [DateTimeKind]::Local)))
        $chip.EndTime | Should -Be ([DateTimeOffset]::new(2026, 12, 6, 10, 30, 0, [TimeSpan]::Zero))
    }

    It 'refuses an event that ends before it starts, naming both times, with an error that does not stop the statement' {
        # Before: a stop, which ended the Send-ConnectRcs around it too (a script's loop lost the row).
        $chip = New-ConnectRcsSuggestion -DisplayText 'Save' -StartTime '2026-12-01T11:00:00Z' -EndTime '2026-12-01T10:00:00Z' -Title 'Visit' -ErrorVariable refused -ErrorAction SilentlyContinue
        $chip | Should -BeNullOrEmpty
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'EndTimeBeforeStartTime,WebexConnect.Commands.NewConnectRcsSuggestionCommand'
        $refused[0].Exception.Message | Should -BeExactly ('-EndTime 2026-12-01 10:00:00Z must be after -StartTime 2026-12-01 11:00:00Z: the event must end ' +
            'after it starts. Correct one of the two. No suggestion was made.')
    }

    It 'refuses an empty <Name>, as a CSV''s empty cell gives it, with an error that does not stop the statement' -ForEach @(
        @{ Name = 'Url'; Make = { New-ConnectRcsSuggestion 'Open' -Url $args[0] -ErrorAction Stop } }
        @{ Name = 'Phone'; Make = { New-ConnectRcsSuggestion 'Call' -Phone $args[0] -ErrorAction Stop } }
        @{ Name = 'Address'; Make = { New-ConnectRcsSuggestion 'Map' -Address $args[0] -ErrorAction Stop } }
        @{ Name = 'Title'; Make = { New-ConnectRcsSuggestion 'Save' -StartTime '2026-12-01T10:00:00Z' -EndTime '2026-12-01T11:00:00Z' -Title $args[0] -ErrorAction Stop } }
    ) {
        # Before: ValidateNotNullOrEmpty's refusal, which ended the Send-ConnectRcs around it too.
        foreach ($empty in '', ' ', $null) {
            { & $Make $empty } | Should -Throw -ErrorId 'RcsSuggestionValueMissing,*' -ExpectedMessage "-$Name is empty: *. Give it, or leave the chip out. No suggestion was made."
        }
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

    It 'refuses -MediaHeight without -MediaUrl, which would send media with no file' {
        { New-ConnectRcsCard -Title 'T' -MediaHeight Tall -ErrorAction Stop } |
            Should -Throw -ErrorId 'MediaHeightWithoutMediaUrl,*' -ExpectedMessage '-MediaHeight needs -MediaUrl*'
    }

    It 'reads an empty Image of a hashtable row as a CSV row''s empty cell: a card without media, not the end of the command' {
        $csv = 'Title,Image,MediaHeight', 'Tea,,Short' | ConvertFrom-Csv | New-ConnectRcsCard
        $hashtable = @{ Title = 'Tea'; Image = ''; MediaHeight = 'Short' } | New-ConnectRcsCard

        foreach ($card in $csv, $hashtable) {
            $card.Title | Should -Be 'Tea'
            $card.MediaUrl | Should -BeNullOrEmpty
            $card.MediaHeight | Should -BeNullOrEmpty
        }
    }

    It 'copies a piped card with its suggestion chips, changing only what the command line gives' {
        $chips = (New-ConnectRcsSuggestion 'Buy' -Url 'https://example.com/buy'), (New-ConnectRcsSuggestion 'Call' -Phone '+447700900001')
        $card = New-ConnectRcsCard -Title 'Sale' -Description 'Half price' -Suggestion $chips

        $copy = $card | New-ConnectRcsCard -Title 'Back in stock'

        $copy.Title | Should -Be 'Back in stock'
        $copy.Description | Should -Be 'Half price'
        $copy.Suggestions.DisplayText | Should -Be 'Buy', 'Call'
        ($card | New-ConnectRcsCard -Suggestion $chips[1]).Suggestions.DisplayText | Should -Be 'Call'
    }

    It 'refuses a MediaHeight of a row with no media column alone, even after a row that had one; later rows still make cards' {
        # Before: the row ended the command, and the rows after it got no card and no error.
        $rows = [pscustomobject]@{ Title = 'Tea'; Image = 'https://files.example.com/tea.png'; MediaHeight = 'Short' },
                [pscustomobject]@{ Title = 'Cake'; MediaHeight = 'Short' },
                @{ Title = 'Jam'; MediaUrl = 'https://files.example.com/jam.png'; MediaHeight = 'Tall' }

        $cards = @($rows | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)

        $cards.Title | Should -Be @('Tea', 'Jam')
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MediaHeightWithoutMediaUrl,*'
        $refused[0].Exception.Message | Should -BeExactly ('Row 2: MediaHeight Short needs a MediaUrl (or Image) value in the same row: the height is ' +
            "that of the card's image or video. Give the row its MediaUrl, or leave its MediaHeight out. No card was made.")
        $refused[0].TargetObject | Should -Be 2
    }

    It 'builds a card for every row of a CSV with empty cells, leaving those fields out (none dropped from the carousel)' {
        Connect-FreshSandbox
        $products = @(
            'Title,Description,Image'
            'Trail shoe,Light and waterproof.,https://files.example.com/shoe.png'
            'Rain jacket,,https://files.example.com/jacket.png'
            'Head torch,300 lumens.,'
        ) | ConvertFrom-Csv

        $cards = @($products | ForEach-Object { New-ConnectRcsCard -Title $_.Title -Description $_.Description -MediaUrl $_.Image -MediaHeight Short -ErrorAction Stop })

        $cards.Count | Should -Be 3
        $cards[1].Description | Should -BeNullOrEmpty
        $cards[2].MediaUrl | Should -BeNullOrEmpty
        $cards[2].MediaHeight | Should -BeNullOrEmpty
        (Send-ConnectRcs -To '+447700900431' -From 'app-1' -Carousel $cards).Status | Should -Be 'Queued'
        $sent = @(Get-SentBody)[-1].content.cards
        $sent.Count | Should -Be 3
        $sent[1].PSObject.Properties.Name | Should -Not -Contain 'description'
        $sent[2].PSObject.Properties.Name | Should -Not -Contain 'media'
    }

    It 'builds one card per row piped in from a CSV, its columns bound by name, for a carousel' {
        # Before, no parameter took pipeline input: every row was refused with "The input object cannot be bound to any parameters".
        Connect-FreshSandbox
        $products = @(
            'Title,Description,Image,MediaHeight,Price'
            'Trail shoe $(Name),Light and waterproof.,https://files.example.com/shoe.png,Medium,59.99'
            'Rain jacket,,https://files.example.com/jacket.png,Short,89.00'
            'Head torch,300 lumens.,,,19.50'
        ) | ConvertFrom-Csv

        $cards = @($products | New-ConnectRcsCard -ErrorAction Stop)

        $cards.Count | Should -Be 3
        $cards.Title | Should -Be @('Trail shoe $(Name)', 'Rain jacket', 'Head torch')
        $cards[0].MediaUrl | Should -Be 'https://files.example.com/shoe.png'
        $cards[0].MediaHeight | Should -Be 'Medium'
        $cards[1].Description | Should -BeNullOrEmpty
        $cards[2].MediaUrl | Should -BeNullOrEmpty
        $cards[2].MediaHeight | Should -BeNullOrEmpty
        $shortCards = @($products | New-ConnectRcsCard -MediaHeight Short)
        $shortCards.Count | Should -Be 3
        $shortCards[0..1].MediaHeight | Should -Be @('Short', 'Short') -Because 'the command line''s height is every card''s'
        $shortCards[2].MediaHeight | Should -BeNullOrEmpty -Because 'the card without an image has no height'
        (Send-ConnectRcs -To '+447700900432' -From 'app-1' -Carousel $cards -Substitution @{ Name = 'X' }).Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.cards.Count | Should -Be 3
    }

    It 'refuses a card with nothing to show where it is made, naming what to give; a piped row alone' {
        # Before: New-ConnectRcsCard made an empty card without a word, and Send-ConnectRcs refused it later.
        { New-ConnectRcsCard -ErrorAction Stop } | Should -Throw -ErrorId 'EmptyRcsCard,*' -ExpectedMessage 'a card needs something to show: give -Title, -Description or -MediaUrl*'
        { New-ConnectRcsCard -Title '' -Orientation Vertical -ErrorAction Stop } | Should -Throw -ErrorId 'EmptyRcsCard,*'

        $products = @(
            [pscustomobject]@{ Title = 'Trail shoe'; Image = '' }
            [pscustomobject]@{ Title = ''; Image = '' }
            [pscustomobject]@{ Title = ''; Image = 'https://files.example.com/torch.png' }
        )
        $cards = @($products | New-ConnectRcsCard -ErrorVariable empty -ErrorAction SilentlyContinue)
        $cards.Count | Should -Be 2
        @($empty).Count | Should -Be 1
        $empty[0].FullyQualifiedErrorId | Should -BeLike 'EmptyRcsCard,*'
        $empty[0].Exception.Message | Should -BeLike 'Row 2 gives no Title, Description or MediaUrl (or Image) value: *'
        $empty[0].TargetObject | Should -Be 2    # the row's number, as the message says it (it was null)
    }

    It 'refuses a piped row whose title or description is too long alone, naming the row and column; later rows keep their numbers' {
        # Before: a validation attribute refused the row while binding it, with no row number ("Cannot validate argument on
        # parameter 'Title'"), and the row never reached the cmdlet: the blank row after it was reported as "Row 2".
        $products = @(
            [pscustomobject]@{ Title = 'Trail shoe'; Description = 'Light.' }
            [pscustomobject]@{ Title = 'x' * 201; Description = 'Long name' }
            [pscustomobject]@{ Title = 'Torch'; Description = 'y' * 2001 }
            [pscustomobject]@{ Title = ''; Description = '' }
            [pscustomobject]@{ Title = 'x' * 200; Description = 'y' * 2000 }
        )
        $cards = @($products | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)
        $cards.Title | Should -Be @('Trail shoe', ('x' * 200)) -Because 'the limits themselves are allowed'
        @($refused).Count | Should -Be 3
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'RcsCardTextTooLong,*'
        $refused[0].Exception.Message | Should -Be 'Row 2: Title: The text has 201 characters: at most 200 are allowed. Shorten it. No card was made.'
        $refused[0].TargetObject | Should -Be 2
        $refused[1].FullyQualifiedErrorId | Should -BeLike 'RcsCardTextTooLong,*'
        $refused[1].Exception.Message | Should -BeLike 'Row 3: Description: The text has 2001 characters: at most 2000*'
        $refused[2].FullyQualifiedErrorId | Should -BeLike 'EmptyRcsCard,*'
        $refused[2].Exception.Message | Should -BeLike 'Row 4 gives no Title*'
    }

    It 'refuses a -<Name> that names none of its values with an error of its own that does not stop the statement, naming the values' -ForEach @(
        @{ Name = 'MediaHeight'; Given = 'Large'; Values = 'Short, Medium, Tall' }
        @{ Name = 'MediaHeight'; Given = 7; Values = 'Short, Medium, Tall' }
        @{ Name = 'Orientation'; Given = 'Diagonal'; Values = 'Horizontal, Vertical' }
        @{ Name = 'ThumbnailAlignment'; Given = 'Centre'; Values = 'Left, Right' }
    ) {
        # Before: PowerShell's binder refused it (CannotConvertArgumentNoMessage), which ended the statement around it: a
        # script's loop, Send-ConnectRcs -Card (New-ConnectRcsCard ... -MediaHeight $r.Height), lost that row's result.
        $layout = @{ $Name = $Given }
        $card = New-ConnectRcsCard -Title 'Shoe' -MediaUrl 'https://files.example.com/shoe.png' @layout -ErrorVariable refused -ErrorAction SilentlyContinue
        $card | Should -BeNullOrEmpty
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRcsCardLayout,WebexConnect.Commands.NewConnectRcsCardCommand'
        $refused[0].Exception.Message | Should -BeExactly ("-$($Name): '$Given' is none of $($Values): give one of them, or leave -$Name out for the service's default. No card was made.")
        # Piped, the command line's value is every card's: the command stops once, before any card.
        { [pscustomobject]@{ Title = 'Shoe'; Image = 'https://files.example.com/shoe.png' } | New-ConnectRcsCard @layout } |
            Should -Throw -ErrorId 'InvalidRcsCardLayout,*' -ExpectedMessage "-$($Name): '$Given' is none of *"
        # Its values still complete, and a good one still makes the card.
        (TabExpansion2 "New-ConnectRcsCard -$Name " ("New-ConnectRcsCard -$Name ".Length)).CompletionMatches.CompletionText |
            Should -Be ($Values -split ', ' | Sort-Object)
        $good = @{ $Name = ($Values -split ', ')[0] }
        (New-ConnectRcsCard -Title 'Shoe' -MediaUrl 'https://files.example.com/shoe.png' @good).$Name | Should -Be ($Values -split ', ')[0]
    }

    It 'refuses a piped row whose MediaHeight, Orientation or ThumbnailAlignment names no value, naming the row and cell' {
        # Before: PowerShell left the parameter unbound without a word when the cell did not convert: 'Large' made a card of
        # the service's default height, and the admin never learned the column was not read.
        $products = @(
            [pscustomobject]@{ Title = 'Shoe'; Image = 'https://files.example.com/shoe.png'; MediaHeight = 'Large'; Orientation = ''; ThumbnailAlignment = '' }
            [pscustomobject]@{ Title = 'Jacket'; Image = 'https://files.example.com/jacket.png'; MediaHeight = 'short'; Orientation = 'Sideways'; ThumbnailAlignment = '' }
            [pscustomobject]@{ Title = 'Torch'; Image = 'https://files.example.com/torch.png'; MediaHeight = ''; Orientation = 'Vertical'; ThumbnailAlignment = 'Centre' }
            [pscustomobject]@{ Title = 'Tent'; Image = 'https://files.example.com/tent.png'; MediaHeight = 'Tall'; Orientation = 'horizontal'; ThumbnailAlignment = ' ' }
        )
        $cards = @($products | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)
        $cards.Title | Should -Be @('Tent') -Because 'empty cells are the service''s default, and names match in any case'
        $cards[0].MediaHeight | Should -Be 'Tall'
        $cards[0].Orientation | Should -Be 'Horizontal'
        @($refused).Count | Should -Be 3
        @($refused.FullyQualifiedErrorId) | Should -BeLike 'InvalidRcsCardLayout,*'
        $refused[0].Exception.Message | Should -Be "Row 1: MediaHeight: 'Large' is none of Short, Medium, Tall. Correct the cell, or leave it empty for the service's default. No card was made."
        $refused[1].Exception.Message | Should -BeLike "Row 2: Orientation: 'Sideways' is none of Horizontal, Vertical. *"
        $refused[2].Exception.Message | Should -BeLike "Row 3: ThumbnailAlignment: 'Centre' is none of Left, Right. *"
        @($refused.TargetObject) | Should -Be @(1, 2, 3)
    }

    It 'refuses a layout cell that names no value also after a row whose same cell was read' {
        # Before: PowerShell keeps a column an earlier row bound in BoundParameters, so 'Large' after a 'Short' (the usual
        # CSV: good rows first) looked bound and made a card of the service's default height without a word.
        $products = @(
            [pscustomobject]@{ Title = 'Tea'; Image = 'https://files.example.com/tea.png'; MediaHeight = 'Short'; Orientation = 'Vertical' }
            [pscustomobject]@{ Title = 'Coffee'; Image = 'https://files.example.com/coffee.png'; MediaHeight = 'Large'; Orientation = 'Vertical' }
            [pscustomobject]@{ Title = 'Milk'; Image = 'https://files.example.com/milk.png'; MediaHeight = 'Medium'; Orientation = 'Sideways' }
        )
        $cards = @($products | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)
        $cards.Title | Should -Be @('Tea')
        @($refused).Count | Should -Be 2
        $refused[0].Exception.Message | Should -BeLike "Row 2: MediaHeight: 'Large' is none of Short, Medium, Tall. *"
        $refused[1].Exception.Message | Should -BeLike "Row 3: Orientation: 'Sideways' is none of Horizontal, Vertical. *"
    }

    It 'makes a card of each piped hashtable''s keys, as of an object''s properties, and names a layout key that names no value' {
        # Before: a hashtable binds by no property name, so every one was refused as a row that "gives no Title".
        $products = @(
            @{ Title = 'Tea'; Image = 'https://files.example.com/tea.png'; MediaHeight = 'short' }
            @{ Title = 'Coffee'; Image = 'https://files.example.com/coffee.png'; MediaHeight = 'Large' }
            [ordered]@{ Description = 'Fresh milk'; Orientation = 'Vertical' }
        )
        $cards = @($products | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)
        $cards.Count | Should -Be 2
        $cards[0].Title | Should -Be 'Tea'
        $cards[0].MediaUrl | Should -Be 'https://files.example.com/tea.png'
        $cards[0].MediaHeight | Should -Be 'Short'
        $cards[1].Title | Should -BeNullOrEmpty -Because 'the third row''s card has no title, not the one of the row before'
        $cards[1].Description | Should -Be 'Fresh milk'
        $cards[1].Orientation | Should -Be 'Vertical'
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRcsCardLayout,*'
        $refused[0].Exception.Message | Should -BeLike "Row 2: MediaHeight: 'Large' is none of Short, Medium, Tall. *"
    }

    It 'reads a piped row''s layout cells when -MediaHeight is given on the command line, which wins over the column' {
        $products = @(
            [pscustomobject]@{ Title = 'Tea'; Image = 'https://files.example.com/tea.png'; MediaHeight = 'Large'; Orientation = 'Sideways' }
        )
        $cards = @($products | New-ConnectRcsCard -MediaHeight Medium -ErrorVariable refused -ErrorAction SilentlyContinue)
        $cards | Should -BeNullOrEmpty
        $refused[0].Exception.Message | Should -BeLike "Row 1: Orientation: 'Sideways' is none of Horizontal, Vertical. *"
        @($products[0] | New-ConnectRcsCard -MediaHeight Medium -Orientation Vertical).MediaHeight | Should -Be 'Medium'
    }

    It 'refuses a -Description longer than 2000 characters on the command line before any piped row' {
        { [pscustomobject]@{ Title = 'A' } | New-ConnectRcsCard -Description ('y' * 2001) } |
            Should -Throw -ErrorId 'RcsCardTextTooLong,*' -ExpectedMessage '-Description: The text has 2001 characters: at most 2000*'
        $Error[0].TargetObject | Should -Be ('y' * 2001)
    }

    It 'still refuses a title longer than 200 characters, naming the limit' {
        { New-ConnectRcsCard -Title ('x' * 201) -ErrorAction Stop } | Should -Throw -ErrorId 'RcsCardTextTooLong,*' -ExpectedMessage '-Title: The text has 201 characters: at most 200*'
    }

    # Before: Excel and hand-edited CSVs leave spaces after a cell's text (Import-Csv keeps them), and a card built from
    # such a row went Queued with "url":"https://.../shoe.png " in its media and its chip: links the handset fetches with
    # the space. Send-ConnectRcs already sent a MediaUrl column's file without them.
    It 'makes the cards and chips of CSV rows whose URL cells have spaces around them, and sends their links without them' {
        Connect-FreshSandbox
        $products = Import-Csv (Join-Path $PSScriptRoot 'Fixtures/rcs-products-cells-with-spaces.csv')

        $cards = @($products | ForEach-Object {
            New-ConnectRcsCard -Title $_.Title -MediaUrl $_.Image -MediaHeight Short -Suggestion (New-ConnectRcsSuggestion 'Open' -Url $_.Link)
        })

        $cards.MediaUrl | Should -BeExactly @('https://files.example.com/shoe.png', 'https://files.example.com/jacket.png')
        $cards.Suggestions.Url | Should -BeExactly @('https://example.com/shoe', 'https://example.com/jacket')
        (New-ConnectRcsSuggestion 'Call' -Phone '+442071234567 ').Phone | Should -BeExactly '+442071234567' -Because 'a number''s cell is read as the Phone column is'
        @($products | New-ConnectRcsCard).MediaUrl | Should -BeExactly $cards.MediaUrl -Because 'a piped row''s Image column is the same cell'
        (Send-ConnectRcs -To '+447700900433' -From 'app-1' -Carousel $cards).Status | Should -Be 'Queued'
        $sent = @(Get-SentBody)[-1].content.cards
        $sent.media.url | Should -BeExactly $cards.MediaUrl
        $sent.suggestions.url | Should -BeExactly $cards.Suggestions.Url
    }

    It 'refuses a text where a chip goes with advice to make the chip, in an error that does not stop the statement' {
        # Before: PowerShell's binder could not convert 'Yes' to a chip, and its error ended the statement around it.
        $card = New-ConnectRcsCard -Title 'T' -Suggestion 'Yes' -ErrorVariable refused -ErrorAction SilentlyContinue; $after = 'ran'
        $card | Should -BeNullOrEmpty
        $after | Should -Be 'ran'
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'RcsCardSuggestionNotMade,WebexConnect.Commands.NewConnectRcsCardCommand'
        $refused[0].Exception.Message | Should -BeExactly ('-Suggestion[0]: ''Yes'' is text, not a chip: make the chip with New-ConnectRcsSuggestion, ' +
            'as in -Suggestion (New-ConnectRcsSuggestion ''Yes''). No card was made.')
        # Beside a chip: the text's slot is named, and a chip made in the statement is kept out of the reason.
        $null = New-ConnectRcsCard -Title 'T' -Suggestion (New-ConnectRcsSuggestion 'No'), 'Yes' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -BeLike '-Suggestion`[1`]: ''Yes'' is text, not a chip:*'
    }

    It 'refuses a $null suggestion when the card is made, with an error that does not stop the statement' {
        # Before: ValidateNotNull's refusal, which ended the Send-ConnectRcs around it too (a script's loop lost the row).
        $chip = New-ConnectRcsSuggestion 'Yes'
        $card = New-ConnectRcsCard -Title 'T' -Suggestion $chip, $null -ErrorVariable refused -ErrorAction SilentlyContinue
        $card | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'RcsCardSuggestionNotMade,WebexConnect.Commands.NewConnectRcsCardCommand'
        $refused[0].Exception.Message | Should -BeExactly ('-Suggestion[1] is $null: New-ConnectRcsSuggestion made no chip: correct what its error said, ' +
            'or leave the chip out. No card was made.')
        # A chip New-ConnectRcsSuggestion refused in the same statement: its words.
        $card = New-ConnectRcsCard -Title 'T' -Suggestion (New-ConnectRcsSuggestion ('x' * 26) -ErrorAction SilentlyContinue) -ErrorVariable refused -ErrorAction SilentlyContinue
        $card | Should -BeNullOrEmpty
        $refused[0].Exception.Message | Should -BeExactly ("-Suggestion[0] is `$null: New-ConnectRcsSuggestion made no chip, as its error said: -DisplayText '$('x' * 26)' " +
            'has 26 characters: a chip''s label takes at most 25 (the service''s limit). Shorten it. No card was made.')
    }

    It 'refuses more than four suggestions, naming the service''s limit and where the others can go' {
        # Before: PowerShell's "The parameter requires at least 0 value(s) and no more than 4 value(s) - 5 value(s) were
        # provided", which named neither whose limit it is nor what to do with the fifth chip.
        $five = 1..5 | ForEach-Object { New-ConnectRcsSuggestion "Reply $_" }
        $thrown = { New-ConnectRcsCard -Title 'Too many' -Suggestion $five -ErrorAction Stop } | Should -Throw -ErrorId 'RcsCardTooManySuggestions,*' -PassThru
        $thrown.Exception.Message | Should -Be ('-Suggestion: a rich card has 5 suggestions: at most 4 are allowed (the service''s limit): take 1 off ' +
            'the card; the message itself takes up to 10 of its own (Send-ConnectRcs -Suggestion). No card was made.')
        @(New-ConnectRcsCard -Title 'Four' -Suggestion $five[0..3]).Suggestions.Count | Should -Be 4
    }

    It 'refuses a piped card copy with more than four chips alone, naming its row; later rows keep their numbers' {
        # Before: the binder refused the row ('no more than 4 value(s)') before the cmdlet saw it: no row number, and the
        # row after it was told as the one before.
        $chips = 1..5 | ForEach-Object { New-ConnectRcsSuggestion "Reply $_" }
        $rows = @(
            [pscustomobject]@{ Title = 'A'; Suggestions = $chips[0..1] }
            [pscustomobject]@{ Title = 'B'; Suggestions = $chips }
            [pscustomobject]@{ Title = ''; Description = '' }
            [pscustomobject]@{ Title = 'D' }
        )

        $cards = @($rows | New-ConnectRcsCard -ErrorVariable refused -ErrorAction SilentlyContinue)

        $cards.Title | Should -Be @('A', 'D')
        @($refused).Count | Should -Be 2
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'RcsCardTooManySuggestions,*'
        $refused[0].Exception.Message | Should -BeLike 'Row 2: Suggestions: a rich card has 5 suggestions: at most 4 are allowed (the service''s limit): take 1 off the card*No card was made.'
        $refused[0].TargetObject | Should -Be 2
        $refused[1].Exception.Message | Should -BeLike 'Row 3 gives no Title*'
    }
}

Describe 'The help of parameters given once for every row, which stop the command rather than make rows Invalid' {
    # Before, Get-Help said "the row is Invalid" for a fallback half given (and for an SMS -Validity over 72 hours): the
    # command stops with InvalidParameterValue and writes no result at all, since every row would be refused.
    BeforeAll { Connect-WebexConnect -Sandbox }

    It '<Cmdlet> -<Parameter>: the help says the command stops, as it does' -ForEach @(
        @{ Cmdlet = 'Send-ConnectRcs'; Parameter = 'FallbackSenderId'; Send = { Send-ConnectRcs -To '+447700900001' -From acme-agent -Text 'Hi' -FallbackSenderId ACME } }
        @{ Cmdlet = 'Send-ConnectRcs'; Parameter = 'FallbackText'; Send = { Send-ConnectRcs -To '+447700900001' -From acme-agent -Text 'Hi' -FallbackText 'Hi' } }
        # Piped: every row's. With nothing piped, a script's loop of one-row calls, -Validity is the row's own (OneRowCalls.Tests).
        @{ Cmdlet = 'Send-ConnectSms'; Parameter = 'Validity'; Send = { '+447700900001' | Send-ConnectSms -From ACME -Text 'Hi' -Validity 73h } }
    ) {
        $Send | Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*nothing was sent*'
        $help = (Get-Help $Cmdlet -Parameter $Parameter | Out-String -Width 200) -replace '\s+', ' '
        $help | Should -Not -Match 'row is Invalid|makes the row Invalid'
        $help | Should -Match 'stops the command with InvalidParameterValue before anything is sent'
    }

    It 'New-ConnectRcsCard: the description says a card that breaks a rule stops a piped Send-ConnectRcs, and is a one-row call''s Invalid row, as it does' {
        # Before, it said a bad card stops Send-ConnectRcs, also of a call with nothing piped, whose row is Invalid since round 21.
        $crowded = New-ConnectRcsCard -Title 'B' -Suggestion (1..3 | ForEach-Object { New-ConnectRcsSuggestion "S$_" })
        { '+447700900001', '+447700900002' | Send-ConnectRcs -From acme-agent -Carousel (New-ConnectRcsCard -Title 'A'), $crowded } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*nothing was sent*'
        $one = Send-ConnectRcs -To '+447700900001' -From acme-agent -Carousel (New-ConnectRcsCard -Title 'A'), $crowded -ErrorAction SilentlyContinue
        $one.Status | Should -Be 'Invalid'
        $one.Code | Should -Be 'InvalidParameterValue'
        $help = ((Get-Help New-ConnectRcsCard).description.Text -join ' ') -replace '\s+', ' '
        $help | Should -Match 'stops a piped Send-ConnectRcs with InvalidParameterValue before anything is sent'
        $help | Should -Match 'With nothing piped \(-To on the command line\), the one row is Invalid instead'
    }

    It 'New-ConnectRcsSuggestion -Url: the help says who refuses a $(name) in it, as they do' {
        # Before, the help said "a URL with one is refused": New-ConnectRcsSuggestion makes the chip without a word, and
        # only Send-ConnectRcs stops, so an admin building chips in a loop looked for the refusal in the wrong place.
        $chip = New-ConnectRcsSuggestion -DisplayText 'Track' -Url 'https://example.com/track/$(OrderId)'
        $chip.Url | Should -Be 'https://example.com/track/$(OrderId)'
        { '+447700900001' | Send-ConnectRcs -From acme-agent -Text 'Hi' -Suggestion $chip } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '*nothing was sent*'
        # The description's own text: Get-Help prints it broken at its column width, whatever the console's.
        $help = ((Get-Help New-ConnectRcsSuggestion -Parameter Url).description.Text -join ' ') -replace '\s+', ' '
        $help | Should -Match 'a URL with one makes the chip, but Send-ConnectRcs refuses it before anything is sent \(InvalidParameterValue\)'
    }
}

Describe 'Send-ConnectRcs' {
    BeforeEach { Connect-FreshSandbox }

    It 'sends text to each row with one result per row' {
        $rows = @(
            [pscustomobject]@{ Msisdn = '+447700900401'; Name = 'Ann' }
            [pscustomobject]@{ Mobile = '+447700900402'; Name = 'Bob' }
        )

        $results = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Hi $(Name)')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Channel | Select-Object -Unique | Should -Be 'Rcs'
        $bodies = @(Get-SentBody)
        $bodies[0].channel | Should -BeExactly 'rcs'
        $bodies.content.type | Select-Object -Unique | Should -BeExactly 'text'
    }

    It 'names every way to give the content for a row with an empty Text cell, and sends the others' {
        # Before: "Text is required for Text content (or give a template)", which named no parameter, column or other content.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900403'; Text = 'Hi Ann' }
            [pscustomobject]@{ Phone = '+447700900404'; Text = '' }
        )

        $results = @($rows | Send-ConnectRcs -From 'app-1' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeExactly 'Row 2: Text: the message has no content: give -Text or a Text column, -MediaUrl or a MediaUrl column, -Card or -Carousel, or a template (-TemplateId)'
    }

    It 'stops once, before sending, when neither the command line nor the CSV gives any content' {
        # Before: every row Invalid with "Text is required for Text content (or give a template)", one error per row.
        $csv = Join-Path $TestDrive 'rcs.csv'
        "Phone,Name`n+447700900405,Ann`n+447700900406,Bob" | Set-Content -LiteralPath $csv

        { Import-Csv -LiteralPath $csv | Send-ConnectRcs -From 'app-1' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            '-Text: the message has no content: give -Text or a Text column, -MediaUrl or a MediaUrl column, -Card or -Carousel, or a template (-TemplateId). ' +
            "The command line has no -Text or -MediaUrl and the first row no Text or MediaUrl column (the row has the columns 'Phone', 'Name'), so every row would be refused: nothing was sent.")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # Numbers piped by themselves have no columns at all.
        { '+447700900405', '+447700900406' | Send-ConnectRcs -From 'app-1' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage '*The command line has no -Text or -MediaUrl and the rows piped in have no columns*'
    }

    It 'sends a standalone rich card' {
        $card = New-ConnectRcsCard -Title 'Sale' -MediaUrl 'https://example.com/a.png' -MediaHeight Short -Orientation Vertical

        (Send-ConnectRcs -To '+447700900411' -From 'app-1' -Card $card).Status | Should -Be 'Queued'

        $content = @(Get-SentBody)[-1].content
        $content.type | Should -BeExactly 'standalone'
        $content.richCard.title | Should -Be 'Sale'
    }

    It 'sends a card saved with <Saved> and read back, as it sends the card itself' -ForEach @(
        @{ Saved = 'ConvertTo-Json'; Save = { param($card, $path) $card | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path }; Read = { param($path) Get-Content -LiteralPath $path -Raw | ConvertFrom-Json } }
        @{ Saved = 'Export-Clixml'; Save = { param($card, $path) $card | Export-Clixml -LiteralPath $path }; Read = { param($path) Import-Clixml -LiteralPath $path } }
    ) {
        # Before, PowerShell refused it: 'Cannot convert the "System.Object[]" value ... to type "...IReadOnlyList`1[...RcsSuggestion]"'.
        $chips = @(
            New-ConnectRcsSuggestion 'Buy now' -Url 'https://shop.example.com/sale'
            New-ConnectRcsSuggestion 'Save' -StartTime '2026-12-10T10:00:00Z' -EndTime '2026-12-10T11:00:00Z' -Title 'Sale'
        )
        $card = New-ConnectRcsCard -Title 'Sale' -Description 'This week' -MediaUrl 'https://cdn.example.com/sale.jpg' -MediaHeight Medium -Orientation Horizontal -ThumbnailAlignment Right -Suggestion $chips
        $path = Join-Path $TestDrive "card-$Saved"
        & $Save $card $path
        $readBack = & $Read $path

        $expected = Send-ConnectRcs -To '+447700900412' -From 'app-1' -Card $card -PayloadOnly
        Send-ConnectRcs -To '+447700900412' -From 'app-1' -Card $readBack -PayloadOnly | Should -Be $expected
        $expectedCarousel = Send-ConnectRcs -To '+447700900412' -From 'app-1' -Carousel $card, $card -PayloadOnly
        Send-ConnectRcs -To '+447700900412' -From 'app-1' -Carousel $readBack, $readBack -PayloadOnly | Should -Be $expectedCarousel
        (Send-ConnectRcs -To '+447700900412' -From 'app-1' -Card $readBack).Status | Should -Be 'Queued'
    }

    It 'sends a card written in the vendor''s JSON, and names a member a card has not' {
        $vendor = '{"title":"Sale","orientation":"VERTICAL","media":{"height":"MEDIUM","url":"https://cdn.example.com/a.jpg"},"suggestions":[{"type":"openUrl","displayText":"Buy","url":"https://shop.example.com"}]}' | ConvertFrom-Json

        $richCard = (Send-ConnectRcs -To '+447700900413' -From 'app-1' -Card $vendor -PayloadOnly | ConvertFrom-Json).content.richCard
        $richCard.media.url | Should -Be 'https://cdn.example.com/a.jpg'
        $richCard.media.height | Should -BeExactly 'MEDIUM'
        $richCard.suggestions[0].type | Should -BeExactly 'openUrl'
        { Send-ConnectRcs -To '+447700900413' -From 'app-1' -Carousel $vendor, ([pscustomobject]@{ Titel = 'Typo' }) -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*The card``[1``] has a member 'Titel' that a card has not: a card has Title, *"
    }

    It 'says a carousel takes 2 to 10 cards when -Carousel gets <Given>, before any row' -ForEach @(
        @{ Given = 'no card (@())'; Cards = @() }
        @{ Given = '$null'; Cards = $null }
    ) {
        # Before: PowerShell's "The argument is null, empty, or an element of the argument collection contains a null value."
        $rows = [pscustomobject]@{ To = '+447700900415' }, [pscustomobject]@{ To = '+447700900416' }
        { $rows | Send-ConnectRcs -From 'app-1' -Carousel $Cards -PayloadOnly } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ('-Carousel: a carousel takes 2 to 10 cards, and it got none: no card was made; ' +
                'if New-ConnectRcsCard wrote errors before this, correct those first. It is the same for every row, so nothing was sent: correct -Carousel and run the command again.')
    }

    It 'says a mistake every carousel card shares once, listing the cards, before any row' {
        # Cards made in a loop share their mistake. Before: "-Carousel[0].MediaHeight: -MediaHeight Tall is not allowed on a
        # carousel card: use Short or Medium; -Carousel[1].MediaHeight: ..." once per card, 12 lines at 80 columns for 3 cards.
        $chips = 1..3 | ForEach-Object { New-ConnectRcsSuggestion "R$_" "r$_" }
        $cards = 1..3 | ForEach-Object { New-ConnectRcsCard -Title "Card $_" -MediaUrl "https://img.example.com/$_.png" -MediaHeight Tall -Suggestion $chips }
        $rows = [pscustomobject]@{ To = '+447700900415' }, [pscustomobject]@{ To = '+447700900416' }

        $thrown = { $rows | Send-ConnectRcs -From 'app-1' -Carousel $cards } | Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $thrown.Exception.Message | Should -Be ('-Carousel[0,1,2].MediaHeight: -MediaHeight Tall is not allowed on a carousel card: use Short or Medium; ' +
            '-Carousel[0,1,2].Suggestions: a carousel card has 3 suggestions: at most 2 are allowed (the service''s limit): take 1 off the ' +
            'card, or send the card alone with -Card, where a card takes 4. They are the same for every row, ' +
            'so nothing was sent: correct -Carousel and run the command again.')
        Get-ConnectSandboxRequest | Should -BeNullOrEmpty
    }

    It 'says how to send a text over 1024 characters: shorter, or as a card, whose description takes 2000' {
        # Before: "Text: has 1100 characters: at most 1024 are allowed", and nothing said what would send it.
        $long = 'x' * 1100
        $rows = [pscustomobject]@{ To = '+447700900417'; Text = $long }, [pscustomobject]@{ To = '+447700900418'; Text = 'Hi' }
        $results = @($rows | Send-ConnectRcs -From 'app-1' -ErrorAction SilentlyContinue -ErrorVariable sendErrors)

        $results.Status | Should -Be @('Invalid', 'Queued')
        "$($sendErrors[0])" | Should -Be ("Row 1: Invalid +447700900417: Text: has 1100 characters: at most 1024 are allowed: shorten it, or send " +
            "it as a card, whose description takes up to 2000: -Card (New-ConnectRcsCard -Description '`$(Text)')")
        { '+447700900417' | Send-ConnectRcs -From 'app-1' -Text $long } |
            Should -Throw -ExpectedMessage '-Text: has 1100 characters: at most 1024 are allowed: shorten it, or send it as a card*-Card (New-ConnectRcsCard -Description $text). It is the same for every row*'

        # The advice works: the same rows, each with its own text as its card's description.
        Connect-FreshSandbox
        $asCards = @($rows | Send-ConnectRcs -From 'app-1' -Card (New-ConnectRcsCard -Description '$(Text)'))
        $asCards.Status | Should -Be @('Queued', 'Queued')
        $body = @(Get-SentBody)[0]
        $body.content.richCard.description | Should -BeExactly '$(Text)'
        $body.to[0].substitutions.Text | Should -Be $long
    }

    It 'sends nothing to a row whose card failed when the card is made in the same statement, as New-ConnectRcsCard''s notes say' {
        # A card kept in a variable across the two statements went to the next row whose card failed: the notes warn of it.
        # A script of its own, as an admin's: inside Pester's try, a failed statement would end the loop.
        $loop = {
            param($Manifest, [switch] $InVariable)
            Import-Module $Manifest
            @(
                [pscustomobject]@{ To = '+447700900421'; Title = 'Red'; Url = 'https://cdn.example.com/a.jpg'; Height = 'Short' }
                [pscustomobject]@{ To = '+447700900422'; Title = 'Blue'; Url = 'https://cdn.example.com/a.jpg'; Height = 'Huge' }
                [pscustomobject]@{ To = '+447700900423'; Title = ''; Url = ''; Height = 'Short' }
                [pscustomobject]@{ To = '+447700900424'; Title = 'Green'; Url = 'https://cdn.example.com/a.jpg'; Height = 'Short' }
            ) | ForEach-Object {
                if ($InVariable) {
                    $card = New-ConnectRcsCard -Title $_.Title -MediaUrl $_.Url -MediaHeight $_.Height
                    Send-ConnectRcs -To $_.To -From 'app-1' -PayloadOnly -Card $card
                }
                else {
                    Send-ConnectRcs -To $_.To -From 'app-1' -PayloadOnly -Card (New-ConnectRcsCard -Title $_.Title -MediaUrl $_.Url -MediaHeight $_.Height)
                }
            }
        }
        $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        foreach ($inVariable in $false, $true) {
            $ps = [powershell]::Create()
            try {
                $sent = @($ps.AddScript($loop).AddArgument($manifest).AddParameter('InVariable', $inVariable).Invoke() | ConvertFrom-Json)
                # Row 2's -MediaHeight Huge and row 3's empty card, each refused by New-ConnectRcsCard, then each row by Send-ConnectRcs.
                # Before, PowerShell refused row 2's Huge (CannotConvertArgumentNoMessage): no result for it, and $card still 'Red'.
                ($ps.Streams.Error | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) |
                    Should -Be 'InvalidRcsCardLayout', 'InvalidParameterValue', 'EmptyRcsCard', 'InvalidParameterValue'
                $sent.to.msisdn | Should -Be '+447700900421', '+447700900424'
                $sent.content.richCard.title | Should -Be 'Red', 'Green'
            }
            finally { $ps.Dispose() }
        }
    }

    It 'takes a list of one card as the card for -Card, and names -Carousel for a list of several' {
        # Before: "Cannot convert 'System.Object[]' to the type 'WebexConnect.Messages.RcsCard' required by parameter 'Card'. Specified method is not supported."
        $card = New-ConnectRcsCard -Title 'Sale' -Description 'This week'
        $expected = Send-ConnectRcs -To '+447700900414' -From 'app-1' -Card $card -PayloadOnly

        Send-ConnectRcs -To '+447700900414' -From 'app-1' -Card @($card) -PayloadOnly | Should -Be $expected
        Send-ConnectRcs -To '+447700900414' -From 'app-1' -Card @([pscustomobject]@{ Title = 'Sale'; Description = 'This week' }) -PayloadOnly | Should -Be $expected
        { Send-ConnectRcs -To '+447700900414' -From 'app-1' -Card $card, $card -PayloadOnly } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Card takes one card, and 2 were given: give 2 to 10 cards to -Carousel, or one to -Card.'
    }

    It 'refuses a text given to -Card or -Carousel (a saved card''s file name, which Tab offers there), saying how to read the card' {
        # Before: 'Cannot convert the "./card.json" value of type "System.String" to type "WebexConnect.Messages.RcsCard"'.
        $card = New-ConnectRcsCard -Title 'Sale'
        { Send-ConnectRcs -To '+447700900416' -From 'app-1' -Card './card.json' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Card takes a card from New-ConnectRcsCard, not the text './card.json': make it first*(Get-Content <file> -Raw | ConvertFrom-Json)."
        { Send-ConnectRcs -To '+447700900416' -From 'app-1' -Carousel $card, 'b.json' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*-Carousel``[1``] takes a card from New-ConnectRcsCard, not the text 'b.json'*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'reads a row''s <Column> column given to -Card or -Carousel as New-ConnectRcsCard reads it: the card''s MediaUrl' -ForEach @(
        @{ Column = 'Image' }, @{ Column = 'ImageUrl' }, @{ Column = 'MediaUrl' }
    ) {
        # Before, -Card refused a product row's Image column as "a member that a card has not"; New-ConnectRcsCard took it.
        $row = [pscustomobject]@{ Title = 'Watch'; Description = 'New'; $Column = 'https://cdn.example.com/watch.jpg' }
        $expected = Send-ConnectRcs -To '+447700900415' -From 'app-1' -Card ($row | New-ConnectRcsCard) -PayloadOnly

        Send-ConnectRcs -To '+447700900415' -From 'app-1' -Card $row -PayloadOnly | Should -Be $expected
        (Send-ConnectRcs -To '+447700900415' -From 'app-1' -Carousel $row, $row -PayloadOnly | ConvertFrom-Json).content.cards.media.url |
            Should -Be @('https://cdn.example.com/watch.jpg', 'https://cdn.example.com/watch.jpg')
    }

    It 'sends a carousel' {
        $cards = 'One', 'Two' | ForEach-Object { New-ConnectRcsCard -Title $_ -MediaUrl "https://example.com/$_.png" -MediaHeight Short }

        (Send-ConnectRcs -To '+447700900421' -From 'app-1' -Carousel $cards -CarouselWidth Small).Status | Should -Be 'Queued'

        $content = @(Get-SentBody)[-1].content
        $content.type | Should -BeExactly 'carousel'
        $content.cards.Count | Should -Be 2
    }

    It 'warns once that a <Column> column beside -Text sends nothing, naming -<Parameter>' -ForEach @(
        @{ Column = 'TemplateId'; Parameter = 'TemplateId' }, @{ Column = 'EventMessageId'; Parameter = 'EventMessageId' }
    ) {
        # Before: no word, and every row went out as text only, the column a substitution nobody read.
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090043$_"; $Column = "https://cdn.example.com/$_.jpg" } }

        $results = @($rows | Send-ConnectRcs -From 'app-1' -Text 'New in store' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        # -TemplateId and -EventMessageId do not go with -Text: "give -TemplateId on the command line" beside it would not bind.
        # (A MediaUrl column binds per row, and a Card column is told it cannot hold a card: their own tests below.)
        "$($warned[0])" | Should -BeLike "The column '$Column' does not set -$($Parameter): a column cannot; -$Parameter does not go with the parameters given here: give it on the command line in their place, for every row*"
    }

    It 'warns once per run, naming the cards, that a carousel card''s Orientation and ThumbnailAlignment are not sent' {
        # The service lays out carousel cards itself: before, the layout set on a card was left out of the request without a word.
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090047$_" } }
        $cards = (New-ConnectRcsCard -Title 'Summer sale' -Orientation Horizontal), (New-ConnectRcsCard -Title 'Two'), (New-ConnectRcsCard -Description 'Three' -ThumbnailAlignment Left)

        $results = @($rows | Send-ConnectRcs -From 'app-1' -Carousel $cards -WarningVariable warned 3>$null)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike "-Carousel``[0``] ('Summer sale') and -Carousel``[2``] set Orientation or ThumbnailAlignment, which only a single card takes: the service lays out carousel cards itself, so they are sent without them.*-Card*"
        @(Get-SentBody)[0].content.cards[0].PSObject.Properties.Name | Should -Not -Contain 'orientation'
        $null = Send-ConnectRcs -To '+447700900474' -From 'app-1' -Carousel (New-ConnectRcsCard -Title 'One'), (New-ConnectRcsCard -Title 'Two') -WarningVariable none
        $none.Count | Should -Be 0
    }

    It 'sends media and an agent event' {
        $null = Send-ConnectRcs -To '+447700900431' -From 'app-1' -MediaUrl 'https://example.com/video.mp4'
        $null = Send-ConnectRcs -To '+447700900431' -From 'app-1' -AgentEvent IsTyping

        $bodies = @(Get-SentBody)
        $bodies[0].content.type | Should -BeExactly 'media'
        $bodies[1].content.type | Should -BeExactly 'agentEvent'
    }

    It 'gives an Invalid result and an error for a bad number, and sends the rest' {
        $results = @('+447700900441', 'abc', '+447700900443' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -ErrorVariable rcsErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $rcsErrors.Count | Should -Be 1
        $rcsErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,WebexConnect.Commands.SendConnectRcsCommand'
        $rcsErrors[0].TargetObject | Should -Be 'abc'
        (Get-SentBody).to.msisdn | Sort-Object | Should -Be @('+447700900441', '+447700900443')
    }

    It 'refuses a $null suggestion before sending anything, as it refuses a $null card, naming it' {
        # Before: PowerShell's "The argument is null, empty, or an element of the argument collection contains a null value".
        $chip = New-ConnectRcsSuggestion 'Yes'
        { '+447700900461' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -Suggestion $chip, $null -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ('-Suggestion`[1`]: the suggestion is $null (a variable or column with no chip in it), or New-ConnectRcsSuggestion ' +
                'refused it with an error before this one: give a chip made by New-ConnectRcsSuggestion, or leave it out. It is the same for every row*')
        { '+447700900461' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -Suggestion $null } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-Suggestion`[0`]: the suggestion is $null*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops once, before sending, for a <Name> that every row would be refused for, instead of one Invalid row each' -ForEach @(
        @{ Name = 'message with 11 suggestions'; Expected = '-Suggestion: a message has 11 suggestions: at most 10 are allowed (the service''s limit): leave 1 out. It is the same for every row, so nothing was sent: correct -Suggestion*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion (1..11 | ForEach-Object { New-ConnectRcsSuggestion "Option $_" }) } }
        @{ Name = 'carousel of one card'; Expected = '-Carousel: a carousel has 1 card: use 2 to 10, or send a single card with -Card. It is the same for every row*correct -Carousel*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Carousel @(New-ConnectRcsCard -Title 'Watch W') } }
        @{ Name = 'carousel card with 3 suggestions'; Expected = '-Carousel`[1`].Suggestions: a carousel card has 3 suggestions: at most 2 are allowed*correct -Carousel*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Carousel (New-ConnectRcsCard -Title 'A'), (New-ConnectRcsCard -Title 'B' -Suggestion (1..3 | ForEach-Object { New-ConnectRcsSuggestion "S$_" })) } }
        @{ Name = 'card whose Title is only spaces'; Expected = '-Card.Title: Title is only white space (spaces, tabs or line breaks)*same for every row*correct -Card*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Card (New-ConnectRcsCard -Title '   ' -Description 'Our new watch') } }
        @{ Name = 'carousel card whose Description is only spaces'; Expected = '-Carousel`[1`].Description: Description is only white space*correct -Carousel*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Carousel (New-ConnectRcsCard -Title 'A'), (New-ConnectRcsCard -Title 'B' -Description "  `t") } }
        # Each names the parameter of New-ConnectRcsSuggestion or New-ConnectRcsCard the admin typed, not the model's field. A chip
        # of spaces only is not made (RcsSuggestionValueMissing), and the stop says what New-ConnectRcsSuggestion said of it.
        @{ Name = 'link chip whose -Url is only spaces'; Expected = '-Suggestion`[0`]: the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: -Url is empty: a chip that opens a web page needs its URL.*correct -Suggestion*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion (New-ConnectRcsSuggestion 'Shop' -Url '  ') } }
        @{ Name = 'chip whose -DisplayText is only spaces'; Expected = '-Suggestion`[0`]: the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: -DisplayText is empty: a chip needs a label*correct -Suggestion*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion (New-ConnectRcsSuggestion '   ') } }
        @{ Name = 'calendar chip whose -Title is only spaces'; Expected = '-Suggestion`[0`]: * as its error said: -Title is empty: a calendar event''s chip needs the event''s title.*correct -Suggestion*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion (New-ConnectRcsSuggestion 'Launch' -StartTime '2030-01-01T10:00:00Z' -EndTime '2030-01-01T11:00:00Z' -Title ' ') } }
        @{ Name = 'map chip whose -Address is only spaces'; Expected = '-Suggestion`[0`]: * as its error said: -Address is empty: a chip that shows a place needs its address.*correct -Suggestion*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion (New-ConnectRcsSuggestion 'Shop' -Address ' ') } }
        @{ Name = 'card whose -MediaUrl is only spaces with a -MediaHeight'; Expected = '-Card.MediaHeight: -MediaHeight needs -MediaUrl: the height is that of the card''s image or video*correct -Card*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Card (New-ConnectRcsCard -Title 'Watch' -MediaUrl ' ' -MediaHeight Tall) } }
        @{ Name = 'carousel card with -MediaHeight Tall'; Expected = '-Carousel`[0`].MediaHeight: -MediaHeight Tall is not allowed on a carousel card: use Short or Medium*correct -Carousel*'
            Send = { param($rows) $rows | Send-ConnectRcs -From 'app-1' -Carousel (New-ConnectRcsCard -Title 'A' -MediaUrl 'https://cdn.example.com/a.png' -MediaHeight Tall), (New-ConnectRcsCard -Title 'B') } }
    ) {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090048$_"; Name = "N$_" } }

        { & $Send $rows } | Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage $Expected
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses a $(name) in a chip''s URL, which the service would send as written, and sends each row''s own URL built per row' {
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090049$_"; Company = "C$_" } }
        $shared = New-ConnectRcsSuggestion 'Buy' -Url 'https://shop.example.com/?c=$(Company)'

        { $rows | Send-ConnectRcs -From 'app-1' -Text 'Launch' -Suggestion $shared } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Suggestion``[0``].Url: 'https://shop.example.com/?c=`$(Company)' holds `$(Company), which would reach the phone as written*correct -Suggestion*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $results = @($rows | ForEach-Object { Send-ConnectRcs -To $_.Phone -From 'app-1' -Text 'Launch' -Suggestion (New-ConnectRcsSuggestion 'Buy' -Url "https://shop.example.com/?c=$($_.Company)") })
        $results.Status | Should -Be @('Queued', 'Queued')
        (Get-SentBody).content.suggestions.url | Should -Be @('https://shop.example.com/?c=C1', 'https://shop.example.com/?c=C2')
    }

    It 'leaves an empty GtrId cell out, as an empty CorrelationId cell is' {
        $csv = Join-Path $TestDrive 'gtr.csv'
        "Phone,GtrId`n+447700900471,`n+447700900472, `n+447700900473,g-3" | Set-Content -LiteralPath $csv

        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectRcs -From 'app-1' -Text 'Hi')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $to = @(Get-SentBody).to
        $to[0].PSObject.Properties.Name | Should -Not -Contain 'gtrId'
        $to[1].PSObject.Properties.Name | Should -Not -Contain 'gtrId'
        $to[2].gtrId | Should -Be @('g-3')
    }

    It 'sends a GtrId cell without the spaces around it, as a number''s cell is' {
        # Before: Import-Csv keeps a cell's trailing spaces, and "gtrId":["g-3 "] went out: an ID the carrier knows not.
        $csv = Join-Path $TestDrive 'gtr-spaces.csv'
        "Phone,GtrId`n+447700900474 ,g-4 `n+447700900475,`"  g-5`t`"" | Set-Content -LiteralPath $csv

        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectRcs -From 'app-1' -Text 'Hi')

        $results.Status | Should -Be @('Queued', 'Queued')
        @(Get-SentBody).to.gtrId | Should -BeExactly @('g-4', 'g-5')
    }

    It 'refuses a GtrId cell that lists several GTR IDs on its own row, with advice, and sends the other rows' {
        # Before: "g-1;g-2" on a row of one number went as that number's one gtrId, "g-1;g-2", while a To cell "a;b" is refused.
        $csv = Join-Path $TestDrive 'gtr-list.csv'
        "Phone,GtrId`n+447700900491,g-1;g-2`n+447700900492,g-3" | Set-Content -LiteralPath $csv

        $results = @(Import-Csv -LiteralPath $csv | Send-ConnectRcs -From 'app-1' -Text 'Hi' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeLike "Row 1: GtrId``[0``]: 'g-1;g-2' holds 2 GTR IDs, not one: the service takes one GTR ID per number. Give each number its own row with its own GtrId, or pass them as lists*"
        @(Get-SentBody).to.gtrId | Should -Be @('g-3')
    }

    It 'refuses a $null among the GTR IDs, naming it' {
        $result = Send-ConnectRcs -To '+447700900481', '+447700900482' -From 'app-1' -Text 'Hi' -GtrId 'g-1', $null -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike 'Row 1: GtrId`[1`]: the GTR ID is $null*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses -<Given> without -SmsFallback, which would silently mean no fallback' -ForEach @(
        @{ Given = 'FallbackText'; Splat = @{ FallbackText = 'Hi by SMS' } }
        @{ Given = 'FallbackSenderId'; Splat = @{ FallbackSenderId = 'ACME' } }
    ) {
        { Send-ConnectRcs -To '+447700900491' -From 'app-1' -Text 'Hi' @Splat -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-${Given}: $Given was given without SmsFallback*add -SmsFallback*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names the parameter -<Missing> needs as the admin types it, and asks to give it' -ForEach @(
        @{ Missing = 'FallbackSenderId'; Splat = @{ Text = 'Hi'; SmsFallback = $true; FallbackText = 'Hi by SMS' }; Needs = '-SmsFallback needs -FallbackSenderId: ' }
        @{ Missing = 'FallbackText'; Splat = @{ Text = 'Hi'; SmsFallback = $true; FallbackSenderId = 'ACME' }; Needs = '-SmsFallback needs -FallbackText: ' }
        @{ Missing = 'EventMessageId'; Splat = @{ AgentEvent = 'Read' }; Needs = 'a Read event needs -EventMessageId: ' }
    ) {
        # Before: "SmsFallback needs FallbackSenderId ... correct -FallbackSenderId": names without their dash, and a
        # parameter to correct that was never given.
        { Send-ConnectRcs -To '+447700900491' -From 'app-1' @Splat } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-${Missing}: $Needs*so nothing was sent: give -$Missing and run the command again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }


    It 'names every parameter a run-wide problem needs at once, not one per run' {
        # Before: -SmsFallback alone stopped with "needs -FallbackSenderId"; given that, the next run stopped with
        # "needs -FallbackText": a run per problem to find what the command line lacks.
        $err = { Send-ConnectRcs -To '+447700900491' -From 'app-1' -Text 'Hi' -SmsFallback } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
        $err.Exception.Message | Should -BeLike '-FallbackSenderId: -SmsFallback needs -FallbackSenderId: *; -FallbackText: -SmsFallback needs -FallbackText: *'
        $err.Exception.Message | Should -BeLike '*. They are the same for every row, so nothing was sent: give -FallbackSenderId and -FallbackText and run the command again.'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }
    It 'names missing content with the other run-wide problems of a command given nothing piped, not in a run of its own' {
        # Before: -SmsFallback without -Text, -FallbackSenderId nor -FallbackText stopped with "-Text: the message has no
        # content ..." alone; given -Text, the next run stopped with "needs -FallbackSenderId ...; needs -FallbackText".
        $err = { Send-ConnectRcs -To '+447700900491' -From 'app-1' -SmsFallback } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
        $err.Exception.Message | Should -BeLike '*-Text: the message has no content: *'
        $err.Exception.Message | Should -BeLike '*-FallbackSenderId: -SmsFallback needs -FallbackSenderId: *; -FallbackText: -SmsFallback needs -FallbackText: *'
        $err.Exception.Message | Should -BeLike '*. They are the same for every row, so nothing was sent: give *-Text*-FallbackSenderId*-FallbackText and run the command again.'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # Missing content alone stops as it always did.
        { Send-ConnectRcs -To '+447700900491' -From 'app-1' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage '-Text: the message has no content*The command line has no -Text or -MediaUrl, so nothing was sent.'
    }

    It 'takes the lines of Get-Content as one text for -FallbackText and a card''s -Description, as for -Text' {
        # Before: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'FallbackText'".
        $file = Join-Path $TestDrive 'fallback.txt'
        "Hi `$(Name),`nyour parcel has shipped.`nACME" | Set-Content -LiteralPath $file
        $card = New-ConnectRcsCard -Title 'Shipped' -Description (Get-Content -LiteralPath $file)

        $body = Send-ConnectRcs -To '+447700900496' -From 'app-1' -Card $card -SmsFallback -FallbackSenderId ACME `
            -FallbackText (Get-Content -LiteralPath $file) -Substitution @{ Name = 'Ann' } -PayloadOnly | ConvertFrom-Json

        $lines = "Hi `$(Name),`nyour parcel has shipped.`nACME"
        $body.options.text | Should -BeExactly $lines
        $body.content.richCard.description | Should -BeExactly $lines
    }

    It 'warns once about an SMS fallback that costs a part more for Word''s characters or Windows line breaks, as Send-ConnectSms does' {
        # Before: the fallback every phone without RCS gets was billed in 3 parts with nothing said (135 characters, as
        # Unicode for the en dash, with CR LF: 1 part as GSM-7, 2 with LF alone).
        $fallback = "Your order is ready `u{2013} collect it today.`r`nOpen 09:00-18:00 every day, bring your receipts.`r`n" +
            'Questions? Call 0300 123 4567 or reply HELP.'
        $numbers = '+447700900497', '+447700900498'

        $results = @($numbers | Send-ConnectRcs -From 'app-1' -Text 'Your order is ready' -SmsFallback -FallbackSenderId ACME `
            -FallbackText $fallback -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 2
        "$($warned[0])" | Should -BeLike "Row 1: the fallback text goes out as Unicode, 3 parts an SMS as written*Replace '`u{2013}' with a hyphen (-)*"
        "$($warned[0])" | Should -Not -BeLike '*-Encoding*'
        "$($warned[1])" | Should -BeLike "Row 1: the fallback text's 2 line breaks are Windows' CR LF*"
        $plain = @($numbers | Send-ConnectRcs -From 'app-1' -Text 'Your order is ready' -SmsFallback -FallbackSenderId ACME `
            -FallbackText ($fallback -replace "`u{2013}", '-' -replace "`r`n", "`n") -WarningVariable unwarned)
        @($unwarned).Count | Should -Be 0
    }

    It 'refuses a file''s name given as the -<Parameter> instead of what the file holds, once and before sending' -ForEach @(
        @{ Parameter = 'Text'; What = 'the RCS text'; SentAs = 'the message' }
        @{ Parameter = 'FallbackText'; What = 'the SMS fallback''s text'; SentAs = 'the SMS' }
    ) {
        $texts = @{ Text = 'Your order is ready'; SmsFallback = $true; FallbackSenderId = 'ACME'; FallbackText = 'Your order is ready' }
        $texts[$Parameter] = './offer.txt'

        { '+447700900499' | Send-ConnectRcs -From 'app-1' @texts } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-$($Parameter): './offer.txt' is the name of a file, not $($What): every recipient would get the name as $SentAs.*It is the same for every row, so nothing was sent: correct -$Parameter and run the command again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says a text over the limit is counted in UTF-16 units when it holds emoji' {
        # Given on the command line beside piped rows, it is every row's text: the command stops once, before sending.
        { '+447700900495' | Send-ConnectRcs -From 'app-1' -Text ([string]::new([char]0x263A, 1) + ([char]::ConvertFromUtf32(0x1F600) * 600)) } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-Text: has 1201 characters (counted as UTF-16 units: an emoji or other character beyond U+FFFF counts as 2): at most 1024 are allowed: shorten it, or send it as a card*. It is the same for every row*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        $results = @('+447700900451' | Send-ConnectRcs -From 'app-1' -Text 'Hi' -WhatIf)

        $results.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'shows each row''s filled text under -WhatIf and -Verbose, and nothing more for a card' {
        # Before: -WhatIf named only the batch's numbers; the admin first saw "Hi $(Name)" filled on the phones.
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $rows = '@([pscustomobject]@{ Phone = ''+447700900461''; Name = ''Ann Smith'' }, [pscustomobject]@{ Phone = ''+447700900462''; Name = ''Bob Jones'' })'

        $said = Invoke-SendInNewPowerShell ($rows + ' | Send-ConnectRcs -From app-1 -Text ''Hi $(Name), your parcel arrives tomorrow between 10:00 and 12:00.'' -WhatIf; ' +
            $rows + ' | Send-ConnectRcs -From app-1 -Card (New-ConnectRcsCard -Title ''Hi $(Name)'' -Description ''Your parcel'') -WhatIf')
        $verbose = @([pscustomobject]@{ Phone = '+447700900461'; Name = 'Ann Smith' } | Send-ConnectRcs -From 'app-1' -Text 'Hi $(Name)' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *' } | ForEach-Object Message)

        $said | Should -Be @(
            "What if: Row 1: text 'Hi Ann Smith, your parcel arrives tomorrow between 10:00…'"
            "What if: Row 2: text 'Hi Bob Jones, your parcel arrives tomorrow between 10:00…'"
            'What if: Performing the operation "Send RCS" on target "batch 1: 2 destinations, rows 1-2 (+447700900461, +447700900462)".'
            # A card's words are checked for their limits, not filled here: its -WhatIf is as before, the card as written.
            'What if: Performing the operation "Send RCS" on target "batch 1: 2 destinations, rows 1-2 (+447700900461, +447700900462), card ''Hi $(Name)''".'
            'SENT 0'
        )
        $verbose | Should -Be "Row 1: text 'Hi Ann Smith'"
        (Get-SentBody).content.text | Should -BeExactly 'Hi $(Name)'
    }

    It 'shows each row''s filled SMS fallback with its parts and encoding under -WhatIf and -Verbose, for a text and a card' {
        # Before: "-Text 'Hi' -SmsFallback -FallbackText 'Hi $(Name)' -WhatIf" showed no row line; a phone without RCS got a
        # fallback nobody had seen filled, and a name outside GSM-7 made it Unicode, billed by the part.
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        $rows = '@([pscustomobject]@{ Phone = ''+447700900463''; Name = ''Ann Smith'' }, [pscustomobject]@{ Phone = ''+447700900464''; Name = ''Zoë Łukasz'' })'
        $fallback = ' -SmsFallback -FallbackSenderId ACME -FallbackText ''Hi $(Name), your parcel arrives tomorrow between 10:00 and 12:00.'' -WhatIf'

        $said = Invoke-SendInNewPowerShell ($rows + ' | Send-ConnectRcs -From app-1 -Text Hi' + $fallback + '; ' +
            $rows + ' | Send-ConnectRcs -From app-1 -Text ''Hi $(Name)''' + $fallback + '; ' +
            $rows + ' | Send-ConnectRcs -From app-1 -Card (New-ConnectRcsCard -Title ''Hi $(Name)'' -Description ''Your parcel'')' + $fallback)
        $verbose = @([pscustomobject]@{ Phone = '+447700900463'; Name = 'Ann Smith' } |
            Send-ConnectRcs -From 'app-1' -Text 'Hi' -SmsFallback -FallbackSenderId ACME -FallbackText 'Hi $(Name)' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *' } | ForEach-Object Message)

        $rowLines = @($said | Where-Object { $_ -like 'What if: Row *' })
        $rowLines | Should -Be @(
            "What if: Row 1: fallback 'Hi Ann Smith, your parcel arrives tom…' (1 part, Text)"
            "What if: Row 2: fallback 'Hi Zoë Łukasz, your parcel arrives…' (1 part, Unicode)"
            # Beside a short RCS text on one line; the Unicode row's leaves the fallback too little, so it gets its own.
            "What if: Row 1: text 'Hi Ann Smith', fallback 'Hi Ann Smith, yo…' (1 part, Text)"
            "What if: Row 2: text 'Hi Zoë Łukasz'"
            "What if: Row 2: fallback 'Hi Zoë Łukasz, your parcel arrives…' (1 part, Unicode)"
            # A card's rows: its words are not filled, its fallback is.
            "What if: Row 1: fallback 'Hi Ann Smith, your parcel arrives tom…' (1 part, Text)"
            "What if: Row 2: fallback 'Hi Zoë Łukasz, your parcel arrives…' (1 part, Unicode)"
        )
        $rowLines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $said[-1] | Should -Be 'SENT 0'
        $verbose | Should -Be "Row 1: fallback 'Hi Ann Smith' (1 part, Text)"
        (Get-SentBody).options.text | Should -BeExactly 'Hi $(Name)'
    }
}

Describe 'Send-ConnectRcs -MediaUrl from a MediaUrl column (each row its own image or boarding pass)' {
    # Before: a MediaUrl column set nothing (a warning said -MediaUrl does not go with the parameters given, and the column
    # went out as a substitution): sending each recipient their own file took one command per row in ForEach-Object.
    BeforeAll {
        $script:passes = Join-Path $PSScriptRoot 'Fixtures/rcs-boarding-passes.csv'
        $script:al = 'https://files.example.com/passes/al.png'
        $script:bo = 'https://files.example.com/passes/bo.png'
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
    }
    BeforeEach { Connect-FreshSandbox }

    It 'sends each row its own file, rows of one file in one request, and makes an empty or bad cell only that row''s Invalid result' {
        $results = @(Import-Csv $passes | Send-ConnectRcs -From 'app-1' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned)

        $results.Row | Should -Be @(1, 2, 3, 4, 5)
        $results.Status | Should -Be @('Queued', 'Queued', 'Invalid', 'Queued', 'Invalid')
        # No warning about the column; only the run's last line, counting the two Invalid rows.
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeLike 'Send RCS: 5 rows in * s: 3 sent, 2 Invalid (InvalidInput for all 2, from row 3: each row''s error says what is wrong).*'
        $results[2].Reason | Should -BeExactly 'Row 3: Text: the message has no content: give -Text or a Text column, -MediaUrl or a MediaUrl column, -Card or -Carousel, or a template (-TemplateId)'
        $results[4].Reason | Should -BeExactly "Row 5: MediaUrl: 'files.example.com/passes/ed.png' is not an absolute URL: use https://host/path"
        @($failed).Count | Should -Be 2
        "$($failed[1])" | Should -BeLike "Row 5: Invalid +447700900965: MediaUrl: 'files.example.com/passes/ed.png'*"
        # Each request carries one file: rows 1 and 4 share theirs, so one request unless it went before row 4 came (a pause of
        # the input on a busy machine sends it part-full).
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -BeIn @(2, 3)
        $byFile = @{}
        foreach ($body in $bodies) { $body.content.type | Should -BeExactly 'media'; $byFile[$body.content.mediaContentUrl] += @($body.to.msisdn) }
        $byFile[$al] | Should -Be @('+447700900961', '+447700900964')
        $byFile[$bo] | Should -Be @('+447700900962')
        @($bodies.to | Where-Object substitutions | ForEach-Object { $_.substitutions.PSObject.Properties.Name }) | Should -Not -Contain 'MediaUrl'
    }

    # Before: Excel and hand-edited CSVs leave spaces after a cell's text (Import-Csv keeps them, quoted or not), and the
    # row went Queued with "mediaContentUrl":"https://.../al.png ": a link the handset fetches with the space, and a
    # request of its own beside the rows of the same file.
    It 'sends a file whose cell has spaces around its URL without them, in one request with the rows of that file' {
        $results = @(Import-Csv (Join-Path $PSScriptRoot 'Fixtures/rcs-media-cells-with-spaces.csv') | Send-ConnectRcs -From 'app-1')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        # Rows 1 and 2 name one file: one request, unless a pause of the input (a busy machine) sent row 1 before row 2 came.
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -BeIn @(2, 3)
        $byFile = @{}
        foreach ($body in $bodies) { $byFile[$body.content.mediaContentUrl] += @($body.to.msisdn) }
        @($byFile.Keys | Sort-Object) | Should -BeExactly @($al, 'https://files.example.com/passes/cy.png')
        $byFile[$al] | Should -Be @('+447700900981', '+447700900982')
    }

    It 'sends a URL with a space inside it encoded, once, in every place a URL goes: the file, a card''s image, a chip''s link' {
        # Before: 'boarding pass.png' went out with its space, which no URL holds; the service fetches the file later and
        # says nothing when it cannot. %20 is the file the admin named; an URL already encoded is sent as it is.
        $rows = "Phone,MediaUrl`n+447700900991,https://cdn.example.com/boarding pass.png`n+447700900992,https://cdn.example.com/boarding%20pass.png" | ConvertFrom-Csv
        $chip = New-ConnectRcsSuggestion 'Trip' -Url 'https://example.com/my trip'
        $card = New-ConnectRcsCard -Title 'Pass' -MediaUrl ' https://cdn.example.com/boarding pass.png' -MediaHeight Short

        $payloads = @($rows | Send-ConnectRcs -From 'app-1' -Suggestion $chip -PayloadOnly | ConvertFrom-Json)
        $cardPayload = Send-ConnectRcs -To '+447700900993' -From 'app-1' -Card $card -PayloadOnly | ConvertFrom-Json
        $results = @($rows | Send-ConnectRcs -From 'app-1')

        $payloads.content.mediaContentUrl | Should -BeExactly @('https://cdn.example.com/boarding%20pass.png', 'https://cdn.example.com/boarding%20pass.png')
        $payloads[0].content.suggestions[0].url | Should -BeExactly 'https://example.com/my%20trip'
        $cardPayload.content.richCard.media.url | Should -BeExactly 'https://cdn.example.com/boarding%20pass.png'
        # Both rows name the same file: one request.
        $results.Status | Should -Be @('Queued', 'Queued')
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -Be 1
        @($bodies[0].to.msisdn) | Should -Be @('+447700900991', '+447700900992')
    }

    It 'shows each row''s file under -WhatIf and -Confirm, and in -PayloadOnly' {
        $said = Invoke-SendInNewPowerShell 'Import-Csv -LiteralPath $args[0] | Send-ConnectRcs -From app-1 -WhatIf -ErrorAction SilentlyContinue' $passes
        $said[-1] | Should -Be 'SENT 0'
        $lines = @($said | Where-Object { $_ -like 'What if: Performing*' })
        $lines.Count | Should -Be 2
        $lines[0] | Should -BeLike "*2 of rows 1-4 (+447700900961, +447700900964), file $al`"*"
        $lines[1] | Should -BeLike "*row 2 (+447700900962), file $bo`"*"

        $payloads = @(Import-Csv $passes | Select-Object -First 2 | Send-ConnectRcs -From 'app-1' -PayloadOnly | ConvertFrom-Json)
        $payloads.content.mediaContentUrl | Should -Be @($al, $bo)

        # -Confirm asks about each row with its file: answered No (the host's prompt), nothing goes.
        $asked = Invoke-SendInNewPowerShell 'Import-Csv -LiteralPath $args[0] | Select-Object -First 1 | Send-ConnectRcs -From app-1 -Confirm' $passes -Answer 'n'
        # The host wraps the question at its width: read it as one line.
        (($asked -join ' ') -replace '\s+', ' ') | Should -BeLike "*+447700900961 (row 1), file $al*"
        $asked[-1] | Should -Be 'SENT 0'
    }

    It 'sends a file named in another script, or with a character no URL holds, encoded; -WhatIf and -Confirm say the URL sent' {
        # Before: only a space was encoded: 'Größe.png', an international host and 'a|b' went out as written (the service
        # fetches the file later, and says nothing when it cannot), and -WhatIf said '…/boarding pass.png' where
        # -PayloadOnly showed …/boarding%20pass.png: what the admin checked was not what is sent.
        $csv = Join-Path $TestDrive 'files-to-encode.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'Phone,MediaUrl'
            '+447700900971,https://cdn.example.com/Größe.png'
            '+447700900972,https://例え.jp/a|b.png'
            '+447700900973," https://cdn.example.com/boarding pass.png "')
        $sent = @('https://cdn.example.com/Gr%C3%B6%C3%9Fe.png', 'https://xn--r8jz45g.jp/a%7Cb.png', 'https://cdn.example.com/boarding%20pass.png')

        $payloads = @(Import-Csv $csv | Send-ConnectRcs -From 'app-1' -PayloadOnly | ConvertFrom-Json)
        $said = Invoke-SendInNewPowerShell 'Import-Csv -LiteralPath $args[0] | Send-ConnectRcs -From app-1 -WhatIf' $csv
        $asked = Invoke-SendInNewPowerShell 'Import-Csv -LiteralPath $args[0] | Select-Object -Last 1 | Send-ConnectRcs -From app-1 -Confirm' $csv -Answer 'n'

        $payloads.content.mediaContentUrl | Should -BeExactly $sent
        $lines = @($said | Where-Object { $_ -like 'What if: Performing*' })
        $lines.Count | Should -Be 3
        for ($i = 0; $i -lt 3; $i++) { $lines[$i] | Should -BeLike "*row $($i + 1) (*), file $($sent[$i])`"*" }
        (($asked -join ' ') -replace '\s+', ' ') | Should -BeLike "*+447700900973 (row 1), file $($sent[2])*"
    }

    It 'keeps the service''s own placeholders (double angle brackets) as written in the payload and under -WhatIf, encoding what is around them' {
        # Before: '<' and '>' were encoded with the rest, so the service got %3C%3Ctopic_id%3E%3E, which it does not fill in
        # (its own email example puts <<topic_id>> in a URL), and -WhatIf showed the encoded form.
        $csv = Join-Path $TestDrive 'placeholder-file.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @('Phone,MediaUrl', '+447700900976,https://cdn.example.com/<<topic_id>>/a b.png')
        $sent = 'https://cdn.example.com/<<topic_id>>/a%20b.png'

        (Import-Csv $csv | Send-ConnectRcs -From 'app-1' -PayloadOnly | ConvertFrom-Json).content.mediaContentUrl | Should -BeExactly $sent
        $said = Invoke-SendInNewPowerShell 'Import-Csv -LiteralPath $args[0] | Send-ConnectRcs -From app-1 -WhatIf' $csv
        @($said | Where-Object { $_ -like 'What if: Performing*' }) | Should -BeLike "*row 1 (+447700900976), file $sent`"*"
    }

    It 'skips the rows already sent when the same CSV runs again on its journal' {
        $journal = Join-Path $TestDrive 'passes.journal'
        $first = @(Import-Csv $passes | Send-ConnectRcs -From 'app-1' -Journal $journal -ErrorAction SilentlyContinue)
        $sent = @(Get-ConnectSandboxRequest).Count
        $second = @(Import-Csv $passes | Send-ConnectRcs -From 'app-1' -Journal $journal -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued', 'Invalid', 'Queued', 'Invalid')
        $second.Status | Should -Be @('Skipped', 'Skipped', 'Invalid', 'Skipped', 'Invalid')
        @(Get-ConnectSandboxRequest).Count | Should -Be $sent
    }

    It 'reads no column when -MediaUrl is given on the command line, and says so' {
        $results = @(Import-Csv $passes | Select-Object -First 3 | Send-ConnectRcs -From 'app-1' -MediaUrl $bo -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        # One request on a quiet machine; more when a pause of the input sends it part-full, each with the same file.
        @(Get-SentBody).content.mediaContentUrl | Sort-Object -Unique | Should -Be @($bo)
        "$warned" | Should -BeLike "The column 'MediaUrl' is not read: -MediaUrl was given on the command line*"
    }

    It 'sends -Text to every row beside a MediaUrl column, and says the column is not read and how to send each row its file' {
        $results = @(Import-Csv $passes | Select-Object -First 2 | Send-ConnectRcs -From 'app-1' -Text 'Your pass is in the app' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @(Get-SentBody).content.type | Sort-Object -Unique | Should -Be @('text')
        @($warned).Count | Should -Be 1
        "$warned" | Should -BeLike "The column 'MediaUrl' is not read: -Text was given on the command line, and an RCS message is a text or a file, not both, so every row is sent that text. Leave out -Text to send each row its file*"
    }

    It 'refuses a row that gives both a text and a file, sends a row whose file cell is empty as its text, and -Text with -MediaUrl before sending' {
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900966'; Text = 'Your pass'; MediaUrl = $al }
            [pscustomobject]@{ Phone = '+447700900967'; Text = 'No pass yet'; MediaUrl = '' }
            [pscustomobject]@{ Phone = '+447700900968'; Text = ''; MediaUrl = $bo }
        )

        $results = @($rows | Send-ConnectRcs -From 'app-1' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued', 'Queued')
        $results[0].Reason | Should -BeLike "Row 1: MediaUrl: the row gives both a text ('Your pass') and a file ('$al'): an RCS message is a text or a file, not both.*New-ConnectRcsCard -Description `$_.Text -MediaUrl `$_.MediaUrl*"
        @(Get-SentBody).content.type | Should -Be @('text', 'media')
        { Send-ConnectRcs -To '+447700900969' -From 'app-1' -Text 'Hi' -MediaUrl $al } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage 'Give -Text or -MediaUrl, not both: an RCS message is a text or a file.*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 2
    }

    # Before: -MediaUrl left in the Media set ignored a $PSDefaultParameterValues -MediaUrl beside a command-line -Text (and a
    # default -Text beside -MediaUrl); with both in one set the script stopped with "Give -Text or -MediaUrl, not both",
    # naming neither the default nor where it came from.
    It 'sends the command line''s <Given> over a $PSDefaultParameterValues <Default>, and stops when both are defaults' -ForEach @(
        @{ Given = 'Text'; Default = 'MediaUrl'; Type = 'text' }
        @{ Given = 'MediaUrl'; Default = 'Text'; Type = 'media' }
    ) {
        $values = @{ Text = 'Your pass is in the app'; MediaUrl = $al }
        $PSDefaultParameterValues["Send-ConnectRcs:$Default"] = $values[$Default]
        try {
            $content = @{ $Given = $values[$Given] }
            $result = Send-ConnectRcs -To '+447700900975' -From 'app-1' @content -Verbose 4>&1
        }
        finally { $PSDefaultParameterValues.Remove("Send-ConnectRcs:$Default") }
        # This test's own: gone with its scope.
        $PSDefaultParameterValues = @{ 'Send-ConnectRcs:Text' = $values.Text; 'Send-ConnectRcs:MediaUrl' = $values.MediaUrl }
        $stopped = $null
        try { Send-ConnectRcs -To '+447700900976' -From 'app-1' } catch { $stopped = $_ }

        $stopped.FullyQualifiedErrorId | Should -BeLike 'InvalidParameterValue,*'
        "$stopped" | Should -BeLike ("Give -Text or -MediaUrl, not both*`$PSDefaultParameterValues``['Send-ConnectRcs:Text'``] gave -Text, and " +
            "`$PSDefaultParameterValues``['Send-ConnectRcs:MediaUrl'``] gave -MediaUrl: remove the one this command should not send.")
        @($result | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be 'Queued'
        "$(@($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }))" |
            Should -BeLike "*-$Default from `$PSDefaultParameterValues``['Send-ConnectRcs:$Default'``] is not sent: -$Given on the command line takes its place*"
        @(Get-SentBody).content.type | Should -Be @($Type)
    }

    # Before: a passes CSV piped to a script that gives -Card (or -Carousel, -TemplateId) warned "-MediaUrl does not go with
    # the parameters given here, so neither does its column (a run given what -MediaUrl goes with reads it from each row)":
    # it named neither -Card nor how to send each row its picture.
    It 'says a MediaUrl column beside -<Given> is not read, names -<Given>, and how to send each row its file' -ForEach @(
        @{ Given = 'Card' }, @{ Given = 'TemplateId' }
    ) {
        $content = if ($Given -eq 'Card') { @{ Card = (New-ConnectRcsCard -Title 'Your pass' -Description 'Gate 4') } } else { @{ TemplateId = 'pass-1' } }

        $results = @(Import-Csv $passes | Select-Object -First 2 | Send-ConnectRcs -From 'app-1' @content -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$warned" | Should -BeLike ("The column 'MediaUrl' is not read: -$Given gives every row its content, and an RCS message has one. " +
            "Leave out -$Given to send each row the file its MediaUrl cell names*")
    }

    It 'says a <Column> column cannot hold a card, and names New-ConnectRcsCard in ForEach-Object' -ForEach @(
        @{ Column = 'Card' }, @{ Column = 'RichCard' }, @{ Column = 'Carousel' }
    ) {
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Phone = "+44770090097$_"; $Column = 'boarding pass' } }

        $results = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        # Before, the advice was a Send-ConnectRcs per row in ForEach-Object: one request at a time, every result Row 1.
        "$warned" | Should -BeLike "The column '$Column' is not read as a card: a CSV cell holds text, and a card is made by New-ConnectRcsCard. To send each row its own card, make it from the row's cells in a script block: Import-Csv ... | Send-ConnectRcs -From <app ID> -Card { New-ConnectRcsCard -Title `$_.Title -MediaUrl `$_.Image }.*"
    }
}

Describe 'Send-ConnectRcs with a card, carousel or chips made for each row by a script block' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        # What an admin's offers CSV holds: each customer their own product, picture and button.
        $script:offers = Join-Path $TestDrive 'offers.csv'
        @(
            'Phone,Title,Description,ImageUrl,ButtonText,ButtonUrl'
            '+447700900981,Trail shoe,Light and waterproof.,https://files.example.com/shoe.png,Buy now,https://shop.example.com/shoe'
            '+447700900982,Rain jacket,Packs into its pocket.,https://files.example.com/jacket.png,Buy now,https://shop.example.com/jacket'
            '+447700900983,Head torch,300 lumens.,https://files.example.com/torch.png,A label longer than twenty-five,https://shop.example.com/torch'
            '+447700900984,Trail shoe,Light and waterproof.,https://files.example.com/shoe.png,Buy now,https://shop.example.com/shoe'
            '+447700900985,Tent,Two people.,https://files.example.com/tent.png,Buy now,shop.example.com/tent'
            '+447700900986,,,,Buy now,https://shop.example.com/none'
        ) | Set-Content -LiteralPath $script:offers -Encoding UTF8
        $script:cardOfRow = {
            $button = New-ConnectRcsSuggestion $_.ButtonText -Url $_.ButtonUrl
            New-ConnectRcsCard -Title $_.Title -Description $_.Description -MediaUrl $_.ImageUrl -Suggestion $button
        }
    }
    BeforeEach { Connect-FreshSandbox }

    It 'sends each row its own card in one command, a result per row with its row number; a row whose card fails is that row''s Invalid result' {
        # Before: -Card { ... } was refused ('Cannot convert ... ScriptBlock ... to type RcsCard'), and the advised ForEach-Object
        # made a command per row: every result Row 1, and row 3, whose chip New-ConnectRcsSuggestion refused, no result at all.
        $results = @(Import-Csv $offers | Send-ConnectRcs -From 'app-1' -Card $cardOfRow -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3, 4, 5, 6)
        $results.Status | Should -Be @('Queued', 'Queued', 'Invalid', 'Queued', 'Invalid', 'Invalid')
        $results[2].Reason | Should -BeLike "Row 3: Card: the script block of -Card failed for this row: New-ConnectRcsSuggestion: -DisplayText '*' has 31 characters: a chip's label takes at most 25 (the service's limit). Shorten it. No suggestion was made. Correct the row's cells, or the script block"
        # Told once: not also "Card is required", the rule of the card the row does not have.
        $results[2].Reason | Should -Not -BeLike '*Card is required*'
        $results[4].Reason | Should -BeLike "Row 5: Card.Suggestions``[0``].Url: 'shop.example.com/tent' is not an absolute URL*"
        $results[5].Reason | Should -BeLike 'Row 6: Card: * New-ConnectRcsCard: a card needs something to show*'
        @($failed).Count | Should -Be 3
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'

        $sent = @(Get-SentBody)
        $byNumber = @{}
        foreach ($body in $sent) { foreach ($number in $body.to.msisdn) { $byNumber[$number] = $body.content.richCard } }
        $byNumber.Keys | Sort-Object | Should -Be @('+447700900981', '+447700900982', '+447700900984')
        $byNumber['+447700900982'].title | Should -BeExactly 'Rain jacket'
        $byNumber['+447700900982'].media.url | Should -BeExactly 'https://files.example.com/jacket.png'
        $byNumber['+447700900982'].suggestions[0].url | Should -BeExactly 'https://shop.example.com/jacket'
        $byNumber['+447700900984'].title | Should -BeExactly 'Trail shoe'
    }

    It 'does not name as unread a column the -<Given> script block reads, and names one it does not' -ForEach @(
        @{ Given = 'Card'; Content = @{ Card = { New-ConnectRcsCard -Title Hi -MediaUrl $_.MediaUrl } } }
        @{ Given = 'Carousel'; Content = @{ Carousel = { New-ConnectRcsCard -Title A -MediaUrl $_.MediaUrl; New-ConnectRcsCard -Title B } } }
        @{ Given = 'Suggestion'; Content = @{ Text = 'Hi'; Suggestion = { New-ConnectRcsSuggestion Open -Url $_.MediaUrl } } }
        @{ Given = 'Card given the row whole'; Content = @{ Card = { $_ | Select-Object @{ n = 'Title'; e = { $_.Name } }, MediaUrl | New-ConnectRcsCard } } }
    ) {
        # Before: "The column 'MediaUrl' is not read: -Card gives every row its content ..." (beside -Text: "-Text was given on the
        # command line ...") of a column the block reads for each row's own picture or link.
        $rows = Import-Csv $offers | Select-Object -First 2 Phone, @{ n = 'Name'; e = { $_.Title } }, @{ n = 'MediaUrl'; e = { $_.ImageUrl } }

        $results = @($rows | Send-ConnectRcs -From 'app-1' @Content -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned) | Should -BeNullOrEmpty
        "$(@(Get-SentBody).content | ConvertTo-Json -Depth 6)" | Should -BeLike '*https://files.example.com/jacket.png*'

        # A block that reads no MediaUrl: the column is still named as unread, with where the block would give it.
        $null = $rows | Send-ConnectRcs -From 'app-1' -Card { New-ConnectRcsCard -Title $_.Name } -WarningVariable unread -WarningAction SilentlyContinue
        "$unread" | Should -BeLike "The column 'MediaUrl' is not read: the -Card script block does not name it*-MediaUrl `$_.MediaUrl.*"
    }

    It 'shows each row''s card under -WhatIf, rows of alike cards in one request' {
        $said = Invoke-SendInNewPowerShell ('Import-Csv -LiteralPath $args[0] | Select-Object -First 4 | Send-ConnectRcs -From app-1 -WhatIf ' +
            '-ErrorAction SilentlyContinue -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }') $offers
        $said[-1] | Should -Be 'SENT 0'
        $lines = @($said | Where-Object { $_ -like 'What if: Performing*' })
        $lines.Count | Should -Be 3
        $lines[0] | Should -BeLike "*2 of rows 1-4 (+447700900981, +447700900984), card 'Trail shoe'`"*"
        $lines[1] | Should -BeLike "*row 2 (+447700900982), card 'Rain jacket'`"*"
    }

    It 'sends each row its own chips beside a text, and its own carousel, from script blocks' {
        $rows = @(Import-Csv $offers | Select-Object -First 2)

        $texts = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Hi' -Suggestion { New-ConnectRcsSuggestion 'Open' -Url $_.ButtonUrl } -PayloadOnly | ConvertFrom-Json)
        $texts.content.suggestions.url | Should -Be @('https://shop.example.com/shoe', 'https://shop.example.com/jacket')

        $carousels = @($rows | Send-ConnectRcs -From 'app-1' -Carousel { foreach ($size in 'S', 'M') { New-ConnectRcsCard -Title "$($_.Title) $size" } } -PayloadOnly | ConvertFrom-Json)
        $carousels[1].content.cards.title | Should -Be @('Rain jacket S', 'Rain jacket M')

        $one = @($rows[0] | Send-ConnectRcs -From 'app-1' -Carousel { New-ConnectRcsCard -Title $_.Title } -ErrorAction SilentlyContinue)
        $one.Status | Should -Be 'Invalid'
        $one.Reason | Should -BeLike 'Row 1: Carousel: a carousel has 1 card*'
    }

    It 'makes a row whose script block gives more chips than its card or message takes that row''s Invalid result, naming the limit' {
        $rows = @(Import-Csv $offers | Select-Object -First 2)
        $cardOfSizes = {
            $sizes = if ($_.Title -eq 'Rain jacket') { 'XS', 'S', 'M', 'L', 'XL' } else { 'S', 'M' }
            New-ConnectRcsCard -Title $_.Title -Suggestion @(foreach ($size in $sizes) { New-ConnectRcsSuggestion $size })
        }

        $cards = @($rows | Send-ConnectRcs -From 'app-1' -Card $cardOfSizes -ErrorAction SilentlyContinue)
        $cards.Status | Should -Be @('Queued', 'Invalid')
        $cards[1].Reason | Should -BeLike ('Row 2: Card: the script block of -Card failed for this row: New-ConnectRcsCard: -Suggestion: a rich card has 5 ' +
            'suggestions: at most 4 are allowed (the service''s limit): take 1 off the card*')

        $many = { 1..$(if ($_.Title -eq 'Rain jacket') { 11 } else { 10 }) | ForEach-Object { New-ConnectRcsSuggestion "Option $_" } }
        $texts = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Pick one' -Suggestion $many -ErrorAction SilentlyContinue)
        $texts.Status | Should -Be @('Queued', 'Invalid')
        $texts[1].Reason | Should -BeExactly 'Row 2: Suggestion: a message has 11 suggestions: at most 10 are allowed (the service''s limit): leave 1 out'
        @(Get-SentBody).to.msisdn | Should -Be @('+447700900981', '+447700900981')
    }

    It 'refuses a card piped in as the row, whose picture alone went out as a file, and says how to send it' {
        # Before: $card | Send-ConnectRcs -To ... sent {"type":"media"} with the card's image, Queued, without its title and chips.
        $card = New-ConnectRcsCard -Title 'Trail shoe' -MediaUrl 'https://files.example.com/shoe.png'

        $result = $card | Send-ConnectRcs -To '+447700900987' -From 'app-1' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: Card: the row is a rich card ('Trail shoe'), and a piped row gives the recipient, not the content*give the card to -Card, or pipe the CSV's rows and make each row's card in a script block: -Card { New-ConnectRcsCard *"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says what a script block wrote that is no card, for that row' {
        $results = @(Import-Csv $offers | Select-Object -First 1 | Send-ConnectRcs -From 'app-1' -Card { $_.Title } -ErrorAction SilentlyContinue)

        $results.Status | Should -Be 'Invalid'
        $results.Reason | Should -BeExactly "Row 1: Card: for this row, the script block of -Card made the text 'Trail shoe', not a card: make it write what New-ConnectRcsCard makes, once"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'skips the rows already sent when the same CSV and script block run again on the journal' {
        $journal = Join-Path $TestDrive 'offers.journal'
        $first = @(Import-Csv $offers | Send-ConnectRcs -From 'app-1' -Card $cardOfRow -Journal $journal -ErrorAction SilentlyContinue)
        $again = @(Import-Csv $offers | Send-ConnectRcs -From 'app-1' -Card $cardOfRow -Journal $journal -ErrorAction SilentlyContinue)

        $first.Status | Should -Be @('Queued', 'Queued', 'Invalid', 'Queued', 'Invalid', 'Invalid')
        $again.Status | Should -Be @('Skipped', 'Skipped', 'Invalid', 'Skipped', 'Invalid', 'Invalid')
        @(Get-ConnectSandboxRequest).Count | Should -BeLessOrEqual 3
    }
}

Describe 'Send-ConnectRcs -SmsFallback with a FallbackText column (each row its own SMS)' {
    BeforeAll {
        # A customer list whose SMS fallback says what the RCS message shows, in each customer's words.
        $script:fallbacks = Join-Path $TestDrive 'fallbacks.csv'
        @(
            'Phone,Text,FallbackText'
            '+447700900991,Your table is ready,Table ready: show this SMS at the desk'
            '+447700900992,Your room is ready,'
            '+447700900993,Your car is ready,Car ready: bay 4'
        ) | Set-Content -LiteralPath $script:fallbacks -Encoding UTF8
    }
    BeforeEach { Connect-FreshSandbox }

    It 'sends each row the SMS fallback of its FallbackText cell; a row whose cell is empty is only its own Invalid result' {
        # Before: -SmsFallback stopped the run ("needs -FallbackText ... It is the same for every row"), and without it the
        # column went only as a substitution: the CSV's fallbacks were never sent.
        $results = @(Import-Csv $fallbacks | Send-ConnectRcs -From 'app-1' -SmsFallback -FallbackSenderId ACME -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3)
        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Reason | Should -BeExactly ('Row 2: FallbackText: -SmsFallback needs -FallbackText: the SMS sent when the number cannot receive RCS: ' +
            'the row''s FallbackText cell is empty. Fill it, or send the row without -SmsFallback')
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $sent = @(Get-SentBody)
        $sent.to.msisdn | Should -Be @('+447700900991', '+447700900993')
        $sent.options.text | Should -BeExactly @('Table ready: show this SMS at the desk', 'Car ready: bay 4')
        $sent.options.smsSenderId | Should -Be @('ACME', 'ACME')
        $sent.content.text | Should -BeExactly @('Your table is ready', 'Your car is ready')
        @($sent.to.substitutions | Where-Object { $_.PSObject.Properties.Name -contains 'FallbackText' }) | Should -BeNullOrEmpty -Because 'a bound column is no substitution'
    }

    It 'sends the command line''s -FallbackText to every row, and its $(FallbackText) from each row''s cell, as before the column bound' {
        $fixed = @(Import-Csv $fallbacks | Send-ConnectRcs -From 'app-1' -SmsFallback -FallbackSenderId ACME -FallbackText 'Ready: see the app' -WarningVariable warned -WarningAction SilentlyContinue)
        $fixed.Status | Should -Be @('Queued', 'Queued', 'Queued')
        (@(Get-SentBody).options.text | Sort-Object -Unique) | Should -BeExactly 'Ready: see the app'
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeLike "The column 'FallbackText' is not read: -FallbackText was given on the command line*"

        Connect-FreshSandbox
        $templated = @(Import-Csv $fallbacks | Send-ConnectRcs -From 'app-1' -SmsFallback -FallbackSenderId ACME -FallbackText 'SMS: $(FallbackText)' -WarningVariable unwarned -ErrorAction SilentlyContinue)
        $templated.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $sent = @(Get-SentBody)
        ($sent.options.text | Sort-Object -Unique) | Should -BeExactly 'SMS: $(FallbackText)'
        $sent[0].to[0].substitutions.FallbackText | Should -BeExactly 'Table ready: show this SMS at the desk'
        @($unwarned | Where-Object Message -like '*is not read*') | Should -BeNullOrEmpty -Because 'the column is read, as the $(FallbackText) of the command line''s text'
    }

    It 'makes a row Invalid whose empty FallbackText cell -FallbackText ''<Template>'' fills in, naming the column; the other rows are sent' -ForEach @(
        @{ Template = 'SMS: $(FallbackText)' }
        @{ Template = '$(FallbackText)' }
    ) {
        # Before: row 2 went Queued with the substitution FallbackText = '', so a phone without RCS got the SMS 'SMS: ' (or
        # an empty one), where the same empty cell bound to -FallbackText (no -FallbackText given) made the row Invalid.
        $results = @(Import-Csv $fallbacks | Send-ConnectRcs -From 'app-1' -SmsFallback -FallbackSenderId ACME -FallbackText $Template -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3)
        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results[1].Code | Should -BeExactly 'InvalidInput'
        $results[1].Reason | Should -BeExactly ("Row 2: FallbackText: the row's FallbackText cell is empty, and -FallbackText '$Template' fills it in: the SMS " +
            'sent when the number cannot receive RCS would carry none of the row''s own text. Fill the cell, or send the row without -SmsFallback')
        @($failed).Count | Should -Be 1
        @(Get-SentBody).to.msisdn | Should -Be @('+447700900991', '+447700900993')
    }

    It 'makes a row Invalid whose RCS text or SMS fallback is empty once its values are filled in, naming the empty cell' {
        # Before: Queued, with "text":"$(Note)" and the substitution Note = '': an empty message, or an empty SMS.
        $rows = @(
            [pscustomobject]@{ Phone = '+447700900994'; Note = 'Your table is ready' }
            [pscustomobject]@{ Phone = '+447700900995'; Note = '  ' }
        )

        $fallback = @($rows | Send-ConnectRcs -From 'app-1' -Text 'Hi' -SmsFallback -FallbackSenderId ACME -FallbackText '$(Note)' -ErrorAction SilentlyContinue)
        $fallback.Status | Should -Be @('Queued', 'Invalid')
        $fallback[1].Reason | Should -BeExactly ("Row 2: FallbackText: FallbackText is empty after substitution, as the row's 'Note' cell (`$(Note)) is empty. " +
            'Fill it, or send the row without -SmsFallback')

        $text = @($rows | Send-ConnectRcs -From 'app-1' -Text '$(Note)' -ErrorAction SilentlyContinue)
        $text.Status | Should -Be @('Queued', 'Invalid')
        $text[1].Reason | Should -BeExactly "Row 2: Text: Text is empty after substitution, as the row's 'Note' cell (`$(Note)) is empty. Fill it, or leave the row out"
        @(Get-SentBody).to.msisdn | Should -Be @('+447700900994', '+447700900994')
    }

    It 'stops before sending when -SmsFallback has no -FallbackText and the rows no FallbackText column, naming the column' {
        $rows = @(Import-Csv $fallbacks | Select-Object Phone, Text)
        $thrown = { $rows | Send-ConnectRcs -From 'app-1' -SmsFallback -FallbackSenderId ACME } | Should -Throw -ErrorId 'MissingContent,*' -PassThru
        $thrown.Exception.Message | Should -BeLike ('-FallbackText: -SmsFallback needs -FallbackText: the SMS sent when the number cannot receive RCS. ' +
            'The command line has no -FallbackText and the first row no FallbackText column*so every row would be refused: nothing was sent.')
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends no fallback without -SmsFallback, and says once that the FallbackText column is not read and what sends it' {
        $results = @(Import-Csv $fallbacks | Send-ConnectRcs -From 'app-1' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeExactly ("The column 'FallbackText' is not read: -SmsFallback was not given, so no row falls back to SMS when its " +
            'number cannot receive RCS. Add -SmsFallback and -FallbackSenderId to send each row its FallbackText by SMS then. ' +
            'The column is only a substitution, for a $(FallbackText) in the text.')
        $sent = @(Get-SentBody)
        @($sent | Where-Object { $_.PSObject.Properties.Name -contains 'options' }) | Should -BeNullOrEmpty

        Connect-FreshSandbox
        @(Import-Csv $fallbacks | Select-Object -First 1 | Send-ConnectRcs -From 'app-1' -Text 'Ready. $(FallbackText)' -WarningAction SilentlyContinue).Status | Should -Be 'Queued'
        @(Get-SentBody)[0].to[0].substitutions.FallbackText | Should -BeExactly 'Table ready: show this SMS at the desk'
    }
}

Describe 'An RCS campaign from a CSV: each customer their card, image from an ImageUrl column' {
    BeforeAll {
        # Phone, Name, ImageUrl, Offer, ProductUrl: a good image, a relative one, an http:// one and a path on this computer.
        $script:campaign = Join-Path $PSScriptRoot 'Fixtures/rcs-campaign.csv'
        $script:cardOfCustomer = {
            $buy = New-ConnectRcsSuggestion 'Buy now' -Url $_.ProductUrl
            $later = New-ConnectRcsSuggestion 'Not now' -PostbackData 'later'
            $card = @{ Title = 'Hi $(Name)'; Description = '$(Offer), just for you'; MediaHeight = 'Medium' }
            New-ConnectRcsCard @card -MediaUrl $_.ImageUrl -Suggestion $buy, $later
        }
    }
    BeforeEach { Connect-FreshSandbox }

    # The API documents no https-only rule for media, so an http:// image is sent as given; a relative URL or a file path,
    # which the service cannot fetch, is that row's Invalid result.
    It 'makes a row whose image is relative or a file path that row''s Invalid result with advice, and sends the others' {
        $fallback = @{ SmsFallback = $true; FallbackSenderId = 'ACME'; FallbackText = 'Hi $(Name): $(Offer) at $(ProductUrl)' }
        $results = @(Import-Csv $campaign |
            Send-ConnectRcs -From 'acme-agent' @fallback -Card $cardOfCustomer -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3, 4)
        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued', 'Invalid')
        $results[1].Reason | Should -BeExactly "Row 2: Card.MediaUrl: 'images/mug.png' is not an absolute URL: use https://host/path"
        $results[3].Reason | Should -BeLike "Row 4: Card.MediaUrl: 'C:\pics\biscuit.png' is a file path, not a URL*https://host/path"
        @($failed).Count | Should -Be 2

        # Each request is the vendor's standalone card, field by field.
        $sent = @(Get-SentBody)
        $sent.Count | Should -Be 2
        $sent[1].content.richCard.media.url | Should -BeExactly 'http://cdn.example.com/cake.png'
        $sent[0].to.msisdn | Should -Be @('+447700900971')
        $sent[0].options.smsFallback | Should -BeTrue
        $sent[0].options.smsSenderId | Should -BeExactly 'ACME'
        $sent[0].content.type | Should -BeExactly 'standalone'
        $sent[0].content.richCard.title | Should -BeExactly 'Hi $(Name)'
        $sent[0].content.richCard.media.url | Should -BeExactly 'https://cdn.example.com/tea.png'
        $sent[0].content.richCard.media.height | Should -BeExactly 'MEDIUM'
        $sent[0].content.richCard.suggestions.type | Should -Be @('openUrl', 'reply')
    }

    It 'makes a relative or file-path image that row''s Invalid result in a loop of one call a row, and the loop goes on' {
        $statuses = foreach ($row in Import-Csv $campaign) {
            $card = New-ConnectRcsCard -Title 'Hi $(Name)' -MediaUrl $row.ImageUrl
            $rcs = @{ From = 'acme-agent'; To = $row.Phone; Substitution = $row; Card = $card }
            (Send-ConnectRcs @rcs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue).Status
        }

        "$statuses" | Should -BeExactly 'Queued Invalid Queued Invalid'
        @(Get-SentBody).Count | Should -Be 2
    }

    # Before: with one card for every row, the ImageUrl column went unread without a word: each customer got the card
    # without their picture.
    It 'says once that an ImageUrl column is not read by one -Card for every row, and how to give each row its picture' {
        $card = New-ConnectRcsCard -Title 'Hi $(Name)' -Description '$(Offer)'
        $results = @(Import-Csv $campaign | Select-Object -First 1 |
            Send-ConnectRcs -From 'acme-agent' -Card $card -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued')
        @($warned).Count | Should -Be 1
        "$warned" | Should -BeLike ("The column 'ImageUrl' is not read: -Card gives every row the same card, so no row gets the picture " +
            "its ImageUrl cell names. Make each row's card from its cells in a script block: -Card { New-ConnectRcsCard -Title `$_.Title -MediaUrl `$_.ImageUrl }*")

        # The script block that reads the column is not told it is not read.
        $read = @(Import-Csv $campaign | Select-Object -First 1 |
            Send-ConnectRcs -From 'acme-agent' -Card $cardOfCustomer -WarningVariable unwarned -WarningAction SilentlyContinue)
        $read.Status | Should -Be @('Queued')
        @($unwarned).Count | Should -Be 0
    }
}

Describe 'Send-ConnectRcs: cards from spreadsheet rows' {
    BeforeEach { Connect-FreshSandbox }

    It 'tells a loop''s <Name> -Card what it was given and how a card is made, not of a New-ConnectRcsCard error never written' -ForEach @(
        @{ Name = 'missing column'; Card = { $r.Card }; Given = '-Card was given $null: a variable or column with no card in it gives that*' }
        @{ Name = 'empty cell'; Card = { $r.Title }; Given = '-Card was given an empty cell ('''')*' }
        @{ Name = 'database NULL'; Card = { [DBNull]::Value }; Given = '-Card was given a NULL cell (DBNull)*' }
    ) {
        # Before: "a card is required, and there is none ($null): if New-ConnectRcsCard wrote an error for it, correct what that
        # error says", to an admin whose loop gave a spreadsheet cell and ran no New-ConnectRcsCard.
        # An empty cell before the last one: ConvertFrom-Csv gives the last one's as $null.
        $r = 'Phone,Title,Notes', '+447700900001,,vip' | ConvertFrom-Csv
        $result = Send-ConnectRcs -To $r.Phone -From app-1 -Card (& $Card) -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: Card: a card is required, and $Given"
        $result.Reason | Should -BeLike '*-Card (New-ConnectRcsCard -Title $r.Title -MediaUrl $r.ImageUrl)*-Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }'
        $result.Reason | Should -Not -BeLike '*correct what that error says*'
        Get-ConnectSandboxRequest | Should -BeNullOrEmpty
    }

    It 'does not name an earlier call''s empty cell for a later $null -Card' {
        $r = 'Phone,Title,Notes', '+447700900001,,vip' | ConvertFrom-Csv
        $null = Send-ConnectRcs -To $r.Phone -From app-1 -Card $r.Title -ErrorAction SilentlyContinue
        $result = Send-ConnectRcs -To $r.Phone -From app-1 -Card $null -ErrorAction SilentlyContinue
        $result.Reason | Should -BeLike 'Row 1: Card: a card is required, and -Card was given $null:*'
    }

    It 'reads a picture column a -Card script block names as <Name>, and warns of none' -ForEach @(
        @{ Name = '$_.ImageUrl'; Block = { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl } }
        @{ Name = '$_[''ImageUrl''] of a hashtable row'; Block = { New-ConnectRcsCard -Title $_['Title'] -MediaUrl $_['ImageUrl'] }; Hashtable = $true }
        @{ Name = '$PSItem.ImageUrl'; Block = { New-ConnectRcsCard -Title $PSItem.Title -MediaUrl $PSItem.ImageUrl } }
        @{ Name = '$_.''ImageUrl'''; Block = { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.'ImageUrl' } }
        @{ Name = '$row.ImageUrl after $row = $_'; Block = { $row = $_; New-ConnectRcsCard -Title $row.Title -MediaUrl $row.ImageUrl } }
        @{ Name = 'the row piped on whole'; Block = { $_ | New-ConnectRcsCard } }
    ) {
        $rows = 'Phone,Title,ImageUrl', '+447700900001,Boots,https://files.example.com/boots.png' | ConvertFrom-Csv
        # A CSV row is no hashtable: $_['ImageUrl'] of it is $null.
        if ($Hashtable) { $rows = @{ Phone = $rows.Phone; Title = $rows.Title; ImageUrl = $rows.ImageUrl } }
        $results = $rows | Send-ConnectRcs -From app-1 -Card $Block -WarningVariable warned 3>$null
        $results.Status | Should -Be 'Queued'
        $warned | Should -BeNullOrEmpty
        (Get-SentBody).content.richCard.media.url | Should -Be 'https://files.example.com/boots.png'
    }

    It 'warns once, before sending, that <Written> of an Import-Csv row is always $null, and how to write it' -ForEach @(
        @{ Written = '$_[''ImageUrl'']'; Instead = '$_.ImageUrl'; Block = { New-ConnectRcsCard -Title $_.Title -MediaUrl $_['ImageUrl'] } }
        @{ Written = '$PSItem["Image Url"]'; Instead = '$PSItem.''Image Url'''; Block = { New-ConnectRcsCard -Title $_.Title -MediaUrl $PSItem["Image Url"] } }
        @{ Written = '$row[''ImageUrl'']'; Instead = '$row.ImageUrl'; Block = { $row = $_; New-ConnectRcsCard -Title $row.Title -MediaUrl $row['ImageUrl'] } }
    ) {
        # Before: $_['ImageUrl'] counted as the column read, so no warning at all, and every customer's card went without its
        # picture (a PSCustomObject has no indexer: the cell is $null, and New-ConnectRcsCard makes a card of the title alone).
        $column = if ($Written -like '*Image Url*') { 'Image Url' } else { 'ImageUrl' }
        $csv = Join-Path $TestDrive 'offers.csv'
        Set-Content -LiteralPath $csv -Value "Phone,Title,$column", '+447700900001,Boots,https://files.example.com/boots.png',
            '+447700900002,Tents,https://files.example.com/tent.png'
        $out = Import-Csv $csv | Send-ConnectRcs -From app-1 -Card $Block 3>&1
        $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] -and "$_" -like '*always $null*' })
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeExactly ("In the -Card script block, $Written is always `$null for an Import-Csv row (an object, " +
            "not a hashtable), so no row gets its cell: write $Instead.")
        # Said before the first row's result, as the rows still go (each card is what the block made of the row).
        $out[0] | Should -BeOfType [System.Management.Automation.WarningRecord]
        @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be 'Queued', 'Queued'
    }

    It 'warns once that a -Card script block does not read the <Column> column, which it names by no member or key' -ForEach @(
        @{ Column = 'ImageUrl'; Block = { $row = $_; New-ConnectRcsCard -Title $row.Title -Description $row.Description } }
        @{ Column = 'MediaUrl'; Block = { New-ConnectRcsCard -Title $_.Title -Description 'New MediaUrl format' } }
    ) {
        # Before: $row = $_ counted as the whole row handed on, and a column's name in a quoted text as the column read, so a
        # picture column that no card showed went without a word (and a block that read none of it said nothing either).
        $rows = "Phone,Title,Description,$Column", '+447700900001,Boots,Half price,https://files.example.com/boots.png',
            '+447700900002,Tents,Camping,https://files.example.com/tent.png' | ConvertFrom-Csv
        $results = $rows | Send-ConnectRcs -From app-1 -Card $Block -WarningVariable warned 3>$null
        $results.Status | Should -Be 'Queued', 'Queued'
        $notRead = @($warned | Where-Object { "$_" -like "The column '$Column' is not read*" })
        $notRead.Count | Should -Be 1
        "$($notRead[0])" | Should -BeLike ("The column '$Column' is not read: the -Card script block does not name it, so no row's card " +
            "shows the picture its $Column cell names. Give it to the card in the block: New-ConnectRcsCard ... -MediaUrl `$_.$Column.*")
    }

    It 'sends a row whose ImageUrl cell is empty a card without its picture, and says so once under -Verbose and on its -WhatIf line' {
        . (Join-Path $PSScriptRoot 'PowerShellHost.ps1')
        # A catalogue whose rows mostly have a picture: the one without sends its offer as title and text. Before, -MediaHeight
        # was dropped for it without a word, and -WhatIf showed its card as any other.
        $csv = Join-Path $TestDrive 'offers.csv'
        Set-Content -LiteralPath $csv -Value 'Phone,Title,ImageUrl', '+447700900001,Boots,https://files.example.com/boots.png',
            '+447700900002,Jackets,', '+447700900003,Socks,', '+447700900004,Tents,https://files.example.com/tent.png'
        $block = { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl -MediaHeight Medium }
        $results = Import-Csv $csv | Send-ConnectRcs -From app-1 -Card $block -Verbose 4>&1 3>$null
        $notes = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -like '*has no picture*' })
        $notes.Count | Should -Be 1
        "$($notes[0])" | Should -BeExactly ("Row 2: its card ('Jackets') has no picture, as the MediaUrl given to New-ConnectRcsCard was " +
            "empty, so its -MediaHeight Medium is not sent: the card goes with its title and text. Later rows' cards without a picture " +
            "go so too; this is said once.")
        @($results | Where-Object { $_ -is [WebexConnect.Results.SendResult] }).Status | Should -Be 'Queued', 'Queued', 'Queued', 'Queued'
        $cards = @(Get-SentBody).content.richCard
        @($cards | Where-Object { $_.title -eq 'Jackets' }).media | Should -BeNullOrEmpty

        $said = Invoke-SendInNewPowerShell ('Import-Csv -LiteralPath $args[0] | Send-ConnectRcs -From app-1 -WhatIf -Card { ' +
            'New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl -MediaHeight Medium }') $csv
        $lines = @($said | Where-Object { $_ -like 'What if: Performing*' })
        @($lines | Where-Object { $_ -like "*card 'Jackets' (no picture)*" }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like "*card 'Boots'`"*" }).Count | Should -Be 1
    }

    It 'tells a row without a button how to make the chip only for rows that have one, and that way sends each row its card' {
        # Before: "-DisplayText is empty: ... Give one, or leave the chip out", and the admin had to find out how a chip is left
        # out for some rows of one script block.
        $rows = 'Phone,Title,ButtonText,ButtonUrl', '+447700900001,Boots,Shop now,https://shop.example.com/boots',
            '+447700900002,Socks,,' | ConvertFrom-Csv
        $results = $rows | Send-ConnectRcs -From app-1 -Card {
            New-ConnectRcsCard -Title $_.Title -Suggestion (New-ConnectRcsSuggestion $_.ButtonText -Url $_.ButtonUrl)
        } -ErrorAction SilentlyContinue 3>$null
        $results.Status | Should -Be 'Queued', 'Invalid'
        $results[1].Reason | Should -BeLike ('Row 2: Card: the script block of -Card failed for this row: New-ConnectRcsSuggestion: -DisplayText ' +
            'and -Url are both empty, as a row without a chip gives: make the chip only for rows that have one, e.g. -Suggestion ' +
            '@(if ($_.ButtonText) { New-ConnectRcsSuggestion $_.ButtonText -Url $_.ButtonUrl }). Else give both.*')

        Connect-FreshSandbox
        $results = $rows | Send-ConnectRcs -From app-1 -Card {
            New-ConnectRcsCard -Title $_.Title -Suggestion @(if ($_.ButtonText) { New-ConnectRcsSuggestion $_.ButtonText -Url $_.ButtonUrl })
        }
        $results.Status | Should -Be 'Queued', 'Queued'
        $cards = @(Get-SentBody).content.richCard
        @($cards | Where-Object title -EQ 'Boots').suggestions.displayText | Should -Be 'Shop now'
        @($cards | Where-Object title -EQ 'Socks').suggestions | Should -BeNullOrEmpty
    }
}
