namespace ClaimLang.Diagnostics;

/// <summary>How serious a diagnostic is. <see cref="Off"/> means the rule is disabled and never reported.</summary>
public enum DiagnosticSeverity
{
    Off = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class DiagnosticSeverityExtensions
{
    /// <summary>The lower-case word used in text, JSON and configuration: error, warning, info, off.</summary>
    public static string ToWord(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "off",
    };

    public static bool TryParse(string? word, out DiagnosticSeverity severity)
    {
        switch (word)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": severity = DiagnosticSeverity.Info; return true;
            case "off": severity = DiagnosticSeverity.Off; return true;
            default: severity = DiagnosticSeverity.Off; return false;
        }
    }
}
