using System.Text;
using ClaimLang.Workspace;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>A failing input in text form, with the check that fails on it (what the fuzzer minimises).</summary>
public sealed record FailingInput(string[] Paths, string[] Texts, Action<string[]> Recheck, string Signature);

/// <summary>What a property run shares with its caller: counters, where datasets go, and the last failing input.</summary>
public sealed class FuzzContext
{
    public PropertyStats Stats { get; } = new();

    /// <summary>Receives the JSON of every error-free dataset (the caller validates them against the schema in batches).</summary>
    public Action<byte[]>? DatasetSink { get; init; }

    /// <summary>The last input a check failed on; after FsCheck has shrunk a failure, the smallest one it found.</summary>
    public FailingInput? LastFailure { get; private set; }

    /// <summary>Runs <paramref name="check"/> on <paramref name="texts"/>, remembering the input when it fails.</summary>
    public void Guard(string[] paths, string[] texts, Action<string[]> check)
    {
        try
        {
            check(texts);
        }
        catch (Exception e)
        {
            LastFailure = new FailingInput(paths, texts, check, Signature(e));
            throw;
        }
    }

    /// <summary>Remembers a failing input found some other way (see <see cref="SingleEdit"/>).</summary>
    public void Record(FailingInput input) => LastFailure = input;

    /// <summary>What makes two failures "the same": the exception type and the start of the message, without details.</summary>
    public static string Signature(Exception e)
    {
        string message = e.Message;
        int end = 0;
        while (end < message.Length && end < 40 && message[end] is not (':' or '\'' or '"' or '\n' or '(' or '@') && !char.IsDigit(message[end])) end++;
        return e.GetType().Name + ": " + message[..end];
    }
}

/// <summary>One named property: how to build the FsCheck property for a run.</summary>
public sealed record FuzzProperty(string Name, string Description, Func<FuzzContext, Property> Build);

/// <summary>
/// Every reliability property, by name. The compiler tests run each with fixed seeds and a few hundred cases;
/// bench/ClaimLang.Fuzz runs them with random seeds for as long as it is told to.
/// </summary>
public static class FuzzCatalog
{
    public static IReadOnlyList<FuzzProperty> All { get; } =
    [
        new("generated",
            "grammar-generated workspaces (with hazards: undefined names, bad grades and dates, cycles): nothing throws, round trip, positions, file order",
            context => Prop.ForAll(Mutator.Arbitrary(validWorkspace: false, maxMutations: 0), c =>
                context.Guard(c.Paths, c.Texts, texts => CompilerProperties.NothingBreaks(c.Paths, texts, context.Stats)))),
        new("mutated",
            "the same with token and character mutations (NUL, lone surrogates, BOM, CR/LF mixes, quote and comment openers)",
            context => Prop.ForAll(Mutator.Arbitrary(validWorkspace: false, maxMutations: 8), c =>
                context.Guard(c.Paths, c.Texts, texts => CompilerProperties.NothingBreaks(c.Paths, texts, context.Stats)))),
        new("bytes",
            "random and mangled bytes read as a source file: invalid UTF-8 gives one positioned diagnostic, and nothing throws",
            context => Prop.ForAll(ByteArbitrary, bytes => DecodedBytes(bytes, context.Stats))),
        new("incremental",
            "random edit scripts applied with SyntaxTree.WithChange / WithChangedText equal a fresh parse after every step",
            context => Prop.ForAll(Mutator.EditArbitrary, c =>
            {
                try
                {
                    context.Guard(["edited.claim"], [c.Text], texts => CompilerProperties.IncrementalEqualsFull(new EditCase(texts[0], c.Edits, c.Batched), context.Stats));
                }
                catch (IncrementalViolation v) when (SingleEdit.From(v) is { } single)
                {
                    // The one edit that went wrong, on a fresh parse of the text before it: much easier to minimise.
                    context.Record(single);
                    throw;
                }
            })),
        new("formatter",
            "on error-free workspaces the formatter is idempotent and keeps tokens, diagnostics and the dataset",
            context => Prop.ForAll(Mutator.Arbitrary(validWorkspace: true, maxMutations: 0), Arb.From(Gen.Choose(0, 3)),
                (c, settings) => context.Guard(c.Paths, c.Texts, texts => CompilerProperties.FormatterKeepsMeaning(c.Paths, texts, settings, context.Stats)))),
        new("dataset",
            "error-free workspaces give datasets that validate, round-trip through JSON and SQLite, do not depend on file order, and have no formula-like CSV cells",
            context => Prop.ForAll(Mutator.Arbitrary(validWorkspace: true, maxMutations: 0), Arb.From(Gen.Choose(0, 9)), (c, n) =>
            {
                byte[]? json = null;
                context.Guard(c.Paths, c.Texts, texts => json = CompilerProperties.DatasetIsSound(c.Paths, texts, csv: n == 0, context.Stats));
                if (json is not null) context.DatasetSink?.Invoke(json);
            })),
    ];

    public static FuzzProperty Get(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"no property '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}");

    // ------------------------------------------------------------------ bytes

