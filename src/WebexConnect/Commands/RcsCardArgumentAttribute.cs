using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Makes a card that was saved to a file and read back a card again, for -Card and -Carousel: ConvertTo-Json then
    /// ConvertFrom-Json, or Export-Clixml then Import-Clixml, give a property bag with the card's own property names (and
    /// ConvertTo-Json writes the enums as numbers). PowerShell fills a card from such a bag by itself except its
    /// Suggestions, a list it cannot make from an array, so every saved card was refused with 'Cannot convert the
    /// "System.Object[]" value ... to type "IReadOnlyList`1[RcsSuggestion]"' (a card from Import-Clixml, more obscurely,
    /// as 'Cannot convert the "Sale" value'). A card in the vendor's JSON, its image under media {url, height}, reads
    /// the same way. The card read is then checked as any other before anything is sent. A card, and anything that is
    /// no property bag, is left to PowerShell's binder as it was.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class RcsCardArgumentAttribute : ArgumentTransformationAttribute
    {
        private const string Members = "Title, Description, MediaUrl (or Image, ImageUrl), MediaHeight, Orientation, ThumbnailAlignment and Suggestions";

        /// <summary>
        /// Each name a member of a card is read by: New-ConnectRcsCard's parameter names and their aliases (a product
        /// list's Image column), so a row given to -Card reads as the same row piped to New-ConnectRcsCard. Before, its
        /// Image column was refused as "a member that a card has not". Read from the parameters: one list of names.
        /// </summary>
        private static readonly Dictionary<string, string> MemberOfName = typeof(NewConnectRcsCardCommand).GetProperties()
            .Where(p => p.IsDefined(typeof(ParameterAttribute), inherit: false))
            .SelectMany(p => new[] { p.Name }.Concat(p.GetCustomAttributes(typeof(AliasAttribute), inherit: false)
                .Cast<AliasAttribute>().SelectMany(a => a.AliasNames)).Select(name => (name, member: p.Name)))
            .ToDictionary(n => n.name, n => n.member, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// True for -Card, which takes one card: a list of one (@($card), or a pipeline's output that held one card) is
        /// that card, where PowerShell refused it with "Cannot convert 'System.Object[]' ... Specified method is not supported".
        /// </summary>
        public bool Single { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrapped(inputData);
            // No card at all (most often a CSV whose every row failed in New-ConnectRcsCard) is left to RcsRules, which says how many
            // cards a carousel takes: the one row's Invalid result for a call with nothing piped, the command's stop for piped rows.
            if (value is IList list && value is not IDictionary)
            {
                var items = list.Cast<object?>().ToArray();
                if (Single)
                {
                    if (items.Length != 1)
                        throw new ArgumentTransformationMetadataException(string.Format(CultureInfo.InvariantCulture,
                            "-Card takes one card, and {0} were given: give 2 to 10 cards to -Carousel, or one to -Card.", items.Length));
                    return Transform(engineIntrinsics, items[0]);
                }
                for (var i = 0; i < items.Length; i++)
                    if (Unwrapped(items[i]) is string text) throw TextGiven(text, $"[{i}]");
                if (!items.Any(item => IsPropertyBag(Unwrapped(item)))) return inputData;
                return items.Select((item, index) => IsPropertyBag(Unwrapped(item)) ? Read(Unwrapped(item)!, $"[{index}]") : item).ToArray();
            }
            if (value is string given) throw TextGiven(given, "");
            return IsPropertyBag(value) ? Read(value!, "") : inputData;
        }

        /// <summary>
        /// A text where a card belongs: the name of a saved card's file (Tab offers file names here) or a title. Before,
        /// PowerShell's 'Cannot convert the "./card.json" value of type "System.String"' said neither what a card is nor
        /// how to read a saved one.
        /// </summary>
        private ArgumentTransformationMetadataException TextGiven(string text, string index) =>
            new ArgumentTransformationMetadataException((Single ? "-Card" : "-Carousel" + index) + " takes a card from " +
                $"New-ConnectRcsCard, not the text {InputEcho.Quote(text)}: make it first ($card = New-ConnectRcsCard -Title ... " +
                "-MediaUrl ...) and give $card. A card saved as JSON reads back with (Get-Content <file> -Raw | ConvertFrom-Json).");

        // A [pscustomobject] (ConvertFrom-Json, Import-Clixml's Deserialized.* objects) stays wrapped: its properties are the PSObject's.
        private static object? Unwrapped(object? value) =>
            value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

        private static bool IsPropertyBag(object? value) => value is IDictionary || value is PSObject;

        private static RcsCard Read(object bag, string index)
        {
            var row = bag is IDictionary dictionary ? InputRow.FromDictionary(dictionary) : InputRow.Read((PSObject)bag);
            string? title = null, description = null, mediaUrl = null;
            RcsMediaHeight? mediaHeight = null;
            RcsCardOrientation? orientation = null;
            RcsThumbnailAlignment? alignment = null;
            RcsSuggestion[] suggestions = Array.Empty<RcsSuggestion>();
            foreach (var column in row.Columns)
            {
                var member = $"the card{index}'s {column.Key}";
                var name = MemberOfName.TryGetValue(column.Key, out var parameter) ? parameter : column.Key;
                switch (name.ToUpperInvariant())
                {
                    case "TITLE": title = As<string>(column.Value, member); break;
                    case "DESCRIPTION": description = As<string>(column.Value, member); break;
                    case "MEDIAURL": mediaUrl = As<string>(column.Value, member); break;
                    case "MEDIAHEIGHT": mediaHeight = As<RcsMediaHeight?>(column.Value, member); break;
                    case "ORIENTATION": orientation = As<RcsCardOrientation?>(column.Value, member); break;
                    case "THUMBNAILALIGNMENT": alignment = As<RcsThumbnailAlignment?>(column.Value, member); break;
                    case "SUGGESTION":
                    case "SUGGESTIONS": suggestions = As<RcsSuggestion[]>(column.Value, member) ?? Array.Empty<RcsSuggestion>(); break;
                    case "MEDIA":
                        // The vendor's richCard: "media": {"height": "MEDIUM", "url": "https://..."}.
                        var media = column.Value is null ? null : PSObject.AsPSObject(column.Value);
                        mediaUrl = As<string>(InputRow.ValueOf(media, "url"), member + ".url");
                        mediaHeight = As<RcsMediaHeight?>(InputRow.ValueOf(media, "height"), member + ".height");
                        break;
                    default:
                        throw new ArgumentTransformationMetadataException(
                            $"The card{index} has a member '{column.Key}' that a card has not: a card has {Members} " +
                            "(build one with New-ConnectRcsCard).");
                }
            }
            return new RcsCard
            {
                // An empty value is a field not given, as New-ConnectRcsCard reads an empty CSV cell.
                Title = string.IsNullOrEmpty(title) ? null : title,
                Description = string.IsNullOrEmpty(description) ? null : description,
                MediaUrl = string.IsNullOrEmpty(mediaUrl) ? null : mediaUrl,
                MediaHeight = mediaHeight,
                Orientation = orientation,
                ThumbnailAlignment = alignment,
                Suggestions = suggestions,
            };
        }

        private static T? As<T>(object? value, string member)
        {
            if (value is null || (value is PSObject { BaseObject: string empty } && empty.Length == 0) || value is "") return default;
            try
            {
                return (T?)LanguagePrimitives.ConvertTo(value, typeof(T), CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException e)
            {
                throw new ArgumentTransformationMetadataException($"{char.ToUpperInvariant(member[0])}{member.Substring(1)}: {e.Message}", e);
            }
        }
    }
}
