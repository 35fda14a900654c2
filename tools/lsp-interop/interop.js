// Interoperability check: drives a ClaimLang language server with vscode-languageserver-protocol (the library
// that VS Code's own client is built on) over the server's stdio, and exits non-zero on any failure.
//
//   node interop.js <server command> [arguments...]
//   node interop.js dotnet ../../src/Cli/bin/Debug/net10.0/claimc.dll lsp
//
// Steps: initialize, initialized, open a document, wait for its diagnostics, hover, go to definition, edit the
// document (fixing the error), wait for the new diagnostics, shutdown, exit (the server must exit with 0).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  HoverRequest,
  DefinitionRequest,
  ShutdownRequest,
  ExitNotification,
} = require('vscode-languageserver-protocol/node');

const TIMEOUT_MS = Number(process.env.LSP_INTEROP_TIMEOUT_MS || 120000);

function fail(message) {
  console.error(`lsp-interop: FAILED: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function log(message) {
  console.log(`lsp-interop: ${message}`);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) fail('usage: node interop.js <server command> [arguments...]');

  // A small workspace: a source in one file, a claim that misspells it in another.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimlang-interop-')));
  const sourcesPath = path.join(root, 'sources.claim');
  const claimsPath = path.join(root, 'claims.claim');
  fs.writeFileSync(path.join(root, 'claimlang.json'), '{ "asOf": "2026-01-01" }\n');
  fs.writeFileSync(sourcesPath, 'source MET "Did Tehran attempt a coup in Damascus?" reliability C\nactor IRGC "Islamic Revolutionary Guard Corps"\n');
  const claimsText = 'claim IRGC.coup_attempt on 2017-01-28 source MTE confidence low\n';
  fs.writeFileSync(claimsPath, claimsText);
  const claimsUri = pathToFileURL(claimsPath).href;

  // The server runs in the workspace; paths given relative to the current folder are made absolute first.
  const absolute = (value) => (value.includes(path.sep) || value.includes('/')) && fs.existsSync(value) ? path.resolve(value) : value;
  const server = spawn(absolute(command), args.map(absolute), { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let shuttingDown = false;
  server.stderr.on('data', (chunk) => { stderr += chunk.toString(); });
  const exited = new Promise((resolve) => server.on('exit', (code) => {
    if (!shuttingDown) fail(`the server exited early with ${code}\n${stderr}`);
    resolve(code);
  }));
  server.on('error', (error) => fail(`cannot start ${command}: ${error.message}`));

  const timer = setTimeout(() => {
    server.kill();
    fail(`no result within ${TIMEOUT_MS} ms\n${stderr}`);
  }, TIMEOUT_MS);

  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  // The server may ask the client for things (file-watcher registration, refreshes): accept them.
  connection.onRequest(() => null);

  const diagnostics = new Map();
  const waiters = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(`${params.uri}@${params.version}`, params);
    for (const waiter of waiters.slice()) {
      if (waiter.uri === params.uri && waiter.version === params.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  const diagnosticsFor = (uri, version) => {
    const known = diagnostics.get(`${uri}@${version}`);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => waiters.push({ uri, version, resolve }));
  };
  connection.listen();

  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'interop' }],
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      },
      workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
  });
  check(init.capabilities.hoverProvider, 'the server does not offer hover');
  check(init.capabilities.definitionProvider, 'the server does not offer definition');
  const sync = init.capabilities.textDocumentSync;
  check(sync && sync.change === 2, `expected incremental sync, got ${JSON.stringify(sync)}`);
  log(`initialized ${init.serverInfo ? init.serverInfo.name : 'server'}`);
  connection.sendNotification(InitializedNotification.type, {});

  connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: claimsUri, languageId: 'claim', version: 1, text: claimsText },
  });
  const first = await diagnosticsFor(claimsUri, 1);
  const undefinedSource = first.diagnostics.find((d) => d.code === 'CLM2001');
  check(undefinedSource, `expected CLM2001, got ${JSON.stringify(first.diagnostics)}`);
  check(/MET/.test(undefinedSource.message), `expected a did-you-mean: ${undefinedSource.message}`);
  check(undefinedSource.range.start.line === 0 && undefinedSource.range.start.character === 45,
    `wrong range ${JSON.stringify(undefinedSource.range)}`);
  check(undefinedSource.codeDescription && /CLM2001/.test(undefinedSource.codeDescription.href), 'no code description');
  log(`diagnostics: ${first.diagnostics.map((d) => d.code).join(', ')}`);

  const hover = await connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: claimsUri },
    position: { line: 0, character: 7 },
  });
  const hoverText = hover && (typeof hover.contents === 'string' ? hover.contents : hover.contents.value);
  check(hoverText && hoverText.includes('actor IRGC'), `unexpected hover: ${JSON.stringify(hover)}`);
  log('hover ok');

  const definition = await connection.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: claimsUri },
    position: { line: 0, character: 7 },
  });
  const target = Array.isArray(definition) ? definition[0] : definition;
  check(target && fileURLToPath(target.uri) === sourcesPath, `unexpected definition: ${JSON.stringify(definition)}`);
  check(target.range.start.line === 1 && target.range.start.character === 6, `wrong definition range ${JSON.stringify(target.range)}`);
  log('definition ok');

  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: claimsUri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 45 }, end: { line: 0, character: 48 } }, text: 'MET' }],
  });
  const second = await diagnosticsFor(claimsUri, 2);
  check(!second.diagnostics.some((d) => d.code === 'CLM2001'), `the edit did not fix CLM2001: ${JSON.stringify(second.diagnostics)}`);
  log('edit ok');

  shuttingDown = true;
  const shutdown = await connection.sendRequest(ShutdownRequest.type);
  check(shutdown === null || shutdown === undefined, `shutdown returned ${JSON.stringify(shutdown)}`);
  connection.sendNotification(ExitNotification.type);
  const code = await exited;
  clearTimeout(timer);
  connection.dispose();
  fs.rmSync(root, { recursive: true, force: true });
  check(code === 0, `the server exited with ${code}\n${stderr}`);
  log('shutdown and exit ok');
}

main().then(() => process.exit(0), (error) => fail(error && error.stack ? error.stack : String(error)));
