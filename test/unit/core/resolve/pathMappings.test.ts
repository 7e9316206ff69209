// Stack-root to source-root rules, applied with Sentry's code-mapping semantics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mappedPaths, sortMappings } from '../../../../src/core/resolve/pathMappings';

describe('mappedPaths', () => {
  test('replaces the stack root of the filename with the source root', () => {
    const rules = sortMappings([{ stackRoot: 'errors/', sourceRoot: 'backend/errors/' }]);
    assert.deepEqual(mappedPaths(['errors/views.py', '/code/errors/views.py'], rules), ['backend/errors/views.py']);
  });

  test('uses absPath when the filename does not start with the stack root', () => {
    const rules = sortMappings([{ stackRoot: '/code/', sourceRoot: 'services/api/' }]);
    assert.deepEqual(mappedPaths(['errors/views.py', '/code/errors/views.py'], rules), [
      'services/api/errors/views.py',
    ]);
  });

  test('tries longer stack roots first, whatever order the rules were given in', () => {
    const rules = sortMappings([
      { stackRoot: 'webpack://small-js-error-factory/', sourceRoot: 'generic/' },
      { stackRoot: 'webpack://small-js-error-factory/./src/', sourceRoot: 'packages/web/src/' },
    ]);
    assert.deepEqual(mappedPaths(['webpack://small-js-error-factory/./src/index.ts'], rules), [
      'packages/web/src/index.ts',
      'generic/src/index.ts',
    ]);
  });

  test('matches Windows frames with a rule written with forward slashes', () => {
    const rules = sortMappings([{ stackRoot: 'C:/build/App/', sourceRoot: 'src/App/' }]);
    assert.deepEqual(mappedPaths(['C:\\build\\App\\Program.cs'], rules), ['src/App/Program.cs']);
  });

  test('an empty stack root applies to every path, after the specific rules', () => {
    const rules = sortMappings([
      { stackRoot: '', sourceRoot: 'fallback/' },
      { stackRoot: '/code/', sourceRoot: 'api/' },
    ]);
    assert.deepEqual(mappedPaths(['/code/x.py'], rules), ['api/x.py', 'fallback/code/x.py']);
  });

  test('a mapped path cannot climb out with `..`', () => {
    const rules = sortMappings([{ stackRoot: '/code/', sourceRoot: '../../' }]);
    assert.deepEqual(mappedPaths(['/code/../../etc/passwd'], rules), ['etc/passwd']);
  });

  test('does not apply a rule whose stack root the paths do not start with', () => {
    assert.deepEqual(mappedPaths(['/srv/x.py'], sortMappings([{ stackRoot: '/code/', sourceRoot: 'api/' }])), []);
  });
});
