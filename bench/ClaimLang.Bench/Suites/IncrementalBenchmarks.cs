using BenchmarkDotNet.Attributes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Bench.Suites;

/// <summary>
/// A one-character edit in the middle of ONE file that holds the whole workspace (10k, 100k or 1M claims): the
/// incremental re-parse (<see cref="SyntaxTree.WithChange(TextSpan, string)"/>, which also applies the edit to the
/// text) against a full parse of the edited text. The incremental cost should not grow with the file.
/// </summary>
[BenchJob(SuiteKind.InProcess)]
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private SyntaxTree _tree = null!;
    private string _editedText = "";
    private TextSpan _span;
    private long _afterSetup;
    private static string s_ran = "";

    /// <summary>The character typed (into the subject name of the claim in the middle of the file).</summary>
    public const string Typed = "x";

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        string text = Workloads.Get(Claims, withErrors: true).ConcatenatedText();
        _tree = SyntaxTree.Parse(text);
        int position = EditPosition(text);
        _span = new TextSpan(position, 0);
        _editedText = text.Insert(position, Typed);
        // The incremental tree must be the fresh parse's twin, or the figures mean nothing.
        var incremental = _tree.WithChange(_span, Typed);
        if (incremental.ToString() != _editedText) throw new InvalidOperationException("the incremental tree's text differs from the edited text");
        if (incremental.GetDiagnostics().Count != SyntaxTree.Parse(_editedText).GetDiagnostics().Count)
            throw new InvalidOperationException("the incremental tree's diagnostics differ from a fresh parse's");
        _afterSetup = SideResults.SettledWorkingSet();
    }

    /// <summary>Just after "claim " of the first claim at or after the middle of the text (inside the subject name).</summary>
    internal static int EditPosition(string text)
    {
        int at = text.IndexOf("\nclaim ", text.Length / 2, StringComparison.Ordinal);
        if (at < 0) at = text.IndexOf("\nclaim ", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no claim in the text");
        return at + "\nclaim ".Length + 1;
    }

    [GlobalCleanup]
    public void Cleanup() =>
        SideResults.WriteMemory(SideResults.Key(nameof(IncrementalBenchmarks), s_ran, [("Claims", Claims)]),
            new MemoryRecord { AfterSetupBytes = _afterSetup, ProcessPeakBytes = SideResults.PeakWorkingSet() });

    [Benchmark]
    public int IncrementalReparse()
    {
        s_ran = nameof(IncrementalReparse);
        return _tree.WithChange(_span, Typed).Text.Length;
    }

    [Benchmark(Baseline = true)]
    public int FullReparse()
    {
        s_ran = nameof(FullReparse);
        return SyntaxTree.Parse(_editedText).Text.Length;
    }
}
