using ClaimLang.Diagnostics;
using ClaimLang.Reporting;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Reporting;

/// <summary>A small, fixed set of diagnostics that exercises every feature of the report formats.</summary>
internal static class ReportSample
{
    /// <summary>The current folder the reports are relative to (need not exist).</summary>
    public static readonly string CurrentDirectory = Path.GetFullPath(Path.Join(Path.GetTempPath(), "claimlang-report"));

    public static readonly string SeedFile = Path.Join(CurrentDirectory, "examples", "seed.claim");
    public static readonly string OddFile = Path.Join(CurrentDirectory, "notes", "a,b:c 100%.claim");
    public static readonly string OutsideFile = Path.GetFullPath(Path.Join(Path.GetTempPath(), "elsewhere", "x.claim"));

    // Line 2 has Arabic letters (1 UTF-16 unit each) and an emoji (2 units) before the undefined name MTE.
    public const string SeedText =
        "source MET \"Middle East Transparent\"\n" +
        "claim Bashar.said(\"قال 😀\") source MTE\n" +
        "source MET \"Again\"\n";

    public static readonly ReportSummary Summary = new(Files: 3, Claims: 41, Errors: 2, Warnings: 2, Infos: 1);

    public static IReadOnlyList<Diagnostic> Diagnostics()
    {
        var seed = SourceText.From(SeedText);
        Location At(string file, SourceText text, string needle, int occurrence = 0)
        {
            int index = -1;
            for (int i = 0; i <= occurrence; i++) index = SeedText.IndexOf(needle, index + 1, StringComparison.Ordinal);
            return Location.Create(file, text, new TextSpan(index, needle.Length));
        }

        var odd = SourceText.From("claim X.y source S\n");
        var outside = SourceText.From("\n\nclaim Y.z on 2031-01-01 source S confidence low\n");

        var list = new List<Diagnostic>
        {
            // Deliberately out of order: writers sort.
            new(DiagnosticCatalog.DatedInFuture, DiagnosticSeverity.Warning,
                "claim dated 2031-01-01, after asOf 2025-06-30",
                Location.Create(OutsideFile, outside, new TextSpan(15, 10))),
            new(DiagnosticCatalog.UndefinedName, DiagnosticSeverity.Error,
                "undefined source 'MTE'; did you mean 'MET'?", At(SeedFile, seed, "MTE")),
            new(DiagnosticCatalog.DuplicateDeclaration, DiagnosticSeverity.Error,
                "'MET' is declared twice", At(SeedFile, seed, "MET", occurrence: 1),
                [new RelatedLocation(At(SeedFile, seed, "MET"), "first declared here")]),
            new(DiagnosticCatalog.UncitedSource, DiagnosticSeverity.Info,
                "source 'MET' («قال» 😀) is never cited", At(SeedFile, seed, "MET")),
            new(DiagnosticCatalog.MissingConfidence, DiagnosticSeverity.Warning,
                "100% sure? no: add 'confidence', then\nrecheck", Location.Create(OddFile, odd, new TextSpan(0, 5))),
            new(DiagnosticCatalog.UndeclaredPredicate, DiagnosticSeverity.Off,
                "an off diagnostic is never written", Location.Create(OddFile, odd, new TextSpan(6, 3))),
        };
        return list;
    }
}
