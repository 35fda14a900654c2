using ClaimLang.Binding;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using ClaimLang.Tests.Configuration;
using ClaimArgument = ClaimLang.Runtime.ClaimArgument;
using Confidence = ClaimLang.Runtime.Confidence;

namespace ClaimLang.Tests.Emit;

public class DatasetBuilderTests
{
    private static ClaimDataset SpecExample(out ClaimLang.Workspace.LoadedWorkspace workspace)
    {
        using var folder = EmitFixtures.Materialise("spec-example");
        workspace = EmitFixtures.Load(folder.Path);
        return DatasetBuilder.Build(workspace.Compilation, workspace.Root);
    }

    [Fact]
    public void Claim_ids_come_from_the_compiler_and_everything_is_sorted_by_id()
    {
        var dataset = SpecExample(out var workspace);

        var expectedIds = workspace.Compilation.Claims.Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedIds, dataset.Claims.Select(c => c.Id));
        Assert.Contains("IRGC.coup_attempt@2017-01-28/MET", expectedIds);
        Assert.Contains("coup", expectedIds);

        Assert.Equal(["MET", "Sarkis", "WIB"], dataset.Sources.Select(s => s.Id));
        Assert.Equal(["Bashar", "FourthDivision", "IRGC", "Maher", "Russia", "SyrianArmy"], dataset.Actors.Select(a => a.Id));
        Assert.Equal(["Almaza", "Damascus"], dataset.Places.Select(p => p.Id));
        Assert.Equal(["aligned_with", "coup_attempt", "health_crisis", "high_alert"], dataset.Predicates.Select(p => p.Name));
        Assert.Empty(dataset.Validate());
    }

    [Fact]
    public void Declarations_are_mapped_field_by_field()
    {
        var dataset = SpecExample(out _);

        var met = dataset.Sources.Single(s => s.Id == "MET");
        Assert.Equal("Did Tehran attempt a coup in Damascus?", met.Title);
        Assert.Equal("Middle East Transparent", met.Publisher);
        Assert.Equal("Tom Cooper", met.Author);
        Assert.Equal("2017-02-07", met.Published!.Edtf);
        Assert.Equal(ReliabilityGrade.C, met.Reliability);
        Assert.Equal("analysis", met.Kind);
        Assert.Equal(["WIB"], met.Cites);
        Assert.Equal("Tom Cooper's analysis, republished by Middle East Transparent.", met.Doc);
        Assert.Equal(new SourceLocation("spec-example.claim", 2, 8), met.Location);

        var wib = dataset.Sources.Single(s => s.Id == "WIB");
        Assert.Null(wib.Doc);
        Assert.Null(wib.Reliability);
        Assert.Null(wib.Published);

        var division = dataset.Actors.Single(a => a.Id == "FourthDivision");
        Assert.Equal("4th Armored Division", division.Name);
        Assert.Equal("SyrianArmy", division.PartOf);
        Assert.Equal(["Pasdaran"], dataset.Actors.Single(a => a.Id == "IRGC").Aka);

        var almaza = dataset.Places.Single(p => p.Id == "Almaza");
        Assert.Equal("Damascus", almaza.In);
        Assert.Equal(33.4114, almaza.Lat);
        Assert.Equal(36.4156, almaza.Lon);

        var coupAttempt = dataset.Predicates.Single(p => p.Name == "coup_attempt");
        Assert.True(coupAttempt.Declared);
        Assert.Equal([new PredicateParameter("target", ArgumentType.Actor), new PredicateParameter("replacement", ArgumentType.Actor)], coupAttempt.Params);
        Assert.Equal("tried to depose a head of state", coupAttempt.Description);
        Assert.Equal(new SourceLocation("spec-example.claim", 20, 11), coupAttempt.Location);

        var undeclared = dataset.Predicates.Single(p => p.Name == "aligned_with");
        Assert.False(undeclared.Declared);
        Assert.Empty(undeclared.Params);
        Assert.Null(undeclared.Location);

        var h1 = Assert.Single(dataset.Hypotheses);
        Assert.Equal("The IRGC tried to replace Bashar with Maher in January 2017", h1.Statement);
        Assert.Equal(["coup"], h1.SupportedBy);
        Assert.Equal(["Maher.aligned_with(Russia)/Sarkis"], h1.ContradictedBy);
    }

    [Fact]
    public void Claims_carry_dates_arguments_relations_and_locations()
    {
        var dataset = SpecExample(out _);
        Claim ById(string id) => dataset.Claims.Single(c => c.Id == id);

        var coup = ById("coup");
        Assert.Equal("coup", coup.Label);
        Assert.Equal("IRGC", coup.Subject);
        Assert.Equal("coup_attempt", coup.Predicate);
        Assert.Equal([new ClaimArgument("target", ArgumentValue.Actor("Bashar")), new ClaimArgument("replacement", ArgumentValue.Actor("Maher"))], coup.Args);
        Assert.Equal("2017-01-28", coup.Date!.Edtf);
        Assert.Equal(["MET"], coup.Sources);
        Assert.Equal(Confidence.Low, coup.Confidence);
        Assert.Equal(CredibilityGrade.Doubtful, coup.Credibility);
        Assert.Equal(["H1"], coup.Supports);
        Assert.Equal("tried to depose Al Assad and replace him with his brother Maher", coup.Quote);
        Assert.Equal(new SourceLocation("spec-example.claim", 26, 7), coup.Location);

        // contradicts is symmetric between claims; the other ids stay one-sided.
        var aligned = ById("Maher.aligned_with(Russia)/Sarkis");
        Assert.Equal(["H1", "coup"], aligned.Contradicts);
        Assert.Equal(["Maher.aligned_with(Russia)/Sarkis"], coup.Contradicts);
        Assert.Equal([new ClaimArgument("1", ArgumentValue.Actor("Russia"))], aligned.Args);

        // supportedBy is the inverse of supports.
        Assert.Equal(["FourthDivision.high_alert@2017-01~/MET"], coup.SupportedBy);
        var alert = ById("FourthDivision.high_alert@2017-01~/MET");
        Assert.Equal(["coup"], alert.Supports);
        Assert.Equal("Damascus", alert.At);
        Assert.True(alert.Date!.Approximate);
        Assert.Equal(new DateOnly(2017, 1, 1), alert.Date.Start);
        Assert.Equal(new DateOnly(2017, 1, 31), alert.Date.End);

        // An unlabelled claim is located at its subject.
        var attempt = ById("IRGC.coup_attempt@2017-01-28/MET");
        Assert.Null(attempt.Label);
        Assert.Equal(["Sarkis"], attempt.Contradicts);
        Assert.Equal(new SourceLocation("spec-example.claim", 24, 7), attempt.Location);

        var health = ById("Bashar.health_crisis@2017-01-23/2017-01-27/MET");
        Assert.Equal(new DateOnly(2017, 1, 23), health.Date!.Start);
        Assert.Equal(new DateOnly(2017, 1, 27), health.Date.End);
    }

    [Fact]
    public void Every_argument_type_supersession_and_documentation_are_mapped()
    {
        var (folder, dataset) = EmitFixtures.RichDataset();
        using (folder)
        {
            Claim ById(string id) => dataset.Claims.Single(c => c.Id == id);

            var first = ById("first");
            Assert.Equal(
            [
                new ClaimArgument("destination", ArgumentValue.Place("Base")),
                new ClaimArgument("troops", ArgumentValue.FromNumber(40000m)),
                new ClaimArgument("when", ArgumentValue.FromDate(ClaimDate.Parse("2017-01-20"))),
                new ClaimArgument("why", ArgumentValue.FromText("orders")),
            ], first.Args);
            Assert.Equal(["Report", "Wire"], first.Sources);
            Assert.Equal(["military", "night"], first.Tags);
            Assert.Equal("=1+1", first.Note);
            Assert.Equal("Base", first.At);

            // Two claims supersede "first": supersededBy names the first of them by id.
            Assert.Equal("second", first.SupersededBy);
            Assert.Equal("first", ById("second").Supersedes);
            Assert.Equal("first", ById("third").Supersedes);
            Assert.Null(ById("second").SupersededBy);

            // Positional arguments of a declared predicate take the parameter names; a claim argument is typed claim.
            var second = ById("second");
            Assert.Equal(["destination", "troops", "when", "why", "after"], second.Args.Select(a => a.Name));
            Assert.Equal(ArgumentValue.FromNumber(38500.5m), second.Args[1].Value);
            Assert.Equal(ArgumentValue.Claim("first"), second.Args[4].Value);
            Assert.Equal("Later reporting.", second.Doc);
            Assert.Equal(["H", "first"], second.Supports); // sorted by id: upper case before lower case
            Assert.Equal(["second"], first.SupportedBy);

            // An undeclared predicate: positional keys, and a hypothesis is a 'name'; a bare year is a number there.
            var left = ById("Army.left(City,12,2016,\"tab\there\",H)/Blog");
            Assert.Equal(
            [
                new ClaimArgument("1", ArgumentValue.Place("City")),
                new ClaimArgument("2", ArgumentValue.FromNumber(12m)),
                new ClaimArgument("3", ArgumentValue.FromNumber(2016m)),
                new ClaimArgument("4", ArgumentValue.FromText("tab\there")),
                new ClaimArgument("5", ArgumentValue.Name("H")),
            ], left.Args);

            // Symmetric contradiction, sorted by id (ordinal: upper case first), and sources/hypotheses one-sided.
            var third = ById("third");
            Assert.Equal(["Army.left(City,12,2016,\"tab\there\",H)/Blog", "H2", "Wire", "second"], third.Contradicts);
            Assert.Equal(["third"], ById("second").Contradicts);
            Assert.Equal(["Army.observed@2017-01-23/../Wire"], third.SupportedBy);
            Assert.Equal(["third"], dataset.Hypotheses.Single(h => h.Id == "H2").ContradictedBy);
            Assert.Equal(["first", "second"], dataset.Hypotheses.Single(h => h.Id == "H").SupportedBy);

            var report = dataset.Sources.Single(s => s.Id == "Report");
            Assert.Equal("The main report.\nSecond line of its documentation.", report.Doc);
            Assert.Equal("docs/report.txt", report.Document);
            Assert.Equal("en", report.Lang);
            Assert.Equal("https://example.org/r?a=1,b=2", report.Url);
            Assert.Equal(["Wire", "Blog"], report.Cites);

            var place = dataset.Places.Single(p => p.Id == "Base");
            Assert.Equal(-33.5, place.Lat);
            Assert.Equal(151.25, place.Lon);
            Assert.Equal(new SourceLocation("world/world.claim", 5, 7), place.Location);
            Assert.Equal("A city.", dataset.Places.Single(p => p.Id == "City").Doc);

            var observed = dataset.Predicates.Single(p => p.Name == "observed");
            Assert.True(observed.Declared);
            Assert.Empty(observed.Params);
            Assert.False(dataset.Predicates.Single(p => p.Name == "left").Declared);

            Assert.Null(ById("City.quiet@../2017-01-19/Wire").Date!.Start);
            Assert.Equal(new DateOnly(2017, 1, 19), ById("City.quiet@../2017-01-19/Wire").Date!.End);
            Assert.Empty(dataset.Validate());
        }
    }

    [Fact]
    public void Locations_are_relative_to_the_workspace_root_with_forward_slashes()
    {
        using var folder = new TempDirectory();
        folder.Write("claimlang.json", "{}");
        folder.Write("a/b/deep.claim", "source S \"s\"\nactor X \"x\"\n\nclaim  lbl = X.did source S\n");
        var dataset = EmitFixtures.Build(folder.Path);
        Assert.Equal(new SourceLocation("a/b/deep.claim", 1, 8), dataset.Sources[0].Location);
        Assert.Equal(new SourceLocation("a/b/deep.claim", 4, 8), dataset.Claims[0].Location);
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        using var folder = new TempDirectory();
        folder.Write("x.claim", "source S \"😀😀\" author \"x\"\nactor A \"a\"\nclaim A.p source S note \"😀\"\n/// doc\nactor /*😀😀*/ Ä \"ä\"\n");
        var dataset = EmitFixtures.Build(folder.Path);

        // "actor " (6) + "/*" (2) + two emoji of two UTF-16 code units each (4) + "*/ " (3): Ä is at column 16.
        Assert.Equal(new SourceLocation("x.claim", 5, 16), dataset.Actors.Single(a => a.Id == "Ä").Location);
        Assert.Equal("doc", dataset.Actors.Single(a => a.Id == "Ä").Doc);
    }

    [Fact]
    public void A_source_cited_twice_is_cited_once_and_a_repeated_argument_is_an_error()
    {
        using var folder = new TempDirectory();
        folder.Write("x.claim", "source S \"s\" cites T, T\nsource T \"t\"\nactor X \"x\"\nclaim X.p(a: 1) source S\n");
        var dataset = EmitFixtures.Build(folder.Path);
        Assert.Equal(["T"], dataset.Sources.Single(s => s.Id == "S").Cites);

        var root = Path.Combine(Path.GetTempPath(), "ws");
        var tree = SyntaxTree.Parse("source S \"s\"\nactor X \"x\"\nclaim X.p(a: 1, a: 2) source S\n", Path.Combine(root, "r.claim"));
        var compilation = Compilation.Create([tree], workspaceRoot: root, today: EmitFixtures.Today);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CLM2010");
        // Even so, the builder keeps the first value, so a dataset built for inspection stays loadable.
        var built = DatasetBuilder.Build(compilation, root);
        Assert.Equal([new ClaimArgument("a", ArgumentValue.FromNumber(1m))], built.Claims[0].Args);
        Assert.Empty(built.Validate());
    }

    [Fact]
    public void A_compilation_with_errors_still_builds_without_throwing()
    {
        var tree = SyntaxTree.Parse("""
            source S "s"
            source S "again"
            actor X "x"
            claim dup = X.p source S
            claim dup = X.q source Nowhere
            claim Y.p(Nobody, 2017-02-30) source S contradicts nothing
            """, Path.Combine(Path.GetTempPath(), "ws", "e.claim"));
        var compilation = Compilation.Create([tree], workspaceRoot: Path.Combine(Path.GetTempPath(), "ws"), today: EmitFixtures.Today);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == Diagnostics.DiagnosticSeverity.Error);

        var dataset = DatasetBuilder.Build(compilation, Path.Combine(Path.GetTempPath(), "ws"));
        Assert.Equal(["S"], dataset.Sources.Select(s => s.Id));
        Assert.Equal("s", dataset.Sources[0].Title);
        Assert.Equal(2, dataset.Claims.Count);
        Assert.Equal("X", dataset.Claims.Single(c => c.Id == "dup").Subject);
    }
}
