namespace ClaimLang.Runtime;
