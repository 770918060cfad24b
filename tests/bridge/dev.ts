// `npm run dev:browser`: the app in any local browser through the test bridge, with a throwaway profile.
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge } from './server';

/** `--files DIR`: the folder the file and export dialogs list (see chooser.ts). */
function filesDirArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--files');
  if (at < 0) return undefined;
  const dir = argv[at + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--files needs a folder: --files DIR');
  return resolve(dir);
}

async function main(): Promise<void> {
  const configDir = process.env.AMPARO_DEV_CONFIG ?? (await mkdtemp(join(tmpdir(), 'amparo-dev-')));
  const filesDir = filesDirArgument(process.argv.slice(2));
  if (filesDir && !(await stat(filesDir)).isDirectory()) throw new Error(`${filesDir} is not a folder`);
  const bridge = await startBridge({
    rendererDir: join(__dirname, '../../out/renderer'),
    configDir,
    chooseFolder: () => join(configDir, `vault-${Date.now()}`),
    ...(filesDir ? { filesDir } : {}),
  });
  console.log(
    `Amparo (browser bridge) at ${bridge.url}\nconfig: ${configDir}\n` +
      (filesDir
        ? `files: ${filesDir} (file dialogs open a chooser window; allow pop-ups)\n`
        : 'files: none (file dialogs answer nothing; start with -- --files DIR to choose files)\n') +
      'Ctrl+C to stop.',
  );
  process.on('SIGINT', () => void bridge.close().then(() => process.exit(0)));
}

void main();
