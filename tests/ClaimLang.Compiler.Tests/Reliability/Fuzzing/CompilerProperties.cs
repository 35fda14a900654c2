using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Emit;
using ClaimLang.Formatting;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using ClaimLang.Configuration;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>A broken promise, with what was being checked.</summary>
public class PropertyViolation(string message) : Exception(message);

/// <summary>An incremental parse that differs from a fresh one, with the one edit that made the difference.</summary>
public sealed class IncrementalViolation(string message, string before, int start, int length, string insert) : PropertyViolation(message)
{
    public string Before { get; } = before;
    public int Start { get; } = start;
    public int Length { get; } = length;
    public string Insert { get; } = insert;
}

/// <summary>Counts of what the properties saw, so tests can check that the generators reach the interesting cases.</summary>
public sealed class PropertyStats
{
    private long _cases, _errorFree, _withSyntaxErrors, _formatted, _datasets;

    public long Cases => Interlocked.Read(ref _cases);
    public long ErrorFree => Interlocked.Read(ref _errorFree);
    public long WithSyntaxErrors => Interlocked.Read(ref _withSyntaxErrors);
    public long Formatted => Interlocked.Read(ref _formatted);
    public long Datasets => Interlocked.Read(ref _datasets);

    internal void Case() => Interlocked.Increment(ref _cases);
    internal void ErrorFreeCase() => Interlocked.Increment(ref _errorFree);
    internal void SyntaxErrorCase() => Interlocked.Increment(ref _withSyntaxErrors);
    internal void FormattedFile() => Interlocked.Increment(ref _formatted);
    internal void Dataset() => Interlocked.Increment(ref _datasets);

    public override string ToString() =>
        $"{Cases} cases, {ErrorFree} error-free, {WithSyntaxErrors} with syntax errors, {Formatted} files formatted, {Datasets} datasets";
}

/// <summary>
/// The promises the compiler makes for every input, as checks that throw <see cref="PropertyViolation"/> (or let
/// the compiler's own exception escape, which is a failure too). Used by the FsCheck properties in the tests and by
/// the long-running fuzzer.
/// </summary>
public static class CompilerProperties
{
    /// <summary>A fixed "today", so that date checks never depend on the clock.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary>The folder the generated files pretend to live in (never touched: no documents are read).</summary>
    public static readonly string FakeRoot = Path.Combine(Path.GetTempPath(), "claimlang-fuzz-root");

    private static string FullPath(string relative) => Path.Combine(FakeRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    private static void Check(bool condition, string what, Func<string>? detail = null)
    {
        if (!condition) throw new PropertyViolation(what + (detail is null ? "" : "\n" + detail()));
    }

    // ------------------------------------------------------------------ 1. anything goes

    /// <summary>
    /// Lexer, parser, binder, analyzers, semantic model, dataset builder, JSON writer and formatter never throw;
    /// every tree gives back its text exactly; tokens tile the text; every diagnostic (and related location)
    /// points inside its file with a consistent line and column; results do not depend on the order of the files.
    /// </summary>
    public static void NothingBreaks(IReadOnlyList<string> paths, IReadOnlyList<string> texts, PropertyStats? stats = null)
    {
        stats?.Case();
        var trees = new List<SyntaxTree>(texts.Count);
        bool syntaxErrors = false;
        for (int i = 0; i < texts.Count; i++)
        {
            var tree = SyntaxTree.Parse(texts[i], FullPath(paths[i]));
            CheckTree(tree, texts[i]);
            syntaxErrors |= tree.GetDiagnostics().Count > 0;
            trees.Add(tree);
        }
        if (syntaxErrors) stats?.SyntaxErrorCase();

        var compilation = Compilation.Create(trees, today: Today);
        var diagnostics = compilation.GetDiagnostics();
        CheckDiagnostics(compilation, diagnostics);
        if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) stats?.ErrorFreeCase();

        // The same files in the opposite order give the same results.
        var reversed = Compilation.Create(Enumerable.Reverse(trees).ToList(), today: Today);
        Check(Describe(reversed.GetDiagnostics()) == Describe(diagnostics), "diagnostics depend on the order of the files",
            () => Describe(diagnostics) + "\n--- reversed ---\n" + Describe(reversed.GetDiagnostics()));

        // Semantic questions anywhere, and every symbol's references.
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            int length = tree.Text.Length;
            foreach (int position in new[] { 0, length / 3, length / 2, length - 1, length })
            {
                if (position < 0) continue;
                if (model.GetSymbolAt(position) is { } hit)
                    Check(hit.Span.End <= length, $"GetSymbolAt({position}) returned a span outside the text: {hit.Span}");
            }
            foreach (var declaration in tree.GetRoot().Declarations) _ = model.GetDeclaredSymbol(declaration);
        }
        int symbols = 0;
        foreach (var symbol in compilation.GetSymbols())
        {
            if (++symbols > 25) break;
            foreach (var (tree, reference) in compilation.FindReferences(symbol))
                Check(reference.Span.End <= tree.Text.Length, $"a reference to {symbol.Name} lies outside {tree.FilePath}");
        }

