// The e2e harness's public surface: what a test in test/e2e/tests imports.
export { startSession, withSession, type Session, type SessionOptions } from './session';
export { Workbench, artifactName } from './workbench';
export { readClipboardText, writeClipboardText, type LineDecoration, type TreeRow } from './inPage';
export type { Dialog, Frame, Locator, Page } from './playwright';
export { defaultSettings, type Settings } from './userSettings';
export { extensionVersion, repoRoot } from './paths';
export { waitFor } from './wait';
export { locatorTexts } from './locatorTexts';
