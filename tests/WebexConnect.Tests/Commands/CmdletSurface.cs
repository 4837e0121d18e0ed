using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// Describes a cmdlet's public surface as a fixed-width table, read from attribute metadata (the
    /// reference PowerShell assembly's attribute classes are stubs, their metadata is not).
    /// </summary>
    internal static class CmdletSurface
    {
        private const string AllSets = "__AllParameterSets";

        public static string Describe(Type cmdlet)
        {
            var text = new StringBuilder();
            var attribute = Single(cmdlet, typeof(CmdletAttribute));
            var name = $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
            var defaultSet = Named(attribute, nameof(CmdletAttribute.DefaultParameterSetName)) ?? "-";
            var shouldProcess = Equals(Named(attribute, nameof(CmdletAttribute.SupportsShouldProcess)), true)
                ? "ShouldProcess " + (ConfirmImpact)(Named(attribute, nameof(CmdletAttribute.ConfirmImpact)) ?? ConfirmImpact.Medium)
                : "no ShouldProcess";
            var outputs = CustomAttributeData.GetCustomAttributes(cmdlet).Where(a => a.AttributeType == typeof(OutputTypeAttribute))
                .SelectMany(a => a.ConstructorArguments).SelectMany(Values).Select(v => ((Type)v!).Name);
            text.AppendLine($"{name} | default set {defaultSet} | {shouldProcess} | output {string.Join(", ", outputs)}");
            text.AppendLine(Row("Parameter", "Type", "Sets (! mandatory, @ position)", "Pipe", "Aliases, allowed values"));

            foreach (var property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var attributes = CustomAttributeData.GetCustomAttributes(property);
                var parameters = attributes.Where(a => a.AttributeType == typeof(ParameterAttribute)).ToList();
                if (parameters.Count == 0) continue;

                var sets = parameters.Select(p =>
                {
                    var set = (string?)Named(p, nameof(ParameterAttribute.ParameterSetName)) ?? AllSets;
                    var position = Named(p, nameof(ParameterAttribute.Position));
                    return (set == AllSets ? "*" : set)
                        + (Equals(Named(p, nameof(ParameterAttribute.Mandatory)), true) ? "!" : "")
                        + (position is int at && at >= 0 ? "@" + at : "");
                }).OrderBy(s => s, StringComparer.Ordinal);
                var byValue = parameters.Any(p => Equals(Named(p, nameof(ParameterAttribute.ValueFromPipeline)), true));
                var byName = parameters.Any(p => Equals(Named(p, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)), true));
                var pipe = (byValue ? "V" : "") + (byName ? "N" : "");
                var extras = attributes.Where(a => a.AttributeType == typeof(AliasAttribute)).SelectMany(Strings)
                    .Concat(attributes.Where(a => a.AttributeType == typeof(ValidateSetAttribute))
                        .Select(a => "{" + string.Join("|", Strings(a)) + "}"));
                text.AppendLine(Row(property.Name, TypeName(property.PropertyType), string.Join(" ", sets), pipe.Length == 0 ? "-" : pipe, string.Join(" ", extras)));
            }
            return text.ToString();
        }

        /// <summary>Mandatory parameters without a HelpMessage: PowerShell's prompt for them would say nothing.</summary>
        public static IEnumerable<string> MandatoryWithoutHelpMessage(Type cmdlet) =>
            from property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            from parameter in CustomAttributeData.GetCustomAttributes(property).Where(a => a.AttributeType == typeof(ParameterAttribute))
            where Equals(Named(parameter, nameof(ParameterAttribute.Mandatory)), true)
                  && string.IsNullOrWhiteSpace((string?)Named(parameter, nameof(ParameterAttribute.HelpMessage)))
            select property.Name;

        private static string Row(string name, string type, string sets, string pipe, string extras) =>
            $"{name,-24}{type,-24}{sets,-38}{pipe,-5}{extras}".TrimEnd();

        private static string TypeName(Type type)
        {
            if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
            var underlying = Nullable.GetUnderlyingType(type);
            return underlying is null ? type.Name : underlying.Name + "?";
        }

        private static CustomAttributeData Single(MemberInfo member, Type attributeType) =>
            CustomAttributeData.GetCustomAttributes(member).Single(a => a.AttributeType == attributeType);

        private static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };

        private static IEnumerable<string> Strings(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.SelectMany(Values).Select(v => (string)v!);
    }
}
