using ClaimLang.Binding;
using ClaimLang.Diagnostics;

namespace ClaimLang.Analysis;

/// <summary>Declarations nobody uses: sources never cited (CLM3007), actors, places and hypotheses never referenced (CLM3008).</summary>
public sealed class UsageAnalyzer : IAnalyzer
{
    public void Analyze(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var used = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
        foreach (var references in context.Workspace.References.Values)
        {
            foreach (var reference in references)
            {
                if (!reference.IsDeclaration) used.Add(reference.Symbol);
            }
        }
        foreach (var source in context.Workspace.Sources)
        {
            if (!used.Contains(source) && source.Location is { } location)
                diagnostics.Report(DiagnosticCatalog.UncitedSource, location, $"the source '{source.Name}' is never cited by a claim or another source");
        }
        Report(context.Workspace.Actors, used, diagnostics);
        Report(context.Workspace.Places, used, diagnostics);
        Report(context.Workspace.Hypotheses, used, diagnostics);
    }

    private static void Report(IEnumerable<Symbol> symbols, HashSet<Symbol> used, DiagnosticBag diagnostics)
    {
        foreach (var symbol in symbols)
        {
            if (!used.Contains(symbol) && symbol.Location is { } location)
                diagnostics.Report(DiagnosticCatalog.UnreferencedDeclaration, location, $"the {symbol.KindName} '{symbol.Name}' is never referenced");
        }
    }
}
