using System.Collections;
using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Syntax;

/// <summary>The red node behind every list (kind <see cref="SyntaxKind.List"/>).</summary>
public sealed class SyntaxListNode : SyntaxNode
{
    // The red nodes of a declaration list, created on demand, are cached in pages of 256 so that a file of a million
    // declarations does not get a million-entry array when one of them is looked at (about 1/256 of that instead).
    private const int PageBits = 8;
    private const int PageSize = 1 << PageBits;
    private SyntaxNode?[]?[]? _pages;

    internal SyntaxListNode(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    /// <summary>The red node of declaration <paramref name="index"/>, whose green node is <paramref name="green"/>.</summary>
    internal SyntaxNode GetDeclarationNode(int index, GreenNode green)
    {
        var pages = Volatile.Read(ref _pages);
        if (pages is null)
        {
            pages = new SyntaxNode?[]?[(SlotCount + PageSize - 1) >> PageBits];
            pages = Interlocked.CompareExchange(ref _pages, pages, null) ?? pages;
        }
        ref var pageSlot = ref pages[index >> PageBits];
        var page = Volatile.Read(ref pageSlot);
        if (page is null)
        {
            page = new SyntaxNode?[PageSize];
            page = Interlocked.CompareExchange(ref pageSlot, page, null) ?? page;
        }
        ref var nodeSlot = ref page[index & (PageSize - 1)];
        var existing = Volatile.Read(ref nodeSlot);
        if (existing is not null) return existing;
        var created = SyntaxNodeFactory.Create(green, this, GetChildPosition(index));
        return Interlocked.CompareExchange(ref nodeSlot, created, null) ?? created;
    }
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
