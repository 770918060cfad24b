// The IPC contract: every call from the renderer to the main process is one of these channels.
// A channel names its zod input (validated in the main process) and its output. The preload API,
// the main-process registration and the test bridge are all derived from this one table.
import { z } from 'zod';
import { Empty } from './schemas/common';
import {
  ArchiveMatterInput,
  GetMatterInput,
  ListMattersInput,
  Matter,
  MatterFields,
  MatterPage,
  UpdateMatterInput,
} from './schemas/matter';
import { Settings, UpdateSettingsInput } from './schemas/settings';
import {
  ChangePassphraseInput,
  ChooseFolderInput,
  ChooseFolderResult,
  CreateVaultInput,
  ReencryptVaultInput,
  UnlockVaultInput,
  VaultLockedEvent,
  VaultStatus,
} from './schemas/vault';

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> => ({
  input,
  output,
});

export const contract = {
  'vault:status': channel(Empty, VaultStatus),
  'vault:create': channel(CreateVaultInput, VaultStatus),
  'vault:unlock': channel(UnlockVaultInput, VaultStatus),
  'vault:lock': channel(Empty, VaultStatus),
  'vault:changePassphrase': channel(ChangePassphraseInput, Empty),
  'vault:reencrypt': channel(ReencryptVaultInput, Empty),

  'matters:list': channel(ListMattersInput, MatterPage),
  'matters:get': channel(GetMatterInput, Matter),
  'matters:create': channel(MatterFields, Matter),
  'matters:update': channel(UpdateMatterInput, Matter),
  'matters:setArchived': channel(ArchiveMatterInput, Matter),

  'settings:get': channel(Empty, Settings),
  'settings:update': channel(UpdateSettingsInput, Settings),

  /** The user is active (keys, pointer): postpones auto-lock. */
  'session:activity': channel(Empty, Empty),

  /** Implemented by the shell (a native dialog in Electron), not by the core. */
  'dialog:chooseFolder': channel(ChooseFolderInput, ChooseFolderResult),
} as const;

/** Events pushed from the main process to the renderer. */
export const events = {
  'vault:locked': VaultLockedEvent,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events & string;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The Electron IPC name of an event, kept apart from request channels. */
export const eventChannel = (name: EventName): string => `event:${name}`;
