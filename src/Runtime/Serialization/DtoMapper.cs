using System.Text.Json;

namespace ClaimLang.Runtime.Serialization;

/// <summary>Converts between the typed model and the JSON shape, checking every value on the way in.</summary>
internal static class DtoMapper
{
    // ---------------------------------------------------------------- model → JSON shape

    public static DatasetDto ToDto(ClaimDataset dataset)
    {
        var dto = new DatasetDto
        {
            Format = ClaimDataset.FormatName,
            Version = ClaimDataset.CurrentVersion,
            Sources = new List<SourceDto>(dataset.Sources.Count),
            Actors = new List<ActorDto>(dataset.Actors.Count),
            Places = new List<PlaceDto>(dataset.Places.Count),
            Predicates = new List<PredicateDto>(dataset.Predicates.Count),
            Hypotheses = new List<HypothesisDto>(dataset.Hypotheses.Count),
            Claims = new List<ClaimDto>(dataset.Claims.Count),
        };
        foreach (var source in dataset.Sources)
        {
            dto.Sources.Add(ToDto(source));
        }

        foreach (var actor in dataset.Actors)
        {
            dto.Actors.Add(ToDto(actor));
        }

        foreach (var place in dataset.Places)
        {
            dto.Places.Add(ToDto(place));
        }

        foreach (var predicate in dataset.Predicates)
        {
            dto.Predicates.Add(ToDto(predicate));
        }

        foreach (var hypothesis in dataset.Hypotheses)
        {
            dto.Hypotheses.Add(ToDto(hypothesis));
        }

        foreach (var claim in dataset.Claims)
        {
            dto.Claims.Add(ToDto(claim));
        }

        return dto;
    }

    public static SourceDto ToDto(Source source) => new()
    {
        Id = source.Id,
        Title = source.Title,
        Published = ToDto(source.Published),
        Author = source.Author,
        Publisher = source.Publisher,
        Url = source.Url,
        Reliability = source.Reliability is { } grade ? Grades.ToText(grade) : null,
        Kind = source.Kind,
        Lang = source.Lang,
        Document = source.Document,
        Cites = ToList(source.Cites),
        Doc = source.Doc,
        Location = ToDto(source.Location),
    };

    public static ActorDto ToDto(Actor actor) => new()
    {
        Id = actor.Id,
        Name = actor.Name,
        Kind = actor.Kind,
        Aka = ToList(actor.Aka),
        PartOf = actor.PartOf,
        Doc = actor.Doc,
        Location = ToDto(actor.Location),
    };

    public static PlaceDto ToDto(Place place) => new()
    {
        Id = place.Id,
        Name = place.Name,
        In = place.In,
        Lat = place.Lat,
        Lon = place.Lon,
        Doc = place.Doc,
        Location = ToDto(place.Location),
    };

    public static PredicateDto ToDto(Predicate predicate)
    {
        var parameters = new List<ParameterDto>(predicate.Params.Count);
        foreach (var parameter in predicate.Params)
        {
            parameters.Add(new ParameterDto { Name = parameter.Name, Type = ArgumentTypes.ToText(parameter.Type) });
        }

        return new PredicateDto
        {
            Name = predicate.Name,
            Declared = predicate.Declared,
            Params = parameters,
            Description = predicate.Description,
            Doc = predicate.Doc,
            Location = ToDto(predicate.Location),
        };
    }

    public static HypothesisDto ToDto(Hypothesis hypothesis) => new()
    {
        Id = hypothesis.Id,
        Statement = hypothesis.Statement,
        SupportedBy = ToList(hypothesis.SupportedBy),
        ContradictedBy = ToList(hypothesis.ContradictedBy),
        Doc = hypothesis.Doc,
        Location = ToDto(hypothesis.Location),
    };

