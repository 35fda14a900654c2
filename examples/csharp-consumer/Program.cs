// A downstream tool built on the claims of examples/: the ClaimLang source generator compiles the .claim files
// while this project builds and turns them into the `Claims` catalog used below. A misspelt name here
// (Claims.Sources.MTE) is a C# compile error, and an error in a .claim file fails this project's build.

using ClaimLang.Examples.CsharpConsumer;

return BriefingReport.Write(Console.Out);
