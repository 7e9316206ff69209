// A quick pick that opens at once with a busy indicator while its items load, then lets the user choose; a failed
// load closes it and shows the error's message instead.
import * as vscode from 'vscode';
import type { Result } from '../../core/result';
import { showPickerProblem, type PickerProblem } from './pickerProblems';

export interface LoadedItems<T extends vscode.QuickPickItem> {
  /** Choices, possibly with separators and other non-choice rows between them. */
  readonly items: readonly (T | vscode.QuickPickItem)[];
  /** The item to highlight first (the current choice). */
  readonly active?: T;
}

export interface LoadingPickOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly loadingMessage: string;
  readonly placeholder: string;
  /** Rows shown (and choosable) while the rest loads, e.g. a default that needs no list. */
  readonly whileLoading?: readonly T[];
  /** With exactly one choice there is nothing to ask: it is taken without waiting for the user. */
  readonly takeSingle?: boolean;
  readonly load: (signal: AbortSignal) => Promise<Result<LoadedItems<T>, PickerProblem>>;
  readonly isChoice: (item: vscode.QuickPickItem) => item is T;
}

export async function pickAfterLoading<T extends vscode.QuickPickItem>(
  options: LoadingPickOptions<T>,
): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T | vscode.QuickPickItem>();
  const loading = new AbortController();
  pick.title = options.title;
  pick.placeholder = options.loadingMessage;
  pick.busy = true;
  if (options.whileLoading) pick.items = options.whileLoading;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let finish: (item: T | undefined) => void = () => undefined;
  const chosen = new Promise<T | undefined>((resolve) => {
    finish = resolve;
  });
  pick.onDidAccept(() => {
    const [item] = pick.selectedItems;
    if (item && options.isChoice(item)) finish(item);
    pick.hide();
  });
  pick.onDidHide(() => {
    loading.abort();
    finish(undefined);
  });
  pick.show();
  options.load(loading.signal).then(
    (loaded) => show(loaded),
    (error: unknown) =>
      show({
        ok: false,
        error: { message: `Loading failed: ${error instanceof Error ? error.message : String(error)}` },
      }),
  );

  function show(loaded: Result<LoadedItems<T>, PickerProblem>): void {
    if (loading.signal.aborted) return;
    if (!loaded.ok) {
      pick.hide();
      void showPickerProblem(loaded.error);
      return;
    }
    const choices = loaded.value.items.filter(options.isChoice);
    const [single] = choices;
    if (options.takeSingle && single && choices.length === 1) {
      finish(single);
      pick.hide();
      return;
    }
    pick.items = loaded.value.items;
    pick.placeholder = options.placeholder;
    pick.busy = false;
    if (loaded.value.active) pick.activeItems = [loaded.value.active];
  }

  try {
    return await chosen;
  } finally {
    pick.dispose();
  }
}