    public static ClaimDto ToDto(Claim claim)
    {
        var args = new List<ArgumentDto>(claim.Args.Count);
        foreach (var argument in claim.Args)
        {
            var value = argument.Value;
            args.Add(new ArgumentDto
            {
                Name = argument.Name,
                Type = ArgumentTypes.ToText(value.Type),
                String = value.Type == ArgumentType.Text ? value.Text : value.Id,
                Number = value.Number,
                Date = ToDto(value.Date),
            });
        }

        return new ClaimDto
        {
            Id = claim.Id,
            Label = claim.Label,
            Subject = claim.Subject,
            Predicate = claim.Predicate,
            Args = args,
            Date = ToDto(claim.Date),
            Sources = ToList(claim.Sources),
            Confidence = claim.Confidence is { } confidence ? Grades.ToText(confidence) : null,
            Credibility = claim.Credibility is { } credibility ? Grades.ToNumber(credibility) : null,
            At = claim.At,
            Contradicts = ToList(claim.Contradicts),
            Supports = ToList(claim.Supports),
            SupportedBy = ToList(claim.SupportedBy),
            Supersedes = claim.Supersedes,
            SupersededBy = claim.SupersededBy,
            Quote = claim.Quote,
            Note = claim.Note,
            Tags = ToList(claim.Tags),
            Doc = claim.Doc,
            Location = ToDto(claim.Location),
        };
    }

    private static DateDto? ToDto(ClaimDate? date) => date is null
        ? null
        : new DateDto
        {
            Edtf = date.Edtf,
            Start = date.Start,
            End = date.End,
            Uncertain = date.Uncertain,
            Approximate = date.Approximate,
        };

    private static LocationDto? ToDto(SourceLocation? location) => location is null
        ? null
        : new LocationDto { File = location.File, Line = location.Line, Column = location.Column };

    private static List<string> ToList(EquatableArray<string> items)
    {
        var list = new List<string>(items.Count);
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    // ---------------------------------------------------------------- JSON shape → model

    /// <summary>Checks <c>format</c> and <c>version</c>.</summary>
    public static void CheckHeader(string? format, int? version, string what)
    {
        if (format is null)
        {
            throw new DatasetFormatException($"not a ClaimLang dataset: {what} has no \"format\" (expected \"{ClaimDataset.FormatName}\")");
        }

        if (!string.Equals(format, ClaimDataset.FormatName, StringComparison.Ordinal))
        {
            throw new DatasetFormatException($"not a ClaimLang dataset: unknown format \"{format}\" (expected \"{ClaimDataset.FormatName}\")");
        }

        if (version is null)
        {
            throw new DatasetFormatException($"{what} has no \"version\" (this library reads version {ClaimDataset.CurrentVersion})");
        }

        if (version != ClaimDataset.CurrentVersion)
        {
            throw new DatasetFormatException(
                $"unsupported dataset version {version}: this library reads version {ClaimDataset.CurrentVersion} only; " +
                (version > ClaimDataset.CurrentVersion ? "update ClaimLang.Runtime" : "rebuild the dataset with a current claimc"));
        }
    }

    public static ClaimDataset FromDto(DatasetDto dto)
    {
        CheckHeader(dto.Format, dto.Version, "the file");
        var builder = new DatasetParts();
        AddAll(builder, dto.Sources, dto.Actors, dto.Places, dto.Predicates, dto.Hypotheses, dto.Claims);
        return builder.ToDataset();
    }

    internal static void AddAll(
        DatasetParts parts,
        List<SourceDto>? sources,
        List<ActorDto>? actors,
        List<PlaceDto>? places,
        List<PredicateDto>? predicates,
        List<HypothesisDto>? hypotheses,
        List<ClaimDto>? claims)
    {
        if (sources is not null)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                parts.Sources.Add(FromDto(sources[i], $"sources[{i}]"));
            }
        }

        if (actors is not null)
        {
            for (var i = 0; i < actors.Count; i++)
            {
                parts.Actors.Add(FromDto(actors[i], $"actors[{i}]"));
            }
        }

        if (places is not null)
        {
            for (var i = 0; i < places.Count; i++)
            {
                parts.Places.Add(FromDto(places[i], $"places[{i}]"));
            }
        }

        if (predicates is not null)
        {
            for (var i = 0; i < predicates.Count; i++)
            {
                parts.Predicates.Add(FromDto(predicates[i], $"predicates[{i}]"));
            }
        }

        if (hypotheses is not null)
        {
            for (var i = 0; i < hypotheses.Count; i++)
            {
                parts.Hypotheses.Add(FromDto(hypotheses[i], $"hypotheses[{i}]"));
            }
        }

