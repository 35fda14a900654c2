// Runs the TextMate grammar tests (test/grammar/*.claim, vscode-tmgrammar-test format) under the
// node test runner, one test per file, so that `npm test` reports them with the unit tests.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const grammarTests = path.join(root, 'test', 'grammar');
const tool = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const TIMEOUT_MS = 120_000;

function runTool(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [tool, '--compact', file], { cwd: root, encoding: 'utf8', timeout: TIMEOUT_MS });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

describe('grammar tests', () => {
  const files = fs.readdirSync(grammarTests).filter((f) => f.endsWith('.claim')).sort();

  it('exist for every area of the grammar', () => {
    for (const name of ['declarations', 'clauses', 'literals', 'comments', 'malformed']) {
      assert.ok(files.includes(`${name}.claim`), `test/grammar/${name}.claim is missing`);
    }
  });

  for (const file of files) {
    it(file, { timeout: TIMEOUT_MS }, () => {
      const { status, output } = runTool(path.join('test', 'grammar', file));
      assert.equal(status, 0, output);
    });
  }

  it('fail when an assertion does not hold (the tool is really checking)', { timeout: TIMEOUT_MS }, () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlang-grammar-'));
    try {
      const file = path.join(folder, 'wrong.claim');
      fs.writeFileSync(file, '// SYNTAX TEST "source.claim"\n  claim X.p\n//^^^^^ keyword.declaration.claim.claim\n');
      const { status, output } = runTool(file);
      assert.notEqual(status, 0, output);
      assert.match(output, /keyword\.declaration\.claim\.claim/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
