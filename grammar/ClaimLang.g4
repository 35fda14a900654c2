/*
 * ClaimLang — the normative grammar.
 *
 * This file is the readable, executable definition of what a syntactically valid `.claim` file is.
 * The compiler's hand-written lexer and parser (src/Compiler/Syntax) must accept exactly the inputs
 * this grammar accepts; a differential test checks that. "Accepted" means: no syntax diagnostic
 * (no CLM1xxx). Everything that is a matter of meaning rather than shape — a clause given twice
 * (CLM2011), month 13 or 30 February (CLM2007), a grade outside A–F (CLM2005), a parameter of the wrong
 * kind (CLM2010) — is left to the semantic checks and is accepted here.
 *
 * Layout of this file (it follows the contract, SPEC.md §3 then §4):
 *   Part 1  Lexical structure: trivia, logical lines, keywords, identifiers, strings, numbers and
 *           dates, punctuation, and the tokens for malformed input.
 *   Part 2  Declarations and their clauses.
 *
 * Two ideas carry the whole design:
 *
 *   Logical lines. A declaration begins with a token that is the first thing on its line at column 1:
 *   the character before it is a line break, or it opens the text (possibly after a byte-order mark).
 *   Every other token continues the declaration above it. The lexer alone finds these boundaries,
 *   with plain regular rules: a line break (together with any blank or comment-only lines after it)
 *   becomes a NEWLINE token when the next line starts directly with a token; when the next line starts
 *   with blanks or a block comment, the break is LINE_CONTINUATION, which is skipped. So the parser
 *   sees `declaration NEWLINE declaration NEWLINE ...`. A column-1 token that is not a declaration
 *   keyword (CLM1007) is a syntax error, and so is any token before the first declaration (CLM1006);
 *   the parser's only semantic predicate checks that the first declaration of the text really
 *   starts at column 1.
 *
 *   Contextual keywords. Every keyword is a token of its own, but the rule `identifier` accepts all of
 *   them, so a keyword is an ordinary name wherever a name is expected. A declaration keyword acts as
 *   one only right after NEWLINE (or at the start of the text); a clause keyword only where a clause
 *   may begin. So `claim X.source source S` is a claim whose predicate is called `source`, and
 *   `actor claim "x"` declares an actor called `claim`.
 *
 * The lexer's few semantic predicates all sit after non-ASCII characters (the byte-order mark, surrogate
 * pairs), which ANTLR never caches anyway, so on ASCII text it runs as a fully cached DFA. Predicates
 * call the helpers in @lexer::members and @parser::members, the only target-specific (C#) code here.
 */
grammar ClaimLang;

@lexer::members {
    /// <summary>Called right after a surrogate pair: true when the pair encodes a letter (or, when
    /// <paramref name="orDigit"/>, a decimal digit), by .NET's Unicode tables, as in the compiler.</summary>
    private bool PairIsLetter(bool orDigit)
    {
        var rune = new System.Text.Rune((char)InputStream.LA(-2), (char)InputStream.LA(-1));
        return System.Text.Rune.IsLetter(rune)
            || (orDigit && System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.DecimalDigitNumber);
    }
}

@parser::members {
    /// <summary>True when the next token opens the text: nothing before it but, possibly, a
    /// byte-order mark. Used for the first declaration, which has no NEWLINE in front of it.</summary>
    private bool AtStartOfText()
    {
        int start = TokenStream.LT(1).StartIndex;
        return start == 0 || (start == 1 && TokenStream.LT(-1)?.Type == BYTE_ORDER_MARK);
    }
}

// ===================================================================================================
// Part 1 — Lexical structure
// ===================================================================================================
//
// ANTLR picks, at every position, the rule that matches the longest text; among rules that match the
// same length, the one written first. The order of the rules below is therefore part of the language.

// ---- 1.1 Byte-order mark ---------------------------------------------------------------------------
// Only as the very first character of the text (the predicate); anywhere else, even after nothing but
// blank lines, U+FEFF is an unexpected character. A token rather than trivia, so that the parser knows
// the first declaration may begin right after it.

BYTE_ORDER_MARK : '\uFEFF' {TokenStartCharIndex == 0}? ;

