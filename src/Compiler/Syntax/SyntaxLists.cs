using System.Collections;
using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Syntax;

/// <summary>The red node behind every list (kind <see cref="SyntaxKind.List"/>).</summary>
public sealed class SyntaxListNode : SyntaxNode
{
    internal SyntaxListNode(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary>A list of nodes without separators (declarations, clauses).</summary>
public readonly struct SyntaxList<T> : IReadOnlyList<T> where T : SyntaxNode
{
    private readonly SyntaxNode? _list;

    internal SyntaxList(SyntaxNode? list) => _list = list;

    public int Count => _list?.SlotCount ?? 0;
    public T this[int index] => (T)_list!.GetNodeSlot(index)!;
    public SyntaxNode? Node => _list;

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Nodes separated by commas: even slots are elements, odd slots are the separators.</summary>
public readonly struct SeparatedSyntaxList<T> : IReadOnlyList<T> where T : SyntaxNode
{
    private readonly SyntaxNode? _list;

    internal SeparatedSyntaxList(SyntaxNode? list) => _list = list;

    public int Count => ((_list?.SlotCount ?? 0) + 1) / 2;
    public T this[int index] => (T)_list!.GetNodeSlot(index * 2)!;
    public int SeparatorCount => (_list?.SlotCount ?? 0) / 2;
    public SyntaxToken GetSeparator(int index) => _list!.GetTokenSlot(index * 2 + 1);
    public SyntaxNode? Node => _list;

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Tokens separated by commas (names, strings, tags): even slots are elements.</summary>
public readonly struct SeparatedTokenList : IReadOnlyList<SyntaxToken>
{
    private readonly SyntaxNode? _list;

    internal SeparatedTokenList(SyntaxNode? list) => _list = list;

    public int Count => ((_list?.SlotCount ?? 0) + 1) / 2;
    public SyntaxToken this[int index] => _list!.GetTokenSlot(index * 2);
    public int SeparatorCount => (_list?.SlotCount ?? 0) / 2;
    public SyntaxToken GetSeparator(int index) => _list!.GetTokenSlot(index * 2 + 1);
    public SyntaxNode? Node => _list;

    public IEnumerator<SyntaxToken> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A plain list of tokens (the tokens of a skipped declaration).</summary>
public readonly struct SyntaxTokenList : IReadOnlyList<SyntaxToken>
{
    private readonly SyntaxNode? _list;

    internal SyntaxTokenList(SyntaxNode? list) => _list = list;

    public int Count => _list?.SlotCount ?? 0;
    public SyntaxToken this[int index] => _list!.GetTokenSlot(index);

    public IEnumerator<SyntaxToken> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
