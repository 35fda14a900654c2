using System.Text;
using ClaimLang.ReferenceGrammar;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Syntax;

/// <summary>
/// The hand-written parser and the reference parser generated from grammar/ClaimLang.g4 must accept and reject the
/// same inputs ("accept" = no syntax diagnostic).
/// </summary>
public class DifferentialTests
{
    private static void AssertAgree(string text, string what)
    {
        bool ours = SyntaxTree.Parse(text).GetDiagnostics().Count == 0;
        var reference = ReferenceParser.Parse(text);
        if (ours != reference.Accepted)
        {
            var detail = ours
                ? "the reference parser rejects it: " + string.Join("; ", reference.Errors.Take(3).Select(e => $"{e.Line}:{e.Column} {e.Message}"))
                : "the hand-written parser rejects it: " + string.Join("; ", SyntaxTree.Parse(text).GetDiagnostics().Take(3));
            Assert.Fail($"{what}: the parsers disagree; {detail}\n--- input ---\n{text}");
        }
    }

    public static IEnumerable<string> CorpusFiles()
    {
        foreach (var file in TestPaths.ClaimFiles("examples", "seeds")) yield return file;
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        foreach (var file in Directory.EnumerateFiles(corpus, "*.claim", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) yield return file;
        foreach (var dir in Directory.EnumerateDirectories(Baselines.BaselineTests.CasesFolder).Order(StringComparer.Ordinal))
            yield return Path.Combine(dir, "main.claim");
    }

    [Fact]
    public void Both_parsers_agree_on_every_corpus_file()
    {
        int count = 0;
        foreach (var file in CorpusFiles())
        {
            // Read bytes: File.ReadAllText would drop a byte-order mark.
            AssertAgree(Encoding.UTF8.GetString(File.ReadAllBytes(file)), file);
            count++;
        }
        Assert.True(count > 100, $"only {count} corpus files");
    }

    [Fact]
    public void Both_parsers_agree_on_generated_and_mutated_inputs()
    {
        var generator = new ClaimGenerator(2024);
        var corpus = CorpusFiles().Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).Where(t => t.Length < 4000).ToList();
        for (int i = 0; i < 10_000; i++)
        {
            var text = generator.File(1 + i % 4);
            AssertAgree(text, $"generated input {i}");
            AssertAgree(generator.Mutate(text), $"mutated generated input {i}");
            var original = corpus[i % corpus.Count];
            AssertAgree(generator.Mutate(original), $"mutated corpus input {i}");
        }
    }
}
