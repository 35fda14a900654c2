using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// workspace/symbol: the declared names of every project whose letters contain the query in order (ignoring case),
/// best matches first: exact, then prefix, then the rest by name.
/// </summary>
internal sealed class WorkspaceSymbolHandler : ILspHandler
{
    internal const int MaxResults = 1000;

    public void Register(HandlerRegistry registry) =>
        registry.Request<WorkspaceSymbolParams, SymbolInformation[]>("workspace/symbol", Handle);

    private static SymbolInformation[] Handle(WorkspaceSymbolParams p, RequestContext context, CancellationToken cancellationToken)
    {
        string query = p.Query ?? "";
        var found = new List<(int Rank, SymbolInformation Symbol)>();
        foreach (var project in context.Workspace.Projects.Values.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var symbol in project.Compilation.GetSymbols())
            {
                if (symbol.Location is null) continue;
                int rank = Rank(symbol.Name, query);
                if (rank < 0) continue;
                var location = Navigation.ToLocation(symbol.Location, context.Workspace)!;
                found.Add((rank, new SymbolInformation
                {
                    Name = symbol.Name,
                    Kind = SymbolKinds.ToLsp(symbol.Kind),
                    Location = location,
                    ContainerName = Detail(symbol),
                }));
            }
        }
        found.Sort(static (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Symbol.Name, b.Symbol.Name));
        return found.Take(MaxResults).Select(f => f.Symbol).ToArray();
    }

    private static string Detail(Symbol symbol) => symbol switch
    {
        SourceSymbol s => "source — " + s.Title,
        ActorSymbol a => "actor — " + a.DisplayName,
        PlaceSymbol pl => "place — " + pl.DisplayName,
        HypothesisSymbol h => "hypothesis — " + h.Statement,
        ClaimSymbol c => "claim — " + c.SubjectName + "." + c.PredicateName,
        _ => symbol.KindName,
    };

    /// <summary>0 exact, 1 prefix, 2 substring, 3 letters in order; -1 no match (all ignoring case).</summary>
    internal static int Rank(string name, string query)
    {
        if (query.Length == 0) return 3;
        if (name.Equals(query, StringComparison.OrdinalIgnoreCase)) return 0;
        if (name.StartsWith(query, StringComparison.OrdinalIgnoreCase)) return 1;
        if (name.Contains(query, StringComparison.OrdinalIgnoreCase)) return 2;
        int i = 0;
        foreach (char c in name)
        {
            if (i < query.Length && char.ToLowerInvariant(c) == char.ToLowerInvariant(query[i])) i++;
        }
        return i == query.Length ? 3 : -1;
    }
}
