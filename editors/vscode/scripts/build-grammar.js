#!/usr/bin/env node
// Generates syntaxes/claim.tmLanguage.json from the building blocks below.
//
// The grammar repeats a handful of regular expressions (identifier, the
// number/date run, EDTF values) in many rules; writing them once here keeps the
// rules consistent. The generated JSON is committed so that VS Code and the
// grammar tests read it directly.
//
//   node scripts/build-grammar.js          rewrite syntaxes/claim.tmLanguage.json
//   node scripts/build-grammar.js --check  exit 1 if the committed file is stale
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// ---------------------------------------------------------------------------
// Building blocks (Oniguruma syntax)

/** An identifier: a Unicode letter or `_`, then letters, decimal digits or `_`. */
const IDENT = '[\\p{L}_][\\p{L}\\p{Nd}_]*';
/** Not directly after an identifier character (a token boundary on the left). */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{Nd}_])';
/** Not directly before an identifier character (a token boundary on the right). */
const WORD_END = '(?![\\p{L}\\p{Nd}_])';
/** A character that continues a number-or-date run (maximal munch). */
const RUN_CHAR = '[0-9_.X\\-/:TZ+?~%]';
const RUN_END = `(?!${RUN_CHAR})`;
/** A whole run as the lexer takes it: from a digit, `-` and a digit, or `..`. */
const RUN = `${NOT_AFTER_WORD}(?:-?[0-9]|\\.\\.)${RUN_CHAR}*`;
/** A run that is a plain number. */
const NUMBER = `${NOT_AFTER_WORD}-?[0-9]+(?:_[0-9]+)*(?:\\.[0-9]+)?${RUN_END}`;

// EDTF levels 0 and 1: years with unspecified trailing digits, months or
// seasons, days, times with zones, a trailing qualifier, and intervals.
const EDTF_YEAR = '(?:[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)';
const EDTF_PART = '(?:[0-9]{2}|XX)';
const EDTF_TIME = 'T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+\\-][0-9]{2}(?::[0-9]{2})?)?';
const EDTF_DATE = `${EDTF_YEAR}(?:-${EDTF_PART}(?:-${EDTF_PART}(?:${EDTF_TIME})?)?)?[?~%]?`;
const EDTF_INTERVAL = `(?:${EDTF_DATE}/(?:${EDTF_DATE}|\\.\\.)?|\\.\\./${EDTF_DATE})`;
/** A four-digit number, read as a year where a date is expected. */
const YEAR_NUMBER = `[0-9]{4}${RUN_END}`;

/** Where a clause keyword may stand: after white space, but not right after a list comma. */
const CLAUSE_START = '(?<=\\s)(?<!,\\s)';
const NAME_LIST = `${IDENT}(?:\\s*,\\s*${IDENT})*`;
const REF = `${IDENT}(?:\\s*\\.\\s*${IDENT})?`;
const REF_LIST = `${REF}(?:\\s*,\\s*${REF})*`;

/** A declaration ends where the next line starts at column 1 with anything but a comment. */
const DECLARATION_END = '^(?=[^\\s/]|/(?![/*]))';
const BOM = '(?:\\x{FEFF})?';

const DECLARATION_KEYWORDS = ['source', 'actor', 'place', 'predicate', 'hypothesis', 'claim'];
const PARAMETER_TYPES = ['actor', 'place', 'date', 'number', 'text', 'claim'];

// ---------------------------------------------------------------------------
// Helpers

/** A clause keyword with nothing captured after it (its value is coloured by the generic rules). */
function keywordClause(keyword) {
  return {
    match: `${CLAUSE_START}(${keyword})${WORD_END}`,
    captures: { 1: { name: `keyword.other.clause.${keyword}.claim` } },
  };
}

/** A clause keyword followed on the same line by a value matched by `valuePattern`. */
function valueClause(keyword, valuePattern, valueCapture) {
  return {
    match: `${CLAUSE_START}(${keyword})${WORD_END}(?:[ \\t]+(${valuePattern}))?`,
    captures: {
      1: { name: `keyword.other.clause.${keyword}.claim` },
      2: valueCapture,
    },
  };
}

/**
 * A grade clause (reliability, confidence, credibility): a legal grade gets `gradeScope`; any other
 * word after it is left uncoloured (the language server reports it) rather than taken for a name.
 */
