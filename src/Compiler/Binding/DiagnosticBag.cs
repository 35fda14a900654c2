using ClaimLang.Diagnostics;

namespace ClaimLang.Binding;

/// <summary>Collects diagnostics with their default severity; the compilation applies configuration afterwards.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public Diagnostic Report(DiagnosticDescriptor descriptor, Location location, string message,
        IReadOnlyList<RelatedLocation>? related = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var diagnostic = new Diagnostic(descriptor, descriptor.DefaultSeverity, message, location, related, properties);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
