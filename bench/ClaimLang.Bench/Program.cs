using ClaimLang.Bench;

return await BenchCommands.RunAsync(args);
