using System;
using System.Collections.Generic;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The text an argument transformation could not read and let through in place of a refusal (EnumArgument,
    /// SwitchArgument, RequestedReceiptArgument), kept by parameter for the command to name in its row's Invalid result.
    /// </summary>
    /// <remarks>
    /// A transformation has no handle on the command it binds for, so the text waits here, on the binding thread, until the
    /// command reads it in BeginProcessing. Each transformation sets or clears its parameter's entry every time it runs (a bare
    /// switch and -Switch:$false run it too), so an entry is never one of an earlier command's: a command that has the
    /// parameter bound reads what its own binding left.
    /// </remarks>
    internal static class RefusedArguments
    {
        [ThreadStatic]
        private static Dictionary<string, string>? _refused;

        /// <summary>Keeps <paramref name="text"/>, which <paramref name="parameter"/> could not read.</summary>
        public static void Set(string parameter, string text) =>
            (_refused ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[parameter] = text;

        /// <summary><paramref name="parameter"/> read its latest value: nothing of it is refused.</summary>
        public static void Clear(string parameter) => _refused?.Remove(parameter);

        /// <summary>The text <paramref name="parameter"/> last could not read; null when its latest value was read.</summary>
        public static string? Of(string parameter) => _refused is not null && _refused.TryGetValue(parameter, out var text) ? text : null;
    }
}
