using System.Text;
using ClaimLang.Cli;

// claimc: the ClaimLang command-line compiler. See docs/cli.md.
Console.OutputEncoding = new UTF8Encoding(false);
return await CliApplication.RunAsync(args, Console.Out, Console.Error);
