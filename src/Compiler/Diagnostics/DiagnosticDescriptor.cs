namespace ClaimLang.Diagnostics;

/// <summary>
/// The fixed description of one diagnostic code: its id, title, default severity and the format of its message.
/// The long help text (with an example) lives in docs/diagnostics/&lt;id&gt;.md and is embedded in the assembly;
/// see <see cref="DiagnosticCatalog.GetHelp"/>.
/// </summary>
public sealed class DiagnosticDescriptor
{
    internal DiagnosticDescriptor(string id, string title, DiagnosticSeverity defaultSeverity, string messageFormat)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        MessageFormat = messageFormat;
    }

    /// <summary>The stable code, e.g. <c>CLM2001</c>.</summary>
    public string Id { get; }

    /// <summary>A short sentence naming the problem (used as the SARIF rule's short description).</summary>
    public string Title { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>A composite format string; <c>{0}</c>, <c>{1}</c>… are filled in by the reporter.</summary>
    public string MessageFormat { get; }

    /// <summary>The family digit: 0 configuration, 1 syntax, 2 semantic errors, 3 analytic findings, 4 provenance.</summary>
    public int Family => Id[3] - '0';

    /// <summary>Syntax errors (CLM1xxx) cannot be suppressed or configured away.</summary>
    public bool IsSuppressible => Family != 1;

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Id;
}
