// The debug adapter of a replay, as plain request-in, messages-out logic: it answers the Debug Adapter Protocol from a
// recorded event (threads, stack, scopes, variables, the exception) and runs nothing. The editor only carries messages.
import type { z } from 'zod';
import type { VariableNode } from '../variables/variableTree';
import {
  dapRequestSchema,
  evaluateArgumentsSchema,
  scopesArgumentsSchema,
  stackTraceArgumentsSchema,
  threadArgumentsSchema,
  variablesArgumentsSchema,
  type DapOutgoing,
  type DapRequest,
  type DapStackFrame,
  type DapVariable,
} from './dapMessages';
import type { Replay, ReplayFrame, ReplayThread } from './replayModel';
import { VariableReferences } from './variableReferences';

/** What the replay says when asked to run: there is no program, only the recorded event. */
export const nothingRunsMessage =
  'This is a replay of a recorded Sentry event: nothing runs, so it cannot step or continue. Stop the replay to leave it.';

interface FrameEntry {
  readonly thread: ReplayThread;
  readonly frame: ReplayFrame;
}

type Answer = { readonly body?: unknown } | { readonly error: string };

const maxEvaluatedLength = 500;

export class ReplayAdapter {
  private seq = 1;
  private readonly references = new VariableReferences();
  private readonly frames = new Map<number, FrameEntry>();
  private readonly frameIds = new Map<ReplayFrame, number>();

  constructor(readonly replay: Replay) {
    let next = 1;
    for (const thread of replay.threads) {
      for (const frame of thread.frames) {
        this.frames.set(next, { thread, frame });
        this.frameIds.set(frame, next++);
      }
    }
  }

  /** The frame a frame id stands for, for the inline values of the frame the editor stopped in. */
  frameOf(frameId: number): ReplayFrame | undefined {
    return this.frames.get(frameId)?.frame;
  }

  /** The messages to send back for one message from the editor: a response, and events after it. */
  handle(message: unknown): DapOutgoing[] {
    const parsed = dapRequestSchema.safeParse(message);
    if (!parsed.success) return [];
    const request = parsed.data;
    const answer = this.answer(request);
    const response: DapOutgoing =
      'error' in answer
        ? {
            seq: this.seq++,
            type: 'response',
            request_seq: request.seq,
            command: request.command,
            success: false,
            message: answer.error,
          }
        : {
            seq: this.seq++,
            type: 'response',
            request_seq: request.seq,
            command: request.command,
            success: true,
            ...(answer.body === undefined ? {} : { body: answer.body }),
          };
    return [response, ...this.eventsAfter(request.command)];
  }

  private eventsAfter(command: string): DapOutgoing[] {
    if (command === 'initialize') return [this.event('initialized')];
    if (command === 'configurationDone') return [this.event('stopped', this.stoppedBody())];
    // Nothing runs, so continuing or terminating ends the replay at once (VS Code waits for this event to stop).
    if (command === 'continue' || command === 'terminate') return [this.event('terminated')];
    return [];
  }

  private event(event: string, body?: unknown): DapOutgoing {
    return { seq: this.seq++, type: 'event', event, ...(body === undefined ? {} : { body }) };
  }

  private stoppedBody(): unknown {
    const thrown = this.replay.threads[0];
    return {
      reason: 'exception',
      description: thrown ? `Paused on ${thrown.exceptionType}` : 'Paused on the recorded event',
      text: thrown ? exceptionText(thrown) : undefined,
      threadId: thrown?.id ?? 1,
      allThreadsStopped: true,
    };
  }

  private answer(request: DapRequest): Answer {
    const args = request.arguments ?? {};
    switch (request.command) {
      case 'initialize':
        return {
          body: {
            supportsConfigurationDoneRequest: true,
            supportsExceptionInfoRequest: true,
            supportsEvaluateForHovers: true,
            supportsTerminateRequest: true,
          },
        };
      case 'launch':
      case 'attach':
      case 'configurationDone':
      case 'disconnect':
      case 'terminate':
      case 'continue':
        return { body: request.command === 'continue' ? { allThreadsContinued: true } : undefined };
      case 'setBreakpoints':
        return { body: { breakpoints: [] } };
      case 'setExceptionBreakpoints':
      case 'setFunctionBreakpoints':
        return { body: {} };
      case 'threads':
        return { body: { threads: this.replay.threads.map((thread) => ({ id: thread.id, name: thread.name })) } };
      case 'stackTrace':
        return this.parsed(stackTraceArgumentsSchema, args, (parsed) => this.stackTrace(parsed));
      case 'scopes':
        return this.parsed(scopesArgumentsSchema, args, (parsed) => this.scopes(parsed.frameId));
      case 'variables':
        return this.parsed(variablesArgumentsSchema, args, (parsed) => this.variables(parsed));
      case 'exceptionInfo':
        return this.parsed(threadArgumentsSchema, args, (parsed) => this.exceptionInfo(parsed.threadId));
      case 'evaluate':
        return this.parsed(evaluateArgumentsSchema, args, (parsed) => this.evaluate(parsed));
      case 'source':
        return { error: "This frame's file is outside the workspace: the replay does not open it." };
      default:
        return { error: nothingRunsMessage };
    }
  }

