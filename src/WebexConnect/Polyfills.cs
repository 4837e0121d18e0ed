// Lets C# 9+ init-only setters compile for net472; the runtime ignores this marker type.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
