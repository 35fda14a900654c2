using System.Collections.Concurrent;
using DiagnosticCatalog = ClaimLang.Diagnostics.DiagnosticCatalog;
using Microsoft.CodeAnalysis;
using ClaimSeverity = ClaimLang.Diagnostics.DiagnosticSeverity;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynLocation = Microsoft.CodeAnalysis.Location;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ClaimLang.Generators;

/// <summary>
/// Turns ClaimLang diagnostics into C# build diagnostics: same code (CLM2001…), same message, the severity the
/// workspace gives it, at the place in the .claim file. Errors fail the C# build; warnings fail it under
/// TreatWarningsAsErrors; information messages show in the IDE only.
/// </summary>
internal static class DiagnosticReporter
{
    /// <summary>The category of every ClaimLang diagnostic in the C# build.</summary>
    public const string Category = "ClaimLang";

    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new(StringComparer.Ordinal);

    public static RoslynDiagnostic ToRoslyn(DiagnosticInfo info)
    {
        var descriptor = Descriptors.GetOrAdd(info.Id, static (id, info) => new DiagnosticDescriptor(
            id,
            info.Title,
            "{0}",
            Category,
            ToRoslyn(info.DefaultSeverity),
            // The compiler has already left out what is off; whatever reaches here is on.
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: DiagnosticCatalog.TryGet(id, out _) ? DiagnosticCatalog.HelpUri(id) : null,
            customTags: info.DefaultSeverity == ClaimSeverity.Error ? [WellKnownDiagnosticTags.NotConfigurable] : []), info);

        var location = info.Location is { } l ? ToRoslyn(l) : RoslynLocation.None;
        var related = new RoslynLocation[info.Related.Count];
        for (int i = 0; i < related.Length; i++) related[i] = ToRoslyn(info.Related[i]);
        return RoslynDiagnostic.Create(descriptor, location, ToRoslyn(info.Severity), related, properties: null, info.Message);
    }

    public static RoslynSeverity ToRoslyn(ClaimSeverity severity) => severity switch
    {
        ClaimSeverity.Error => RoslynSeverity.Error,
        ClaimSeverity.Warning => RoslynSeverity.Warning,
        ClaimSeverity.Info => RoslynSeverity.Info,
        _ => RoslynSeverity.Hidden,
    };

    private static RoslynLocation ToRoslyn(LocationInfo location) =>
        RoslynLocation.Create(location.FilePath, location.Span, location.LineSpan);
}
