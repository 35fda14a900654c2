// Finds the claimc language server and builds the command lines that start it.
//
// This module must not import `vscode`: it is unit-tested under plain node. Everything it needs
// from the outside world (platform, file system, environment) comes in through `ResolutionEnvironment`.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a path on disk is, as far as resolution cares. */
export type PathKind = 'file' | 'directory' | undefined;

/** `stat` for the real file system (symbolic links are followed). */
export function statPath(p: string): PathKind {
  try {
    const s = fs.statSync(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : undefined;
  } catch {
    return undefined;
  }
}

export interface ResolutionEnvironment {
  /** `process.platform` of the machine the server runs on. */
  readonly platform: NodeJS.Platform;
  /** Absolute path of the installed extension (the folder that holds package.json). */
  readonly extensionPath: string;
  /** Absolute path of the first workspace folder, if any: relative setting paths are resolved against it. */
  readonly workspaceFolder?: string;
  /** The user's home folder, for a setting that starts with `~`. */
  readonly homeDirectory?: string;
  /** Environment variables (only DOTNET_ROOT is read). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Tells whether a path is a file, a folder, or missing. */
  stat(p: string): PathKind;
}

/** How a resolved server is started. */
export type ServerKind = 'executable' | 'dll';

/** Where the server came from. */
export type ServerOrigin = 'setting' | 'bundled';

export interface ResolvedServer {
  readonly kind: ServerKind;
  readonly origin: ServerOrigin;
  /** Absolute path of the executable or of claimc.dll. */
  readonly path: string;
  /** The program that runs a dll: `dotnet` from PATH, or DOTNET_ROOT's dotnet when that exists. */
  readonly dotnet: string;
}

export type Resolution =
  | { readonly ok: true; readonly server: ResolvedServer }
  | { readonly ok: false; readonly message: string; readonly searched: readonly string[] };

/** A program and its arguments, ready for child_process.spawn / execFile (no shell). */
export interface Invocation {
  readonly command: string;
  readonly args: string[];
}

export const SERVER_PATH_SETTING = 'claimlang.server.path';

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The file name of the claimc apphost on a platform. */
export function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'claimc.exe' : 'claimc';
}

export const DLL_NAME = 'claimc.dll';

function isDll(p: string): boolean {
  return p.toLowerCase().endsWith('.dll');
}

