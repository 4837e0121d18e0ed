#Requires -Version 5.1
# Pester 5: Send-ConnectEmail inside a real PowerShell, against the in-process sandbox.
# Build first: dotnet build -c Release (or ./build.ps1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1') -Force -ErrorAction Stop

    # Each test connects to a new sandbox, so the sandbox's requests are that test's alone.
    function script:Connect-FreshSandbox { Connect-WebexConnect -Sandbox -Tps 1000 }
    . (Join-Path $PSScriptRoot 'RepeatAdvice.ps1')

    # What a child PowerShell says running $Lines after importing the module and connecting to a sandbox: what-if lines go
    # to the host, not to a stream, and only a child's output shows them.
    function script:Invoke-InChildShell([string] $Name, [string[]] $Lines) {
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $child = Join-Path $TestDrive "$Name.ps1"
        $module = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        Set-Content -LiteralPath $child -Encoding UTF8 -Value (@("Import-Module '$($module -replace "'", "''")'", 'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null') + $Lines)
        @(& $shell -NoProfile -File $child 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ })
    }

    # The bodies the sandbox received, parsed, in order of arrival.
    function script:Get-SentBody {
        Get-ConnectSandboxRequest | ForEach-Object { $_.Body | ConvertFrom-Json }
    }
}

AfterAll {
    if (Get-Module WebexConnect) { Disconnect-WebexConnect }
    Remove-Module WebexConnect -Force -ErrorAction SilentlyContinue
}