// ---- 1.2 Line breaks and logical lines -------------------------------------------------------------
// LF, CRLF and CR are line breaks. Blank lines and lines holding only a `//` comment never matter, so
// they are folded into the line break before them. What follows decides what the break means:
//
//   NEWLINE            the next line starts with a token at column 1: a new logical line begins.
//   LINE_CONTINUATION  the next line starts with blanks or a block comment, so its first token (if any)
//                      is not at column 1 and continues the current declaration. Skipped.
//
// (When the text ends after a break, or a `//` comment ends the text, the break is a NEWLINE; the
// parser allows a NEWLINE before the end of the text.) Longest match makes the choice: for a break
// followed by blanks, LINE_CONTINUATION also takes the blanks and so is longer.

NEWLINE           : LineBreak ( [ \t]* LineComment? LineBreak )* ;
LINE_CONTINUATION : ( LineBreak [ \t]* LineComment? )* LineBreak ( [ \t]+ | BlockComment ) -> skip ;

fragment LineBreak    : '\r\n' | '\r' | '\n' ;
fragment LineComment  : '//' ~[\r\n]* ;
fragment BlockComment : '/*' .*? '*/' ;

// ---- 1.3 Blanks and comments -----------------------------------------------------------------------
// Blanks are spaces and tabs only. `//` comments run to the end of the line; `///` comments are
// documentation comments (directly above a declaration they document it), which the grammar treats
// like any other comment. Block comments may span lines and do not nest; a line inside one never
// starts a declaration.

WHITESPACE    : [ \t]+ -> skip ;
LINE_COMMENT  : LineComment -> skip ;
BLOCK_COMMENT : BlockComment -> skip ;

// ---- 1.4 Keywords ----------------------------------------------------------------------------------
// All keywords are contextual (see the header): each one is a token, and rule `identifier` in Part 2
// accepts every one of them as a name. Written before IDENTIFIER so that they win the tie; a longer
// word (`claims`, `source_2`) is an IDENTIFIER by longest match.

// declarations (some are also clause keywords or parameter types)
SOURCE      : 'source' ;        // also a clause of `claim`
ACTOR       : 'actor' ;         // also a parameter type
PLACE       : 'place' ;         // also a parameter type
PREDICATE   : 'predicate' ;
HYPOTHESIS  : 'hypothesis' ;
CLAIM       : 'claim' ;         // also a parameter type

// clauses of `source`
PUBLISHED   : 'published' ;
AUTHOR      : 'author' ;
PUBLISHER   : 'publisher' ;
URL         : 'url' ;
RELIABILITY : 'reliability' ;
KIND        : 'kind' ;          // also a clause of `actor`
LANG        : 'lang' ;
DOCUMENT    : 'document' ;
CITES       : 'cites' ;
// clauses of `actor`
AKA         : 'aka' ;
PART_OF     : 'part_of' ;
// clauses of `place`
IN          : 'in' ;
AT          : 'at' ;            // also a clause of `claim`
// clauses of `claim` (and `source`, above)
ON          : 'on' ;
CONFIDENCE  : 'confidence' ;
CREDIBILITY : 'credibility' ;
CONTRADICTS : 'contradicts' ;
SUPPORTS    : 'supports' ;
SUPERSEDES  : 'supersedes' ;
QUOTE       : 'quote' ;
NOTE        : 'note' ;
TAGS        : 'tags' ;
// parameter types of `predicate` (and `actor`, `place`, `claim`, above)
DATE        : 'date' ;
NUMBER      : 'number' ;
TEXT        : 'text' ;

// ---- 1.5 Identifiers -------------------------------------------------------------------------------
// A Unicode letter or `_`, then letters, decimal digits or `_`. Case-sensitive. The text is read as
// UTF-16 code units, as the compiler reads it, so a character outside the Basic Multilingual Plane
// arrives as a surrogate pair; a predicate asks .NET whether such a pair is a letter
// (or a digit). A lone surrogate is never part of a name.

IDENTIFIER : IdentifierStart IdentifierPart* ;

fragment IdentifierStart : [\p{L}_] | SurrogatePair {PairIsLetter(false)}? ;
fragment IdentifierPart  : [\p{L}\p{Nd}_] | SurrogatePair {PairIsLetter(true)}? ;
fragment SurrogatePair   : [\uD800-\uDBFF] [\uDC00-\uDFFF] ;

