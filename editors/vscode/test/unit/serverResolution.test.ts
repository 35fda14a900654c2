import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  describeStartFailure,
  findDotnet,
  languageServerInvocation,
  type PathKind,
  type ResolvedServer,
  type ResolutionEnvironment,
  resolveServer,
  statPath,
  syntaxTreeInvocation,
} from '../../src/serverResolution';

/** An environment over an in-memory file system: `files` and `folders` are the paths that exist. */
function fakeEnvironment(options: {
  platform?: NodeJS.Platform;
  extensionPath?: string;
  workspaceFolder?: string;
  homeDirectory?: string;
  files?: string[];
  folders?: string[];
  env?: Record<string, string | undefined>;
}): ResolutionEnvironment {
  const files = new Set(options.files ?? []);
  const folders = new Set(options.folders ?? []);
  return {
    platform: options.platform ?? 'linux',
    extensionPath: options.extensionPath ?? '/ext',
    workspaceFolder: options.workspaceFolder,
    homeDirectory: options.homeDirectory,
    env: options.env ?? {},
    stat: (p: string): PathKind => (files.has(p) ? 'file' : folders.has(p) ? 'directory' : undefined),
  };
}

function resolved(setting: string | undefined, env: ResolutionEnvironment): ResolvedServer {
  const result = resolveServer(setting, env);
  if (!result.ok) {
    assert.fail(`expected a server, got: ${result.message}`);
  }
  return result.server;
}

function failure(setting: string | undefined, env: ResolutionEnvironment): { message: string; searched: readonly string[] } {
  const result = resolveServer(setting, env);
  if (result.ok) {
    assert.fail(`expected no server, got ${result.server.path}`);
  }
  return result;
}

describe('server path setting', () => {
  it('starts a .dll with `dotnet <dll> lsp`', () => {
    const env = fakeEnvironment({ files: ['/opt/claimc/claimc.dll', '/ext/server/claimc.dll'] });
    const server = resolved('/opt/claimc/claimc.dll', env);
    assert.equal(server.kind, 'dll');
    assert.equal(server.origin, 'setting');
    assert.deepEqual(languageServerInvocation(server), { command: 'dotnet', args: ['/opt/claimc/claimc.dll', 'lsp'] });
  });

  it('recognises a .DLL extension in any case', () => {
    const env = fakeEnvironment({ files: ['/opt/ClaimC.DLL'] });
    assert.equal(resolved('/opt/ClaimC.DLL', env).kind, 'dll');
  });

  it('starts an executable directly with `lsp`', () => {
    const env = fakeEnvironment({ files: ['/usr/local/bin/claimc', '/ext/server/claimc.dll'] });
    const server = resolved('/usr/local/bin/claimc', env);
    assert.equal(server.kind, 'executable');
    assert.deepEqual(languageServerInvocation(server), { command: '/usr/local/bin/claimc', args: ['lsp'] });
  });

  it('trims white space around the setting', () => {
    const env = fakeEnvironment({ files: ['/usr/local/bin/claimc'] });
    assert.equal(resolved('  /usr/local/bin/claimc\t', env).path, '/usr/local/bin/claimc');
  });

  it('resolves a relative path against the workspace folder', () => {
    const env = fakeEnvironment({ workspaceFolder: '/home/ana/project', files: ['/home/ana/project/tools/claimc.dll'] });
    const server = resolved('tools/claimc.dll', env);
    assert.equal(server.path, '/home/ana/project/tools/claimc.dll');
    assert.equal(server.kind, 'dll');
  });

  it('expands a leading ~ to the home folder', () => {
    const env = fakeEnvironment({ homeDirectory: '/home/ana', files: ['/home/ana/.dotnet/tools/claimc'] });
    assert.equal(resolved('~/.dotnet/tools/claimc', env).path, '/home/ana/.dotnet/tools/claimc');
  });

  it('accepts a folder and prefers the executable in it over the dll', () => {
    const env = fakeEnvironment({ folders: ['/opt/claimc'], files: ['/opt/claimc/claimc', '/opt/claimc/claimc.dll'] });
    const server = resolved('/opt/claimc', env);
    assert.equal(server.path, '/opt/claimc/claimc');
    assert.equal(server.kind, 'executable');
  });

  it('accepts a folder that holds only claimc.dll', () => {
    const env = fakeEnvironment({ folders: ['/opt/claimc'], files: ['/opt/claimc/claimc.dll'] });
    const server = resolved('/opt/claimc/', env);
    assert.equal(server.path, '/opt/claimc/claimc.dll');
    assert.equal(server.kind, 'dll');
  });

  it('reports a folder that holds no server', () => {
    const env = fakeEnvironment({ folders: ['/opt/empty'], files: ['/ext/server/claimc.dll'] });
    const { message, searched } = failure('/opt/empty', env);
    assert.match(message, /'\/opt\/empty'/);
    assert.match(message, /claimlang\.server\.path/);
    assert.deepEqual(searched, ['/opt/empty/claimc', '/opt/empty/claimc.dll']);
  });

  it('reports a missing file instead of silently using the bundled server', () => {
    const env = fakeEnvironment({ files: ['/ext/server/claimc.dll'] });
    const { message, searched } = failure('/opt/claimc/claimcc.dll', env);
    assert.match(message, /'\/opt\/claimc\/claimcc\.dll'/);
    assert.match(message, /claimlang\.server\.path/);
    assert.match(message, /clear it/);
    assert.deepEqual(searched, ['/opt/claimc/claimcc.dll']);
  });
});