Describe 'Send-ConnectEmail' {
    BeforeEach { Connect-FreshSandbox }

    It 'binds the address from a column named <_> and sends the other columns as substitutions' -ForEach @('To', 'Email', 'EmailAddress', 'Mail', 'PrimarySmtpAddress', 'WindowsEmailAddress') {
        $row = [pscustomobject]@{ $_ = 'ann@example.com'; Name = 'Ann' }

        $result = $row | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello $(Name)' -Text 'Hi $(Name)'

        $result.Status | Should -Be 'Queued'
        $result.Channel | Should -Be 'Email'
        $result.Destination | Should -Be 'ann@example.com'
        $body = @(Get-SentBody)[-1]
        $body.channel | Should -BeExactly 'email'
        $body.to[0].email | Should -Be @('ann@example.com')
        $body.to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
        $body.content.subject | Should -Be 'Hello $(Name)'
        $body.content.text | Should -Be 'Hi $(Name)'
    }

    It 'sends to a Get-Mailbox object''s PrimarySmtpAddress, and to Mail when an object has both, without an ambiguous binding' {
        # Before: Get-Mailbox | Send-ConnectEmail found no address in any row (Exchange gives PrimarySmtpAddress and
        # WindowsEmailAddress, no Mail), and every row was Invalid.
        $mailbox = [pscustomobject]@{ DisplayName = 'Ann'; PrimarySmtpAddress = 'ann@example.com'; WindowsEmailAddress = 'ann.w@example.com' }
        $both = [pscustomobject]@{ DisplayName = 'Bob'; PrimarySmtpAddress = 'bob.smtp@example.com'; Mail = 'bob@example.com' }

        $results = @($mailbox, $both | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(DisplayName)')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be @('ann@example.com', 'bob@example.com')
    }

    It 'sends to the next address column when the one PowerShell binds first is empty, and names both when both are' {
        # PowerShell binds PrimarySmtpAddress, the first of -To's aliases the object has, empty or not. Before, such a row was
        # Invalid, "the address is empty", though its WindowsEmailAddress holds one.
        $rows = @(
            [pscustomobject]@{ DisplayName = 'Bob'; PrimarySmtpAddress = ''; WindowsEmailAddress = 'bob@example.com' }
            [pscustomobject]@{ DisplayName = 'Cy'; PrimarySmtpAddress = $null; WindowsEmailAddress = 'cy@example.com' }
            [pscustomobject]@{ DisplayName = 'Dee'; PrimarySmtpAddress = ''; WindowsEmailAddress = ' ' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(DisplayName)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Invalid')
        $results.Destination[0..1] | Should -Be @('bob@example.com', 'cy@example.com')
        $results[2].Reason | Should -BeExactly "Row 3: To: no destination: the row's 'PrimarySmtpAddress' and 'WindowsEmailAddress' columns are empty"
        @(Get-SentBody).to.email | Should -Be @('bob@example.com', 'cy@example.com')
    }

    It 'sends to an address given as an object whose text is the address (on-premises Exchange''s SmtpAddress)' {
        # On-premises Get-Mailbox gives PrimarySmtpAddress as an SmtpAddress object, not a string. Before, such a row was
        # Invalid: "the row's 'PrimarySmtpAddress' column is empty". MailAddress stands in for it here: its text is the address.
        $mailbox = [pscustomobject]@{ DisplayName = 'Ann'; PrimarySmtpAddress = [System.Net.Mail.MailAddress]'ann@example.com' }

        $result = $mailbox | Send-ConnectEmail -From 'news@example.com' -Subject 'Hello' -Text 'Hi $(DisplayName)'

        $result.Status | Should -Be 'Queued'
        $result.Destination | Should -Be 'ann@example.com'
    }

    It 'gives one result per row in order, an Invalid one for a bad address' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com' }
            [pscustomobject]@{ Email = 'not an address' }
            [pscustomobject]@{ Email = 'cy@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorVariable mailErrors -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid', 'Queued')
        $results.Destination | Should -Be @('ann@example.com', 'not an address', 'cy@example.com')
        $mailErrors.Count | Should -Be 1
        $mailErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,WebexConnect.Commands.SendConnectEmailCommand'
        $mailErrors[0].TargetObject.Email | Should -Be 'not an address'
        (Get-SentBody).to.email | Sort-Object | Should -Be @('ann@example.com', 'cy@example.com')
    }

    It 'takes subject and HTML per row from columns' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Subject = 'For Ann'; Html = '<p>Ann</p>' }
            [pscustomobject]@{ Email = 'bob@example.com'; Subject = 'For Bob'; Html = '<p>Bob</p>' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com')

        $results.Status | Should -Be @('Queued', 'Queued')
        $bodies = @(Get-SentBody)
        $bodies.content.subject | Sort-Object | Should -Be @('For Ann', 'For Bob')
        $bodies.content.type | Select-Object -Unique | Should -BeExactly 'html'
    }

    It 'sends attachments given as hashtables, naming them from the URL' {
        $null = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Invoice' -Text 'Attached' `
            -Attachment @{ Url = 'https://files.example.com/invoice.pdf' }

        $attachment = @(Get-SentBody)[-1].content.attachments[0]
        $attachment.mimetype | Should -Be 'application/pdf'
        $attachment.name | Should -Be 'invoice.pdf'
        $attachment.mediaUrl | Should -Be 'https://files.example.com/invoice.pdf'
    }

    It 'sends an Attachment cell whose URL has a space inside it encoded, named as the file is, and an encoded one as it is' {
        # Before: 'boarding pass.pdf' went out with its space, which no URL holds: the service fetches the file later and
        # the email left without it, with no word to the admin.
        $rows = "Email,Attachment`nann@example.com,https://cdn.example.com/boarding pass.pdf`nbob@example.com,https://cdn.example.com/boarding%20pass.pdf" | ConvertFrom-Csv

        $payloads = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'Your pass' -Text 'Attached' -PayloadOnly | ConvertFrom-Json)

        $payloads.content.attachments.mediaUrl | Should -BeExactly @('https://cdn.example.com/boarding%20pass.pdf', 'https://cdn.example.com/boarding%20pass.pdf')
        $payloads.content.attachments.name | Should -BeExactly @('boarding pass.pdf', 'boarding pass.pdf')
    }

    It 'types an attachment from its extension, the older Office formats and the files a nightly job mails too: <File>' -ForEach @(
        @{ File = 'policy.doc'; Type = 'application/msword' }
        @{ File = 'figures.xls'; Type = 'application/vnd.ms-excel' }
        @{ File = 'slides.ppt'; Type = 'application/vnd.ms-powerpoint' }
        @{ File = 'minutes.odt'; Type = 'application/vnd.oasis.opendocument.text' }
        # A job moved from Send-MailMessage that mailed its log (-Attachments .../backup.log) stopped with InvalidAttachment:
        # "the MIME type of 'backup.log' is not known", for the most common file a scheduled job sends.
        @{ File = 'backup-2026-12-07.log'; Type = 'text/plain' }
        @{ File = 'users.tsv'; Type = 'text/tab-separated-values' }
        @{ File = 'logs.7z'; Type = 'application/x-7z-compressed' }
        @{ File = 'logs.tar.gz'; Type = 'application/gzip' }
        @{ File = 'alert.eml'; Type = 'message/rfc822' }
        @{ File = 'scan.tif'; Type = 'image/tiff' }
    ) {
        $result = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Files' -Text 'Attached' -Attachment "https://files.example.com/$File"

        $result.Status | Should -Be 'Queued'
        $attachment = @(Get-SentBody)[-1].content.attachments[0]
        $attachment.name | Should -Be $File
        $attachment.mimetype | Should -BeExactly $Type
    }

    It 'refuses an attachment without a URL before sending anything' {
        { 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment @{ Name = 'a.pdf' } } |
            Should -Throw -ErrorId 'InvalidAttachment,*'

        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says what an attachment <Kind> has and lacks, and which property looks like the URL, with an example that fits 80 columns' -ForEach @(
        @{ Kind = 'hashtable'; Given = @{ Path = 'https://files.example.com/a.pdf' }; Has = 'has Path, but no Url'; Named = 'Its Path looks like that URL: name it Url. ' }
        @{ Kind = 'object'; Given = [pscustomobject]@{ Link = 'https://files.example.com/a.pdf'; Type = 'application/pdf' }; Has = 'has Link, Type, but no Url'; Named = 'Its Link looks like that URL: name it Url. ' }
        @{ Kind = 'hashtable'; Given = @{}; Has = 'is empty: give it a Url,'; Named = '' }
    ) {
        # Before: "Url is missing", which said neither that Path was the property not read nor what to call it.
        $example = "@{ Url = 'https://example.com/invoice.pdf'; Name = 'invoice.pdf' }"
        $said = "Attachment[0]: this $Kind $Has* the public https URL the service fetches the file from. $Named" +
            "Name and MimeType are taken from the URL's file name when not given. E.g. -Attachment $example"

        $thrown = { 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment $Given } | Should -Throw -ErrorId 'InvalidAttachment,*' -PassThru

        $thrown.Exception.Message | Should -BeLike ($said.Replace('[', '`[').Replace(']', '`]') + '*')
        ('-Attachment ' + $example).Length | Should -BeLessOrEqual 80
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
        # The example, as given, sends.
        $sent = 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment (Invoke-Expression $example)
        $sent.Status | Should -Be 'Queued'
    }

    It 'makes a row whose Attachment cell holds an object without a Url Invalid, saying what it has, not three JSON fields' {
        # A script that built each row's attachment as a hashtable with the wrong key: before, the row's reason was
        # "Attachments[0].MimeType: MimeType is required; Attachments[0].Name: Name is required; Attachment[0]: MediaUrl is required".
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Attachment = @{ Href = 'https://files.example.com/a.pdf' } }
            [pscustomobject]@{ Email = 'bob@example.com'; Attachment = @{ Url = 'https://files.example.com/b.pdf' } }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeLike 'Row 1: Attachment`[0`]: this hashtable has Href, but no Url (nor MediaUrl or Uri), *. Its Href looks like that URL: name it Url. *E.g. -Attachment @{ Url = *'
        $results[0].Reason | Should -Not -BeLike '*required*'
    }

    It 'says a file given by Get-ChildItem is on this computer, which the service cannot read, before sending anything' {
        $file = New-Item -ItemType File -Path (Join-Path $TestDrive 'terms 2026.pdf') -Force

        { 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment (Get-ChildItem $file) } |
            Should -Throw -ErrorId 'InvalidAttachment,*' -ExpectedMessage "Attachment``[0``]: '$($file.FullName)' is a file on this computer, which the service cannot read: it fetches each attachment from a public https URL. Publish the file on a web server and give its URL, e.g. -Attachment 'https://files.example.com/terms%202026.pdf'."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses a cell that lists several attachment URLs (<Name>), saying to split it, instead of sending one attachment of them' -ForEach @(
        @{ Name = 'semicolon'; Files = 'https://files.example.com/terms.pdf;https://files.example.com/prices.pdf' }
        @{ Name = 'comma and space'; Files = 'https://files.example.com/terms.pdf, https://files.example.com/prices.pdf' }
        @{ Name = 'one per line'; Files = "https://files.example.com/terms.pdf`nhttps://files.example.com/prices.pdf" }
    ) {
        $row = [pscustomobject]@{ Email = 'ann@example.com'; Files = $Files }

        { $row.Email | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment $row.Files } |
            Should -Throw -ErrorId 'InvalidAttachment,*' -ExpectedMessage "Attachment``[0``]: 'https://files.example.com/terms.pdf* holds more than one URL: give each file as an item of its own, e.g. -Attachment (`$_.Files -split '``[;,|\s``]+' | Where-Object { `$_ })*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends the files of such a cell once it is split, and an archived URL that holds a second scheme as one file' {
        $files = 'https://files.example.com/terms.pdf; https://files.example.com/prices.pdf'
        $archived = 'https://web.archive.org/web/2026/https://files.example.com/old-terms.pdf'

        $result = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment (($files -split '[;,|\s]+' | Where-Object { $_ }) + $archived)

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.attachments.name | Should -Be @('terms.pdf', 'prices.pdf', 'old-terms.pdf')
    }

    It 'stops once, before sending, for an http attachment that every row would be refused for' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com" } }

        { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Attachment 'http://files.example.com/terms.pdf' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Attachment``[0``]: 'http://files.example.com/terms.pdf' uses http: use https. It is the same for every row, so nothing was sent: correct -Attachment*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops once, before sending, for a -<Parameter> given on the command line that every row would be refused for' -ForEach @(
        @{ Parameter = 'Subject'; Arguments = @{ Subject = "News`n"; Text = 'T' }; Expected = '-Subject: ends with a line break (U+000A)*same for every row, so nothing was sent: correct -Subject*' }
        @{ Parameter = 'Text'; Arguments = @{ Subject = 'S'; Text = '   ' }; Expected = '-Text: Text is only white space*same for every row, so nothing was sent: correct -Text*' }
    ) {
        # A column-bindable parameter given on the command line is every row's: each row was Invalid with the same error.
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com" } }

        { $rows | Send-ConnectEmail -From 'news@example.com' @Arguments } | Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage $Expected
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses an -Encoding no mail program reads, listing the character sets, and completes them' {
        # 'utf9' or 'UTF 8' went to the service as written, which refused it or garbled the mail.
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com" } }
        { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Encoding 'UTF 8' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Encoding: 'UTF 8' is not a character set*give one of utf-8, us-ascii, iso-8859-1,*big5*correct -Encoding*"
        # With nothing piped, the -Encoding is the one row's (a loop's -Encoding $u.Charset): its Invalid result, not a stop.
        $one = Send-ConnectEmail -To 'n1@example.com' -From 'news@example.com' -TemplateId 'T1' -Encoding utf9 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $one.Status | Should -Be 'Invalid'
        $one.Code | Should -BeExactly 'InvalidParameterValue'
        $one.Reason | Should -BeLike "Row 1: Encoding: 'utf9' is not a character set*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        $line = 'Send-ConnectEmail -Encoding windows-125'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) |
            Should -Be @('windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258')
    }

    It 'completes -Attachment with the https:// its URLs start with, never with this computer''s files, which it refuses' {
        # -Attachment takes URLs the service fetches; a file on this computer is refused. Before, Tab
        # offered the current folder's files, which led the admin to give one.
        Push-Location $TestDrive
        try {
            Set-Content -Path (Join-Path $TestDrive 'invoice.pdf') -Value 'x'
            Set-Content -Path (Join-Path $TestDrive 'hello.txt') -Value 'x'
            $complete = { param($Line) @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches) }

            $empty = & $complete 'Send-ConnectEmail -Attachment '
            $empty.CompletionText | Should -Be @('https://')
            $empty[0].ToolTip | Should -BeLike '*public https URL*the service fetches*file on this computer*'
            (& $complete 'Send-ConnectEmail -Attachment h').CompletionText | Should -Be @('https://')
            # A file's name, or a URL being typed, gets nothing: no file of this folder is offered.
            & $complete 'Send-ConnectEmail -Attachment inv' | Should -BeNullOrEmpty
            & $complete 'Send-ConnectEmail -Attachment https://files.example.com/inv' | Should -BeNullOrEmpty
        }
        finally {
            Pop-Location
        }
    }

    It 'takes -Encoding <_>, a character set mail programs write, and sends it as given' -ForEach @(
        'windows-1257', 'ISO-8859-13', 'iso-8859-4', 'windows-1258', 'windows-874', 'koi8-u', 'ks_c_5601-1987', 'gbk'
    ) {
        # The Baltic, Vietnamese, Thai, Ukrainian, Korean (as Outlook names it) and Chinese sets stopped the whole run as
        # "not a character set this module knows email by".
        $result = Send-ConnectEmail -To 'n1@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -Encoding $_
        $result.Status | Should -Be 'Queued'
        (Get-SentBody).content.encoding | Should -BeExactly $_
    }

    It 'sends -Encoding <Given> as <Sent>, the MIME name of what PowerShell''s file cmdlets call it' -ForEach @(
        @{ Given = 'UTF-8'; Sent = 'UTF-8' }
        @{ Given = 'utf8'; Sent = 'utf-8' }
        @{ Given = 'latin1'; Sent = 'iso-8859-1' }
        @{ Given = [Text.Encoding]::UTF8; Sent = 'utf-8' }
    ) {
        # $PSDefaultParameterValues['*:Encoding'] = 'utf8' (about_Character_Encoding's advice) reaches -Encoding too.
        $result = Send-ConnectEmail -To 'n1@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -Encoding $Given
        $result.Status | Should -Be 'Queued'
        (Get-SentBody).content.encoding | Should -BeExactly $Sent
    }

    It 'says "or leave the row out" for a row''s blank text, and not for a blank -Text the command line gave' {
        # The stop for the command line's -Text ended "give the email's text, or leave the row out. It is the same for
        # every row...": no row was at fault, and leaving one out would change nothing.
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com" } }
        $stop = { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text '   ' } | Should -Throw -PassThru
        $stop.Exception.Message | Should -BeExactly "-Text: Text is only white space (spaces, tabs or line breaks): give the email's text. It is the same for every row, so nothing was sent: correct -Text and run the command again."

        $result = [pscustomobject]@{ Email = 'n1@example.com'; Text = '   ' } | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Invalid'
        $rowErrors[0].Exception.Message | Should -BeLike "*Text is only white space (spaces, tabs or line breaks): give the email's text, or leave the row out*"
    }

    It 'names the parameters and columns that give a row its missing subject and body, as the SMS and RCS commands do' {
        # Before: "Subject is required (or give a template)" and "Text is required for a text email: give Text, Html, or a
        # template": the model's words, naming no column, and each channel said it its own way.
        $rows = @(
            [pscustomobject]@{ Email = 'n1@example.com'; Subject = ''; Text = ''; Html = '' }
            [pscustomobject]@{ Email = 'n2@example.com'; Subject = 'S'; Text = 'T'; Html = '' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeExactly ('Row 1: Subject: the email has no subject: give -Subject or a Subject column, or a template (-TemplateId); ' +
            'Text: the email has no body: give -Text or a Text column, -Html or an Html column, or a template (-TemplateId)')
        $sms = [pscustomobject]@{ Phone = '+447700900301'; Text = '' } | Send-ConnectSms -From ACME -ErrorAction SilentlyContinue
        $sms.Reason | Should -BeExactly 'Row 1: Text: the SMS has no text: give -Text or a Text column, or a template (-TemplateId)'
    }

    It 'stops once, before sending, for a body or subject that neither the command line nor a column of the first row gives' {
        # Before: every row Invalid with the same "Text is required for a text email" error.
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com"; Name = "N$_" } }

        { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            '-Text: the email has no body: give -Text or a Text column, -Html or an Html column, or a template (-TemplateId). ' +
            "The command line has no -Text or -Html and the first row no Text or Html column (the row has the columns 'Email', 'Name'), so every row would be refused: nothing was sent.")
        { $rows | Send-ConnectEmail -From 'news@example.com' -Text 'T' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage '-Subject: the email has no subject*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # An Html column gives the body, though the first row's cell is empty: that row alone is Invalid.
        $rows = @(
            [pscustomobject]@{ Email = 'n1@example.com'; Html = '' }
            [pscustomobject]@{ Email = 'n2@example.com'; Html = '<p>Hi</p>' })
        (@($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -ErrorAction SilentlyContinue)).Status | Should -Be @('Invalid', 'Queued')
    }

    It 'names both the subject and the body in one stop when neither is given, piped or not' {
        # Before: only "-Subject: the email has no subject" was named, and the run after adding -Subject stopped on the body.
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com"; Name = "N$_" } }
        $problems = '-Subject: the email has no subject: give -Subject or a Subject column, or a template (-TemplateId); ' +
            '-Text: the email has no body: give -Text or a Text column, -Html or an Html column, or a template (-TemplateId). ' +
            'The command line has no -Subject, -Text or -Html'

        { $rows | Send-ConnectEmail -From 'news@example.com' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            $problems + " and the first row no Subject, Text or Html column (the row has the columns 'Email', 'Name'), so every row would be refused: nothing was sent.")
        { Send-ConnectEmail -From 'news@example.com' -To 'n1@example.com' } | Should -Throw -ErrorId 'MissingContent,*' -ExpectedMessage (
            $problems + ', so nothing was sent.')
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'still makes only its row Invalid for a Subject column with a line break' {
        $rows = @(
            [pscustomobject]@{ Email = 'n1@example.com'; Subject = "News`n" }
            [pscustomobject]@{ Email = 'n2@example.com'; Subject = 'News' })

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Text 'T' -ErrorVariable err -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $err.Count | Should -Be 1
    }

    It 'sends a template instead of content' {
        $null = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -TemplateId 'tpl-1' -TemplateSubject 'Hi'

        $body = @(Get-SentBody)[-1]
        $body.template.id | Should -Be 'tpl-1'
        $body.template.subject | Should -Be 'Hi'
        $body.PSObject.Properties.Name | Should -Not -Contain 'content'
    }

    It 'refuses an address with an invisible character before the @: U+<Code>' -ForEach @(
        @{ Code = '200B' }, @{ Code = '200E' }, @{ Code = '00AD' }, @{ Code = 'FEFF' }, @{ Code = '0001' }
    ) {
        $address = 'an' + [char][Convert]::ToInt32($Code, 16) + 'n@example.com'

        $result = Send-ConnectEmail -To $address -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeLike "Row 1: To: 'an\u${Code}n@example.com' is not an email address (the part before the @ contains an invisible or control character, U+$Code at position 3)*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'warns once, at the first row without HTML, that tracking and read receipts do not apply to a text email' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Html = '<p>Hi</p>' }
            [pscustomobject]@{ Email = 'bob@example.com'; Html = '' }
            [pscustomobject]@{ Email = 'cy@example.com'; Html = '' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -TrackOpens -RequestedReceipt read, delivered -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike 'Row 2 has no HTML, so it goes as a text email*-TrackOpens, -RequestedReceipt read will not apply*'
    }

    It 'does not warn about tracking an HTML email or a template' {
        $null = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Html '<p>Hi</p>' -TrackOpens -TrackClicks -RequestedReceipt read -WarningVariable html
        $null = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -TemplateId 'welcome' -TrackOpens -WarningVariable template

        @($html).Count | Should -Be 0
        @($template).Count | Should -Be 0
    }

    It 'sends the HTML and text of files read with Get-Content without -Raw as the files'' text, a line break between lines' {
        # Before: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Html'", and no email left.
        $html = Join-Path $TestDrive 'mail.html'
        $text = Join-Path $TestDrive 'mail.txt'
        Set-Content -Path $html -Value '<html>', '<body><p>Hi $(Name)</p></body>', '</html>'
        Set-Content -Path $text -Value 'Hi $(Name),', '', 'see you soon.'

        $result = [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' } |
            Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Html (Get-Content $html) -Text (Get-Content $text)

        $result.Status | Should -Be 'Queued'
        $content = (Get-SentBody).content
        $content.html | Should -BeExactly "<html>`n<body><p>Hi `$(Name)</p></body>`n</html>"
        $content.text | Should -BeExactly "Hi `$(Name),`n`nsee you soon."
    }

    It 'sends a run''s report made with ConvertTo-Html, document or fragment, as the HTML it wrote, a line break between lines' {
        # Before: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Html'. Specified
        # method is not supported.": ConvertTo-Html writes its document a line at a time, and no report left.
        $results = @('+447700900001', '+447700900002' | Send-ConnectSms -From ACME -Text 'Hi')
        $document = $results | ConvertTo-Html -Property Row, Status, Destination -Title 'Run' -PreContent '<h1>Nightly SMS</h1>'
        $fragment = $results | Group-Object Status | ConvertTo-Html -Property Name, Count -Fragment -PreContent 'Totals'

        $sent = @(
            Send-ConnectEmail -To 'desk@example.com' -From 'news@example.com' -Subject 'Run report' -Html $document
            Send-ConnectEmail -To 'desk@example.com' -From 'news@example.com' -Subject 'Totals' -Html $fragment
        )

        $sent.Status | Should -Be @('Queued', 'Queued')
        $bodies = @(Get-SentBody | Where-Object channel -eq 'email')
        $bodies[0].content.html | Should -BeExactly ($document -join "`n")
        $bodies[0].content.html | Should -Match '<td>\+447700900002</td>'
        $bodies[1].content.html | Should -BeExactly ($fragment -join "`n")
    }

    It 'says a subject read with Get-Content -Raw ends with a line break, and how to trim it' {
        # Before: "contains a line break (U+000A) at position 5", with no word that it was the file's last line break.
        $file = Join-Path $TestDrive 'subject.txt'
        Set-Content -Path $file -Value 'News'

        # Given beside piped rows, it is every row's subject: the command stops once, before sending.
        { 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject (Get-Content $file -Raw) -Text 't' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage '-Subject: ends with a line break (U+000*): Subject must be one line; remove it (a file read with Get-Content -Raw keeps*.TrimEnd()). It is the same for every row*'
        # With -To on the command line and nothing piped, it is the one row's: that row's Invalid result says the same.
        $one = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject (Get-Content $file -Raw) -Text 't' -ErrorAction SilentlyContinue
        $one.Code | Should -Be 'InvalidParameterValue'
        $one.Reason | Should -BeLike 'Row 1: Subject: ends with a line break (U+000*): Subject must be one line; remove it (a file read with Get-Content -Raw keeps*.TrimEnd())*'
        Get-SentBody | Should -BeNullOrEmpty
    }

    It 'still refuses a list that was not read from a file nor written by ConvertTo-Html, as PowerShell does' {
        { Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Html '<p>a</p>', '<p>b</p>' -ErrorAction Stop } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        # ConvertTo-Html's lines are joined for -Html only: a text body is not HTML.
        $report = [pscustomobject]@{ Status = 'Queued' } | ConvertTo-Html -Fragment
        { Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Text $report -ErrorAction Stop } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        Get-SentBody | Should -BeNullOrEmpty
    }

    It 'warns once when the HTML of a Windows-1252 file was read as UTF-8, naming the field and the damaged word' {
        # "Cafe naive" with their accents, saved by an older editor in Windows-1252, read as PowerShell 7 reads a file without a BOM.
        $file = Join-Path $TestDrive 'newsletter-1252.html'
        [IO.File]::WriteAllBytes($file, [byte[]](0x3C, 0x70, 0x3E, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65, 0x3C, 0x2F, 0x70, 0x3E))
        $html = Get-Content -Raw -Encoding utf8 $file

        $results = @('ann@example.com', 'bob@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Html $html -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Row 1: Html ('<p>Caf$([char]0xFFFD) na$([char]0xFFFD)ve</p>') has U+FFFD ($([char]0xFFFD)): the file is not UTF-8. Read it with -Encoding 1252*"
    }

    It 'warns once when a CSV saved by Excel in Windows-1252 was read as UTF-8, naming the row and the column' {
        $file = Join-Path $TestDrive 'people-1252.csv'
        [IO.File]::WriteAllBytes($file, [Text.Encoding]::ASCII.GetBytes("Email,Name`r`nann@example.com,Ann`r`njose@example.com,Jos") + [byte[]](0xE9) +
            [Text.Encoding]::ASCII.GetBytes("`r`nzoe@example.com,Zo") + [byte[]](0xEB))

        $results = @(Import-Csv $file -Encoding utf8 | Send-ConnectEmail -From 'news@example.com' -Subject 'Hi $(Name)' -Text 'T' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "Row 2: the column 'Name' ('Jos$([char]0xFFFD)') has U+FFFD*"
    }

    It 'stops before the damaged row with -WarningAction Stop, sending nothing of it' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann' }
            [pscustomobject]@{ Email = 'jose@example.com'; Name = "Jos$([char]0xFFFD)" }
        )

        $stopped = $null
        try { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'Hi $(Name)' -Text 'T' -WarningAction Stop -OutVariable sent }
        catch { $stopped = $_ }

        $stopped | Should -Not -BeNullOrEmpty
        @($sent).Status | Should -Be @('Queued')
        (Get-SentBody).to.email | Should -Be @('ann@example.com')
    }

    It 'does not warn about text read with its own encoding' {
        $accented = "Caf$([char]0xE9) na$([char]0xEF)ve $([char]0x20AC)5"
        $null = 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject $accented -Html "<p>$accented</p>" -WarningVariable warned

        @($warned).Count | Should -Be 0
    }

    It 'gives repeat advice that drops only the repeats, not a person''s other rows' {
        # Before, the warning advised Sort-Object Email -Unique, which also dropped Ann's second invoice.
        $csv = "Email,Invoice`nann@example.com,INV-1`nann@example.com,INV-2`nAnn@Example.com,INV-1`nbob@example.com,INV-3"
        $null = $csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'Invoice' -Text '$(Invoice)' -WarningVariable warned -WarningAction SilentlyContinue
        $advice = Get-RepeatAdvice $warned[0]

        $results = @($csv | ConvertFrom-Csv | & $advice | Send-ConnectEmail -From 'news@example.com' -Subject 'Invoice' -Text '$(Invoice)' -WarningVariable again)

        @($again).Count | Should -Be 0
        # Ann's two different rows (INV-1 and INV-2) both go; only the repeat of INV-1 is gone.
        @($results.Destination | Sort-Object) | Should -Be @('ann@example.com', 'ann@example.com', 'bob@example.com')
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
    }

    It 'compares an address in any case and a value in its own, and its advice, run as written, does the same' {
        # Rows 1 and 2 send Ann the same email (the address in another case, with a space the command trims); BOB and Bob are
        # two texts. Before, the advice (Sort-Object * -Unique) kept rows 1 and 2, and dropped Bob's row as a repeat of BOB's.
        $csv = "Email,Name`nann@example.com,Ann`nAnn@Example.com ,Ann`nbob@example.com,BOB`nbob@example.com,Bob"
        $send = @{ From = 'news@example.com'; Subject = 'News'; Text = 'Hi $(Name)' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1:*'

        $again.Results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $pairs = @($again.Bodies.to.ForEach({ "$($_.email.ToLowerInvariant()) $($_.substitutions.Name)" }))
        $pairs.Count | Should -Be 3
        foreach ($pair in 'ann@example.com Ann', 'bob@example.com BOB', 'bob@example.com Bob') { $pairs -ccontains $pair | Should -BeTrue -Because $pair }
    }

    It 'calls rows whose Cc differs only in case or spaces at its ends a repeat, and its advice sends one of them' {
        # The copies are sent trimmed, and one address in two cases is one mailbox: the boss got the same email twice, unwarned.
        $csv = "Email,Cc`nann@example.com,boss@example.com`nann@example.com,Boss@Example.com `nann@example.com,audit@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1:*'

        $again.Results.Status | Should -Be @('Queued', 'Queued')
        @($again.Bodies.cc.ForEach({ $_.ToLowerInvariant() }) | Sort-Object) | Should -Be @('audit@example.com', 'boss@example.com')
    }

    It 'calls rows whose Cc lists the same addresses in another order or spacing a repeat, and its advice sends one of them' {
        # The copies are sent split at ';' and ',', trimmed and each once: rows 1 and 2 copy the same two mailboxes. Before, their
        # cells differed, nothing was said, and a and b got the email twice.
        $csv = "Email,Cc`nann@example.com,a@example.com;b@example.com`nann@example.com,`"B@example.com,  a@example.com ;`"" +
            "`nann@example.com,a@example.com`nbob@example.com,b@example.com;a@example.com`nann@example.com,a@example.com; a@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1:*'

        $again.Results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) $((@($body.cc).ForEach({ $_.ToLowerInvariant() }) | Sort-Object) -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com a@example.com', 'ann@example.com a@example.com;b@example.com', 'bob@example.com a@example.com;b@example.com')
    }

    It 'does not sort by a Cc column when -Cc is given, and its advice sends one of the rows' {
        # -Cc sets every row's copies: rows 1 and 2 send Ann the same email. Before, the advice sorted by the Cc column, which is
        # not read, kept both rows, and the repeat went again.
        $csv = "Email,Cc,Name`nann@example.com,x@example.com,Ann`nann@example.com,y@example.com,Ann`nbob@example.com,x@example.com,Bob"
        $send = @{ From = 'news@example.com'; Subject = 'News'; Text = 'Hi $(Name)'; Cc = 'boss@example.com' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send "Row 2 repeats row 1: *(its column 'Cc' is not sent, so it does not count)*"

        @($again.Results.Destination | Sort-Object) | Should -Be @('ann@example.com', 'bob@example.com')
    }

    It 'calls a row that copies its own To a repeat of the row without that copy, and its advice sends one of them' {
        # The Cc of row 1 is its To, so it goes in To only (OverlappingCopies): rows 1 and 2 sent Dan the same email twice, and
        # before, nothing was said, as their Cc cells differed.
        $csv = "Email,Cc`ndan@example.com,dan@example.com`ndan@example.com,`nann@example.com,boss@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) $(@($body.cc) -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com boss@example.com', 'dan@example.com ')
    }

    It 'calls a Cc written with a display name and the bare address a repeat, and its advice sends one of them' {
        # 'Jane Doe <jane@example.com>' copies jane@example.com (AddressLine): rows 1 and 2 sent Jane the same email twice, and
        # before, nothing was said, as the cells were compared as written.
        $csv = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'Jane Doe <jane@example.com>' }
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'jane@example.com' }
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = '"Doe, Jane" <Jane@Example.com>; dan@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'jane@example.com' }
        ) | ConvertTo-Csv -NoTypeInformation | Out-String
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to ann@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) $((@($body.cc).ForEach({ $_.ToLowerInvariant() }) | Sort-Object) -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com dan@example.com;jane@example.com', 'ann@example.com jane@example.com', 'bob@example.com jane@example.com')
    }

    It 'calls a row whose Bcc repeats its Cc or its To a repeat of the row without that Bcc, and its advice sends one of them' {
        # The Bcc goes in the Cc (or To) only (OverlappingCopies): rows 1 and 2 sent Dan and his boss the same email twice,
        # and before, nothing was said, as their Bcc cells differed. Ann's Bcc to audit is another email.
        $csv = "Email,Cc,Bcc`ndan@example.com,boss@example.com,`ndan@example.com,boss@example.com,`"Boss@Example.com; dan@example.com`"" +
            "`nann@example.com,boss@example.com,audit@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) cc $(@($body.cc) -join ';') bcc $(@($body.bcc) -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com cc boss@example.com bcc audit@example.com', 'dan@example.com cc boss@example.com bcc ')
    }

    It 'calls a Bcc column that repeats the command line''s -Cc a repeat of the row without it, and its advice sends one of them' {
        # -Cc boss goes in every row's Cc, so row 2's Bcc sends no copy (OverlappingCopies): rows 1 and 2 sent Dan and the boss
        # the same email twice. Before, only copies given as columns were compared, and nothing was said.
        $csv = "Email,Bcc`ndan@example.com,`ndan@example.com,Boss@Example.com`nann@example.com,audit@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice'; Cc = 'boss@example.com' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) cc $(@($body.cc) -join ';') bcc $(@($body.bcc) -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com cc boss@example.com bcc audit@example.com', 'dan@example.com cc boss@example.com bcc ')
    }

    It 'calls a Cc column that repeats the command line''s -Bcc a repeat of the row without it, as the mirror case, and its advice sends one' {
        # -Bcc boss copies the boss on every row; row 2's Cc names the boss too, so his copy moves to the Cc (OverlappingCopies):
        # rows 1 and 2 reach Dan and the boss alike, and both got the invoice twice. Before, nothing was said, while a Bcc
        # column repeating -Cc (the test above) was a repeat. Ann's row copies audit, and is another email.
        $csv = "Email,Cc`ndan@example.com,`ndan@example.com,Boss@Example.com`nann@example.com,audit@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice'; Bcc = 'boss@example.com' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) cc $(@($body.cc) -join ';') bcc $(@($body.bcc) -join ';')" } })
        # Either of Dan's rows: each reaches Dan and the boss once.
        $sent.Count | Should -Be 2
        $sent | Should -Contain 'ann@example.com cc audit@example.com bcc boss@example.com'
        @($sent | Where-Object { $_ -like 'dan@*' }) | Should -BeIn @('dan@example.com cc  bcc boss@example.com', 'dan@example.com cc Boss@Example.com bcc ')
    }

    It 'calls no row a repeat for the command line''s -Bcc alone, nor a user''s row whose Cc names the -Bcc''s boss after the boss''s own row' {
        # -Bcc copies the boss on every row, as asked, whatever a row's Cc says: the boss's own row and Ann's are two emails.
        $csv = "Email,Cc`nboss@example.com,`nann@example.com,boss@example.com`ndan@example.com,"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Hi' -Bcc 'boss@example.com' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty
    }

    It 'calls no row a repeat for the command line''s -Cc alone, with a Bcc column' {
        # -Cc copies the boss on every row, as asked: Dan's row and the boss's own row are two emails, and so are two users'.
        $csv = "Email,Bcc`ndan@example.com,`nboss@example.com,`nann@example.com,dan@example.com"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Hi' -Cc 'boss@example.com' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned | Where-Object { "$_" -like '*repeats row*' -and "$_" -like '*boss@example.com*' }) | Should -BeNullOrEmpty
    }

    It 'calls a Bcc column before the Cc column the same, and its advice sends one of the rows' {
        # The columns in another order: the Bcc is still the field that loses the address, as OverlappingCopies keeps it in Cc.
        $csv = "Bcc,Email,Cc`nboss@example.com,dan@example.com,boss@example.com`n,dan@example.com,boss@example.com`naudit@example.com,ann@example.com,boss@example.com"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        @($again.Results.Destination | Sort-Object) | Should -Be @('ann@example.com', 'dan@example.com')
    }

    It 'calls a To written with a display name a repeat of the bare address, and its advice, run on the CSV as written, sends one' {
        # Row 2 writes Jane as Outlook copies her, row 3 bare: both send jane@example.com the same email. Before, the advice
        # compared the Email cells as written, kept all three rows, and Jane got it twice again.
        $csv = @(
            [pscustomobject]@{ Email = 'Jane Doe <jane@example.com>'; Cc = 'Boss <boss@example.com>' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'boss@example.com' }
            [pscustomobject]@{ Email = 'Doe, Jane <Jane@Example.com>'; Cc = 'boss@example.com; "Doe, Jane" <jane@example.com>' }
        ) | ConvertTo-Csv -NoTypeInformation | Out-String
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 3 repeats row 1: the same message to Jane@Example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $again.Results.Status | Should -Be @('Queued', 'Queued')
        @($again.Bodies.to.email.ForEach({ $_.ToLowerInvariant() }) | Sort-Object) | Should -Be @('bob@example.com', 'jane@example.com')
    }

    It 'calls a row that copies its own To under a display name with an = in it a repeat of the row without the copy' {
        # Only a distinguished name is kept whole: before, any '=' made the cell whole, and the To in it was not taken out.
        $csv = @(
            [pscustomobject]@{ Email = 'dan@example.com'; Cc = '"Dan (Sales=EMEA)" <Dan@Example.com>' }
            [pscustomobject]@{ Email = 'dan@example.com'; Cc = '' }
        ) | ConvertTo-Csv -NoTypeInformation | Out-String
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to dan@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued')
        @($again.Results.Destination) | Should -Be @('dan@example.com')
    }

    It 'calls an Attachment cell with spaces at its ends a repeat of the same URL, and its advice sends one of them' {
        # The URL is sent without them (EmailAttachments.ReadCell): rows 1 and 2 sent Ann the same invoice twice, unwarned.
        $csv = "Email,Attachments`nann@example.com,`" https://files.example.com/INV-1.pdf`"`nann@example.com,`"https://files.example.com/INV-1.pdf ;`"" +
            "`nann@example.com,https://files.example.com/INV-2.pdf`nbob@example.com,https://files.example.com/INV-1.pdf"
        $send = @{ From = 'news@example.com'; Subject = 'Invoice'; Text = 'Your invoice' }

        $again = Invoke-RepeatAdvice $csv Send-ConnectEmail $send 'Row 2 repeats row 1: the same message to ann@example.com with the same values.*'

        $again.First.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        $again.Warning | Should -BeLike ('*' + [WildcardPattern]::Escape('| Sort-Object ' + $emailSort + ',{(("$($_.Attachments)" -split ') + '*')
        $sent = @(foreach ($body in $again.Bodies) { foreach ($to in $body.to) { "$($to.email) $($body.content.attachments.mediaUrl -join ';')" } })
        @($sent | Sort-Object) | Should -Be @('ann@example.com https://files.example.com/INV-1.pdf', 'ann@example.com https://files.example.com/INV-2.pdf',
            'bob@example.com https://files.example.com/INV-1.pdf')
    }

    It 'warns when one row copies someone another row sends the same email to, and still sends both' {
        # The service delivers a Cc as a recipient of its own: the boss, copied on Ann's newsletter and on the list himself, got it
        # twice. Before, nothing was said. Bob's copy to him is Bob's email, which the admin asked to copy: no repeat.
        $csv = "Email,Cc`nann@example.com,boss@example.com`nBoss@Example.com,`nbob@example.com,boss@example.com"
        $before = @(Get-ConnectSandboxRequest).Count

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Newsletter' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned | Where-Object { "$_" -like '*repeats row*' }).ForEach({ "$_" }) | Should -Be ("Row 2 repeats row 1: the same message to Boss@Example.com, whom row 1 copies (its Cc), " +
            "with the same values. It is sent again, as every row is sent once (with -WarningAction Stop the command stops here instead). " +
            "To send it once, first remove Boss@Example.com from row 1's Cc, or remove row 2.")
        # Still sent as before: copied on Ann's and Bob's email (which share a request), and sent his own.
        $bodies = @(Get-ConnectSandboxRequest | Select-Object -Skip $before | ForEach-Object { $_.Body | ConvertFrom-Json })
        @($bodies | Where-Object { $_.cc -contains 'boss@example.com' }).to.email | Should -Be @('ann@example.com', 'bob@example.com')
        @($bodies.to.email) -contains 'Boss@Example.com' | Should -BeTrue
    }

    It 'does not call the own row of someone the command line copies a repeat' {
        # -Cc copies the boss on every row's email, as asked; his own row goes to him once, without the copy (OverlappingCopies).
        $csv = "Email`nann@example.com`nboss@example.com"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Newsletter' -Cc 'boss@example.com' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned | Where-Object { "$_" -like '*repeats row*' }) | Should -BeNullOrEmpty
    }

    It 'warns of a Bcc that reaches someone an earlier row sent the same email to, and -WarningAction Stop sends it no copy' {
        $csv = "Email,Bcc,Name`nboss@example.com,,Team`nann@example.com,`"audit@example.com; boss@example.com`",Team"
        $before = @(Get-ConnectSandboxRequest).Count
        $stopped = $null

        try { $csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Hi $(Name)' -WarningAction Stop -WarningVariable warned -OutVariable sent }
        catch { $stopped = $_ }

        $stopped | Should -Not -BeNullOrEmpty
        @($warned | Where-Object { "$_" -like '*repeats row*' }).ForEach({ "$_" }) |
            Should -BeLike "Row 2 repeats row 1: the same message to boss@example.com, whom row 2 copies (its Bcc) after row 1 sent it to them, with the same values.*first remove boss@example.com from row 2's Bcc, or remove row 1."
        @($sent).Status | Should -Be @('Queued')
        @(Get-ConnectSandboxRequest | Select-Object -Skip $before).Count | Should -Be 1
    }

    It 'does not call a copy of an email that says something else a repeat' {
        # Ann's notice copied to her manager, and the manager's own: two texts, each with its own values.
        $csv = "Email,Cc,Name`nann@example.com,boss@example.com,Ann`nboss@example.com,,Boss"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'Notice' -Text 'Hi $(Name)' -WarningVariable warned)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned) | Should -BeNullOrEmpty
    }

    It 'warns once when a row repeats an earlier one (same address, message and values), and still sends every row once' {
        $csv = "Email,Name`nann@example.com,Ann`nbob@example.com,Bob`nAnn@Example.com,Ann`nbob@example.com,Bob"

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail -From 'news@example.com' -Subject 'Q4 news' -Html '<p>Hi $(Name)</p>' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ('Row 3 repeats row 1: the same message to Ann@Example.com with the same values. It is sent again, as every row is sent once*' +
            [WildcardPattern]::Escape('remove the repeated rows first, e.g. with | Sort-Object ' + $emailSort + ',{([string]$_.Name).Trim()} -Unique -CaseSensitive | before Send-ConnectEmail (it keeps one of the rows that send the same, comparing the columns that count as Send-ConnectEmail does).'))
    }

    It 'judges a repeat by its To, Cc and Subject columns, not by a column that is not sent, and its advice keeps the other rows' {
        # Before, the export's ExportedAt column made rows 1 and 2 differ: no warning, and Ann got the invoice twice.
        $csv = "Email,Cc,Subject,ExportedAt`nann@example.com,boss@example.com,Invoice,Monday`nann@example.com,boss@example.com,Invoice,Tuesday`nann@example.com,audit@example.com,Invoice,Tuesday"
        $send = @{ From = 'news@example.com'; Html = '<p>Your invoice</p>' }

        $results = @($csv | ConvertFrom-Csv | Send-ConnectEmail @send -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("Row 2 repeats row 1: the same message to ann@example.com with the same values (its column 'ExportedAt' is not sent, so it does not count).*" +
            [WildcardPattern]::Escape("e.g. with | Sort-Object $emailSort,{`$sent = $(Get-AddressesOf '$_.Email'); ($(Get-AddressesOf '$_.Cc').Where({ `$_ -notin `$sent }) | Sort-Object -Unique) -join ';'},Subject -Unique -CaseSensitive | before Send-ConnectEmail ") + '*')
        $advice = Get-RepeatAdvice $warned[0]
        $requestsBefore = @(Get-ConnectSandboxRequest).Count

        $again = @($csv | ConvertFrom-Csv | & $advice | Send-ConnectEmail @send -WarningVariable warnedAgain)

        @($warnedAgain).Count | Should -Be 0
        # Ann's copy to audit is another email: it still goes, and the one to her boss goes once.
        $again.Destination | Should -Be @('ann@example.com', 'ann@example.com')
        $bodies = (Get-ConnectSandboxRequest | Select-Object -Skip $requestsBefore).Body -join "`n"
        $bodies | Should -Match 'audit@example.com'
        ([regex]::Matches($bodies, 'boss@example.com')).Count | Should -Be 1
    }

    It 'does not warn about two rows for one address that differ in their values or their own text' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Invoice = 'A-1'; Subject = 'Invoice' }
            [pscustomobject]@{ Email = 'ann@example.com'; Invoice = 'A-2'; Subject = 'Invoice' }
            [pscustomobject]@{ Email = 'bob@example.com'; Invoice = 'B-1'; Subject = 'Invoice' }
            [pscustomobject]@{ Email = 'bob@example.com'; Invoice = 'B-1'; Subject = 'Reminder' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Text 'Invoice $(Invoice)' -WarningVariable warned)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        @($warned).Count | Should -Be 0
    }

    It 'refuses a file''s name given as the <Parameter> instead of what the file holds, once and before sending: <Value>' -ForEach @(
        @{ Parameter = 'Html'; Value = './news.html' }
        @{ Parameter = 'Html'; Value = '"C:\Mail Templates\news.htm"' }
        @{ Parameter = 'Text'; Value = 'news.txt' }
    ) {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Email = "n$_@example.com" } }
        $body = @{ $Parameter = $Value }
        $file = $Value.Trim('"')

        { $rows | Send-ConnectEmail -From 'news@example.com' -Subject 'News' @body } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-$($Parameter): '$file' is the name of a file, not the email's *: every recipient would get the name as the email. Give what the file holds, e.g. -$Parameter (Get-Content -Raw '$file'). It is the same for every row, so nothing was sent: correct -$Parameter and run the command again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes a row Invalid whose Html column names a file, and sends the others' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Html = 'templates/ann.html' }
            [pscustomobject]@{ Email = 'bob@example.com'; Html = '<p>Bob</p>' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeLike "Row 1: Html: 'templates/ann.html' is the name of a file, not the email's HTML*"
        (Get-SentBody).to.email | Should -Be @('bob@example.com')
    }

    It 'still sends a body that only mentions a file or is a link: <Value>' -ForEach @(
        @{ Value = 'The report is in report.txt' }
        @{ Value = 'https://news.example.com/2026/march.html' }
        @{ Value = '\o/ We shipped it: notes.txt' }
    ) {
        $result = 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text $Value

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.text | Should -BeExactly $Value
    }

    It 'sends a copy to each address of one -<Parameter> text that lists them with ; or ,' -ForEach @(
        @{ Parameter = 'Cc'; Json = 'cc' }, @{ Parameter = 'Bcc'; Json = 'bcc' }
    ) {
        $copies = @{ $Parameter = 'a@example.com; b@example.com, c@example.com' }

        $result = 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' @copies

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[0].$Json | Should -Be @('a@example.com', 'b@example.com', 'c@example.com')
    }

    It 'says to separate the addresses of one -<Parameter> text that are apart by spaces only, not to send them as rows or -To' -ForEach @(
        @{ Parameter = 'Cc' }, @{ Parameter = 'Bcc' }
    ) {
        $copies = @{ $Parameter = 'a@example.com b@example.com' }

        { 'ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' @copies } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-$Parameter``[0``]: 'a@example.com b@example.com' holds 2 addresses, not one: separate them with ';' or ',' ('ann@example.com; bob@example.com', in a $Parameter column too), or give each as an item of its own: -$Parameter 'ann@example.com', 'bob@example.com'. It is the same for every row*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says -<Parameter> takes one address when given several' -ForEach @(
        @{ Parameter = 'ReplyTo' }, @{ Parameter = 'From' }
    ) {
        $mail = @{ From = 'news@example.com'; Subject = 'S'; Text = 'T' }
        $mail[$Parameter] = 'help@example.com, desk@example.com'

        { 'ann@example.com' | Send-ConnectEmail @mail } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-$($Parameter): 'help@example.com, desk@example.com' holds 2 addresses, not one: -$Parameter takes one address: give the one that is meant. It is the same for every row*"
    }

    It 'warns that a variable written <Written> in the HTML goes out as written, and says to write $(FirstName)' -ForEach @(
        @{ Written = '{{FirstName}}' }, @{ Written = '{{ FirstName }}' }
    ) {
        $row = [pscustomobject]@{ Email = 'ann@example.com'; FirstName = 'Ann' }

        $result = $row | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Html "<p>Dear $Written,</p>" -WarningVariable warned -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Queued'
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeExactly "-Html has $($Written): the service fills variables written `$(FirstName), so $Written goes out as written to every recipient. Write `$(FirstName) instead, in single quotes."
    }

    It 'names in one warning every parameter that writes a variable {{name}}, not only the first' {
        # Before, a notice whose -Subject, -Text and -Html all wrote {{DisplayName}} was warned of -Text alone: mended and
        # sent again, it still went out with "{{DisplayName}}" in the subject and the HTML.
        $row = [pscustomobject]@{ Email = 'ann@example.com'; DisplayName = 'Ann'; Department = 'IT' }
        $notice = @{
            From    = 'it@example.com'
            Subject = 'Notice for {{DisplayName}}'
            Text    = 'Dear {{DisplayName}}'
            Html    = '<p>{{Department}}: Dear {{DisplayName}}</p>'
        }

        $result = $row | Send-ConnectEmail @notice -WarningVariable warned -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Queued'
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeExactly ('-Text has {{DisplayName}}, -Subject has {{DisplayName}} and -Html has {{Department}}: the service ' +
            'fills variables written $(name), so these go out as written to every recipient. Write $(DisplayName) and $(Department) instead, in single quotes.')
    }

    It 'sends a row whose -<Parameter> cell is empty without it, as a row of a CSV without that column' -ForEach @(
        @{ Parameter = 'Cc'; Json = 'cc' }, @{ Parameter = 'Bcc'; Json = 'bcc' }
    ) {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Copy = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Copy = '' }
            [pscustomobject]@{ Email = 'cy@example.com'; Copy = ' ' }
        )

        $results = $rows | ForEach-Object {
            $copy = @{ $Parameter = $_.Copy }
            $_ | Send-ConnectEmail -From 'news@example.com' -Subject 'Your password expires' -Text 'Change it soon.' @copy
        }

        @($results).Status | Should -Be @('Queued', 'Queued', 'Queued')
        $bodies = @(Get-SentBody)
        $bodies[0].$Json | Should -Be @('boss@example.com')
        $bodies[1].PSObject.Properties.Name | Should -Not -Contain $Json
        $bodies[2].PSObject.Properties.Name | Should -Not -Contain $Json
    }

    It 'takes each row''s copies from its <Column> column, rows with the same copies in one request, a row with its own in its own' -ForEach @(
        @{ Column = 'Cc'; Json = 'cc' }, @{ Column = 'Bcc'; Json = 'bcc' }
    ) {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann'; $Column = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob'; $Column = 'boss@example.com' }
            [pscustomobject]@{ Email = 'cy@example.com'; Name = 'Cy'; $Column = 'lead@example.com; hr@example.com' }
            [pscustomobject]@{ Email = 'dee@example.com'; Name = 'Dee'; $Column = '' }
            [pscustomobject]@{ Email = 'eve@example.com'; Name = 'Eve'; $Column = $null }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'Hi $(Name)' -Text 'Hello $(Name)')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued', 'Queued')
        $bodies = @(Get-SentBody)
        # Three requests (Ann and Bob, Cy, Dee and Eve) when the rows come without a pause; a pause of the input sends the
        # one held part-full (about_WebexConnect, Previewing), so a request never mixes copies but there may be more.
        $bodies.Count | Should -BeIn @(3, 4, 5)
        $copiesOf = @{}
        foreach ($body in $bodies) { foreach ($to in $body.to) { $copiesOf[$to.email[0]] = @($body.$Json) -join ',' } }
        @($bodies.to).Count | Should -Be 5
        $copiesOf['ann@example.com'] | Should -BeExactly 'boss@example.com'
        $copiesOf['bob@example.com'] | Should -BeExactly 'boss@example.com'
        $copiesOf['cy@example.com'] | Should -BeExactly 'lead@example.com,hr@example.com'
        $copiesOf['dee@example.com'] | Should -BeExactly ''
        $copiesOf['eve@example.com'] | Should -BeExactly ''
        @($bodies | Where-Object { $_.to.email -contains 'dee@example.com' -or $_.to.email -contains 'eve@example.com' } |
            Where-Object { $_.PSObject.Properties.Name -contains $Json }).Count | Should -Be 0
        # The column is the copies, not a substitution the text could read.
        $bodies[0].to[0].substitutions.PSObject.Properties.Name | Should -Be @('Name')
    }

    It 'sends 2,000 users whose Manager column cycles through <Managers> managers, unsorted, each once with its manager''s copy, one result a row in order' -TestCases @(
        @{ Managers = 40 }
        @{ Managers = 300 }
    ) {
        param($Managers)
        # Before, the run kept 16 batches of different copies open and each new one sent the oldest with its one row:
        # 2,000 requests, a run 15 times slower against a service of a 200 ms round trip, unless the admin sorted by Cc.
        # Then 256 open, and a 257th sent the oldest just before its manager's next row came: 300 managers, 2,000 requests.
        $users = 1..2000 | ForEach-Object { [pscustomobject]@{ Name = "User $_"; Email = "user$_@example.com"; Manager = "boss$($_ % $Managers)@example.com" } }

        $results = @($users | Select-Object Name, Email, @{ n = 'Cc'; e = { $_.Manager } } |
            Send-ConnectEmail -From 'it@example.com' -Subject 'Your password expires on Friday' -Text 'Hi $(Name)')

        $results.Count | Should -Be 2000
        ($results.Row -join ',') | Should -BeExactly ((1..2000) -join ',')
        @($results | Where-Object Status -ne 'Queued').Count | Should -Be 0
        $bodies = @(Get-SentBody)
        # One request a manager when the input never pauses (WhatIfBatchesTests pins that count, without the linger); each pause
        # of the linger's 50 ms sends every part-full one early, so a loaded machine made 1,007 for 40 managers. The docs say
        # so (about_WebexConnect, Previewing): here each user goes once, in a request of its manager's copy.
        $bodies.Count | Should -BeGreaterOrEqual $Managers
        @($bodies.to.email | Sort-Object -Unique).Count | Should -Be 2000
        ($bodies | ForEach-Object { $_.to.Count } | Measure-Object -Sum).Sum | Should -Be 2000
        foreach ($body in $bodies) {
            $body.to.email | ForEach-Object { "boss$(([int]($_ -replace '\D', '')) % $Managers)@example.com" } | Sort-Object -Unique | Should -Be @($body.cc)
        }
    }

    It 'sends 2,000 users of 1,000 managers at -Tps 200 in 1,000 requests when sorted by Cc, as Example 4 says, and in 2,000 unsorted' {
        # The run holds two seconds of the TPS in rows (400 at -Tps 200): a manager's second row, 1,000 rows after the first,
        # finds its request sent. Sorted, the two come together and share one.
        $users = 1..2000 | ForEach-Object { [pscustomobject]@{ Email = "user$_@example.com"; Cc = "boss$($_ % 1000)@example.com" } }
        $counts = foreach ($rows in @($users), @($users | Sort-Object Cc)) {
            Connect-WebexConnect -Sandbox -Tps 200
            $results = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Your password expires on Friday' -Text 'Hi')
            @($results | Where-Object Status -eq 'Queued').Count | Should -Be 2000
            @(Get-ConnectSandboxRequest).Count
        }

        $counts[0] | Should -Be 2000
        # A pause of the linger's 50 ms (a busy machine) sends a manager's first row alone now and then.
        $counts[1] | Should -BeLessThan 1100
    }

    It 'takes each row''s reply-to address from its ReplyTo column' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; ReplyTo = 'desk.london@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; ReplyTo = 'desk.paris@example.com' }
            [pscustomobject]@{ Email = 'cy@example.com'; ReplyTo = '' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -Be 3
        $bodies[0].content.replyTo | Should -BeExactly 'desk.london@example.com'
        $bodies[1].content.replyTo | Should -BeExactly 'desk.paris@example.com'
        $bodies[2].content.PSObject.Properties.Name | Should -Not -Contain 'replyTo'
    }

    It 'says in the help of -ReplyTo why it does not go with -TemplateId, and sends nothing when given both' {
        # Before: "Parameter set cannot be resolved" and no word of why; the API has no reply-to beside a template.
        $help = Get-Content (Join-Path $PSScriptRoot '../../docs/Send-ConnectEmail.md') -Raw
        $replyTo = [regex]::Match($help, '(?s)### -ReplyTo\r?\n(.*?)```').Groups[1].Value -replace '\s+', ' '
        $replyTo | Should -BeLike '*Not with -TemplateId: the service takes a reply-to address only in the content given here*parameter set cannot be resolved*'

        { Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -TemplateId 'welcome' -ReplyTo 'desk@example.com' } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,*'
        @(Get-ConnectSandboxRequest) | Should -BeNullOrEmpty
    }

    It 'warns that a ReplyTo column beside -TemplateId sets no reply-to, as a Subject column does not' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; ReplyTo = 'desk@example.com'; Subject = 'For Ann' }
            [pscustomobject]@{ Email = 'bob@example.com'; ReplyTo = 'desk@example.com'; Subject = 'For Bob' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -TemplateId 'welcome' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        # Once per run, naming the column; the Subject column, which the template may read as $(Subject), is not warned about.
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "The column 'ReplyTo' does not set -ReplyTo: -ReplyTo does not go with the parameters given here, so neither does its column*"
        (Get-SentBody)[0].to[0].substitutions.PSObject.Properties.Name | Should -Contain 'Subject'
    }

    It 'warns that an Attachment column beside -TemplateId attaches nothing, without saying a column cannot set -Attachment' {
        # Before: "a column cannot; ... give it on the command line in their place", though beside -Subject and -Text the
        # column does attach each row's file, and -Attachment on the command line does not go with -TemplateId either.
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ Email = "user$_@example.com"; Attachment = "https://files.example.com/INV-$_.pdf" } }

        $results = @($rows | Send-ConnectEmail -From 'billing@example.com' -TemplateId 'invoice' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Not -BeLike '*a column cannot*'
        "$($warned[0])" | Should -BeLike "The column 'Attachment' does not set -Attachment: -Attachment does not go with the parameters given here, so neither does its column (a run given what -Attachment goes with reads it from each row). The column is only a substitution*"
    }

    It 'makes a row whose Cc cell holds a bad address Invalid, naming the row, the column and the address, and sends the others' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com, bogus' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'boss@example.com' }
            [pscustomobject]@{ Email = 'cy@example.com'; Cc = 'Lead <lead@example>' }
            [pscustomobject]@{ Email = 'dee@example.com'; Cc = 'boss@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued', 'Invalid', 'Queued')
        $results[0].Reason | Should -BeExactly "Row 1: Cc[1]: 'bogus' is not an email address (the @ is missing): use a bare address such as name@example.com"
        # The cell as written, and its part that is wrong: before, 'lead@example' alone, which the cell does not hold.
        $results[2].Reason | Should -BeExactly ("Row 3: Cc[0]: 'Lead <lead@example>' is not an email address: the part between < and >, " +
            "'lead@example', is wrong (the domain has no dot): correct that part")
        @($failed).Count | Should -Be 2
        (Get-SentBody).to.email | Should -Be @('bob@example.com', 'dee@example.com')
    }

    It 'reads a -Cc given on the command line for every row, and says the Cc column is not read' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'lead@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Cc 'audit@example.com' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued')
        $bodies = @(Get-SentBody)
        # One request when the two rows come without a pause, two when the input pauses between them (about_WebexConnect,
        # Previewing); each carries the command line's copy.
        $bodies.Count | Should -BeIn @(1, 2)
        $bodies.to.email | Should -Be @('ann@example.com', 'bob@example.com')
        $bodies | ForEach-Object { $_.cc | Should -Be @('audit@example.com') }
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -BeLike "The column 'Cc' is not read: -Cc was given on the command line*"
    }

    It 'says, for -<Parameter> ''$(Manager)'', that no address is filled from a variable, and how to give the column instead' -ForEach @(
        @{ Parameter = 'Cc' }, @{ Parameter = 'Bcc' }, @{ Parameter = 'ReplyTo' }
    ) {
        # Before: "-Cc[0]: '$(Manager)' is not an email address (the @ is missing)": true, but the admin who wrote it as the
        # text's variables are written was left to guess why, and what to write instead.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann'; Manager = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob'; Manager = 'lead@example.com' }
        )
        $given = @{ $Parameter = '$(Manager)' }
        $stop = { $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)' @given } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $stop.Exception.Message | Should -BeLike "-$Parameter*'`$(Manager)' is a `$(name) variable, and those fill only the subject and the body, never an address: leave -$Parameter out, and give the Manager column the name $Parameter on the way in (... | Select-Object ``*, @{ n = '$Parameter'; e = { `$_.'Manager' } } | Send-ConnectEmail ...). It is the same for every row, so nothing was sent: correct -$Parameter and run the command again."
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # What it says to write works.
        $results = @($rows | Select-Object *, @{ n = $Parameter; e = { $_.'Manager' } } |
                Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)')
        $results.Status | Should -Be @('Queued', 'Queued')
        $sent = (Get-ConnectSandboxRequest).Body -join "`n"
        $sent | Should -Match '"boss@example\.com"'
        $sent | Should -Match '"lead@example\.com"'
    }

    It 'says, for -From ''$(Sender)'' and -FromName ''$(Team) team'', that no variable fills them, and its advice sends each row''s own' {
        # Before: -From '$(Sender)' was told only "the @ is missing"; -FromName '$(Team) team' was sent, and every recipient saw
        # "$(Team) team" as the sender's name.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Team = 'Sales' }
            [pscustomobject]@{ Email = 'bob@example.com'; Team = 'Support' }
        )
        $stop = { $rows | Send-ConnectEmail -From 'it@example.com' -FromName '$(Team) team' -Subject 'S' -Text 'T' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $stop.Exception.Message | Should -BeExactly ("-FromName: '`$(Team) team' holds `$(Team), and `$(name) variables fill only the subject and the " +
            "body, never -FromName: give the name itself (in a loop over rows, -FromName ""`$(`$u.Team) team""; piped, one call for each value: " +
            "... | Group-Object Team | ForEach-Object { `$_.Group | Send-ConnectEmail -FromName ""`$(`$_.Name) team"" ... }). It is the same " +
            'for every row, so nothing was sent: correct -FromName and run the command again.')
        { $rows | Send-ConnectEmail -From '$(Sender)' -Subject 'S' -Text 'T' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-From: '`$(Sender)' holds `$(Sender), and `$(name) variables fill only*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # What it says to write works: each team's rows in a call of their own, and a loop's one-row calls.
        $results = @($rows | Group-Object Team | ForEach-Object { $_.Group | Send-ConnectEmail -FromName "$($_.Name) team" -From 'it@example.com' -Subject 'S' -Text 'T' })
        $results += foreach ($u in $rows) { Send-ConnectEmail -To $u.Email -FromName "$($u.Team) team" -From 'it@example.com' -Subject 'S' -Text 'T' }
        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Queued')
        @(Get-ConnectSandboxRequest | ForEach-Object { ($_.Body | ConvertFrom-Json).options.fromName }) |
            Should -Be @('Sales team', 'Support team', 'Sales team', 'Support team')
    }

    It 'says, for -<Parameter> ''$(<Parameter>)'' beside a <Parameter> column, to leave the parameter out, not to rename the column to itself' -ForEach @(
        @{ Parameter = 'Cc' }, @{ Parameter = 'Bcc' }, @{ Parameter = 'ReplyTo' }
    ) {
        # Before: "give the Cc column the name Cc on the way in (... | Select-Object *, @{ n = 'Cc'; e = { $_.'Cc' } } ...)",
        # advice that fails with "the property Cc already exists": the column was named right, only -Cc was too much.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann'; $Parameter = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob'; $Parameter = 'lead@example.com' }
        )
        $given = @{ $Parameter = "`$($($Parameter.ToLowerInvariant()))" }
        $stop = { $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)' @given } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $stop.Exception.Message | Should -BeLike "-$Parameter*'`$($($Parameter.ToLowerInvariant()))' is a `$(name) variable, and those fill only the subject and the body, never an address: leave -$Parameter out, and the $($Parameter.ToLowerInvariant()) column gives each row its own. It is the same for every row, so nothing was sent: correct -$Parameter and run the command again."
        $stop.Exception.Message | Should -Not -BeLike '*Select-Object*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # What it says to do works: without the parameter, each row's column is taken.
        $results = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)')
        $results.Status | Should -Be @('Queued', 'Queued')
        $sent = (Get-ConnectSandboxRequest).Body -join "`n"
        $sent | Should -Match '"boss@example\.com"'
        $sent | Should -Match '"lead@example\.com"'
    }

    It 'says, for -<Parameter> ''audit@example.com'', ''$(<Column>)'', to take the variable out and keep the list, and its advice sends both' -ForEach @(
        @{ Parameter = 'Bcc'; Column = 'Sender' }, @{ Parameter = 'Cc'; Column = 'Sender' }, @{ Parameter = 'Bcc'; Column = 'Bcc' }
    ) {
        # Before: "leave -Bcc out", which dropped the audit copy with the variable; and nothing said that a -Bcc given on the
        # command line leaves a Bcc column unread, so giving both did not send each row its own copy either.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann'; $Column = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob'; $Column = '' }
        )
        $given = @{ $Parameter = 'audit@example.com', "`$($Column)" }
        $stop = { $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)' @given } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -PassThru
        $stop.Exception.Message | Should -BeExactly ("-$Parameter[1]: '`$($Column)' is a `$(name) variable, and those fill only the " +
            "subject and the body, never an address: take it out of the list (-$Parameter 'audit@example.com' still copies every row " +
            "there). A -$Parameter on the command line sets every row, and a $Parameter column is then not read: to copy each row to " +
            "its own $Column as well, leave -$Parameter out and put both in each row's $Parameter cell (... | Select-Object *, @{ n = " +
            "'$Parameter'; e = { 'audit@example.com; ' + `$_.'$Column' } } -ExcludeProperty $Parameter | Send-ConnectEmail ...). It " +
            "is the same for every row, so nothing was sent: correct -$Parameter and run the command again.")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # What it says is true: given both, the command line's list is every row's and the column is not read.
        $bothGiven = @{ $Parameter = 'audit@example.com' }
        $withColumn = $rows | Select-Object *, @{ n = $Parameter; e = { $_.$Column } } -ExcludeProperty $Parameter
        $null = $withColumn | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)' @bothGiven -WarningVariable warned 3>$null
        "$warned" | Should -BeLike "*The column '$Parameter' is not read: -$Parameter was given on the command line*"
        (Get-ConnectSandboxRequest).Body -join "`n" | Should -Not -Match 'boss@example\.com'
        Connect-FreshSandbox

        # And what it says to write sends both: the audit copy on every row, each row's own beside it.
        $results = @($rows | Select-Object *, @{ n = $Parameter; e = { 'audit@example.com; ' + $_.$Column } } -ExcludeProperty $Parameter |
                Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Dear $(Name)')
        $results.Status | Should -Be @('Queued', 'Queued')
        $copies = @(Get-ConnectSandboxRequest | ForEach-Object { ,@(($_.Body | ConvertFrom-Json).($Parameter.ToLowerInvariant())) })
        $copies.Count | Should -Be 2
        $copies[0] | Should -Be @('audit@example.com', 'boss@example.com')
        $copies[1] | Should -Be @('audit@example.com')
    }

    It 'tells a row whose <Parameter> cell holds ''<Cell>'' what to write in the cell, not to leave out a -<Parameter> it was not given' -ForEach @(
        @{ Parameter = 'Bcc'; Cell = 'audit@example.com; $(Sender)'; Column = 'Sender'
           Advice = "put the Sender column's address itself in each row's Bcc cell, beside 'audit@example.com' (... | Select-Object *, @{ n = 'Bcc'; e = { 'audit@example.com; ' + `$_.'Sender' } } -ExcludeProperty Bcc | Send-ConnectEmail ...)"
           Fixed = { 'audit@example.com; ' + $_.Sender }; Sent = @('audit@example.com', 'boss@example.com') }
        @{ Parameter = 'Cc'; Cell = '$(Sender)'; Column = 'Sender'
           Advice = "put the Sender column's address itself in each row's Cc cell (... | Select-Object *, @{ n = 'Cc'; e = { `$_.'Sender' } } -ExcludeProperty Cc | Send-ConnectEmail ...)"
           Fixed = { $_.Sender }; Sent = @('boss@example.com') }
    ) {
        # Before: "take it out of the list (-Bcc 'audit@example.com' still copies every row there). A -Bcc on the command line
        # sets every row ... leave -Bcc out": advice for a -Bcc the admin never gave, about a cell.
        $rows = @([pscustomobject]@{ Email = 'ann@example.com'; Sender = 'boss@example.com'; $Parameter = $Cell })

        $result = $rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeExactly ("Row 1: $Parameter[$(if ($Parameter -eq 'Bcc') { 1 } else { 0 })]: '`$($Column)' is a `$(name) variable, " +
            "and those fill only the subject and the body, never an address, not even in a $Parameter cell: $Advice")
        $result.Reason | Should -Not -BeLike "*leave -$Parameter out*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0

        # What it says to write sends the row's own copy.
        $fixed = $rows | Select-Object *, @{ n = $Parameter; e = $Fixed } -ExcludeProperty $Parameter |
            Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T'
        $fixed.Status | Should -Be 'Queued'
        @((Get-SentBody).($Parameter.ToLowerInvariant())) | Should -Be $Sent
    }

    It 'shows each request''s copies under -WhatIf, and each row''s under -PayloadOnly' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com'; Bcc = 'audit@example.com'; ReplyTo = 'desk@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'boss@example.com'; Bcc = 'audit@example.com'; ReplyTo = 'desk@example.com' }
            [pscustomobject]@{ Email = 'cy@example.com'; Cc = ''; Bcc = ''; ReplyTo = '' }
        )

        # What-if lines go to the host, not to a stream: a child PowerShell's output shows them.
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $child = Join-Path $TestDrive 'whatif-copies.ps1'
        $module = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        Set-Content -LiteralPath $child -Encoding UTF8 -Value @(
            "Import-Module '$($module -replace "'", "''")'"
            'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null'
            '$rows = @(Import-Csv -LiteralPath $args[0])'
            '$rows | Send-ConnectEmail -From news@example.com -Subject S -Text T -WhatIf'
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"')
        $csv = Join-Path $TestDrive 'copies.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $said = @(& $shell -NoProfile -File $child $csv 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ })
        $payloads = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -PayloadOnly | ConvertFrom-Json)

        $said | Should -Be @(
            'What if: Performing the operation "Send email" on target "batch 1: 2 destinations, rows 1-2 (ann@example.com, bob@example.com), cc boss@example.com, bcc audit@example.com, reply to desk@example.com".'
            'What if: Performing the operation "Send email" on target "batch 2: 1 destination, row 3 (cy@example.com)".'
            'SENT 0'
        )
        $payloads[1].cc | Should -Be @('boss@example.com')
        $payloads[1].bcc | Should -Be @('audit@example.com')
        $payloads[1].content.replyTo | Should -BeExactly 'desk@example.com'
        $payloads[2].PSObject.Properties.Name | Should -Not -Contain 'cc'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names each batch''s attachments under -WhatIf, and each row''s in the target -Verbose shows' {
        # Before: rows with different files showed as separate batches with nothing to tell them apart.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Attachment = 'https://files.example.com/invoices/INV-1.pdf' }
            [pscustomobject]@{ Email = 'bob@example.com'; Attachment = 'https://files.example.com/invoices/INV-2.pdf; https://files.example.com/terms.pdf' }
            [pscustomobject]@{ Email = 'cy@example.com'; Attachment = '' }
        )
        $shell = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
        $child = Join-Path $TestDrive 'whatif-attachments.ps1'
        $module = (Resolve-Path (Join-Path $PSScriptRoot '../../out/WebexConnect/WebexConnect.psd1')).Path
        Set-Content -LiteralPath $child -Encoding UTF8 -Value @(
            "Import-Module '$($module -replace "'", "''")'"
            'Connect-WebexConnect -Sandbox -Tps 1000 | Out-Null'
            'Import-Csv -LiteralPath $args[0] | Send-ConnectEmail -From news@example.com -Subject S -Text T -WhatIf')
        $csv = Join-Path $TestDrive 'attachments.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation

        $said = @(& $shell -NoProfile -File $child $csv 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ })
        $verbose = @($rows[0] | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing*' } | ForEach-Object Message)

        $said | Should -Be @(
            'What if: Performing the operation "Send email" on target "batch 1: 1 destination, row 1 (ann@example.com), attached INV-1.pdf".'
            'What if: Performing the operation "Send email" on target "batch 2: 1 destination, row 2 (bob@example.com), attached INV-2.pdf, terms.pdf".'
            'What if: Performing the operation "Send email" on target "batch 3: 1 destination, row 3 (cy@example.com)".'
        )
        $verbose | Should -Be 'Performing the operation "Send email" on target "ann@example.com (row 1), attached INV-1.pdf".'
    }

    It 'shows each row''s filled subject and the start of its text under -WhatIf and -Verbose, in lines of 80 columns, and sends the same' {
        # Before: -WhatIf named only the batch's addresses, and the admin saw "Hi $(Name)" filled first in the inboxes.
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Name = 'Ann Smith' }
            [pscustomobject]@{ Email = 'bob@example.com'; Name = 'Bob Jones' }
        )
        $csv = Join-Path $TestDrive 'people.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $text = "Dear `$(Name),`n`nyour appointment is tomorrow at 10:00. Please bring your card."

        $said = Invoke-InChildShell 'whatif-filled' @(
            "Import-Csv -LiteralPath '$csv' | Send-ConnectEmail -From it@example.com -Subject 'Hi `$(Name)' -Text ('Dear `$(Name),' + `"``n``n`" + 'your appointment is tomorrow at 10:00. Please bring your card.') -WhatIf"
            "Import-Csv -LiteralPath '$csv' | Send-ConnectEmail -From it@example.com -Subject 'Hi' -Text 'Dear all' -WhatIf"
            '"SENT $(@(Get-ConnectSandboxRequest).Count)"')
        $verbose = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'Hi $(Name)' -Text $text -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row *' } | ForEach-Object Message)

        $said | Should -Be @(
            "What if: Row 1: subject 'Hi Ann Smith', text 'Dear Ann Smith, your appointment…'"
            "What if: Row 2: subject 'Hi Bob Jones', text 'Dear Bob Jones, your appointment…'"
            'What if: Performing the operation "Send email" on target "batch 1: 2 destinations, rows 1-2 (ann@example.com, bob@example.com)".'
            # An email without a $(name) is every row's as written: no line a row.
            'What if: Performing the operation "Send email" on target "batch 1: 2 destinations, rows 1-2 (ann@example.com, bob@example.com)".'
            'SENT 0'
        )
        ($said | Where-Object { $_ -like 'What if: Row*' } | ForEach-Object Length | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 80
        $verbose | Should -Be @(
            "Row 1: subject 'Hi Ann Smith', text 'Dear Ann Smith, your appointment…'"
            "Row 2: subject 'Hi Bob Jones', text 'Dear Bob Jones, your appointment…'"
        )
        # What is sent is as before: the variables, and each row's values beside them for the service to fill.
        $body = @(Get-SentBody)
        $body.Count | Should -Be 1
        $body[0].content.subject | Should -BeExactly 'Hi $(Name)'
        $body[0].content.text | Should -BeExactly $text
        $body[0].to.substitutions.Name | Should -Be @('Ann Smith', 'Bob Jones')
    }

    It 'gives a subject too long to share the line one of its own, whole, and says once of a template that the service fills it' {
        $said = Invoke-InChildShell 'whatif-long-subject' @(
            '$rows = @([pscustomobject]@{ Email = ''ann@example.com''; Name = ''Ann Smith'' })'
            '$rows | Send-ConnectEmail -From it@example.com -Subject ''Your appointment reminder for next week, $(Name), from the Riverside clinic'' -Text ''Dear $(Name), your appointment is tomorrow at 10:00 in room 4.'' -WhatIf'
            '''ann@example.com'', ''bob@example.com'' | Send-ConnectEmail -From it@example.com -TemplateId welcome-1 -WhatIf')

        $said | Should -Be @(
            "What if: Row 1: subject 'Your appointment reminder for next week, Ann Smith, from the Riverside clinic'"
            "What if: Row 1: text 'Dear Ann Smith, your appointment is tomorrow at 10:00 in…'"
            'What if: Performing the operation "Send email" on target "batch 1: 1 destination, row 1 (ann@example.com)".'
            "What if: Template 'welcome-1' is filled in by the service, with each row's values: its subject and text are not known before it sends them."
            'What if: Performing the operation "Send email" on target "batch 1: 2 destinations, rows 1-2 (ann@example.com, bob@example.com)".'
        )
    }

    It 'names each row''s copies in the target -Confirm asks about and -Verbose shows' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com'; Bcc = 'audit@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = '' }
        )

        $verbose = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing*' } | ForEach-Object Message)

        $verbose | Should -Be @(
            'Performing the operation "Send email" on target "ann@example.com (row 1), cc boss@example.com, bcc audit@example.com".'
            'Performing the operation "Send email" on target "bob@example.com (row 2)".'
        )
    }

    It 'sends each address of a row once: its To leaves its Cc and Bcc, its Cc leaves its Bcc, and the run warns once' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'ann@example.com; boss@example.com'; Bcc = 'Boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'boss@example.com'; Bcc = 'BOB@example.com; audit@example.com' }
            [pscustomobject]@{ Email = 'cy@example.com'; Cc = 'boss@example.com'; Bcc = 'audit@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'Hi' -WarningVariable warned -WarningAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $bodies = @(Get-SentBody)
        $sent = @($bodies | ForEach-Object { $body = $_; $_.to | ForEach-Object { [pscustomobject]@{ To = $_.email[0]; Cc = $body.cc -join ','; Bcc = $body.bcc -join ',' } } })
        ($sent | Where-Object To -EQ 'ann@example.com').Cc | Should -BeExactly 'boss@example.com'
        ($sent | Where-Object To -EQ 'ann@example.com').Bcc | Should -BeExactly ''
        ($sent | Where-Object To -EQ 'bob@example.com').Bcc | Should -BeExactly 'audit@example.com'
        ($sent | Where-Object To -EQ 'cy@example.com').Bcc | Should -BeExactly 'audit@example.com'
        # Rows 2 and 3 come out with the same copies, so they share a request when the input does not pause between them;
        # when it does, the one held goes part-full (about_WebexConnect, Previewing): 3 requests, each row still once.
        $bodies.Count | Should -BeIn @(2, 3)
        @($sent).Count | Should -Be 3
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeExactly ("2 rows (rows 1, 2) gave an address in more than one of To, Cc and Bcc, so each such address goes once, " +
            "in the first of them that has it: the service delivers and bills every copy it is given. In row 1, 'ann@example.com' is in To and Cc, " +
            "and goes in To only; 'Boss@example.com' is in Cc and Bcc, and goes in Cc only. A row whose copies lose an address may go in a request " +
            "of its own; -Verbose names each row's.")
    }

    It 'sends a user who is also the shared -Cc one email without the copy, in the requests -WhatIf planned, and says so' {
        $said = Invoke-InChildShell 'whatif-manager' @(
            "'ann@example.com', 'Boss@example.com', 'bob@example.com' | Send-ConnectEmail -From it@example.com -Subject S -Text T -Cc boss@example.com -WhatIf 3>`$null")

        $verbose = @('ann@example.com', 'Boss@example.com', 'bob@example.com' |
            Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T' -Cc 'boss@example.com' -Verbose -WarningVariable warned -WarningAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Row 2:*' -or $_.Message -like '*(row 2)*' } | ForEach-Object Message)

        $said | Should -Be @(
            'What if: Performing the operation "Send email" on target "batch 1: 2 destinations, 2 of rows 1-3 (ann@example.com, bob@example.com), cc boss@example.com".'
            'What if: Performing the operation "Send email" on target "batch 2: 1 destination, row 2 (Boss@example.com)".'
        )
        # The run sends what -WhatIf planned when its rows come without a pause; a pause of the input sends Ann's request
        # before Bob's row (about_WebexConnect, Previewing): more requests, never fewer, Boss still alone and without the copy.
        $bodies = @(Get-SentBody)
        $bodies.Count | Should -BeIn @(2, 3)
        $copied = @($bodies | Where-Object { $_.PSObject.Properties.Name -contains 'cc' })
        $copied.to.email | Should -Be @('ann@example.com', 'bob@example.com')
        $copied | ForEach-Object { $_.cc | Should -Be @('boss@example.com') }
        $alone = @($bodies | Where-Object { $_.PSObject.Properties.Name -notcontains 'cc' })
        $alone.Count | Should -Be 1
        $alone[0].to.email | Should -Be @('Boss@example.com')
        $verbose | Should -Contain "Row 2: 'boss@example.com' is in To and Cc, and goes in To only"
        $verbose | Should -Contain 'Performing the operation "Send email" on target "Boss@example.com (row 2)".'
        "$($warned[0])" | Should -BeLike "Row 2 gave an address in more than one of To, Cc and Bcc, * In it, 'boss@example.com' is in To and Cc, and goes in To only. *"
    }

    It 'sends again, under the same -Journal, a row whose copies changed since the run that sent it, and skips the others' {
        $journal = Join-Path $TestDrive 'copies.journal'
        $mail = @{ From = 'news@example.com'; Subject = 'S'; Text = 'T'; Journal = $journal }
        $first = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'boss@example.com' }
        )
        $null = $first | Send-ConnectEmail @mail
        $again = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'boss@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'new.boss@example.com' }
        )

        $results = @($again | Send-ConnectEmail @mail)

        $results.Status | Should -Be @('Skipped', 'Queued')
        $last = @(Get-SentBody)[-1]
        $last.to.email | Should -Be @('bob@example.com')
        $last.cc | Should -Be @('new.boss@example.com')
    }

    It 'warns about copies sent once only for rows it sent: a journal re-run that skips them all ends without it, -WhatIf says would' {
        $journal = Join-Path $TestDrive 'overlap.journal'
        $mail = @{ From = 'news@example.com'; Subject = 'S'; Text = 'T'; Journal = $journal; WarningAction = 'SilentlyContinue' }
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Cc = 'ann@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com'; Cc = 'BOB@example.com' }
        )

        $first = @($rows | Send-ConnectEmail @mail -WarningVariable firstWarned)
        $preview = @($rows | Send-ConnectEmail @mail -WhatIf -WarningVariable previewWarned)
        $again = @($rows | Send-ConnectEmail @mail -WarningVariable againWarned)
        $newJournal = @($rows | Send-ConnectEmail @mail -Journal (Join-Path $TestDrive 'overlap-new.journal') -WhatIf -WarningVariable newWarned)

        $first.Status | Should -Be @('Queued', 'Queued')
        "$(@($firstWarned)[0])" | Should -BeLike '2 rows (rows 1, 2) gave an address in more than one of To, Cc and Bcc, so each such address goes once, *'
        $preview.Count | Should -Be 0
        @($previewWarned | Where-Object { "$_" -like '*more than one of To, Cc and Bcc*' }).Count | Should -Be 0
        $again.Status | Should -Be @('Skipped', 'Skipped')
        @($againWarned | Where-Object { "$_" -like '*more than one of To, Cc and Bcc*' }).Count | Should -Be 0
        $newJournal.Count | Should -Be 0
        "$(@($newWarned)[0])" | Should -BeLike '2 rows (rows 1, 2) gave an address in more than one of To, Cc and Bcc, so each such address would go once, *'
    }

    It 'still warns about the copies it sent once when Select-Object -First ends the run, counting every row that went' {
        # Before: the warning came only from EndProcessing, which PowerShell does not call after a downstream stop; then it
        # counted only the 2 results written, while the stop warning said the other 3 rows went too.
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ Email = "u$_@example.com"; Cc = "U$_@example.com" } }

        $results = @($rows | Send-ConnectEmail -From 'it@example.com' -Subject 'S' -Text 'T' -WarningVariable warned -WarningAction SilentlyContinue |
            Select-Object -First 2)

        $results.Row | Should -Be @(1, 2)
        # One request carried all five rows (the batch left at the end of the input).
        @(Get-SentBody).to.email.Count | Should -Be 5
        "$(@($warned | Where-Object { "$_" -like '*stopped the pipeline*' })[0])" | Should -BeLike '*rows 3-5 (3 rows) get no result: all were sent.*'
        @($warned | Where-Object { "$_" -like '*more than one of To, Cc and Bcc*' }).Count | Should -Be 1
        "$(@($warned | Where-Object { "$_" -like '*more than one of To, Cc and Bcc*' })[0])" |
            Should -BeLike '5 rows (rows 1, 2, 3, 4, 5) gave an address in more than one of To, Cc and Bcc, so each such address goes once, *'
    }

    It 'says what the copies would do when Select-Object -First stops a -WhatIf run, and says a dropped copy would go, not goes' {
        # Before: a preview stopped by a command after it (here, taking the Invalid row's result) ended with neither its
        # requests nor the "would go once" warning a whole -WhatIf run gives; and -Verbose said the copy "goes in To only".
        $said = Invoke-InChildShell 'whatif-first' @(
            '$rows = @([pscustomobject]@{ Email = "ann@example.com"; Cc = "ANN@example.com" }, [pscustomobject]@{ Email = "not-an-address"; Cc = "" })'
            '& { $rows | Send-ConnectEmail -From it@example.com -Subject S -Text T -WhatIf -Verbose -ErrorAction SilentlyContinue | Select-Object -First 1 | ForEach-Object { "OUT: row $($_.Row) $($_.Status)" } } 3>&1 4>&1')

        $said | Should -Contain 'OUT: row 2 Invalid'
        @($said | Where-Object { $_ -like "*Row 1: 'ANN@example.com' is in To and Cc, and would go in To only*" }).Count | Should -Be 1
        @($said | Where-Object { $_ -like 'What if: Performing the operation "Send email" on target "batch 1: 1 destination, row 1 (ann@example.com)".' }).Count | Should -Be 1
        @($said | Where-Object { $_ -like "*Row 1 gave an address in more than one of To, Cc and Bcc, so each such address would go once, *In it, 'ANN@example.com' is in To and Cc, and would go in To only.*" }).Count |
            Should -Be 1
        @($said | Where-Object { $_ -like '* goes in To only*' -or $_ -like '*address goes once*' }).Count | Should -Be 0
    }

    It 'tells a row whose Attachment cell has an unknown or no extension what the cell can be, not to give a MimeType' {
        # Before: both Reasons said "Attachments[0].MimeType: MimeType is required (e.g. application/pdf)", which a cell
        # cannot give; the URL without an extension said it twice over.
        $rows = @'
Email,Attachment
ann@example.com,https://files.example.com/export/data.bin
bob@example.com,https://files.example.com/download?id=4
'@ | ConvertFrom-Csv

        $results = @($rows | Send-ConnectEmail -From 'billing@example.com' -Subject 'Your file' -Text 'Attached' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[0].Reason | Should -BeLike ("Row 1: Attachments``[0``].MimeType: the file type of 'data.bin' is not known from its extension: give a URL that ends " +
            "in a known one (.pdf, .docx, .xlsx, .csv, .txt, .png, .jpg, .zip, .ics), or give the attachment with its type, e.g. -Attachment @{ Url = '...'; MimeType = 'application/octet-stream' }*")
        $results[1].Reason | Should -BeLike "Row 2: *'https://files.example.com/download``?id=4' does not end with a file extension*"
        $results.Reason | Should -Not -BeLike '*MimeType is required*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'tells a row whose Attachment cell names a file beside the script that it is a file name, from any current folder' {
        # A campaign CSV whose Attachment column names the brochure as the script's folder holds it. Before, 'brochure.pdf' was
        # told only "is not an absolute URL", and an admin whose scheduled task starts in System32 looked for the fault there.
        $csv = Join-Path $PSScriptRoot 'Fixtures/email-campaign-attachments.csv'
        Push-Location $TestDrive
        try {
            $results = @(Import-Csv $csv | Send-ConnectEmail -From 'news@example.com' -Subject 'News for $(Company)' -Text 'Hi $(FirstName)' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        } finally { Pop-Location }

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid', 'Queued', 'Queued')
        $results[0].Reason | Should -BeExactly ("Row 1: Attachment[0]: 'brochure.pdf' is a file name, not a URL: the service fetches each attachment " +
            "from a public https URL and cannot read files on this computer, from the script's folder or any other; publish the file on a " +
            "web server and give its URL, e.g. https://files.example.com/brochure.pdf")
        $results[1].Reason | Should -BeLike "Row 2: Attachment``[0``]: 'files/Brochure 2026.pdf' is a file name, not a URL: * e.g. https://files.example.com/Brochure%202026.pdf"
        # A web address without its scheme is told to add it, as before.
        $results[2].Reason | Should -BeExactly "Row 3: Attachment[0]: 'files.example.com/brochure.pdf' is not an absolute URL: use https://host/path"
    }

    It 'tells a row whose Attachment cell is no https URL only that, not to give a MimeType (a German Excel CSV)' {
        # Before: "Attachments[0].MimeType: MimeType is required (e.g. application/pdf); Attachments[0].MediaUrl: ...", the
        # first half asking for what a cell cannot give. The file is semicolon-delimited, with a BOM and a blank line, as saved.
        $csv = Join-Path $PSScriptRoot 'Fixtures/email-attachment-cells.csv'

        $results = @(Import-Csv $csv -Delimiter ';' |
            Send-ConnectEmail -From 'billing@example.com' -Subject 'Your invoice' -Text 'Hi $(Name)' -ErrorVariable refused -ErrorAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3, 4)
        $results.Status | Should -Be @('Queued', 'Invalid', 'Invalid', 'Queued')
        $results[1].Reason | Should -BeExactly "Row 2: Attachment[0]: 'see the portal' is not an absolute URL: use https://host/path"
        $results[2].Reason | Should -BeExactly "Row 3: Attachment[0]: 'http://intranet/download?id=5' uses http: use https"
        "$($refused[0])" | Should -Not -BeLike '*MimeType*'
        @(Get-SentBody).to.email | Should -Be @('ann@example.com', 'dee@example.com')
    }

    It 'names the Attachment column or -Attachment, not the JSON''s MediaUrl, for an attachment URL that is no https URL with an extension' {
        # Before: "Row 1: Attachments[0].MediaUrl: 'http://...' uses http", the JSON's field, which the admin never wrote.
        $rows = "Email,Attachment`nann@example.com,http://files.example.com/a.pdf`nbob@example.com,https://files.example.com/download`ncat@example.com,see the portal" | ConvertFrom-Csv

        $results = @($rows | Send-ConnectEmail -From 'billing@example.com' -Subject 'Your file' -Text 'Attached' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeExactly "Row 1: Attachment[0]: 'http://files.example.com/a.pdf' uses http: use https"
        $results[1].Reason | Should -BeLike "Row 2: Attachment``[0``]: 'https://files.example.com/download' does not end with a file extension*"
        $results[2].Reason | Should -BeLike "Row 3: Attachment``[0``]: 'see the portal' is not an absolute URL*"
        $results.Reason | Should -Not -BeLike '*MediaUrl*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'names the Attachment column or -Attachment, not the JSON''s MediaUrl, for an attachment given as a file path' {
        # Before: "Row 1: Attachments[0].MediaUrl: 'C:\files\a.pdf' is a file path...", a field the admin never wrote.
        $rows = "Email,Attachment`nann@example.com,C:\files\a.pdf`nbob@example.com,./a.pdf" | ConvertFrom-Csv

        $results = @($rows | Send-ConnectEmail -From 'billing@example.com' -Subject 'Your file' -Text 'Attached' -ErrorVariable refused -ErrorAction SilentlyContinue)
        $one = Send-ConnectEmail -To 'ann@example.com' -From 'billing@example.com' -Subject 'Your file' -Text 'Attached' -Attachment './a.pdf' -ErrorAction SilentlyContinue

        $results.Status | Should -Be @('Invalid', 'Invalid')
        $results[0].Reason | Should -BeExactly ("Row 1: Attachment[0]: 'C:\files\a.pdf' is a file path, not a URL: the service cannot read files on this " +
            'computer; publish the file on a web server and use its https://host/path')
        $results[1].Reason | Should -BeLike "Row 2: Attachment``[0``]: './a.pdf' is a file path, not a URL: *"
        $refused.FullyQualifiedErrorId | Should -Be @('InvalidInput,WebexConnect.Commands.SendConnectEmailCommand', 'InvalidInput,WebexConnect.Commands.SendConnectEmailCommand')
        $one.Status | Should -Be 'Invalid'
        $one.Reason | Should -BeLike "Row 1: Attachment``[0``]: './a.pdf' is a file path, *"
        @($results.Reason) + $one.Reason | Should -Not -BeLike '*MediaUrl*'
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends a row whose -ReplyTo or -Attachment cell is empty without it' {
        $row = [pscustomobject]@{ Email = 'ann@example.com'; ReplyTo = ''; File = '' }

        $result = $row | ForEach-Object { Send-ConnectEmail -To $_.Email -From 'news@example.com' -Subject 'Payslip' -Text 'Attached' -ReplyTo $_.ReplyTo -Attachment $_.File }

        $result.Status | Should -Be 'Queued'
        $body = @(Get-SentBody)[-1]
        $body.content.PSObject.Properties.Name | Should -Not -Contain 'replyTo'
        $body.content.PSObject.Properties.Name | Should -Not -Contain 'attachments'
    }

    It 'attaches each row''s file from its Attachment column, and refuses only the row whose file cannot be sent' {
        # Before, the column became an unused substitution: every email went Queued without its invoice.
        $rows = @'
Email,Attachment,Name
ann@example.com,https://files.example.com/invoices/INV-1.pdf,Ann
bob@example.com,https://files.example.com/invoices/INV-2.pdf; https://files.example.com/terms.pdf,Bob
cid@example.com,,Cid
dan@example.com,https://files.example.com/download?id=4,Dan
'@ | ConvertFrom-Csv

        $results = @($rows | Send-ConnectEmail -From 'billing@example.com' -Subject 'Your invoice' -Text 'Hi $(Name)' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued', 'Invalid')
        $results[3].Reason | Should -BeLike "Row 4: *'https://files.example.com/download``?id=4' does not end with a file extension*"
        $byAddress = @{}
        foreach ($body in Get-SentBody) { foreach ($to in $body.to) { $byAddress[$to.email[0]] = $body } }
        @($byAddress['ann@example.com'].content.attachments.mediaUrl) | Should -Be @('https://files.example.com/invoices/INV-1.pdf')
        @($byAddress['ann@example.com'].content.attachments.mimetype) | Should -Be @('application/pdf')
        @($byAddress['bob@example.com'].content.attachments.name) | Should -Be @('INV-2.pdf', 'terms.pdf')
        $byAddress['cid@example.com'].content.PSObject.Properties.Name | Should -Not -Contain 'attachments'
        $byAddress['ann@example.com'].to[0].substitutions.PSObject.Properties.Name | Should -Not -Contain 'Attachment'
    }

    It 'says an address copied as a mailto: link starts with the link''s scheme, and which address to give' {
        $rows = @(
            [pscustomobject]@{ Email = 'mailto:ann@example.com' }
            [pscustomobject]@{ Email = 'bob@example.com' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Queued')
        $results[0].Reason | Should -BeExactly "Row 1: Email: 'mailto:ann@example.com' is not an email address (it starts with mailto:, the link's scheme: leave it out, here 'ann@example.com'): use a bare address such as name@example.com"
    }

    It 'says an Exchange proxy address (SMTP:) or a mailbox''s EmailAddresses list is not an address, and which address to give' {
        # Before: "the part before the @ has a character that needs quoting" for SMTP:, and "it has more than one @" for the
        # list, which pointed neither at the prefix nor at the PrimarySmtpAddress column of the same export.
        $csv = Join-Path $TestDrive 'mailboxes.csv'
        Copy-Item (Join-Path $PSScriptRoot 'Fixtures/exchange-mailboxes.csv') $csv
        $rows = @(Import-Csv $csv | Select-Object DisplayName, @{ n = 'Email'; e = { $_.EmailAddresses } }, Cc)

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Invalid', 'Invalid', 'Invalid')
        $results[0].Reason | Should -BeExactly ("Row 1: Email: 'SMTP:anna.smith@contoso.com;smtp:asmith@contoso.onmicrosoft…' (63 characters) is not an email address " +
            "(it is a mailbox's list of proxy addresses (Exchange's EmailAddresses): give its primary address, here 'anna.smith@contoso.com', " +
            "which the PrimarySmtpAddress column holds): use a bare address such as name@example.com")
        $results[1].Reason | Should -BeExactly ("Row 2: Email: 'smtp:bob.jones@contoso.com' is not an email address (it is an Exchange proxy address: " +
            "leave out its smtp:, here 'bob.jones@contoso.com'): use a bare address such as name@example.com")
        $results[2].Reason | Should -BeExactly ("Row 3: Cc[0]: 'SMTP:boss@contoso.com' is not an email address (it is an Exchange proxy address: " +
            "leave out its SMTP:, here 'boss@contoso.com'): use a bare address such as name@example.com")
    }

    It 'sends nothing with -WhatIf' {
        $results = @('ann@example.com' | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -WhatIf)

        $results.Count | Should -Be 0
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }
}

Describe 'Send-ConnectEmail help: the morning after' {
    It 'runs "send again what did not go" as printed: the second run sends nothing again and reports every row Skipped' {
        # Before, the page had no example for sending the failures again; the admin who piped the results back in got
        # every row Invalid, and one who ran the command again without a journal sent every email twice.
        $page = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/Send-ConnectEmail.md'))
        $section = $page.Substring([regex]::Match($page, '### Example \d+: The morning after').Index)
        $code = [regex]::Match($section, '```powershell\r?\n(?<code>.*?)```', 'Singleline').Groups['code'].Value
        $code | Should -Match 'Journal = '
        $null = New-Item -ItemType Directory (Join-Path $TestDrive 'docs/examples') -Force
        Copy-Item (Join-Path $PSScriptRoot '../../docs/examples/email-recipients.csv') (Join-Path $TestDrive 'docs/examples')
        $rows = @(Import-Csv (Join-Path $TestDrive 'docs/examples/email-recipients.csv')).Count
        Connect-FreshSandbox

        Push-Location $TestDrive
        try {
            $first = @(Invoke-Expression $code)
            $sent = @(Get-ConnectSandboxRequest).Count
            $second = @(Invoke-Expression $code)
        }
        finally { Pop-Location }

        # What Group-Object Status -NoElement prints: one line per outcome.
        $first | ForEach-Object { "$($_.Count) $($_.Name)" } | Should -Be "$rows Queued"
        $second | ForEach-Object { "$($_.Count) $($_.Name)" } | Should -Be "$rows Skipped"
        @(Get-ConnectSandboxRequest).Count | Should -Be $sent
    }
}

Describe 'Send-ConnectEmail help: one email to several people' {
    It 'sends Example 7 as its text says: one email, both addresses in one destination with multipleToRecipients, the sender''s name as fromName' {
        # The help said only that several addresses "share one destination", and an admin could not tell that -To a, b sends
        # each address its own email; the example shows the switch that sends one email to all of them.
        $page = [IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../docs/Send-ConnectEmail.md'))
        $section = $page.Substring([regex]::Match($page, '### Example \d+: One email to several people').Index)
        $code = [regex]::Match($section, '```powershell\r?\n(?<code>.*?)```', 'Singleline').Groups['code'].Value
        $section.Substring(0, [regex]::Match($section, '\n## ').Index) -match 'Without\s+-MultipleToRecipients each would get an email of their own' | Should -BeTrue
        Connect-WebexConnect -Sandbox -Tps 1000

        $results = @(Invoke-Expression $code)

        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Queued'
        $results[0].Destination | Should -Be 'ann@example.com, bob@example.com'
        $body = @(Get-SentBody)
        $body.Count | Should -Be 1
        $body[0].to.Count | Should -Be 1
        $body[0].to[0].email | Should -Be @('ann@example.com', 'bob@example.com')
        $body[0].multipleToRecipients | Should -BeTrue
        $body[0].from | Should -BeExactly 'it@example.com'
        $body[0].options.fromName | Should -BeExactly 'Contoso IT'
    }
}

Describe 'Send-ConnectEmail for a script moved from Send-MailMessage' {
    BeforeEach { Connect-FreshSandbox }

    It 'names a Cc that is an Active Directory distinguished name once, and says how to get its mail' {
        # Example 4 copies each user's manager (@{ n = 'Cc'; e = { $_.Manager } }); from Get-ADUser, Manager is a DN. Before,
        # its commas split it into four "addresses" (CN=Boss One, OU=Users, DC=contoso, DC=com), each refused on its own.
        $row = [pscustomobject]@{ Name = 'Ann'; Mail = 'ann@contoso.com'; Cc = 'CN=Boss\, One,OU=Users,DC=contoso,DC=com' }

        $result = $row | Send-ConnectEmail -From 'it@contoso.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeExactly ("Row 1: Cc[0]: 'CN=Boss\, One,OU=Users,DC=contoso,DC=com' is an Active Directory distinguished name " +
            "(what Get-ADUser's Manager holds), not an email address: give that account's mail instead, where the column is made, e.g. " +
            "@{ n = 'Cc'; e = { (Get-ADUser `$_.Manager -Properties mail).mail } }")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'refuses -Encoding <Encoding> for a text it cannot write before sending anything, naming the character' -ForEach @(
        @{ Encoding = 'us-ascii'; Char = "'é' (U+00E9)" }
        @{ Encoding = 'iso-8859-1'; Char = "'€' (U+20AC)" }
    ) {
        # Send-MailMessage scripts carry -Encoding ASCII or Latin-1; the service would write the email in that
        # set, and readers got '?' for every character it lacks. Before, it went Queued.
        # Piped rows share the command line's subject: the command stops once.
        { [pscustomobject]@{ Email = 'ann@example.com' } | Send-ConnectEmail -From 'news@example.com' -Subject 'Café news: from €5' -Text 'Hello' -Encoding $Encoding } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-Subject: 'Café news: from €5' holds ${Char}: -Encoding $Encoding cannot write it, and readers would see '?' in its place. Give -Encoding utf-8, which writes every character*"
        # A one-row call's subject is its row's own: that row's Invalid result, so a script's loop keeps it.
        $oneRow = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'Café news: from €5' -Text 'Hello' -Encoding $Encoding -ErrorAction SilentlyContinue
        $oneRow.Status | Should -Be 'Invalid'
        $oneRow.Code | Should -Be 'InvalidParameterValue'
        $oneRow.Reason | Should -BeLike "*Subject: 'Café news: from €5' holds ${Char}: -Encoding $Encoding cannot write it*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'makes only the row whose Html column -Encoding cannot write Invalid, and sends the others' {
        $rows = @(
            [pscustomobject]@{ Email = 'ann@example.com'; Html = '<p>Hello</p>' }
            [pscustomobject]@{ Email = 'bob@example.com'; Html = '<p>Prices from €5</p>' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Encoding iso-8859-1 -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeLike "Row 2: Html: '<p>Prices from €5</p>' holds '€' (U+20AC): -Encoding iso-8859-1 cannot write it*"
        @(Get-SentBody).to.email | Should -Be @('ann@example.com')
    }

    It 'still sends with -Encoding a text it can write, <Encoding>' -ForEach @(
        @{ Encoding = 'iso-8859-1'; Text = 'Café, Zoë, naïve' }
        @{ Encoding = 'windows-1252'; Text = 'From €5 – “quoted”' }
        @{ Encoding = 'utf-8'; Text = 'Emoji 😀 and €' }
    ) {
        $result = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'News' -Text $Text -Encoding $Encoding

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.encoding | Should -Be $Encoding
    }

    It 'makes a row whose value -Encoding cannot write Invalid, naming the variable and the character, and sends the others' {
        # The text is Latin-1, the names are not all: a $(Name) of 'Łukasz' reached its reader as '?ukasz'.
        $rows = @(
            [pscustomobject]@{ Email = 'zoe@example.com'; Name = 'Zoë' }
            [pscustomobject]@{ Email = 'lukasz@example.com'; Name = 'Łukasz' }
        )

        $results = @($rows | Send-ConnectEmail -From 'news@example.com' -Subject 'News' -Text 'Dear $(Name)' -Encoding iso-8859-1 -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeExactly ("Row 2: Text: `$(Name) is 'Łukasz' in this row, which holds 'Ł' (U+0141): -Encoding iso-8859-1 " +
            "cannot write it, and readers would see '?' in its place. Give -Encoding utf-8, which writes every character")
        @(Get-SentBody).to.email | Should -Be @('zoe@example.com')
    }

    It 'tells -ReplyTo given as a list, as Send-MailMessage took it, to give one address' {
        # Before: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'ReplyTo'. Specified
        # method is not supported.", which did not say that the service takes one reply-to address.
        { [pscustomobject]@{ Email = 'ann@example.com' } | Send-ConnectEmail -From 'news@example.com' -Subject 'S' -Text 'T' -ReplyTo 'help@example.com', 'sales@example.com' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage "-ReplyTo: 'help@example.com; sales@example.com' holds 2 addresses, not one: -ReplyTo takes one address: give the one that is meant*"
        $oneRow = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -ReplyTo 'help@example.com', 'sales@example.com' -ErrorAction SilentlyContinue
        $oneRow.Status | Should -Be 'Invalid'
        $oneRow.Reason | Should -BeLike "*ReplyTo: 'help@example.com; sales@example.com' holds 2 addresses, not one*"
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'sends -ReplyTo given as a list of one address' {
        $result = Send-ConnectEmail -To 'ann@example.com' -From 'news@example.com' -Subject 'S' -Text 'T' -ReplyTo @('help@example.com')

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.replyTo | Should -BeExactly 'help@example.com'
    }
}

Describe 'Send-ConnectEmail with the addresses admins have' {
    BeforeEach { Connect-FreshSandbox }

    It 'sends to the address of a Mail cell written with a display name, as Outlook and Exchange export it, and sends no name' {
        # Before, both rows were Invalid: "it has a display name or angle brackets: use a bare address". The service's "to"
        # holds addresses only, so the name has nowhere to go.
        $csv = Join-Path $TestDrive 'contacts.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'Name,Mail'
            'Jane Doe,Jane Doe <jane@contoso.com>'
            '"Doe, John","""Doe, John"" <john@contoso.com>"'
            'Plain,plain@contoso.com')

        $results = @(Import-Csv $csv | Send-ConnectEmail -From 'news@contoso.com' -Subject 'Hi $(Name)' -Text 'T')

        $results.Status | Should -Be @('Queued', 'Queued', 'Queued')
        $results.Destination | Should -Be @('jane@contoso.com', 'john@contoso.com', 'plain@contoso.com')
        $sent = @(Get-SentBody)
        $sent.to.email | Should -Be @('jane@contoso.com', 'john@contoso.com', 'plain@contoso.com')
        (Get-ConnectSandboxRequest).Body | Should -Not -Match 'Doe <|&lt;|\\u003c'
    }

    It 'sends to and copies a line of people as Outlook copies it, each name unquoted with its comma (Doe, Jane)' {
        # Before, the comma of 'Doe, Jane' separated 'Doe' as an address of its own: the row was Invalid ("'Doe' is not an email
        # address"), in To and in Cc alike, though Outlook writes every line of people so.
        $csv = Join-Path $TestDrive 'outlook.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'To,Cc'
            '"Doe, Jane <jane@contoso.com>; Roe, Rick <rick@contoso.com>","Lee, Al <al@contoso.com>, Boss <boss@contoso.com>"')

        $results = @(Import-Csv $csv | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T')
        $given = Send-ConnectEmail -To 'Doe, Jane <jane@contoso.com>' -Cc 'Roe, Rick <rick@contoso.com>' -From 'news@contoso.com' -Subject 'S' -Text 'T'

        $results.Status, $given.Status | Should -Be @('Queued', 'Queued')
        $results.Destination | Should -Be 'jane@contoso.com, rick@contoso.com'
        $sent = @(Get-SentBody)
        $sent[0].to.email | Should -Be @('jane@contoso.com', 'rick@contoso.com')
        $sent[0].cc | Should -Be @('al@contoso.com', 'boss@contoso.com')
        $sent[1].to.email | Should -Be 'jane@contoso.com'
        $sent[1].cc | Should -Be 'rick@contoso.com'
    }

    It 'sends to a display-name address piped by itself or given to -To' {
        $piped = 'Jane Doe <jane@contoso.com>' | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T'
        $given = Send-ConnectEmail -To '"Doe, John" <john@contoso.com>' -From 'news@contoso.com' -Subject 'S' -Text 'T'

        $piped.Status, $given.Status | Should -Be @('Queued', 'Queued')
        @(Get-SentBody).to.email | Should -Be @('jane@contoso.com', 'john@contoso.com')
    }

    It 'sends a To cell that lists several addresses (<Cell>) as one row: one destination, one result, as -To a, b does' -ForEach @(
        @{ Cell = 'ann@contoso.com, bob@contoso.com' }
        @{ Cell = 'ann@contoso.com; "Roe, Bob" <bob@contoso.com>' }
    ) {
        # Before: the row was Invalid, "holds 2 addresses, not one".
        $rows = @([pscustomobject]@{ Email = $Cell; Name = 'Team' }, [pscustomobject]@{ Email = 'cy@contoso.com'; Name = 'Cy' })

        $results = @($rows | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'Hi $(Name)')

        $results.Status | Should -Be @('Queued', 'Queued')
        $results[0].Row | Should -Be 1
        $results[0].Destination | Should -Be 'ann@contoso.com, bob@contoso.com'
        $body = @(Get-SentBody)[0]
        $body.to.Count | Should -Be 2
        $body.to[0].email | Should -Be @('ann@contoso.com', 'bob@contoso.com')
        $body.to[0].substitutions.Name | Should -Be 'Team'
        $body.PSObject.Properties.Name | Should -Not -Contain 'multipleToRecipients'
    }

    It 'splits a Cc cell at the separators between addresses, not at the comma inside a quoted display name' {
        # Before: '"Doe, Jane" <jane@contoso.com>' was cut at its comma into '"Doe' and 'Jane" <jane@contoso.com>', both refused.
        $row = [pscustomobject]@{ Email = 'ann@contoso.com'; Cc = '"Doe, Jane" <jane@contoso.com>; Bob Roe <bob@contoso.com>, cy@contoso.com' }

        $result = $row | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -Bcc 'Audit <audit@contoso.com>'

        $result.Status | Should -Be 'Queued'
        $body = @(Get-SentBody)[-1]
        $body.cc | Should -Be @('jane@contoso.com', 'bob@contoso.com', 'cy@contoso.com')
        $body.bcc | Should -Be @('audit@contoso.com')
    }

    It 'sends the address of a -ReplyTo written with a display name' {
        $result = Send-ConnectEmail -To 'ann@contoso.com' -From 'news@contoso.com' -Subject 'S' -Text 'T' -ReplyTo 'Help Desk <help@contoso.com>'

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.replyTo | Should -BeExactly 'help@contoso.com'
    }

    It 'sends a -From written as a mail program shows it (<From>) as the address, and its name as fromName' -ForEach @(
        @{ From = 'Contoso News <news@contoso.com>'; Name = 'Contoso News' }
        @{ From = '"Contoso, Inc." <news@contoso.com>'; Name = 'Contoso, Inc.' }
        @{ From = '"O''Brien Shop" <news@contoso.com>'; Name = 'O''Brien Shop' }
        @{ From = ' <news@contoso.com> '; Name = $null }
    ) {
        # As Send-MailMessage -From 'Name <address>' did; before, the command stopped and asked for -FromName.
        $result = Send-ConnectEmail -To 'ann@contoso.com' -From $From -Subject 'S' -Text 'T'

        $result.Status | Should -Be 'Queued'
        $body = @(Get-SentBody)[-1]
        $body.from | Should -BeExactly 'news@contoso.com'
        $body.options.fromName | Should -BeExactly $Name
    }

    It 'sends a -From with a display name and the same -FromName' {
        $result = Send-ConnectEmail -To 'ann@contoso.com' -From 'Contoso News <news@contoso.com>' -FromName 'Contoso News' -Subject 'S' -Text 'T'

        $result.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].from | Should -BeExactly 'news@contoso.com'
    }

    It 'stops, saying which name to keep, for a -From with a display name and a -FromName that differs' {
        { Send-ConnectEmail -To 'ann@contoso.com' -From 'Contoso News <news@contoso.com>' -FromName 'Contoso Sales' -Subject 'S' -Text 'T' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ("-From: 'Contoso News <news@contoso.com>' names the sender 'Contoso News', and -FromName " +
                "'Contoso Sales': give the name once, e.g. -From 'news@contoso.com' -FromName 'Contoso Sales'*")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says a display name is not sent at the row that wrote it, not at the next row, when its row is Invalid' {
        # Before: row 1's name was said of row 2 ("Row 2: ... goes to jane@contoso.com"), an address no email went to.
        $csv = Join-Path $TestDrive 'named.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'Mail,Subject'
            '"Jane Doe <jane@contoso.com>; nobody",Hi'
            'bob@contoso.com,Hi'
            'Cy Roe <cy@contoso.com>,Hi')

        $out = @(Import-Csv $csv | Send-ConnectEmail -From 'news@contoso.com' -Text 'T' -Verbose -ErrorAction SilentlyContinue 4>&1)

        $results = @($out | Where-Object { $_ -is [WebexConnect.Results.SendResult] })
        $results.Status | Should -Be @('Invalid', 'Queued', 'Queued')
        $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'display name' })
        $said.Count | Should -Be 1
        $said[0].Message | Should -BeExactly ("Row 3: To: the display name 'Cy Roe' is not sent, nor any other in -To: the service takes " +
            "addresses only, so the email goes to cy@contoso.com by its address alone.")
        @(Get-SentBody).to.email | Should -Be @('bob@contoso.com', 'cy@contoso.com')
    }

    It 'names a display name around a bad address as written, and the part that is wrong, in <Where>' -ForEach @(
        @{ Where = 'a Mail cell'; Field = 'Mail'; Row = [pscustomobject]@{ Mail = 'Jane <jane@>' } }
        @{ Where = 'a Cc cell'; Field = 'Cc[0]'; Row = [pscustomobject]@{ Mail = 'ann@contoso.com'; Cc = 'Jane <jane@>' } }
        @{ Where = 'a ReplyTo cell'; Field = 'ReplyTo'; Row = [pscustomobject]@{ Mail = 'ann@contoso.com'; ReplyTo = 'Jane <jane@>' } }
    ) {
        # Before: "'jane@' is not an email address", a value the admin never wrote and could not find in the file.
        $result = $Row | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeExactly ("Row 1: $($Field): 'Jane <jane@>' is not an email address: the part between < and >, " +
            "'jane@', is wrong (nothing after the @): correct that part")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'says which bracket or quote a Mail cell leaves open (<Cell>), not to strip the name' -ForEach @(
        @{ Cell = 'Jane Doe <jane@contoso.com'; Open = 'its < has no closing >' }
        @{ Cell = '"Doe, Jane <jane@contoso.com>'; Open = 'its " has no closing "' }
    ) {
        # Before: "it has a display name or angle brackets: use a bare address", where display names are welcome.
        $result = [pscustomobject]@{ Mail = $Cell } | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeExactly ("Row 1: Mail: '$Cell' is not an email address: $Open (a display name is written Jane Doe " +
            "<jane@example.com>, or ""Doe, Jane"" <jane@example.com>)")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'stops at a -From whose display name is around a bad address, naming it as written' {
        { Send-ConnectEmail -To 'ann@contoso.com' -From 'Contoso News <news@contoso>' -Subject 'S' -Text 'T' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ("-From: 'Contoso News <news@contoso>' is not an email address: " +
                "the part between < and >, 'news@contoso', is wrong (the domain has no dot): correct that part*")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'tells a To cell of addresses apart by spaces (<Cell>) which separators work, and the cell so written sends' -ForEach @(
        @{ Cell = 'ann@contoso.com  bob@contoso.com'; Separated = 'ann@contoso.com; bob@contoso.com' }
        @{ Cell = 'Ann Lee <ann@contoso.com> bob@contoso.com'; Separated = 'Ann Lee <ann@contoso.com>; bob@contoso.com' }
    ) {
        # Before: "holds 2 addresses, not one: give each its own row, or pass them as a list", to a one-cell mistake; with a
        # display name, "use a bare address", where display names are welcome.
        $rows = @([pscustomobject]@{ Mail = $Cell })

        $result = $rows | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Invalid'
        $result.Reason | Should -BeExactly ("Row 1: Mail: '$Cell' holds 2 addresses apart by spaces, which do not separate " +
            "addresses: write ';' or ',' between them, here '$Separated', to send the same email to each of them, or give " +
            "each its own row")
        $again = [pscustomobject]@{ Mail = $Separated } | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T'
        $again.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].to[0].email | Should -Be @('ann@contoso.com', 'bob@contoso.com')
    }

    It 'shows a long To cell of addresses apart by spaces whole, separated, so that it can be copied' {
        # Before: the value to write was cut at 60 characters: "...; cy@exam…' (66 characters)".
        $cell = 'Jane Doe <jane@contoso.com> Bob <bob@contoso.com> cy@contoso.com'
        $separated = 'Jane Doe <jane@contoso.com>; Bob <bob@contoso.com>; cy@contoso.com'

        $result = [pscustomobject]@{ Mail = $cell } | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -ErrorAction SilentlyContinue

        $result.Reason | Should -BeLike "*here '$separated', to send*"
        $again = [pscustomobject]@{ Mail = $separated } | Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T'
        $again.Status | Should -Be 'Queued'
    }

    It 'says under -WhatIf -Verbose that the email would go to the address of a display name, not that it goes' {
        # Before: "so the email goes to cy@contoso.com", of an email -WhatIf sent nowhere.
        $out = @([pscustomobject]@{ Mail = 'Cy Roe <cy@contoso.com>' } |
            Send-ConnectEmail -From 'news@contoso.com' -Subject 'S' -Text 'T' -WhatIf -Verbose 4>&1 6>$null)

        $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'display name' })
        $said.Message | Should -BeExactly ("Row 1: To: the display name 'Cy Roe' is not sent, nor any other in -To: the service takes " +
            "addresses only, so the email would go to cy@contoso.com by its address alone.")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'tells a Subject cell of several lines to join them, naming the row and the column, and the join it shows sends' {
        # Before: "Subject must be one line", and nothing about what to do with a spreadsheet cell written on two lines.
        $csv = Join-Path $TestDrive 'subjects.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'Mail,Subject'
            'ann@contoso.com,Fine'
            "bob@contoso.com,`"Your order  `r`n  has shipped`"")

        $results = @(Import-Csv $csv | Send-ConnectEmail -From 'news@contoso.com' -Text 'T' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeExactly ("Row 2: Subject: contains a line break (U+000D) at position 13: Subject must be one line: join its " +
            "lines into one: -Subject (`$subject -replace '\s*\r?\n\s*', ' '), or for a Subject column, ... | ForEach-Object { " +
            "`$_.Subject = `$_.Subject -replace '\s*\r?\n\s*', ' '; `$_ } | Send-ConnectEmail")
        $again = Import-Csv $csv | Select-Object -Skip 1 |
            ForEach-Object { $_.Subject = $_.Subject -replace '\s*\r?\n\s*', ' '; $_ } |
            Send-ConnectEmail -From 'news@contoso.com' -Text 'T'
        $again.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.subject | Should -BeExactly 'Your order has shipped'
    }

    It 'names the column whose cell brings a line break into -Subject by substitution, and the join it shows sends' {
        # Before: "after substitution it contains a line break", with no column named and nothing to do.
        $csv = Join-Path $TestDrive 'items.csv'
        Set-Content -LiteralPath $csv -Encoding UTF8 -Value @(
            'Mail,Item'
            'ann@contoso.com,Lamp'
            "bob@contoso.com,`"Desk  `r`n  lamp`"")

        $results = @(Import-Csv $csv | Send-ConnectEmail -From 'news@contoso.com' -Subject 'Order $(Item)' -Text 'T' -ErrorAction SilentlyContinue)

        $results.Status | Should -Be @('Queued', 'Invalid')
        $results[1].Reason | Should -BeExactly ("Row 2: Subject: after substitution it contains a line break (U+000D) at position 13: Subject " +
            "must be one line: the row's 'Item' cell (`$(Item)) has several lines: join them into one: ... | ForEach-Object { " +
            "`$_.Item = `$_.Item -replace '\s*\r?\n\s*', ' '; `$_ } | Send-ConnectEmail")
        $again = Import-Csv $csv | Select-Object -Skip 1 |
            ForEach-Object { $_.Item = $_.Item -replace '\s*\r?\n\s*', ' '; $_ } |
            Send-ConnectEmail -From 'news@contoso.com' -Subject 'Order $(Item)' -Text 'T'
        $again.Status | Should -Be 'Queued'
        @(Get-SentBody)[-1].content.subject | Should -BeExactly 'Order $(Item)'
        @(Get-SentBody)[-1].to[0].substitutions.Item | Should -BeExactly 'Desk lamp'
    }

    It 'names -Substitution''s key whose value brings a line break into -Subject, with the join for it' {
        $result = [pscustomobject]@{ Mail = 'ann@contoso.com' } |
            Send-ConnectEmail -From 'news@contoso.com' -Subject 'Order $(Shop)' -Text 'T' -Substitution @{ Shop = "Contoso`nOutlet" } -ErrorAction SilentlyContinue

        $result.Reason | Should -BeExactly ("Row 1: Subject: after substitution it contains a line break (U+000A) at position 14: Subject " +
            "must be one line: -Substitution's 'Shop' (`$(Shop)) has several lines: join them into one: -Substitution @{ Shop = " +
            "`$Shop -replace '\s*\r?\n\s*', ' ' }")
        @(Get-ConnectSandboxRequest).Count | Should -Be 0
    }

    It 'tells a -From that is a name, not an address, to give the name to -FromName' {
        { Send-ConnectEmail -To 'ann@contoso.com' -From 'Contoso News' -Subject 'S' -Text 'T' } |
            Should -Throw -ErrorId 'InvalidParameterValue,*' -ExpectedMessage ("-From: 'Contoso News' is a name, not an email address: give -From the sender " +
                "address on a domain verified in your tenant, and the name to -FromName: -From 'news@example.com' -FromName 'Contoso News'*")
    }
}
