using ClaimLang.Configuration;
using ClaimLang.Formatting;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Formatting;

/// <summary>
/// The formatter's promises (see <see cref="FormattingInvariants"/>) over real files and thousands of generated
/// ones: idempotent, same tokens, same comments, same meaning, output without syntax errors; files with errors
/// unchanged.
/// </summary>
public class FormattingPropertyTests
{
    private static readonly FormatOptions[] Settings =
    [
        FormatOptions.Default,
        new() { Width = 40 },
        new() { Width = 60, Indent = 4 },
        new() { Width = 400, Indent = 1 },
        new() { Width = 47, Indent = 8 },
    ];

    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.ClaimFiles("examples", "seeds", "tests/ClaimLang.Compiler.Tests/Corpus"))
            data.Add(Path.GetRelativePath(TestPaths.RepoRoot, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Repository_files_format_safely(string path)
    {
        string text = File.ReadAllText(TestPaths.InRepo(path));
        foreach (var options in Settings) FormattingInvariants.AssertSafe(text, options);
    }

    [Fact]
    public void The_examples_and_seeds_are_found()
    {
        Assert.Contains(TestPaths.ClaimFiles("examples"), f => f.EndsWith(".claim", StringComparison.Ordinal));
        Assert.Contains(TestPaths.ClaimFiles("seeds"), f => f.EndsWith(".claim", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_files_format_safely()
    {
        var generator = new ClaimGenerator(41);
        int clean = 0, withErrors = 0;
        for (int i = 0; i < 3000; i++)
        {
            string text = generator.File(1 + i % 9);
            if (SyntaxTree.Parse(text).GetDiagnostics().Count == 0) clean++;
            else withErrors++;
            FormattingInvariants.AssertSafe(text, Settings[i % Settings.Length]);
        }
        // The generator must exercise both paths.
        Assert.True(clean > 500, $"only {clean} error-free files");
        Assert.True(withErrors > 100, $"only {withErrors} files with errors");
    }

    [Fact]
    public void Mutated_and_garbage_files_are_either_formatted_safely_or_left_alone()
    {
        var generator = new ClaimGenerator(42);
        for (int i = 0; i < 2000; i++)
        {
            string text = generator.File(1 + i % 5);
            FormattingInvariants.AssertSafe(generator.Mutate(text), Settings[i % Settings.Length]);
            FormattingInvariants.AssertSafe(generator.Garbage(i % 200), Settings[i % Settings.Length]);
        }
    }

    [Fact]
    public void Comments_anywhere_are_kept_and_formatting_stays_safe()
    {
        var generator = new ClaimGenerator(43);
        var fuzzer = new LayoutFuzzer(43);
        int checkedFiles = 0;
        for (int i = 0; i < 3000; i++)
        {
            var tree = SyntaxTree.Parse(generator.File(1 + i % 6));
            if (tree.GetDiagnostics().Count > 0) continue;
            string relaid = fuzzer.Relayout(tree, comments: true);
            var relaidTree = SyntaxTree.Parse(relaid);
            Assert.Empty(relaidTree.GetDiagnostics());
            FormattingInvariants.AssertSameTokens(tree, relaidTree, relaid);
            FormattingInvariants.AssertSafe(relaid, Settings[i % Settings.Length]);
            checkedFiles++;
        }
        Assert.True(checkedFiles > 500, $"only {checkedFiles} files checked");
    }

    [Fact]
    public void The_layout_inside_declarations_does_not_matter()
    {
        // The formatter owns the layout: two files that differ only in blanks and line breaks inside declarations
        // format to the same text.
        var generator = new ClaimGenerator(44);
        var fuzzer = new LayoutFuzzer(44);
        int checkedFiles = 0;
        for (int i = 0; i < 2000; i++)
        {
            var tree = SyntaxTree.Parse(generator.File(1 + i % 6));
            if (tree.GetDiagnostics().Count > 0) continue;
            var options = Settings[i % Settings.Length];
            string a = fuzzer.Relayout(tree, comments: false);
            string b = fuzzer.Relayout(tree, comments: false);
            string formattedA = FormattingInvariants.AssertSafe(a, options);
            string formattedB = FormattingInvariants.AssertSafe(b, options);
            Assert.Equal(NormalizeLineBreaks(formattedA), NormalizeLineBreaks(formattedB));
            checkedFiles++;
        }
        Assert.True(checkedFiles > 300, $"only {checkedFiles} files checked");
    }

    [Fact]
    public void A_large_file_formats_correctly()
    {
        // Not a timing test: a large file must simply format correctly, which with a quadratic algorithm or deep
        // recursion would be impractically slow or overflow the stack.
        var generator = new ClaimGenerator(45);
        var builder = new System.Text.StringBuilder();
        while (builder.Length < 1_000_000)
        {
            string declaration = generator.Declaration();
            if (SyntaxTree.Parse(declaration).GetDiagnostics().Count == 0) builder.Append(declaration);
        }
        string text = builder.ToString();
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.GetDiagnostics());
        string output = Formatter.Format(tree);
        var formatted = SyntaxTree.Parse(output);
        Assert.Empty(formatted.GetDiagnostics());
        Assert.Equal(tree.GetRoot().Declarations.Count, formatted.GetRoot().Declarations.Count);
        Assert.Equal(output, Formatter.Format(formatted));
    }

    private static string NormalizeLineBreaks(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
