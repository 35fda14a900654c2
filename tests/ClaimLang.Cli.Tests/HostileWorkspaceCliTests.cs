using System.Text.Json;
using ClaimLang.Cli.Tests.Support;

namespace ClaimLang.Cli.Tests;

/// <summary>
/// A claim workspace written by someone else must not make <c>claimc</c> read outside it: document paths,
/// include patterns and symbolic links all stay inside the workspace root. The quote check must not become an
/// oracle for files outside (whether a quote "is found" in a file it may not read). See docs/security.md.
/// </summary>
public class HostileWorkspaceCliTests
{
    private static JsonElement[] Diagnostics(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static string Claims(string document) => $$"""
        source S "s" reliability B document "{{document}}"
        actor A "a"
        claim A.p source S confidence low quote "s3cret passphrase"

        """;

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("docs/../../outside/secret.txt")]
    [InlineData("linked/secret.txt")]
    [InlineData("secret-link.txt")]
    public void Documents_outside_the_root_are_refused_and_never_read(string document)
    {
        using var top = new TempFolder();
        string outside = top.Write("outside/secret.txt", "the s3cret passphrase is here\n");
        string root = Path.Combine(top.Path, "ws");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "claimlang.json"), "{ \"asOf\": \"2026-01-01\" }");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), Path.GetDirectoryName(outside)!);
        File.CreateSymbolicLink(Path.Combine(root, "secret-link.txt"), outside);
        File.WriteAllText(Path.Combine(root, "a.claim"), Claims(document));

        var withQuote = Claimc.Run(root, "check", "--format", "json", ".");
        var ids = Diagnostics(withQuote).Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains("CLM4003", ids);
        Assert.DoesNotContain("CLM4001", ids);

        // The outcome does not depend on what the outside file says: no oracle.
        File.WriteAllText(outside, "nothing to see\n");
        var withoutQuote = Claimc.Run(root, "check", "--format", "json", ".");
        Assert.Equal(withQuote.Output, withoutQuote.Output);
        Assert.Equal(withQuote.ExitCode, withoutQuote.ExitCode);
    }

    [Fact]
    public void An_absolute_document_path_is_refused()
    {
        using var top = new TempFolder();
        string outside = top.Write("secret.txt", "the s3cret passphrase is here\n");
        string root = Path.Combine(top.Path, "ws");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "a.claim"), Claims(outside.Replace("\\", "\\\\")));
        var result = Claimc.Run(root, "check", "--format", "json", ".");
        Assert.Contains(Diagnostics(result), d => d.GetProperty("id").GetString() == "CLM4003");
    }

    [Fact]
    public void Include_patterns_and_links_do_not_reach_claim_files_outside_the_root()
    {
        using var top = new TempFolder();
        // A file outside the root that would be an error if it were ever compiled.
        top.Write("outside/evil.claim", "claim Nobody.p source Nowhere\n");
        string root = Path.Combine(top.Path, "ws");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "claimlang.json"), """{ "asOf": "2026-01-01", "include": ["**/*.claim", "../outside/*.claim", "/**/*.claim"] }""");
        File.WriteAllText(Path.Combine(root, "a.claim"), "source S \"s\" reliability B\nactor A \"a\"\nclaim A.p source S confidence low\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked-folder"), Path.Combine(top.Path, "outside"));
        File.CreateSymbolicLink(Path.Combine(root, "linked.claim"), Path.Combine(top.Path, "outside", "evil.claim"));

        var result = Claimc.Run(root, "check", "--format", "json", ".");
        Assert.DoesNotContain("evil.claim", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nowhere", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }
}
