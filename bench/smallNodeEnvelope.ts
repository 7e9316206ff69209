// The small Node error envelope the ingest benches send: three frames (a Node internal, two workspace scripts), one of
// 20 routes raising, so 20 issues (or as many routes as a bench asks for).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes the scripts the envelopes' frames name into `workspace`. */
export function writeSmallNodeWorkspace(workspace: string, routes = 20): void {
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };
  write('src/server.js', 'function handle(request) {\n  const route = pick(request);\n  return route(request);\n}\n');
  for (let route = 0; route < routes; route++)
    write(
      `src/route${route}.js`,
      `function route${route}(request) {\n  throw new TypeError('failure ' + request.id);\n}\n`,
    );
}

export function smallNodeEnvelope(workspace: string, index: number, routes = 20): string {
  const route = index % routes;
  const eventId = index.toString(16).padStart(32, '0');
  const frames = [
    {
      filename: 'node:internal/process/task_queues',
      function: 'processTicksAndRejections',
      lineno: 95,
      colno: 5,
      in_app: false,
    },
    { filename: join(workspace, 'src/server.js'), function: 'handle', lineno: 3, colno: 10, in_app: true },
    {
      filename: join(workspace, `src/route${route}.js`),
      function: `route${route}`,
      lineno: 2,
      colno: 9,
      in_app: true,
    },
  ];
  const event = {
    event_id: eventId,
    platform: 'node',
    release: 'bench@1.0.0',
    environment: 'bench',
    user: { id: `u${index % 50}` },
    exception: {
      values: [
        {
          type: 'TypeError',
          value: `failure ${index}`,
          stacktrace: { frames },
          mechanism: { type: 'generic', handled: true },
        },
      ],
    },
    contexts: { runtime: { name: 'node', version: 'v20' } },
  };
  return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
}
