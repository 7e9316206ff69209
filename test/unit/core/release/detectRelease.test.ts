// Proves detectRelease picks the first existing candidate in order, falls back to the latest release or none, and passes API errors on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiError, type ApiError } from '../../../../src/core/api/errors';
import { detectRelease, type ReleaseCandidate, type ReleaseCatalog } from '../../../../src/core/release';
import { err, ok, type Result } from '../../../../src/core/result';

type Answer = Result<boolean, ApiError>;

/** A catalog whose answers are given per version; versions not listed do not exist. */
function catalog(
  answers: Record<string, Answer>,
  latest: Result<string | undefined, ApiError> = ok(undefined),
): ReleaseCatalog & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    hasRelease: async (version) => {
      asked.push(version);
      return answers[version] ?? ok(false);
    },
    latestRelease: async () => latest,
  };
}

/** A catalog whose answers the test releases by hand, to control the order in which they arrive. */
function manualCatalog(): ReleaseCatalog & { asked: string[]; answer(version: string, result: Answer): void } {
  const pending = new Map<string, (result: Answer) => void>();
  const asked: string[] = [];
  return {
    asked,
    hasRelease: (version) =>
      new Promise<Answer>((resolve) => {
        asked.push(version);
        pending.set(version, resolve);
      }),
    latestRelease: async () => ok(undefined),
    answer: (version, result) => pending.get(version)?.(result),
  };
}

const option: ReleaseCandidate = { version: '2.0.0', source: 'option' };
const env: ReleaseCandidate = { version: 'env-1', source: 'env' };
const git: ReleaseCandidate = { version: 'a'.repeat(40), source: 'git' };
const pkg: ReleaseCandidate = { version: 'web@1.0.0', source: 'package.json' };

describe('detectRelease', () => {
  test('picks the first candidate, in order, that exists', async () => {
    const result = await detectRelease([env, git, pkg], catalog({ [git.version]: ok(true), [pkg.version]: ok(true) }));
    assert.ok(result.ok);
    assert.equal(result.value.version, git.version);
    assert.equal(result.value.source, 'git');
    assert.deepEqual(result.value.candidates, [env, git, pkg]);
  });

  test('asks about all candidates at once but decides by order, not by which answer comes first', async () => {
    const fake = manualCatalog();
    const detection = detectRelease([git, pkg], fake);
    await Promise.resolve();
    assert.deepEqual(fake.asked, [git.version, pkg.version]);
    fake.answer(pkg.version, ok(true));
    fake.answer(git.version, ok(true));
    const result = await detection;
    assert.ok(result.ok);
    assert.equal(result.value.source, 'git');
  });

  test('does not wait for later candidates once an earlier one exists', async () => {
    const fake = manualCatalog();
    const detection = detectRelease([git, pkg], fake);
    await Promise.resolve();
    fake.answer(git.version, ok(true));
    const result = await detection;
    assert.ok(result.ok);
    assert.equal(result.value.version, git.version);
  });

  test('warns when a release the user set does not exist, but not about a git SHA that is no release', async () => {
    const result = await detectRelease([option, git, pkg], catalog({ [pkg.version]: ok(true) }));
    assert.ok(result.ok);
    assert.equal(result.value.source, 'package.json');
    assert.equal(result.value.warnings.length, 1);
    assert.match(result.value.warnings[0] ?? '', /2\.0\.0.*release setting.*web@1\.0\.0/);
  });

  test('treats a notFound answer as "not a release"', async () => {
    const result = await detectRelease(
      [option, git],
      catalog({ [option.version]: err(apiError('notFound', 'no such release')), [git.version]: ok(true) }),
    );
    assert.ok(result.ok);
    assert.equal(result.value.source, 'git');
  });

  test('falls back to the latest release with a warning naming what was tried', async () => {
    const result = await detectRelease([git, pkg], catalog({}, ok('web@9.9.9')));
    assert.ok(result.ok);
    assert.equal(result.value.version, 'web@9.9.9');
    assert.equal(result.value.source, 'latest');
    assert.equal(result.value.warnings.length, 1);
    assert.match(result.value.warnings[0] ?? '', /latest release, web@9\.9\.9/);
    assert.ok(result.value.warnings[0]?.includes(git.version));
    assert.ok(result.value.warnings[0]?.includes(pkg.version));
  });

  test('falls back to the latest release when the workspace gives no candidate', async () => {
    const result = await detectRelease([], catalog({}, ok('1.0.0')));
    assert.ok(result.ok);
    assert.deepEqual([result.value.version, result.value.source], ['1.0.0', 'latest']);
  });

  test('returns no release with a warning when the project has no releases', async () => {
    const result = await detectRelease([git], catalog({}, ok(undefined)));
    assert.ok(result.ok);
    assert.equal(result.value.version, undefined);
    assert.equal(result.value.source, 'none');
    assert.match(result.value.warnings[0] ?? '', /no releases/);
  });

  test('returns the error of a candidate before the winner instead of skipping it', async () => {
    const unauthorized = apiError('unauthorized', 'The token was rejected; sign in again.', { status: 401 });
    const result = await detectRelease(
      [env, git],
      catalog({ [env.version]: err(unauthorized), [git.version]: ok(true) }),
    );
    assert.deepEqual(result, err(unauthorized));
  });

  test('ignores an error on a candidate after the winner', async () => {
    const result = await detectRelease(
      [env, git],
      catalog({ [env.version]: ok(true), [git.version]: err(apiError('server', 'Sentry answered 502.')) }),
    );
    assert.ok(result.ok);
    assert.equal(result.value.source, 'env');
  });

  test('returns the error of the latest-release lookup', async () => {
    const failure = apiError('network', 'Could not reach sentry.example.com.');
    assert.deepEqual(await detectRelease([git], catalog({}, err(failure))), err(failure));
  });

  test('rejects when the catalog throws, without leaving unhandled rejections behind', async () => {
    const throwing: ReleaseCatalog = {
      hasRelease: async (version) => {
        throw new Error(`bug for ${version}`);
      },
      latestRelease: async () => ok(undefined),
    };
    await assert.rejects(detectRelease([git, pkg], throwing), /bug for a{40}/);
  });
});