        if (claims is not null)
        {
            for (var i = 0; i < claims.Count; i++)
            {
                parts.Claims.Add(FromDto(claims[i], $"claims[{i}]"));
            }
        }
    }

    public static Source FromDto(SourceDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of a source object");
        }

        ReliabilityGrade? reliability = null;
        if (dto.Reliability is not null)
        {
            reliability = Grades.TryParseReliability(dto.Reliability, ignoreCase: false, out var grade)
                ? grade
                : throw Bad(where + ".reliability", $"\"{dto.Reliability}\" is not a reliability grade A–F");
        }

        return new Source
        {
            Id = Required(dto.Id, where, "id"),
            Title = RequiredText(dto.Title, where, "title"),
            Published = FromDto(dto.Published, where + ".published"),
            Author = dto.Author,
            Publisher = dto.Publisher,
            Url = dto.Url,
            Reliability = reliability,
            Kind = dto.Kind,
            Lang = dto.Lang,
            Document = dto.Document,
            Cites = Strings(dto.Cites, where + ".cites"),
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    public static Actor FromDto(ActorDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of an actor object");
        }

        return new Actor
        {
            Id = Required(dto.Id, where, "id"),
            Name = RequiredText(dto.Name, where, "name"),
            Kind = dto.Kind,
            Aka = Strings(dto.Aka, where + ".aka"),
            PartOf = dto.PartOf,
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    public static Place FromDto(PlaceDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of a place object");
        }

        return new Place
        {
            Id = Required(dto.Id, where, "id"),
            Name = RequiredText(dto.Name, where, "name"),
            In = dto.In,
            Lat = dto.Lat,
            Lon = dto.Lon,
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    public static Predicate FromDto(PredicateDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of a predicate object");
        }

        var parameters = new List<PredicateParameter>(dto.Params?.Count ?? 0);
        if (dto.Params is not null)
        {
            for (var i = 0; i < dto.Params.Count; i++)
            {
                var p = dto.Params[i];
                var at = $"{where}.params[{i}]";
                if (p is null)
                {
                    throw Bad(at, "null instead of a parameter object");
                }

                var name = Required(p.Name, at, "name");
                var typeText = Required(p.Type, at, "type");
                if (!ArgumentTypes.TryParse(typeText, out var type) || type == ArgumentType.Name)
                {
                    throw Bad(at + ".type", $"\"{typeText}\" is not a parameter type (actor, place, date, number, text, claim)");
                }

                parameters.Add(new PredicateParameter(name, type));
            }
        }

        return new Predicate
        {
            Name = Required(dto.Name, where, "name"),
            Declared = dto.Declared ?? true,
            Params = parameters,
            Description = dto.Description,
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    public static Hypothesis FromDto(HypothesisDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of a hypothesis object");
        }

        return new Hypothesis
        {
            Id = Required(dto.Id, where, "id"),
            Statement = RequiredText(dto.Statement, where, "statement"),
            SupportedBy = Strings(dto.SupportedBy, where + ".supportedBy"),
            ContradictedBy = Strings(dto.ContradictedBy, where + ".contradictedBy"),
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    public static Claim FromDto(ClaimDto? dto, string where)
    {
        if (dto is null)
        {
            throw Bad(where, "null instead of a claim object");
        }

        var id = Required(dto.Id, where, "id");
        where = $"{where} (\"{id}\")";

        Confidence? confidence = null;
        if (dto.Confidence is not null)
        {
            confidence = Grades.TryParseConfidence(dto.Confidence, ignoreCase: false, out var level)
                ? level
                : throw Bad(where + ".confidence", $"\"{dto.Confidence}\" is not low, moderate or high");
        }

        CredibilityGrade? credibility = null;
        if (dto.Credibility is { } number)
        {
            credibility = Grades.TryFromNumber(number, out var grade)
                ? grade
                : throw Bad(where + ".credibility", $"{number} is not a credibility grade 1–6");
        }

        var args = new List<ClaimArgument>(dto.Args?.Count ?? 0);
        if (dto.Args is not null)
        {
            foreach (var argument in dto.Args)
            {
                args.Add(new ClaimArgument(argument.Name, FromDto(argument, $"{where}.args.{argument.Name}")));
            }
        }

        return new Claim
        {
            Id = id,
            Label = dto.Label,
            Subject = Required(dto.Subject, where, "subject"),
            Predicate = Required(dto.Predicate, where, "predicate"),
            Args = args,
            Date = FromDto(dto.Date, where + ".date"),
            Sources = Strings(dto.Sources, where + ".sources"),
            Confidence = confidence,
            Credibility = credibility,
            At = dto.At,
            Contradicts = Strings(dto.Contradicts, where + ".contradicts"),
            Supports = Strings(dto.Supports, where + ".supports"),
            SupportedBy = Strings(dto.SupportedBy, where + ".supportedBy"),
            Supersedes = dto.Supersedes,
            SupersededBy = dto.SupersededBy,
            Quote = dto.Quote,
            Note = dto.Note,
            Tags = Strings(dto.Tags, where + ".tags"),
            Doc = dto.Doc,
            Location = FromDto(dto.Location, where + ".location"),
        };
    }

    private static ArgumentValue FromDto(ArgumentDto dto, string where)
    {
        if (dto.Type is null)
        {
            throw Bad(where, "missing \"type\"");
        }

        if (!ArgumentTypes.TryParse(dto.Type, out var type))
        {
            throw Bad(where + ".type", $"\"{dto.Type}\" is not an argument type (actor, place, date, number, text, claim, name)");
        }

        switch (type)
        {
            case ArgumentType.Text:
                return dto.ValueToken == JsonTokenType.String
                    ? ArgumentValue.FromText(dto.String!)
                    : throw Bad(where + ".value", "a text argument needs a string value");
            case ArgumentType.Number:
                return dto.ValueToken == JsonTokenType.Number
                    ? ArgumentValue.FromNumber(dto.Number!.Value)
                    : throw Bad(where + ".value", "a number argument needs a number value");
            case ArgumentType.Date:
                return dto.ValueToken == JsonTokenType.StartObject
                    ? ArgumentValue.FromDate(FromDto(dto.Date, where + ".value")!)
                    : throw Bad(where + ".value", "a date argument needs a date object {\"edtf\": …}");
            default:
                return dto.ValueToken == JsonTokenType.String && !string.IsNullOrEmpty(dto.String)
                    ? ArgumentValue.Reference(type, dto.String)
                    : throw Bad(where + ".value", $"an {dto.Type} argument needs an id (a non-empty string)");
        }
    }

    private static ClaimDate? FromDto(DateDto? dto, string where)
    {
        if (dto is null)
        {
            return null;
        }

        if (dto.Edtf is null)
        {
            throw Bad(where, "missing \"edtf\"");
        }

        return ClaimDate.TryParse(dto.Edtf, out var date)
            ? date
            : throw Bad(where + ".edtf", $"\"{dto.Edtf}\" is not a valid EDTF date");
    }

    private static SourceLocation? FromDto(LocationDto? dto, string where)
    {
        if (dto is null)
        {
            return null;
        }

        var file = Required(dto.File, where, "file");
        if (dto.Line < 1 || dto.Column < 1)
        {
            throw Bad(where, "line and column must be 1 or more");
        }

        return new SourceLocation(file, dto.Line, dto.Column);
    }

    private static EquatableArray<string> Strings(List<string>? items, string where)
    {
        if (items is null || items.Count == 0)
        {
            return default;
        }

        var array = new string[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = items[i] ?? throw Bad($"{where}[{i}]", "null instead of a string");
        }

        return EquatableArray<string>.TakeOwnership(array);
    }

    private static string Required(string? value, string where, string property) =>
        string.IsNullOrEmpty(value) ? throw Bad(where, $"missing \"{property}\"") : value;

    /// <summary>Free text written by the analyst (a title, a display name, a statement): present, but may be empty.</summary>
    private static string RequiredText(string? value, string where, string property) =>
        value ?? throw Bad(where, $"missing \"{property}\"");

    private static DatasetFormatException Bad(string where, string message) => new($"{where}: {message}");
}

/// <summary>Collects the parts of a dataset while reading.</summary>
internal sealed class DatasetParts
{
    public List<Source> Sources { get; } = [];
    public List<Actor> Actors { get; } = [];
    public List<Place> Places { get; } = [];
    public List<Predicate> Predicates { get; } = [];
    public List<Hypothesis> Hypotheses { get; } = [];
    public List<Claim> Claims { get; } = [];

    public ClaimDataset ToDataset() => new()
    {
        Sources = EquatableArray<Source>.TakeOwnership([.. Sources]),
        Actors = EquatableArray<Actor>.TakeOwnership([.. Actors]),
        Places = EquatableArray<Place>.TakeOwnership([.. Places]),
        Predicates = EquatableArray<Predicate>.TakeOwnership([.. Predicates]),
        Hypotheses = EquatableArray<Hypothesis>.TakeOwnership([.. Hypotheses]),
        Claims = EquatableArray<Claim>.TakeOwnership([.. Claims]),
    };
}
