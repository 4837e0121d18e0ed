using System;
using System.Management.Automation;
using WebexConnect.Messages;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Takes a script block given to -Card, -Carousel or -Suggestion of Send-ConnectRcs as that value made per row
    /// (<see cref="RowScript"/>): the parameter is bound to a stand-in of its type, remembered with the block. Before,
    /// -Card { New-ConnectRcsCard -Title $_.Title } was refused with 'Cannot convert the " New-ConnectRcsCard -Title $_.Title "
    /// value of type "System.Management.Automation.ScriptBlock"', and each customer's own card took a Send-ConnectRcs per row:
    /// one request at a time, every result Row 1, and a row whose card failed no result at all. Anything else passes as given.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class RowScriptArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;
        private readonly bool _suggestions;
        private readonly bool _list;

        /// <param name="parameter">The parameter's name, for the row's error.</param>
        /// <param name="suggestions">True for chips (RcsSuggestion), false for cards (RcsCard).</param>
        /// <param name="list">True for a parameter that takes a list of them.</param>
        public RowScriptArgumentAttribute(string parameter, bool suggestions, bool list)
        {
            _parameter = parameter;
            _suggestions = suggestions;
            _list = list;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not ScriptBlock block) return inputData;
            // Never sent as itself: each row's value takes its place (an empty card or chip would be refused if it were).
            object standIn = _suggestions ? new RcsSuggestion() : new RcsCard();
            RowScript.Remember(standIn, block, _parameter);
            if (!_list) return standIn;
            var list = Array.CreateInstance(standIn.GetType(), 1);
            list.SetValue(standIn, 0);
            return list;
        }
    }
}