    private static readonly byte[][] BadSequences =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3], [0xEF, 0xBB, 0xBF], [0x00],
    ];

    private static Gen<byte[]> MangledFile =>
        from c in Mutator.Cases(validWorkspace: false, maxMutations: 2)
        from bom in ClaimGrammar.Chance(15)
        from insertions in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Elements(BadSequences)), 3)
        from count in Gen.Choose(0, 3)
        select Mangle(c.Texts[0], bom, insertions[..count]);

    private static byte[] Mangle(string text, bool bom, (int At, byte[] Bytes)[] insertions)
    {
        var bytes = new List<byte>();
        if (bom) bytes.AddRange([0xEF, 0xBB, 0xBF]);
        bytes.AddRange(new UTF8Encoding(false).GetBytes(text));
        foreach (var (at, bad) in insertions) bytes.InsertRange(at % (bytes.Count + 1), bad);
        return [.. bytes];
    }

    private static Gen<byte[]> RandomBytes =>
        Gen.Sized(size => Gen.Choose(0, 4 * size + 8)).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    public static Arbitrary<byte[]> ByteArbitrary { get; } = Arb.From(Gen.Frequency((3, MangledFile), (1, RandomBytes)), ShrinkBytes);

    private static IEnumerable<byte[]> ShrinkBytes(byte[] bytes)
    {
        if (bytes.Length == 0) yield break;
        yield return bytes[..(bytes.Length / 2)];
        yield return bytes[(bytes.Length / 2)..];
        int step = Math.Max(1, bytes.Length / 16);
        for (int i = 0; i < bytes.Length; i += step) yield return [.. bytes[..i], .. bytes[Math.Min(bytes.Length, i + step)..]];
    }

    /// <summary>
    /// The bytes of a file: decoding never throws; invalid UTF-8 gives exactly one diagnostic, positioned at the
    /// character where the first bad byte ended up; then the decoded text goes through everything else.
    /// </summary>
    public static void DecodedBytes(byte[] bytes, PropertyStats? stats = null)
    {
        const string path = "bytes.claim";
        var (text, error) = SourceFileReader.Decode(bytes, path);
        bool valid = System.Text.Unicode.Utf8.IsValid(bytes);
        if (valid != (error is null)) throw new PropertyViolation(valid ? "valid UTF-8 was reported as invalid: " + error : "invalid UTF-8 was not reported");
        if (error is not null)
        {
            var span = error.Location.Span;
            if (span.Start < 0 || span.End > text.Length) throw new PropertyViolation($"the encoding diagnostic lies outside the text: {span} of {text.Length}");
            if (error.Location.LineSpan != text.Lines.GetLinePositionSpan(span)) throw new PropertyViolation("the encoding diagnostic's line and column do not match its span");
            // Everything before the diagnostic is the decoded valid prefix.
            int firstBad = FirstInvalidByte(bytes);
            string prefix = Encoding.UTF8.GetString(bytes, 0, firstBad);
            string decodedPrefix = text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, span.Start));
            if (decodedPrefix != prefix && decodedPrefix != "\uFEFF" + prefix)
                throw new PropertyViolation($"the encoding diagnostic is at character {span.Start}, but the first bad byte (offset {firstBad}) follows {Escaping.Quote(prefix)}");
        }
        CompilerProperties.NothingBreaks([path], [text.ToString()], stats);
    }

    private static int FirstInvalidByte(byte[] bytes)
    {
        int offset = 0;
        var span = bytes.AsSpan();
        while (span.Length > 0)
        {
            if (Rune.DecodeFromUtf8(span, out _, out int consumed) != System.Buffers.OperationStatus.Done) return offset;
            span = span[consumed..];
            offset += consumed;
        }
        return offset;
    }
}

/// <summary>
/// One failing edit as a minimisable text: the text before the edit with the replaced range between two marker
/// characters (U+E000 and U+E001). The check re-applies the edit where the markers are.
/// </summary>
public static class SingleEdit
{
    private const char Open = '\uE000', Close = '\uE001';

    public static FailingInput? From(IncrementalViolation v)
    {
        if (v.Before.Contains(Open) || v.Before.Contains(Close)) return null;
        string marked = v.Before[..v.Start] + Open + v.Before.Substring(v.Start, v.Length) + Close + v.Before[(v.Start + v.Length)..];
        string insert = v.Insert;
        void Check(string[] texts) => Apply(texts[0], insert);
        try
        {
            Check([marked]);
            return null; // it needed the history of earlier edits: keep FsCheck's case
        }
        catch (Exception e)
        {
            return new FailingInput(["edited.claim"], [marked], Check, FuzzContext.Signature(e));
        }
    }

    private static void Apply(string marked, string insert)
    {
        int open = marked.IndexOf(Open), close = marked.IndexOf(Close);
        if (open < 0 || close < open || marked.IndexOf(Open, open + 1) >= 0 || marked.IndexOf(Close, close + 1) >= 0) return;
        string before = string.Concat(marked.AsSpan(0, open), marked.AsSpan(open + 1, close - open - 1), marked.AsSpan(close + 1));
        CompilerProperties.IncrementalEqualsFull(new EditCase(before, [new TextEditSeed(open, close - open - 1, insert)], false));
    }
}