function gradeClause(keyword, gradePattern, gradeScope) {
  return {
    match: `${CLAUSE_START}(${keyword})${WORD_END}(?:[ \\t]+(?:(${gradePattern})|${IDENT}))?`,
    captures: {
      1: { name: `keyword.other.clause.${keyword}.claim` },
      2: { name: gradeScope },
    },
  };
}

function nameListClause(keyword, nameScope) {
  return valueClause(keyword, NAME_LIST, {
    patterns: [{ match: IDENT, name: nameScope }, { include: '#comma' }],
  });
}

function nameClause(keyword, nameScope) {
  return valueClause(keyword, IDENT, { name: nameScope });
}

function refListClause(keyword) {
  return valueClause(keyword, REF_LIST, { patterns: [{ include: '#reference' }, { include: '#comma' }] });
}

function dateClause(keyword) {
  return valueClause(keyword, YEAR_NUMBER, { name: 'constant.numeric.date.year.claim' });
}

/** A declaration: keyword at column 1, an optional name on the same line, then everything up to the next column-1 token. */
function declaration(keyword, nameScope, patterns) {
  return {
    name: `meta.declaration.${keyword}.claim`,
    begin: `^${BOM}(${keyword})${WORD_END}(?:[ \\t]+(${IDENT}))?`,
    beginCaptures: {
      1: { name: `keyword.declaration.${keyword}.claim` },
      2: { name: nameScope },
    },
    end: DECLARATION_END,
    patterns,
  };
}

