using ClaimLang.Cli;

// claimc: the ClaimLang command-line compiler. See docs/cli.md.
return await CliApplication.RunAsync(args, Console.Out, Console.Error);
