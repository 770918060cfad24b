// `npm run dev:browser`: the app in any local browser through the test bridge, with a throwaway profile.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from './server';

async function main(): Promise<void> {
  const configDir = process.env.AMPARO_DEV_CONFIG ?? (await mkdtemp(join(tmpdir(), 'amparo-dev-')));
  const bridge = await startBridge({
    rendererDir: join(__dirname, '../../out/renderer'),
    configDir,
    chooseFolder: () => join(configDir, `vault-${Date.now()}`),
  });
  console.log(`Amparo (browser bridge) at ${bridge.url}\nconfig: ${configDir}\nCtrl+C to stop.`);
  process.on('SIGINT', () => void bridge.close().then(() => process.exit(0)));
}

void main();
