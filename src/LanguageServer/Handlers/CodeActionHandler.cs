using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/codeAction: quick fixes for the diagnostics in the requested range, taken from the server's own
/// analysis (not from what the client echoes back): did-you-mean replacements, declaring an undefined source,
/// actor, place or hypothesis (in the file where such declarations already live) or an undeclared predicate,
/// adding a missing confidence, and a <c>claimlang-disable-next-line</c> comment for codes that may be suppressed.
/// </summary>
internal sealed class CodeActionHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<CodeActionParams, List<CodeAction>>("textDocument/codeAction", Handle, staleOnEdit: true);

    private static List<CodeAction> Handle(CodeActionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var result = new List<CodeAction>();
        if (p.Context.Only is { Count: > 0 } only && !only.Any(k => k == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(k + ".", StringComparison.Ordinal) || k == ""))
            return result;
        var document = context.GetDocument(p.TextDocument);
        var project = context.Workspace.GetProject(document);
        var range = document.GetSpan(p.Range);
        foreach (var diagnostic in project.GetDiagnostics(cancellationToken))
        {
            if (!DocumentKeys.Comparer.Equals(diagnostic.Location.FilePath, document.Key)) continue;
            var span = diagnostic.Location.Span;
            bool touches = span.IntersectsWith(range) || span.Contains(range.Start) || span.End == range.Start || range.Contains(span.Start);
            if (!touches) continue;
            cancellationToken.ThrowIfCancellationRequested();
            var lsp = DiagnosticConverter.Convert(diagnostic, document.Lines, context.Workspace);
            new Fixes(context, project, document, diagnostic, lsp, result).Add();
        }
        return result;
    }

    private sealed class Fixes(RequestContext context, ProjectSnapshot project, DocumentSnapshot document, Diagnostic diagnostic,
        LspDiagnostic lsp, List<CodeAction> result)
    {
        public void Add()
        {
            var properties = diagnostic.Properties;
            if (properties.TryGetValue("suggestion", out string? suggestion) && diagnostic.Location.Span.Length > 0)
            {
                string current = document.Text.ToString(diagnostic.Location.Span);
                if (current != suggestion)
                    Action($"Change '{current}' to '{suggestion}'", preferred: true, (document, Edit(diagnostic.Location.Span, suggestion)));
            }
            if (diagnostic.Id == DiagnosticCatalog.UndefinedName.Id && properties.TryGetValue("name", out string? name)
                && properties.TryGetValue("expectedKind", out string? kind))
            {
                foreach (string declare in KindsToDeclare(kind)) Declare(declare, name);
            }
            if (diagnostic.Id == DiagnosticCatalog.UndeclaredPredicate.Id && properties.TryGetValue("name", out string? predicate)
                && !properties.ContainsKey("suggestion"))
            {
                Declare("predicate", predicate);
            }
            if (diagnostic.Id == DiagnosticCatalog.MissingConfidence.Id) AddConfidence();
            if (diagnostic.Descriptor.IsSuppressible && diagnostic.Descriptor.Family != 0) Suppress();
        }

        private IEnumerable<string> KindsToDeclare(string expected)
        {
            if (expected is not ("source" or "actor" or "place" or "hypothesis")) return [];
            // A claim's subject may be an actor or a place.
            var token = document.Tree.GetRoot().FindToken(diagnostic.Location.Span.Start);
            if (expected == "actor" && token.Parent is ClaimDeclarationSyntax claim && claim.Subject == token) return ["actor", "place"];
            return [expected];
        }

        private void Declare(string kind, string name)
        {
            if (!IsIdentifier(name)) return;
            var declarationKind = kind switch
            {
                "source" => SyntaxKind.SourceDeclaration,
                "actor" => SyntaxKind.ActorDeclaration,
                "place" => SyntaxKind.PlaceDeclaration,
                "hypothesis" => SyntaxKind.HypothesisDeclaration,
                _ => SyntaxKind.PredicateDeclaration,
            };
            string line = kind == "predicate" ? $"predicate {name}" : $"{kind} {name} {SymbolText.Quote(name)}";
            var (target, position) = PlaceForDeclaration(declarationKind);
            var text = target.Text;
            string newline = DetectNewline(text);
            string insert = position == text.Length && text.Length > 0 && text[^1] is not ('\n' or '\r')
                ? newline + line + newline
                : line + newline;
            Action($"Declare {kind} '{name}'" + (ReferenceEquals(target, document) ? "" : $" in {Path.GetFileName(target.Key)}"),
                preferred: false, (target, new TextEdit(target.GetRange(new TextSpan(position, 0)), insert)));
        }

        /// <summary>
        /// The file and position for a new declaration: after the last declaration of its kind in the project file
        /// that has most of them (this file on a tie); with none anywhere, above this file's first claim.
        /// </summary>
        private (DocumentSnapshot Document, int Position) PlaceForDeclaration(SyntaxKind kind)
        {
            DocumentSnapshot? best = null;
            DeclarationSyntax? bestLast = null;
            int bestCount = 0;
            foreach (var candidate in project.Documents.Values.Prepend(document))
            {
                int count = 0;
                DeclarationSyntax? last = null;
                foreach (var declaration in candidate.Tree.GetRoot().Declarations)
                {
                    if (declaration.Kind != kind) continue;
                    count++;
                    last = declaration;
                }
                if (count > bestCount)
                {
                    best = candidate;
                    bestLast = last;
                    bestCount = count;
                }
            }
            if (best is not null && bestLast is not null)
            {
                var lines = best.Lines;
                int line = lines.GetLine(bestLast.Span.End);
                return (best, line + 1 < lines.LineCount ? lines.GetLineStart(line + 1) : best.Text.Length);
            }
            foreach (var declaration in document.Tree.GetRoot().Declarations)
            {
                if (declaration.Kind != SyntaxKind.ClaimDeclaration) continue;
                var lines = document.Lines;
                int line = lines.GetLine(declaration.SpanStart);
                // Keep the claim's documentation comment with it.
                while (line > 0 && LineText(document, line - 1).TrimStart().StartsWith("///", StringComparison.Ordinal)) line--;
                return (document, lines.GetLineStart(line));
            }
            return (document, document.Text.Length);
        }

        private void AddConfidence()
        {
            if (Navigation.DeclarationAt(document.Tree, diagnostic.Location.Span.Start) is not ClaimDeclarationSyntax claim) return;
            var end = new TextSpan(claim.Span.End, 0);
            foreach (var (value, _) in Grades.Confidence)
                Action($"Add 'confidence {value}'", preferred: false, (document, Edit(end, " confidence " + value)));
        }

        private void Suppress()
        {
            var lines = document.Lines;
            int line = lines.GetLine(diagnostic.Location.Span.Start);
            string code = diagnostic.Id;
            if (line > 0)
            {
                string previous = LineText(document, line - 1);
                string trimmed = previous.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("///", StringComparison.Ordinal)
                    && trimmed[2..].TrimStart().StartsWith(SuppressionMap.Directive + " ", StringComparison.Ordinal))
                {
                    // Add the code to the directive that is already there (before any "-- reason").
                    int reason = previous.IndexOf(" --", StringComparison.Ordinal);
                    int at = lines.GetLineStart(line - 1) + (reason >= 0 ? reason : previous.TrimEnd().Length);
                    Action($"Disable {code} on this line", preferred: false, (document, Edit(new TextSpan(at, 0), ", " + code)));
                    return;
                }
            }
            string current = LineText(document, line);
            string indent = current[..(current.Length - current.TrimStart().Length)];
            string newline = DetectNewline(document.Text);
            Action($"Disable {code} on this line", preferred: false,
                (document, Edit(new TextSpan(lines.GetLineStart(line), 0), $"{indent}// {SuppressionMap.Directive} {code}{newline}")));
        }

        private void Action(string title, bool preferred, params (DocumentSnapshot Document, TextEdit Edit)[] edits) =>
            result.Add(new CodeAction
            {
                Title = title,
                Kind = CodeActionKind.QuickFix,
                Diagnostics = [lsp],
                IsPreferred = preferred ? true : null,
                Edit = WorkspaceEdits.Create(context.Client, edits),
            });

        private TextEdit Edit(TextSpan span, string text) => new(document.GetRange(span), text);

        private static bool IsIdentifier(string name)
        {
            if (name.Length == 0 || !SyntaxFacts.IsIdentifierStart(name[0])) return false;
            foreach (char c in name)
            {
                if (!SyntaxFacts.IsIdentifierPart(c)) return false;
            }
            return true;
        }
    }

    private static string LineText(DocumentSnapshot document, int line)
    {
        var lines = document.Lines;
        return document.Text.ToString(TextSpan.FromBounds(lines.GetLineStart(line), lines.GetLineEnd(line)));
    }

    private static string DetectNewline(SourceText text)
    {
        int length = Math.Min(text.Length, 4096);
        for (int i = 0; i < length; i++)
        {
            if (text[i] == '\n') return "\n";
            if (text[i] == '\r') return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }
}
