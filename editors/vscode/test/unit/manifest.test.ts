// Checks of the static parts of the extension: package.json, language-configuration.json, snippets
// and the grammar file. They run under plain node (VS Code is not needed).

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');

function readJson<T = any>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as T;
}

const manifest = readJson('package.json');
const languageConfiguration = readJson('language-configuration.json');
const DECLARATION_KEYWORDS = ['source', 'actor', 'place', 'predicate', 'hypothesis', 'claim'];

describe('package.json', () => {
  it('identifies the extension', () => {
    assert.equal(manifest.publisher, 'claimlang');
    assert.equal(manifest.name, 'claimlang');
    assert.equal(manifest.engines.vscode, '^1.90.0');
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:claim']);
  });

  it('declares the claim language for .claim files with its configuration and grammar', () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, 'claim');
    assert.deepEqual(language.extensions, ['.claim']);
    assert.ok(fs.existsSync(path.join(root, language.configuration)));

    const [grammar] = manifest.contributes.grammars;
    assert.equal(grammar.language, 'claim');
    assert.equal(grammar.scopeName, 'source.claim');
    assert.equal(readJson(grammar.path).scopeName, 'source.claim');

    const [snippets] = manifest.contributes.snippets;
    assert.equal(snippets.language, 'claim');
    assert.ok(fs.existsSync(path.join(root, snippets.path)));
  });

  it('has the server path and trace settings', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['claimlang.server.path'].type, 'string');
    assert.equal(properties['claimlang.server.path'].default, '');
    assert.deepEqual(properties['claimlang.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(properties['claimlang.trace.server'].default, 'off');
  });

  it('contributes both commands, and the extension registers each of them', () => {
    const commands = manifest.contributes.commands.map((c: { command: string; title: string; category: string }) => `${c.category}: ${c.title} = ${c.command}`);
    assert.deepEqual(commands, [
      'ClaimLang: Restart Server = claimlang.restartServer',
      'ClaimLang: Show Syntax Tree = claimlang.showSyntaxTree',
    ]);
    const source = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
    for (const command of ['claimlang.restartServer', 'claimlang.showSyntaxTree']) {
      assert.ok(source.includes(`registerCommand('${command}'`), `${command} is not registered`);
    }
  });

  it('pins @types/vscode to the lowest supported VS Code (vsce refuses a newer one)', () => {
    assert.equal(manifest.devDependencies['@types/vscode'], manifest.engines.vscode.replace('^', ''));
  });
});

