using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Binds a piped hashtable's keys to the parameters a row binds by property name (-To and its aliases, -Text,
    /// -CorrelationId, ...), for one record. PowerShell binds an object's properties by name but never a
    /// dictionary's keys, so @{ Phone = '+447700900001'; Name = 'Ann' } | Send-ConnectSms found no number while
    /// its Name still filled $(Name). A parameter given on the command line is left alone, as it is for an object.
    /// One per run: made in BeginProcessing, when only the command line's parameters are bound.
    /// </summary>
    /// <remarks>
    /// The values are set on the cmdlet only while its record is processed: <see cref="Bound.Dispose"/> puts back
    /// what was there, since PowerShell resets only the parameters it bound itself, and a later row without such a
    /// key must not inherit this row's number. A list where the parameter takes one value is not bound: the composer
    /// reports that column (PipelineColumns.SingleValued), as it does for an object's.
    /// Which parameters came from the command line is read once, before the first record: PowerShell keeps a
    /// parameter an earlier row bound by property name in MyInvocation.BoundParameters, so a hashtable after an
    /// object row would otherwise lose the keys that object had bound (its To, its Text).
    /// </remarks>
    internal sealed class DictionaryRowBinding
    {
        private static readonly ConcurrentDictionary<Type, ByNameParameter[]> ByCmdlet = new ConcurrentDictionary<Type, ByNameParameter[]>();

        private readonly ByNameParameter[] _parameters;
        private readonly HashSet<string> _commandLine;

        private DictionaryRowBinding(ByNameParameter[] parameters, HashSet<string> commandLine)
        {
            _parameters = parameters;
            _commandLine = commandLine;
        }

        /// <summary>
        /// The binding for one run of the cmdlet; call it from BeginProcessing, before any record is bound. The cmdlet
        /// type's by-name parameters are read once per type.
        /// </summary>
        public static DictionaryRowBinding For(PSCmdlet cmdlet)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            var commandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            return new DictionaryRowBinding(ByCmdlet.GetOrAdd(cmdlet.GetType(), Read), commandLine);
        }

        /// <summary>
        /// Sets each by-name parameter of the cmdlet's parameter set that was not given on the command line from
        /// the row's key of the same name or alias (any casing; the name before its aliases). Null when the input
        /// is not a dictionary.
        /// </summary>
        public Bound? Bind(PSCmdlet cmdlet, PSObject? input)
        {
            if (!(input?.BaseObject is IDictionary row)) return null;
            var bound = new Bound(cmdlet);
            foreach (var parameter in _parameters)
            {
                if (_commandLine.Contains(parameter.Property.Name) || !parameter.BindsIn(cmdlet.ParameterSetName)) continue;
                if (!TryFind(row, parameter.Names, out var value)) continue;
                if (value is PSObject wrapped) value = wrapped.BaseObject;
                if (value is null || (parameter.TakesOneValue && value is IEnumerable && !(value is string))) continue;
                // -SendAt reads its key as it reads an object's column (RowTimeArgument): a key that is no time makes the row
                // Invalid, where PowerShell's conversion alone left it unbound and the row went at once, unscheduled.
                if (TimeReaderOf(parameter.Property) is { } time) bound.Set(parameter.Property, time.Read(value));
                else if (TryConvert(value, parameter.Property.PropertyType, out var converted)) bound.Set(parameter.Property, converted);
            }
            return bound;
        }

        /// <summary>
        /// PowerShell's own conversion; a value it cannot convert goes as its text, for the checks to name. One whose text
        /// does not convert either (New-ConnectRcsCard's MediaHeight 'Large') is left unbound, as PowerShell leaves an
        /// object's property of that value: the cmdlet names that column, where before the cast's exception ended the command.
        /// </summary>
        private static bool TryConvert(object value, Type type, out object? converted)
        {
            try
            {
                converted = LanguagePrimitives.ConvertTo(value, type, CultureInfo.InvariantCulture);
                return true;
            }
            catch (PSInvalidCastException)
            {
            }
            try
            {
                converted = LanguagePrimitives.ConvertTo(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", type, CultureInfo.InvariantCulture);
                return true;
            }
            catch (PSInvalidCastException)
            {
                converted = null;
                return false;
            }
        }

        private static readonly ConcurrentDictionary<PropertyInfo, Commands.RowTimeArgumentAttribute?> TimeReaders =
            new ConcurrentDictionary<PropertyInfo, Commands.RowTimeArgumentAttribute?>();

        /// <summary>The property's <see cref="Commands.RowTimeArgumentAttribute"/>, looked up once per property; null for most.</summary>
        private static Commands.RowTimeArgumentAttribute? TimeReaderOf(PropertyInfo property) =>
            TimeReaders.GetOrAdd(property, p => p.GetCustomAttribute<Commands.RowTimeArgumentAttribute>());

        private static bool TryFind(IDictionary row, IReadOnlyList<string> names, out object? value)
        {
            foreach (var name in names)
                if (InputRow.TryGetKey(row, name, out value)) return true;
            value = null;
            return false;
        }

        // The same parameters, names and sets as PipelineColumns gives the composer, so both agree on what binds.
        private static ByNameParameter[] Read(Type cmdletType) => PipelineColumns.ByName(cmdletType).ToArray();

        /// <summary>What one record set; disposing puts back the values that were there before.</summary>
        internal sealed class Bound : IDisposable
        {
            private readonly object _cmdlet;
            private readonly List<(PropertyInfo Property, object? Before)> _set = new List<(PropertyInfo, object?)>(2);

            public Bound(object cmdlet) => _cmdlet = cmdlet;

            public void Set(PropertyInfo property, object? value)
            {
                _set.Add((property, property.GetValue(_cmdlet)));
                property.SetValue(_cmdlet, value);
            }

            public void Dispose()
            {
                for (var i = _set.Count - 1; i >= 0; i--) _set[i].Property.SetValue(_cmdlet, _set[i].Before);
                _set.Clear();
            }
        }
    }
}
