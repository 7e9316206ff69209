// Sentry's issue levels (fatal, error, warning, info, debug, sample…) folded into the three kinds the editor draws.

export type LevelKind = 'error' | 'warning' | 'info';

export function levelKind(level: string | undefined): LevelKind {
  switch (level?.toLowerCase()) {
    case 'fatal':
    case 'error':
    case undefined:
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'info';
  }
}

const rank: Record<LevelKind, number> = { error: 0, warning: 1, info: 2 };

/** The more severe of two kinds. */
export function strongerLevel(a: LevelKind, b: LevelKind): LevelKind {
  return rank[a] <= rank[b] ? a : b;
}

/** Plain-text symbols for after-line text and CodeLens titles. */
export const levelSymbol: Record<LevelKind, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** Codicons for hovers (`$(error)`). */
export const levelIcon: Record<LevelKind, string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };
