// Benchmark: CPU of path confinement for 5,000 frames spread over 2,000 files in 50 directories. Baseline in the same
// run: the uncached check (realpath and stat of every path, as WorkspaceFileReader did before). Then the cached
// PathConfinement, and whole frames through FrameResolver (index lookup, confinement, cached file text, drift).
// Prints CPU microseconds per frame (medians of alternating runs) and the ratio against the baseline.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { FrameResolver } from '../src/core/resolve/frameResolver';
import { PathConfinement } from '../src/core/resolve/pathConfinement';
import { WorkspaceFileIndex } from '../src/core/resolve/workspaceFileIndex';

const DIRECTORIES = 50;
const FILES_PER_DIRECTORY = 40;
const FRAMES = 5_000;
const ROUNDS = 5;

const root = realpathSync(mkdtempSync(join(tmpdir(), 'bench-confine-')));
const folder = { name: 'ws', path: root };
const relativePaths: string[] = [];
for (let directory = 0; directory < DIRECTORIES; directory++) {
  mkdirSync(join(root, 'src', `feature${directory}`, 'lib'), { recursive: true });
  for (let file = 0; file < FILES_PER_DIRECTORY; file++) {
    const path = `src/feature${directory}/lib/module${file}.ts`;
    writeFileSync(join(root, path), 'export const x = 1;\n'.repeat(30));
    relativePaths.push(path);
  }
}
const frames = Array.from({ length: FRAMES }, (_, index) => relativePaths[(index * 7919) % relativePaths.length] ?? '');

async function uncachedConfine(absolutePath: string): Promise<string | undefined> {
  const real = await realpath(absolutePath).catch(() => undefined);
  if (real === undefined) return undefined;
  const inside = relative(await realpath(root), real);
  if (inside === '' || inside.startsWith(`..${sep}`)) return undefined;
  const info = await stat(real);
  return info.isFile() ? real : undefined;
}

async function cpuMicrosPerFrame(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / FRAMES;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const files = await WorkspaceFileIndex.build([folder]);
  const baseline: number[] = [];
  const cached: number[] = [];
  const resolved: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(await cpuMicrosPerFrame(() => Promise.all(frames.map((path) => uncachedConfine(join(root, path))))));
    const confinement = new PathConfinement([folder], { maxFileBytes: 64_000_000 });
    cached.push(
      await cpuMicrosPerFrame(() => Promise.all(frames.map((path) => confinement.confine(join(root, path))))),
    );
    const resolver = new FrameResolver({ folders: [folder], files });
    resolved.push(
      await cpuMicrosPerFrame(async () => {
        for (const path of frames) await resolver.resolve({ filename: `/app/${path}`, lineNo: 10, inApp: true });
      }),
    );
  }
  const [base, confine, whole] = [median(baseline), median(cached), median(resolved)];
  console.log(
    `frames: ${FRAMES} over ${relativePaths.length} files in ${DIRECTORIES} directories; CPU per frame, median of ${ROUNDS} alternating runs`,
  );
  console.log(`  uncached realpath + stat (baseline): ${base.toFixed(1)} µs`);
  console.log(
    `  PathConfinement (cached per directory): ${confine.toFixed(1)} µs  (${(base / confine).toFixed(1)}× less CPU)`,
  );
  console.log(`  whole frame through FrameResolver: ${whole.toFixed(1)} µs`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
