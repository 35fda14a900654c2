using ClaimLang.Diagnostics;

namespace ClaimLang.Reporting;

/// <summary>The totals printed with a report: files and claims compiled, diagnostics by severity.</summary>
public sealed record ReportSummary(int Files, int Claims, int Errors, int Warnings, int Infos)
{
    /// <summary>Counts the diagnostics by severity (diagnostics that are off are not counted).</summary>
    public static ReportSummary Create(int files, int claims, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errors = 0, warnings = 0, infos = 0;
        foreach (var diagnostic in diagnostics)
        {
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                case DiagnosticSeverity.Info: infos++; break;
            }
        }
        return new ReportSummary(files, claims, errors, warnings, infos);
    }

    /// <summary>One line for people, e.g. <c>3 files, 41 claims: 1 error, 2 warnings, 0 infos</c>.</summary>
    public override string ToString() =>
        $"{Plural(Files, "file")}, {Plural(Claims, "claim")}: {Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(Infos, "info")}";

    private static string Plural(int count, string word) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? word : word + "s");
}
