import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveServer, statPath, syntaxTreeInvocation } from '../../src/serverResolution';
import { renderSyntaxTree, runProcess } from '../../src/syntaxTree';

let scratch: string;

before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlang-syntax-test-'));
});

after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Writes a node script that plays claimc: prints its arguments, or fails when asked to. */
function fakeClaimc(): string {
  const script = path.join(scratch, 'fake-claimc.js');
  fs.writeFileSync(
    script,
    [
      "const args = process.argv.slice(2);",
      "if (args.includes('fail')) { process.stderr.write('error: cannot read fail\\n'); process.exit(2); }",
      "process.stdout.write('SourceFile\\n  ' + args.join(' | ') + '\\n');",
    ].join('\n'),
  );
  return script;
}

describe('runProcess', () => {
  it('collects the output of a successful run', async () => {
    const result = await runProcess({ command: process.execPath, args: [fakeClaimc(), 'syntax', 'a.claim'] });
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, 'SourceFile\n  syntax | a.claim\n');
    assert.equal(result.error, undefined);
  });

  it('reports the exit code and stderr of a failed run', async () => {
    const result = await runProcess({ command: process.execPath, args: [fakeClaimc(), 'syntax', 'fail'] });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stderr, 'error: cannot read fail\n');
    assert.equal(result.error, undefined);
  });

  it('reports a program that does not exist as ENOENT instead of throwing', async () => {
    const result = await runProcess({ command: path.join(scratch, 'no-such-claimc'), args: ['syntax', 'a.claim'] });
    assert.equal(result.exitCode, undefined);
    assert.equal(result.error?.code, 'ENOENT');
  });
});

describe('renderSyntaxTree', () => {
  it('shows the tree as claimc printed it', () => {
    const rendered = renderSyntaxTree('a.claim', { exitCode: 0, stdout: 'SourceFile\n', stderr: '' });
    assert.deepEqual(rendered, { text: 'SourceFile\n', ok: true });
  });

  it('shows the exit code, stderr and partial output of a failure', () => {
    const rendered = renderSyntaxTree('a.claim', { exitCode: 2, stdout: 'partial\n', stderr: 'bad usage\n' });
    assert.equal(rendered.ok, false);
    assert.equal(rendered.text, 'claimc syntax a.claim failed with exit code 2.\n\nbad usage\n\npartial\n');
  });

  it('says when the program could not be found', () => {
    const rendered = renderSyntaxTree('a.claim', { exitCode: undefined, stdout: '', stderr: '', error: { code: 'ENOENT', message: 'spawn x ENOENT' } });
    assert.equal(rendered.ok, false);
    assert.match(rendered.text, /could not run for a\.claim: the program was not found/);
  });
});

describe('show syntax tree end to end', () => {
  // POSIX only (the fake dotnet is a script with a shebang); CI runs on Linux.
  it('runs the bundled claimc.dll through dotnet from DOTNET_ROOT', async () => {
    // A fake extension folder with server/claimc.dll and a fake `dotnet` that runs the dll as a node script.
    const extension = path.join(scratch, 'extension');
    const dotnetRoot = path.join(scratch, 'dotnet');
    fs.mkdirSync(path.join(extension, 'server'), { recursive: true });
    fs.mkdirSync(dotnetRoot, { recursive: true });
    fs.copyFileSync(fakeClaimc(), path.join(extension, 'server', 'claimc.dll'));
    const dotnet = path.join(dotnetRoot, 'dotnet');
    fs.writeFileSync(dotnet, `#!${process.execPath}\nrequire(process.argv[2]);\n`);
    fs.chmodSync(dotnet, 0o755);

    const resolution = resolveServer('', {
      platform: process.platform,
      extensionPath: extension,
      env: { DOTNET_ROOT: dotnetRoot },
      stat: statPath,
    });
    assert.ok(resolution.ok);
    const inv = syntaxTreeInvocation(resolution.server, '/w/seed.claim');
    assert.equal(inv.command, dotnet);

    const rendered = renderSyntaxTree('seed.claim', await runProcess(inv));
    assert.equal(rendered.ok, true);
    assert.equal(rendered.text, `SourceFile\n  ${path.join(extension, 'server', 'claimc.dll')} | syntax | /w/seed.claim\n`);
  });
});
