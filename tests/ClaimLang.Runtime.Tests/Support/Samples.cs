namespace ClaimLang.Runtime.Tests.Support;

/// <summary>Datasets built in memory for the tests.</summary>
internal static class Samples
{
    public static ClaimDate Date(string edtf) => ClaimDate.Parse(edtf);

    public static SourceLocation At(int line, int column = 1) => new("cases/edge.claim", line, column);

    /// <summary>
    /// A consistent dataset that exercises awkward values: non-ASCII and control characters, every argument
    /// type, large and negative numbers, open intervals, seasons, qualifiers, absent values everywhere.
    /// </summary>
    public static ClaimDataset EdgeCases() => new()
    {
        Sources =
        [
            new Source { Id = "S", Title = "📰 «Breaking» \"news\"\twith\ttabs\nand a line break, \u0001 a control character" },
            new Source
            {
                Id = "Ṭehran_src",
                Title = "مصدر عربي",
                Published = Date("2016-21"),
                Author = "A. N. Other",
                Publisher = "<Publisher & Sons>",
                Url = "https://example.org/a?b=c&d=e",
                Reliability = ReliabilityGrade.B,
                Kind = "outlet",
                Lang = "ar",
                Document = "docs/sources/tehran.txt",
                Cites = ["S"],
                Doc = "Two lines\nof documentation.",
                Location = At(2, 8),
            },
        ],
        Actors =
        [
            new Actor { Id = "A", Name = "Actor \"A\"", Aka = ["Alpha", "Ālef", "=cmd()"], Location = At(4, 7) },
            new Actor { Id = "B", Name = "Actor B", Kind = "unit", PartOf = "A" },
        ],
        Places =
        [
            new Place { Id = "South", Name = "Southern place", Lat = -33.5, Lon = -70.25 },
            new Place { Id = "Nowhere", Name = "No coordinates", In = "South", Doc = "" },
        ],
        Predicates =
        [
            new Predicate
            {
                Name = "everything",
                Params =
                [
                    new PredicateParameter("who", ArgumentType.Actor),
                    new PredicateParameter("where", ArgumentType.Place),
                    new PredicateParameter("when", ArgumentType.Date),
                    new PredicateParameter("how_many", ArgumentType.Number),
                    new PredicateParameter("what", ArgumentType.Text),
                    new PredicateParameter("which", ArgumentType.Claim),
                ],
                Description = "takes one argument of each type",
                Location = At(8, 11),
            },
            new Predicate { Name = "undeclared", Declared = false },
        ],
        Hypotheses =
        [
            new Hypothesis { Id = "H", Statement = "Something happened", SupportedBy = ["first"], ContradictedBy = ["second"] },
        ],
        Claims =
        [
            new Claim
            {
                Id = "first",
                Label = "first",
                Subject = "A",
                Predicate = "everything",
                Args =
                [
                    new ClaimArgument("who", ArgumentValue.Actor("B")),
                    new ClaimArgument("where", ArgumentValue.Place("South")),
                    new ClaimArgument("when", ArgumentValue.FromDate(Date("2017-01/.."))),
                    new ClaimArgument("how_many", ArgumentValue.FromNumber(-12345678901234567890.125m)),
                    new ClaimArgument("what", ArgumentValue.FromText("")),
                    new ClaimArgument("which", ArgumentValue.Claim("second")),
                ],
                Date = Date("2017-01-28T07:23+03:00"),
                Sources = ["S", "Ṭehran_src"],
                Confidence = Confidence.High,
                Credibility = CredibilityGrade.CannotBeJudged,
                At = "Nowhere",
                Contradicts = ["second"],
                Supports = ["H"],
                Quote = """a "raw" quote""",
                Note = "-1+1",
                Tags = ["t1", "t_2"],
                Doc = "/// documented",
                Location = At(10, 7),
            },
            new Claim
            {
                Id = "second",
                Label = "second",
                Subject = "South",
                Predicate = "undeclared",
                Args =
                [
                    new ClaimArgument("1", ArgumentValue.FromNumber(40000m)),
                    new ClaimArgument("2", ArgumentValue.Name("H")),
                ],
                Date = Date("2016%"),
                Sources = ["S"],
                Contradicts = ["H", "S", "first"],
                Location = At(12, 7),
            },
            new Claim
            {
                Id = "B.undeclared/S",
                Subject = "B",
                Predicate = "undeclared",
                Sources = ["S"],
                Confidence = Confidence.Low,
            },
        ],
    };

    /// <summary>The hand-written fixture (Fixtures/dataset.json).</summary>
    public static ClaimDataset Fixture() => ClaimDataset.Load(TestPaths.FixtureDataset);
}
