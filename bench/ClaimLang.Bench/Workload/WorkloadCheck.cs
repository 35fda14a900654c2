using ClaimLang.Diagnostics;
using ClaimLang.Workspace;

namespace ClaimLang.Bench.Workload;

/// <summary>Compiles a generated workspace in-process and counts its diagnostics by code and severity.</summary>
internal static class WorkloadCheck
{
    public sealed record Result(string Workspace, int Files, int Claims, SortedDictionary<string, int> ByCode, int Errors, int Warnings, int Infos);

    public static Result Run(GeneratedWorkspace workspace)
    {
        var loaded = WorkspaceLoader.Load([workspace.Root], workspace.Root);
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int errors = 0, warnings = 0, infos = 0, files = 0, claims = 0;
        foreach (var w in loaded)
        {
            files += w.Compilation.SyntaxTrees.Length;
            claims += w.Compilation.Claims.Count;
            foreach (var d in w.Compilation.GetDiagnostics())
            {
                byCode[d.Descriptor.Id] = byCode.GetValueOrDefault(d.Descriptor.Id) + 1;
                switch (d.Severity)
                {
                    case DiagnosticSeverity.Error: errors++; break;
                    case DiagnosticSeverity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }
        return new Result(workspace.Spec.Name, files, claims, byCode, errors, warnings, infos);
    }

    public static void Print(Result result, TextWriter output)
    {
        output.WriteLine($"{result.Workspace}: {result.Files} files, {result.Claims} claims; {result.Errors} errors, {result.Warnings} warnings, {result.Infos} infos");
        foreach (var (code, count) in result.ByCode) output.WriteLine($"  {code}: {count}");
    }
}
