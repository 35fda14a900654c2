using System.Globalization;
using System.Text;
using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using ClaimLang.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>What one hostile-input check measured (printed by the fuzzer; the tests assert only generous bounds).</summary>
public sealed record HostileReport(string Name, long InputChars, long AllocatedBytes, long LiveBytesAfter, int Diagnostics)
{
    public override string ToString() =>
        $"{Name}: {InputChars:N0} characters, {AllocatedBytes / 1_000_000.0:N0} MB allocated, {LiveBytesAfter / 1_000_000.0:N0} MB live afterwards, {Diagnostics:N0} diagnostics";
}

/// <summary>
/// Inputs built to hurt: huge files, huge lines, millions of declarations, very long reference chains and cycles,
/// many names. Each check compiles the input and asserts what must hold (no exception, no stack overflow, the
/// right diagnostic at the right place) — never how long it took. The compiler tests run them at sizes a default
/// run affords; <c>bench/ClaimLang.Fuzz --hostile</c> runs them at full size (docs/reliability.md).
/// </summary>
public static class HostileInputs
{
    private static void Check(bool condition, string what)
    {
        if (!condition) throw new PropertyViolation(what);
    }

    /// <summary>Runs <paramref name="body"/> and measures what it allocated and what stays alive afterwards.</summary>
    public static HostileReport Measure(string name, long inputChars, Func<int> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        long liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        int diagnostics = body();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        long live = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - liveBefore);
        return new HostileReport(name, inputChars, allocated, live, diagnostics);
    }

    private static Compilation Compile(string text, string path = "hostile.claim") =>
        Compilation.Create([SyntaxTree.Parse(text, path)], today: CompilerProperties.Today);

    private static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Check(matching.Count == 1, $"expected one {id}, found {matching.Count}: {string.Join("; ", matching.Take(3))}");
        return matching[0];
    }

    private const string World = "source S \"a source\" reliability B\nactor A \"an actor\"\n";

    // ------------------------------------------------------------------ a large file

    /// <summary>
    /// A file of about <paramref name="chars"/> characters ending in a claim with an undefined source. Dense files
    /// are ordinary short declarations (the most work per byte); otherwise most bytes are long notes and raw-string
    /// quotes (the most bytes per declaration).
    /// </summary>
    public static string LargeFile(long chars, bool dense)
    {
        var b = new StringBuilder((int)Math.Min(int.MaxValue / 2, chars + 1024));
        b.Append(World);
        string filler = dense ? "" : new string('x', 4000) + " — «ünïcode» 😀 ";
        int i = 0;
        while (b.Length < chars)
        {
            b.Append("claim c").Append(i).Append(" = A.p").Append(i % 50).Append(" on 2017-01-").Append((i % 28 + 1).ToString("D2", CultureInfo.InvariantCulture))
                .Append(" source S confidence low");
            if (!dense)
            {
                b.Append("\n  note \"").Append(filler).Append(i).Append('"');
                b.Append("\n  quote \"\"\"").Append(filler).Append("\n").Append(filler).Append("\"\"\"");
            }
            b.Append('\n');
            i++;
        }
        b.Append("claim last = A.p source Missing confidence low\n");
        return b.ToString();
    }

    public static HostileReport CheckLargeFile(long chars, bool dense)
    {
        string text = LargeFile(chars, dense);
        return Measure($"a {(dense ? "dense " : "")}file of {text.Length / 1_000_000} M characters", text.Length, () =>
        {
            var compilation = Compile(text);
            var tree = compilation.SyntaxTrees[0];
            Check(tree.GetRoot().FullSpan.Length == text.Length, "the tree does not cover the file");
            Check(tree.GetDiagnostics().Count == 0, "syntax errors in a well-formed large file: " + tree.GetDiagnostics().FirstOrDefault());
            var diagnostics = compilation.GetDiagnostics();
            var undefined = Single(diagnostics, "CLM2001");
            int lastLine = tree.Text.Lines.Count - 2; // the text ends with a line break
            Check(undefined.Location.LineSpan.Start.Line == lastLine, $"the undefined source is reported on line {undefined.Location.LineSpan.Start.Line + 1}, not {lastLine + 1}");
            Check(undefined.Location.LineSpan.Start.Character == "claim last = A.p source ".Length, "the undefined source is reported at the wrong column");
            Check(tree.GetRoot().FindToken(text.Length - 3).Text == "low", "FindToken at the end of the file found the wrong token");
            return diagnostics.Length;
        });
    }

    // ------------------------------------------------------------------ a long line

    /// <summary>One line of <paramref name="chars"/> characters: a claim with a huge note, then a bad confidence.</summary>
    public static string LongLine(int chars) =>
        World + "claim A.p source S note \"" + new string('n', chars) + "\" confidence hgh\n";

    public static HostileReport CheckLongLine(int chars)
    {
        string text = LongLine(chars);
        return Measure($"a line of {chars / 1_000_000} M characters", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            var bad = Single(diagnostics, "CLM2004");
            Check(bad.Location.LineSpan.Start.Line == 2, "the bad confidence is reported on the wrong line");
            Check(bad.Location.LineSpan.Start.Character == text.IndexOf("hgh", StringComparison.Ordinal) - World.Length, "the bad confidence is reported at the wrong column");
            return diagnostics.Length;
        });
    }

    /// <summary>One line of <paramref name="chars"/> characters that is a single word, after a valid claim.</summary>
    public static HostileReport CheckLongWord(int chars)
    {
        string word = new string('w', chars);
        string text = World + "claim A.p source S confidence low\n" + word + "\n";
        return Measure($"a word of {chars / 1_000_000} M characters", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            var bad = Single(diagnostics, "CLM1007");
            Check(bad.Location.LineSpan.Start == new LinePosition(3, 0), "the long word is reported at the wrong place");
            Check(bad.Message.Length < 1000, "the message repeats the whole word");
            return diagnostics.Length;
        });
    }

    // ------------------------------------------------------------------ many declarations

    /// <summary>About <paramref name="count"/> declarations (exactly, when odd): a source, then actors and claims about them.</summary>
    public static string ManyDeclarations(int count)
    {
        var b = new StringBuilder(count * 40);
        b.Append("source S \"s\" reliability B\n");
        for (int i = 0; i < (count - 1) / 2; i++)
        {
            b.Append("actor A").Append(i).Append(" \"a\"\n");
            b.Append("claim A").Append(i).Append(".p on 2017 source S confidence low\n");
        }
        return b.ToString();
    }

    /// <summary>Parses the declarations, edits both ends incrementally, and (when asked) compiles them.</summary>
    /// <param name="count">How many declarations.</param>
    /// <param name="compile">Whether to bind and analyse them too.</param>
    /// <param name="countReused">Counts the declarations an edited tree shares with the original (the tests can see the green nodes).</param>
    public static HostileReport CheckManyDeclarations(int count, bool compile, Func<SyntaxTree, SyntaxTree, int>? countReused = null)
    {
        string text = ManyDeclarations(count);
        return Measure($"{count:N0} declarations{(compile ? "" : " (syntax only)")}", text.Length, () =>
        {
            var tree = SyntaxTree.Parse(text, "many.claim");
            var root = tree.GetRoot();
            int pairs = (count - 1) / 2;
            Check(root.Declarations.Count == 1 + 2 * pairs, $"{root.Declarations.Count} declarations parsed");
            Check(tree.GetDiagnostics().Count == 0, "syntax errors: " + tree.GetDiagnostics().FirstOrDefault());
            // Typing at the end and at the start re-parses only what changed.
            var edited = tree.WithChange(new TextSpan(text.Length, 0), "claim A0.q source Missing\n");
            Check(edited.GetRoot().Declarations.Count == root.Declarations.Count + 1, "the edit at the end did not add a declaration");
            var newDeclarations = edited.GetRoot().Declarations;
            if (countReused is not null)
                Check(countReused(tree, edited) >= root.Declarations.Count - 1, "an edit at the end re-parsed declarations before it");
            var front = edited.WithChange(new TextSpan(0, 0), "// a comment\n");
            Check(front.GetRoot().Declarations.Count == newDeclarations.Count, "a comment at the start changed the declarations");
            Check(front.ToString().Length == text.Length + "claim A0.q source Missing\n".Length + "// a comment\n".Length, "the edited text has the wrong length");
            if (!compile) return 0;
            var compilation = Compilation.Create([edited], today: CompilerProperties.Today);
            var diagnostics = compilation.GetDiagnostics();
            var undefined = Single(diagnostics, "CLM2001");
            Check(undefined.Location.LineSpan.Start.Line == edited.Text.Lines.Count - 2, "the undefined source is reported on the wrong line");
            Check(compilation.Claims.Count == pairs + 1, $"{compilation.Claims.Count} claims bound");
            return diagnostics.Length;
        });
    }

    // ------------------------------------------------------------------ long chains and cycles

    /// <summary>Sources S0 … S(n-1), each citing the next (and the last the first, for a cycle); one claim cites the two ends.</summary>
    public static string CitesChain(int length, bool cycle)
    {
        var b = new StringBuilder(length * 32);
        for (int i = 0; i < length; i++)
        {
            b.Append("source S").Append(i).Append(" \"s\" reliability B");
            if (i + 1 < length) b.Append(" cites S").Append(i + 1);
            else if (cycle) b.Append(" cites S0");
            b.Append('\n');
        }
        b.Append("actor A \"a\"\nclaim A.p source S0, S").Append(length - 1).Append(" confidence low\n");
        return b.ToString();
    }

    public static HostileReport CheckCitesChain(int length, bool cycle)
    {
        string text = CitesChain(length, cycle);
        return Measure($"a cites {(cycle ? "cycle" : "chain")} of {length:N0}", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            Check(!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), "errors: " + diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error));
            // The claim's two sources depend on each other through the chain: circular reporting, reported once.
            var circular = Single(diagnostics, "CLM3011");
            Check(circular.Message.Contains('…'), "the circular-reporting message does not shorten a long path");
            var dataset = DatasetBuilder.Build(compilation, CompilerProperties.FakeRoot);
            Check(dataset.Sources.Count == length, "the dataset lost sources");
            Check(dataset.Validate().Count == 0, "the dataset does not validate");
            _ = DatasetJson.WriteToUtf8Bytes(dataset);
            return diagnostics.Length;
        });
    }

    /// <summary>Claims c0 … c(n-1), each superseding the next (and, for a cycle, the last one the first).</summary>
    public static string SupersedesChain(int length, bool cycle)
    {
        var b = new StringBuilder(length * 64);
        b.Append(World);
        for (int i = 0; i < length; i++)
        {
            b.Append("claim c").Append(i).Append(" = A.p").Append(i).Append(" source S confidence low");
            if (i + 1 < length) b.Append(" supersedes c").Append(i + 1);
            else if (cycle) b.Append(" supersedes c0");
            b.Append('\n');
        }
        return b.ToString();
    }

    public static HostileReport CheckSupersedesChain(int length, bool cycle)
    {
        string text = SupersedesChain(length, cycle);
        return Measure($"a supersedes {(cycle ? "cycle" : "chain")} of {length:N0}", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            int cycles = diagnostics.Count(d => d.Id == "CLM2012");
            if (cycle)
            {
                // Every member of the cycle is told, with a message of bounded length.
                Check(cycles == length, $"{cycles} CLM2012 for a cycle of {length}");
                Check(diagnostics.Where(d => d.Id == "CLM2012").All(d => d.Message.Length < 1000), "a cycle message lists the whole cycle");
            }
            else
            {
                Check(cycles == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), "errors in a supersedes chain: " + diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error));
                var dataset = DatasetBuilder.Build(compilation, CompilerProperties.FakeRoot);
                Check(dataset.Validate().Count == 0, "the dataset does not validate");
                Check(dataset.Claims.Count == length, "the dataset lost claims");
                _ = DatasetJson.WriteToUtf8Bytes(dataset);
            }
            return diagnostics.Length;
        });
    }

    /// <summary>Actors each part of the next, and places each in the next: two more chains the binder follows.</summary>
    public static string ContainmentChains(int length, bool cycle)
    {
        var b = new StringBuilder(length * 64);
        for (int i = 0; i < length; i++)
        {
            b.Append("actor A").Append(i).Append(" \"a\"");
            if (i + 1 < length) b.Append(" part_of A").Append(i + 1);
            else if (cycle) b.Append(" part_of A0");
            b.Append("\nplace P").Append(i).Append(" \"p\"");
            if (i + 1 < length) b.Append(" in P").Append(i + 1);
            else if (cycle) b.Append(" in P0");
            b.Append('\n');
        }
        b.Append("source S \"s\"\nclaim A0.p at P0 source S confidence low\n");
        return b.ToString();
    }

    public static HostileReport CheckContainmentChains(int length, bool cycle)
    {
        string text = ContainmentChains(length, cycle);
        return Measure($"part_of and in {(cycle ? "cycles" : "chains")} of {length:N0}", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            var dataset = DatasetBuilder.Build(compilation, CompilerProperties.FakeRoot);
            Check(dataset.Actors.Count == length && dataset.Places.Count == length, "the dataset lost actors or places");
            _ = DatasetJson.WriteToUtf8Bytes(dataset);
            return diagnostics.Length;
        });
    }

    // ------------------------------------------------------------------ many names

    /// <summary>
    /// <paramref name="count"/> actors <c>Actor_000000</c> … and one claim whose subject is one of them with a
    /// stray letter at the end: the did-you-mean must find that one name among all of them.
    /// </summary>
    public static (string Text, string Expected) ManyNames(int count)
    {
        var b = new StringBuilder(count * 32);
        b.Append("source S \"s\"\n");
        for (int i = 0; i < count; i++) b.Append("actor Actor_").Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append(" \"a\"\n");
        int target = count / 2 + 12;
        string expected = "Actor_" + target.ToString("D6", CultureInfo.InvariantCulture);
        // One insertion away from the target and at least two from every other name.
        string typo = expected + "x";
        b.Append("claim ").Append(typo).Append(".p source S confidence low\n");
        return (b.ToString(), expected);
    }

    public static HostileReport CheckDidYouMean(int count)
    {
        var (text, expected) = ManyNames(count);
        return Measure($"did-you-mean over {count:N0} names", text.Length, () =>
        {
            var compilation = Compile(text);
            var diagnostics = compilation.GetDiagnostics();
            var undefined = Single(diagnostics, "CLM2001");
            Check(undefined.Properties.TryGetValue("suggestion", out var suggestion) && suggestion == expected,
                $"the suggestion is {undefined.Properties.GetValueOrDefault("suggestion") ?? "missing"}, expected {expected}: {undefined.Message}");
            Check(undefined.Message.Contains($"'{expected}'", StringComparison.Ordinal), "the message does not name the suggestion");
            return diagnostics.Length;
        });
    }

    // ------------------------------------------------------------------ many files

    /// <summary>
    /// Writes <paramref name="count"/> files into <paramref name="folder"/> (a hundred per subfolder): one declares
    /// the source, each other one an actor and a claim; the last file has an undefined name.
    /// </summary>
    public static void WriteManyFiles(string folder, int count)
    {
        File.WriteAllText(Path.Combine(folder, "claimlang.json"), "{ \"asOf\": \"2026-01-01\" }");
        Directory.CreateDirectory(Path.Combine(folder, "sources"));
        File.WriteAllText(Path.Combine(folder, "sources", "s.claim"), "source S \"s\" reliability B\n");
        for (int i = 0; i < count - 1; i++)
        {
            string sub = Path.Combine(folder, "f" + (i / 100).ToString("D4", CultureInfo.InvariantCulture));
            if (i % 100 == 0) Directory.CreateDirectory(sub);
            string source = i == count - 2 ? "Missing" : "S";
            File.WriteAllText(Path.Combine(sub, $"c{i:D6}.claim"), $"actor A{i} \"a\"\nclaim A{i}.p on 2017 source {source} confidence low\n");
        }
    }

    public static HostileReport CheckManyFiles(string folder, int count)
    {
        WriteManyFiles(folder, count);
        return Measure($"{count:N0} files", count * 60L, () =>
        {
            var workspaces = WorkspaceLoader.Load([folder], folder, CompilerProperties.Today);
            Check(workspaces.Count == 1, $"{workspaces.Count} workspaces");
            var compilation = workspaces[0].Compilation;
            Check(compilation.SyntaxTrees.Length == count, $"{compilation.SyntaxTrees.Length} files compiled of {count}");
            var diagnostics = compilation.GetDiagnostics();
            var undefined = Single(diagnostics, "CLM2001");
            Check(undefined.Location.FilePath.EndsWith($"c{count - 2:D6}.claim", StringComparison.Ordinal), "the undefined name is reported in the wrong file: " + undefined.Location.FilePath);
            return diagnostics.Length;
        });
    }
}