// ---- 1.6 Strings -----------------------------------------------------------------------------------
// A string stays on one line. Its escapes are exactly \" \\ \n \t and \u{…} with one to six hex digits
// naming a Unicode scalar value (at most 10FFFF, not a surrogate D800–DFFF). A raw string, between
// triple quotes, may span lines and takes no escapes; it ends at the first `"""`. Lines inside it never
// start a declaration.

STRING_LITERAL     : '"' ( ~["\\\r\n] | EscapeSequence )* '"' ;
RAW_STRING_LITERAL : '"""' .*? '"""' ;

fragment EscapeSequence : '\\' ( ["\\nt] | 'u{' ScalarValue '}' ) ;

// One to six hex digits whose value is a Unicode scalar value. Leading zeros count towards the six.
fragment ScalarValue
    : Hex | Hex Hex | Hex Hex Hex                              // 0 … FFF
    | Bmp                                                      // four digits
    | '0' Bmp | NonZeroHex Hex Hex Hex Hex                     // five digits
    | '00' Bmp | '0' NonZeroHex Hex Hex Hex Hex | '10' Hex Hex Hex Hex   // six digits, up to 10FFFF
    ;
// Four hex digits outside the surrogate range D800–DFFF.
fragment Bmp        : [0-9a-cA-Ce-fE-F] Hex Hex Hex | [dD] [0-7] Hex Hex ;
fragment Hex        : [0-9a-fA-F] ;
fragment NonZeroHex : [1-9a-fA-F] ;

// ---- 1.7 Numbers and dates (maximal munch) ---------------------------------------------------------
// A run starts at a digit, at `-` followed by a digit, or at `..`, and takes every following character
// among the digits and  _ . X - / : T Z + ? ~ %  (rule BAD_DATE in 1.9 matches exactly such a run, so
// it is always the longest candidate). The run is then classified by the first of these rules that
// matches all of it:
//
//   YEAR_LITERAL    exactly four digits: a number, and a year wherever a date is expected;
//   NUMBER_LITERAL  an optional `-`, digits, at most one decimal point with digits on both sides,
//                   and `_` only between two digits (`40_000`, `-3`, `33.411_4`);
//   DATE_LITERAL    a well-formed EDTF date, date-time or interval (Levels 0 and 1);
//   BAD_DATE        anything else: one malformed date token (CLM1004).
//
// So `2017-1-28` is one malformed date, not three numbers; `2016~`, `201X` and `2015-23` are dates;
// `40_000`, `-3` and `-2017` are numbers.
//
// Only the SHAPE of a date is syntax. Values that are well-formed but cannot exist are accepted here
// and rejected later as impossible dates (CLM2007): month 00 or 13, day 45, 30 February, hour 25, an
// offset of +15:00, an interval that ends before it starts. The shape is the one the compiler's EDTF
// reader (ClaimLang.Runtime.EdtfDate) accepts; the fragments below spell it out.

YEAR_LITERAL   : Digit Digit Digit Digit ;
NUMBER_LITERAL : '-'? Digits ( '.' Digits )? ;
DATE_LITERAL   : EdtfSingle | EdtfInterval ;

// A value on its own.
fragment EdtfSingle
    : EdtfDate
    | EdtfYear '-' EdtfSeason                         // 2017-21 (spring) … 2017-24 (winter), as is
    | EdtfUnspecified
    ;

// A date without unspecified digits, perhaps qualified, or a full date with a time of day. Only these
// may be the ends of an interval.
fragment EdtfDate
    : EdtfYear ( '-' EdtfMonth ( '-' EdtfDay )? )? EdtfQualifier?     // 2016~  2017-01  2017-01-28?
    | EdtfYear '-' EdtfMonth '-' EdtfDay 'T' EdtfTime                 // 2017-01-28T07:23+03:00
    ;

// Unspecified digits (`X`) replace digits from the right: the last one or two of the year (`201X`,
// `20XX`, which then take no month), or the whole month and/or day (`2017-XX`, `2017-XX-XX`,
// `2017-01-XX`). Such a date takes no qualifier and cannot be an interval end.
fragment EdtfUnspecified
    : '-'? Digit Digit ( Digit 'X' | 'XX' )
    | EdtfYear '-XX' ( '-XX' )?
    | EdtfYear '-' EdtfMonth '-XX'
    ;

// Four digits, perhaps negative; -0000 is not a year (write 0000).
fragment EdtfYear    : Digit Digit Digit Digit | '-' NonZeroYear ;
fragment NonZeroYear : [1-9] Digit Digit Digit | '0' [1-9] Digit Digit | '00' [1-9] Digit | '000' [1-9] ;

// Two digits, except 21–41: 21–24 are the seasons above, and 25–41 are the hemisphere and quarter
// "seasons" of EDTF Level 2, which ClaimLang does not accept.
fragment EdtfMonth  : [01] Digit | '20' | '4' [2-9] | [5-9] Digit ;
fragment EdtfSeason : '2' [1-4] ;
fragment EdtfDay    : Digit Digit ;

// `?` uncertain, `~` approximate, `%` both; one of them, at the very end of a date.
fragment EdtfQualifier : [?~%] ;

// hh:mm, optional :ss with an optional decimal fraction, optional zone: `Z` or an offset written
// +hh, +hh:mm or +hhmm (likewise with `-`, except that a negative offset cannot be zero).
fragment EdtfTime : TwoDigits ':' TwoDigits ( ':' TwoDigits ( '.' Digit+ )? )? EdtfZone? ;
fragment EdtfZone
    : 'Z'
    | '+' TwoDigits ( ':'? TwoDigits )?
    | '-' ( NonZeroTwoDigits ( ':'? TwoDigits )? | '00' ':'? NonZeroTwoDigits )
    ;

// start/end. The end may be open (`..`) or unknown (empty); the start may be open; not both.
fragment EdtfInterval
    : EdtfDate '/' ( EdtfDate | '..' )?
    | '..' '/' EdtfDate
    ;

fragment Digit            : [0-9] ;
fragment Digits           : Digit+ ( '_' Digit+ )* ;     // `_` only between two digits
fragment TwoDigits        : Digit Digit ;
fragment NonZeroTwoDigits : '0' [1-9] | [1-9] Digit ;

// ---- 1.8 Punctuation -------------------------------------------------------------------------------

DOT    : '.' ;
COMMA  : ',' ;
LPAREN : '(' ;
RPAREN : ')' ;
COLON  : ':' ;
EQUALS : '=' ;

// ---- 1.9 Malformed input ---------------------------------------------------------------------------
// Tokens for text that is lexically wrong. No parser rule accepts any of them, so each one makes the
// text rejected; their names say which diagnostic the compiler reports. They come last, so a
// well-formed token of the same length always wins.

// CLM1004: a number-or-date run that is neither a number nor a well-formed date (see 1.7).
BAD_DATE : ( Digit | '-' Digit | '..' ) DateRunCharacter* ;
fragment DateRunCharacter : [0-9_.X\-/:TZ+?~%] ;

// CLM1005: a one-line string holding an escape other than those of 1.6.
BAD_ESCAPE_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;

// CLM1002: a string with no closing quote before the end of its line or of the text …
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* ;
// … and a raw string with no closing `"""` before the end of the text (its body never holds three
// quotes in a row, and may end in one or two).
UNTERMINATED_RAW_STRING : '"""' ( ~'"' | '"' ~'"' | '""' ~'"' )* ( '"' '"'? )? EOF ;

// CLM1003: a block comment with no closing `*/`.
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;

// CLM1001: any other character: a control character, a lone surrogate, `@`, `-` not before a digit,
// U+FEFF after the start, …
BAD_CHARACTER : . ;

// ===================================================================================================
// Part 2 — Declarations and clauses
// ===================================================================================================
//
// A text is a sequence of declarations, one per logical line (a logical line may go on over indented
// lines). Clauses come in any order, and the grammar lets every clause repeat: giving one twice is a
// semantic error (CLM2011), not a syntax error.

compilationUnit
    : BYTE_ORDER_MARK?
      ( {AtStartOfText()}? declaration )?      // the first declaration, if it is at column 1 of line 1
      ( NEWLINE declaration? )*                // every other one begins a logical line
      EOF
    ;

declaration
    : sourceDeclaration
    | actorDeclaration
    | placeDeclaration
    | predicateDeclaration
    | hypothesisDeclaration
    | claimDeclaration
    ;

// ---- 2.1 source <Name> "<title>" -------------------------------------------------------------------

sourceDeclaration
    : SOURCE identifier string
      ( publishedClause
      | authorClause
      | publisherClause
      | urlClause
      | reliabilityClause
      | kindClause
      | langClause
      | documentClause
      | citesClause
      )*
    ;

publishedClause   : PUBLISHED date ;
authorClause      : AUTHOR string ;
publisherClause   : PUBLISHER string ;
urlClause         : URL string ;
reliabilityClause : RELIABILITY grade ;      // A–F is checked later (CLM2005)
kindClause        : KIND identifier ;
langClause        : LANG identifier ;
documentClause    : DOCUMENT string ;
citesClause       : CITES nameList ;

// ---- 2.2 actor <Name> "<display name>" -------------------------------------------------------------

actorDeclaration
    : ACTOR identifier string
      ( kindClause
      | akaClause
      | partOfClause
      )*
    ;

akaClause    : AKA string ( COMMA string )* ;
partOfClause : PART_OF identifier ;

// ---- 2.3 place <Name> "<display name>" -------------------------------------------------------------

placeDeclaration
    : PLACE identifier string
      ( inClause
      | coordinatesClause
      )*
    ;

inClause          : IN identifier ;
coordinatesClause : AT number COMMA number ;  // latitude, longitude

// ---- 2.4 predicate <name> [ "(" <param> ":" <type>, … ")" ] ["<description>"] ----------------------
// No clauses. A parameter type is one of exactly six words; any other word there is a syntax error.

predicateDeclaration
    : PREDICATE identifier parameterList? string?
    ;

parameterList : LPAREN ( parameter ( COMMA parameter )* )? RPAREN ;
parameter     : identifier COLON parameterType ;
parameterType : ACTOR | PLACE | DATE | NUMBER | TEXT | CLAIM ;

// ---- 2.5 hypothesis <Name> "<statement>" -----------------------------------------------------------

hypothesisDeclaration
    : HYPOTHESIS identifier string
    ;

// ---- 2.6 claim [<Label> "="] <Subject> "." <predicate> [ "(" <arguments> ")" ] ---------------------

claimDeclaration
    : CLAIM claimLabel? identifier DOT identifier argumentList?
      ( onClause
      | sourceClause
      | confidenceClause
      | credibilityClause
      | atClause
      | contradictsClause
      | supportsClause
      | supersedesClause
      | quoteClause
      | noteClause
      | tagsClause
      )*
    ;

claimLabel : identifier EQUALS ;

// Positional and named arguments may come in any order here; order and fit are checked later (CLM2010).
argumentList  : LPAREN ( argument ( COMMA argument )* )? RPAREN ;
argument      : ( identifier COLON )? argumentValue ;
argumentValue : identifier | NUMBER_LITERAL | YEAR_LITERAL | DATE_LITERAL | string ;

onClause          : ON date ;
sourceClause      : SOURCE nameList ;        // required, but a missing one is semantic (CLM2003)
confidenceClause  : CONFIDENCE grade ;       // low | moderate | high, checked later (CLM2004)
credibilityClause : CREDIBILITY grade ;      // 1–6, checked later (CLM2006)
atClause          : AT identifier ;
contradictsClause : CONTRADICTS referenceList ;
supportsClause    : SUPPORTS referenceList ;
supersedesClause  : SUPERSEDES reference ;
quoteClause       : QUOTE string ;
noteClause        : NOTE string ;
tagsClause        : TAGS identifier ( COMMA identifier )* ;

// ---- 2.7 Values ------------------------------------------------------------------------------------

// A name: an identifier, or any keyword used as one (keywords are contextual).
identifier
    : IDENTIFIER
    | SOURCE | ACTOR | PLACE | PREDICATE | HYPOTHESIS | CLAIM
    | PUBLISHED | AUTHOR | PUBLISHER | URL | RELIABILITY | KIND | LANG | DOCUMENT | CITES
    | AKA | PART_OF | IN | AT
    | ON | CONFIDENCE | CREDIBILITY | CONTRADICTS | SUPPORTS | SUPERSEDES | QUOTE | NOTE | TAGS
    | DATE | NUMBER | TEXT
    ;

nameList      : identifier ( COMMA identifier )* ;
reference     : identifier ( DOT identifier )? ;    // a name, or Subject.predicate
referenceList : reference ( COMMA reference )* ;

string : STRING_LITERAL | RAW_STRING_LITERAL ;

// Where a date is expected a four-digit number is a year; any other number is a malformed date.
date   : DATE_LITERAL | YEAR_LITERAL ;
number : NUMBER_LITERAL | YEAR_LITERAL ;

// The value of reliability, confidence and credibility: one identifier or one number.
grade  : identifier | number ;
