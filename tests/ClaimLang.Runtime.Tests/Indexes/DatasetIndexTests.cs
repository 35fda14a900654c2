using ClaimLang.Runtime.Tests.Support;

namespace ClaimLang.Runtime.Tests.Indexes;

public sealed class DatasetIndexTests
{
    private static Claim C(string id, string subject = "A", string? date = null, string source = "S") => new()
    {
        Id = id,
        Subject = subject,
        Predicate = "p",
        Sources = [source],
        Date = date is null ? null : ClaimDate.Parse(date),
    };

    private static ClaimDataset Dataset(IEnumerable<Claim> claims, IEnumerable<Actor>? actors = null, IEnumerable<Place>? places = null) => new()
    {
        Sources = [new Source { Id = "S", Title = "s" }, new Source { Id = "T", Title = "t" }],
        Actors = EquatableArray<Actor>.Create(actors ?? [new Actor { Id = "A", Name = "a" }]),
        Places = EquatableArray<Place>.Create(places ?? []),
        Predicates = [new Predicate { Name = "p", Declared = false }],
        Hypotheses = [new Hypothesis { Id = "H1", Statement = "one" }, new Hypothesis { Id = "H2", Statement = "two" }],
        Claims = EquatableArray<Claim>.Create(claims),
    };

    [Fact]
    public void Timeline_orders_by_earliest_day_then_id_with_undated_claims_last()
    {
        var dataset = Dataset(
        [
            C("undated_b"),
            C("year", date: "2017"),
            C("day", date: "2017-01-01"),
            C("later", date: "2017-03"),
            C("undated_a"),
            C("open_start", date: "../2016-06-30"),
            C("approx", date: "2016-12~"),
        ]);

        var timeline = dataset.Index.Timeline.Select(c => c.Id);

        Assert.Equal(["open_start", "approx", "day", "year", "later", "undated_a", "undated_b"], timeline);
        Assert.Equal(0, dataset.Index.TimelinePosition(dataset.Claims[5]));
    }

    [Fact]
    public void Claims_about_a_subject_can_follow_part_of_through_a_cycle()
    {
        // Army ⊃ Division ⊃ Brigade, and a cycle Brigade → Army written by mistake; Other stands apart.
        var actors = new[]
        {
            new Actor { Id = "Army", Name = "army", PartOf = "Brigade" },
            new Actor { Id = "Division", Name = "division", PartOf = "Army" },
            new Actor { Id = "Brigade", Name = "brigade", PartOf = "Division" },
            new Actor { Id = "Other", Name = "other" },
        };
        var dataset = Dataset(
            [C("army", "Army", "2017-03"), C("division", "Division", "2017-01"), C("brigade", "Brigade", "2017-02"), C("other", "Other")],
            actors);
        var index = dataset.Index;

        Assert.Equal(["division"], index.ClaimsAbout("Division").Select(c => c.Id));
        Assert.Equal(["division", "brigade", "army"], index.ClaimsAbout("Division", includeParts: true).Select(c => c.Id));
        Assert.Equal(["Brigade", "Army"], index.PartsOf("Division"));
        Assert.Equal(["Army", "Brigade"], index.ContainersOf("Division"));
        Assert.True(index.IsWithin("Division", "Brigade"));
        Assert.False(index.IsWithin("Division", "Other"));
        Assert.Empty(index.ClaimsAbout("Nobody", includeParts: true));
    }

