using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A script block given to -Card, -Carousel or -Suggestion of Send-ConnectRcs, run once per piped row with the row as $_:
    /// Import-Csv offers.csv | Send-ConnectRcs -From app -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }
    /// sends each customer their own card in one run (row numbers, batches, one journal). PowerShell's own delay-bind
    /// script block is not used: it skips a row whose block fails with a binder error and no result, so every later row's
    /// number shifts; here a row whose block fails is that row's Invalid result, naming the row and the parameter.
    /// </summary>
    /// <remarks>
    /// The parameter keeps its type (a card, cards, chips): the transformation (<see cref="RowScriptArgumentAttribute"/>) gives
    /// it a stand-in remembered with the block, as an attribute has no place of its own for one command's argument.
    /// </remarks>
    internal sealed class RowScript
    {
        // Weak: the stand-in lives as long as the bound parameter holds it.
        private static readonly ConditionalWeakTable<object, RowScript> OfStandIn = new ConditionalWeakTable<object, RowScript>();

        private readonly ScriptBlock _block;
        private readonly string _parameter;

        private RowScript(ScriptBlock block, string parameter)
        {
            _block = block;
            _parameter = parameter;
        }

        /// <summary>
        /// True when the block may read <paramref name="column"/> of the row: it names the column ($_.Title, $PSItem.Title,
        /// $_.'Image Url', $_['ImageUrl'], or $row.ImageUrl after $row = $_), or hands on the row whole ($_ | New-ConnectRcsCard
        /// reads its cells by name) or in a way its text does not show. Read from the block's syntax once a run, so a row's
        /// warnings need no row run.
        /// </summary>
        /// <remarks>
        /// Before, a match of the column's name anywhere in the block's text: $_['ImageUrl'] counted as the whole row (every
        /// column read, so no warning for one that was not), and a word in a quoted text ('Text us') as a column read.
        /// </remarks>
        /// <param name="column">The column's name as the row spells it.</param>
        public bool MayRead(string column)
        {
            Analyse();
            return _columnsRead is null || _columnsRead.Contains(column);
        }

        /// <summary>
        /// The block's $_['ImageUrl'] reads: as written, the row's name ($_), and the column's. For an Import-Csv row (an object, not a
        /// hashtable) each is always $null: every row's card went without that cell, and nothing said so. Empty for none.
        /// </summary>
        public IReadOnlyList<(string Written, string Row, string Column)> IndexedCells
        {
            get
            {
                Analyse();
                return _indexedCells!;
            }
        }

        // What MayRead and IndexedCells found: the columns named (null for any column), and the $_['...'] reads. Worked out at
        // the first question, once a run.
        private HashSet<string>? _columnsRead;
        private List<(string Written, string Row, string Column)>? _indexedCells;
        private bool _columnsKnown;

        // Pinned in Pester, not xunit: the tests' PowerShellStandard.Library is a reference assembly with no parser behind it.
        private void Analyse()
        {
            if (_columnsKnown) return;
            var row = RowNames(_block.Ast);
            _columnsRead = ColumnsRead(_block.Ast, row);
            _indexedCells = IndexedCellsOf(_block.Ast, row);
            _columnsKnown = true;
        }

        /// <summary>The names the row goes by in <paramref name="block"/>: $_, $PSItem, and $row after $row = $_.</summary>
        private static HashSet<string> RowNames(Ast block)
        {
            var row = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "_", "PSItem" };
            // $row = $_: the row under a name of the admin's, read as $_ is (in the order written, so $r = $row = $_ too).
            foreach (var found in block.FindAll(ast => ast is AssignmentStatementAst, searchNestedScriptBlocks: true))
            {
                var assignment = (AssignmentStatementAst)found;
                if (assignment.Left is VariableExpressionAst name && assignment.Right is CommandExpressionAst { Expression: VariableExpressionAst value } &&
                    row.Contains(value.VariablePath.UserPath))
                    row.Add(name.VariablePath.UserPath);
            }
            return row;
        }

        /// <summary>The columns <paramref name="block"/> reads by a name written in it; null when it may read any.</summary>
        private static HashSet<string>? ColumnsRead(Ast block, HashSet<string> row)
        {
            var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var found in block.FindAll(ast => ast is VariableExpressionAst use && row.Contains(use.VariablePath.UserPath), searchNestedScriptBlocks: true))
            {
                var use = (VariableExpressionAst)found;
                switch (use.Parent)
                {
                    // $_.Title, $_.'Image Url': that cell. $_.PSObject or $_.ToString() may read any.
                    case MemberExpressionAst member when member.Expression == use && member is not InvokeMemberExpressionAst &&
                                                         member.Member is StringConstantExpressionAst name && !name.Value.Equals("PSObject", StringComparison.OrdinalIgnoreCase):
                        read.Add(name.Value);
                        break;
                    // $_['ImageUrl']: that cell, as a hashtable row's key or a DataRow's column.
                    case IndexExpressionAst index when index.Target == use && index.Index is StringConstantExpressionAst key:
                        read.Add(key.Value);
                        break;
                    // $row = $_: the name given above, whose reads count; $row = something else: not the row.
                    case AssignmentStatementAst assignment when assignment.Left == use:
                    case CommandExpressionAst { Parent: AssignmentStatementAst { Left: VariableExpressionAst } }:
                        break;
                    default:
                        return null;
                }
            }
            return read;
        }

        /// <summary>Each $_['Column'] of <paramref name="block"/> (on any name of the row), as written, with its column.</summary>
        private static List<(string Written, string Row, string Column)> IndexedCellsOf(Ast block, HashSet<string> row)
        {
            var cells = new List<(string Written, string Row, string Column)>();
            foreach (var found in block.FindAll(ast => ast is IndexExpressionAst { Target: VariableExpressionAst use, Index: StringConstantExpressionAst } &&
                                                       row.Contains(use.VariablePath.UserPath), searchNestedScriptBlocks: true))
            {
                var index = (IndexExpressionAst)found;
                cells.Add((index.Extent.Text, index.Target.Extent.Text, ((StringConstantExpressionAst)index.Index).Value));
            }
            return cells;
        }

        /// <summary>Remembers <paramref name="block"/> as what <paramref name="standIn"/> stands for.</summary>
        /// <param name="standIn">The value the parameter is bound to in the block's place.</param>
        /// <param name="block">The script block given.</param>
        /// <param name="parameter">The parameter's name, for the row's error.</param>
        public static void Remember(object standIn, ScriptBlock block, string parameter) => OfStandIn.Add(standIn, new RowScript(block, parameter));

        /// <summary>The script block a bound value stands for (the value, or the first item of a list); null for a value given as itself.</summary>
        /// <param name="bound">The parameter's value.</param>
        public static RowScript? Of(object? bound)
        {
            var key = bound is Array { Length: 1 } list ? list.GetValue(0) : bound;
            return key is not null && OfStandIn.TryGetValue(key, out var script) ? script : null;
        }

        /// <summary>
        /// What the block writes for <paramref name="row"/> (its $_), or the words of its failure in <paramref name="failure"/>.
        /// A non-terminating error inside it fails it too ($ErrorActionPreference Stop in its scope): a card that New-ConnectRcsCard
        /// refused is no card to send, and the row says why.
        /// </summary>
        /// <param name="row">The piped row; null when nothing is piped.</param>
        /// <param name="failure">Null, or what went wrong, for the row's Invalid result.</param>
        public Collection<PSObject>? Run(object? row, out string? failure)
        {
            failure = null;
            var variables = new List<PSVariable>
            {
                new PSVariable("_", row),
                new PSVariable("ErrorActionPreference", ActionPreference.Stop),
            };
            try
            {
                return _block.InvokeWithContext(null, variables);
            }
            // Ctrl+C or Select-Object -First stops the run, not the row.
            catch (RuntimeException error) when (error is not PipelineStoppedException)
            {
                var command = error.ErrorRecord?.InvocationInfo?.MyCommand?.Name;
                // A command's error that the Stop above made a stop: its own words, not "The running command stopped because the
                // preference variable ... is set to Stop:" before them (New-ConnectRcsCard writes, rather than throws, a card it refuses).
                var said = error is ActionPreferenceStopException && error.ErrorRecord?.Exception is { } written ? written.Message : error.Message;
                failure = $"the script block of -{_parameter} failed for this row: " +
                          (string.IsNullOrEmpty(command) ? "" : command + ": ") + said.TrimEnd('.') +
                          ". Correct the row's cells, or the script block";
                return null;
            }
        }
    }
}
