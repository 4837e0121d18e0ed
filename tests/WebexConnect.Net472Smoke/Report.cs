using System;

namespace WebexConnect.Net472Smoke
{
    /// <summary>One line per check, "PASS name: why" or "FAIL name: why"; .ci/run counts these lines.</summary>
    internal sealed class Report
    {
        public int Passed { get; private set; }
        public int Failed { get; private set; }

        public void Check(string name, bool ok, string reason)
        {
            if (ok) Passed++;
            else Failed++;
            Console.WriteLine((ok ? "PASS " : "FAIL ") + name + ": " + reason);
        }

        /// <summary>Runs a check; an exception is a failure that names the exception, never a crash of the run.</summary>
        public void Run(string name, Func<(bool Ok, string Reason)> check)
        {
            (bool Ok, string Reason) outcome;
            try
            {
                outcome = check();
            }
            catch (Exception ex)
            {
                outcome = (false, "threw " + Describe(ex));
            }
            Check(name, outcome.Ok, outcome.Reason);
        }

        public static string Describe(Exception ex)
        {
            var text = ex.GetType().FullName + ": " + ex.Message;
            for (var inner = ex.InnerException; inner != null; inner = inner.InnerException)
                text += " --> " + inner.GetType().FullName + ": " + inner.Message;
            return text;
        }

        public static void Info(string text) => Console.WriteLine("  " + text);
    }
}