describe('bundled server', () => {
  it('is used when the setting is empty, undefined or blank', () => {
    const env = fakeEnvironment({ files: ['/ext/server/claimc.dll'] });
    for (const setting of ['', undefined, '   ']) {
      const server = resolved(setting, env);
      assert.equal(server.origin, 'bundled');
      assert.equal(server.path, '/ext/server/claimc.dll');
    }
  });

  it('prefers server/claimc over server/claimc.dll', () => {
    const env = fakeEnvironment({ files: ['/ext/server/claimc', '/ext/server/claimc.dll'] });
    const server = resolved('', env);
    assert.equal(server.kind, 'executable');
    assert.deepEqual(languageServerInvocation(server), { command: '/ext/server/claimc', args: ['lsp'] });
  });

  it('runs server/claimc.dll with dotnet when there is no executable', () => {
    const env = fakeEnvironment({ files: ['/ext/server/claimc.dll'] });
    assert.deepEqual(languageServerInvocation(resolved('', env)), {
      command: 'dotnet',
      args: ['/ext/server/claimc.dll', 'lsp'],
    });
  });

  it('explains what to do when there is no server at all', () => {
    const env = fakeEnvironment({});
    const { message, searched } = failure('', env);
    assert.deepEqual(searched, ['/ext/server/claimc', '/ext/server/claimc.dll']);
    assert.match(message, /not found/);
    assert.match(message, /claimlang\.server\.path/);
    assert.match(message, /\/ext\/server\/claimc\.dll/);
  });
});

describe('platform differences', () => {
  const ext = 'C:\\Users\\ana\\.vscode\\extensions\\claimlang.claimlang-0.1.0';

  it('looks for server\\claimc.exe on Windows', () => {
    const env = fakeEnvironment({ platform: 'win32', extensionPath: ext, files: [`${ext}\\server\\claimc.exe`, `${ext}\\server\\claimc.dll`] });
    const server = resolved('', env);
    assert.equal(server.path, `${ext}\\server\\claimc.exe`);
    assert.deepEqual(languageServerInvocation(server), { command: `${ext}\\server\\claimc.exe`, args: ['lsp'] });
  });

  it('ignores an extension-less claimc on Windows and falls back to the dll', () => {
    const env = fakeEnvironment({ platform: 'win32', extensionPath: ext, files: [`${ext}\\server\\claimc`, `${ext}\\server\\claimc.dll`] });
    const server = resolved('', env);
    assert.equal(server.kind, 'dll');
    assert.equal(server.path, `${ext}\\server\\claimc.dll`);
  });

  it('ignores claimc.exe on Linux and macOS', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const env = fakeEnvironment({ platform, files: ['/ext/server/claimc.exe', '/ext/server/claimc.dll'] });
      assert.equal(resolved('', env).path, '/ext/server/claimc.dll');
    }
  });

  it('finds claimc.exe for a Windows setting written without .exe', () => {
    const env = fakeEnvironment({ platform: 'win32', files: ['C:\\tools\\claimc.exe'] });
    const server = resolved('C:\\tools\\claimc', env);
    assert.equal(server.path, 'C:\\tools\\claimc.exe');
    assert.equal(server.kind, 'executable');
  });

  it('does not add .exe on Linux', () => {
    const env = fakeEnvironment({ platform: 'linux', files: ['/tools/claimc.exe'] });
    assert.deepEqual(failure('/tools/claimc', env).searched, ['/tools/claimc']);
  });

  it('resolves a relative Windows setting against the workspace folder', () => {
    const env = fakeEnvironment({ platform: 'win32', workspaceFolder: 'D:\\work\\osint', files: ['D:\\work\\osint\\tools\\claimc.dll'] });
    assert.equal(resolved('tools\\claimc.dll', env).path, 'D:\\work\\osint\\tools\\claimc.dll');
  });

  it('lists Windows paths in the not-found message', () => {
    const env = fakeEnvironment({ platform: 'win32', extensionPath: ext });
    assert.deepEqual(failure(undefined, env).searched, [`${ext}\\server\\claimc.exe`, `${ext}\\server\\claimc.dll`]);
  });
});

