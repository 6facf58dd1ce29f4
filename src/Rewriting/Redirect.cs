namespace TrioTest.Rewriting;

/// <summary>One call site the rewriter replaces: the BCL member, the shim that takes its place, and the kind it is counted under.</summary>
/// <param name="Target">The member, as <c>Type::Name(ParameterType,...)</c> of its definition (<c>.ctor</c> for a constructor, <c>get_X</c> for a property).</param>
/// <param name="ShimType">The shim's type in <c>TrioTest.Testing</c>.</param>
/// <param name="ShimMethod">The shim's name; its parameters are the target's, with the instance (by reference for a struct) first.</param>
/// <param name="Kind">What the build output counts it as.</param>
internal sealed record Redirect(string Target, string ShimType, string ShimMethod, string Kind);
