// The workspace the cause e2e tests open: a real git repository with a history behind the raising line. Sam Smith
// writes the checkout, Jane Doe rewrites its raising line ("Price from catalog") three days before release 1.4.2
// (tagged v1.4.2, named shop@1.4.2 by the events and by package.json), and a later commit moves HEAD past the tag.
// .github/CODEOWNERS gives src/ to @shop/checkout and jane@example.com.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const checkoutFile = 'src/checkout.js';
/** The line the events raise on: the one Jane Doe rewrote. */
export const raisingLine = 3;
export const release = 'shop@1.4.2';

const day = 86_400;
const start = Date.UTC(2026, 10, 2) / 1000;

const checkout = (total: string): string =>
  [
    '// Checkout: the order total.',
    'export function orderTotal(lines, catalog) {',
    `  return lines.reduce((sum, line) => sum + ${total} * line.quantity, 0);`,
    '}',
    '',
  ].join('\n');

export interface CauseRepository {
  readonly folder: string;
  /** Full commit ids by name: first, price (the suspect), release (tagged v1.4.2), after. */
  readonly shas: Readonly<Record<'first' | 'price' | 'release' | 'after', string>>;
  remove(): void;
}

export function makeCauseRepository(): CauseRepository {
  const root = mkdtempSync(join(tmpdir(), 'sentry-insight-cause-'));
  const folder = join(root, 'shop');
  mkdirSync(folder);
  const git = (args: string[], author = 'Sam Smith', time = start): string => {
    const date = `${String(time)} +0000`;
    const email = `${author.split(' ')[0]?.toLowerCase() ?? 'dev'}@example.com`;
    return execFileSync(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
      {
        cwd: folder,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: author,
          GIT_AUTHOR_EMAIL: email,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_NAME: author,
          GIT_COMMITTER_EMAIL: email,
          GIT_COMMITTER_DATE: date,
        },
      },
    ).trim();
  };
  const commit = (files: Record<string, string>, message: string, author: string, time: number): string => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    git(['add', '--', ...Object.keys(files)]);
    git(['commit', '-q', '-m', message], author, time);
    return git(['rev-parse', 'HEAD']);
  };
  const packageJson = (version: string): string => `${JSON.stringify({ name: 'shop', version }, null, 2)}\n`;
  git(['init', '-q']);
  const first = commit(
    {
      [checkoutFile]: checkout('line.price'),
      'package.json': packageJson('1.4.1'),
      '.github/CODEOWNERS': '# Who reviews what.\n/src/ @shop/checkout jane@example.com\n',
    },
    'Checkout total',
    'Sam Smith',
    start,
  );
  const price = commit(
    { [checkoutFile]: checkout('catalog[line.sku].price') },
    'Price from catalog\n\nThe line no longer carries its price.',
    'Jane Doe',
    start + 4 * day,
  );
  const releaseSha = commit({ 'package.json': packageJson('1.4.2') }, 'Release 1.4.2', 'Sam Smith', start + 7 * day);
  git(['tag', 'v1.4.2']);
  const after = commit({ 'README.md': '# Shop\n' }, 'Readme', 'Ann Lee', start + 8 * day);
  return {
    folder,
    shas: { first, price, release: releaseSha, after },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
