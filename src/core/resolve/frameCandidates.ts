// The workspace paths a frame may name, in the order the resolver tries them, each with how it was derived.
import type { PathMapping, ResolvedVia, SourceFrame } from './frame';
import { modulePaths, type ModulePlatform } from './modulePaths';
import { mappedPaths } from './pathMappings';
import { isThirdPartyFramePath, normalizeFramePath } from './paths';

export interface PathCandidate {
  /** A normalised relative path to look up in the file index. */
  readonly path: string;
  readonly via: ResolvedVia;
}

export interface CandidateRules {
  readonly platform: ModulePlatform | undefined;
  /** Sorted with sortMappings. */
  readonly pathMappings: readonly PathMapping[];
  readonly codeMappings: readonly PathMapping[];
}

/** True for frames the resolver never looks up: dependencies, runtime internals, and frames without a line. */
export function isSkippedFrame(frame: SourceFrame): boolean {
  if (typeof frame.lineNo !== 'number' || !Number.isInteger(frame.lineNo) || frame.lineNo < 1) return true;
  return [frame.filename, frame.absPath].some((path) => typeof path === 'string' && isThirdPartyFramePath(path));
}

/**
 * User rules, then Sentry's code mappings (each applied to the module-derived JVM path, the filename and absPath, as
 * Sentry munges before mapping), then the frame's own paths, then module-derived paths. A JVM filename has no
 * directories (`MainActivity.java`), so there the module path, which has them, goes before it.
 */
export function frameCandidates(frame: SourceFrame, rules: CandidateRules): PathCandidate[] {
  const derived = frame.module && rules.platform ? modulePaths(rules.platform, frame.module, frame.filename) : [];
  const ownPaths = [frame.filename, frame.absPath].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  );
  const mappable = rules.platform === 'jvm' ? [...derived, ...ownPaths] : ownPaths;
  const normalizedOwn = ownPaths.map(normalizeFramePath).filter((path): path is string => path !== undefined);
  const bareJvmFilename = rules.platform === 'jvm' && normalizedOwn.every((path) => !path.includes('/'));
  const candidates: PathCandidate[] = [
    ...mappedPaths(mappable, rules.pathMappings).map((path) => ({ path, via: 'pathMapping' as const })),
    ...mappedPaths(mappable, rules.codeMappings).map((path) => ({ path, via: 'codeMapping' as const })),
    ...(bareJvmFilename ? derived.map((path) => ({ path, via: 'module' as const })) : []),
    ...normalizedOwn.map((path) => ({ path, via: 'path' as const })),
    ...derived.map((path) => ({ path, via: 'module' as const })),
  ];
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.path) && seen.add(candidate.path));
}
