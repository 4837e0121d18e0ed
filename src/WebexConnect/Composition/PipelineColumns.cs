using System;
using System.Collections.Concurrent;
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
        /// <param name="cmdletType">The cmdlet.</param>
        /// <param name="parameterSet">
        /// The invocation's parameter set: a parameter binds a column only there (with -TemplateId, a Subject column
        /// sets nothing and is a substitution like any other). Null: every set.
        /// </param>
        public static IReadOnlyCollection<string> Of(Type cmdletType, string? parameterSet = null)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in ByName(cmdletType))
                if (parameterSet is null || parameter.BindsIn(parameterSet))
                    foreach (var name in parameter.Names) names.Add(name);
            // And those the module reads from the row itself (-ExpireAt, -Validity): their columns are the command's too.
            foreach (var parameter in ParametersOf(cmdletType))
                if (parameter.RowColumnSets is not null && (parameterSet is null || parameter.IsIn(parameterSet)))
                    foreach (var name in parameter.Names) names.Add(name);
            return names;
        }

        /// <summary>
        /// The names (and aliases) of the parameters that a column cannot set in <paramref name="parameterSet"/>, each
        /// with its parameter's name: the ones that take no pipeline input by property name there and whose column the
        /// module does not read either (From, CallbackData, Tag1), and those of other sets that take none anywhere
        /// (Send-ConnectRcs -MediaUrl and -Card when the command was given -Text). PowerShell leaves a column of that name
        /// alone, so it would go out as a substitution: a MediaUrl column beside -Text sent no image, and said nothing.
        /// </summary>
        public static IReadOnlyDictionary<string, string> NotFromColumns(Type cmdletType, string parameterSet)
        {
            var bound = Of(cmdletType, parameterSet);
            // A column named like another set's text parameter that binds by name there (Send-ConnectEmail's Subject beside
            // -TemplateId) is a substitution on purpose: the template may read $(Subject). Not one of another kind: a ReplyTo
            // column beside -TemplateId set no reply-to, and without this warning it said nothing.
            var boundInAnySet = Of(cmdletType);
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in ParametersOf(cmdletType))
            {
                var name = parameter.Property.Name;
                // The piped object itself (-InputObject).
                if (parameter.ValueFromPipeline) continue;
                if (bound.Contains(name)) continue;
                if (!parameter.IsIn(parameterSet) && boundInAnySet.Contains(name) &&
                    Array.IndexOf(Commands.ExpandedSubstitutions.SendParameters, name) >= 0) continue;
                foreach (var column in parameter.Names) names[column] = name;
            }
            return names;
        }

        /// <summary>
        /// The parameters that are not in <paramref name="parameterSet"/> (Send-ConnectRcs -MediaUrl beside -Text): the
        /// advice for a column named like one is to give it in place of what the command line gave, not beside it.
        /// </summary>
        public static IReadOnlyCollection<string> OfOtherSets(Type cmdletType, string parameterSet)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in ParametersOf(cmdletType))
                if (!parameter.IsIn(parameterSet)) names.Add(parameter.Property.Name);
            return names;
        }

        /// <summary>The parameter set a [Parameter] attribute declares (AllParameterSets when it names none).</summary>
        private static string SetOf(CustomAttributeData parameter) =>
            parameter.NamedArguments.Where(n => n.MemberName == nameof(ParameterAttribute.ParameterSetName))
                .Select(n => (string?)n.TypedValue.Value).FirstOrDefault() ?? ParameterAttribute.AllParameterSets;

        private static bool IsTrue(CustomAttributeData parameter, string member) =>
            parameter.NamedArguments.Any(n => n.MemberName == member && Equals(n.TypedValue.Value, true));

        /// <summary>Each parameter of the cmdlet that binds by property name.</summary>
        public static IEnumerable<ByNameParameter> ByName(Type cmdletType) => ByNameOf.GetOrAdd(cmdletType, ReadByName);

        /// <summary>
        /// Read once per cmdlet type, as <see cref="ParametersOf"/> is: every call of a send cmdlet asks several times (its
        /// columns, those it cannot set, those of one value, those given on the command line), and reading the attributes
        /// each time cost a send of one row about 1 MB of allocations; a script that sends in a foreach loop paid it per row.
        /// </summary>
        private static readonly ConcurrentDictionary<Type, ByNameParameter[]> ByNameOf = new ConcurrentDictionary<Type, ByNameParameter[]>();

        private static ByNameParameter[] ReadByName(Type cmdletType)
        {
            var parameters = new List<ByNameParameter>();
            foreach (var parameter in ParametersOf(cmdletType))
                if (parameter.ByNameSets.Count > 0) parameters.Add(new ByNameParameter(parameter.Property, parameter.Names, parameter.ByNameSets));
            return parameters.ToArray();
        }

        /// <summary>The cmdlet's parameters (properties with a [Parameter] attribute), in declaration order: read once per type.</summary>
        private static IReadOnlyList<DeclaredParameter> ParametersOf(Type cmdletType) => Declared.GetOrAdd(cmdletType, ReadParameters);

        private static readonly ConcurrentDictionary<Type, DeclaredParameter[]> Declared = new ConcurrentDictionary<Type, DeclaredParameter[]>();

        private static DeclaredParameter[] ReadParameters(Type cmdletType)
        {
            var parameters = new List<DeclaredParameter>();
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // Attribute metadata rather than attribute instances: it reads the same in PowerShell and
                // against the reference-only PowerShell assembly the tests compile with. One attribute per set.
                var attributes = CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(ParameterAttribute)).ToArray();
                if (attributes.Length == 0) continue;
                var names = new List<string> { property.Name };
                names.AddRange(AliasesOf(property));
                var rowColumn = CustomAttributeData.GetCustomAttributes(property).FirstOrDefault(a => a.AttributeType == typeof(Commands.RowColumnAttribute));
                parameters.Add(new DeclaredParameter(property, names,
                    attributes.Select(SetOf).ToArray(),
                    attributes.Where(a => IsTrue(a, nameof(ParameterAttribute.ValueFromPipelineByPropertyName))).Select(SetOf).ToArray(),
                    attributes.Any(a => IsTrue(a, nameof(ParameterAttribute.ValueFromPipeline))),
                    rowColumn is null ? null : StringArguments(rowColumn).First()));
            }
            return parameters.ToArray();
        }

        /// <summary>What a cmdlet's [Parameter] attributes say of one of its properties.</summary>
        private sealed class DeclaredParameter
        {
            private readonly string[] _sets;

            public DeclaredParameter(PropertyInfo property, IReadOnlyList<string> names, string[] sets, string[] byNameSets, bool valueFromPipeline,
                string? rowColumnSets)
            {
                RowColumnSets = rowColumnSets;
                Property = property;
                Names = names;
                _sets = sets;
                ByNameSets = byNameSets;
                ValueFromPipeline = valueFromPipeline;
            }

            public PropertyInfo Property { get; }

            /// <summary>The parameter's name, then its aliases in declaration order.</summary>
            public IReadOnlyList<string> Names { get; }

            /// <summary>The sets in which it takes a column by property name (none when it takes none).</summary>
            public IReadOnlyList<string> ByNameSets { get; }

            /// <summary>It takes the piped object itself (-InputObject) in some set.</summary>
            public bool ValueFromPipeline { get; }

            /// <summary>
            /// What its column sets when the module reads that column from each row (<see cref="Commands.RowColumnAttribute"/>:
            /// "Expiry"); null for a parameter no column of which the module reads.
            /// </summary>
            public string? RowColumnSets { get; }

            /// <summary>True when one of its [Parameter] attributes declares <paramref name="parameterSet"/> (or all sets).</summary>
            public bool IsIn(string parameterSet)
            {
                foreach (var set in _sets)
                    if (set == ParameterAttribute.AllParameterSets || string.Equals(set, parameterSet, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            }
        }

        /// <summary>
        /// The column names that give a row its destination: -To's name and its aliases, in declaration order, as
        /// the error for a row without one lists them.
        /// </summary>
        public static IReadOnlyList<string> DestinationsOf(Type cmdletType) => DestinationNames.GetOrAdd(cmdletType, ReadDestinationsOf);

        // Read once per cmdlet type, as ByNameOf: reading -To's [Alias] attribute allocated it again for every call.
        private static readonly ConcurrentDictionary<Type, string[]> DestinationNames = new ConcurrentDictionary<Type, string[]>();

        private static string[] ReadDestinationsOf(Type cmdletType)
        {
            var to = cmdletType.GetProperty("To", BindingFlags.Public | BindingFlags.Instance);
            if (to is null) return Array.Empty<string>();
            var names = new List<string> { to.Name };
            names.AddRange(AliasesOf(to));
            return names.ToArray();
        }

        /// <summary>
        /// The columns bound by name to a parameter that takes one value (a string, not an array), each with
        /// its parameter's name. PowerShell silently skips such a parameter when the column holds a list, so
        /// the row would go without it (a CorrelationId array sent no correlation ID at all).
        /// </summary>
        public static IReadOnlyDictionary<string, string> SingleValued(Type cmdletType, string? parameterSet = null) =>
            ColumnsOf(cmdletType, p => p.TakesOneValue && (parameterSet is null || p.BindsIn(parameterSet)));

        /// <summary>
        /// The columns of the parameters in <paramref name="given"/> (those bound on the command line) that would otherwise
        /// bind by property name, each with its parameter's name. PowerShell binds a parameter once: given on the command
        /// line, it sets every row, and a column of its name is not read.
        /// </summary>
        /// <remarks>
        /// So too a column the module reads from the row (<see cref="Commands.RowColumnAttribute"/>) when the command line gave
        /// its parameter or one that sets the same: with -Validity, an ExpireAt column is not read either, and its warning
        /// names -Validity.
        /// </remarks>
        public static IReadOnlyDictionary<string, string> GivenOnCommandLine(Type cmdletType, string parameterSet, IEnumerable<string> given)
        {
            var parameters = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
            var columns = ColumnsOf(cmdletType, p => p.BindsIn(parameterSet) && parameters.Contains(p.Property.Name));
            var declared = ParametersOf(cmdletType);
            foreach (var read in declared)
            {
                if (read.RowColumnSets is null || !read.IsIn(parameterSet)) continue;
                var setter = parameters.Contains(read.Property.Name) ? read
                    : declared.FirstOrDefault(p => p.RowColumnSets == read.RowColumnSets && parameters.Contains(p.Property.Name));
                if (setter is null) continue;
                foreach (var name in read.Names) columns[name] = setter.Property.Name;
            }
            return columns;
        }

        /// <summary>
        /// Each parameter that takes its value from a row's column in <paramref name="parameterSet"/> (by property name, or read
        /// by the module: ExpireAt, Validity), with the names that bind it in the binder's order, unless <paramref name="given"/>
        /// (the command line's, a delay-bind script block's) has it: a row's reason names its column (RowColumnNames).
        /// </summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> FromRows(Type cmdletType, string parameterSet, IEnumerable<string> given)
        {
            var skip = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
            var columns = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var parameter in ByName(cmdletType))
                if (parameter.BindsIn(parameterSet) && !skip.Contains(parameter.Property.Name)) columns[parameter.Property.Name] = parameter.Names;
            foreach (var parameter in ParametersOf(cmdletType))
                if (parameter.RowColumnSets is not null && parameter.IsIn(parameterSet) && !skip.Contains(parameter.Property.Name))
                    columns[parameter.Property.Name] = parameter.Names;
            return columns;
        }

        /// <summary>The column names that bind <paramref name="parameter"/> in <paramref name="parameterSet"/>: its name then its aliases; none when no column does.</summary>
        public static IReadOnlyList<string> NamesOf(Type cmdletType, string parameterSet, string parameter) =>
            ByName(cmdletType).FirstOrDefault(p => p.BindsIn(parameterSet) && string.Equals(p.Property.Name, parameter, StringComparison.OrdinalIgnoreCase))?.Names
            ?? Array.Empty<string>();

        /// <summary>The column names (names and aliases) of the by-name parameters <paramref name="keep"/> selects, each with its parameter's name.</summary>
        private static Dictionary<string, string> ColumnsOf(Type cmdletType, Func<ByNameParameter, bool> keep)
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in ByName(cmdletType))
            {
                if (!keep(parameter)) continue;
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