describe('language-configuration.json', () => {
  const wordPattern = new RegExp(languageConfiguration.wordPattern.pattern, `${languageConfiguration.wordPattern.flags}g`);
  const words = (text: string): string[] => text.match(wordPattern) ?? [];

  /** What VS Code appends after Enter at the end of `line` (the first onEnterRule that matches), or undefined. */
  function onEnter(line: string): string | undefined {
    for (const rule of languageConfiguration.onEnterRules) {
      if (new RegExp(rule.beforeText).test(line)) {
        return rule.action.appendText ?? '';
      }
    }
    return undefined;
  }

  it('has line and block comments', () => {
    assert.deepEqual(languageConfiguration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  });

  it('pairs and auto-closes parentheses and quotes', () => {
    assert.deepEqual(languageConfiguration.brackets, [['(', ')']]);
    const autoClosing = languageConfiguration.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
    assert.ok(autoClosing.includes('()'));
    assert.ok(autoClosing.includes('""'));
    assert.deepEqual(languageConfiguration.surroundingPairs, [['(', ')'], ['"', '"']]);
  });

  it('treats identifiers, Unicode names and whole dates as words', () => {
    assert.deepEqual(words('claim coup = IRGC.coup_attempt(target: Bashar)'), ['claim', 'coup', 'IRGC', 'coup_attempt', 'target', 'Bashar']);
    assert.deepEqual(words('actor Ḥizb "حزب الله"'), ['actor', 'Ḥizb', 'حزب', 'الله']);
    assert.deepEqual(words('on 2017-01-23/2017-01-27 at 33.4114, -36.4156'), ['on', '2017-01-23/2017-01-27', 'at', '33.4114', '-36.4156']);
    assert.deepEqual(words('on 2017-01~ on ../2017-01-30 on 201X on 2017-01-28T07:23+03:00'), ['on', '2017-01~', 'on', '../2017-01-30', 'on', '201X', 'on', '2017-01-28T07:23+03:00']);
    assert.deepEqual(words('H1 x40_000 40_000'), ['H1', 'x40_000', '40_000']);
  });

  it('indents the line after a declaration by two spaces', () => {
    for (const keyword of DECLARATION_KEYWORDS) {
      assert.equal(onEnter(`${keyword} X "x"`), '  ', keyword);
    }
    assert.equal(onEnter('claim IRGC.coup_attempt on 2017-01-28'), '  ');
  });

  it('does not indent again after a continuation line, a non-keyword or a keyword prefix', () => {
    assert.equal(onEnter('  source MET confidence low'), undefined);
    assert.equal(onEnter('claimant X'), undefined);
    assert.equal(onEnter('clam X.p'), undefined);
    assert.equal(onEnter(''), undefined);
  });

  it('continues /// doc comments but not // or //// comments', () => {
    assert.equal(onEnter('/// The IRGC account.'), '/// ');
    assert.equal(onEnter('  /// indented doc'), '/// ');
    assert.equal(onEnter('// plain'), undefined);
    assert.equal(onEnter('//// banner'), undefined);
  });

  it('has indentation rules for declarations and parentheses', () => {
    const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('claim X.p on 2017'));
    assert.ok(increase.test('  supports IRGC.coup_attempt('));
    assert.ok(!increase.test('  source MET'));
    assert.ok(decrease.test('  )'));
    assert.ok(!decrease.test('  source MET'));
  });
});

describe('snippets', () => {
  const snippets = Object.values(readJson<Record<string, { prefix: string; body: string[]; description: string }>>('snippets/claim.json'));

  it('has one snippet per declaration keyword', () => {
    assert.deepEqual(snippets.map((s) => s.prefix).sort(), [...DECLARATION_KEYWORDS].sort());
  });

  it('starts each declaration at column 1 and indents its continuation lines', () => {
    for (const snippet of snippets) {
      const [first, ...rest] = snippet.body;
      assert.ok(first.startsWith(`${snippet.prefix} `), snippet.prefix);
      for (const line of rest) {
        assert.match(line, /^ {2}\S/, `${snippet.prefix}: continuation line '${line}'`);
      }
      assert.ok(snippet.description.length > 0);
    }
  });

  it('offers only legal confidence and reliability values', () => {
    const all = JSON.stringify(snippets);
    assert.ok(all.includes('${5|low,moderate,high|}'));
    assert.ok(all.includes('${4|A,B,C,D,E,F|}'));
  });
});

describe('grammar file', () => {
  const grammar = readJson('syntaxes/claim.tmLanguage.json');

  it('is what scripts/build-grammar.js generates', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-grammar.js'), '--check'], { cwd: root, stdio: 'pipe' });
  });

  it('includes only rules that exist', () => {
    const missing: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'include' && typeof value === 'string' && value.startsWith('#') && !(value.slice(1) in grammar.repository)) {
            missing.push(value);
          }
          visit(value);
        }
      }
    };
    visit(grammar);
    assert.deepEqual(missing, []);
  });

  it('anchors every declaration keyword at column 1', () => {
    for (const keyword of DECLARATION_KEYWORDS) {
      const rule = grammar.repository[`${keyword}-declaration`];
      assert.ok(rule, keyword);
      assert.ok(rule.begin.startsWith('^'), `${keyword}: ${rule.begin}`);
    }
  });
});
