// Guards the one layer rule the compiler cannot hold: @types/vscode resolves from any project, so only this test keeps
// the vscode API out of src/core, src/webview and src/cli. The rest (core without DOM or editor/webview/cli imports,
// the webview without Node, the editor without cli) is held by the per-runtime tsconfigs (tsconfig.base.json).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRepoRoot } from '../support/fakeSentry/repoRoot';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

for (const layer of ['core', 'webview', 'cli']) {
  test(`no file under src/${layer} imports vscode`, () => {
    const files = sourceFiles(join(findRepoRoot(), 'src', layer));
    assert.ok(files.length > 0, `expected TypeScript files under src/${layer}`);
    const importsVscode = /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/;
    const offenders = files.filter((file) => importsVscode.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
}
