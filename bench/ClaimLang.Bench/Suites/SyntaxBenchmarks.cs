using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;
using ClaimLang.ReferenceGrammar;
using ClaimLang.Syntax;
using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Bench.Suites;

/// <summary>
/// Lexing and parsing every file of an "errors" workspace, side by side with the peers on the same claims: the
/// ANTLR reference parser (SLL prediction, building its parse tree), System.Text.Json's JsonDocument.Parse over
/// the JSON rendering of the same declarations, and reading the files' bytes (the floor). Inputs are in memory
/// (strings for the parsers, UTF-8 bytes for JSON) except for the floor, which reads the files (from the page cache).
/// Files are processed one after another on one thread.
/// </summary>
[BenchJob(SuiteKind.InProcess)]
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private string[] _files = [];
    private string[] _texts = [];
    private byte[][] _json = [];
    private long _afterSetup;
    private static string s_ran = "";

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        var workspace = Workloads.Get(Claims, withErrors: true);
        _files = workspace.ClaimFiles();
        _texts = [.. _files.Select(f => File.ReadAllText(f, Encoding.UTF8))];
        _json = [.. _files.Select(f => File.ReadAllBytes(workspace.JsonFileOf(f)))];
        _afterSetup = SideResults.SettledWorkingSet();
    }

    [GlobalCleanup]
    public void Cleanup() =>
        SideResults.WriteMemory(SideResults.Key(nameof(SyntaxBenchmarks), s_ran, [("Claims", Claims)]),
            new MemoryRecord { AfterSetupBytes = _afterSetup, ProcessPeakBytes = SideResults.PeakWorkingSet() });

    /// <summary>The floor: read every .claim file's bytes.</summary>
    [Benchmark]
    public long ReadFiles()
    {
        s_ran = nameof(ReadFiles);
        long total = 0;
        foreach (var file in _files) total += File.ReadAllBytes(file).Length;
        return total;
    }

    /// <summary>The compiler's lexer alone: every token with its trivia.</summary>
    [Benchmark]
    public long Lex()
    {
        s_ran = nameof(Lex);
        long tokens = 0;
        var names = NameTable.Shared;
        foreach (var text in _texts)
        {
            var lexer = new Lexer(text, 0, names);
            while (lexer.Next().Kind != SyntaxKind.EndOfFileToken) tokens++;
        }
        return tokens;
    }

    /// <summary>The compiler's parser: a full syntax tree (green nodes) and its syntax diagnostics per file.</summary>
    [Benchmark(Baseline = true)]
    public long Parse()
    {
        s_ran = nameof(Parse);
        long width = 0;
        foreach (var text in _texts)
        {
            var tree = SyntaxTree.Parse(text);
            width += tree.GreenRoot.FullWidth + tree.GetDiagnostics().Count;
        }
        return width;
    }

    /// <summary>Peer: the ANTLR reference parser (generated from grammar/ClaimLang.g4), SLL, with its parse tree.</summary>
    [Benchmark]
    public long AntlrSll()
    {
        s_ran = nameof(AntlrSll);
        long tokens = 0;
        foreach (var text in _texts)
        {
            var result = ReferenceParser.Parse(text, sll: true);
            tokens += result.Tokens.Count + result.Errors.Count;
        }
        return tokens;
    }

    /// <summary>Peer: JsonDocument.Parse over the same declarations rendered as JSON (one array per file).</summary>
    [Benchmark]
    public long JsonDocumentParse()
    {
        s_ran = nameof(JsonDocumentParse);
        long items = 0;
        foreach (var bytes in _json)
        {
            using var document = JsonDocument.Parse(bytes);
            items += document.RootElement.GetArrayLength();
        }
        return items;
    }
}
