using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// What PowerShell will see of one cmdlet, read from attribute metadata. PowerShellStandard's
    /// attribute classes are reference stubs in this process (their getters return nothing useful), so
    /// every fact comes from CustomAttributeData: constructor and named arguments as compiled.
    /// </summary>
    internal sealed class CmdletMetadata
    {
        /// <summary>PowerShell's name for "every parameter set"; PlatyPS writes it as "(All)" in a parameter's sets.</summary>
        public const string AllSets = "__AllParameterSets";

        private CmdletMetadata(Type type)
        {
            var cmdlet = Attributes(type, typeof(CmdletAttribute)).Single();
            Type = type;
            Name = cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value;
            DefaultParameterSet = Named(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName)) as string;
            SupportsShouldProcess = Equals(Named(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)), true);
            OutputTypes = Attributes(type, typeof(OutputTypeAttribute))
                .SelectMany(a => a.ConstructorArguments).SelectMany(Values).OfType<Type>().ToArray();
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(ParameterMetadata.Read).OfType<ParameterMetadata>()
                .OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        }

        public Type Type { get; }

        public string Name { get; }

        public string? DefaultParameterSet { get; }

        public bool SupportsShouldProcess { get; }

        public IReadOnlyList<Type> OutputTypes { get; }

        public IReadOnlyList<ParameterMetadata> Parameters { get; }

        /// <summary>
        /// The cmdlet's parameter sets as Get-Command shows them: the named sets and the default set (PowerShell
        /// adds it even when no parameter names it, e.g. a set of only the all-sets parameters), or
        /// __AllParameterSets when there is no name at all.
        /// </summary>
        public IReadOnlyList<string> ParameterSets
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets).Select(s => s.Set).Where(s => s != AllSets)
                    .Concat(DefaultParameterSet is null ? Array.Empty<string>() : new[] { DefaultParameterSet })
                    .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
                return named.Length > 0 ? named : new[] { AllSets };
            }
        }

        /// <summary>The parameters that take part in <paramref name="set"/> (their own set or every set).</summary>
        public IEnumerable<ParameterMetadata> ParametersIn(string set) =>
            Parameters.Where(p => p.Sets.Any(s => s.Set == set || s.Set == AllSets));

        /// <summary>Every [Cmdlet] type in the module assembly.</summary>
        public static IReadOnlyList<CmdletMetadata> All { get; } =
            typeof(global::WebexConnect.Commands.ConnectWebexConnectCommand).Assembly.GetTypes()
                .Where(t => Attributes(t, typeof(CmdletAttribute)).Any())
                .Select(t => new CmdletMetadata(t))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();

        public override string ToString() => Name;

        internal static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, Type attributeType) =>
            CustomAttributeData.GetCustomAttributes(member).Where(a => a.AttributeType == attributeType);

        internal static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        internal static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };
    }

    /// <summary>
    /// A parameter PowerShell adds to every cmdlet ([CmdletBinding] common parameters) or, with
    /// SupportsShouldProcess, WhatIf and Confirm. Not in the cmdlet's attributes, so listed here once.
    /// </summary>
    internal sealed class CommonParameter
    {
        private CommonParameter(string name, string alias, bool isSwitch)
        {
            Name = name;
            Alias = alias;
            IsSwitch = isSwitch;
        }

        public string Name { get; }

        public string Alias { get; }

        public bool IsSwitch { get; }

        /// <summary>On every cmdlet. ProgressAction exists from PowerShell 7.4 on.</summary>
        public static IReadOnlyList<CommonParameter> All { get; } = new[]
        {
            new CommonParameter("Verbose", "vb", true), new CommonParameter("Debug", "db", true),
            new CommonParameter("ErrorAction", "ea", false), new CommonParameter("WarningAction", "wa", false),
            new CommonParameter("InformationAction", "infa", false), new CommonParameter("ProgressAction", "proga", false),
            new CommonParameter("ErrorVariable", "ev", false), new CommonParameter("WarningVariable", "wv", false),
            new CommonParameter("InformationVariable", "iv", false), new CommonParameter("OutVariable", "ov", false),
            new CommonParameter("OutBuffer", "ob", false), new CommonParameter("PipelineVariable", "pv", false),
        };

        /// <summary>Only on a cmdlet that SupportsShouldProcess.</summary>
        public static IReadOnlyList<CommonParameter> ShouldProcess { get; } = new[]
        {
            new CommonParameter("WhatIf", "wi", true), new CommonParameter("Confirm", "cf", true),
        };

        public override string ToString() => "-" + Name;
    }

    /// <summary>One cmdlet parameter: a public property with at least one [Parameter].</summary>
    internal sealed class ParameterMetadata
    {
        private ParameterMetadata(PropertyInfo property, IReadOnlyList<ParameterSetMembership> sets)
        {
            Property = property;
            Sets = sets;
            Aliases = CmdletMetadata.Attributes(property, typeof(AliasAttribute))
                .SelectMany(a => a.ConstructorArguments).SelectMany(CmdletMetadata.Values).Select(v => (string)v!).ToArray();
            var validateSet = CmdletMetadata.Attributes(property, typeof(ValidateSetAttribute))
                .SelectMany(a => a.ConstructorArguments).SelectMany(CmdletMetadata.Values).Select(v => (string)v!).ToArray();
            var enumType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (enumType.IsArray) enumType = enumType.GetElementType()!;
            AcceptedValues = validateSet.Length > 0 ? validateSet
                : enumType.IsEnum ? Enum.GetNames(enumType)
                : Array.Empty<string>();
        }

        public PropertyInfo Property { get; }

        public string Name => Property.Name;

        /// <summary>
        /// The type as the page names it: a nullable value type by its own name ("System.DateTimeOffset", not
        /// "System.Nullable`1[System.DateTimeOffset]"), as PowerShell users write it and as the syntax line shows it.
        /// </summary>
        public string TypeName => (Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType).ToString();

        public bool IsSwitch => Property.PropertyType == typeof(SwitchParameter);

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>ValidateSet values, else the names of an enum type: what tab completion offers.</summary>
        public IReadOnlyList<string> AcceptedValues { get; }

        public IReadOnlyList<ParameterSetMembership> Sets { get; }

        public bool AcceptsPipelineInput => Sets.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName);

        public override string ToString() => "-" + Name;

        public static ParameterMetadata? Read(PropertyInfo property)
        {
            var sets = CmdletMetadata.Attributes(property, typeof(ParameterAttribute)).Select(ParameterSetMembership.Read).ToArray();
            return sets.Length == 0 ? null : new ParameterMetadata(property, sets);
        }
    }

    /// <summary>What one [Parameter] says about its parameter in one set.</summary>
    internal sealed class ParameterSetMembership
    {
        public string Set { get; private set; } = CmdletMetadata.AllSets;

        public bool Mandatory { get; private set; }

        /// <summary>The 0-based position, or null for a named-only parameter.</summary>
        public int? Position { get; private set; }

        public bool ValueFromPipeline { get; private set; }

        public bool ValueFromPipelineByPropertyName { get; private set; }

        public bool ValueFromRemainingArguments { get; private set; }

        public string? HelpMessage { get; private set; }

        public static ParameterSetMembership Read(CustomAttributeData parameter)
        {
            object? Named(string name) => CmdletMetadata.Named(parameter, name);
            return new ParameterSetMembership
            {
                Set = Named(nameof(ParameterAttribute.ParameterSetName)) as string ?? CmdletMetadata.AllSets,
                Mandatory = Equals(Named(nameof(ParameterAttribute.Mandatory)), true),
                // PowerShell's "no position" is int.MinValue; only a non-negative value is a position.
                Position = Named(nameof(ParameterAttribute.Position)) is int at && at >= 0 ? at : (int?)null,
                ValueFromPipeline = Equals(Named(nameof(ParameterAttribute.ValueFromPipeline)), true),
                ValueFromPipelineByPropertyName = Equals(Named(nameof(ParameterAttribute.ValueFromPipelineByPropertyName)), true),
                ValueFromRemainingArguments = Equals(Named(nameof(ParameterAttribute.ValueFromRemainingArguments)), true),
                HelpMessage = Named(nameof(ParameterAttribute.HelpMessage)) as string,
            };
        }
    }
}