    [Fact]
    public void Part_of_chains_of_any_length_are_walked_without_recursion()
    {
        const int length = 200_000;
        var actors = new Actor[length];
        for (var i = 0; i < length; i++)
        {
            actors[i] = new Actor { Id = "a" + i, Name = "a", PartOf = i == 0 ? null : "a" + (i - 1) };
        }

        var dataset = Dataset([C("top", "a0"), C("bottom", "a" + (length - 1))], actors);
        var index = dataset.Index;

        Assert.Equal(["bottom", "top"], index.ClaimsAbout("a0", includeParts: true).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.True(index.IsWithin("a" + (length - 1), "a0"));
        Assert.Equal(length - 1, index.ContainersOf("a" + (length - 1)).Count);
        Assert.Equal(length - 1, index.PartsOf("a0").Count);
    }

    [Fact]
    public void Places_in_places_count_as_parts_for_subjects_and_at()
    {
        var places = new[]
        {
            new Place { Id = "Syria", Name = "s" },
            new Place { Id = "Damascus", Name = "d", In = "Syria" },
            new Place { Id = "Almaza", Name = "a", In = "Damascus" },
        };
        var dataset = Dataset(
        [
            C("about_almaza", "Almaza") with { At = "Almaza" },
            C("about_syria", "Syria", "2015") with { At = "Syria" },
            C("elsewhere") with { At = "Damascus" },
        ], places: places);

        Assert.Equal(["about_syria", "about_almaza"], dataset.Index.ClaimsAbout("Syria", includeParts: true).Select(c => c.Id));
        Assert.Equal(["about_almaza", "elsewhere"], dataset.Index.ClaimsAt("Damascus", includeParts: true).Select(c => c.Id));
        Assert.Equal(["elsewhere"], dataset.Index.ClaimsAt("Damascus").Select(c => c.Id));
    }

    [Fact]
    public void Claims_by_source_and_by_tag_come_in_timeline_order()
    {
        var dataset = Dataset(
        [
            C("b", date: "2017", source: "T") with { Tags = ["x"] },
            C("a", date: "2016", source: "T") with { Tags = ["x", "y"] },
            C("c", date: "2015"),
        ]);

        Assert.Equal(["a", "b"], dataset.Index.ClaimsFromSource("T").Select(c => c.Id));
        Assert.Equal(["c"], dataset.Index.ClaimsFromSource("S").Select(c => c.Id));
        Assert.Equal(["a", "b"], dataset.Index.ClaimsTagged("x").Select(c => c.Id));
        Assert.Empty(dataset.Index.ClaimsFromSource("Nobody"));
    }

    [Fact]
    public void Claims_by_date_range_use_edtf_overlap()
    {
        var dataset = Dataset(
        [
            C("jan28", date: "2017-01-28"),
            C("january", date: "2017-01~"),
            C("year2016", date: "2016"),
            C("open_from_2016", date: "2016-06/.."),
            C("feb", date: "2017-02-01"),
            C("undated"),
        ]);

        Assert.Equal(["open_from_2016", "january", "jan28"], dataset.Index.ClaimsOverlapping(EdtfDate.Parse("2017-01")).Select(c => c.Id));
        Assert.Equal(
            ["year2016", "open_from_2016", "january"],
            dataset.Index.ClaimsOverlapping(new DateOnly(2016, 12, 31), new DateOnly(2017, 1, 1)).Select(c => c.Id));
        Assert.Throws<ArgumentException>(() => dataset.Index.ClaimsOverlapping(new DateOnly(2017, 1, 2), new DateOnly(2017, 1, 1)));
    }

    [Fact]
    public void Contradiction_clusters_are_connected_components_of_claim_to_claim_contradictions()
    {
        var dataset = Dataset(
        [
            C("a", date: "2017-03") with { Contradicts = ["b"] },
            C("b", date: "2017-01") with { Contradicts = ["a", "c"] },
            C("c", date: "2017-02") with { Contradicts = ["b"] },
            C("d", date: "2016") with { Contradicts = ["e"] },
            C("e") with { Contradicts = ["d"] },
            C("alone", date: "2015"),
            C("disputed_by_source", date: "2014") with { Contradicts = ["T"] },
            C("against_hypothesis", date: "2013") with { Contradicts = ["H1"] },
        ]);
        var index = dataset.Index;

        var clusters = index.ContradictionClusters;

        Assert.Equal(2, clusters.Count);
        Assert.Equal(["d", "e"], clusters[0].Claims.Select(c => c.Id));
        Assert.Equal(["b", "c", "a"], clusters[1].Claims.Select(c => c.Id));
        Assert.Equal(1, clusters[1].Number);
        Assert.Same(clusters[1], index.ClusterOf("c"));
        Assert.True(clusters[1].Contains("a"));
        Assert.Null(index.ClusterOf("alone"));
        Assert.Null(index.ClusterOf("disputed_by_source"));
        Assert.True(index.IsContradicted(index.FindClaim("disputed_by_source")!));
        Assert.True(index.IsContradicted(index.FindClaim("e")!));
        Assert.False(index.IsContradicted(index.FindClaim("against_hypothesis")!));
        Assert.False(index.IsContradicted(index.FindClaim("alone")!));
    }

    [Fact]
    public void A_contradiction_written_on_one_side_only_still_links_both_claims()
    {
        var dataset = Dataset([C("a") with { Contradicts = ["b"] }, C("b")]);

        Assert.True(dataset.Index.IsContradicted(dataset.Claims[1]));
        Assert.Equal(["a", "b"], dataset.Index.ContradictionClusters.Single().Claims.Select(c => c.Id));
    }

    [Fact]
    public void Support_chains_lead_up_to_hypotheses_by_the_shortest_way()
    {
        var dataset = Dataset(
        [
            C("x", date: "2017") with { Supports = ["y", "z"] },
            C("y", date: "2016") with { Supports = ["H1"] },
            C("z", date: "2015") with { Supports = ["w"] },
            C("w", date: "2014") with { Supports = ["H1", "H2", "x"] },
            C("unrelated") with { Supports = ["T"] },
        ]);
        var index = dataset.Index;

        var up = index.SupportChains("x");

        Assert.Equal(["x → y → H1", "x → z → w → H2"], up.Select(c => c.ToString()));
        Assert.Equal("H2", up[1].To);
        Assert.Equal(3, up[1].Length);
        Assert.Empty(index.SupportChains("unrelated"));
        Assert.Empty(index.SupportChains("nobody"));

        var down = index.SupportTree("H1");

        Assert.Equal(["w", "y", "z", "x"], down.Links.Select(l => l.Claim.Id));
        Assert.Equal([1, 1, 2, 2], down.Links.Select(l => l.Distance));
        Assert.Equal(["w → H1", "y → H1", "z → w → H1", "x → y → H1"], down.Links.Select(l => down.ChainFrom(l.Claim.Id)!.ToString()));
        Assert.Null(down.ChainFrom("unrelated"));
        Assert.False(down.Contains("unrelated"));
        Assert.Equal(["x"], index.SupportersOf("y").Select(c => c.Id));
    }

    [Fact]
    public void Long_support_chains_are_followed_without_recursion()
    {
        const int length = 100_000;
        var claims = new Claim[length];
        for (var i = 0; i < length; i++)
        {
            claims[i] = C("c" + i) with { Supports = [i == length - 1 ? "H1" : "c" + (i + 1)] };
        }

        var index = Dataset(claims).Index;

        Assert.Equal(length, index.SupportChains("c0").Single().Length);
        var tree = index.SupportTree("H1");
        Assert.Equal(length, tree.Links.Count);
        Assert.Equal(length, tree.Links[^1].Distance);
        Assert.Equal(length, tree.ChainFrom("c0")!.Length);
    }

    [Fact]
    public void Supersession_is_known_from_either_side()
    {
        var dataset = Dataset(
        [
            C("old", date: "2015"),
            C("new", date: "2016") with { Supersedes = "old" },
            C("newer", date: "2017") with { Supersedes = "old" },
            C("flagged_only") with { SupersededBy = "new" },
        ]);
        var index = dataset.Index;

        Assert.True(index.IsSuperseded(index.FindClaim("old")!));
        Assert.True(index.IsSuperseded(index.FindClaim("flagged_only")!));
        Assert.False(index.IsSuperseded(index.FindClaim("new")!));
        Assert.Equal(["new", "newer"], index.SupersedersOf("old").Select(c => c.Id));
        Assert.Equal(["new", "newer"], index.CurrentClaims.Select(c => c.Id));
    }

    [Fact]
    public void Lookups_find_declarations_by_id()
    {
        var dataset = Samples.Fixture();
        var index = dataset.Index;

        Assert.Same(index, DatasetIndex.For(dataset));
        Assert.Equal(EntityKind.Source, index.KindOf("MET"));
        Assert.Equal(EntityKind.Claim, index.KindOf("coup"));
        Assert.Equal(EntityKind.Hypothesis, index.KindOf("H1"));
        Assert.Null(index.KindOf("coup_attempt"));
        Assert.Equal("Almaza air base", index.FindPlace("Almaza")!.Name);
        Assert.Equal("Maher al-Assad", index.FindActor("Maher")!.Name);
        Assert.True(index.FindPredicate("coup_attempt")!.Declared);
        Assert.Equal(["MET", "WIB"], index.SourcesOf(index.FindClaim("deploy")!).Select(s => s.Id));
        Assert.Null(index.FindClaim("nothing"));
    }

    [Fact]
    public void A_copy_made_with_with_gets_its_own_index()
    {
        var dataset = Samples.Fixture();
        var smaller = dataset with { Claims = [dataset.Claims[0]] };

        Assert.Equal(8, dataset.Index.Timeline.Count);
        Assert.Single(smaller.Index.Timeline);
    }
}
