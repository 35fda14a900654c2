// `npm run package`: publishes the claimc server into server/, then packs the extension and the
// server into one claimlang-<version>.vsix.
//
// The server is published framework-dependent (`--self-contained false`) and without an apphost
// (`UseAppHost=false`): the .vsix then holds only portable .NET assemblies, works on Windows, macOS
// and Linux alike, and needs the .NET runtime on the analyst's machine. The extension starts it as
// `dotnet server/claimc.dll lsp`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = `${manifest.name}-${manifest.version}.vsix`;
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsceFlags = ['--no-dependencies'];
// No LICENSE file (the project has not chosen one) and no public repository URL yet.
const vscePackageFlags = [...vsceFlags, '--skip-license', '--allow-missing-repository'];

function run(command, args, options = {}) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (result.error) {
    fail(`could not run ${command}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    fail(`${command} exited with code ${result.status}`);
  }
  return result.stdout ?? '';
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

// 1. The extension itself (minified) and the server.
run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production']);

const server = join(root, 'server');
rmSync(server, { recursive: true, force: true });
run('dotnet', [
  'publish', join('..', '..', 'src', 'Cli'),
  '-c', 'Release',
  '-o', 'server',
  '--self-contained', 'false',
  '-p:UseAppHost=false',
  '-p:SatelliteResourceLanguages=en',
  '--nologo',
]);
// Debug symbols and XML docs are of no use to an installed server.
for (const name of readdirSync(server)) {
  if (name.endsWith('.pdb') || name.endsWith('.xml')) {
    rmSync(join(server, name));
  }
}
// Native libraries (SQLite) come for every runtime .NET knows; keep those of the desktop systems an
// analyst runs VS Code on. The .NET host only loads the folder of the machine's own runtime.
const desktopRuntimes = new Set([
  'win-x64', 'win-x86', 'win-arm64',
  'osx-x64', 'osx-arm64',
  'linux-x64', 'linux-arm64', 'linux-arm', 'linux-musl-x64', 'linux-musl-arm64',
]);
const runtimes = join(server, 'runtimes');
if (existsSync(runtimes)) {
  for (const name of readdirSync(runtimes)) {
    if (!desktopRuntimes.has(name)) {
      rmSync(join(runtimes, name), { recursive: true, force: true });
    }
  }
}

// 2. What goes into the .vsix (vsce ls applies .vscodeignore): the runtime files and nothing else.
const files = run(process.execPath, [vsce, 'ls', ...vsceFlags], { capture: true })
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);
const required = [
  'package.json',
  'README.md',
  'language-configuration.json',
  'syntaxes/claim.tmLanguage.json',
  'snippets/claim.json',
  'dist/extension.js',
  'server/claimc.dll',
  'server/claimc.runtimeconfig.json',
  'server/claimc.deps.json',
];
const missing = required.filter((file) => !files.includes(file));
const forbidden = files.filter((file) => /^(node_modules|src|test|out|scripts)\//.test(file) || file.endsWith('.ts') || file.endsWith('.map'));
if (missing.length > 0) {
  fail(`the package would miss: ${missing.join(', ')}`);
}
if (forbidden.length > 0) {
  fail(`the package would contain files it must not: ${forbidden.join(', ')}`);
}

// 3. The .vsix (vsce runs `vscode:prepublish`, the production build, first).
rmSync(join(root, vsix), { force: true });
run(process.execPath, [vsce, 'package', ...vscePackageFlags, '--out', vsix]);
const size = statSync(join(root, vsix)).size;
console.log(`package: wrote ${vsix} (${(size / 1024 / 1024).toFixed(1)} MiB, ${files.length} files)`);
