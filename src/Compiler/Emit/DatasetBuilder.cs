using System.Globalization;
using ClaimLang.Binding;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using BindingConfidence = ClaimLang.Binding.Confidence;
using DiagnosticLocation = ClaimLang.Diagnostics.Location;
using RuntimeArgument = ClaimLang.Runtime.ClaimArgument;
using RuntimeConfidence = ClaimLang.Runtime.Confidence;

namespace ClaimLang.Emit;

/// <summary>
/// Maps a compilation's symbols onto the runtime's dataset model (<see cref="ClaimDataset"/>), the one model that
/// every emitter writes. The result depends only on the content of the files and their paths relative to the
/// workspace root: never on the order the files were given in, the folder the workspace sits in, the clock or
/// the culture.
/// </summary>
/// <remarks>
/// <para>Order: sources, actors, places, hypotheses and claims are sorted by id, predicates by name
/// (ordinal comparison of UTF-16 code units). Lists the analyst wrote (a claim's sources and arguments, cites,
/// aka, tags) keep the order written; lists of related ids (contradicts, supports, supportedBy,
/// contradictedBy) hold each id once, sorted by id.</para>
/// <para>Derived links: a contradiction between two claims is listed on both; <c>supportedBy</c> is the inverse
/// of <c>supports</c>; <c>supersededBy</c> is the first claim (by id) whose <c>supersedes</c> names the claim.</para>
/// <para>The builder expects a compilation without errors. Given one with errors it still returns a dataset
/// (declarations that failed to bind are left out, the first of two duplicates wins), but that dataset may
/// not pass <see cref="ClaimDataset.Validate"/>.</para>
/// </remarks>
public static class DatasetBuilder
{
    /// <summary>Builds the dataset of <paramref name="compilation"/>.</summary>
    /// <param name="compilation">The compilation (normally one without errors).</param>
    /// <param name="workspaceRoot">The workspace root: <c>location.file</c> is relative to it, with <c>/</c>.</param>
    public static ClaimDataset Build(Compilation compilation, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(workspaceRoot);
        return new Builder(compilation.Bound, workspaceRoot).Build();
    }

    /// <summary>The order of ids and names in the dataset: ordinal (UTF-16 code units).</summary>
    internal static StringComparer IdComparer => StringComparer.Ordinal;

    private sealed class Builder(BoundWorkspace bound, string workspaceRoot)
    {
        private readonly string _root = Path.GetFullPath(workspaceRoot);
        // The relative path of each tree's file, keyed by the tree (claims are built on several threads).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, string> _relativePaths = new(ReferenceEqualityComparer.Instance);

        // Claims that take part in the dataset (the first of two claims with the same label), with the inverse
        // links collected in one pass over every claim's clauses.
        private readonly List<ClaimSymbol> _claims = [];
        private readonly Dictionary<Symbol, List<string>> _supportedBy = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Symbol, List<string>> _contradictedBy = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Symbol, string> _supersededBy = new(ReferenceEqualityComparer.Instance);

        public ClaimDataset Build()
        {
            foreach (var claim in bound.Claims)
            {
                if (IsCanonical(claim)) _claims.Add(claim);
            }

            // The links are collected in declaration order (the order the symbols were made in, so one pass reads
            // memory in order); the results do not depend on it.
            CollectInverseLinks();

            // The claims are put in dataset order (by id) before their model objects are made, in the order every
            // later pass (validation, the writers) walks them: each claim's objects then sit next to the previous
            // claim's in memory, which matters once there are a million of them.
            var sortedClaims = SortedArray(_claims, static c => c.Id);
            _claims.Clear();
            _claims.AddRange(sortedClaims);
            MarkLinkTargets();

            return new ClaimDataset
            {
                Sources = Sorted(BuildSources(), static s => s.Id),
                Actors = Sorted(BuildActors(), static a => a.Id),
                Places = Sorted(BuildPlaces(), static p => p.Id),
                Predicates = Sorted(BuildPredicates(), static p => p.Name),
                Hypotheses = Sorted(BuildHypotheses(), static h => h.Id),
                Claims = BuildClaims(),
            };
        }

