using System.Text;
using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.TestSupport;

/// <summary>
/// Writes a source file with annotations as comments under the lines they belong to — the format of the
/// baseline files (<c>main.diagnostics.claim</c>, <c>main.symbols.claim</c>):
/// <c>//@[start:end) text</c>, where start and end are 0-based UTF-16 columns on that line.
/// </summary>
public static class Annotator
{
    public static string Annotate(SourceText text, IEnumerable<(TextSpan Span, string Message)> annotations)
    {
        var byLine = new SortedDictionary<int, List<string>>();
        foreach (var (span, message) in annotations)
        {
            var start = text.Lines.GetLinePosition(span.Start);
            var end = text.Lines.GetLinePosition(span.End);
            string range = start.Line == end.Line ? $"[{start.Character}:{end.Character})" : $"[{start.Character}:{end.Line + 1}:{end.Character})";
            string covered = SyntaxPrinter.Quote(text.ToString(span));
            if (!byLine.TryGetValue(start.Line, out var list)) byLine[start.Line] = list = new List<string>();
            list.Add($"//@{range} {message.Replace("\n", "\\n")} {covered}");
        }
        var builder = new StringBuilder();
        foreach (var line in text.Lines)
        {
            builder.Append(text.ToString(line.Span)).Append('\n');
            if (byLine.TryGetValue(line.LineNumber, out var list))
                foreach (var a in list) builder.Append(a).Append('\n');
        }
        return builder.ToString();
    }

    public static string Diagnostics(SyntaxTree tree, IEnumerable<Diagnostic> diagnostics) =>
        Annotate(tree.Text, diagnostics.Where(d => d.Location.FilePath == tree.FilePath)
            .Select(d => (d.Location.Span, $"[{d.Id} ({d.Severity.ToWord()})] {d.Message}")));

    public static string Symbols(SemanticModel model)
    {
        var annotations = model.References.Select(r => (r.Span, r.IsDeclaration
            ? $"declares {r.Symbol.KindName} {Describe(r.Symbol)}"
            : $"{r.Role.ToString().ToLowerInvariant()} → {r.Symbol.KindName} {Describe(r.Symbol)}"));
        return Annotate(model.SyntaxTree.Text, annotations);
    }

    private static string Describe(Symbol symbol) => symbol switch
    {
        ClaimSymbol claim => claim.Id,
        ParameterSymbol parameter => $"{parameter.Name}: {parameter.Type.ToString().ToLowerInvariant()}",
        _ => symbol.Name,
    };
}
