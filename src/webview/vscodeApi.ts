// The page's handle on VS Code's webview API, typed to the panel protocol: post messages, keep and read the state.
import type { PageMessage, PageState } from './protocol';
import { parsePageState } from './protocol';

interface WebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

// Provided by VS Code inside every webview; it may be called only once per page.
declare function acquireVsCodeApi(): WebviewApi;

export interface PanelApi {
  post(message: PageMessage): void;
  state(): PageState | undefined;
  keep(state: PageState): void;
}

export function connectToHost(): PanelApi {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    state: () => parsePageState(api.getState()),
    keep: (state) => api.setState(state),
  };
}