  private parsed<S extends z.ZodType>(schema: S, args: unknown, then: (parsed: z.infer<S>) => Answer): Answer {
    const parsed = schema.safeParse(args);
    return parsed.success
      ? then(parsed.data)
      : { error: `The request's arguments did not fit: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  }

  private threadOf(threadId: number): ReplayThread | undefined {
    return this.replay.threads.find((thread) => thread.id === threadId);
  }

  private stackTrace(args: z.infer<typeof stackTraceArgumentsSchema>): Answer {
    const thread = this.threadOf(args.threadId);
    if (!thread) return { error: `The replay has no thread ${args.threadId}.` };
    const start = args.startFrame ?? 0;
    const end = args.levels ? start + args.levels : undefined;
    const stackFrames = thread.frames.slice(start, end).map((frame) => this.stackFrame(frame));
    return { body: { stackFrames, totalFrames: thread.frames.length } };
  }

  private stackFrame(frame: ReplayFrame): DapStackFrame {
    const id = this.frameIds.get(frame) ?? 0;
    const location = frame.location;
    if (!location) {
      // Outside the workspace: no source, so the editor never tries to open or read the file; the name says where.
      return { id, name: `${frame.name} (${frame.label})`, line: 0, column: 0, presentationHint: 'subtle' };
    }
    return {
      id,
      name: frame.name,
      source: {
        name: baseName(location.path),
        path: location.path,
        ...(frame.inApp ? {} : { presentationHint: 'deemphasize' as const }),
      },
      line: location.line,
      column: location.column ?? 1,
    };
  }

  private scopes(frameId: number): Answer {
    const entry = this.frames.get(frameId);
    if (!entry) return { error: `The replay has no frame ${frameId}.` };
    const variables = entry.frame.variables;
    if (variables.length === 0) return { body: { scopes: [] } };
    return {
      body: {
        scopes: [
          {
            name: 'Locals',
            presentationHint: 'locals',
            variablesReference: this.references.referenceOf(variables),
            namedVariables: variables.length,
            expensive: false,
          },
        ],
      },
    };
  }

  private variables(args: z.infer<typeof variablesArgumentsSchema>): Answer {
    const children = this.references.childrenOf(args.variablesReference);
    if (!children) return { error: `The replay has no variables under reference ${args.variablesReference}.` };
    const start = args.start ?? 0;
    const end = args.count ? start + args.count : undefined;
    return { body: { variables: children.slice(start, end).map((node) => this.variable(node)) } };
  }

  private variable(node: VariableNode): DapVariable {
    const reference = this.references.referenceOf(node.children);
    return {
      name: node.name,
      value: node.note ? `${node.value}  (${node.note})` : node.value,
      ...(node.kind === 'text' ? {} : { type: node.kind }),
      variablesReference: reference,
      ...(reference === 0
        ? {}
        : node.kind === 'array'
          ? { indexedVariables: node.children.length }
          : { namedVariables: node.children.length }),
      presentationHint: { kind: 'data', attributes: ['readOnly'] },
    };
  }

  private exceptionInfo(threadId: number): Answer {
    const thread = this.threadOf(threadId);
    if (!thread) return { error: `The replay has no thread ${threadId}.` };
    return {
      body: {
        exceptionId: thread.exceptionType,
        description: thread.exceptionValue || undefined,
        breakMode: thread.handled === true ? 'always' : 'unhandled',
        details: { typeName: thread.exceptionType, message: thread.exceptionValue },
      },
    };
  }

  /** Hovers and watches: a recorded variable by name, with `.key` and `[index]` steps into it. Nothing is run. */
  private evaluate(args: z.infer<typeof evaluateArgumentsSchema>): Answer {
    const frame = args.frameId === undefined ? this.replay.threads[0]?.frames[0] : this.frames.get(args.frameId)?.frame;
    const node = frame ? lookUp(frame.variables, args.expression) : undefined;
    if (!node)
      return {
        error: `${args.expression.slice(0, maxEvaluatedLength)} is not among the recorded variables of this frame.`,
      };
    const variable = this.variable(node);
    return {
      body: {
        result: variable.value,
        ...(variable.type ? { type: variable.type } : {}),
        variablesReference: variable.variablesReference,
      },
    };
  }
}

export function exceptionText(thread: ReplayThread): string {
  return thread.exceptionValue ? `${thread.exceptionType}: ${thread.exceptionValue}` : thread.exceptionType;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** `line.item`, `lines[0].sku`, `cart["items"]`: names joined by dots and brackets; anything else finds nothing. */
export function lookUp(variables: readonly VariableNode[], expression: string): VariableNode | undefined {
  const steps = expressionSteps(expression.trim());
  if (!steps) return undefined;
  let level: readonly VariableNode[] = variables;
  let found: VariableNode | undefined;
  for (const step of steps) {
    found = level.find((node) => node.name === step);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

function expressionSteps(expression: string): string[] | undefined {
  if (expression.length === 0 || expression.length > maxEvaluatedLength) return undefined;
  const steps: string[] = [];
  const pattern = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[(["'])(.*?)\3\])/;
  let rest = expression;
  while (rest.length > 0) {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    steps.push(match[1] ?? match[2] ?? match[4] ?? '');
    rest = rest.slice(match[0].length);
  }
  return steps;
}
