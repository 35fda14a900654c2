using System.Collections.Concurrent;
using ClaimLang.Syntax;
using ClaimLang.Utilities;

namespace ClaimLang.Binding;

/// <summary>
/// What binding learnt about the table of declared names that stays true as long as that table does not change:
/// the did-you-mean index over it and the suggestions already looked up. A compilation made from another by an
/// edit (a keystroke in the language server) gets its predecessor's memo, and keeps using it when every file
/// declares the same names, in the same order, as before (the usual case: an edit inside a claim). Only results that
/// depend on nothing but the name table are kept, so reusing them changes no diagnostic. Safe to share between
/// compilations bound at the same time.
/// </summary>
internal sealed class NameTableMemo
{
    // Beyond this many remembered suggestions (names typed and then fixed), the memo starts afresh.
    private const int MaxRemembered = 20_000;

    private readonly SyntaxTree[] _trees;
    private readonly DeclaredName[][] _declared;
    private SuggestionIndex? _index;
    private ConcurrentDictionary<(string Name, uint Kinds), IReadOnlyList<string>> _results = new();

    internal readonly record struct DeclaredName(string Name, SymbolKind Kind);

    /// <summary>Whether this memo continues its predecessor's (the name table did not change).</summary>
    public bool IsCarriedOver { get; private set; }

    private NameTableMemo(SyntaxTree[] trees, DeclaredName[][] declared)
    {
        _trees = trees;
        _declared = declared;
    }

    /// <summary>The memo for a binding of <paramref name="trees"/>: the previous one if the names are the same.</summary>
    public static NameTableMemo For(IReadOnlyList<SyntaxTree> trees, DeclaredName[][] declared, NameTableMemo? previous)
    {
        var memo = new NameTableMemo([.. trees], declared);
        if (previous is not null && previous.SameNames(memo))
        {
            memo.IsCarriedOver = true;
            memo._index = Volatile.Read(ref previous._index);
            memo._results = previous._results.Count < MaxRemembered ? previous._results : new();
        }
        return memo;
    }

    private bool SameNames(NameTableMemo other)
    {
        if (_trees.Length != other._trees.Length) return false;
        for (int t = 0; t < _trees.Length; t++)
        {
            // An unchanged file declares what it declared; a changed one is compared name by name.
            if (ReferenceEquals(_trees[t], other._trees[t])) continue;
            if (_trees[t].FilePath != other._trees[t].FilePath) return false;
            if (!_declared[t].AsSpan().SequenceEqual(other._declared[t])) return false;
        }
        return true;
    }

    /// <summary>The suggestions for an undefined name that must be one of <paramref name="kinds"/> (bit flags).</summary>
    public IReadOnlyList<string> Suggest(string name, uint kinds, Func<SuggestionIndex> buildIndex)
    {
        if (_results.TryGetValue((name, kinds), out var known)) return known;
        var index = Volatile.Read(ref _index);
        if (index is null)
        {
            index = buildIndex();
            index = Interlocked.CompareExchange(ref _index, index, null) ?? index;
        }
        var closest = index.Closest(name, categories: kinds);
        _results.TryAdd((name, kinds), closest);
        return closest;
    }
}