        // The dataset builder accepts compilations with errors; the JSON writer writes whatever it built.
        var dataset = DatasetBuilder.Build(compilation, FakeRoot);
        _ = DatasetJson.WriteToUtf8Bytes(dataset);

        // The formatter never throws, and leaves files with syntax errors alone.
        foreach (var tree in trees)
        {
            var result = Formatter.TryFormat(tree);
            if (tree.GetDiagnostics().Count > 0)
                Check(!result.Changed && result.Text == tree.ToString(), "the formatter changed a file with syntax errors");
        }
    }

    private static void CheckTree(SyntaxTree tree, string text)
    {
        Check(tree.ToString() == text, "the tree does not give back its text", () => "expected " + Escaping.Quote(text) + "\nactual   " + Escaping.Quote(tree.ToString()));
        var root = tree.GetRoot();
        Check(root.FullSpan.Length == text.Length, $"the root spans {root.FullSpan.Length} characters of {text.Length}");
        int position = 0;
        foreach (var token in root.DescendantTokens())
        {
            Check(token.FullSpan.Start == position, $"a gap or overlap before the token at {token.FullSpan.Start} (expected {position})");
            Check(token.Span.Start >= token.FullSpan.Start && token.Span.End <= token.FullSpan.End, $"token span {token.Span} outside its full span {token.FullSpan}");
            position = token.FullSpan.End;
        }
        Check(position == text.Length, $"the tokens end at {position}, the text at {text.Length}");
        foreach (var d in tree.GetDiagnostics()) CheckLocation(d.Location, tree, d);
        // FindToken anywhere returns the token whose full span holds the position.
        foreach (int at in new[] { 0, text.Length / 2, Math.Max(0, text.Length - 1) })
        {
            if (at >= text.Length) continue;
            var token = root.FindToken(at);
            Check(token.FullSpan.Start <= at && at < token.FullSpan.End, $"FindToken({at}) returned a token at {token.FullSpan}");
        }
    }

    private static void CheckLocation(Location location, SyntaxTree tree, Diagnostic owner)
    {
        var span = location.Span;
        Check(span.Start >= 0 && span.End <= tree.Text.Length, $"{owner.Id} at {span} lies outside the text (length {tree.Text.Length}): {owner}");
        var expected = tree.Text.Lines.GetLinePositionSpan(span);
        Check(location.LineSpan == expected, $"{owner.Id} says {location.LineSpan} for {span}, the text says {expected}: {owner}");
    }

    private static void CheckDiagnostics(Compilation compilation, IReadOnlyList<Diagnostic> diagnostics)
    {
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            Check(d.Id.Length == 7 && d.Id.StartsWith("CLM", StringComparison.Ordinal), $"odd diagnostic id {d.Id}");
            Check(!string.IsNullOrWhiteSpace(d.Message), $"{d.Id} has no message");
            var tree = compilation.GetTree(d.Location.FilePath);
            Check(tree is not null, $"{d.Id} names a file that is not in the compilation: {d.Location.FilePath}");
            CheckLocation(d.Location, tree!, d);
            foreach (var related in d.Related)
            {
                var relatedTree = compilation.GetTree(related.Location.FilePath);
                Check(relatedTree is not null, $"a related location of {d.Id} names an unknown file: {related.Location.FilePath}");
                CheckLocation(related.Location, relatedTree!, d);
            }
            if (i > 0) Check(Diagnostic.Compare(diagnostics[i - 1], d) <= 0, $"diagnostics out of order: {diagnostics[i - 1]} before {d}");
        }
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var b = new StringBuilder();
        foreach (var d in diagnostics) b.Append(d).Append(" @").Append(d.Location.Span).Append('\n');
        return b.ToString();
    }

    // ------------------------------------------------------------------ 2. incremental parsing

    /// <summary>The tree printed with every node, token, trivia and diagnostic: what "the same tree" means here.</summary>
    public static string Describe(SyntaxTree tree) =>
        SyntaxPrinter.Print(tree.GetRoot()) + string.Join("\n", tree.GetDiagnostics().Select(d => d.ToString() + " @" + d.Location.Span));

    /// <summary>
    /// Editing a tree with <see cref="SyntaxTree.WithChange"/> (one edit at a time) or
    /// <see cref="SyntaxTree.WithChangedText"/> (several at once) gives exactly the tree that parsing the edited text
    /// from scratch gives — nodes, tokens, trivia, diagnostics — and a text whose line map is right.
    /// </summary>
    public static void IncrementalEqualsFull(EditCase c, PropertyStats? stats = null)
    {
        stats?.Case();
        var tree = SyntaxTree.Parse(c.Text, "edited.claim");
        string text = c.Text;
        var pending = new List<TextChange>();
        foreach (var seed in c.Edits)
        {
            int start = seed.At % (text.Length + 1);
            int length = Math.Min(seed.Length, text.Length - start);
            string expected = string.Concat(text.AsSpan(0, start), seed.Insert, text.AsSpan(start + length));

            if (c.Batched && pending.Count < 3 && CanBatch(tree.Text, pending, new TextChange(new TextSpan(start, length), seed.Insert)))
            {
                // Collected into one multi-change edit below (positions refer to the same old text).
                pending.Add(new TextChange(new TextSpan(start, length), seed.Insert));
                continue;
            }
            if (pending.Count > 0)
            {
                tree = ApplyBatch(tree, pending);
                text = tree.Text.ToString();
                pending.Clear();
                start = Math.Min(start, text.Length);
                length = Math.Min(length, text.Length - start);
                expected = string.Concat(text.AsSpan(0, start), seed.Insert, text.AsSpan(start + length));
            }

            var edited = tree.WithChange(new TextSpan(start, length), seed.Insert);
            try
            {
                CheckSameAsFresh(edited, expected, $"after replacing [{start}..{start + length}) with {Escaping.Quote(seed.Insert)} in {Escaping.Quote(text)}");
            }
            catch (PropertyViolation v)
            {
                throw new IncrementalViolation(v.Message, text, start, length, seed.Insert);
            }
            tree = edited;
            text = expected;
        }
        if (pending.Count > 0) ApplyBatch(tree, pending);
    }

    private static SyntaxTree ApplyBatch(SyntaxTree tree, List<TextChange> changes)
    {
        changes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var newText = tree.Text.WithChanges(changes);
        var edited = tree.WithChangedText(newText);
        CheckSameAsFresh(edited, newText.ToString(), "after the changes " + string.Join(", ", changes.Select(x => $"{x.Span}→{Escaping.Quote(x.NewText ?? "")}")) + " on " + Escaping.Quote(tree.Text.ToString()));
        return edited;
    }

    /// <summary>
    /// Whether <paramref name="change"/> can join the batch: no overlap with the others, and (because of the known
    /// line-map defect of SourceText.WithChanges in Microsoft.CodeAnalysis 4.14, which ClaimLang.Text.TextEdits works
    /// around for single edits) not next to a CR or LF.
    /// </summary>
    private static bool CanBatch(SourceText text, List<TextChange> pending, TextChange change)
    {
        var span = change.Span;
        foreach (var other in pending)
        {
            if (span.Start <= other.Span.End && other.Span.Start <= span.End) return false;
        }
        string insert = change.NewText ?? "";
        bool nearLineBreak = (span.Start > 0 && text[span.Start - 1] is '\r' or '\n') || (span.End < text.Length && text[span.End] is '\r' or '\n')
            || insert.Contains('\r') || insert.Contains('\n');
        return !nearLineBreak;
    }

    private static void CheckSameAsFresh(SyntaxTree edited, string expected, string context)
    {
        Check(edited.ToString() == expected, "the edited tree does not give back the edited text " + context);
        Check(edited.Text.ToString() == expected, "the edited tree's SourceText is not the edited text " + context);
        var freshText = SourceText.From(expected);
        Check(edited.Text.Lines.Count == freshText.Lines.Count, $"the edited text has {edited.Text.Lines.Count} lines, a fresh one {freshText.Lines.Count} " + context);
        for (int i = 0; i < freshText.Lines.Count; i++)
        {
            if (edited.Text.Lines[i].Span != freshText.Lines[i].Span || edited.Text.Lines[i].EndIncludingLineBreak != freshText.Lines[i].EndIncludingLineBreak)
                throw new PropertyViolation($"line {i} of the edited text is {edited.Text.Lines[i].SpanIncludingLineBreak}, of a fresh one {freshText.Lines[i].SpanIncludingLineBreak} " + context);
        }
        var fresh = SyntaxTree.Parse(expected, edited.FilePath);
        string a = Describe(edited), b = Describe(fresh);
        if (a != b) throw new PropertyViolation("incremental parse differs from a fresh parse " + context + "\n" + FirstDifference(a, b));
    }

    private static string FirstDifference(string a, string b)
    {
        var la = a.Split('\n');
        var lb = b.Split('\n');
        for (int i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            string x = i < la.Length ? la[i] : "<end>", y = i < lb.Length ? lb[i] : "<end>";
            if (x != y) return $"first difference at printed line {i}:\n  incremental: {x}\n  fresh:       {y}";
        }
        return "(no difference)";
    }

    // ------------------------------------------------------------------ 3. formatter

    private static readonly FormatOptions[] FormatSettings =
    [
        FormatOptions.Default,
        new() { Width = 40 },
        new() { Width = 60, Indent = 4 },
        new() { Width = 400, Indent = 1 },
    ];

    /// <summary>
    /// On files without syntax errors the formatter is idempotent, keeps the tokens, and keeps the meaning: the
    /// formatted workspace compiles to the same diagnostics (codes, severities, messages) and, when it has no
    /// errors, to the same dataset apart from source positions.
    /// </summary>
    public static void FormatterKeepsMeaning(IReadOnlyList<string> paths, IReadOnlyList<string> texts, int settings, PropertyStats? stats = null)
    {
        stats?.Case();
        var options = FormatSettings[Math.Abs(settings) % FormatSettings.Length];
        var originals = new List<SyntaxTree>();
        var formatted = new List<SyntaxTree>();
        for (int i = 0; i < texts.Count; i++)
        {
            var tree = SyntaxTree.Parse(texts[i], FullPath(paths[i]));
            originals.Add(tree);
            if (tree.GetDiagnostics().Count > 0)
            {
                stats?.SyntaxErrorCase();
                Check(Formatter.Format(tree, options) == texts[i], "the formatter changed a file with syntax errors");
                return;
            }
            string output = Formatter.Format(tree, options);
            var outputTree = SyntaxTree.Parse(output, tree.FilePath);
            Check(outputTree.GetDiagnostics().Count == 0, "the formatted file has syntax errors: " + string.Join("; ", outputTree.GetDiagnostics()),
                () => "--- input ---\n" + Escaping.Quote(texts[i]) + "\n--- output ---\n" + Escaping.Quote(output));
            string again = Formatter.Format(outputTree, options);
            Check(again == output, "formatting is not idempotent", () => "--- input ---\n" + Escaping.Quote(texts[i]) + "\n--- once ---\n" + Escaping.Quote(output) + "\n--- twice ---\n" + Escaping.Quote(again));
            Check(Tokens(tree).SequenceEqual(Tokens(outputTree)), "the formatter changed the tokens",
                () => "--- input ---\n" + Escaping.Quote(texts[i]) + "\n--- output ---\n" + Escaping.Quote(output));
            stats?.FormattedFile();
            formatted.Add(outputTree);
        }

        var before = Compilation.Create(originals, today: Today);
        var after = Compilation.Create(formatted, today: Today);
        string d1 = Meaning(before.GetDiagnostics()), d2 = Meaning(after.GetDiagnostics());
        Check(d1 == d2, "formatting changed the diagnostics", () => "--- before ---\n" + d1 + "--- after ---\n" + d2);
        if (before.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return;
        stats?.ErrorFreeCase();
        string j1 = DatasetWithoutPositions(before), j2 = DatasetWithoutPositions(after);
        Check(j1 == j2, "formatting changed the dataset", () => "--- before ---\n" + j1 + "\n--- after ---\n" + j2);
    }

    private static IEnumerable<(SyntaxKind, string)> Tokens(SyntaxTree tree) =>
        tree.GetRoot().DescendantTokens().Select(t => (t.Kind, t.Text));

    private static string Meaning(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => $"{d.Id} {d.Severity} {Path.GetFileName(d.Location.FilePath)}: {d.Message}").ToList();
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The dataset as JSON with every <c>location</c> removed.</summary>
    public static string DatasetWithoutPositions(Compilation compilation)
    {
        var json = JsonNode.Parse(DatasetJson.WriteToUtf8Bytes(DatasetBuilder.Build(compilation, FakeRoot)))!.AsObject();
        foreach (var (_, value) in json)
        {
            if (value is not JsonArray entities) continue;
            foreach (var entity in entities) (entity as JsonObject)?.Remove("location");
        }
        return json.ToJsonString();
    }

    // ------------------------------------------------------------------ 4. dataset

    /// <summary>
    /// A workspace without errors gives a dataset that passes the runtime's own validation, survives JSON and SQLite
    /// round trips unchanged (hostile text included: every SQL value is a parameter), is byte-identical whatever the
    /// order of the files, and whose CSV cells never start like a formula. Returns the JSON (for schema validation
    /// in batches), or null when the workspace has errors.
    /// </summary>
    public static byte[]? DatasetIsSound(IReadOnlyList<string> paths, IReadOnlyList<string> texts, bool csv, PropertyStats? stats = null)
    {
        stats?.Case();
        var trees = texts.Select((t, i) => SyntaxTree.Parse(t, FullPath(paths[i]))).ToList();
        var compilation = Compilation.Create(trees, today: Today);
        if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        stats?.ErrorFreeCase();

        var dataset = DatasetBuilder.Build(compilation, FakeRoot);
        var problems = dataset.Validate();
        Check(problems.Count == 0, "the dataset of an error-free workspace does not validate: " + string.Join("; ", problems));

        byte[] json = DatasetJson.WriteToUtf8Bytes(dataset);
        var read = DatasetJson.Read(json);
        Check(DatasetJson.WriteToUtf8Bytes(read).AsSpan().SequenceEqual(json), "dataset.json does not read back to the same dataset",
            () => Encoding.UTF8.GetString(json) + "\n--- read back and written ---\n" + Encoding.UTF8.GetString(DatasetJson.WriteToUtf8Bytes(read)));

        var reversed = DatasetBuilder.Build(Compilation.Create(Enumerable.Reverse(trees).ToList(), today: Today), FakeRoot);
        Check(DatasetJson.WriteToUtf8Bytes(reversed).AsSpan().SequenceEqual(json), "the dataset depends on the order of the files");

        // Every line of dataset.jsonl is one JSON object.
        using (var lines = new MemoryStream())
        {
            DatasetJsonLines.Write(dataset, lines);
            foreach (var line in Encoding.UTF8.GetString(lines.ToArray()).Split('\n'))
            {
                if (line.Length == 0) continue;
                Check(JsonNode.Parse(line) is JsonObject, "a line of dataset.jsonl is not a JSON object: " + line);
            }
        }

        if (csv)
        {
            using var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
            connection.Open();
            DatasetSqlite.Write(dataset, connection);
            var back = DatasetSqlite.Read(connection);
            Check(DatasetJson.WriteToUtf8Bytes(back).AsSpan().SequenceEqual(json), "the dataset does not survive a SQLite round trip",
                () => Encoding.UTF8.GetString(json) + "\n--- from SQLite ---\n" + Encoding.UTF8.GetString(DatasetJson.WriteToUtf8Bytes(back)));
            CheckCsv(dataset);
        }
        stats?.Dataset();
        return json;
    }

    private static void CheckCsv(ClaimDataset dataset)
    {
        string folder = Path.Combine(Path.GetTempPath(), "claimlang-fuzz-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            DatasetEmitter.WriteCsv(dataset, folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.csv"))
            {
                foreach (var cell in CsvCells(File.ReadAllText(file, Encoding.UTF8), Path.GetFileName(file)))
                {
                    if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                        Check(IsPlainNumber(cell), $"{Path.GetFileName(file)}: a cell starts like a formula: {Escaping.Quote(cell)}");
                }
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static bool IsPlainNumber(string cell) =>
        double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);

    /// <summary>The cells of an RFC 4180 file (quotes removed, doubled quotes undone); throws on malformed quoting.</summary>
    public static IEnumerable<string> CsvCells(string text, string name)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int i = 0;
        while (i <= text.Length)
        {
            if (i == text.Length) break;
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Check(i < text.Length, $"{name}: unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(text[i++]);
                }
                Check(i == text.Length || text[i] == ',' || text[i] == '\r', $"{name}: text after a closing quote at {i}");
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    Check(text[i] is not ('"' or '\n'), $"{name}: a bare quote or line feed in an unquoted field at {i}");
                    cell.Append(text[i++]);
                }
            }
            cells.Add(cell.ToString());
            cell.Clear();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            if (i < text.Length && text[i] == '\r')
            {
                Check(i + 1 < text.Length && text[i + 1] == '\n', $"{name}: a record does not end with CRLF");
                i += 2;
            }
        }
        return cells;
    }
}
