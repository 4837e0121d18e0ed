using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Messages.Sms
{
    /// <summary>
    /// SmsMeasurement.UnicodeCharacters: a read-only list whose text is its characters separated by spaces, as the
    /// default table shows them, so that Export-Csv writes "😀 –" rather than the list's type name. A character that
    /// prints as nothing or as a space is written \uXXXX there (<see cref="InputEcho.Character"/>); the list holds it as it is.
    /// </summary>
    internal sealed class CharacterList : ReadOnlyCollection<string>
    {
        public CharacterList(IList<string> characters)
            : base(characters)
        {
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(" ", this.Select(InputEcho.Character));
    }
}
