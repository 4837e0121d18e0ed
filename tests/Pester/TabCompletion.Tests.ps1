#Requires -Version 5.1
# Pester 5: what Tab offers for every value of every cmdlet, at the prompt, in a folder that holds a file.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $cmdlets = @(Get-Command -Module WebexConnect -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # The parameters that take a path: Tab must go on offering files there, and nowhere else.
    $script:PathParameters = @('Journal')
    $script:CommonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
        @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    # Completion runs in the current location, as at the prompt: a folder whose file Tab must offer only for a path.
    $script:Folder = Join-Path $TestDrive 'tab folder'
    $null = New-Item -ItemType Directory -Path $script:Folder -Force
    Set-Content -LiteralPath (Join-Path $script:Folder 'people.csv') -Value 'Phone'

    function script:Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    # The parameters a value is typed for: not the common ones, not switches.
    function script:Get-ValueParameter([string] $Name) {
        (Get-Command $Name -Module WebexConnect).Parameters.Values |
            Where-Object { $_.Name -notin $script:CommonParameters -and -not $_.SwitchParameter }
    }

    # The values PowerShell knows a parameter takes: its ValidateSet, else its enum's names (of an array or a nullable too).
    function script:Get-KnownValue($Parameter) {
        $set = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues)
        if ($set) { return $set }
        $type = $Parameter.ParameterType
        if ($type.IsArray) { $type = $type.GetElementType() }
        if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
        if ($type.IsEnum) { [enum]::GetNames($type) }
    }
}

AfterAll {
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Tab completion of <Name>' -ForEach $cmdlets {
    BeforeEach { Push-Location -LiteralPath $script:Folder }
    AfterEach { Pop-Location }

    It 'offers no file name for a value that is not a path' {
        # Before: ./people.csv for about a hundred values (-Subject, -Text, -CorrelationId, -Port...), as if each took a path.
        $offered = foreach ($parameter in Get-ValueParameter $Name | Where-Object Name -NotIn $script:PathParameters) {
            foreach ($typed in '', 'peo') {
                $line = "$Name -$($parameter.Name) $typed"
                if ((Complete $line) -match 'people\.csv') { "'$line' offers people.csv" }
            }
        }
        $offered | Should -BeNullOrEmpty
    }

    It 'offers the folder''s files for a path' {
        foreach ($parameter in Get-ValueParameter $Name | Where-Object Name -In $script:PathParameters) {
            Complete "$Name -$($parameter.Name) " | Should -Contain (Join-Path . 'people.csv')
            Complete "$Name -$($parameter.Name) peo" | Should -Contain (Join-Path . 'people.csv')
        }
    }

    It 'offers every value of a parameter that takes a set of values, and those alone' {
        $wrong = foreach ($parameter in Get-ValueParameter $Name) {
            $known = @(Get-KnownValue $parameter)
            if (-not $known) { continue }
            # A value with a space comes quoted ('not verified'), as it must be typed.
            $offered = @(Complete "$Name -$($parameter.Name) " | ForEach-Object { $_.Trim("'") })
            if ((($known | Sort-Object) -join ', ') -ne (($offered | Sort-Object) -join ', ')) {
                "-$($parameter.Name): offers '$($offered -join ', ')', takes '$($known -join ', ')'"
            }
        }
        $wrong | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion of a value whose choices are known' {
    It 'completes Start-ConnectReceiptListener -Address with the addresses that say who may reach it' {
        # Before: the current folder's file names.
        Complete 'Start-ConnectReceiptListener -Address ' | Should -Be @('127.0.0.1', '0.0.0.0', '::')
        Complete 'Start-ConnectReceiptListener -Address 0' | Should -Be @('0.0.0.0')
        $tips = @((TabExpansion2 -inputScript 'Start-ConnectReceiptListener -Address ' -cursorColumn 38).CompletionMatches.ToolTip)
        $tips[0] | Should -BeLike '*this computer only*'
        $tips[1] | Should -BeLike '*other computers can reach it*'
        Complete 'Start-ConnectReceiptListener -Address 10.' | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion of a card''s or chip''s value in a script block that runs for each row of a CSV' {
    BeforeAll {
        $script:Offers = Join-Path $TestDrive 'offers.csv'
        Set-Content -LiteralPath $script:Offers -Value 'Phone,Title,ImageUrl,Button Text'
    }

    It 'offers the row''s cells as $_.Column for New-ConnectRcs<Command> -<Parameter>' -ForEach @(
        @{ Command = 'Card'; Parameter = 'Title'; Inside = "Send-ConnectRcs -From a -Card { New-ConnectRcsCard -Title " }
        @{ Command = 'Card'; Parameter = 'MediaUrl'; Inside = "Send-ConnectRcs -From a -Card:{ New-ConnectRcsCard -Title x -MediaUrl " }
        @{ Command = 'Suggestion'; Parameter = 'Url'; Inside = "Send-ConnectRcs -From a -Card { New-ConnectRcsCard -Suggestion (New-ConnectRcsSuggestion b -Url " }
        @{ Command = 'Suggestion'; Parameter = 'Url'; Inside = "ForEach-Object { New-ConnectRcsSuggestion b -Url " }
    ) {
        # Before: nothing, as for any value no file gives; the columns had to be typed from memory of the CSV.
        $line = "Import-Csv '$Offers' | $Inside"

        Complete $line | Should -Be @('$_.Phone', '$_.Title', '$_.ImageUrl', "`$_.'Button Text'")
        Complete "${line}Ti" | Should -Be '$_.Title'
    }

    It 'offers nothing outside a script block, or with no Import-Csv before it' {
        Complete "Import-Csv '$Offers' | New-ConnectRcsCard -Title " | Should -BeNullOrEmpty
        Complete "Send-ConnectRcs -From a -Card { New-ConnectRcsCard -Title " | Should -BeNullOrEmpty
    }
}
