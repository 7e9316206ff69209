// The house style's checkable part (docs/architecture.md "Layers", /CONTRIBUTING.md): type-aware promise rules in src/,
// the import boundaries between layers, text never set as HTML, and settings read through the one reader.
// `npm run lint`; `npm test` runs it first.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*'];

/** no-restricted-imports patterns: `paths` are exact module names, `patterns` gitignore-style globs. */
function restrictedImports(message, { paths = [], patterns = [] }) {
  return [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.length > 0 ? [{ group: patterns, message }] : [],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'dist/**',
      '.tsbuild/**',
      '.e2e/**',
      'test-artifacts/**',
      '**/node_modules/**',
      'examples/**',
      'test/fixtures/**',
    ],
  },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its failure: await it, return it, or hand it to something that reports (void is
      // allowed for a deliberate fire-and-forget whose errors are handled inside).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      // Event text is untrusted: views set it as text (textContent), never as markup.
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Set text with textContent (src/webview/dom.ts builds elements); event text is untrusted.',
        },
        {
          property: 'outerHTML',
          message: 'Set text with textContent (src/webview/dom.ts builds elements); event text is untrusted.',
        },
        { property: 'insertAdjacentHTML', message: 'Build elements with src/webview/dom.ts; event text is untrusted.' },
        {
          property: 'getConfiguration',
          message: 'Read settings through src/editor/settings.ts, the one typed reader.',
        },
      ],
    },
  },
  {
    files: ['src/editor/settings.ts'],
    rules: {
      // The one settings reader: the only file that calls getConfiguration (the other restrictions still hold here).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Set text with textContent; event text is untrusted.' },
        { property: 'outerHTML', message: 'Set text with textContent; event text is untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build elements; event text is untrusted.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        'src/core is plain TypeScript for Node: no vscode, no editor, webview or cli code.',
        {
          paths: ['vscode'],
          patterns: ['**/editor/**', '**/webview/**', '**/cli/**', '**/extension'],
        },
      ),
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        'src/webview runs in the browser: no Node built-ins, no vscode, no editor or cli code.',
        {
          paths: ['vscode', ...nodeBuiltins.filter((name) => name !== 'node:*')],
          patterns: ['node:*', '**/editor/**', '**/cli/**', '**/extension'],
        },
      ),
    },
  },
  {
    files: ['src/editor/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': restrictedImports('The editor drives the core; CLI code stays in src/cli.', {
        patterns: ['**/cli/**'],
      }),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports('The CLI drives the core: no vscode, no editor or webview code.', {
        paths: ['vscode'],
        patterns: ['**/editor/**', '**/webview/**', '**/extension'],
      }),
    },
  },
);