// ---------------------------------------------------------------------------
// The grammar

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'ClaimLang',
  scopeName: 'source.claim',
  fileTypes: ['claim'],
  comment: 'Generated by scripts/build-grammar.js: edit that file, then run `node scripts/build-grammar.js`.',
  patterns: [
    { include: '#comments' },
    { include: '#source-declaration' },
    { include: '#actor-declaration' },
    { include: '#place-declaration' },
    { include: '#predicate-declaration' },
    { include: '#hypothesis-declaration' },
    { include: '#claim-declaration' },
    { include: '#values' },
  ],
  repository: {
    // -- declarations -------------------------------------------------------
    'source-declaration': declaration('source', 'entity.name.type.source.claim', [
      { include: '#comments' },
      dateClause('published'),
      keywordClause('author'),
      keywordClause('publisher'),
      keywordClause('url'),
      gradeClause('reliability', `[A-F]${WORD_END}`, 'constant.language.reliability.claim'),
      valueClause('kind', IDENT, { name: 'constant.other.kind.claim' }),
      valueClause('lang', IDENT, { name: 'constant.other.language-code.claim' }),
      keywordClause('document'),
      nameListClause('cites', 'variable.other.source.claim'),
      { include: '#values' },
    ]),
    'actor-declaration': declaration('actor', 'entity.name.type.actor.claim', [
      { include: '#comments' },
      valueClause('kind', IDENT, { name: 'constant.other.kind.claim' }),
      keywordClause('aka'),
      nameClause('part_of', 'variable.other.actor.claim'),
      { include: '#values' },
    ]),
    'place-declaration': declaration('place', 'entity.name.type.place.claim', [
      { include: '#comments' },
      nameClause('in', 'variable.other.place.claim'),
      keywordClause('at'),
      { include: '#values' },
    ]),
    'predicate-declaration': declaration('predicate', 'entity.name.function.predicate.claim', [
      { include: '#comments' },
      { include: '#parameter-list' },
      { include: '#values' },
    ]),
    'hypothesis-declaration': declaration('hypothesis', 'entity.name.type.hypothesis.claim', [
      { include: '#comments' },
      { include: '#values' },
    ]),
    'claim-declaration': {
      name: 'meta.declaration.claim.claim',
      // claim [Label =] Subject . predicate   (each part optional while typing)
      begin:
        `^${BOM}(claim)${WORD_END}` +
        `(?:[ \\t]+(?:(${IDENT})[ \\t]*(=)[ \\t]*)?` +
        `(?:(${IDENT})(?:[ \\t]*(\\.)(?:[ \\t]*(${IDENT}))?)?)?)?`,
      beginCaptures: {
        1: { name: 'keyword.declaration.claim.claim' },
        2: { name: 'entity.name.label.claim' },
        3: { name: 'keyword.operator.assignment.claim' },
        4: { name: 'variable.other.subject.claim' },
        5: { name: 'punctuation.accessor.claim' },
        6: { name: 'entity.name.function.predicate.claim' },
      },
      end: DECLARATION_END,
      patterns: [
        { include: '#comments' },
        { include: '#argument-list' },
        dateClause('on'),
        nameListClause('source', 'variable.other.source.claim'),
        gradeClause('confidence', `(?:low|moderate|high)${WORD_END}`, 'constant.language.confidence.claim'),
        gradeClause('credibility', `[1-6]${RUN_END}${WORD_END}`, 'constant.numeric.credibility.claim'),
        nameClause('at', 'variable.other.place.claim'),
        refListClause('contradicts'),
        refListClause('supports'),
        valueClause('supersedes', REF, { patterns: [{ include: '#reference' }] }),
        keywordClause('quote'),
        keywordClause('note'),
        valueClause('tags', NAME_LIST, {
          patterns: [{ match: IDENT, name: 'constant.other.tag.claim' }, { include: '#comma' }],
        }),
        { include: '#reference' },
        { include: '#values' },
      ],
    },

    // -- parameter and argument lists -----------------------------------------
    'parameter-list': {
      name: 'meta.parameters.claim',
      begin: '\\(',
      beginCaptures: { 0: { name: 'punctuation.section.parens.begin.claim' } },
      end: `\\)|${DECLARATION_END}`,
      endCaptures: { 0: { name: 'punctuation.section.parens.end.claim' } },
      patterns: [
        { include: '#comments' },
        {
          match: `(${IDENT})(?:\\s*(:)(?:\\s*(?:(${PARAMETER_TYPES.join('|')})${WORD_END}|(${IDENT})))?)?`,
          captures: {
            1: { name: 'variable.parameter.claim' },
            2: { name: 'punctuation.separator.key-value.claim' },
            3: { name: 'support.type.primitive.claim' },
            4: { name: 'invalid.illegal.type.claim' },
          },
        },
        { include: '#values' },
      ],
    },
    'argument-list': {
      name: 'meta.arguments.claim',
      begin: '\\(',
      beginCaptures: { 0: { name: 'punctuation.section.parens.begin.claim' } },
      end: `\\)|${DECLARATION_END}`,
      endCaptures: { 0: { name: 'punctuation.section.parens.end.claim' } },
      patterns: [
        { include: '#comments' },
        {
          match: `(${IDENT})\\s*(:)`,
          captures: {
            1: { name: 'variable.parameter.claim' },
            2: { name: 'punctuation.separator.key-value.claim' },
          },
        },
        { match: IDENT, name: 'variable.other.reference.claim' },
        { include: '#values' },
      ],
    },

    // -- shared pieces --------------------------------------------------------
    reference: {
      patterns: [
        {
          match: `(${IDENT})\\s*(\\.)\\s*(${IDENT})`,
          captures: {
            1: { name: 'variable.other.reference.claim' },
            2: { name: 'punctuation.accessor.claim' },
            3: { name: 'entity.name.function.predicate.claim' },
          },
        },
        { match: IDENT, name: 'variable.other.reference.claim' },
      ],
    },
    comma: { match: ',', name: 'punctuation.separator.comma.claim' },
    values: {
      patterns: [
        { include: '#comments' },
        { include: '#raw-string' },
        { include: '#string' },
        { include: '#number' },
        { include: '#date' },
        { include: '#punctuation' },
        { include: '#invalid-character' },
      ],
    },

    // -- comments -------------------------------------------------------------
    comments: {
      patterns: [
        {
          name: 'comment.block.documentation.claim',
          match: '(///)(?!/).*',
          captures: { 1: { name: 'punctuation.definition.comment.claim' } },
        },
        {
          name: 'comment.line.double-slash.directive.claim',
          match: '(//)\\s*(claimlang-disable-next-line)(?![\\w-])(.*)',
          captures: {
            1: { name: 'punctuation.definition.comment.claim' },
            2: { name: 'keyword.other.directive.claim' },
            3: {
              patterns: [
                { match: 'CLM[0-9]{4}\\b', name: 'constant.other.diagnostic-code.claim' },
                { include: '#comma' },
              ],
            },
          },
        },
        {
          name: 'comment.line.double-slash.claim',
          match: '(//).*',
          captures: { 1: { name: 'punctuation.definition.comment.claim' } },
        },
        {
          name: 'comment.block.claim',
          begin: '/\\*',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.claim' } },
          end: '\\*/',
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.claim' } },
        },
      ],
    },

    // -- strings --------------------------------------------------------------
    'raw-string': {
      name: 'string.quoted.triple.claim',
      begin: '"""',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.claim' } },
      end: '"""',
      endCaptures: { 0: { name: 'punctuation.definition.string.end.claim' } },
    },
    string: {
      patterns: [
        {
          // No closing quote before the end of the line: the whole string is marked (CLM1002).
          name: 'string.quoted.double.claim invalid.illegal.unterminated-string.claim',
          match: '(")((?:[^"\\\\\\n]|\\\\.)*\\\\?)$',
          captures: {
            1: { name: 'punctuation.definition.string.begin.claim' },
            2: { patterns: [{ include: '#escapes' }] },
          },
        },
        {
          name: 'string.quoted.double.claim',
          begin: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.claim' } },
          end: '"|(?=\\n)',
          endCaptures: { 0: { name: 'punctuation.definition.string.end.claim' } },
          patterns: [{ include: '#escapes' }],
        },
      ],
    },
    escapes: {
      patterns: [
        { match: '\\\\(?:["\\\\nt]|u\\{[0-9A-Fa-f]{1,6}\\})', name: 'constant.character.escape.claim' },
        { match: '\\\\.', name: 'invalid.illegal.escape.claim' },
      ],
    },

    // -- numbers and dates ----------------------------------------------------
    number: { match: NUMBER, name: 'constant.numeric.claim' },
    date: {
      patterns: [
        {
          name: 'meta.interval.claim',
          match: `${NOT_AFTER_WORD}${EDTF_INTERVAL}${RUN_END}`,
          captures: { 0: { patterns: [{ include: '#date-parts' }] } },
        },
        {
          match: `${NOT_AFTER_WORD}${EDTF_DATE}${RUN_END}`,
          captures: { 0: { patterns: [{ include: '#date-parts' }] } },
        },
        { match: RUN, name: 'invalid.illegal.date.claim' },
      ],
    },
    'date-parts': {
      patterns: [
        { match: '\\.\\.', name: 'constant.other.date.open.claim' },
        { match: '/', name: 'punctuation.separator.interval.claim' },
        {
          match: `${EDTF_DATE}`,
          name: 'constant.numeric.date.claim',
          captures: {
            0: {
              patterns: [
                { match: 'X+', name: 'constant.other.date.unspecified.claim' },
                { match: '\\?', name: 'keyword.operator.qualifier.uncertain.claim' },
                { match: '~', name: 'keyword.operator.qualifier.approximate.claim' },
                { match: '%', name: 'keyword.operator.qualifier.uncertain-approximate.claim' },
              ],
            },
          },
        },
      ],
    },

    // -- punctuation and stray characters ---------------------------------------
    punctuation: {
      patterns: [
        { match: ',', name: 'punctuation.separator.comma.claim' },
        { match: '\\.', name: 'punctuation.accessor.claim' },
        { match: ':', name: 'punctuation.separator.key-value.claim' },
        { match: '=', name: 'keyword.operator.assignment.claim' },
        { match: '\\(', name: 'punctuation.section.parens.begin.claim' },
        { match: '\\)', name: 'punctuation.section.parens.end.claim' },
      ],
    },
    'invalid-character': {
      match: '[^\\s\\p{L}\\p{Nd}_.,():="]',
      name: 'invalid.illegal.character.claim',
    },
  },
};

// Declaration keywords must agree with the list above (guards against a typo in one of them).
for (const keyword of DECLARATION_KEYWORDS) {
  if (!grammar.repository[`${keyword}-declaration`]) {
    throw new Error(`no rule for the declaration keyword '${keyword}'`);
  }
}

const target = path.join(__dirname, '..', 'syntaxes', 'claim.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), target)} is out of date: run \`node scripts/build-grammar.js\`.`);
    process.exit(1);
  }
  console.log('grammar is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
