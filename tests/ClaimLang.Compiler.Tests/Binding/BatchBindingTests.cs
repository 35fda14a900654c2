using System.Text;
using ClaimLang.Binding;
using ClaimLang.Syntax;

namespace ClaimLang.Tests.Binding;

/// <summary>
/// The batch paths: trees that let their syntax nodes go once summarised, and the parallel resolution pass, must
/// give exactly what a plain compilation gives.
/// </summary>
public class BatchBindingTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    private const string Declarations = """
        source MET "Middle East Transparent" reliability C
        actor IRGC "Guards"
        predicate visited(place: place)
        place Damascus "Damascus"
        """;

    private const string Claims = """
        claim IRGC.visited(Damascus) on 2017-01-28 source MET confidence low
        claim IRGC.visited(Damscus) source MTE confidence high
        claim IRGC.visited(Damascus) on 2017-02-30 source MET
        claim IRGC.coup_attempt(  source MET
        """;

    private static string[] Describe(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Select(d => $"{d.Location.FilePath}:{d.Location.LineSpan.Start.Line}:{d.Location.LineSpan.Start.Character} {d.Id} {d.Message}")];

    [Fact]
    public void A_tree_that_released_its_nodes_parses_them_again_and_compiles_the_same()
    {
        var kept = new[] { SyntaxTree.Parse(Declarations, "a.claim"), SyntaxTree.Parse(Claims, "b.claim") };
        var released = new[] { SyntaxTree.Parse(Declarations, "a.claim"), SyntaxTree.Parse(Claims, "b.claim") };
        foreach (var tree in released) Compilation.Prepare(tree, releaseRoot: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(Describe(Compilation.Create(kept, today: Today)), Describe(Compilation.Create(released, today: Today)));
        Assert.Contains(Describe(Compilation.Create(released, today: Today)), d => d.Contains("CLM2001", StringComparison.Ordinal));
        // The nodes come back from the text: the same tree, and edits still work on it.
        Assert.Equal(Claims, released[1].ToString());
        Assert.Equal(Claims, released[1].GetRoot().ToFullString());
        var edited = released[1].WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(Claims.IndexOf("MTE", StringComparison.Ordinal), 3), "MET");
        Assert.Equal(SyntaxPrinter.Print(SyntaxTree.Parse(edited.Text.ToString()).GetRoot()), SyntaxPrinter.Print(edited.GetRoot()));
    }

    [Fact]
    public void Did_you_mean_goes_to_the_first_undefined_names_in_file_order_whatever_the_threads_do()
    {
        // 1,000 sources, and 1,000 distinct undefined names each one letter-case away from one of them, spread over
        // ten files: the budget of 500 suggestions must go to the first 500 names in file order, every time.
        var declarations = new StringBuilder();
        for (int i = 0; i < 1000; i++) declarations.Append($"source SRC{i:D4} \"source {i}\"\n");
        declarations.Append("actor IRGC \"Guards\"\n");
        var files = new List<(string Path, string Text)> { ("decl.claim", declarations.ToString()) };
        for (int f = 0; f < 10; f++)
        {
            var claims = new StringBuilder();
            for (int i = 0; i < 100; i++) claims.Append($"claim IRGC.alert source src{f * 100 + i:D4} confidence low\n");
            files.Add(($"f{f}.claim", claims.ToString()));
        }

        string[] Run(IEnumerable<(string Path, string Text)> order) =>
            Describe(Compilation.Create(order.Select(f => SyntaxTree.Parse(f.Text, f.Path)), today: Today));

        var first = Run(files);
        Assert.Equal(first, Run(Enumerable.Reverse(files)));
        Assert.Equal(first, Run(files));
        var undefined = first.Where(d => d.Contains(" CLM2001 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(1000, undefined.Count);
        for (int i = 0; i < undefined.Count; i++)
        {
            bool suggested = undefined[i].Contains($"did you mean 'SRC{i:D4}'", StringComparison.Ordinal);
            Assert.True(suggested == i < 500, undefined[i]);
        }
    }

    [Fact]
    public void An_edit_that_keeps_the_declared_names_reuses_the_suggestions_and_changes_no_diagnostic()
    {
        var declarations = SyntaxTree.Parse(Declarations, "a.claim");
        var claims = SyntaxTree.Parse(Claims, "b.claim");
        var first = Compilation.Create([declarations, claims], today: Today);
        Assert.Contains(Describe(first), d => d.Contains("did you mean 'Damascus'", StringComparison.Ordinal));

        // A keystroke inside a claim: the same names are declared, so the memo goes on.
        int at = Claims.IndexOf("Damscus", StringComparison.Ordinal);
        var typed = claims.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(at + 3, 0), "a");
        var second = Compilation.Create([declarations, typed], today: Today, predecessor: first);
        Assert.True(second.Bound.Memo.IsCarriedOver);
        Assert.Equal(Describe(Compilation.Create([declarations, typed], today: Today)), Describe(second));
        Assert.DoesNotContain(Describe(second), d => d.Contains("Damscus", StringComparison.Ordinal));

        // A new place whose name is closer: the table changed, so the suggestions are looked up again.
        var withPlace = declarations.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(Declarations.Length, 0), "\nplace Damscus \"Typo town\"\n");
        var third = Compilation.Create([withPlace, claims], today: Today, predecessor: first);
        Assert.False(third.Bound.Memo.IsCarriedOver);
        Assert.Equal(Describe(Compilation.Create([withPlace, claims], today: Today)), Describe(third));
        Assert.DoesNotContain(Describe(third), d => d.Contains("undefined place 'Damscus'", StringComparison.Ordinal));

        // Renaming a declaration in the edited file also changes the table, even with the same number of names.
        int name = Declarations.IndexOf("Damascus", StringComparison.Ordinal);
        var renamed = declarations.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(name, "Damascus".Length), "Damasco");
        var fourth = Compilation.Create([renamed, claims], today: Today, predecessor: first);
        Assert.False(fourth.Bound.Memo.IsCarriedOver);
        Assert.Equal(Describe(Compilation.Create([renamed, claims], today: Today)), Describe(fourth));
    }
}