        /// <summary>
        /// True for the symbol that owns its name: a duplicate declaration (an error) is left out. Unlabelled claims
        /// have no name and always take part.
        /// </summary>
        private bool IsCanonical(Symbol symbol) =>
            symbol is ClaimSymbol { Label: null } ||
            (bound.Names.TryGetValue(symbol.Name, out var owner) && ReferenceEquals(owner, symbol));

        /// <summary>Whether the claim at each position of <see cref="_claims"/> is the target of another claim's link.</summary>
        private bool[] _hasInverseLinks = [];

        /// <summary>The position of <paramref name="claim"/> in <see cref="_claims"/> (sorted by id), or -1.</summary>
        private int IndexOf(ClaimSymbol claim)
        {
            int low = 0, high = _claims.Count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                int c = string.CompareOrdinal(_claims[middle].Id, claim.Id);
                if (c < 0) low = middle + 1;
                else if (c > 0) high = middle - 1;
                else
                {
                    // Ids are unique without errors; with errors, look through the run of equal ids.
                    int first = middle;
                    while (first > 0 && string.Equals(_claims[first - 1].Id, claim.Id, StringComparison.Ordinal)) first--;
                    for (int i = first; i < _claims.Count && string.Equals(_claims[i].Id, claim.Id, StringComparison.Ordinal); i++)
                    {
                        if (ReferenceEquals(_claims[i], claim)) return i;
                    }

                    return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Few claims are the target of another's link: they are marked by position (in the sorted claims), so that
        /// building a claim looks the links up only for those (a lookup keyed by a symbol never hashed before stores
        /// a hash code in each of a million objects).
        /// </summary>
        private void MarkLinkTargets()
        {
            _hasInverseLinks = new bool[_claims.Count];
            foreach (var target in _supportedBy.Keys) Mark(target);
            foreach (var target in _contradictedBy.Keys) Mark(target);
            foreach (var target in _supersededBy.Keys) Mark(target);

            void Mark(Symbol target)
            {
                if (target is ClaimSymbol claim && IndexOf(claim) is int index and >= 0) _hasInverseLinks[index] = true;
            }
        }

        private void CollectInverseLinks()
        {
            foreach (var claim in _claims)
            {
                foreach (var reference in claim.Supports)
                {
                    Add(_supportedBy, reference.Target, claim.Id);
                }

                foreach (var reference in claim.Contradicts)
                {
                    Add(_contradictedBy, reference.Target, claim.Id);
                }

                if (claim.Supersedes is { Target: ClaimSymbol replaced } &&
                    (!_supersededBy.TryGetValue(replaced, out var first) || IdComparer.Compare(claim.Id, first) < 0))
                {
                    _supersededBy[replaced] = claim.Id;
                }
            }

            static void Add(Dictionary<Symbol, List<string>> map, Symbol target, string id)
            {
                if (!map.TryGetValue(target, out var list)) map[target] = list = [];
                list.Add(id);
            }
        }

        // ------------------------------------------------------------------ declarations

        private List<Source> BuildSources()
        {
            var result = new List<Source>(bound.Sources.Count);
            foreach (var source in bound.Sources)
            {
                if (!IsCanonical(source)) continue;
                result.Add(new Source
                {
                    Id = source.Name,
                    Title = source.Title,
                    Published = Date(source.Published),
                    Author = source.Author,
                    Publisher = source.Publisher,
                    Url = source.Url,
                    Reliability = source.Reliability is { } grade ? (ReliabilityGrade)(grade - 'A' + 1) : null,
                    Kind = source.SourceKind,
                    Lang = source.Lang,
                    Document = source.Document,
                    Cites = Distinct(source.Cites.Select(static c => c.Name)),
                    Doc = source.Documentation,
                    Location = LocationOf(source),
                });
            }

            return result;
        }

        private List<Actor> BuildActors()
        {
            var result = new List<Actor>(bound.Actors.Count);
            foreach (var actor in bound.Actors)
            {
                if (!IsCanonical(actor)) continue;
                result.Add(new Actor
                {
                    Id = actor.Name,
                    Name = actor.DisplayName,
                    Kind = actor.ActorKind,
                    Aka = EquatableArray.Create(actor.Aka.AsSpan()),
                    PartOf = actor.PartOf?.Name,
                    Doc = actor.Documentation,
                    Location = LocationOf(actor),
                });
            }

            return result;
        }

        private List<Place> BuildPlaces()
        {
            var result = new List<Place>(bound.Places.Count);
            foreach (var place in bound.Places)
            {
                if (!IsCanonical(place)) continue;
                result.Add(new Place
                {
                    Id = place.Name,
                    Name = place.DisplayName,
                    In = place.In?.Name,
                    Lat = place.Latitude,
                    Lon = place.Longitude,
                    Doc = place.Documentation,
                    Location = LocationOf(place),
                });
            }

            return result;
        }

        private List<Predicate> BuildPredicates()
        {
            var result = new List<Predicate>(bound.Predicates.Count);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var predicate in bound.Predicates)
            {
                if (!names.Add(predicate.Name)) continue;
                var parameters = new PredicateParameter[predicate.Parameters.Length];
                for (int i = 0; i < parameters.Length; i++)
                {
                    var parameter = predicate.Parameters[i];
                    parameters[i] = new PredicateParameter(parameter.Name, TypeOf(parameter.Type));
                }

                result.Add(new Predicate
                {
                    Name = predicate.Name,
                    Declared = true,
                    Params = parameters,
                    Description = predicate.Description,
                    Doc = predicate.Documentation,
                    Location = LocationOf(predicate),
                });
            }

            // Predicates that claims use without a declaration (allowed unless strictPredicates is on).
            foreach (var claim in _claims)
            {
                if (claim.Predicate is null && claim.PredicateName.Length > 0 && names.Add(claim.PredicateName))
                {
                    result.Add(new Predicate { Name = claim.PredicateName, Declared = false });
                }
            }

            return result;
        }

        private List<Hypothesis> BuildHypotheses()
        {
            var result = new List<Hypothesis>(bound.Hypotheses.Count);
            foreach (var hypothesis in bound.Hypotheses)
            {
                if (!IsCanonical(hypothesis)) continue;
                result.Add(new Hypothesis
                {
                    Id = hypothesis.Name,
                    Statement = hypothesis.Statement,
                    SupportedBy = Ids(_supportedBy.GetValueOrDefault(hypothesis)),
                    ContradictedBy = Ids(_contradictedBy.GetValueOrDefault(hypothesis)),
                    Doc = hypothesis.Documentation,
                    Location = LocationOf(hypothesis),
                });
            }

            return result;
        }

        /// <summary>The claims, in the order of <see cref="_claims"/> (by id).</summary>
        private Claim[] BuildClaims()
        {
            // Each claim's entry depends only on its symbol and the inverse links collected before: the claims are
            // built in blocks on the available cores, each block into its own part of the array.
            var result = new Claim[_claims.Count];
            const int BlockSize = 4096;
            int blocks = (result.Length + BlockSize - 1) / BlockSize;
            Parallel.For(0, blocks, block =>
            {
                var scratch = new List<string>();
                int end = Math.Min(result.Length, (block + 1) * BlockSize);
                for (int index = block * BlockSize; index < end; index++) result[index] = BuildClaim(_claims[index], _hasInverseLinks[index], scratch);
            });
            return result;
        }

        private Claim BuildClaim(ClaimSymbol claim, bool hasInverseLinks, List<string> scratch)
        {
            {
                // Contradiction between claims is symmetric: this claim's own targets plus every claim naming it.
                var contradicts = scratch;
                contradicts.Clear();
                foreach (var reference in claim.Contradicts) contradicts.Add(IdOf(reference.Target));
                if (hasInverseLinks && _contradictedBy.TryGetValue(claim, out var others)) contradicts.AddRange(others);
                var contradictIds = Ids(contradicts);

                contradicts.Clear();
                foreach (var reference in claim.Supports) contradicts.Add(IdOf(reference.Target));
                var supportIds = Ids(contradicts);

                // The names are gathered on the stack (an array converted to the model's list would be copied).
                var buffer = new EightNames();
                var sources = claim.Sources.Length <= 8 ? ((Span<string>)buffer)[..claim.Sources.Length] : new string[claim.Sources.Length];
                for (int i = 0; i < sources.Length; i++) sources[i] = claim.Sources[i].Name;

                return new Claim
                {
                    Id = claim.Id,
                    Label = claim.Label,
                    Subject = claim.Subject?.Name ?? claim.SubjectName,
                    Predicate = claim.PredicateName,
                    Args = Arguments(claim),
                    Date = Date(claim.Date),
                    Sources = EquatableArray.Create<string>(sources),
                    Confidence = claim.Confidence switch
                    {
                        BindingConfidence.Low => RuntimeConfidence.Low,
                        BindingConfidence.Moderate => RuntimeConfidence.Moderate,
                        BindingConfidence.High => RuntimeConfidence.High,
                        _ => null,
                    },
                    Credibility = claim.Credibility is { } credibility ? (CredibilityGrade)credibility : null,
                    At = claim.At?.Name,
                    Contradicts = contradictIds,
                    Supports = supportIds,
                    SupportedBy = hasInverseLinks ? Ids(_supportedBy.GetValueOrDefault(claim)) : default,
                    Supersedes = claim.Supersedes is { Target: var replaced } ? IdOf(replaced) : null,
                    SupersededBy = hasInverseLinks ? _supersededBy.GetValueOrDefault(claim) : null,
                    Quote = claim.Quote,
                    Note = claim.Note,
                    Tags = EquatableArray.Create(claim.Tags.AsSpan()),
                    Doc = claim.Documentation,
                    Location = LocationOf(claim),
                };
            }
        }

        // ------------------------------------------------------------------ arguments

        private static EquatableArray<RuntimeArgument> Arguments(ClaimSymbol claim)
        {
            if (claim.Arguments.IsDefaultOrEmpty) return default;
            var result = new RuntimeArgument[claim.Arguments.Length];
            int count = 0;
            for (int i = 0; i < claim.Arguments.Length; i++)
            {
                var argument = claim.Arguments[i];

                // A positional argument of an undeclared predicate has no name: it is keyed by its 1-based
                // position (positional arguments come first, so the index is the position).
                var name = argument.Name ?? (i + 1).ToString(CultureInfo.InvariantCulture);

                // The same name twice is an error the binder reports for declared predicates; keep the first.
                // Argument lists are short: a scan of the names kept so far costs less than a set.
                if (HasName(result.AsSpan(0, count), name)) continue;
                result[count++] = new RuntimeArgument(name, ValueOf(argument));
            }

            return EquatableArray.Create<RuntimeArgument>(result.AsSpan(0, count));

            static bool HasName(ReadOnlySpan<RuntimeArgument> kept, string name)
            {
                foreach (var argument in kept)
                {
                    if (string.Equals(argument.Name, name, StringComparison.Ordinal)) return true;
                }

                return false;
            }
        }

        private static ArgumentValue ValueOf(Binding.ClaimArgument argument)
        {
            switch (argument.Target)
            {
                case ActorSymbol actor: return ArgumentValue.Actor(actor.Name);
                case PlaceSymbol place: return ArgumentValue.Place(place.Name);
                case ClaimSymbol claim: return ArgumentValue.Claim(claim.Id);
                case { } other: return ArgumentValue.Name(other.Name);
            }

            if (argument.Date is { } date) return ArgumentValue.FromDate(new ClaimDate(date));

            var value = argument.Value;
            switch (value.TokenKind)
            {
                case SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken:
                    return ArgumentValue.FromText(value.Value);
                case SyntaxKind.NumberLiteralToken when TryParseNumber(value.Text, out var number):
                    return ArgumentValue.FromNumber(number);
                case SyntaxKind.IdentifierToken when value.Text.Length > 0:
                    // Only reached with binding errors (an undefined name).
                    return ArgumentValue.Name(value.Text);
                default:
                    // A number too large for a decimal, or an impossible date (an error): keep the text as written.
                    return ArgumentValue.FromText(value.Text);
            }
        }

        /// <summary>Reads a number literal (<c>40_000</c>, <c>-3</c>, <c>33.4114</c>) with the invariant culture.</summary>
        internal static bool TryParseNumber(string text, out decimal number)
        {
            Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
            int length = 0;
            foreach (var c in text)
            {
                if (c != '_') buffer[length++] = c;
            }

            return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out number);
        }

