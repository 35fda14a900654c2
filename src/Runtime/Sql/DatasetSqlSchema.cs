namespace ClaimLang.Runtime;

/// <summary>
/// The SQLite layout of a dataset (<c>Sql/schema.sql</c>, embedded in this assembly): the one definition
/// shared by the compiler's SQLite emitter and <see cref="DatasetSqlite"/>.
/// </summary>
public static class DatasetSqlSchema
{
    private const string ResourceName = "ClaimLang.Runtime.Sql.schema.sql";

    private static readonly Lazy<string> LazyScript = new(LoadScript);

    /// <summary>The SQL script that creates every table, index and view of an empty dataset database.</summary>
    public static string Script => LazyScript.Value;

    /// <summary>The tables, in an order in which they can be filled.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "dataset_info", "sources", "actors", "actor_aliases", "places", "predicates", "predicate_params",
        "hypotheses", "claims", "claim_sources", "claim_args", "claim_tags", "relations",
    ];

    /// <summary>The view for everyday queries.</summary>
    public const string OverviewView = "claim_overview";

    private static string LoadScript()
    {
        using var stream = typeof(DatasetSqlSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
