using System.CommandLine;
using ClaimLang.Configuration;

namespace ClaimLang.Cli.Commands;

/// <summary><c>claimc init</c>: creates claimlang.json and a first claim file in the current folder.</summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("init", "Create claimlang.json and an example claim file in the current folder");
        command.SetAction(_ =>
        {
            var config = Path.Combine(context.CurrentDirectory, WorkspaceRoot.ConfigFileName);
            if (File.Exists(config))
            {
                context.Error.WriteLine($"claimc: {WorkspaceRoot.ConfigFileName} already exists; nothing changed");
                return ExitCodes.BadUsage;
            }
            var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            AtomicFile.WriteAllText(config, $$"""
                {
                  "include": ["**/*.claim"],
                  "exclude": [],
                  "asOf": "{{today}}",
                  "strictPredicates": false,
                  "rules": {}
                }

                """);
            var sample = Path.Combine(context.CurrentDirectory, "claims.claim");
            if (!File.Exists(sample))
            {
                AtomicFile.WriteAllText(sample, """
                    /// Where the information comes from. Grade it A (reliable) to F (cannot be judged).
                    source Report1 "Title of the report" published 2017-02-07 reliability C kind analysis

                    actor Someone "A person or organisation" kind person

                    predicate visited(place: place) "went somewhere"

                    place Capital "The capital"

                    claim Someone.visited(place: Capital) on 2017-01 source Report1 confidence moderate

                    """);
            }
            context.Output.WriteLine($"Created {WorkspaceRoot.ConfigFileName} and claims.claim. Run 'claimc check' next.");
            return ExitCodes.Success;
        });
        return command;
    }
}