describe('dotnet', () => {
  it('is taken from PATH by default', () => {
    assert.equal(findDotnet(fakeEnvironment({})), 'dotnet');
  });

  it('is taken from DOTNET_ROOT when it exists there', () => {
    const env = fakeEnvironment({ env: { DOTNET_ROOT: '/usr/share/dotnet' }, files: ['/usr/share/dotnet/dotnet', '/ext/server/claimc.dll'] });
    assert.equal(findDotnet(env), '/usr/share/dotnet/dotnet');
    assert.equal(languageServerInvocation(resolved('', env)).command, '/usr/share/dotnet/dotnet');
  });

  it('uses dotnet.exe under DOTNET_ROOT on Windows', () => {
    const env = fakeEnvironment({ platform: 'win32', env: { DOTNET_ROOT: 'C:\\dotnet' }, files: ['C:\\dotnet\\dotnet.exe'] });
    assert.equal(findDotnet(env), 'C:\\dotnet\\dotnet.exe');
  });

  it('falls back to PATH when DOTNET_ROOT has no dotnet', () => {
    const env = fakeEnvironment({ env: { DOTNET_ROOT: '/nowhere' } });
    assert.equal(findDotnet(env), 'dotnet');
  });
});

describe('command lines', () => {
  const dll: ResolvedServer = { kind: 'dll', origin: 'bundled', path: '/ext/server/claimc.dll', dotnet: 'dotnet' };
  const exe: ResolvedServer = { kind: 'executable', origin: 'setting', path: '/bin/claimc', dotnet: 'dotnet' };

  it('runs `claimc syntax <file>` through the same server', () => {
    assert.deepEqual(syntaxTreeInvocation(dll, '/w/a b.claim'), { command: 'dotnet', args: ['/ext/server/claimc.dll', 'syntax', '/w/a b.claim'] });
    assert.deepEqual(syntaxTreeInvocation(exe, '/w/a.claim'), { command: '/bin/claimc', args: ['syntax', '/w/a.claim'] });
  });

  it('explains a missing .NET runtime when dotnet cannot be started', () => {
    const message = describeStartFailure(Object.assign(new Error('spawn dotnet ENOENT'), { code: 'ENOENT' }), dll);
    assert.match(message, /\.NET 10 runtime/);
    assert.match(message, /'dotnet' was not found/);
  });

  it('names the missing executable', () => {
    const message = describeStartFailure({ code: 'ENOENT' }, exe);
    assert.match(message, /'\/bin\/claimc' was not found/);
    assert.doesNotMatch(message, /\.NET/);
  });

  it('explains a file that is not executable', () => {
    assert.match(describeStartFailure({ code: 'EACCES' }, exe), /not executable/);
  });

  it('passes other errors through', () => {
    assert.match(describeStartFailure(new Error('boom'), exe), /\/bin\/claimc.*boom/);
  });
});

describe('real file system', () => {
  it('finds a bundled dll and tells files from folders', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlang-resolution-'));
    try {
      fs.mkdirSync(path.join(root, 'server'));
      fs.writeFileSync(path.join(root, 'server', 'claimc.dll'), '');
      assert.equal(statPath(path.join(root, 'server')), 'directory');
      assert.equal(statPath(path.join(root, 'server', 'claimc.dll')), 'file');
      assert.equal(statPath(path.join(root, 'missing')), undefined);

      const env: ResolutionEnvironment = { platform: process.platform, extensionPath: root, env: {}, stat: statPath };
      const server = resolved('', env);
      assert.equal(server.kind, 'dll');
      assert.equal(server.path, path.join(root, 'server', 'claimc.dll'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('serverResolution.ts does not depend on the vscode module', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'serverResolution.ts'), 'utf8');
    assert.doesNotMatch(source, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/);
  });
});
