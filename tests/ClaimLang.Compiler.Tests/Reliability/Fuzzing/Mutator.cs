using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>
/// Mutations of generated workspaces: tokens inserted, deleted, swapped and duplicated in the token model, and
/// characters inserted, deleted, swapped and duplicated in the rendered text — including NUL, lone surrogates,
/// byte-order marks, every line-break style and mixes of them, and the openers of strings and comments.
/// </summary>
public static class Mutator
{
    /// <summary>Tokens a mutation may insert: valid ones out of place, and broken ones.</summary>
    public static readonly string[] TokenPool =
    [
        "claim", "source", "actor", "place", "predicate", "hypothesis", "on", "confidence", "credibility", "supersedes",
        "contradicts", "supports", "cites", "published", "reliability", "part_of", "in", "at", "quote", "note", "tags",
        "kind", "aka", "author", "url", "document", "lang", "clam", "sorce", "X", "Y.z", "_", "é",
        ".", ",", "(", ")", ":", "=", "-", "..", "2017", "2017-01-28", "2017-02-30", "2017-1-28", "40_000", "-3.5", "1__0",
        "\"str\"", "\"", "\"unterminated", "\"\"\"", "\"bad \\q\"", "\"\\u{D800}\"", "\"\\u{110000}\"",
        "/*", "*/", "//", "///", "\\", "§", "#", "\0", "\uD800", "\uDC00", "\uFEFF", "😀",
    ];

    /// <summary>Text a mutation may insert into the rendered file.</summary>
    public static readonly string[] TextPool =
    [
        "\0", "\uD800", "\uDFFF", "\uD83D", "\uFEFF", "\uFFFD", "\uFFFF", "\r", "\n", "\r\n", "\n\r", "\t", " ", "  ", "\u00A0", "\u0085", "\u2028", "\u200B",
        "\"", "\"\"\"", "\\", "/*", "*/", "//", "///", "\n  ", "\r\n\t", "\nclaim A0.p source S0\n", "\n\n", "x", "9", "-", ".", "..", "~", "?", "%", "é", "😀",
        "\u0301", "\u202E",
    ];

    private static Gen<Mutation> TokenMutation =>
        from kind in Gen.Elements(MutationKind.InsertToken, MutationKind.DeleteToken, MutationKind.SwapTokens, MutationKind.DuplicateToken)
        from file in Gen.Choose(0, 3)
        from at in Gen.Choose(0, 100_000)
        from token in Gen.Elements(TokenPool)
        select new Mutation(kind, file, at, 1, kind == MutationKind.InsertToken ? token : "");

