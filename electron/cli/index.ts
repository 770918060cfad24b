// Entry point of the `amparo` command (bin/amparo.cjs loads the built copy of this file).
import { runCli } from './run';

declare const __AMPARO_VERSION__: string | undefined;

const version =
  typeof __AMPARO_VERSION__ === 'string' ? __AMPARO_VERSION__ : (process.env.npm_package_version ?? 'dev');

runCli(
  process.argv.slice(2),
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  version,
).then((code) => {
  process.exitCode = code;
});
