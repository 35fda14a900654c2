namespace ClaimLang.Runtime.Serialization;

/// <summary>
/// Checks the invariants every reader may rely on: ids are unique (sources, actors, places, hypotheses and
/// claims share one namespace; predicates have their own), every reference resolves to a declaration of a
/// fitting kind, and labelled claims use their label as id.
/// </summary>
internal static class DatasetValidator
{
    private const int MaxProblemsInMessage = 10;

    public static void ThrowIfInvalid(ClaimDataset dataset, string? path)
    {
        var problems = Validate(dataset);
        if (problems.Count == 0)
        {
            return;
        }

        var shown = problems.Count <= MaxProblemsInMessage ? problems : problems.Take(MaxProblemsInMessage);
        var more = problems.Count > MaxProblemsInMessage ? $"\n  … and {problems.Count - MaxProblemsInMessage} more" : "";
        var message = $"inconsistent dataset ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  " +
            string.Join("\n  ", shown) + more;
        throw new DatasetFormatException(path, message);
    }

    public static IReadOnlyList<string> Validate(ClaimDataset dataset)
    {
        var problems = new List<string>();

        var kinds = new IdTable(dataset);

        void Declare(string id, EntityKind kind, Site where, int index)
        {
            if (!kinds.TryAdd(id, new Declared(kind, index), out var first))
            {
                problems.Add($"{where}: duplicate id \"{id}\" (already used by {Article(Describe(first.Kind))})");
            }
        }

        for (var i = 0; i < dataset.Sources.Count; i++)
        {
            Declare(dataset.Sources[i].Id, EntityKind.Source, new Site("sources", i), i);
        }

        for (var i = 0; i < dataset.Actors.Count; i++)
        {
            Declare(dataset.Actors[i].Id, EntityKind.Actor, new Site("actors", i), i);
        }

        for (var i = 0; i < dataset.Places.Count; i++)
        {
            Declare(dataset.Places[i].Id, EntityKind.Place, new Site("places", i), i);
        }

        for (var i = 0; i < dataset.Hypotheses.Count; i++)
        {
            Declare(dataset.Hypotheses[i].Id, EntityKind.Hypothesis, new Site("hypotheses", i), i);
        }

        for (var i = 0; i < dataset.Claims.Count; i++)
        {
            Declare(dataset.Claims[i].Id, EntityKind.Claim, new Site("claims", i), i);
        }

        var predicates = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dataset.Predicates.Count; i++)
        {
            var predicate = dataset.Predicates[i];
            if (!predicates.Add(predicate.Name))
            {
                problems.Add($"predicates[{i}]: duplicate predicate \"{predicate.Name}\"");
            }

            var parameters = predicate.Params.AsSpan();
            for (var p = 0; p < parameters.Length; p++)
            {
                var parameter = parameters[p];
                if (IndexOfName(parameters[..p], parameter.Name, static x => x.Name) >= 0)
                {
                    problems.Add($"predicates[{i}] (\"{predicate.Name}\"): duplicate parameter \"{parameter.Name}\"");
                }

                if (parameter.Type == ArgumentType.Name)
                {
                    problems.Add($"predicates[{i}] (\"{predicate.Name}\"): parameter \"{parameter.Name}\" has type name, which is not a parameter type");
                }
            }

            if (!predicate.Declared && (predicate.Params.Count > 0 || predicate.Location is not null))
            {
                problems.Add($"predicates[{i}] (\"{predicate.Name}\"): an undeclared predicate has no parameters and no location");
            }
        }

        void Expect(string? id, Site where, string what, params ReadOnlySpan<EntityKind> allowed)
        {
            if (id is null)
            {
                return;
            }

            if (!kinds.TryGetValue(id, out var declared))
            {
                problems.Add($"{where}: {what} \"{id}\" is not declared");
                return;
            }

            var kind = declared.Kind;

            foreach (var ok in allowed)
            {
                if (kind == ok)
                {
                    return;
                }
            }

            problems.Add($"{where}: {what} \"{id}\" is {Article(Describe(kind))}, not {Article(Describe(allowed))}");
        }