    private static Gen<Mutation> TextMutation =>
        from kind in Gen.Frequency(
            (4, Gen.Constant(MutationKind.InsertText)),
            (2, Gen.Constant(MutationKind.DeleteText)),
            (1, Gen.Constant(MutationKind.SwapChars)),
            (1, Gen.Constant(MutationKind.DuplicateText)),
            (1, Gen.Constant(MutationKind.ReplaceLineBreaks)))
        from file in Gen.Choose(0, 3)
        from at in Gen.Choose(0, 100_000)
        from length in Gen.Choose(1, 12)
        from payload in kind switch
        {
            MutationKind.InsertText => Gen.Frequency((5, Gen.Elements(TextPool)), (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()))),
            MutationKind.ReplaceLineBreaks => Gen.Elements("\n", "\r\n", "\r", "mix"),
            _ => Gen.Constant(""),
        }
        select new Mutation(kind, file, at, length, payload);

    /// <summary>One to <paramref name="max"/> mutations, token and text ones mixed.</summary>
    public static Gen<Mutation[]> Mutations(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.OneOf(TokenMutation, TextMutation), n));

    /// <summary>A workspace with mutations; most cases have some, a few have none (the clean inputs matter too).</summary>
    public static Gen<FuzzCase> Cases(bool validWorkspace, int maxMutations) =>
        from workspace in ClaimGrammar.Workspace(validWorkspace)
        from mutations in Mutations(maxMutations)
        select new FuzzCase(workspace, mutations);

    public static Arbitrary<FuzzCase> Arbitrary(bool validWorkspace, int maxMutations) =>
        Arb.From(Cases(validWorkspace, maxMutations), Shrink);

    public static IEnumerable<FuzzCase> Shrink(FuzzCase c)
    {
        var m = c.Mutations;
        for (int i = 0; i < m.Length; i++) yield return new FuzzCase(c.Workspace, [.. m[..i], .. m[(i + 1)..]]);
        foreach (var workspace in ClaimGrammar.Shrink(c.Workspace)) yield return new FuzzCase(workspace, m);
    }

    // ------------------------------------------------------------------ applying

    public static string[] Apply(GenWorkspace workspace, IReadOnlyList<Mutation> mutations)
    {
        var files = (GenFile[])workspace.Files.Clone();
        foreach (var mutation in mutations)
        {
            if (!mutation.IsTokenLevel) continue;
            int f = mutation.File % files.Length;
            files[f] = ApplyToTokens(files[f], mutation);
        }
        var texts = Array.ConvertAll(files, ClaimRenderer.Render);
        foreach (var mutation in mutations)
        {
            if (mutation.IsTokenLevel) continue;
            int f = mutation.File % texts.Length;
            texts[f] = ApplyToText(texts[f], mutation);
        }
        return texts;
    }

    private static GenFile ApplyToTokens(GenFile file, Mutation mutation)
    {
        // Flatten (declaration, segment, token) positions; every token has one.
        var positions = new List<(int D, int S, int T)>();
        for (int d = 0; d < file.Declarations.Length; d++)
        {
            var segments = file.Declarations[d].Segments;
            for (int s = 0; s < segments.Length; s++)
            {
                for (int t = 0; t < segments[s].Tokens.Length; t++) positions.Add((d, s, t));
            }
        }
        if (positions.Count == 0)
        {
            return mutation.Kind == MutationKind.InsertToken
                ? file with { Declarations = [.. file.Declarations, new GenDeclaration(null, [new GenSegment([mutation.Payload])])] }
                : file;
        }
        var (di, si, ti) = positions[mutation.At % positions.Count];
        var tokens = new List<string>(file.Declarations[di].Segments[si].Tokens);
        switch (mutation.Kind)
        {
            case MutationKind.InsertToken:
                tokens.Insert(ti, mutation.Payload);
                break;
            case MutationKind.DeleteToken:
                tokens.RemoveAt(ti);
                break;
            case MutationKind.DuplicateToken:
                tokens.Insert(ti, tokens[ti]);
                break;
            case MutationKind.SwapTokens:
                if (ti + 1 < tokens.Count) (tokens[ti], tokens[ti + 1]) = (tokens[ti + 1], tokens[ti]);
                else if (ti > 0) (tokens[ti], tokens[ti - 1]) = (tokens[ti - 1], tokens[ti]);
                break;
        }
        var declarations = (GenDeclaration[])file.Declarations.Clone();
        var segmentsCopy = (GenSegment[])declarations[di].Segments.Clone();
        segmentsCopy[si] = segmentsCopy[si] with { Tokens = [.. tokens] };
        declarations[di] = declarations[di] with { Segments = segmentsCopy };
        return file with { Declarations = declarations };
    }

    public static string ApplyToText(string text, Mutation mutation)
    {
        int at = mutation.At % (text.Length + 1);
        switch (mutation.Kind)
        {
            case MutationKind.InsertText:
                return text.Insert(at, mutation.Payload);
            case MutationKind.DeleteText:
                return text.Remove(at, Math.Min(mutation.Length, text.Length - at));
            case MutationKind.SwapChars:
                if (at + 1 >= text.Length) return text;
                var chars = text.ToCharArray();
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return new string(chars);
            case MutationKind.DuplicateText:
                int length = Math.Min(mutation.Length, text.Length - at);
                return text.Insert(at, text.Substring(at, length));
            case MutationKind.ReplaceLineBreaks:
                return ReplaceLineBreaks(text, mutation.Payload);
            default:
                return text;
        }
    }

    /// <summary>Rewrites every line break as <paramref name="style"/>, or (<c>mix</c>) cycles through LF, CRLF and CR.</summary>
    public static string ReplaceLineBreaks(string text, string style)
    {
        string[] cycle = style == "mix" ? ["\n", "\r\n", "\r"] : [style];
        var b = new StringBuilder(text.Length + 16);
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                b.Append(cycle[n++ % cycle.Length]);
            }
            else b.Append(c);
        }
        return b.ToString();
    }

    // ------------------------------------------------------------------ edit scripts

    /// <summary>Fragments typed or pasted by the edit scripts: single characters, tokens, line breaks, whole lines.</summary>
    public static readonly string[] EditPool =
    [
        "x", "Y", " ", "  ", "\t", "\n", "\r\n", "\r", "\n  ", "\"", "\"\"\"", "/*", "*/", "//", "///", ",", ".", "(", ")", ":", "=", "-", "~", "?",
        "2017", "2017-01-28", "claim ", "source ", "on ", " confidence low", "\\", "é", "😀", "\uD800", "\uDC00", "\0", "\uFEFF", "§",
        "\nclaim A0.p source S0\n", "\nsource S9 \"t\"\n", "  supersedes c0", "\n// comment\n",
    ];

    private static Gen<TextEditSeed> Edit =>
        from at in Gen.Choose(0, 1_000_000)
        from delete in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 12)), (1, Gen.Choose(13, 200)))
        from insert in Gen.Frequency((5, Gen.Elements(EditPool)), (1, Gen.Constant("")), (1, Gen.Elements(TokenPool)))
        select new TextEditSeed(at, delete, insert.Length == 0 && delete == 0 ? "x" : insert);

    /// <summary>A generated (often mutated) file and a script of random edits to apply to it.</summary>
    public static Gen<EditCase> EditCases =>
        from c in Cases(validWorkspace: false, maxMutations: 3)
        from count in Gen.Sized(size => Gen.Choose(1, Math.Max(1, Math.Min(40, size))))
        from edits in Gen.ArrayOf(Edit, count)
        from batched in ClaimGrammar.Chance(30)
        select new EditCase(c.Texts[0], edits, batched);

    public static Arbitrary<EditCase> EditArbitrary => Arb.From(EditCases, ShrinkEdits);

    private static IEnumerable<EditCase> ShrinkEdits(EditCase c)
    {
        var e = c.Edits;
        if (e.Length > 1)
        {
            yield return new EditCase(c.Text, e[..(e.Length / 2)], c.Batched);
            for (int i = 0; i < e.Length; i++) yield return new EditCase(c.Text, [.. e[..i], .. e[(i + 1)..]], c.Batched);
        }
        if (c.Batched) yield return new EditCase(c.Text, e, false);
        // Shorter texts: drop the second half, then single lines.
        if (c.Text.Length > 1) yield return new EditCase(c.Text[..(c.Text.Length / 2)], e, c.Batched);
        int lineEnd = c.Text.IndexOf('\n');
        if (lineEnd >= 0 && lineEnd + 1 < c.Text.Length) yield return new EditCase(c.Text[(lineEnd + 1)..], e, c.Batched);
    }
}
