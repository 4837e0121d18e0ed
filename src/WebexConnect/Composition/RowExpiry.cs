using System;
using System.Collections.Generic;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Each row's expiry: -ExpireAt and -Validity as the command line or the row's ExpireAt and Validity columns gave them, the
    /// values its message carries, and the problems that make only that row Invalid: a cell that is no time or no duration
    /// (its mark), both given for the row (the service refuses a message with both), one of them from a column beside the
    /// other from the command line. Limits (a time in the past, an SMS valid over 72 hours) are the message's checks, per
    /// row for a column's value as for any other.
    /// </summary>
    internal sealed class RowExpiry
    {
        private readonly bool _expireAtGiven;
        private readonly bool _validityGiven;

        /// <param name="expireAtGiven">-ExpireAt was given on the command line: its value is every row's, and its column is not read.</param>
        /// <param name="validityGiven">-Validity was given on the command line.</param>
        public RowExpiry(bool expireAtGiven, bool validityGiven)
        {
            _expireAtGiven = expireAtGiven;
            _validityGiven = validityGiven;
        }

        /// <summary>
        /// Reads the row's <paramref name="expireAt"/> and <paramref name="validity"/> as bound, and leaves in them what its
        /// message carries: no mark, and not both. Returns the row's problems, null for none (every row without an expiry).
        /// </summary>
        public List<ValidationProblem>? Read(ref DateTimeOffset? expireAt, ref TimeSpan? validity)
        {
            if (expireAt is null && validity is null) return null;
            List<ValidationProblem>? problems = null;
            if (UnreadableTime.Of(expireAt) is { } time)
            {
                expireAt = null;
                (problems ??= new List<ValidationProblem>(2)).Add(NotATime("ExpireAt", time, "for no expiry"));
            }
            if (UnreadableDuration.Of(validity) is { } duration)
            {
                validity = null;
                (problems ??= new List<ValidationProblem>(2)).Add(new ValidationProblem("Validity",
                    "the Validity column's " + duration.Reason + ", or leave the cell empty for no validity"));
            }
            if (expireAt is DateTimeOffset at && validity is TimeSpan span)
            {
                (problems ??= new List<ValidationProblem>(1)).Add(Both(at, span));
                // The command line's value stays the row's: the first row's checks must not take the column's for its.
                if (!_expireAtGiven) expireAt = null;
                if (!_validityGiven) validity = null;
            }
            return problems;
        }

        private ValidationProblem Both(DateTimeOffset expireAt, TimeSpan validity)
        {
            var time = CommonRules.FormatWithLocal(expireAt, TimeZoneInfo.Local);
            var duration = ValidityText.Written(validity);
            if (_validityGiven)
                return new ValidationProblem("ExpireAt", $"the ExpireAt column's {time} comes with -Validity {duration} from the command line, " +
                    "and the service takes one of them: leave out -Validity to give each row its ExpireAt, or leave the cell empty");
            if (_expireAtGiven)
                return new ValidationProblem("Validity", $"the Validity column's {duration} comes with -ExpireAt {time} from the command line, " +
                    "and the service takes one of them: leave out -ExpireAt to give each row its Validity, or leave the cell empty");
            return new ValidationProblem("Validity", $"the row has both an ExpireAt ({time}) and a Validity ({duration}), " +
                "and the service takes one of them: leave one of the two cells empty");
        }

        /// <summary>
        /// The problem of a row whose <paramref name="column"/> cell is no time: "the SendAt column's 'next tuesday' is not a
        /// time: write it in ISO 8601 ..., or leave the cell empty to send the row now".
        /// </summary>
        /// <param name="column">The parameter and its column (SendAt, ExpireAt).</param>
        /// <param name="unreadable">The cell's mark.</param>
        /// <param name="emptyCell">What an empty cell means, after "leave the cell empty".</param>
        internal static ValidationProblem NotATime(string column, UnreadableTime.Unreadable unreadable, string emptyCell) =>
            new ValidationProblem(column, "the " + column + " column's " + InputEcho.Quote(unreadable.Text) + " is not a time" +
                (unreadable.Reason.Contains("Unix time") ? " (nor a Unix time in seconds)" : "") +
                ": write it in ISO 8601, '2026-12-03T09:00:00+01:00', or '2026-12-03 09:00' in this computer's time zone, or leave the cell empty " + emptyCell);
    }
}
