using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A place in a row's own content (SendCommandBase.ReadPerRowContent) whose cell the command reads as a list before sending
    /// it, and the columns that give it: an email's Cc and Bcc (addresses) and its Attachment (URLs). RepeatedRows compares the
    /// list each sends, not the cell as written: ' https://…/a.pdf' and 'https://…/a.pdf' attach the same file.
    /// </summary>
    internal sealed class ListCell
    {
        /// <param name="index">Its index in the content.</param>
        /// <param name="listing">What the cell lists.</param>
        /// <param name="parameter">The parameter that binds it.</param>
        /// <param name="columns">The column names that give it (the parameter's name and aliases); by default the parameter's name.</param>
        /// <param name="forRun">True when the command line gave it, for every row: see <see cref="ForRun"/>.</param>
        public ListCell(int index, Listing listing, string parameter, IReadOnlyList<string>? columns = null, bool forRun = false)
        {
            Index = index;
            Lists = listing;
            Parameter = parameter;
            Columns = columns ?? new[] { parameter };
            ForRun = forRun;
        }

        /// <summary>The same place, given on the command line for every row (-Cc boss@x.com) rather than by the rows' columns.</summary>
        public ListCell GivenForRun() => new ListCell(Index, Lists, Parameter, Columns, forRun: true);

        /// <summary>What a cell lists, and so how it is read.</summary>
        internal enum Listing
        {
            /// <summary>Email addresses, as CopyAddresses reads them (a Cc or Bcc cell).</summary>
            Addresses,

            /// <summary>The URLs of files, as EmailAttachments.ReadCell reads them (an Attachment cell).</summary>
            Urls,
        }

        /// <summary>Its index in the content.</summary>
        public int Index { get; }

        /// <summary>What it lists.</summary>
        public Listing Lists { get; }

        /// <summary>The parameter that binds it, as a warning names the field (Cc, Bcc).</summary>
        public string Parameter { get; }

        /// <summary>The column names that give it: none when no column does (an Attachment column with -TemplateId).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>
        /// True for a -Cc (or -Bcc) of the command line: it copies its people on every row's email, as asked, so it makes no
        /// row a repeat of another by itself; but a copy column that names them too reaches no one more (a Bcc column that
        /// repeats -Cc goes in the Cc only; a Cc column that repeats -Bcc takes the -Bcc's place), so RepeatedRows reads its
        /// addresses to compare the copy cells without them.
        /// </summary>
        public bool ForRun { get; }
    }
}
