// The packaged app is also the `amparo` command. The .deb links /usr/bin/amparo to the app binary
// (electron-builder's after-install script) and the AppImage is that binary too; with the RunAsNode fuse
// off, Electron cannot run as plain Node, so the app's own main process notices a command-line start here
// and runs the command line instead of opening a window.
import { COMMANDS } from '../cli/commands';
import { runCli } from '../cli/run';

/** First words that make a start of the app a command (`amparo vault check …`, `amparo --help`). */
const CLI_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...COMMANDS.map((command) => command.name.split(' ')[0]!),
  '--help',
  '-h',
  '--version',
  '-v',
]);

/**
 * The command line's arguments when this start is a command, else null (a desktop start). `defaultApp` is
 * Electron's `process.defaultApp`: true for `electron .`, whose argv has the app folder before the arguments.
 * Chromium switches before the command (`amparo --ozone-platform=headless vault check …`, needed where
 * there is no display) are Chromium's, not the command's.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args.findIndex((arg) => !arg.startsWith('--') || CLI_FIRST_WORDS.has(arg));
  return first >= 0 && CLI_FIRST_WORDS.has(args[first]!) ? args.slice(first) : null;
}

/** Run the command, then quit with its exit status once stdout has drained. No window, no instance lock. */
export function runCliInApp(args: string[], app: { getVersion(): string; exit(code: number): void }): void {
  void runCli(
    args,
    { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    app.getVersion(),
  ).then((code) => process.stdout.write('', () => app.exit(code)));
}
