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

        /// <summary>Each parameter of the cmdlet that binds by property name.</summary>
        public static IEnumerable<ByNameParameter> ByName(Type cmdletType)
        {
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // Attribute metadata rather than attribute instances: it reads the same in PowerShell and
                // against the reference-only PowerShell assembly the tests compile with. One attribute per set.
                var sets = CustomAttributeData.GetCustomAttributes(property)
                    .Where(a => a.AttributeType == typeof(ParameterAttribute) && a.NamedArguments.Any(n =>
                        n.MemberName == nameof(ParameterAttribute.ValueFromPipelineByPropertyName) && Equals(n.TypedValue.Value, true)))
                    .Select(a => a.NamedArguments.Where(n => n.MemberName == nameof(ParameterAttribute.ParameterSetName))
                        .Select(n => (string?)n.TypedValue.Value).FirstOrDefault() ?? ParameterAttribute.AllParameterSets)
                    .ToArray();
                if (sets.Length == 0) continue;
                var names = new List<string> { property.Name };
                names.AddRange(AliasesOf(property));
                yield return new ByNameParameter(property, names, sets);
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
            foreach (var parameter in ByName(cmdletType))
            {
                if (!parameter.TakesOneValue) continue;
                foreach (var name in parameter.Names) names[name] = parameter.Property.Name;
            }
            return names;
        }

        private static IEnumerable<string> AliasesOf(PropertyInfo property) =>
            CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(AliasAttribute)).SelectMany(StringArguments);

        /// <summary>The strings of an attribute built with a params string[] constructor.</summary>
        internal static IEnumerable<string> StringArguments(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.SelectMany(argument => argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items
                ? items.Select(i => (string)i.Value!)
                : new[] { (string)argument.Value! });
    }

    /// <summary>A parameter that binds by property name: its property, its name then its aliases, and its parameter sets.</summary>
    internal sealed class ByNameParameter
    {
        private readonly IReadOnlyList<string> _sets;

        public ByNameParameter(PropertyInfo property, IReadOnlyList<string> names, IReadOnlyList<string> sets)
        {
            Property = property;
            Names = names;
            _sets = sets;
        }

        public PropertyInfo Property { get; }

        /// <summary>The parameter's name, then its aliases in declaration order.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>A string rather than an array: PowerShell skips it silently when the column holds a list.</summary>
        public bool TakesOneValue => !Property.PropertyType.IsArray;

        /// <summary>True when it binds in that parameter set (or in all).</summary>
        public bool BindsIn(string parameterSet) =>
            _sets.Any(s => s == ParameterAttribute.AllParameterSets || string.Equals(s, parameterSet, StringComparison.OrdinalIgnoreCase));
    }
}
