#!/usr/bin/env bash
# CI for the VS Code extension: clean install from package-lock.json, build, tests.
# Needs only Node 20+ and npm (no VS Code, no .NET). Called from .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== editors/vscode: npm ci"
npm ci --no-audit --no-fund

echo "== editors/vscode: npm run build"
npm run build

echo "== editors/vscode: npm test"
# Unit tests and the grammar tests (test/grammar/*.claim), all under node's test runner.
npm test
