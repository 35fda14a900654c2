using ClaimLang.Configuration;
using ClaimLang.Diagnostics;

namespace ClaimLang.Tests.Configuration;

public class ClaimLangOptionsTests
{
    private static ClaimLangOptions With(params (string Code, DiagnosticSeverity Severity)[] rules) =>
        ClaimLangOptions.Default with { Rules = rules.ToDictionary(r => r.Code, r => r.Severity) };

    [Fact]
    public void Without_rules_every_code_has_its_default()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Equal(descriptor.DefaultSeverity, ClaimLangOptions.Default.EffectiveSeverity(descriptor));
        }
    }

    [Fact]
    public void Rule_overrides_the_default()
    {
        var options = With(("CLM3006", DiagnosticSeverity.Off), ("CLM3007", DiagnosticSeverity.Error));
        Assert.Equal(DiagnosticSeverity.Off, options.EffectiveSeverity(DiagnosticCatalog.MissingConfidence));
        Assert.Equal(DiagnosticSeverity.Error, options.EffectiveSeverity(DiagnosticCatalog.UncitedSource));
        Assert.Equal(DiagnosticSeverity.Warning, options.EffectiveSeverity(DiagnosticCatalog.CircularReporting));
    }

    [Fact]
    public void Strict_predicates_make_undeclared_predicates_errors_unless_a_rule_says_otherwise()
    {
        Assert.Equal(DiagnosticSeverity.Off, ClaimLangOptions.Default.EffectiveSeverity(DiagnosticCatalog.UndeclaredPredicate));
        var strict = ClaimLangOptions.Default with { StrictPredicates = true };
        Assert.Equal(DiagnosticSeverity.Error, strict.EffectiveSeverity(DiagnosticCatalog.UndeclaredPredicate));
        Assert.Equal(DiagnosticSeverity.Warning, strict.EffectiveSeverity(DiagnosticCatalog.MissingConfidence));
        var strictButWarning = strict with { Rules = new Dictionary<string, DiagnosticSeverity> { ["CLM3009"] = DiagnosticSeverity.Warning } };
        Assert.Equal(DiagnosticSeverity.Warning, strictButWarning.EffectiveSeverity(DiagnosticCatalog.UndeclaredPredicate));
        var rulesOnly = With(("CLM3009", DiagnosticSeverity.Info));
        Assert.Equal(DiagnosticSeverity.Info, rulesOnly.EffectiveSeverity(DiagnosticCatalog.UndeclaredPredicate));
    }

    [Fact]
    public void Syntax_and_configuration_codes_cannot_be_changed_even_by_a_hand_made_rule()
    {
        var options = With(("CLM1004", DiagnosticSeverity.Off), ("CLM0001", DiagnosticSeverity.Warning));
        Assert.Equal(DiagnosticSeverity.Error, options.EffectiveSeverity(DiagnosticCatalog.MalformedDate));
        Assert.Equal(DiagnosticSeverity.Error, options.EffectiveSeverity(DiagnosticCatalog.BadConfiguration));
        Assert.False(ClaimLangOptions.IsConfigurable(DiagnosticCatalog.UnexpectedToken));
        Assert.True(ClaimLangOptions.IsConfigurable(DiagnosticCatalog.UndefinedName));
        Assert.True(ClaimLangOptions.IsConfigurable(DiagnosticCatalog.QuoteNotFound));
    }

    [Fact]
    public void Options_are_immutable_values()
    {
        var changed = ClaimLangOptions.Default with { AsOf = new DateOnly(2020, 1, 1) };
        Assert.Null(ClaimLangOptions.Default.AsOf);
        Assert.Equal(new DateOnly(2020, 1, 1), changed.AsOf);
        Assert.Equal(["**/*.claim"], ClaimLangOptions.Default.Include);
        Assert.Equal(["bin", "obj", "node_modules", ".git"], ClaimLangOptions.AlwaysSkippedFolders);
    }
}
