#!/usr/bin/env node
// Helper for writing grammar tests: turns shorthand lines
//
//   //@ token[#n] scope.one scope.two - excluded.scope
//
// into vscode-tmgrammar-test assertions (`//   ^^^^^ scopes`, or `// <~~--- scopes` near column 0)
// pointing at the n-th occurrence (default 1) of `token` in the source line above. A token that
// starts with a word character must match a whole word unless it is written `!token`; `\s` stands
// for a space. Files are rewritten in place:
//
//   node scripts/annotate-grammar-tests.js test/grammar/new-test.claim
//
// Note: vscode-tmgrammar-test takes ONE `-` followed by all excluded scopes ("- a b"); writing
// "- a - b" makes its assertion parser backtrack for ever.
'use strict';

const fs = require('node:fs');

const isWord = (c) => /[\p{L}\p{Nd}_]/u.test(c);
const isAssertion = (line) => /^\/\/\s*(\^|<)/.test(line);

function occurrences(line, token, wholeWord) {
  const found = [];
  for (let i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + 1)) {
    const before = i > 0 ? line[i - 1] : ' ';
    const after = i + token.length < line.length ? line[i + token.length] : ' ';
    if (wholeWord && ((isWord(token[0]) && isWord(before)) || (isWord(token[token.length - 1]) && isWord(after)))) {
      continue;
    }
    found.push(i);
  }
  return found;
}

function annotate(file) {
  const out = [];
  let source = '';
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\/\/@ (\S+?)(?:#(\d+))? (.*)$/.exec(line);
    if (!m) {
      out.push(line);
      if (!isAssertion(line)) {
        source = line;
      }
      continue;
    }
    let token = m[1].replace(/\\s/g, ' ');
    const wholeWord = !token.startsWith('!');
    if (!wholeWord) {
      token = token.slice(1);
    }
    const n = Number(m[2] ?? '1');
    const at = occurrences(source, token, wholeWord);
    if (at.length < n) {
      throw new Error(`${file}: '${token}'#${n} is not in the line: ${source}`);
    }
    const column = at[n - 1];
    out.push(
      column < 2
        ? `// <${'~'.repeat(column)}${'-'.repeat(token.length)} ${m[3]}`
        : `//${' '.repeat(column - 2)}${'^'.repeat(token.length)} ${m[3]}`,
    );
  }
  fs.writeFileSync(file, out.join('\n'));
}

for (const file of process.argv.slice(2)) {
  annotate(file);
}
