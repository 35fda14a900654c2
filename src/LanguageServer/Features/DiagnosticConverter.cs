using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Features;

/// <summary>Turns compiler diagnostics into LSP diagnostics.</summary>
internal static class DiagnosticConverter
{
    public const string Source = "claimlang";

    public static LspDiagnostic Convert(Diagnostic diagnostic, LineIndex? lines, WorkspaceSnapshot workspace)
    {
        var related = new List<DiagnosticRelatedInformation>(diagnostic.Related.Count);
        foreach (var item in diagnostic.Related)
            related.Add(new DiagnosticRelatedInformation(ToLocation(item.Location, workspace), item.Message));

        List<int>? tags = null;
        if (diagnostic.Id is "CLM3007" or "CLM3008") tags = [DiagnosticTag.Unnecessary];

        return new LspDiagnostic
        {
            Range = ToRange(diagnostic.Location, lines),
            Severity = ToSeverity(diagnostic.Severity),
            Code = diagnostic.Id,
            CodeDescription = new CodeDescription(DiagnosticCatalog.HelpUri(diagnostic.Id)),
            Source = Source,
            Message = diagnostic.Message,
            Tags = tags,
            RelatedInformation = related.Count == 0 ? null : related,
            Data = diagnostic.Properties.Count == 0 ? null : JsonSerializer.SerializeToElement(diagnostic.Properties, LspJson.Options),
        };
    }

    public static LspDiagnosticSeverity ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => LspDiagnosticSeverity.Error,
        DiagnosticSeverity.Warning => LspDiagnosticSeverity.Warning,
        _ => LspDiagnosticSeverity.Information,
    };

    public static LspRange ToRange(Location location, LineIndex? lines) =>
        lines is not null
            ? lines.GetRange(location.Span)
            : new LspRange(
                new Position(location.LineSpan.Start.Line, location.LineSpan.Start.Character),
                new Position(location.LineSpan.End.Line, location.LineSpan.End.Character));

    public static LspLocation ToLocation(Location location, WorkspaceSnapshot workspace)
    {
        var document = workspace.GetDocumentByKey(location.FilePath);
        return document is not null
            ? new LspLocation(document.Uri, document.GetRange(ClampSpan(location.Span, document.Text.Length)))
            : new LspLocation(DocumentKeys.ToUri(location.FilePath), ToRange(location, null));
    }

    private static TextSpan ClampSpan(TextSpan span, int length)
    {
        int start = Math.Clamp(span.Start, 0, length);
        return TextSpan.FromBounds(start, Math.Clamp(span.End, start, length));
    }
}
