using System.Reflection;
using BenchmarkDotNet.Attributes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;
using ClaimLang.Syntax;

namespace ClaimLang.Bench.Suites;

/// <summary>
/// Formatting every file of a "clean" workspace in-process (the formatter leaves files with syntax errors alone, so
/// the errors workspaces would measure almost nothing). Trees are parsed in the setup; the formatter is found by
/// reflection so that the harness builds while the formatter's API settles (<see cref="Available"/>).
/// </summary>
[BenchJob(SuiteKind.InProcess)]
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private SyntaxTree[] _trees = [];
    private Func<SyntaxTree, string> _format = null!;
    private long _afterSetup;

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    /// <summary><c>ClaimLang.Formatting.Formatter.Format(SyntaxTree, FormatOptions?)</c>, or null with the reason.</summary>
    public static (Func<SyntaxTree, string>? Format, string? Missing) Find()
    {
        var type = typeof(SyntaxTree).Assembly.GetType("ClaimLang.Formatting.Formatter");
        if (type is null) return (null, "the compiler has no ClaimLang.Formatting.Formatter");
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "Format" && m.ReturnType == typeof(string) && m.GetParameters() is [var p, ..] && p.ParameterType == typeof(SyntaxTree)
                && m.GetParameters().Skip(1).All(q => q.HasDefaultValue));
        if (method is null) return (null, "Formatter has no Format(SyntaxTree, …) returning the text");
        int extra = method.GetParameters().Length - 1;
        var defaults = method.GetParameters().Skip(1).Select(q => q.DefaultValue).ToArray();
        return (tree =>
        {
            var arguments = new object?[extra + 1];
            arguments[0] = tree;
            Array.Copy(defaults, 0, arguments, 1, extra);
            return (string)method.Invoke(null, arguments)!;
        }, null);
    }

    /// <summary>Null when the formatter can be measured, else why not (the report prints it).</summary>
    public static string? Available()
    {
        var (format, missing) = Find();
        if (format is null) return missing;
        try
        {
            var tree = SyntaxTree.Parse("source S \"title\"\nclaim  A.b   source S\n");
            return format(tree).Length > 0 ? null : "the formatter returned an empty text";
        }
        catch (Exception e)
        {
            return "the formatter fails: " + e.GetBaseException().Message;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _format = Find().Format ?? throw new InvalidOperationException("no formatter");
        var workspace = Workloads.Get(Claims, withErrors: false);
        _trees = [.. workspace.ClaimFiles().Select(f => SyntaxTree.Parse(File.ReadAllText(f), f))];
        _afterSetup = SideResults.SettledWorkingSet();
    }

    [GlobalCleanup]
    public void Cleanup() =>
        SideResults.WriteMemory(SideResults.Key(nameof(FormatBenchmarks), nameof(Format), [("Claims", Claims)]),
            new MemoryRecord { AfterSetupBytes = _afterSetup, ProcessPeakBytes = SideResults.PeakWorkingSet() });

    [Benchmark]
    public long Format()
    {
        long length = 0;
        foreach (var tree in _trees) length += _format(tree).Length;
        return length;
    }
}
