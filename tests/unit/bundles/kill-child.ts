// Run as a child process by kill.test.ts: unlocks a vault and exports or imports a bundle, printing
// "progress" on stdout as bytes move. At the first progress past 4 MiB and short of the end it prints
// "paused" and stops its thread, so the parent's SIGKILL lands halfway however fast the work runs.
// Usage: tsx kill-child.ts export|import <vault dir> <matter id | bundle file> <out file>; stdin: passphrase.
import { writeSync } from 'node:fs';
import { createCore } from '../../../electron/core';

async function main(): Promise<void> {
  const [mode, vaultDir, what, out] = process.argv.slice(2) as [string, string, string, string];
  const passphrase = await new Promise<string>((resolve) => {
    let text = '';
    process.stdin.on('data', (d) => (text += d));
    process.stdin.on('end', () => resolve(text.replace(/\n$/, '')));
  });
  const core = await createCore({
    configDir: null,
    bundleScryptLogN: 10,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  core.onEvent('bundles:progress', (p) => {
    writeSync(1, `progress ${p.bytesDone}\n`);
    if (p.bytesDone > 4 * 1024 * 1024 && p.bytesDone < p.bytesTotal) {
      writeSync(1, `paused ${p.bytesDone} of ${p.bytesTotal}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    }
  });
  const call = async (channel: string, input: unknown) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await call('vault:unlock', { path: vaultDir, passphrase });
  if (mode === 'export')
    await call('bundles:export', { matterIds: [what], out, seal: { passphrase: 'paquete' } });
  else
    await call('bundles:import', {
      file: what,
      key: { passphrase: 'paquete' },
      onConflict: 'theirs',
      confirmSigner: out,
    });
  process.stdout.write('done\n');
  await core.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
