using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends a message on any channel (WhatsApp, voice, push, ... or SMS, email and RCS) with content written as JSON, one result per row.</para>
    /// </summary>
    /// <remarks>
    /// The escape hatch beside the typed cmdlets, not a second engine: the same batching, TPS, retries,
    /// journal and results; only the content, the options and any other top-level member are the caller's.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Send, "ConnectMessage", DefaultParameterSetName = ContentSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendConnectMessageCommand : SendCommandBase
    {
        private const string ContentSet = "Content";
        private const string InvalidContentErrorId = "InvalidContent";
        private const string InvalidOptionErrorId = "InvalidOption";
        private const string InvalidAdditionalPropertyErrorId = "InvalidAdditionalProperty";
        private const string DestinationKeyRequiredErrorId = "DestinationKeyRequired";

        /// <summary>PowerShell's ErrorId for a $null it refused, kept for the $null -Content or -Option the command now refuses itself.</summary>
        private const string NullErrorId = "ParameterArgumentValidationError";

        private IReadOnlyList<string> _toProperties = Array.Empty<string>();

        // -Content and -Option as the body carries them, read once at the first row (ReadObjects). A one-row call's own value
        // that cannot be read leaves "{}" and no options, for the message of its Invalid row, which is not sent.
        private string? _contentJson;
        private string? _optionJson;
        private bool _objectsRead;

        // -AdditionalProperty's cc and bcc addresses, read at the first email row; null when it gives none.
        private CopiesGivenAsProperties? _copiesGiven;
        private bool _copiesRead;

        // Under the email key, -To is read as Send-ConnectEmail reads it: 'Jane Doe <jane@contoso.com>', and a cell that lists
        // several. Before, the same Mail column Send-ConnectEmail sent was Invalid here ("it has a display name").
        private readonly EmailDestinations _emailDestinations = new EmailDestinations();
        private bool _emailKey;

        /// <summary>The channel's JSON name: sms, email, rcs, whatsapp, voice, push, rt, messenger, applebusinesschat, or another the service offers.</summary>
        [Parameter(Mandatory = true, HelpMessage = "The channel's JSON name, e.g. whatsapp.")]
        // Not ValidateNotNullOrEmpty, as -From: a loop's -Channel $u.Channel with an empty cell is that row's Invalid result.
        [AllowNull, AllowEmptyString]
        [ArgumentCompleter(typeof(ChannelNameCompleter))]
        public string Channel { get => _channel; set => _channel = value ?? ""; }

        private string _channel = "";

        /// <summary>The addresses (a number, an email address or the channel's own ID); binds from the same columns as the typed cmdlets.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number", "Email", "EmailAddress", "Mail")]
        // A row whose address is $null or empty still gets its Invalid result.
        [AllowNull, AllowEmptyString, AllowEmptyCollection]
        [DestinationArgument("msisdn", "Send-ConnectMessage")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public ConnectDestination[]? To { get; set; } = Array.Empty<ConnectDestination>();

        /// <inheritdoc />
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [IdTextArgument(nameof(CorrelationId))] // a JSON row's object member is that row's Invalid result
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override string? CorrelationId { get; set; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [RowTimeArgument("SendAt")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override DateTimeOffset? SendAt { get; set; }

        /// <summary>Other columns that hold each row's address (e.g. WhatsAppNumber); the first non-empty one wins over -To.</summary>
        [Parameter]
        [BlankCellArgument] // a loop's empty cell (or $null, a database's NULL) is the parameter left out, not the statement's end
        [ArgumentCompleter(typeof(CsvColumnCompleter))]
        public string[]? ToProperty { get; set; }

        /// <summary>The member of each destination object that holds the addresses; default msisdn or email by channel.</summary>
        [Parameter]
        // A loop's -DestinationKey $keys[$r.Channel] that found none ($null, an empty or NULL cell) is the parameter left out: the
        // channel's documented key, or for a channel without one that row's Invalid result (DestinationKeyRequired). The
        // ValidateNotNullOrEmpty it had refused it before the command ran, and the loop's row had no result.
        [BlankCellArgument(OneName = true)]
        [ArgumentCompleter(typeof(DestinationKeyCompleter))]
        public string? DestinationKey { get; set; }

        /// <summary>The content object: a hashtable ([ordered] keeps the order), a PSCustomObject or a JSON string, sent as written.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ContentSet, HelpMessage = "The content object as a hashtable or a JSON string.")]
        // Not ValidateNotNull: in a script's loop of one-row calls, -Content $u.Json is $null for a row without it, and PowerShell's
        // refusal left that row without a result. The command refuses it itself (ReadObject), under the ErrorId PowerShell's had.
        [AllowNull]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public object? Content { get; set; }

        /// <summary>The channel's options object: a hashtable, a PSCustomObject or a JSON string.</summary>
        [Parameter]
        [Alias("Options")] // the JSON name, options: what a script moved from Invoke-RestMethod types
        // Not ValidateNotNull, as -Content: a one-row call's $null is its row's Invalid result (ReadObject).
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public object? Option { get; set; }

        /// <summary>Other top-level members of the request (e.g. appid, cc), name = value, written as given.</summary>
        [Parameter]
        // Not ValidateNotNull, as -Option: a loop's -AdditionalProperty $(if ($u.AppId) { @{ appid = $u.AppId } }) is $null for a
        // row without one, and PowerShell's refusal left that row without a result. Not read as none: a misspelt variable would
        // send without the members the admin meant (an appid, a cc). The command refuses it (CheckParameters): the row's Invalid.
        [AllowNull]
        [AdditionalPropertyArgument] // -AdditionalProperty $u.Json: a JSON object's text, read as -Option reads one
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public IDictionary? AdditionalProperty { get; set; }

        /// <summary>Which delivery webhooks to receive, in the channel's names (checked for SMS, email and RCS).</summary>
        [Parameter]
        [BlankCellArgument] // a loop's empty cell asks for none, as the typed cmdlets' -RequestedReceipt '' does
        [Alias("RequestedReceipts")] // the JSON name, requestedReceipts: what a script moved from Invoke-RestMethod types
        [ArgumentCompleter(typeof(RequestedReceiptCompleter))]
        public string[]? RequestedReceipt { get; set; }

        private protected override MessageChannel ChannelKind => ChannelNames.Parse(Channel);

        // A one-row call's empty -Channel (its row Invalid) still names the run in its last warning.
        private protected override string ActionName => "Send " + (string.IsNullOrWhiteSpace(Channel) ? "message" : ChannelNames.Label(Channel));

        private protected override IReadOnlyCollection<string> BoundColumns
        {
            get
            {
                var columns = new HashSet<string>(base.BoundColumns, StringComparer.OrdinalIgnoreCase);
                columns.UnionWith(_toProperties);
                return columns;
            }
        }

        // An email's copies come from a row's columns only through Send-ConnectEmail: here a Cc column is named, not dropped.
        private protected override Func<string, string?>? ColumnOfOtherCommand =>
            ChannelKind == MessageChannel.Email ? column => EmailCopyColumns.Warning(MyInvocation.MyCommand.Name, column, GivesForEveryRow) : null;

        /// <summary>
        /// Whether the request's <paramref name="member"/> (cc, bcc, replyTo, attachments) is set for every row: cc and bcc in
        /// -AdditionalProperty, replyTo and attachments in -Content, where the column warning tells an admin to give them.
        /// </summary>
        private bool GivesForEveryRow(string member)
        {
            if (member == "replyTo" || member == "attachments")
            {
                ReadObjects();
                if (_contentJson is null) return false;
                try
                {
                    return EngineHost.ReadJson(System.Text.Encoding.UTF8.GetBytes(_contentJson))
                        is IDictionary<string, object?> content && content.ContainsKey(member);
                }
                catch (FormatException)
                {
                    return false; // Deeper than the reader goes (as in RefuseWholeRequest): the warning then says how to give it.
                }
            }
            if (AdditionalProperty is null) return false;
            foreach (DictionaryEntry entry in AdditionalProperty)
                if (SubstitutionText.Of(entry.Key) == member) return true;
            return false;
        }

        private protected override IReadOnlyList<ConnectDestination>? Destinations
        {
            get
            {
                var given = GivenDestinations();
                return _emailKey ? _emailDestinations.Of(given, RowNumber) : given;
            }
        }

        private IReadOnlyList<ConnectDestination>? GivenDestinations()
        {
            foreach (var column in _toProperties)
            {
                var found = AddressesIn(InputRow.ValueOf(InputObject, column));
                if (found.Count > 0) return found;
            }
            if (To is { Length: > 0 }) return To;
            // A plain string piped by value ('+447700900001' | Send-ConnectMessage ...) is the destination.
            return InputObject?.BaseObject is string address ? new[] { new ConnectDestination(address) } : To;
        }

        private protected override IReadOnlyList<string>? RequestedReceiptNames => RequestedReceipt;

        // The content is the same for every row: the rows differ by their destinations and substitutions.
        private protected override int PerRowContentLength => 0;

        private protected override void ReadPerRowContent(object?[] content)
        {
        }

        /// <inheritdoc />
        /// <remarks>
        /// -Option and -AdditionalProperty too: a loop gives each row's options and members as it gives its content (-Option
        /// $u.Options).
        /// </remarks>
        private protected override IEnumerable<string> ContentWithoutColumn => new[] { nameof(Content), nameof(Option), nameof(AdditionalProperty) };

        private protected override void CheckParameters()
        {
            _toProperties = ToProperty ?? Array.Empty<string>();
            if (AdditionalProperty is null && MyInvocation.BoundParameters.ContainsKey(nameof(AdditionalProperty)))
            {
                const string give = "give the other members as a hashtable (@{ appid = 'my-app' }), or leave -AdditionalProperty out";
                RefuseValue(nameof(AdditionalProperty), NullErrorId, "-AdditionalProperty is $null: " + give + ".",
                    new ValidationProblem(nameof(AdditionalProperty), "it is $null: " + give), null);
            }
            const string giveChannel = "give the channel's JSON name, e.g. whatsapp (press Tab to see the known ones)";
            // Empty (an empty cell in a loop): the one row's Invalid result, or a piped run's stop under PowerShell's ErrorId.
            RefuseEmpty(nameof(Channel), Channel, giveChannel);
            if (string.IsNullOrWhiteSpace(Channel))
            {
                if (MyInvocation.ExpectingInput) ThrowParameterError("InvalidChannel", "-Channel is blank: " + giveChannel + ".", Channel);
                return; // Refused as the one row's: no key to look for.
            }
            _emailKey = string.Equals(DestinationKey?.Trim() ?? ChannelNames.DefaultDestinationKey(ChannelKind), ChannelNames.Email, StringComparison.Ordinal);
            if (DestinationKey is null && ChannelNames.DefaultDestinationKey(ChannelKind) is null) RefuseKeylessChannel();
        }

        // A one-row call's -Channel refused for having no destination key (RefuseKeylessChannel): its row is Invalid, never sent.
        private bool _keylessChannelRefused;

        /// <summary>
        /// A channel with no documented destination key and no -DestinationKey: piped, the command's stop before any row, as it
        /// was. With nothing piped, the one row's Invalid result (Code DestinationKeyRequired): a loop's -Channel $r.Channel with a
        /// misspelt cell ('whatsap') stopped the call, and that row had no result. A name the module does not know is said to be
        /// one, so that a misspelling is corrected rather than given a key.
        /// </summary>
        private void RefuseKeylessChannel()
        {
            const string key = "give -DestinationKey, the member of each \"to\" object that holds the addresses, as the channel's API documents it";
            var channel = InputEcho.Quote(Channel.Trim());
            var problem = ChannelKind == MessageChannel.Other
                ? $"{channel} is no channel the module knows ({string.Join(", ", ChannelNames.Known)}), so it has no documented destination key: " +
                  "correct the name, or for a channel of the service's own " + key
                : $"{channel} has no documented destination key: " + key;
            RefuseValue(nameof(Channel), DestinationKeyRequiredErrorId,
                $"-Channel '{Channel}' has no documented destination key: give -DestinationKey, the member of each \"to\" object that holds " +
                "the addresses, as the channel's API documents it (msisdn and email are the keys of SMS and email).",
                new ValidationProblem(nameof(Channel), problem), Channel, givenForTheRow: true);
            _keylessChannelRefused = true;
        }

        /// <summary>
        /// Reads -Content and -Option once, when the first row needs them: the session's engine writes them as the body carries
        /// them, and a session problem (NotConnected) is said before theirs, as it always was.
        /// </summary>
        private void ReadObjects()
        {
            if (_objectsRead) return;
            _objectsRead = true;
            if (ParameterSetName == ContentSet)
            {
                _contentJson = ReadObject(Content, nameof(Content), InvalidContentErrorId) ?? "{}";
                RefuseWholeRequest(_contentJson);
            }
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Option))) _optionJson = ReadObject(Option, nameof(Option), InvalidOptionErrorId);
        }

        /// <summary>
        /// -Content or -Option as the body carries it; null when the command refused it (RefuseValue): the one row's Invalid result
        /// in a call with nothing piped, else the command's stop.
        /// </summary>
        private string? ReadObject(object? value, string parameter, string errorId)
        {
            // A database's NULL (a loop's -Content $r.Json of a DataRow) is as empty as $null: before, "it The value is a DBNull".
            if (SubstitutionText.IsNothing(value))
            {
                // -AdditionalProperty's members are no "additionalproperty object": said as its $null is (CheckParameters).
                var give = parameter == nameof(AdditionalProperty)
                    ? "give the other members as a hashtable (@{ appid = 'my-app' }) or a JSON string ({...}), or leave -AdditionalProperty out"
                    : $"give the {parameter.ToLowerInvariant()} object as a hashtable or a JSON string ({{...}})";
                var nothing = value is null ? "$null" : "a database's NULL (DBNull)";
                RefuseValue(parameter, NullErrorId, $"-{parameter} is {nothing}: {give}.", new ValidationProblem(parameter, $"it is {nothing}: " + give), value);
                return null;
            }
            if (ObjectJsonProblem(value!, out var json) is string problem)
            {
                RefuseValue(parameter, errorId, Named(parameter, problem), new ValidationProblem(parameter, ItProblem(problem)), value);
                return null;
            }
            return json;
        }

        /// <summary>
        /// The row's clause for what <see cref="ObjectJsonProblem"/> found, one sentence after "it": ContentJson begins its own
        /// sentence ("The value is a ...", "'appid' is a ..."), and glued after "it" that read "it The value is a DBNull".
        /// </summary>
        private static string ItProblem(string problem)
        {
            const string whole = "The value ";
            var clause = problem.TrimStart(':', ' ');
            if (clause.StartsWith(whole, StringComparison.Ordinal)) return "it " + clause.Substring(whole.Length);
            return clause.StartsWith("'", StringComparison.Ordinal) ? "its member " + clause : "it " + clause;
        }

        private protected override ConnectMessage CreateMessage(SharedPart shared)
        {
            ReadObjects();
            // A one-row call's blank -Channel (its row Invalid, CheckParameters) makes a message that is never sent: named
            // "message", with a key, so that no other check speaks of the channel it does not have.
            var refused = string.IsNullOrWhiteSpace(Channel);
            return new RawMessage(shared, refused ? "message" : Channel)
            {
                // A channel refused for having no key (RefuseKeylessChannel) is given one that checks no address's form: its row's
                // reason names the channel, not a key or an address it never had.
                DestinationKey = DestinationKey?.Trim() ?? ChannelNames.DefaultDestinationKey(ChannelKind)
                    ?? (refused ? "msisdn" : _keylessChannelRefused ? "address" : ""),
                Content = shared.Template is null ? _contentJson : null,
                Options = _optionJson,
                AdditionalProperties = Members(),
            };
        }

        /// <summary>
        /// A JSON object given as a string or as a PowerShell value, in the form the body carries it (<paramref name="json"/>); what
        /// is wrong with it ("is not valid JSON: ...", after the parameter's name), or null.
        /// </summary>
        private string? ObjectJsonProblem(object value, out string json)
        {
            if (JsonProblem(value, out json) is string problem) return problem;
            return json.StartsWith("{", StringComparison.Ordinal) ? null : $"must be a JSON object ({{...}}) or a hashtable; it is {Describe(json)}.";
        }

        /// <summary>The members that show a JSON object is a whole request body, not the "content" inside one.</summary>
        private static readonly string[] RequestMembers = { "channel", "from", "to", "content", "template", "options" };

        /// <summary>
        /// A request body pasted from the vendor's pages (or an old Invoke-RestMethod script) into -Content would travel as
        /// the content of a request the module writes around it: "content":{"channel":"sms","to":[...],"content":{...}}.
        /// The sandbox queues that, and the service's answer would name no field the admin wrote. A channel's content
        /// never holds both a message body ("content" or "template") and an addressing member ("channel" or "to").
        /// </summary>
        private void RefuseWholeRequest(string contentJson)
        {
            IDictionary<string, object?>? members;
            try
            {
                members = EngineHost.ReadJson(System.Text.Encoding.UTF8.GetBytes(contentJson)) as IDictionary<string, object?>;
            }
            catch (FormatException)
            {
                return; // Deeper than the reader goes: valid JSON all the same (ReadObject parsed it), so it is not refused here.
            }
            if (members is null) return;
            var isRequest = (members.ContainsKey("content") || members.ContainsKey("template")) && (members.ContainsKey("channel") || members.ContainsKey("to"));
            if (!isRequest) return;
            var found = RequestMembers.Where(members.ContainsKey).Select(name => "\"" + name + "\"");
            var problem =
                $"is a whole request (it has the members {string.Join(", ", found)}), not the \"content\" object inside one: " +
                "the cmdlet writes the request around -Content itself. Give -Content only the request's \"content\" value " +
                "(for example ($body | ConvertFrom-Json).content), and the other members to parameters: -Channel, -From, -To (or pipe " +
                "the rows), -Option for \"options\", -TemplateId for \"template\", -Substitution, -RequestedReceipt, -SendAt, -NotifyUrl, " +
                "-CallbackData; a member no parameter writes (appid, cc) goes in -AdditionalProperty.";
            RefuseValue(nameof(Content), InvalidContentErrorId, Named(nameof(Content), problem), new ValidationProblem(nameof(Content), "it " + problem), Content);
        }

        /// <summary>
        /// An email to a row whose To is also one of -AdditionalProperty's cc or bcc: noted, and said at the run's end. The
        /// first display name read off -To is said, for -Verbose, at its row (as Send-ConnectEmail says it).
        /// </summary>
        private protected override ConnectMessage ForRecipient(ConnectMessage message, Recipient recipient)
        {
            if (_emailKey && _emailDestinations.NameNote(RowNumber, Previewing) is string named)
                WriteVerbose("Row " + RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + named);
            if (ChannelKind != MessageChannel.Email) return message;
            if (!_copiesRead)
            {
                _copiesGiven = CopiesGivenAsProperties.Of(AdditionalProperty is AdditionalPropertyObject ? CopiesOfJson() : AdditionalProperty);
                _copiesRead = true;
            }
            _copiesGiven?.Note(RowNumber, recipient.Addresses);
            return message;
        }

        private protected override string? WarningAtEnd(bool preview) => _copiesGiven?.Warning(preview);

        private protected override void RowDone(long row, bool went) => _copiesGiven?.Done(row, went);

        /// <summary>
        /// The cc and bcc members of -AdditionalProperty given as JSON text ('{"cc":["boss@example.com"]}') or an object, read
        /// into what a hashtable gives: before, only @{ cc = ... } was looked at, and the row's To that the JSON copied got the
        /// email twice unwarned.
        /// </summary>
        private Hashtable CopiesOfJson()
        {
            var copies = new Hashtable();
            foreach (var member in Members())
            {
                if (member.Key != "cc" && member.Key != "bcc") continue;
                // A list of texts, or one text, as the request carries it; anything else copies no one the warning can name.
                try { copies[member.Key] = EngineHost.ReadJson(System.Text.Encoding.UTF8.GetBytes(member.Value)); }
                catch (FormatException) { }
            }
            return copies;
        }

        private IReadOnlyList<KeyValuePair<string, string>> Members()
        {
            if (AdditionalProperty is null) return Array.Empty<KeyValuePair<string, string>>();
            // A JSON object's text (or a PSCustomObject), read as -Option is; anything else is refused there, as the row's.
            if (AdditionalProperty is AdditionalPropertyObject given)
                return ReadObject(given.Given, nameof(AdditionalProperty), InvalidAdditionalPropertyErrorId) is string json
                    ? JsonObjectMembers.Of(json, ReadJsonString) : Array.Empty<KeyValuePair<string, string>>();
            var members = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in AdditionalProperty)
            {
                var name = SubstitutionText.Of(entry.Key);
                // A string is a JSON string here, never parsed: appid = 'abc' sends "appid":"abc".
                if (MemberJson(Unwrapped(entry.Value) is string text ? ContentJson.From(text) : entry.Value, name) is string json)
                    members.Add(new KeyValuePair<string, string>(name, json));
            }
            return members;
        }

        /// <summary>The text of a JSON string literal ("x\"y" is x"y), as the engine reads it.</summary>
        private string ReadJsonString(string literal) => (string)EngineHost.ReadJson(System.Text.Encoding.UTF8.GetBytes(literal))!;

        /// <summary>
        /// A member of -AdditionalProperty's hashtable as JSON: a string is JSON text as written; anything else is turned into
        /// JSON. Either way the engine normalises it. Null when the command refused it (RefuseValue), the member named: a
        /// one-row call's @{ appid = $r.AppId } of a database's NULL is that row's Invalid result, as the same member of a
        /// [pscustomobject] is (ReadObject); before, it stopped the call and the loop's row had no result. Piped, it is the
        /// run's -AdditionalProperty, and stops the command once before anything is sent, as it did.
        /// </summary>
        private string? MemberJson(object? value, string member)
        {
            if (JsonProblem(value, out var json) is not string problem) return json;
            const string whole = ": The value ";
            // "is a database's NULL ...", or what a value inside the member has (": 'x' is ..."), after the member's name.
            var clause = problem.StartsWith(whole, StringComparison.Ordinal) ? problem.Substring(whole.Length) : problem.TrimStart(':', ' ');
            var named = problem.StartsWith(whole, StringComparison.Ordinal) ? "'" + member + "' " + clause : "'" + member + "': " + clause;
            RefuseValue(nameof(AdditionalProperty), InvalidAdditionalPropertyErrorId, "-AdditionalProperty: member " + named,
                new ValidationProblem(nameof(AdditionalProperty), "its member " + named), value);
            return null;
        }

        /// <summary>"-Content is not valid JSON: ...", "-AdditionalProperty: ...": a problem after the parameter's name.</summary>
        private static string Named(string parameter, string problem) =>
            "-" + parameter + (problem.StartsWith(":", StringComparison.Ordinal) ? "" : " ") + problem;

        /// <summary>
        /// <paramref name="value"/> as normalised JSON (<paramref name="json"/>), and what keeps it from being JSON, after the
        /// parameter's name ("is not valid JSON: ...", ": a value that JSON cannot carry"), or null.
        /// </summary>
        private string? JsonProblem(object? value, out string json)
        {
            json = "";
            try
            {
                var unwrapped = Unwrapped(value);
                var text = unwrapped is string given ? given : ContentJson.From(value);
                json = EngineHost.NormalizeJson(text);
                return null;
            }
            catch (FormatException e)
            {
                return "is not valid JSON: " + e.Message;
            }
            catch (ArgumentException e)
            {
                return ": " + e.Message;
            }
        }

        private static object? Unwrapped(object? value) => value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

        private static string Describe(string json) => json.Length == 0 ? "empty"
            : json[0] == '[' ? "an array" : json[0] == '"' ? "a string" : "the value " + (json.Length > 20 ? json.Substring(0, 20) + "..." : json);

        /// <summary>The addresses in one cell: a string, or several in an array.</summary>
        private static IReadOnlyList<ConnectDestination> AddressesIn(object? cell)
        {
            if (cell is PSObject wrapped) cell = wrapped.BaseObject;
            var values = cell is string || cell is null || cell is not IEnumerable items ? new[] { cell } : items.Cast<object?>();
            return values.Select(SubstitutionText.Of).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new ConnectDestination(v)).ToArray();
        }
    }

    /// <summary>Tab completion of -Channel: the channels the vendor lists, with what each one is.</summary>
    public sealed class ChannelNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Complete(ChannelNames.Known, wordToComplete, ChannelNames.Describe);

        internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? word, Func<string, string> describe) =>
            values.Where(v => v.StartsWith((word ?? "").Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, describe(v)));
    }

    /// <summary>Tab completion of -Encoding of Send-ConnectEmail: the character sets it takes.</summary>
    public sealed class EmailCharsetCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ChannelNameCompleter.Complete(EmailCharsets.Known, wordToComplete, name => name == "utf-8" ? "utf-8 (Unicode: every language)" : name);
    }

    /// <summary>
    /// Tab completion of -RequestedReceipt: the receipts of the -Channel already typed, as Send-ConnectSms, Send-ConnectEmail
    /// and Send-ConnectRcs complete theirs; nothing for a channel without a documented list (the service decides).
    /// </summary>
    public sealed class RequestedReceiptCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var channel = fakeBoundParameters?["Channel"] as string;
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return ReceiptTypes.For(ChannelNames.Parse(channel))
                .Where(r => r.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                // "not verified" (email) has a space: quoted, as PowerShell quotes a ValidateSet value.
                .Select(r => new CompletionResult(r.IndexOf(' ') >= 0 ? "'" + r + "'" : r, r, CompletionResultType.ParameterValue, r));
        }
    }

    /// <summary>Tab completion of -DestinationKey: the two keys the v2 API documents.</summary>
    public sealed class DestinationKeyCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ChannelNameCompleter.Complete(new[] { ChannelNames.Msisdn, ChannelNames.Email }, wordToComplete,
                key => key == ChannelNames.Msisdn ? "Phone numbers in E.164 form" : "Email addresses");
    }
}