        // ------------------------------------------------------------------ helpers

        private static ArgumentType TypeOf(ParameterType type) => type switch
        {
            ParameterType.Actor => ArgumentType.Actor,
            ParameterType.Place => ArgumentType.Place,
            ParameterType.Date => ArgumentType.Date,
            ParameterType.Number => ArgumentType.Number,
            ParameterType.Text => ArgumentType.Text,
            ParameterType.Claim => ArgumentType.Claim,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a parameter type"),
        };

        private static string IdOf(Symbol symbol) => symbol is ClaimSymbol claim ? claim.Id : symbol.Name;

        private static ClaimDate? Date(EdtfDate? date) => date is { } value ? new ClaimDate(value) : null;

        /// <summary>The ids once each, sorted by <see cref="IdComparer"/>.</summary>
        private static EquatableArray<string> Ids(List<string>? ids)
        {
            if (ids is null || ids.Count == 0) return default;
            if (ids.Count == 1) return [ids[0]];
            ids.Sort(IdComparer);
            int count = 1;
            for (int i = 1; i < ids.Count; i++)
            {
                if (!string.Equals(ids[i], ids[count - 1], StringComparison.Ordinal)) ids[count++] = ids[i];
            }
            return EquatableArray.Create<string>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids)[..count]);
        }

        private static EquatableArray<string> Distinct(IEnumerable<string> items)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<string>();
            foreach (var item in items)
            {
                if (seen.Add(item)) list.Add(item);
            }

            return list;
        }

        private static EquatableArray<T> Sorted<T>(List<T> items, Func<T, string> key) => SortedArray(items, key);

        private static T[] SortedArray<T>(List<T> items, Func<T, string> key)
        {
            // A stable sort on the id (ordinal). Each entry carries the id's first eight UTF-16 code units packed
            // into two numbers, which decide most comparisons without reading the strings (scattered across a large
            // heap); equal prefixes fall back to the full comparison, then to the list position.
            var keys = new SortKey[items.Count];
            for (int i = 0; i < keys.Length; i++) keys[i] = new SortKey(key(items[i]), i);
            Array.Sort(keys);
            var result = new T[keys.Length];
            for (int i = 0; i < result.Length; i++) result[i] = items[keys[i].Index];
            return result;
        }

        [System.Runtime.CompilerServices.InlineArray(8)]
        private struct EightNames
        {
            private string _first;
        }

        private readonly struct SortKey : IComparable<SortKey>
        {
            private readonly ulong _high;
            private readonly ulong _low;
            private readonly string _id;

            public SortKey(string id, int index)
            {
                _id = id;
                Index = index;
                _high = Pack(id, 0);
                _low = Pack(id, 4);
            }

            public int Index { get; }

            // Four code units, the first in the top bits; a missing unit counts as 0, below every real one except
            // U+0000, and a tie there is settled by the full comparison.
            private static ulong Pack(string id, int start)
            {
                ulong packed = 0;
                for (int i = start; i < start + 4; i++) packed = (packed << 16) | (i < id.Length ? id[i] : 0u);
                return packed;
            }

            public int CompareTo(SortKey other)
            {
                if (_high != other._high) return _high < other._high ? -1 : 1;
                if (_low != other._low) return _low < other._low ? -1 : 1;
                int c = string.CompareOrdinal(_id, other._id);
                return c != 0 ? c : Index.CompareTo(other.Index);
            }
        }

        /// <summary>
        /// The token that names the declaration: the declared name, the label of a labelled claim, otherwise the
        /// claim's subject (or the keyword when even that is missing).
        /// </summary>
        private SourceLocation? LocationOf(Symbol symbol)
        {
            if (symbol.Declaration is not { } declaration) return null;
            var info = declaration.Info;
            var use = info.Name ?? info.Subject ?? info.Keyword;
            // Only the start is needed: its line and column, without building a whole diagnostic location.
            var tree = declaration.Tree;
            var start = tree.Text.Lines.GetLinePosition(declaration.SpanOf(use.Offset, use.Length).Start);
            return new SourceLocation(RelativePath(tree), start.Line + 1, start.Character + 1);
        }

        private string RelativePath(SyntaxTree tree)
        {
            if (_relativePaths.TryGetValue(tree, out var cached)) return cached;
            var filePath = tree.FilePath;
            var relative = Path.IsPathFullyQualified(filePath) ? Path.GetRelativePath(_root, filePath) : filePath;
            if (Path.DirectorySeparatorChar != '/') relative = relative.Replace(Path.DirectorySeparatorChar, '/');
            if (Path.AltDirectorySeparatorChar != '/') relative = relative.Replace(Path.AltDirectorySeparatorChar, '/');
            return _relativePaths.GetOrAdd(tree, relative);
        }
    }
}
