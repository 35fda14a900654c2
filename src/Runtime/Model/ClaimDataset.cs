using ClaimLang.Runtime.Serialization;

namespace ClaimLang.Runtime;

/// <summary>
/// A compiled ClaimLang dataset: every source, actor, place, predicate, hypothesis and claim of a
/// compilation. Immutable; two datasets are equal when their content is equal.
/// Read one with <see cref="Load(string)"/>; write one with <see cref="Save(string)"/> or
/// <see cref="DatasetJson.Write(ClaimDataset, Stream)"/>.
/// </summary>
public sealed record ClaimDataset
{
    /// <summary>The value of the dataset's <c>format</c> field.</summary>
    public const string FormatName = "claimlang-dataset";

    /// <summary>The dataset version this library reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The sources.</summary>
    public EquatableArray<Source> Sources { get; init; }

    /// <summary>The actors.</summary>
    public EquatableArray<Actor> Actors { get; init; }

    /// <summary>The places.</summary>
    public EquatableArray<Place> Places { get; init; }

    /// <summary>The predicates, declared or only used.</summary>
    public EquatableArray<Predicate> Predicates { get; init; }

    /// <summary>The hypotheses.</summary>
    public EquatableArray<Hypothesis> Hypotheses { get; init; }

    /// <summary>The claims.</summary>
    public EquatableArray<Claim> Claims { get; init; }

    /// <summary>
    /// Lookups and analyses over this dataset (built on first use, then shared).
    /// </summary>
    public DatasetIndex Index => DatasetIndex.For(this);

    /// <summary>
    /// Reads a dataset from <paramref name="path"/>: a <c>dataset.json</c> file, a JSON Lines file, or a
    /// SQLite database (told apart by their content, not their name). The dataset is checked
    /// (<see cref="Validate"/>) before it is returned.
    /// </summary>
    /// <exception cref="DatasetFormatException">The file is not a ClaimLang dataset this library can read:
    /// unknown format or version, malformed content, or references that do not resolve.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ClaimDataset Load(string path) => DatasetLoader.Load(path);

    /// <summary>
    /// Writes the dataset as <c>dataset.json</c> to <paramref name="path"/> (through a temporary file in the same
    /// folder that then replaces the target, so a reader never sees a half-written file).
    /// </summary>
    public void Save(string path) => DatasetJson.WriteFile(this, path);

    /// <summary>
    /// Checks that ids are unique and that every reference resolves to a declaration of a fitting kind.
    /// Returns the problems found, in a stable order; an empty list means the dataset is consistent.
    /// </summary>
    public IReadOnlyList<string> Validate() => DatasetValidator.Validate(this);

    /// <summary>A short summary: how many of each kind of declaration the dataset holds.</summary>
    public override string ToString() =>
        $"ClaimDataset {{ {Sources.Count} sources, {Actors.Count} actors, {Places.Count} places, " +
        $"{Predicates.Count} predicates, {Hypotheses.Count} hypotheses, {Claims.Count} claims }}";
}
