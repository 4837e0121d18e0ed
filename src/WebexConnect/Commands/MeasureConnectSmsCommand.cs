using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows what an SMS text costs before sending it: encoding, length, parts, and the characters that force Unicode.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ConnectSms")]
    [OutputType(typeof(SmsMeasurement))]
    public sealed class MeasureConnectSmsCommand : PSCmdlet
    {
        // The columns Send-ConnectSms -Text reads as its parameters' values: never its substitutions, so never this one's.
        private static readonly IReadOnlyCollection<string> ReadBySendConnectSms = PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text");

        private DictionaryRowBinding? _dictionaryRows;
        private bool _textOnCommandLine;
        private long _row;
        // The first piped row, when it has no Text column: held until the second row says whether every row lacks one.
        private InputRow? _heldColumns;
        private PSObject? _heldInput;
        // How many texts were measured and how many Send-ConnectSms would refuse, with the first of those: said once at the end.
        private long _measured;
        private long _refused;
        private SmsMeasurement? _firstRefused;
        private IReadOnlyDictionary<string, string> _shared = new Dictionary<string, string>();

        /// <summary>The text to measure, as it will be sent (after substitution).</summary>
        // By property name only, and not Mandatory (DESIGN.md's binding recipe): a string piped by itself arrives as
        // -InputObject, and a row PowerShell could not bind still gets its answer.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -Text (Get-Content file.txt): the file's lines, one text
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Text { get; set; }

        /// <summary>Auto (default) measures as Send-ConnectSms would send; Text or Unicode force an encoding.</summary>
        [Parameter]
        [SmsEncodingArgument] // $PSDefaultParameterValues['*:Encoding'] = 'utf8' reaches it too
        public SmsEncoding Encoding { get; set; } = SmsEncoding.Auto;

        /// <summary>Values for $(name) variables shared by every row, as Send-ConnectSms takes them; a row's own column wins.</summary>
        [Parameter]
        [Alias("Substitutions")] // as on Send-ConnectSms, so its command line can be copied here
        [SubstitutionArgument] // -Substitution $u, as Send-ConnectSms reads it: measured in the loop that sends
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public Hashtable? Substitution { get; set; }

        /// <summary>
        /// Measure a $(name) that no column and no -Substitution key fills as written, and say CanSend as Send-ConnectSms
        /// -AllowMissingSubstitution would; without it such a piped row is CanSend False, as Send-ConnectSms makes it Invalid.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowMissingSubstitution { get; set; }

        /// <summary>
        /// The only columns of each row that fill $(name) variables, as Send-ConnectSms -SubstitutionColumn sends them
        /// (default: every column Send-ConnectSms does not read as a parameter).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CsvColumnCompleter))]
        public string[]? SubstitutionColumn { get; set; }

        /// <summary>
        /// The piped object itself: a string piped by itself is the text to measure, and a row without a Text column is
        /// refused instead of measured as PowerShell's string form "@{Name=...}".
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // Before the first record only the command line's parameters are bound.
            _textOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Text));
            _dictionaryRows = DictionaryRowBinding.For(this);
            // What Send-ConnectSms stops for, this stops for: the command that checks before sending must not say CanSend True.
            if (SubstitutionText.ParameterProblem(Substitution, AllowMissingSubstitution, out var key) is string substitution)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(substitution), SubstitutionText.InvalidSubstitutionErrorId,
                    ErrorCategory.InvalidArgument, key));
            RefuseSubstitutionObject();
            _shared = SubstitutionText.FromHashtable(Substitution);
        }

        /// <summary>
        /// -Substitution given as an object (the row, -Substitution $u): refused as Send-ConnectSms refuses it, one that holds no
        /// values (a text), or a property it leaves out ($null, a list) that -Text uses.
        /// </summary>
        private void RefuseSubstitutionObject()
        {
            string? problem = null, target = null, errorId = SubstitutionText.InvalidSubstitutionErrorId;
            // Nothing piped: the object stands for the row, and only the properties -SubstitutionColumn names fill, as Send-ConnectSms.
            if (!MyInvocation.ExpectingInput && SubstitutionColumn is { Length: > 0 } && Substitution is SubstitutionProperties { Unreadable: null } properties)
            {
                Substitution = properties.Only(SubstitutionColumn, out var missing);
                if (missing is not null)
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-SubstitutionColumn: -Substitution has no property named " +
                        InputEcho.Quote(missing) + ": check the spelling against the CSV header, or leave it out of -SubstitutionColumn."),
                        errorId, ErrorCategory.InvalidArgument, missing));
            }
            if (Substitution is SubstitutionProperties { Unreadable: string unreadable })
            {
                problem = SubstitutionProperties.UnreadableProblem(unreadable);
                target = unreadable;
                errorId = SubstitutionProperties.UnreadableErrorId;
            }
            else if (_textOnCommandLine && Text is string text)
            {
                problem = SubstitutionProperties.UsedLeftOut(Substitution, new[] { new KeyValuePair<string, string>(nameof(Text), text) },
                    AllowMissingSubstitution, out target);
            }
            if (problem is not null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Substitution " + problem + "."), errorId,
                    ErrorCategory.InvalidArgument, target));
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            WriteHeldRow();
            WarnOfRefusedTexts();
        }

        /// <summary>The error of a held first row without a Text column, once the rows after it did not make it every row's.</summary>
        private void WriteHeldRow()
        {
            if (_heldColumns is null) return;
            WriteError(new ErrorRecord(new PSArgumentException(MeasureInput.NoTextColumn(1, _heldColumns)),
                MeasureInput.NoTextColumnErrorId, ErrorCategory.InvalidArgument, _heldInput));
            _heldColumns = null;
            _heldInput = null;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _row++;
            // A piped hashtable's Text key binds as an object's Text property would, for this row only.
            using (_dictionaryRows!.Bind(this, InputObject)) Measure();
        }

        private void Measure()
        {
            var row = InputRow.Read(InputObject);
            if (MeasureInput.IsRowWithoutText(InputObject?.BaseObject, row, _textOnCommandLine))
            {
                // The first row waits for the second, as Send-ConnectSms's MissingContent stop does (HeldFirstRow): one of the
                // same columns makes it the whole CSV's problem, said once; one of another shape may have the column after all.
                if (_row == 1 && MyInvocation.ExpectingInput)
                {
                    _heldColumns = row;
                    _heldInput = InputObject;
                    return;
                }
                if (_heldColumns is { } first && HeldFirstRow.SameShape(first, row))
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentException(MeasureInput.NoTextColumnInAnyRow(first)),
                        MeasureInput.NoTextColumnErrorId, ErrorCategory.InvalidArgument, _heldInput));
                WriteHeldRow();
                WriteError(new ErrorRecord(new PSArgumentException(MeasureInput.NoTextColumn(_row, row)),
                    MeasureInput.NoTextColumnErrorId, ErrorCategory.InvalidArgument, InputObject));
                return;
            }
            WriteHeldRow();

            var text = MeasureInput.TextOf(InputObject?.BaseObject, Text, _textOnCommandLine);
            if (text is null)
            {
                // Piped, it is a $null row (an empty line of a script's array, say); else the command got no input at all.
                var what = MyInvocation.ExpectingInput ? $"Row {_row} is $null: nothing to measure." : "Nothing to measure.";
                WriteError(new ErrorRecord(
                    new PSArgumentException(what + " Give -Text, or pipe strings or objects with a Text property."),
                    MeasureInput.NoTextColumnErrorId, ErrorCategory.InvalidArgument, null));
                return;
            }

            // With -SubstitutionColumn only the named columns fill variables, whether a parameter reads them or not (as Send-ConnectSms).
            var readByParameters = ReadBySendConnectSms;
            var columnProblems = new List<ValidationProblem>();
            var piped = SubstitutionColumn is { Length: > 0 } && row.Columns.Count > 0 ? row : null;
            if (piped is not null)
            {
                row = MeasureInput.NamedColumns(row, SubstitutionColumn!, columnProblems);
                readByParameters = Array.Empty<string>();
            }
            var variableProblems = columnProblems
                .Concat(MeasureInput.VariableProblems(text, row, _shared, readByParameters, AllowMissingSubstitution, piped)).ToList();
            var measurement = SmsCalculator.Measure(MeasureInput.Personalise(text, row, _shared, readByParameters), Encoding).ForRow(_row, variableProblems);
            _measured++;
            if (!measurement.CanSend && _refused++ == 0) _firstRefused = measurement;
            WriteObject(measurement);
        }

        /// <summary>
        /// "Send-ConnectSms would refuse 2 of 3 texts (CanSend False), the first row 2: ...": the default table shows CanSend
        /// False but not why (Reason is in Format-List only), so a CSV measured with a $(Nmae) showed a column of False and
        /// nothing to act on. Said once, after the last row, with the first refused row's Reason and how to see each one's.
        /// </summary>
        private void WarnOfRefusedTexts()
        {
            if (_firstRefused is null) return;
            var reason = _firstRefused.Reason!.TrimEnd('.');
            WriteWarning(_measured == 1
                ? $"Send-ConnectSms would refuse this text (CanSend False): {reason}."
                : string.Format(CultureInfo.InvariantCulture,
                    "Send-ConnectSms would refuse {0} of {1} texts (CanSend False), the first row {2}: {3}. For each one's Reason, pipe the " +
                    "measurements to Where-Object CanSend -eq $false | Format-List Row, Reason.", _refused, _measured, _firstRefused.Row, reason));
        }
    }
}
