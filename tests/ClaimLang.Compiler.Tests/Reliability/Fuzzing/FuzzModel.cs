using System.Text;

namespace ClaimLang.Tests.Reliability.Fuzzing;

// The generated inputs, as data: a workspace is files, a file is declarations, a declaration is segments of tokens
// (the head, then one segment per clause). Layout choices (line breaks, indentation, comments) are part of the
// data, so a seed always renders to the same text and a shrunk case renders to a smaller one.
//
// This folder is compiled twice: into the compiler tests (bounded runs with fixed seeds) and into
// bench/ClaimLang.Fuzz (long runs with random seeds). It must not depend on xunit.

/// <summary>A run of tokens; a clause segment may start on a continuation line and carry comments.</summary>
/// <param name="Tokens">The token texts, in order.</param>
/// <param name="OnNewLine">Whether the segment starts on an indented continuation line.</param>
/// <param name="BlockComment">A <c>/* … */</c> comment written before the segment, or null.</param>
/// <param name="LineComment">A <c>// …</c> comment ending the previous line (only when <paramref name="OnNewLine"/>), or null.</param>
public sealed record GenSegment(string[] Tokens, bool OnNewLine = false, string? BlockComment = null, string? LineComment = null);

/// <summary>One declaration: an optional documentation comment, the head segment and the clause segments.</summary>
public sealed record GenDeclaration(string? Doc, GenSegment[] Segments, int BlankLinesAfter = 0);

/// <summary>One file of a generated workspace.</summary>
public sealed record GenFile(string Path, GenDeclaration[] Declarations, string LineBreak = "\n", bool Bom = false, string Indent = "  ");

/// <summary>A generated workspace: one or more files compiled together.</summary>
public sealed record GenWorkspace(GenFile[] Files)
{
    public string[] Render() => Array.ConvertAll(Files, ClaimRenderer.Render);

    public int DeclarationCount
    {
        get
        {
            int n = 0;
            foreach (var file in Files) n += file.Declarations.Length;
            return n;
        }
    }
}

/// <summary>What a mutation does.</summary>
public enum MutationKind
{
    InsertToken,
    DeleteToken,
    SwapTokens,
    DuplicateToken,
    InsertText,
    DeleteText,
    SwapChars,
    DuplicateText,
    ReplaceLineBreaks,
}

/// <summary>
/// One change to a generated workspace. Token mutations change the token model before rendering; text mutations
/// change the rendered text. Positions are taken modulo what exists, so any mutation applies to any workspace
/// (which keeps shrinking simple: dropping a declaration never invalidates a mutation).
/// </summary>
public sealed record Mutation(MutationKind Kind, int File, int At, int Length, string Payload)
{
    public bool IsTokenLevel => Kind <= MutationKind.DuplicateToken;

    public override string ToString() => $"{Kind}(file {File}, at {At}, length {Length}, {Escaping.Quote(Payload)})";
}

/// <summary>A workspace plus the mutations applied to it: the input of the "anything goes" properties.</summary>
public sealed class FuzzCase(GenWorkspace workspace, Mutation[] mutations)
{
    private string[]? _texts;

    public GenWorkspace Workspace { get; } = workspace;
    public Mutation[] Mutations { get; } = mutations;

    /// <summary>The file texts after all mutations.</summary>
    public string[] Texts => _texts ??= Mutator.Apply(Workspace, Mutations);

    /// <summary>The file paths, parallel to <see cref="Texts"/>.</summary>
    public string[] Paths => Array.ConvertAll(Workspace.Files, f => f.Path);

    public override string ToString() => Escaping.DescribeFiles(Paths, Texts) + (Mutations.Length > 0 ? "mutations: " + string.Join(", ", (object[])Mutations) + "\n" : "");
}

/// <summary>One edit of a text: positions are reduced modulo the current text, so a script applies to any text.</summary>
public sealed record TextEditSeed(int At, int Length, string Insert)
{
    public override string ToString() => $"edit(at {At}, delete {Length}, insert {Escaping.Quote(Insert)})";
}

/// <summary>A text and a sequence of edits to apply to it one by one (incremental parsing).</summary>
public sealed class EditCase(string text, TextEditSeed[] edits, bool batched)
{
    public string Text { get; } = text;
    public TextEditSeed[] Edits { get; } = edits;

    /// <summary>Whether the edits are also applied as groups of simultaneous changes (SourceText.WithChanges).</summary>
    public bool Batched { get; } = batched;

    public override string ToString() =>
        "text: " + Escaping.Quote(Text) + "\n" + (Batched ? "batched " : "") + "edits:\n  " + string.Join("\n  ", (object[])Edits) + "\n";
}

/// <summary>Readable, copy-pasteable forms of generated text (C# string literal syntax).</summary>
public static class Escaping
{
    public static string Quote(string text)
    {
        var b = new StringBuilder(text.Length + 2);
        b.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\0': b.Append("\\0"); break;
                default:
                    if (c < ' ' || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u200B')
                        b.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    public static string DescribeFiles(IReadOnlyList<string> paths, IReadOnlyList<string> texts)
    {
        var b = new StringBuilder();
        for (int i = 0; i < texts.Count; i++) b.Append(paths[i]).Append(": ").Append(Quote(texts[i])).Append('\n');
        return b.ToString();
    }
}

/// <summary>Turns the token model into text.</summary>
public static class ClaimRenderer
{
    public static string Render(GenFile file)
    {
        var b = new StringBuilder();
        if (file.Bom) b.Append('\uFEFF');
        foreach (var declaration in file.Declarations) Render(b, declaration, file.LineBreak, file.Indent);
        return b.ToString();
    }

    public static void Render(StringBuilder b, GenDeclaration declaration, string lineBreak, string indent)
    {
        if (declaration.Doc is not null) b.Append("/// ").Append(declaration.Doc).Append(lineBreak);
        bool first = true;
        string? previous = null;
        foreach (var segment in declaration.Segments)
        {
            if (!first)
            {
                if (segment.OnNewLine)
                {
                    if (segment.LineComment is not null) b.Append(" // ").Append(segment.LineComment);
                    b.Append(lineBreak).Append(indent);
                    previous = null;
                }
                else if (previous is not null) b.Append(' ');
                if (segment.BlockComment is not null)
                {
                    b.Append("/* ").Append(segment.BlockComment).Append(" */ ");
                    previous = null;
                }
            }
            foreach (var token in segment.Tokens)
            {
                if (previous is not null && NeedsSpace(previous, token)) b.Append(' ');
                b.Append(token);
                previous = token;
            }
            first = false;
        }
        b.Append(lineBreak);
        for (int i = 0; i < declaration.BlankLinesAfter; i++) b.Append(lineBreak);
    }

    /// <summary>The usual spacing: none around <c>.</c>, before <c>, ) : (</c> and after <c>(</c>.</summary>
    private static bool NeedsSpace(string previous, string next) =>
        !(next is "." or "," or ")" or ":" or "(" || previous is "." or "(");
}
