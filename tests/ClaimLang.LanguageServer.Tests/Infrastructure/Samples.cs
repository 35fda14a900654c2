namespace ClaimLang.LanguageServer.Tests.Infrastructure;

/// <summary>Claim files used by several tests.</summary>
internal static class Samples
{
    public const string Sources = """
        /// An analysis republished by a small outlet.
        source MET "Did Tehran attempt a coup in Damascus?"
          publisher "Middle East Transparent" published 2017-02-07 reliability C kind analysis
          cites WIB
        source WIB "War Is Boring" kind outlet
        source Sarkis "A reader comment" kind comment reliability F published 2017-02

        """;

    public const string Entities = """
        actor IRGC "Islamic Revolutionary Guard Corps" kind military
        actor Bashar "Bashar al-Assad" kind person
        actor Maher "Maher al-Assad" kind person
        place Damascus "Damascus"

        predicate coup_attempt(target: actor, replacement: actor) "tried to depose a head of state"

        hypothesis H1 "The IRGC tried to replace Bashar with Maher"

        """;

    public const string Claims = """
        claim coup = IRGC.coup_attempt(target: Bashar, replacement: Maher) on 2017-01-28
          source MET confidence low supports H1

        claim Maher.coup_attempt(Bashar) on 2017-01 source Sarkis confidence low contradicts coup, H1

        """;

    /// <summary>A workspace of three files that refer to each other.</summary>
    public static TempWorkspace CreateWorkspace()
    {
        var workspace = new TempWorkspace();
        workspace.Write("claimlang.json", """{ "asOf": "2026-01-01" }""");
        workspace.Write("sources.claim", Normalize(Sources));
        workspace.Write("entities.claim", Normalize(Entities));
        workspace.Write("claims.claim", Normalize(Claims));
        return workspace;
    }

    /// <summary>Raw string literals take the line breaks of this file; tests want LF.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n");
}
