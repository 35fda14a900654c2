using System.Runtime;
using System.Text;
using ClaimLang.Cli;

// claimc: the ClaimLang command-line compiler. See docs/cli.md.
Console.OutputEncoding = new UTF8Encoding(false);
// The batch commands build one large object graph and exit: collections that stop the program are cheaper for them
// than background ones, which compete for the same cores (docs/performance.md). The language server keeps the
// default (background collections keep pauses short while the user types).
if (args.Length == 0 || args[0] != "lsp") GCSettings.LatencyMode = GCLatencyMode.Batch;
return await CliApplication.RunAsync(args, Console.Out, Console.Error);
