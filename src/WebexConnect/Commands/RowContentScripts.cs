using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The script blocks Send-ConnectRcs was given for -Card, -Carousel and -Suggestion (<see cref="RowScript"/>), and what they
    /// made for the current row: its card, its cards, its chips, or the problem that makes the row Invalid.
    /// </summary>
    internal sealed class RowContentScripts
    {
        private readonly RowScript? _card;
        private readonly RowScript? _carousel;
        private readonly RowScript? _suggestion;

        private RowContentScripts(RowScript? card, RowScript? carousel, RowScript? suggestion)
        {
            _card = card;
            _carousel = carousel;
            _suggestion = suggestion;
        }

        /// <summary>The scripts among the bound values; null when each was given as itself (the usual command).</summary>
        /// <param name="card">-Card as bound.</param>
        /// <param name="carousel">-Carousel as bound.</param>
        /// <param name="suggestion">-Suggestion as bound.</param>
        public static RowContentScripts? Of(RcsCard? card, RcsCard[]? carousel, RcsSuggestion[]? suggestion)
        {
            var scripts = new RowContentScripts(RowScript.Of(card), RowScript.Of(carousel), RowScript.Of(suggestion));
            return scripts._card is null && scripts._carousel is null && scripts._suggestion is null ? null : scripts;
        }

        /// <summary>The parameters given as script blocks: their values are each row's, not the run's.</summary>
        public IEnumerable<string> Parameters
        {
            get
            {
                if (_card is not null) yield return "Card";
                if (_carousel is not null) yield return "Carousel";
                if (_suggestion is not null) yield return "Suggestion";
            }
        }

        /// <summary>True when one of the scripts may read <paramref name="column"/> of the row (<see cref="RowScript.MayRead"/>).</summary>
        /// <param name="column">The column's name as the row spells it.</param>
        public bool MayRead(string column) =>
            _card?.MayRead(column) == true || _carousel?.MayRead(column) == true || _suggestion?.MayRead(column) == true;

        /// <summary>
        /// The warning for a script that reads a cell as $_['ImageUrl'] when <paramref name="row"/> is an Import-Csv row (an
        /// object, not a hashtable): the cell is always $null, and every card went without it, unwarned. Null for none, and for a
        /// hashtable or DataRow row, whose cells that does read.
        /// </summary>
        /// <param name="row">A piped row.</param>
        public string? IndexedCellsWarning(PSObject row)
        {
            if (row.BaseObject is not PSCustomObject) return null;
            var written = new List<string>();
            var instead = new List<string>();
            var blocks = new List<string>();
            foreach (var (script, parameter) in new[] { (_card, "Card"), (_carousel, "Carousel"), (_suggestion, "Suggestion") })
            {
                if (script is null) continue;
                foreach (var cell in script.IndexedCells)
                {
                    if (written.Contains(cell.Written)) continue;
                    written.Add(cell.Written);
                    // $_['Image Url'] -> $_.'Image Url', on the row's name as written ($_, $PSItem, $row).
                    instead.Add(cell.Row + "." + (Regex.IsMatch(cell.Column, @"^[A-Za-z_][A-Za-z0-9_]*$")
                        ? cell.Column : "'" + cell.Column.Replace("'", "''") + "'"));
                }
                if (script.IndexedCells.Count > 0) blocks.Add("-" + parameter);
            }
            if (written.Count == 0) return null;
            return $"In the {string.Join(" and ", blocks)} script block, " +
                   (written.Count == 1 ? $"{written[0]} is" : string.Join(", ", written) + " are") +
                   " always $null for an Import-Csv row (an object, not a hashtable), so no row gets its " +
                   (written.Count == 1 ? "cell" : "cells") + ": write " + string.Join(", ", instead) + ".";
        }

        /// <summary>The row's card from the -Card script; null without one, or when it failed.</summary>
        public RcsCard? Card { get; private set; }

        /// <summary>The row's cards from the -Carousel script; null without one, or when it failed.</summary>
        public RcsCard[]? Cards { get; private set; }

        /// <summary>The row's chips from the -Suggestion script (none is none); null without one, or when it failed.</summary>
        public RcsSuggestion[]? Suggestions { get; private set; }

        /// <summary>The row's card: the script's (null when it failed), else <paramref name="given"/>.</summary>
        /// <param name="given">-Card as given.</param>
        public RcsCard? CardOr(RcsCard? given) => _card is null ? given : Card;

        /// <summary>The row's cards: the script's (none when it failed), else <paramref name="given"/>.</summary>
        /// <param name="given">-Carousel as given.</param>
        public RcsCard[]? CardsOr(RcsCard[]? given) => _carousel is null ? given : Cards ?? Array.Empty<RcsCard>();

        /// <summary>The row's chips: the script's (none when it failed), else <paramref name="given"/>.</summary>
        /// <param name="given">-Suggestion as given.</param>
        public RcsSuggestion[]? SuggestionsOr(RcsSuggestion[]? given) => _suggestion is null ? given : Suggestions;

        /// <summary>Why the row cannot be sent, when a script failed or made something else than it should; else null.</summary>
        public ValidationProblem? Problem { get; private set; }

        /// <summary>Runs each script for <paramref name="row"/> (its $_), once.</summary>
        /// <param name="row">The piped row; null when nothing is piped.</param>
        public void Read(object? row)
        {
            Problem = null;
            Card = _card is null ? null : Made<RcsCard>(_card, "Card", row, AsCard);
            Cards = _carousel is null ? null : Made<RcsCard[]>(_carousel, "Carousel", row, AsCards);
            Suggestions = _suggestion is null ? null : Made<RcsSuggestion[]>(_suggestion, "Suggestion", row, AsSuggestions);
            // What a block's New-ConnectRcsCard or New-ConnectRcsSuggestion noted of a card or chip it refused is this row's story,
            // told by Problem: forgotten, so that a later statement's $null card or chip is never blamed on it.
            UnmadeCard.Take();
            UnmadeSuggestions.Take(0);
        }

        /// <summary>What a script's output is read as; null with what it was instead in <c>wrong</c> ("no card").</summary>
        private delegate T? Reader<T>(Collection<PSObject> output, out string? wrong);

        private T? Made<T>(RowScript script, string parameter, object? row, Reader<T> read)
            where T : class
        {
            // The first failure is the row's story: a later script is not run for it.
            if (Problem is not null) return null;
            var output = script.Run(row, out var failure);
            if (output is not null)
            {
                try
                {
                    if (read(output, out var wrong) is T made) return made;
                    failure = $"for this row, the script block of -{parameter} made {wrong}: make it write " +
                              (parameter == "Suggestion" ? "what New-ConnectRcsSuggestion makes" : "what New-ConnectRcsCard makes") +
                              (parameter == "Card" ? ", once" : "");
                }
                catch (ArgumentTransformationMetadataException unread)
                {
                    // A property bag that is no card: the words -Card and -Carousel have for one given as itself.
                    failure = $"for this row, the script block of -{parameter} made something that is no card: " + unread.Message.TrimEnd('.');
                }
            }
            Problem = new ValidationProblem(parameter, failure!);
            return null;
        }

        private static RcsCard? AsCard(Collection<PSObject> output, out string? wrong)
        {
            if (output.Count != 1)
            {
                wrong = output.Count == 0 ? "no card" : output.Count + " objects, not one card";
                return null;
            }
            return One<RcsCard>(Transformed(output[0], single: true), "a card", out wrong);
        }

        private static RcsCard[]? AsCards(Collection<PSObject> output, out string? wrong)
        {
            wrong = null;
            // None is a carousel of 0 cards, which the rules refuse as they refuse one of 1.
            if (output.Count == 0) return Array.Empty<RcsCard>();
            var cards = Transformed(output.Select(o => (object?)o).ToArray(), single: false);
            return AllOf<RcsCard>(cards is object[] list ? list : new[] { cards }, "a card", out wrong);
        }

        private static RcsSuggestion[]? AsSuggestions(Collection<PSObject> output, out string? wrong) =>
            AllOf<RcsSuggestion>(output.Select(o => (object?)o).ToArray(), "a chip", out wrong);

        /// <summary>A saved card (a property bag) read as a card, as -Card and -Carousel read one given as itself.</summary>
        private static object? Transformed(object? value, bool single)
        {
            // A text is told as a text, not as a card's saved file (what the transformation takes it for on the command line).
            if (value is string or PSObject { BaseObject: string }) return value;
            if (value is object[] items && items.Any(i => i is string or PSObject { BaseObject: string })) return value;
            return new RcsCardArgumentAttribute { Single = single }.Transform(null!, value);
        }

        private static T[]? AllOf<T>(object?[] values, string what, out string? wrong)
            where T : class
        {
            var all = new T[values.Length];
            wrong = null;
            for (var i = 0; i < values.Length; i++)
                if ((all[i] = One<T>(values[i], what, out wrong)!) is null) return null;
            return all;
        }

        private static T? One<T>(object? value, string what, out string? wrong)
            where T : class
        {
            var item = value is PSObject wrapped ? wrapped.BaseObject : value;
            wrong = item switch
            {
                T => null,
                null => "$null, not " + what,
                string text => "the text " + InputEcho.Quote(text) + ", not " + what,
                _ => "a " + item.GetType().Name + ", not " + what,
            };
            return item as T;
        }
    }
}
