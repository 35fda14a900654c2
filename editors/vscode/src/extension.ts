// The ClaimLang extension: starts `claimc lsp` through vscode-languageclient and adds two commands.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  describeStartFailure,
  languageServerInvocation,
  type ResolvedServer,
  type ResolutionEnvironment,
  resolveServer,
  SERVER_PATH_SETTING,
  statPath,
  syntaxTreeInvocation,
} from './serverResolution';
import { renderSyntaxTree, runProcess } from './syntaxTree';

const CLIENT_ID = 'claimlang';
const CLIENT_NAME = 'ClaimLang';
const SYNTAX_SCHEME = 'claimlang-syntax';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;

function environment(context: vscode.ExtensionContext): ResolutionEnvironment {
  return {
    platform: process.platform,
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homeDirectory: os.homedir(),
    env: process.env,
    stat: statPath,
  };
}

/** Resolves the server; on failure shows the reason with a button that opens the setting. */
function resolve(context: vscode.ExtensionContext): ResolvedServer | undefined {
  const setting = vscode.workspace.getConfiguration().get<string>(SERVER_PATH_SETTING, '');
  const resolution = resolveServer(setting, environment(context));
  if (resolution.ok) {
    return resolution.server;
  }
  log(resolution.message);
  const openSettings = 'Open Settings';
  void vscode.window.showErrorMessage(resolution.message, openSettings).then((choice) => {
    if (choice === openSettings) {
      void vscode.commands.executeCommand('workbench.action.openSettings', SERVER_PATH_SETTING);
    }
  });
  return undefined;
}

function log(message: string): void {
  outputChannel?.appendLine(`[${new Date().toISOString()}] ${message}`);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const server = resolve(context);
  if (!server) {
    return;
  }
  const run = languageServerInvocation(server);
  log(`Starting ${server.origin} server: ${run.command} ${run.args.join(' ')}`);

  const executable = {
    command: run.command,
    args: run.args,
    transport: TransportKind.stdio,
    options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'claim' }],
    // No synchronize.fileEvents: the server registers its own watchers for **/*.claim and **/claimlang.json
    // (workspace/didChangeWatchedFiles, dynamic registration), so watching here too would send every event twice.
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  // The client reads `claimlang.trace.server` itself (the `<id>.trace.server` convention).
  const newClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = newClient;
  try {
    await newClient.start();
  } catch (error) {
    const message = describeStartFailure(error, server);
    log(message);
    void vscode.window.showErrorMessage(message);
    if (client === newClient) {
      client = undefined;
    }
    await newClient.dispose().catch(() => undefined);
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop();
    } catch (error) {
      log(`Stopping the server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  await stopClient();
  await startClient(context);
}

/** Read-only documents that show `claimc syntax` output, keyed by their virtual URI. */
class SyntaxTreeProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  forget(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function showSyntaxTree(context: vscode.ExtensionContext, provider: SyntaxTreeProvider): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || document.languageId !== 'claim') {
    void vscode.window.showWarningMessage('ClaimLang: open a .claim file to show its syntax tree.');
    return;
  }
  const server = resolve(context);
  if (!server) {
    return;
  }

  // claimc reads the file from disk; unsaved text goes through a temporary copy so that the tree
  // matches what is on screen.
  let file = document.uri.fsPath;
  let temporaryFolder: string | undefined;
  if (document.isUntitled || document.isDirty || document.uri.scheme !== 'file') {
    temporaryFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlang-syntax-'));
    const name = document.isUntitled ? 'untitled.claim' : path.basename(document.uri.path);
    file = path.join(temporaryFolder, name.endsWith('.claim') ? name : `${name}.claim`);
    fs.writeFileSync(file, document.getText(), 'utf8');
  }

  try {
    const inv = syntaxTreeInvocation(server, file);
    log(`Running ${inv.command} ${inv.args.join(' ')}`);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'ClaimLang: building the syntax tree' },
      () => runProcess(inv, { cwd: vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath }),
    );
    const baseName = path.basename(document.uri.path) || 'untitled.claim';
    const rendered = renderSyntaxTree(baseName, result);
    if (!rendered.ok && result.error?.code === 'ENOENT') {
      void vscode.window.showErrorMessage(describeStartFailure(result.error, server));
    } else if (!rendered.ok) {
      void vscode.window.showErrorMessage('ClaimLang: `claimc syntax` failed; the syntax tree view shows its output.');
    }

    const uri = vscode.Uri.from({
      scheme: SYNTAX_SCHEME,
      path: `/${baseName}.syntax`,
      query: document.uri.toString(),
    });
    provider.set(uri, rendered.text);
    const shown = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  } finally {
    if (temporaryFolder) {
      fs.rmSync(temporaryFolder, { recursive: true, force: true });
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);

  const provider = new SyntaxTreeProvider();
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(SYNTAX_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === SYNTAX_SCHEME) {
        provider.forget(doc.uri);
      }
    }),
    vscode.commands.registerCommand('claimlang.restartServer', () => restartClient(context)),
    vscode.commands.registerCommand('claimlang.showSyntaxTree', () => showSyntaxTree(context, provider)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SERVER_PATH_SETTING)) {
        log(`\`${SERVER_PATH_SETTING}\` changed: restarting the server.`);
        void restartClient(context);
      }
    }),
    { dispose: () => void stopClient() },
  );

  await startClient(context);
}

export function deactivate(): Thenable<void> | undefined {
  return stopClient();
}
