using ClaimLang.Binding;
using ClaimLang.Configuration;

namespace ClaimLang.Analysis;

/// <summary>What the checks need besides the bound symbols.</summary>
public sealed class AnalysisContext
{
    public AnalysisContext(BoundWorkspace workspace, ClaimLangOptions options, DateOnly today, IDocumentProvider documents, CancellationToken cancellation)
    {
        Workspace = workspace;
        Options = options;
        Today = today;
        Documents = documents;
        Cancellation = cancellation;
    }

    public BoundWorkspace Workspace { get; }
    public ClaimLangOptions Options { get; }
    /// <summary>The date that "now" means for CLM3010: <c>asOf</c>, or the clock's date in UTC.</summary>
    public DateOnly Today { get; }
    public IDocumentProvider Documents { get; }
    public CancellationToken Cancellation { get; }
}

/// <summary>The checks of one diagnostic family. Each runs over the whole bound workspace in linear time.</summary>
public interface IAnalyzer
{
    void Analyze(AnalysisContext context, DiagnosticBag diagnostics);
}
