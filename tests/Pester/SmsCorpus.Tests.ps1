#Requires -Version 5.1
# Pester 5: Measure-ConnectSms and Send-ConnectSms judge every text of one shared corpus alike: the encoding
# sent, the parts, and the refusal with its reason. The corpus (and the hand-worked expectations) is
# tests/WebexConnect.Tests/Fixtures/Sms/corpus.json; SmsCorpusTests.cs runs it through the C# rules as well.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeDiscovery {
    $corpus = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../WebexConnect.Tests/Fixtures/Sms/corpus.json') -Raw -Encoding UTF8 |
        ConvertFrom-Json
    $script:Cases = foreach ($case in $corpus.cases) {
        $text = -join @(foreach ($segment in $case.segments) { [string]$segment[0] * [int]$segment[1] })
        @{ Name = $case.name; Text = $text; Encoding = $case.encoding; Sent = $case.sent; Parts = $case.parts; Reason = $case.reason }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop
    $null = Connect-WebexConnect -Sandbox -Tps 1000
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'The SMS corpus' {
    It 'has cases' -ForEach @{ Count = @($script:Cases).Count } {
        $Count | Should -BeGreaterThan 20
    }

    Context '<Name> (-Encoding <Encoding>)' -ForEach $script:Cases {
        It 'Measure-ConnectSms gives the expected encoding, parts and verdict' {
            $measured = Measure-ConnectSms -Text $Text -Encoding $Encoding

            "$($measured.Encoding)" | Should -Be $Sent
            $measured.Parts | Should -Be $Parts
            $measured.CanSend | Should -Be ($null -eq $Reason)
            $measured.Reason | Should -Be $Reason
        }

        It 'Send-ConnectSms agrees: the same refusal with the same reason, or the same encoding and parts' {
            $measured = Measure-ConnectSms -Text $Text -Encoding $Encoding
            # The text from a column, as a CSV's: a refusal is that row's (a -Text on the command line stops the command).
            $result = [pscustomobject]@{ Phone = '+447700900001'; Text = $Text } | Send-ConnectSms -From ACME -Encoding $Encoding -ErrorAction SilentlyContinue

            if ($measured.CanSend) {
                $result.Status | Should -Be 'Queued'
                $result.Parts | Should -Be $measured.Parts
                $payload = Send-ConnectSms -To '+447700900001' -From ACME -Text $Text -Encoding $Encoding -PayloadOnly | ConvertFrom-Json
                $payload.content.type | Should -Be $(if ("$($measured.Encoding)" -eq 'Unicode') { 'unicode' } else { 'text' })
                $payload.content.text | Should -BeExactly $Text
            }
            else {
                $result.Status | Should -Be 'Invalid'
                $result.Reason | Should -BeExactly ('Row 1: ' + $measured.Reason)
                # Given on the command line of a call with nothing piped, the text is its one row's: the same reason, as the
                # stop's ID (a script's loop of one-row calls keeps the row's result).
                $one = Send-ConnectSms -To '+447700900001' -From ACME -Text $Text -Encoding $Encoding -ErrorAction SilentlyContinue
                $one.Code | Should -Be 'InvalidParameterValue'
                $one.Reason | Should -BeExactly $result.Reason
                # Given beside piped rows, the text is every row's: it stops the command, naming every problem the row's reason names.
                $stop = { '+447700900001' | Send-ConnectSms -From ACME -Text $Text -Encoding $Encoding } | Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
                $problems = $stop.Exception.Message -replace '(^|; )-', '$1' -replace '\. (It is|They are) the same for every row, so nothing was sent: correct -Text and run the command again\.$'
                $problems | Should -BeExactly $measured.Reason

            }
        }
    }
}
