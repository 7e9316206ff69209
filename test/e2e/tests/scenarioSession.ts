// A session over the fake Sentry's default scenario with a file open and marked: the start the scenario e2e files share.
import { defaultScenario, startFakeSentry, type FakeSentry } from '../../support/fakeSentry';
import { startSession, type Session } from '../harness';
import { scenarioWorkspace } from './scenarioWorkspace';

export interface ScenarioSession {
  readonly fake: FakeSentry;
  readonly session: Session;
}

/** Starts the fake Sentry and a session named `testName`, opens `file` and waits for the mark on `markedLine`. */
export async function startScenarioSession(
  testName: string,
  file: string,
  markedLine: number,
): Promise<ScenarioSession> {
  const fake = await startFakeSentry({ data: defaultScenario() });
  try {
    const session = await startSession({
      testName,
      workspace: { files: scenarioWorkspace({ clircUrl: fake.url }) },
      viewport: { width: 1280, height: 800 },
    });
    await session.workbench.openFile(file);
    // The session's first load: a busy machine can take longer than one step's wait.
    await session.workbench.waitForAfterLineDecorations(
      (found) => found.some((mark) => mark.line === markedLine),
      `the mark on line ${markedLine}`,
      60_000,
    );
    return { fake, session };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
