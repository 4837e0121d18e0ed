using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The column names a cmdlet binds by property name (parameter names and their aliases). Read from the
    /// cmdlet's own attributes so that the columns PowerShell consumes and the columns kept out of the
    /// substitutions can never drift apart.
    /// </summary>
    internal static class PipelineColumns
    {
        public static IReadOnlyCollection<string> Of(Type cmdletType)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var byName = property.GetCustomAttributes<ParameterAttribute>(true).Any(p => p.ValueFromPipelineByPropertyName);
                if (!byName) continue;
                names.Add(property.Name);
                foreach (var alias in property.GetCustomAttributes<AliasAttribute>(true).SelectMany(a => a.AliasNames))
                    names.Add(alias);
            }
            return names;
        }
    }
}
