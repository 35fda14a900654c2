using System.Text.Json;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>Completion offers what fits at the cursor.</summary>
public sealed class CompletionTests : IAsyncLifetime
{
    private TempWorkspace _workspace = null!;
    private LspTestClient _client = null!;
    private int _version;

    public async Task InitializeAsync()
    {
        _workspace = Samples.CreateWorkspace();
        _client = await LspTestClient.StartAsync(_workspace.Root);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _workspace.Dispose();
    }

    /// <summary>Opens a new document whose text has a '|' where the cursor is, and completes there.</summary>
    private async Task<List<string>> CompleteAsync(string textWithCursor)
    {
        int cursor = textWithCursor.IndexOf('|');
        string text = textWithCursor.Remove(cursor, 1);
        string uri = _workspace.Uri($"typing{++_version}.claim");
        _client.Open(uri, text);
        var (line, character) = TextPositions.At(text, cursor);
        var result = await _client.ResultAsync("textDocument/completion", LspTestClient.Position(uri, line, character));
        return result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToList();
    }

    [Fact]
    public async Task At_the_start_of_a_line_it_offers_declaration_keywords()
    {
        var labels = await CompleteAsync("cl|");
        Assert.Equal(["actor", "claim", "hypothesis", "place", "predicate", "source"], labels.Order());
    }

    [Fact]
    public async Task After_source_in_a_claim_it_offers_sources_only()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source |");
        Assert.Equal(["MET", "Sarkis", "WIB"], labels.Order());
    }

    [Fact]
    public async Task After_a_comma_in_a_source_list_it_offers_sources_again()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source MET, S|");
        Assert.Contains("Sarkis", labels);
        Assert.DoesNotContain("IRGC", labels);
    }

    [Fact]
    public async Task As_a_subject_it_offers_actors_and_places()
    {
        var labels = await CompleteAsync("claim |");
        Assert.Contains("IRGC", labels);
        Assert.Contains("Damascus", labels);
        Assert.DoesNotContain("MET", labels);
    }

    [Fact]
    public async Task After_the_dot_it_offers_predicates()
    {
        var labels = await CompleteAsync("claim IRGC.|");
        Assert.Equal(["coup_attempt"], labels);
    }

    [Fact]
    public async Task After_confidence_it_offers_the_three_levels()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source MET confidence |");
        Assert.Equal(["low", "moderate", "high"], labels);
    }

    [Fact]
    public async Task After_reliability_and_credibility_it_offers_the_grades()
    {
        Assert.Equal(["A", "B", "C", "D", "E", "F"], await CompleteAsync("source X \"x\" reliability |"));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], await CompleteAsync("claim IRGC.coup_attempt source MET credibility |"));
    }

    [Fact]
    public async Task After_a_claim_header_it_offers_the_clauses_not_yet_given()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source MET |");
        Assert.Contains("confidence", labels);
        Assert.Contains("on", labels);
        Assert.DoesNotContain("source", labels);
        Assert.DoesNotContain("reliability", labels); // a source's clause, not a claim's
    }

    [Fact]
    public async Task While_typing_a_clause_keyword_it_still_offers_it()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source MET conf|");
        Assert.Contains("confidence", labels);
        labels = await CompleteAsync("claim IRGC.coup_attempt source MET on|");
        Assert.Contains("on", labels);
    }

    [Fact]
    public async Task Clauses_of_an_actor()
    {
        var labels = await CompleteAsync("actor X \"x\" |");
        Assert.Equal(["aka", "kind", "part_of"], labels.Order());
    }

    [Fact]
    public async Task In_an_argument_list_it_offers_parameter_names_and_fitting_values()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt(|");
        Assert.Contains("target:", labels);
        Assert.Contains("replacement:", labels);
        Assert.Contains("Bashar", labels);
        Assert.DoesNotContain("Damascus", labels); // the first parameter takes an actor
        Assert.DoesNotContain("MET", labels);
    }

    [Fact]
    public async Task After_a_named_parameter_it_offers_values_of_its_type()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt(target: Bashar, replacement: |");
        Assert.Contains("Maher", labels);
        Assert.DoesNotContain("target:", labels);
        Assert.DoesNotContain("H1", labels);
    }

    [Fact]
    public async Task After_supports_it_offers_claims_and_hypotheses()
    {
        var labels = await CompleteAsync("claim IRGC.coup_attempt source MET supports |");
        Assert.Contains("H1", labels);
        Assert.Contains("coup", labels);
        Assert.DoesNotContain("MET", labels);
    }

    [Fact]
    public async Task In_a_predicate_parameter_list_it_offers_type_words()
    {
        var labels = await CompleteAsync("predicate p(who: |");
        Assert.Equal(["actor", "claim", "date", "number", "place", "text"], labels);
    }

    [Fact]
    public async Task Kind_values_in_use_are_offered()
    {
        var labels = await CompleteAsync("source X \"x\" kind |");
        Assert.Contains("analysis", labels);
        Assert.Contains("comment", labels);
    }

    [Fact]
    public async Task Nothing_inside_strings_or_comments()
    {
        Assert.Empty(await CompleteAsync("source X \"a ti|tle\""));
        Assert.Empty(await CompleteAsync("// a comm|ent\n"));
        Assert.Empty(await CompleteAsync("claim IRGC.coup_attempt source MET // so|"));
    }

    [Fact]
    public async Task Items_replace_the_word_being_typed()
    {
        string text = "claim IRGC.coup_attempt source Sa";
        string uri = _workspace.Uri("replace.claim");
        _client.Open(uri, text);
        var result = await _client.ResultAsync("textDocument/completion", LspTestClient.Position(uri, 0, text.Length));
        var item = result.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == "Sarkis");
        var range = item.GetProperty("textEdit").GetProperty("range");
        Assert.Equal(text.Length - 2, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(text.Length, range.GetProperty("end").GetProperty("character").GetInt32());
        Assert.Equal(JsonValueKind.Object, item.GetProperty("documentation").ValueKind);
    }
}