        for (var i = 0; i < dataset.Sources.Count; i++)
        {
            var source = dataset.Sources[i];
            foreach (var cited in source.Cites)
            {
                Expect(cited, new Site("sources", i, source.Id), "cited", EntityKind.Source);
            }
        }

        for (var i = 0; i < dataset.Actors.Count; i++)
        {
            var actor = dataset.Actors[i];
            Expect(actor.PartOf, new Site("actors", i, actor.Id), "partOf", EntityKind.Actor);
        }

        for (var i = 0; i < dataset.Places.Count; i++)
        {
            var place = dataset.Places[i];
            Expect(place.In, new Site("places", i, place.Id), "in", EntityKind.Place);
        }

        for (var i = 0; i < dataset.Hypotheses.Count; i++)
        {
            var hypothesis = dataset.Hypotheses[i];
            var where = new Site("hypotheses", i, hypothesis.Id);
            foreach (var id in hypothesis.SupportedBy)
            {
                Expect(id, where, "supportedBy", EntityKind.Claim);
            }

            foreach (var id in hypothesis.ContradictedBy)
            {
                Expect(id, where, "contradictedBy", EntityKind.Claim);
            }
        }

        for (var i = 0; i < dataset.Claims.Count; i++)
        {
            var claim = dataset.Claims[i];
            var where = new Site("claims", i, claim.Id);
            if (claim.Label is not null && !string.Equals(claim.Label, claim.Id, StringComparison.Ordinal))
            {
                problems.Add($"{where}: a labelled claim has its label as id (label \"{claim.Label}\")");
            }

            Expect(claim.Subject, where, "subject", EntityKind.Actor, EntityKind.Place);
            if (!predicates.Contains(claim.Predicate))
            {
                problems.Add($"{where}: predicate \"{claim.Predicate}\" is not in \"predicates\"");
            }

            if (claim.Sources.Count == 0)
            {
                problems.Add($"{where}: a claim has at least one source");
            }

            foreach (var id in claim.Sources)
            {
                Expect(id, where, "source", EntityKind.Source);
            }

            Expect(claim.At, where, "at", EntityKind.Place);
            foreach (var id in claim.Contradicts)
            {
                Expect(id, where, "contradicts", EntityKind.Claim, EntityKind.Hypothesis, EntityKind.Source);
            }

            foreach (var id in claim.Supports)
            {
                Expect(id, where, "supports", EntityKind.Claim, EntityKind.Hypothesis, EntityKind.Source);
            }

            foreach (var id in claim.SupportedBy)
            {
                Expect(id, where, "supportedBy", EntityKind.Claim);
            }

            Expect(claim.Supersedes, where, "supersedes", EntityKind.Claim);
            Expect(claim.SupersededBy, where, "supersededBy", EntityKind.Claim);

            var arguments = claim.Args.AsSpan();
            for (var a = 0; a < arguments.Length; a++)
            {
                var argument = arguments[a];
                if (IndexOfName(arguments[..a], argument.Name, static x => x.Name) >= 0)
                {
                    problems.Add($"{where}: argument \"{argument.Name}\" given twice");
                }

                var value = argument.Value;
                var at = where.With(".args." , argument.Name);
                switch (value.Type)
                {
                    case ArgumentType.Actor:
                        Expect(value.Id, at, "actor", EntityKind.Actor);
                        break;
                    case ArgumentType.Place:
                        Expect(value.Id, at, "place", EntityKind.Place);
                        break;
                    case ArgumentType.Claim:
                        Expect(value.Id, at, "claim", EntityKind.Claim);
                        break;
                    case ArgumentType.Name:
                        Expect(value.Id, at, "name", EntityKind.Source, EntityKind.Hypothesis);
                        break;
                }
            }
        }

