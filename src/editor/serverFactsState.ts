// Keeps what the API client learned about servers (backend kind, sentry.io regions) in the editor's global state, so
// that the next window's first requests need not ask again. Holds no token and nothing of any organization's data.
import type * as vscode from 'vscode';
import { RememberedServerFacts } from '../core/api/serverFacts';

const stateKey = 'sentryInsight.serverFacts';

export function serverFactsIn(state: vscode.Memento): RememberedServerFacts {
  return new RememberedServerFacts({
    read: () => state.get<unknown>(stateKey),
    write: (facts) => void state.update(stateKey, facts),
  });
}
