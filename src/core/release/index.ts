// The release detection API the editor and the CLI use: list a workspace's candidate releases, then pick the one the project has.
export {
  releaseCandidates,
  releaseEnvVar,
  type ReleaseCandidate,
  type ReleaseCandidatesInput,
  type ReleaseSource,
} from './releaseCandidates';
export { detectRelease, describeReleaseSource, type DetectedRelease, type ReleaseCatalog } from './detectRelease';
export { isValidReleaseVersion, maxReleaseVersionLength } from './releaseVersion';
export { readGitHead } from './gitHead';
