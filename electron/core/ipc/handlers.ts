// Channel → service method. The only code that knows both the contract and the services; it holds no
// rules of its own.
import type { VaultSession } from '../services/vault-session';
import type { MatterService } from '../services/matters';
import type { AppConfig } from '../services/app-config';
import type { Handlers } from './dispatch';

export interface ShellPort {
  /** Native folder picker in Electron; a fixed answer in the test bridge. */
  chooseFolder(input: { purpose: 'create' | 'open' }): Promise<{ path: string | null }>;
}

export function createHandlers(deps: {
  session: VaultSession;
  matters: MatterService;
  config: AppConfig;
  shell: ShellPort;
}): Handlers {
  const { session, matters, config, shell } = deps;
  return {
    'vault:status': () => session.status(),
    'vault:create': (input) => session.create(input),
    'vault:unlock': (input) => session.unlock(input),
    'vault:lock': () => session.lock('user'),
    'vault:changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return {};
    },
    'vault:reencrypt': async (input) => {
      await session.reencrypt(input);
      return {};
    },

    'matters:list': (input) => matters.list(input),
    'matters:get': ({ id }) => matters.get(id),
    'matters:create': (fields) => matters.create(fields),
    'matters:update': (input) => matters.update(input),
    'matters:setArchived': ({ id, archived }) => matters.setArchived(id, archived),

    'settings:get': () => config.settings,
    'settings:update': (patch) => config.updateSettings(patch),

    'session:activity': () => {
      session.touch();
      return {};
    },

    'dialog:chooseFolder': (input) => shell.chooseFolder(input),
  };
}
