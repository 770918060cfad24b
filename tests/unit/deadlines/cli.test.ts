// `amparo deadline rules | compute`, the calculator that needs no vault: as a real child process through
// bin/amparo.cjs (the way a user runs it), and in-process for the error paths.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import court from '../../../resources/deadline-rules/iacthr-court.json';
import { execAmparo, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

describe('amparo deadline (no vault)', () => {
  it('lists the presets as JSON, with their verify flags', async () => {
    const run = await execAmparo(['deadline', 'rules', '--json']);
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    const rules = JSON.parse(run.stdout) as { id: string; verify: boolean; source: { es: string } }[];
    expect(rules.find((r) => r.id === 'iacthr-court')).toMatchObject({
      verify: false,
      source: { es: expect.stringContaining('Acuerdo de 21 de agosto de 2014') },
    });
    expect(rules.find((r) => r.id === 'iachr-note')?.verify).toBe(true);
  });

  it('computes a Court limit in Spanish with the due moment in Tijuana', async () => {
    const run = await execAmparo([
      'deadline',
      'compute',
      '--rule',
      'iacthr-court',
      '--from',
      '2026-03-05',
      '--days',
      '9',
      '--lang',
      'es',
      '--user-zone',
      'America/Tijuana',
    ]);
    expect(run.code).toBe(EXIT.ok);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Vence: lunes 16 de marzo de 2026 a las 24:00 (America/Costa_Rica)');
    // 24:00 in San José (UTC−6) is 23:00 in Tijuana, on daylight time (UTC−7) since 8 March.
    expect(lines[1]).toBe('En su zona: lunes 16 de marzo de 2026 a las 23:00 (America/Tijuana)');
    expect(lines[2]).toBe('Base del cómputo:');
    expect(run.stdout).toContain(
      'Cae el sábado 14 de marzo de 2026, día inhábil: se traslada al lunes 16 de marzo de 2026, el siguiente día hábil.',
    );
  });

  it('prints JSON with the stored fields and the basis text', async () => {
    const run = await runAmparo([
      'deadline',
      'compute',
      '--rule',
      'mx-federal-working-days',
      '--from',
      '2026-03-31',
      '--working-days',
      '3',
      '--closed',
      '2026-04-02,2026-04-03',
      '--user-zone',
      'America/Mexico_City',
      '--json',
    ]);
    expect(run.code).toBe(EXIT.ok);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      ruleId: 'mx-federal-working-days',
      ruleVersion: 1,
      due: { date: '2026-04-07', endTime: '24:00', zone: 'America/Mexico_City' },
    });
    expect(result.inUserZone).toBeUndefined();
    expect(result.basisText).toContain(
      'Thursday 2 April 2026: closed (extra closure (given with --closed)), not a working day.',
    );
  });

  it('applies a recess given on the command line', async () => {
    const run = await runAmparo([
      'deadline',
      'compute',
      '--rule',
      'iacthr-court',
      '--from',
      '2026-12-04',
      '--days',
      '15',
      '--recess',
      '2026-12-19..2027-01-10',
      '--user-zone',
      'America/Costa_Rica',
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout.split('\n')[0]).toBe('Due: Monday 11 January 2027 at 24:00 (America/Costa_Rica)');
  });

  it('refuses an impossible date and a negative period, with both reasons, in the chosen language', async () => {
    const run = await runAmparo([
      'deadline',
      'compute',
      '--rule',
      'iacthr-court',
      '--from',
      '2026-02-30',
      '--days=-3',
      '--lang',
      'es',
    ]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('amparo: VALIDATION_FAILED');
    expect(run.stderr).toContain('trigger.date: Enter a real date (YYYY-MM-DD).');
    expect(run.stderr).toContain('period.amount: El plazo debe ser de al menos 1.');
  });

  it.each([
    [['--days', 'ten'], 'period.amount: Enter the period as a whole number.'],
    [['--days', '99999'], 'period.amount: This period is too long'],
    [['--days', '5', '--months', '1'], 'Give only one of --days, --working-days, --months, --until'],
    [['--days', '5', 'extra'], 'Unexpected arguments: extra'],
    [['--days', '5', '--time', '25:00'], 'trigger.time: Enter the time as HH:MM'],
  ])('refuses %j', async (args, message) => {
    const run = await runAmparo([
      'deadline',
      'compute',
      '--rule',
      'iacthr-court',
      '--from',
      '2026-03-02',
      ...args,
    ]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(message);
  });

  it('computes with an edited rule file, and refuses one edited into nonsense', async () => {
    const dir = await tempDir();
    const good = join(dir, 'court-2026.json');
    await writeFile(
      good,
      JSON.stringify({
        ...court,
        version: 2,
        recess: { handling: 'extend-after', periods: [{ from: '2026-12-19', to: '2027-01-10' }] },
      }),
    );
    const used = await runAmparo([
      'deadline',
      'compute',
      '--rule-file',
      good,
      '--from',
      '2026-12-04',
      '--days',
      '15',
      '--json',
    ]);
    expect(used.code).toBe(EXIT.ok);
    expect(JSON.parse(used.stdout)).toMatchObject({ ruleVersion: 2, due: { date: '2027-01-11' } });

    const bad = join(dir, 'nonsense.json');
    await writeFile(bad, JSON.stringify({ ...court, zone: 'Mars/Olympus_Mons', endTime: '25:00' }));
    const refused = await runAmparo([
      'deadline',
      'compute',
      '--rule-file',
      bad,
      '--from',
      '2026-03-02',
      '--days',
      '5',
    ]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('The counting rule "iacthr-court" is not valid');
    expect(refused.stderr).toContain('zone: Enter a time zone such as America/Costa_Rica.');
    expect(refused.stderr).toContain('endTime: Enter the end time as HH:MM (00:00 to 23:59) or 24:00.');
  });

  it('refuses an unknown rule, naming the known ones', async () => {
    const run = await runAmparo([
      'deadline',
      'compute',
      '--rule',
      'corte',
      '--from',
      '2026-03-02',
      '--days',
      '5',
    ]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('Known rules: iacthr-court');
  });
});
