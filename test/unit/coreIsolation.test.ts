// Guards the architecture: nothing under src/core may import the vscode API, so the core runs and is tested in plain Node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const coreDir = join(__dirname, '..', '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

test('no file under src/core imports vscode', () => {
  const files = sourceFiles(coreDir);
  assert.ok(files.length > 0, `expected TypeScript files under ${coreDir}`);
  const importsVscode = /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/;
  const offenders = files.filter((file) => importsVscode.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});
