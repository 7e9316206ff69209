// Keeps the alert memory (last alert per issue and reason, muted issues) in the workspace's state, so a reload does not
// alert again about what was already told; read back through zod, so corrupt state starts afresh instead of failing.
import type * as vscode from 'vscode';
import {
  emptyAlertMemory,
  parseAlertMemory,
  withMuted,
  withoutMutes,
  type AlertMemory,
} from '../../core/alerts/alertMemory';

const stateKey = 'sentryInsight.alerts.memory';

export class AlertMemoryState {
  constructor(private readonly state: vscode.Memento) {}

  read(): AlertMemory {
    return parseAlertMemory(this.state.get<unknown>(stateKey) ?? emptyAlertMemory);
  }

  write(memory: AlertMemory): Thenable<void> {
    return this.state.update(stateKey, memory);
  }

  mute(keys: readonly string[]): Thenable<void> {
    return this.write(withMuted(this.read(), keys));
  }

  unmuteAll(): Thenable<void> {
    return this.write(withoutMutes(this.read()));
  }

  mutedCount(): number {
    return this.read().muted.length;
  }
}