/** `dotnet` itself: DOTNET_ROOT/dotnet(.exe) when that file exists, otherwise `dotnet` looked up on PATH. */
export function findDotnet(environment: ResolutionEnvironment): string {
  const root = environment.env?.['DOTNET_ROOT']?.trim();
  if (root) {
    const p = pathApi(environment.platform);
    const candidate = p.join(root, environment.platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    if (environment.stat(candidate) === 'file') {
      return candidate;
    }
  }
  return 'dotnet';
}

/** Makes a setting value absolute: `~` is the home folder, a relative path is taken from the workspace folder. */
export function expandSettingPath(value: string, environment: ResolutionEnvironment): string {
  const p = pathApi(environment.platform);
  let result = value.trim();
  if (environment.homeDirectory && (result === '~' || result.startsWith('~/') || result.startsWith('~\\'))) {
    result = p.join(environment.homeDirectory, result.slice(1));
  }
  if (!p.isAbsolute(result)) {
    result = environment.workspaceFolder ? p.join(environment.workspaceFolder, result) : p.resolve(result);
  }
  result = p.normalize(result);
  // A trailing separator ("/opt/claimc/") would make the name of every file inside it wrong.
  const root = p.parse(result).root;
  while (result.length > root.length && (result.endsWith('/') || result.endsWith(p.sep))) {
    result = result.slice(0, -1);
  }
  return result;
}

/** The files looked for inside a server folder, in order: the apphost first, then the portable dll. */
export function candidatesInFolder(folder: string, platform: NodeJS.Platform): string[] {
  const p = pathApi(platform);
  return [p.join(folder, executableName(platform)), p.join(folder, DLL_NAME)];
}

function server(kind: ServerKind, origin: ServerOrigin, serverPath: string, environment: ResolutionEnvironment): Resolution {
  return { ok: true, server: { kind, origin, path: serverPath, dotnet: findDotnet(environment) } };
}

function fromCandidates(
  candidates: readonly string[],
  origin: ServerOrigin,
  environment: ResolutionEnvironment,
): Resolution | undefined {
  for (const candidate of candidates) {
    if (environment.stat(candidate) === 'file') {
      return server(isDll(candidate) ? 'dll' : 'executable', origin, candidate, environment);
    }
  }
  return undefined;
}

/**
 * Finds the language server.
 *
 * 1. The `claimlang.server.path` setting, when it is not empty: a `.dll` (run with `dotnet`), an
 *    executable, or a folder holding one of them. On Windows `claimc` also finds `claimc.exe`.
 *    A setting that points at nothing is an error; it does not fall back to the bundled server,
 *    so that a typo in the setting does not go unnoticed.
 * 2. The server bundled with the extension: `server/claimc(.exe)`, then `server/claimc.dll`.
 */
export function resolveServer(settingValue: string | undefined, environment: ResolutionEnvironment): Resolution {
  const p = pathApi(environment.platform);
  const setting = settingValue?.trim() ?? '';

  if (setting.length > 0) {
    const configured = expandSettingPath(setting, environment);
    const candidates = [configured];
    if (environment.platform === 'win32' && p.extname(configured) === '') {
      candidates.push(`${configured}.exe`);
    }
    for (const candidate of candidates) {
      const kind = environment.stat(candidate);
      if (kind === 'file') {
        return server(isDll(candidate) ? 'dll' : 'executable', 'setting', candidate, environment);
      }
      if (kind === 'directory') {
        const inFolder = candidatesInFolder(candidate, environment.platform);
        const found = fromCandidates(inFolder, 'setting', environment);
        if (found) {
          return found;
        }
        return notFound(
          `The folder '${candidate}' set in \`${SERVER_PATH_SETTING}\` holds neither ${executableName(environment.platform)} nor ${DLL_NAME}.`,
          inFolder,
        );
      }
    }
    return notFound(
      `The ClaimLang server '${configured}' set in \`${SERVER_PATH_SETTING}\` does not exist. ` +
        'Point the setting at a claimc executable or claimc.dll, or clear it to use the server bundled with the extension.',
      candidates,
    );
  }

  const bundled = candidatesInFolder(p.join(environment.extensionPath, 'server'), environment.platform);
  return (
    fromCandidates(bundled, 'bundled', environment) ??
    notFound(
      'The ClaimLang language server (claimc) was not found: this copy of the extension has no bundled server. ' +
        `Set \`${SERVER_PATH_SETTING}\` to a claimc executable or claimc.dll, or install the extension from a .vsix built with \`npm run package\`.`,
      bundled,
    )
  );
}

function notFound(reason: string, searched: readonly string[]): Resolution {
  return { ok: false, message: `${reason} Looked for: ${searched.join(', ')}.`, searched };
}

/** The command line that runs claimc with `args`: `dotnet claimc.dll …` or `claimc …`. */
export function invocation(resolved: ResolvedServer, args: readonly string[]): Invocation {
  return resolved.kind === 'dll'
    ? { command: resolved.dotnet, args: [resolved.path, ...args] }
    : { command: resolved.path, args: [...args] };
}

/** The language server: `claimc lsp` (stdio transport). */
export function languageServerInvocation(resolved: ResolvedServer): Invocation {
  return invocation(resolved, ['lsp']);
}

/** The syntax tree dump of one file: `claimc syntax <file>`. */
export function syntaxTreeInvocation(resolved: ResolvedServer, file: string): Invocation {
  return invocation(resolved, ['syntax', file]);
}

/** A readable explanation of why starting the server failed, with what to do about it. */
export function describeStartFailure(error: unknown, resolved: ResolvedServer): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' && resolved.kind === 'dll') {
    return (
      `Could not start the ClaimLang server: '${resolved.dotnet}' was not found. ` +
      'The server needs the .NET 10 runtime: install it (https://dotnet.microsoft.com/download) ' +
      'and make sure `dotnet` is on PATH, or set DOTNET_ROOT.'
    );
  }
  if (code === 'ENOENT') {
    return `Could not start the ClaimLang server: '${resolved.path}' was not found.`;
  }
  if (code === 'EACCES') {
    return `Could not start the ClaimLang server: '${resolved.path}' is not executable (check its permissions, or point \`${SERVER_PATH_SETTING}\` at claimc.dll).`;
  }
  return `Could not start the ClaimLang server (${resolved.path}): ${detail}`;
}
