using System.Collections.Concurrent;
using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Analysis;

/// <summary>
/// Checks the source documents behind claims: documents that cannot be found (CLM4002) or lie outside the workspace
/// (CLM4003), quotes that are not in any document of the claim's sources (CLM4001), and quotes that no document can
/// confirm (CLM4004). Each document is read once and folded once.
/// </summary>
public sealed class ProvenanceAnalyzer : IAnalyzer
{
    public void Analyze(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var folded = new Dictionary<SourceSymbol, string?>(ReferenceEqualityComparer.Instance);
        foreach (var source in context.Workspace.Sources)
        {
            if (source.Document is null) continue;
            var d = source.Declaration!;
            var clause = d.Info.FindClause(SyntaxKind.DocumentClause)!.Value;
            var location = clause.Values.Length > 0 ? d.LocationOf(clause.Values[0]) : d.LocationOf(clause.KeywordOffset, clause.KeywordLength);
            var result = context.Documents.Get(source.Document);
            switch (result.Status)
            {
                case DocumentStatus.Loaded:
                    folded[source] = QuoteMatcher.Fold(result.Text!);
                    break;
                case DocumentStatus.OutsideRoot:
                    diagnostics.Report(DiagnosticCatalog.DocumentOutsideRoot, location,
                        $"the document path '{MessageText.Quote(source.Document)}' leaves the workspace root ({result.Message}); keep source documents inside the workspace");
                    break;
                default:
                    diagnostics.Report(DiagnosticCatalog.DocumentNotFound, location,
                        $"the document '{MessageText.Quote(source.Document)}' of source '{source.Name}' was not found: {result.Message}");
                    break;
            }
        }

        foreach (var claim in context.Workspace.Claims)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (claim.Quote is null) continue;
            var d = claim.Declaration!;
            bool anyDocument = false;
            List<SourceSymbol>? loaded = null;
            foreach (var s in claim.Sources)
            {
                if (s.Document is null) continue;
                anyDocument = true;
                if (folded.ContainsKey(s)) (loaded ??= []).Add(s);
            }
            if (!anyDocument)
            {
                if (claim.Sources.Length > 0)
                    diagnostics.Report(DiagnosticCatalog.QuoteWithoutDocument, QuoteLocation(d),
                        "the quote cannot be checked: none of the claim's sources has a 'document'");
                continue;
            }
            if (loaded is null) continue; // CLM4002/4003 already explain why
            var quote = QuoteMatcher.Fold(claim.Quote);
            bool found = false;
            foreach (var s in loaded)
            {
                if (quote.Length > 0 && folded[s]!.Contains(quote, StringComparison.Ordinal)) { found = true; break; }
            }
            if (!found)
            {
                diagnostics.Report(DiagnosticCatalog.QuoteNotFound, QuoteLocation(d),
                    $"the quote is not in the document of {(loaded.Count == 1 ? "source " + loaded[0].Name : "any of the sources " + string.Join(", ", loaded.Select(s => s.Name)))}; quote the document exactly (white space, quotes and dashes may differ)");
            }
        }
    }

    /// <summary>Where quote findings are shown: the quoted text, or the keyword when the text is missing.</summary>
    private static Location QuoteLocation(DeclarationReference d)
    {
        var clause = d.Info.FindClause(SyntaxKind.QuoteClause)!.Value;
        return clause.Values.Length > 0 ? d.LocationOf(clause.Values[0]) : d.LocationOf(clause.KeywordOffset, clause.KeywordLength);
    }
}
