using ClaimLang.Binding;
using ClaimLang.Diagnostics;

namespace ClaimLang.Analysis;

/// <summary>Declarations nobody uses: sources never cited (CLM3007), actors, places and hypotheses never referenced (CLM3008).</summary>
public sealed class UsageAnalyzer : IAnalyzer
{
    public void Analyze(AnalysisContext context, DiagnosticBag diagnostics)
    {
        foreach (var source in context.Workspace.Sources)
        {
            if (!source.IsReferenced && source.Location is { } location)
                diagnostics.Report(DiagnosticCatalog.UncitedSource, location, $"the source '{source.Name}' is never cited by a claim or another source");
        }
        Report(context.Workspace.Actors, diagnostics);
        Report(context.Workspace.Places, diagnostics);
        Report(context.Workspace.Hypotheses, diagnostics);
    }

    private static void Report(IEnumerable<Symbol> symbols, DiagnosticBag diagnostics)
    {
        foreach (var symbol in symbols)
        {
            if (!symbol.IsReferenced && symbol.Location is { } location)
                diagnostics.Report(DiagnosticCatalog.UnreferencedDeclaration, location, $"the {symbol.KindName} '{symbol.Name}' is never referenced");
        }
    }
}
