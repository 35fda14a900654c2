// Runs `claimc syntax <file>` and turns its output into the text of the read-only syntax tree view.
// No `vscode` import: unit-tested under plain node.

import { execFile } from 'node:child_process';
import type { Invocation } from './serverResolution';

export interface ProcessResult {
  /** Exit code, or undefined when the process could not be started or was killed. */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the process could not be started (e.g. ENOENT) or timed out. */
  readonly error?: { readonly code?: string; readonly message: string };
}

export interface RunOptions {
  readonly cwd?: string;
  /** Milliseconds before the process is killed; 0 = no limit. */
  readonly timeoutMs?: number;
}

const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs a program without a shell and collects its output. Never rejects. */
export function runProcess(inv: Invocation, options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      inv.command,
      inv.args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ exitCode: 0, stdout, stderr });
          return;
        }
        if (typeof error.code === 'number') {
          resolve({ exitCode: error.code, stdout, stderr });
          return;
        }
        const code = typeof error.code === 'string' ? error.code : error.killed ? 'ETIMEDOUT' : undefined;
        resolve({ exitCode: undefined, stdout, stderr, error: { code, message: error.message } });
      },
    );
  });
}

/**
 * The text shown in the syntax tree view. On success it is claimc's output as is; otherwise a short
 * explanation followed by whatever claimc printed, so that a failure is visible in the view itself.
 */
export function renderSyntaxTree(file: string, result: ProcessResult): { text: string; ok: boolean } {
  if (result.exitCode === 0) {
    return { text: result.stdout, ok: true };
  }
  const lines: string[] = [];
  if (result.error) {
    const reason = result.error.code === 'ENOENT' ? 'the program was not found' : result.error.message;
    lines.push(`claimc syntax could not run for ${file}: ${reason}`);
  } else {
    lines.push(`claimc syntax ${file} failed with exit code ${result.exitCode ?? 'unknown'}.`);
  }
  if (result.stderr.trim().length > 0) {
    lines.push('', result.stderr.trimEnd());
  }
  if (result.stdout.trim().length > 0) {
    lines.push('', result.stdout.trimEnd());
  }
  return { text: lines.join('\n') + '\n', ok: false };
}