        CheckDerivedLists(dataset, kinds, problems);
        return problems;
    }

    /// <summary>
    /// The inverse lists (supportedBy, contradictedBy, supersededBy) must agree with the lists they mirror,
    /// claim-to-claim contradictions must be listed on both claims, and id lists hold no duplicate.
    /// </summary>
    private static void CheckDerivedLists(ClaimDataset dataset, IdTable kinds, List<string> problems)
    {
        var supportedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var contradictedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var supersededBy = new Dictionary<string, string>(StringComparer.Ordinal);

        static void Add(Dictionary<string, List<string>> lists, string key, string value)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(value);
        }

        for (var i = 0; i < dataset.Sources.Count; i++)
        {
            CheckDistinct(dataset.Sources[i].Cites, new Site("sources", i, dataset.Sources[i].Id, ".cites"), problems);
        }

        for (var i = 0; i < dataset.Claims.Count; i++)
        {
            var claim = dataset.Claims[i];
            var where = new Site("claims", i, claim.Id);
            CheckDistinct(claim.Sources, where.With(".sources"), problems);
            CheckDistinct(claim.Contradicts, where.With(".contradicts"), problems);
            CheckDistinct(claim.Supports, where.With(".supports"), problems);
            foreach (var target in claim.Supports)
            {
                Add(supportedBy, target, claim.Id);
            }

            foreach (var target in claim.Contradicts)
            {
                if (!kinds.TryGetValue(target, out var declared))
                {
                    continue;
                }

                // The first declaration of an id owns it; claims are declared last, so a claim found here is
                // the first claim with that id.
                if (declared.Kind == EntityKind.Hypothesis)
                {
                    Add(contradictedBy, target, claim.Id);
                }
                else if (declared.Kind == EntityKind.Claim && !dataset.Claims[declared.Index].Contradicts.Contains(claim.Id))
                {
                    problems.Add($"{where}: contradicts claim \"{target}\", which does not list \"{claim.Id}\" in its contradicts");
                }
            }

            if (claim.Supersedes is { } replaced &&
                (!supersededBy.TryGetValue(replaced, out var first) || string.CompareOrdinal(claim.Id, first) < 0))
            {
                supersededBy[replaced] = claim.Id;
            }
        }

        for (var i = 0; i < dataset.Claims.Count; i++)
        {
            var claim = dataset.Claims[i];
            var where = new Site("claims", i, claim.Id);
            CheckInverse(claim.SupportedBy, supportedBy, claim.Id, where.With(".supportedBy"), "supports", problems);
            supersededBy.TryGetValue(claim.Id, out var expected);
            if (!string.Equals(expected, claim.SupersededBy, StringComparison.Ordinal))
            {
                problems.Add(expected is null
                    ? $"{where}: supersededBy is \"{claim.SupersededBy}\" but no claim supersedes it"
                    : $"{where}: supersededBy must be \"{expected}\" (the first claim, in ordinal order, that supersedes it)");
            }
        }

        for (var i = 0; i < dataset.Hypotheses.Count; i++)
        {
            var hypothesis = dataset.Hypotheses[i];
            var where = new Site("hypotheses", i, hypothesis.Id);
            CheckInverse(hypothesis.SupportedBy, supportedBy, hypothesis.Id, where.With(".supportedBy"), "supports", problems);
            CheckInverse(hypothesis.ContradictedBy, contradictedBy, hypothesis.Id, where.With(".contradictedBy"), "contradicts", problems);
        }
    }

    private static void CheckInverse(
        EquatableArray<string> actual,
        Dictionary<string, List<string>> inverse,
        string id,
        Site where,
        string relation,
        List<string> problems)
    {
        if (!inverse.TryGetValue(id, out var list) && actual.Count == 0)
        {
            return;
        }

        var expected = list ?? [];
        expected.Sort(StringComparer.Ordinal);
        if (expected.Count == actual.Count)
        {
            var same = true;
            for (var k = 0; k < expected.Count && same; k++)
            {
                same = string.Equals(expected[k], actual[k], StringComparison.Ordinal);
            }

            if (same)
            {
                return;
            }
        }

        problems.Add($"{where} must list exactly the claims whose {relation} names \"{id}\", sorted by id: " +
            $"[{string.Join(", ", expected)}]");
    }

    private static void CheckDistinct(EquatableArray<string> ids, Site where, List<string> problems)
    {
        if (ids.Count < 2)
        {
            return;
        }

        // Lists are short: comparing each item with those before it costs less than a set, and reports the same
        // repeats in the same order. Long lists use a set.
        var items = ids.AsSpan();
        if (items.Length <= 16)
        {
            for (var i = 1; i < items.Length; i++)
            {
                if (IndexOfName(items[..i], items[i], static x => x) >= 0)
                {
                    problems.Add($"{where}: \"{items[i]}\" is listed twice");
                }
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in items)
        {
            if (!seen.Add(id))
            {
                problems.Add($"{where}: \"{id}\" is listed twice");
            }
        }
    }

    /// <summary>The index of the first item whose name is <paramref name="name"/> (ordinal), or -1.</summary>
    private static int IndexOfName<T>(ReadOnlySpan<T> items, string name, Func<T, string> nameOf)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (string.Equals(nameOf(items[i]), name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An id's kind and its index in the list of that kind.</summary>
    private readonly record struct Declared(EntityKind Kind, int Index);

    /// <summary>
    /// The ids of the shared namespace, the first declaration of each. Claims are kept apart from the other kinds:
    /// most references name a source, actor or place, and that small table stays in the processor's cache where
    /// one table holding every claim id as well would not. Both are sized up front.
    /// </summary>
    private sealed class IdTable(ClaimDataset dataset)
    {
        private readonly Dictionary<string, Declared> _declarations = new(
            dataset.Sources.Count + dataset.Actors.Count + dataset.Places.Count + dataset.Hypotheses.Count, StringComparer.Ordinal);

        private readonly Dictionary<string, Declared> _claims = new(dataset.Claims.Count, StringComparer.Ordinal);

        public bool TryAdd(string id, Declared declared, out Declared first)
        {
            if (_declarations.TryGetValue(id, out first))
            {
                return false;
            }

            if (declared.Kind != EntityKind.Claim)
            {
                if (_claims.TryGetValue(id, out first))
                {
                    return false;
                }

                _declarations.Add(id, declared);
                return true;
            }

            if (_claims.TryAdd(id, declared))
            {
                return true;
            }

            first = _claims[id];
            return false;
        }

        public bool TryGetValue(string id, out Declared declared) =>
            _declarations.TryGetValue(id, out declared) || _claims.TryGetValue(id, out declared);
    }

    /// <summary>
    /// Where in the dataset a problem is, e.g. <c>claims[3] ("c1").args.place</c>: kept as parts and only turned into
    /// text when a problem is reported, so that checking a valid dataset allocates no messages.
    /// </summary>
    private readonly struct Site(string collection, int index, string? id = null, string? suffix = null, string? name = null)
    {
        public Site With(string suffix, string? name = null) => new(collection, index, id, suffix, name);

        public override string ToString()
        {
            var text = id is null ? $"{collection}[{index}]" : $"{collection}[{index}] (\"{id}\")";
            return text + suffix + name;
        }
    }

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    private static string Describe(EntityKind kind) => kind switch
    {
        EntityKind.Source => "source",
        EntityKind.Actor => "actor",
        EntityKind.Place => "place",
        EntityKind.Hypothesis => "hypothesis",
        _ => "claim",
    };

    private static string Describe(ReadOnlySpan<EntityKind> kinds)
    {
        var parts = new string[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            parts[i] = Describe(kinds[i]);
        }

        return parts.Length switch
        {
            1 => parts[0],
            2 => parts[0] + " or " + parts[1],
            _ => string.Join(", ", parts[..^1]) + " or " + parts[^1],
        };
    }
}
