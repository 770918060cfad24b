// Tests only: every successful answer of the core is checked against its channel's output schema, and every
// event against its payload schema, so a service that drifts from the contract fails a test instead of
// surprising the renderer. Production code never runs this (dispatch trusts the services' types).
import { contract, events, isChannel, type EventName } from '../../shared/contract';
import type { WireResult } from '../../shared/errors';
import type { Dispatch } from '../../electron/core/ipc/dispatch';
import { createCore as createRealCore, type Core, type CoreOptions } from '../../electron/core';

export class ContractDrift extends Error {
  override readonly name = 'ContractDrift';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** Keys the service sent that the schema does not declare (zod strips them silently). */
function undeclaredKeys(sent: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    return sent.flatMap((item, i) => undeclaredKeys(item, parsed[i], `${path}[${i}]`));
  }
  if (!isPlainObject(sent) || !isPlainObject(parsed)) return [];
  return Object.entries(sent).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) return [];
    if (!Object.hasOwn(parsed, key)) return [at];
    return undeclaredKeys(value, parsed[key], at);
  });
}

function schemaProblem(
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown } },
  value: unknown,
): string | null {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = (parsed.error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return issues
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  const extra = undeclaredKeys(value, parsed.data, '');
  return extra.length ? `undeclared field(s) ${extra.join(', ')}` : null;
}

/** Why a successful `result` of `channel` breaks the channel's output schema, or null when it keeps to it. */
export function outputDrift(channel: unknown, result: WireResult<unknown>): string | null {
  if (!result.ok || !isChannel(channel)) return null;
  const problem = schemaProblem(contract[channel].output, result.value);
  return problem && `${channel} answered outside its output schema: ${problem}`;
}

/** Why an event payload breaks its schema, or null. */
export function eventDrift(name: EventName, payload: unknown): string | null {
  const problem = schemaProblem(events[name], payload);
  return problem && `event ${name} carried a payload outside its schema: ${problem}`;
}

/** `dispatch`, but a successful answer outside the contract rejects with ContractDrift. */
export function checkedDispatch(dispatch: Dispatch, onDrift?: (message: string) => void): Dispatch {
  return async (channel, input) => {
    const result = await dispatch(channel, input);
    const drift = outputDrift(channel, result);
    if (drift) {
      onDrift?.(drift);
      throw new ContractDrift(drift);
    }
    return result;
  };
}

/**
 * The real core with contract checks on every answer and event: the core the unit tests use. An event
 * outside its schema cannot reject the emitting call, so it makes the next call (or dispose) reject.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const core = await createRealCore(options);
  const eventDrifts: string[] = [];
  for (const name of Object.keys(events) as EventName[]) {
    core.onEvent(name, (payload) => {
      const drift = eventDrift(name, payload);
      if (drift) eventDrifts.push(drift);
    });
  }
  const raiseEventDrift = () => {
    if (eventDrifts.length) throw new ContractDrift(eventDrifts.splice(0).join('\n'));
  };
  const dispatch = checkedDispatch(core.dispatch);
  return {
    ...core,
    async dispatch(channel, input) {
      const result = await dispatch(channel, input);
      raiseEventDrift();
      return result;
    },
    async dispose() {
      await core.dispose();
      raiseEventDrift();
    },
  };
}

export type { Core, CoreOptions };
