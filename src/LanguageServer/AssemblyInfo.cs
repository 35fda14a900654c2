namespace ClaimLang.LanguageServer;
