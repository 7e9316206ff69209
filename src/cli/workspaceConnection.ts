// What `mcp` and `event` share: the options checked, the connection made (warnings on stderr), and an
// AssistantWorkspace over the checkout, whose git blame runs there as `git` in a terminal would (the user's own
// checkout). A failure is told on stderr and comes back as the exit code.
import type { SentryClient } from '../core/api/client';
import { AssistantWorkspace } from '../core/assistant/assistantWorkspace';
import { FolderCauses } from '../core/cause/folderCauses';
import { err, ok, type Result } from '../core/result';
import { connectForCommand } from './workspaceScan';
import type { ScanOptions } from './workspaceScan';
import type { ParsedArgs } from './args';
import { loadOptions, reportBadInput, reportFailure, type CommandIo } from './commandOptions';

export interface WorkspaceConnection {
  readonly workspace: AssistantWorkspace;
  readonly client: SentryClient;
  readonly org: string;
  readonly project: string;
  readonly options: ScanOptions;
  /** The checkout's suspect commits and code owners, shared with the assistant's context. */
  readonly causes: FolderCauses;
}

export async function connectWorkspace(args: ParsedArgs, io: CommandIo): Promise<Result<WorkspaceConnection, number>> {
  // stdout may carry a protocol (mcp): progress goes to the log (stderr, with --verbose).
  const options = await loadOptions(args, io, (message) => io.log.info(message));
  if (!options.ok) return err(reportBadInput(io, options.error));
  const connected = await connectForCommand(options.value);
  if (!connected.ok) return err(reportFailure(io, connected.error));
  const { client, org, project, warnings } = connected.value;
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  const { workspaceDir, release, environments, statsPeriod, env, log } = options.value;
  const causes = new FolderCauses(workspaceDir);
  const workspace = new AssistantWorkspace({
    client,
    org,
    project,
    folder: { name: workspaceDir.split(/[\\/]/).pop() || 'workspace', path: workspaceDir },
    release,
    // A release typed on the command line must exist, as for `scan`.
    releaseMustExist: ['option'],
    environments,
    statsPeriod,
    env,
    log,
    suspects: causes.suspects,
    codeOwners: causes.codeOwners,
  });
  return ok({ workspace, client, org, project, options: options.value, causes });
}
