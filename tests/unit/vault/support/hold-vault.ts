// Another program for the lock tests: opens a vault (passphrase on stdin's first line), says "ready"
// on stdout, then obeys one command per stdin line ("add TITLE" writes a case; "close" closes and
// exits) and answers "ok" or "error CODE". Run with tsx as a separate process.
import { createInterface } from 'node:readline';
import { openVault, type OpenVault } from '../../../../electron/core/vault/vault';
import { MatterService } from '../../../../electron/core/services/matters';
import { vaultContext } from '../../../../electron/core/services/vault-context';
import { precautionaryRequest } from '../../../support/fixtures';

const [dir, mode = 'shared', program = 'the hold-vault test program'] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });
let vault: OpenVault | undefined;

lines.on('line', (line) => {
  void (async () => {
    try {
      if (!vault) {
        vault = await openVault(dir!, line, {
          lock: mode as 'shared' | 'exclusive',
          program,
          kdfCost: { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 },
        });
        console.log('ready');
      } else if (line.startsWith('add ')) {
        new MatterService(() => vaultContext(vault!, () => 'test')).create(
          precautionaryRequest({ title: line.slice(4) }),
        );
        console.log('ok');
      } else if (line === 'close') {
        vault.close();
        console.log('ok');
        process.exit(0);
      }
    } catch (error) {
      console.log(`error ${(error as { code?: string }).code ?? (error as Error).message}`);
    }
  })();
});
