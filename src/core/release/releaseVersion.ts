// Sentry's rules for a release version (sentry.constants BAD_RELEASE_CHARS, MAX_VERSION_LENGTH, Release.is_valid_version), so we never ask about a name Sentry cannot hold.

export const maxReleaseVersionLength = 200;

const forbiddenCharacters = /[\r\n\f\t/\\]/;

/** Expects a trimmed version, as Sentry trims what it is sent. */
export function isValidReleaseVersion(version: string): boolean {
  if (version === '' || version.length > maxReleaseVersionLength) return false;
  if (forbiddenCharacters.test(version)) return false;
  // `latest` is a reserved word in Sentry's release URLs, `.` and `..` would be path segments.
  return version !== '.' && version !== '..' && version.toLowerCase() !== 'latest';
}
