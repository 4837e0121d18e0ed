using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
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
            foreach (var parameter in ByName(cmdletType))
                foreach (var name in parameter.Names) names.Add(name);
            return names;
        }

        /// <summary>
        /// Each parameter that binds by property name: its property, its name then its aliases, and the parameter
        /// sets it binds in (<see cref="ParameterAttribute.AllParameterSets"/> for all).
        /// </summary>
        public static IEnumerable<(PropertyInfo Property, IReadOnlyList<string> Names, IReadOnlyList<string> Sets)> ByName(Type cmdletType)
        {
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var sets = ByNameAttributes(property)
                    .Select(a => a.NamedArguments.Where(n => n.MemberName == nameof(ParameterAttribute.ParameterSetName))
                        .Select(n => (string?)n.TypedValue.Value).FirstOrDefault() ?? ParameterAttribute.AllParameterSets)
                    .ToArray();
                if (sets.Length == 0) continue;
                var names = new List<string> { property.Name };
                names.AddRange(AliasesOf(property));
                yield return (property, names, sets);
            }
        }

        /// <summary>
        /// The column names that give a row its destination: -To's name and its aliases, in declaration order, as
        /// the error for a row without one lists them.
        /// </summary>
        public static IReadOnlyList<string> DestinationsOf(Type cmdletType)
        {
            var to = cmdletType.GetProperty("To", BindingFlags.Public | BindingFlags.Instance);
            if (to is null) return Array.Empty<string>();
            var names = new List<string> { to.Name };
            names.AddRange(AliasesOf(to));
            return names;
        }

        /// <summary>
        /// The columns bound by name to a parameter that takes one value (a string, not an array), each with
        /// its parameter's name. PowerShell silently skips such a parameter when the column holds a list, so
        /// the row would go without it (a CorrelationId array sent no correlation ID at all).
        /// </summary>
        public static IReadOnlyDictionary<string, string> SingleValued(Type cmdletType)
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType.IsArray || !BindsByName(property)) continue;
                names[property.Name] = property.Name;
                foreach (var alias in AliasesOf(property)) names[alias] = property.Name;
            }
            return names;
        }

        // Attribute metadata rather than attribute instances: it reads the same in PowerShell and against the
        // reference-only PowerShell assembly the tests compile with.
        private static IEnumerable<string> AliasesOf(PropertyInfo property) =>
            CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(AliasAttribute)).SelectMany(StringArguments);

        private static bool BindsByName(PropertyInfo property) => ByNameAttributes(property).Any();

        // The property's [Parameter] attributes that bind by property name (one per parameter set).
        private static IEnumerable<CustomAttributeData> ByNameAttributes(PropertyInfo property) =>
            CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(ParameterAttribute) &&
                a.NamedArguments.Any(n => n.MemberName == nameof(ParameterAttribute.ValueFromPipelineByPropertyName) && Equals(n.TypedValue.Value, true)));

        /// <summary>The strings of an attribute built with a params string[] constructor.</summary>
        internal static IEnumerable<string> StringArguments(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.SelectMany(argument => argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items
                ? items.Select(i => (string)i.Value!)
                : new[] { (string)argument.Value! });
    }
}
