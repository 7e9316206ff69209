// The configuration API the editor and the CLI use: resolve where to connect and with which token.
export { resolveConnection, type ConnectionInput, type ResolvedConnection } from './connection';
export {
  defaultSentryUrl,
  isWorkspaceFileSource,
  type ConnectionSettings,
  type SettingSource,
} from './connectionSettings';
export { normalizeSentryUrl } from './sentryUrl';
export { readOrgAuthToken, orgAuthTokenPrefix } from './orgAuthToken';
