using System;
using System.Linq;
using WebexConnect.Commands;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// Pins the public surface of every cmdlet: every parameter with its type, parameter sets
    /// (! mandatory, @ position), pipeline binding (V by value, N by property name), aliases and allowed
    /// values, plus the default set, ShouldProcess and output type. Scripts and CSV files depend on these;
    /// a change here must be deliberate (and the help updated with it).
    /// </summary>
    public class CmdletContractTests
    {
        private const string SendConnectSms = """
            Send-ConnectSms | default set Text | ShouldProcess Medium | output SendResult
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            AllowMissingSubstitutionSwitchParameter         *                                     -
            ApplyFrequencyCap       SwitchParameter         *                                     -    ChannelApplyFrequencyCap
            CallbackData            String                  *                                     -
            CheckConsent            SwitchParameter         *                                     -    ChannelCheckConsent
            ContactPolicyGroup      String                  *                                     -
            CorrelationId           String                  Template Text                         N
            Encoding                SmsEncoding             Text                                  -
            ExpireAt                DateTimeOffset?         *                                     -
            From                    String                  *!                                    -
            InputObject             PSObject                *                                     V
            Journal                 String                  *                                     -
            LinkDomain              String                  *                                     -    Domain
            NotifyUrl               Uri                     *                                     -
            PayloadOnly             SwitchParameter         *                                     -
            RequestedReceipt        String[]                *                                     -    RequestedReceipts {SUBMITTED|DELIVERED|FAILED|CLICKED|SENT}
            ResendUnknown           SwitchParameter         *                                     -
            SendAt                  DateTimeOffset?         Template Text                         N
            Session                 ConnectSession          *                                     -
            ShortenLinks            SwitchParameter         *                                     -
            SkipChanged             SwitchParameter         *                                     -
            Substitution            Hashtable               *                                     -    Substitutions
            SubstitutionColumn      String[]                *                                     -
            Tag1                    String                  *                                     -
            Tag2                    String                  *                                     -
            TemplateId              String                  Template!                             -
            Text                    String                  Text                                  N
            To                      ConnectDestination[]    *@0                                   N    Phone Mobile MobileNumber PhoneNumber MobilePhone Msisdn Number
            TrackClicks             SwitchParameter         *                                     -
            Validity                TimeSpan?               *                                     -
            """;

        private const string SendConnectEmail = """
            Send-ConnectEmail | default set Content | ShouldProcess Medium | output SendResult
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            AllowMissingSubstitutionSwitchParameter         *                                     -
            ApplyFrequencyCap       SwitchParameter         *                                     -    ChannelApplyFrequencyCap
            Attachment              Object[]                Content                               N    Attachments
            Bcc                     String[]                *                                     N
            CallbackData            String                  *                                     -
            Cc                      String[]                *                                     N
            CheckConsent            SwitchParameter         *                                     -    ChannelCheckConsent
            ContactPolicyGroup      String                  *                                     -
            CorrelationId           String                  Content Template                      N
            Encoding                String                  *                                     -
            ExpireAt                DateTimeOffset?         *                                     -
            From                    String                  *!                                    -
            FromName                String                  *                                     -
            Html                    String                  Content                               N
            InputObject             PSObject                *                                     V
            Journal                 String                  *                                     -
            ListUnsubscribeUrl      String                  *                                     -
            MultipleToRecipients    SwitchParameter         *                                     -
            NotifyUrl               Uri                     *                                     -
            PayloadOnly             SwitchParameter         *                                     -
            ReplyTo                 String                  Content                               N
            RequestedReceipt        String[]                *                                     -    RequestedReceipts {submitted|delivered|read|clicked|bounced|complaint|not verified|invalid|failed}
            ResendUnknown           SwitchParameter         *                                     -
            SendAt                  DateTimeOffset?         Content Template                      N
            Session                 ConnectSession          *                                     -
            SkipChanged             SwitchParameter         *                                     -
            Subject                 String                  Content                               N
            Substitution            Hashtable               *                                     -    Substitutions
            SubstitutionColumn      String[]                *                                     -
            TemplateId              String                  Template!                             -
            TemplateSubject         String                  Template                              -
            Text                    String                  Content                               N
            To                      ConnectDestination[]    *@0                                   N    Email EmailAddress Mail PrimarySmtpAddress WindowsEmailAddress
            TrackClicks             SwitchParameter         *                                     -
            TrackOpens              SwitchParameter         *                                     -
            UnsubscribeEmailAddress String                  *                                     -
            UnsubscribeEmailSubject String                  *                                     -
            Validity                TimeSpan?               *                                     -
            """;

        private const string SendConnectRcs = """
            Send-ConnectRcs | default set Text | ShouldProcess Medium | output SendResult
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            AgentEvent              RcsAgentEvent           AgentEvent!                           -
            AllowMissingSubstitutionSwitchParameter         *                                     -
            ApplyFrequencyCap       SwitchParameter         *                                     -    ChannelApplyFrequencyCap
            CallbackData            String                  *                                     -
            Card                    RcsCard                 Card!                                 -    RichCard
            Carousel                RcsCard[]               Carousel!                             -
            CarouselWidth           RcsCarouselWidth        Carousel                              -
            CarrierId               String                  *                                     -
            CheckConsent            SwitchParameter         *                                     -    ChannelCheckConsent
            ContactPolicyGroup      String                  *                                     -
            CorrelationId           String                  AgentEvent Card Carousel Template TextN
            EventMessageId          String                  AgentEvent                            -
            ExpireAt                DateTimeOffset?         *                                     -
            FallbackSenderId        String                  *                                     -    SmsSenderId
            FallbackText            String                  *                                     N
            From                    String                  *!                                    -
            GtrId                   String[]                *                                     N
            InputObject             PSObject                *                                     V
            Journal                 String                  *                                     -
            MediaUrl                String                  Text                                  N    MediaContentUrl
            NotifyUrl               Uri                     *                                     -
            PayloadOnly             SwitchParameter         *                                     -
            RequestedReceipt        String[]                *                                     -    RequestedReceipts {Sent|Delivered|Read|Failed|Clicked}
            ResendUnknown           SwitchParameter         *                                     -
            SendAt                  DateTimeOffset?         AgentEvent Card Carousel Template TextN
            Session                 ConnectSession          *                                     -
            SkipChanged             SwitchParameter         *                                     -
            SmsFallback             SwitchParameter         *                                     -
            Substitution            Hashtable               *                                     -    Substitutions
            SubstitutionColumn      String[]                *                                     -
            Suggestion              RcsSuggestion[]         *                                     -    Suggestions
            TemplateId              String                  Template!                             -
            Text                    String                  Text                                  N
            To                      ConnectDestination[]    *@0                                   N    Phone Mobile MobileNumber PhoneNumber MobilePhone Msisdn Number
            Validity                TimeSpan?               *                                     -
            """;

        private const string MeasureConnectSms = """
            Measure-ConnectSms | default set - | no ShouldProcess | output SmsMeasurement
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            AllowMissingSubstitutionSwitchParameter         *                                     -
            Encoding                SmsEncoding             *                                     -
            InputObject             PSObject                *                                     V
            Substitution            Hashtable               *                                     -    Substitutions
            SubstitutionColumn      String[]                *                                     -
            Text                    String                  *@0                                   N
            """;

        private const string NewConnectRcsCard = """
            New-ConnectRcsCard | default set - | no ShouldProcess | output RcsCard
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Description             String                  *@1                                   N
            InputObject             PSObject                *                                     V
            MediaHeight             RcsMediaHeight?         *                                     N
            MediaUrl                String                  *                                     N    Image ImageUrl
            Orientation             RcsCardOrientation?     *                                     N
            Suggestion              RcsSuggestion[]         *                                     N    Suggestions
            ThumbnailAlignment      RcsThumbnailAlignment?  *                                     N
            Title                   String                  *@0                                   N
            """;

        private const string NewConnectRcsSuggestion = """
            New-ConnectRcsSuggestion | default set Reply | no ShouldProcess | output RcsSuggestion
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Address                 String                  ViewLocation ViewLocationByAddress!   -
            Description             String                  CalendarEvent                         -
            DisplayText             String                  *!@0                                  -
            EndTime                 DateTimeOffset          CalendarEvent!                        -
            Latitude                Double                  ViewLocation!                         -
            Longitude               Double                  ViewLocation!                         -
            Phone                   String                  DialPhone!                            -
            PostbackData            String                  *@1                                   -
            ShareLocation           SwitchParameter         ShareLocation!                        -
            StartTime               DateTimeOffset          CalendarEvent!                        -
            Title                   String                  CalendarEvent!                        -
            Url                     String                  OpenUrl!                              -
            """;

        private const string ConnectWebexConnect = """
            Connect-WebexConnect | default set Environment | no ShouldProcess | output ConnectSession
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            BaseUri                 Uri                     Credential Environment ServiceKey ServiceSecret-
            Credential              PSCredential            Credential!                           -
            NoSharedTps             SwitchParameter         Credential Environment ServiceKey ServiceSecret-
            PassThru                SwitchParameter         *                                     -
            Region                  String                  Credential Environment ServiceKey ServiceSecret-    {us|us1|eu|uk|ca|in|au|sg}
            Sandbox                 SwitchParameter         Sandbox                               -
            SandboxFailureRate      Double                  Sandbox                               -
            SandboxLatency          TimeSpan                Sandbox                               -
            ServiceId               String                  ServiceSecret!                        -
            ServiceKey              SecureString            ServiceKey!                           -
            ServiceSecret           SecureString            ServiceSecret!                        -
            TimeoutSec              Int32                   *                                     -
            Tps                     Int32                   *                                     -
            """;

        private const string DisconnectWebexConnect = """
            Disconnect-WebexConnect | default set - | no ShouldProcess | output Void
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Session                 ConnectSession          *                                     V
            """;

        private const string GetConnectContext = """
            Get-ConnectContext | default set - | no ShouldProcess | output ConnectSession
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            """;

        private const string NewConnectJwt = """
            New-ConnectJwt | default set ServiceSecret | no ShouldProcess | output ConnectJwt
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Credential              PSCredential            Credential!                           -
            LifetimeMinutes         Int32                   *                                     -
            ServiceId               String                  ServiceSecret!@0                      -
            ServiceSecret           SecureString            ServiceSecret!@1                      -
            """;

        private const string SendConnectMessage = """
            Send-ConnectMessage | default set Content | ShouldProcess Medium | output SendResult
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            AdditionalProperty      IDictionary             *                                     -
            AllowMissingSubstitutionSwitchParameter         *                                     -
            ApplyFrequencyCap       SwitchParameter         *                                     -    ChannelApplyFrequencyCap
            CallbackData            String                  *                                     -
            Channel                 String                  *!                                    -
            CheckConsent            SwitchParameter         *                                     -    ChannelCheckConsent
            ContactPolicyGroup      String                  *                                     -
            Content                 Object                  Content!                              -
            CorrelationId           String                  Content Template                      N
            DestinationKey          String                  *                                     -
            ExpireAt                DateTimeOffset?         *                                     -
            From                    String                  *!                                    -
            InputObject             PSObject                *                                     V
            Journal                 String                  *                                     -
            NotifyUrl               Uri                     *                                     -
            Option                  Object                  *                                     -    Options
            PayloadOnly             SwitchParameter         *                                     -
            RequestedReceipt        String[]                *                                     -    RequestedReceipts
            ResendUnknown           SwitchParameter         *                                     -
            SendAt                  DateTimeOffset?         Content Template                      N
            Session                 ConnectSession          *                                     -
            SkipChanged             SwitchParameter         *                                     -
            Substitution            Hashtable               *                                     -    Substitutions
            SubstitutionColumn      String[]                *                                     -
            TemplateId              String                  Template!                             -
            To                      ConnectDestination[]    *@0                                   N    Phone Mobile MobileNumber PhoneNumber MobilePhone Msisdn Number Email EmailAddress Mail
            ToProperty              String[]                *                                     -
            Validity                TimeSpan?               *                                     -
            """;

        private const string GetConnectSandboxRequest = """
            Get-ConnectSandboxRequest | default set - | no ShouldProcess | output SandboxRequest
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Last                    Int32                   *                                     -
            Session                 ConnectSession          *                                     V
            """;

        private const string ConvertFromConnectWebhook = """
            ConvertFrom-ConnectWebhook | default set - | no ShouldProcess | output DeliveryReceipt
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Headers                 IDictionary             *                                     N
            InputObject             Object                  *!@0                                  V
            Secret                  SecureString            *                                     -
            Signature               String                  *                                     -
            """;

        private const string GetConnectMessage = """
            Get-ConnectMessage | default set - | no ShouldProcess | output SentMessage
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            InputObject             PSObject                *                                     V
            MessageId               String[]                *!@0                                  VN
            Session                 ConnectSession          *                                     -
            """;

        private const string TestWebexConnect = """
            Test-WebexConnect | default set - | no ShouldProcess | output ConnectionTest, Boolean
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Quiet                   SwitchParameter         *                                     -
            Session                 ConnectSession          *                                     V
            """;

        private const string StartConnectReceiptListener = """
            Start-ConnectReceiptListener | default set Port | ShouldProcess Medium | output ConnectReceiptListener
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Address                 String                  Port                                  -
            Capacity                Int32                   *                                     -
            Port                    Int32                   Port@0                                -
            Prefix                  Uri                     Prefix!                               -
            Secret                  SecureString            *                                     -
            """;

        private const string StopConnectReceiptListener = """
            Stop-ConnectReceiptListener | default set - | ShouldProcess Medium | output Void
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            Listener                ConnectReceiptListener  *@0                                   V
            """;

        private const string WaitConnectDelivery = """
            Wait-ConnectDelivery | default set Listener | no ShouldProcess | output DeliveryResult
            Parameter               Type                    Sets (! mandatory, @ position)        Pipe Aliases, allowed values
            EmailRoute              String                  *                                     -    {Smtp|AwsSes}
            InputObject             PSObject                *!                                    V
            Listener                ConnectReceiptListener  Listener@0                            -
            Receipt                 DeliveryReceipt[]       Receipt!                              -
            Timeout                 Int32                   Listener                              -    TimeoutSec
            """;

        public static TheoryData<Type, string> Surfaces => new TheoryData<Type, string>
        {
            { typeof(SendConnectSmsCommand), SendConnectSms },
            { typeof(SendConnectEmailCommand), SendConnectEmail },
            { typeof(SendConnectRcsCommand), SendConnectRcs },
            { typeof(SendConnectMessageCommand), SendConnectMessage },
            { typeof(MeasureConnectSmsCommand), MeasureConnectSms },
            { typeof(NewConnectRcsCardCommand), NewConnectRcsCard },
            { typeof(NewConnectRcsSuggestionCommand), NewConnectRcsSuggestion },
            { typeof(ConnectWebexConnectCommand), ConnectWebexConnect },
            { typeof(DisconnectWebexConnectCommand), DisconnectWebexConnect },
            { typeof(GetConnectContextCommand), GetConnectContext },
            { typeof(NewConnectJwtCommand), NewConnectJwt },
            { typeof(GetConnectSandboxRequestCommand), GetConnectSandboxRequest },
            { typeof(ConvertFromConnectWebhookCommand), ConvertFromConnectWebhook },
            { typeof(GetConnectMessageCommand), GetConnectMessage },
            { typeof(TestWebexConnectCommand), TestWebexConnect },
            { typeof(StartConnectReceiptListenerCommand), StartConnectReceiptListener },
            { typeof(StopConnectReceiptListenerCommand), StopConnectReceiptListener },
            { typeof(WaitConnectDeliveryCommand), WaitConnectDelivery },
        };

        [Fact]
        public void EveryCmdletInTheModuleIsPinnedHere()
        {
            var pinned = Surfaces.Select(row => ((Type)row[0]).Name).OrderBy(n => n, StringComparer.Ordinal);
            var cmdlets = typeof(SendCommandBase).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && System.Reflection.CustomAttributeData.GetCustomAttributes(t)
                    .Any(a => a.AttributeType == typeof(System.Management.Automation.CmdletAttribute)))
                .Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(cmdlets, pinned);
        }

        [Theory]
        [MemberData(nameof(Surfaces))]
        public void TheCmdletsSurfaceIsExactlyThePinnedOne(Type cmdlet, string expected)
        {
            Assert.Equal(Normalize(expected), Normalize(CmdletSurface.Describe(cmdlet)));
        }

        [Theory]
        [MemberData(nameof(Surfaces))]
        public void EveryMandatoryParameterExplainsItselfWhenPowerShellPromptsForIt(Type cmdlet, string _)
        {
            Assert.Empty(CmdletSurface.MandatoryWithoutHelpMessage(cmdlet));
        }

        [Theory]
        [InlineData(typeof(SendConnectSmsCommand))]
        [InlineData(typeof(SendConnectEmailCommand))]
        [InlineData(typeof(SendConnectRcsCommand))]
        public void SendCmdletsNeverTakeAnUntypedValueFromThePipelineExceptInputObject(Type cmdlet)
        {
            // An untyped (string or object) by-value parameter swallows a CSV row and defeats binding by column name; a
            // typed one (-To as ConnectDestination[] by value too) makes PowerShell try to convert every row and throw
            // six exceptions per row before it binds the column. -InputObject alone takes the piped object.
            var byValue = cmdlet.GetProperties()
                .Where(p => System.Reflection.CustomAttributeData.GetCustomAttributes(p).Any(a =>
                    a.AttributeType == typeof(System.Management.Automation.ParameterAttribute)
                    && a.NamedArguments.Any(n => n.MemberName == "ValueFromPipeline" && Equals(n.TypedValue.Value, true))))
                .Select(p => p.Name + ":" + p.PropertyType.Name)
                .OrderBy(s => s, StringComparer.Ordinal);

            Assert.Equal(new[] { "InputObject:PSObject" }, byValue);
        }

        [Fact]
        public void SendConnectMessageTakesOnlyInputObjectByValueAndToByColumnName()
        {
            // DESIGN.md's corrected recipe: -To by value made PowerShell try to convert every row to a destination first.
            var byValue = typeof(SendConnectMessageCommand).GetProperties()
                .Where(p => System.Reflection.CustomAttributeData.GetCustomAttributes(p).Any(a =>
                    a.AttributeType == typeof(System.Management.Automation.ParameterAttribute)
                    && a.NamedArguments.Any(n => n.MemberName == "ValueFromPipeline" && Equals(n.TypedValue.Value, true))))
                .Select(p => p.Name + ":" + p.PropertyType.Name);

            Assert.Equal(new[] { "InputObject:PSObject" }, byValue);
        }

        [Theory]
        [InlineData(typeof(SendConnectSmsCommand))]
        [InlineData(typeof(SendConnectEmailCommand))]
        [InlineData(typeof(SendConnectRcsCommand))]
        [InlineData(typeof(SendConnectMessageCommand))]
        [InlineData(typeof(MeasureConnectSmsCommand))]
        public void NoParameterThatBindsFromThePipelineIsMandatory(Type cmdlet)
        {
            // PowerShell's binder refuses a row that lacks a Mandatory pipeline-bound value (no destination column, a
            // $null Text from a short CSV line) before ProcessRecord runs: that row would get a binding error and no
            // result, and every later Row would be off by one. ProcessRecord checks these instead (an Invalid result).
            var mandatoryFromPipeline = cmdlet.GetProperties()
                .Where(p => System.Reflection.CustomAttributeData.GetCustomAttributes(p).Any(a =>
                    a.AttributeType == typeof(System.Management.Automation.ParameterAttribute)
                    && a.NamedArguments.Any(n => n.MemberName.StartsWith("ValueFromPipeline", StringComparison.Ordinal) && Equals(n.TypedValue.Value, true))
                    && a.NamedArguments.Any(n => n.MemberName == "Mandatory" && Equals(n.TypedValue.Value, true))))
                .Select(p => p.Name);

            Assert.Empty(mandatoryFromPipeline);
        }

        private static string Normalize(string table) =>
            string.Join("\n", table.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
    }
}
