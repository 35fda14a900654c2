// Installs the ANTLR tool jar for the reference parser build, once, even when several builds ask at
// the same time.
//
// The jar ships inside the npm package antlr4ng-cli (pinned by package-lock.json in this folder).
// The MSBuild target `ClaimLangEnsureAntlrTool` (tests/ClaimLang.ReferenceParser) runs this script only
// when the jar or the "ready" marker is missing. The script:
//   1. takes a lock (creating a directory is atomic on every platform), waiting if another build holds it
//      and breaking it if its owner has died or it is very old;
//   2. checks again (the build that held the lock may have installed everything meanwhile);
//   3. runs `npm ci`, checks that the jar is there and writes the marker last, so that a half-finished
//      install never looks finished;
//   4. releases the lock.
// It uses only Node's standard library and never touches anything outside this folder.

'use strict';

const fs = require('fs');
const path = require('path');
const childProcess = require('child_process');

const here = __dirname;
const jar = path.join(here, 'node_modules', 'antlr4ng-cli', 'antlr4-4.13.2-SNAPSHOT-complete.jar');
// Inside node_modules on purpose: `npm ci` deletes node_modules first, so the marker cannot outlive the
// install it vouches for.
const marker = path.join(here, 'node_modules', '.claimlang-antlr-ready');
const lockDir = path.join(here, '.install-lock');
const ownerFile = path.join(lockDir, 'owner');

const waitStepMs = 250;
const giveUpAfterMs = 15 * 60 * 1000;
const staleAfterMs = 10 * 60 * 1000;

function isReady() {
  return fs.existsSync(jar) && fs.existsSync(marker);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ownerIsGone() {
  let owner;
  try {
    owner = fs.readFileSync(ownerFile, 'utf8');
  } catch {
    // The owner writes this file right after creating the lock; give it a moment before judging.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 5000;
    } catch {
      return false; // the lock vanished: just try again
    }
  }
  const [pidText, startedText] = owner.split(' ');
  if (Date.now() - Number(startedText) > staleAfterMs) {
    return true;
  }
  try {
    process.kill(Number(pidText), 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

function acquireLock() {
  const deadline = Date.now() + giveUpAfterMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(ownerFile, `${process.pid} ${Date.now()}`);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
    }
    if (ownerIsGone()) {
      console.log(`ensure-antlr-jar: removing the stale lock ${lockDir}`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${lockDir}; if no build is running, delete that folder and build again`);
    }
    if (!announced) {
      console.log('ensure-antlr-jar: another build is installing the ANTLR tool; waiting for it');
      announced = true;
    }
    sleep(waitStepMs);
  }
}

function releaseLock() {
  fs.rmSync(lockDir, { recursive: true, force: true });
}

function install() {
  console.log(`ensure-antlr-jar: running npm ci in ${here}`);
  const result = childProcess.spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: here,
    stdio: 'inherit',
    // npm is a .cmd script on Windows, which only a shell can start.
    shell: process.platform === 'win32',
  });
  if (result.error) {
    throw new Error(`could not start npm: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`npm ci failed with exit code ${result.status}`);
  }
  if (!fs.existsSync(jar)) {
    throw new Error(`npm ci succeeded but ${jar} is missing; is package-lock.json still pinned to antlr4ng-cli 2.0.0?`);
  }
  fs.writeFileSync(marker, 'installed by ensure-antlr-jar.js\n');
}

function main() {
  if (isReady()) {
    return 0;
  }
  acquireLock();
  try {
    if (!isReady()) {
      install();
    }
  } finally {
    releaseLock();
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`ensure-antlr-jar: error: ${error.message}`);
  process.exitCode = 1;
}
