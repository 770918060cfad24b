// `amparo person add | filing draft | check | generate` over a real vault: the identity only on stdin (and
// then in the vault, not in the output), a draft pre-filled from the case, the completeness panel, and a
// generation refused with the leak guard's hits listed by place and kind (exit 9), never by value.
import { join } from 'node:path';
import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createCore } from '../../../electron/core';
import { runAmparo } from '../../support/cli';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const CASE = 'MC-77-24';
const amparo = (args: string[], stdin = '') =>
  runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${stdin}`);

/** `amparo person add` to the case; an identity given is sent on stdin (`--identity-stdin`). */
const addPerson = (dir: string, pseudonym: string, identity?: string, role = 'beneficiary') =>
  amparo(
    [
      ...['person', 'add', dir, '--case', CASE, '--role', role, '--pseudonym', pseudonym],
      ...(identity === undefined ? [] : ['--identity-stdin']),
    ],
    identity,
  );

/** `amparo filing <command>` on the case. */
const filing = (command: string, dir: string, ...args: string[]) =>
  amparo(['filing', command, dir, '--case', CASE, ...args]);

/** What the app would do: the vault unlocked in a core of its own, for the time of `work`. */
async function inApp(dir: string, work: (core: Awaited<ReturnType<typeof createCore>>) => Promise<void>) {
  const core = await createCore({
    configDir: null,
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  try {
    expect((await core.dispatch('vault:unlock', { path: dir, passphrase: PASS })).ok).toBe(true);
    await work(core);
  } finally {
    await core.dispose();
  }
}

async function vaultWithCase() {
  const work = await tempDir();
  const dir = join(work, 'boveda');
  expect((await amparo(['vault', 'create', dir])).code).toBe(EXIT.ok);
  const created = await amparo(
    ['case', 'add', dir, '--from-json', '-'],
    JSON.stringify({
      title: 'Defensora en Oaxaca',
      type: 'precautionary_request',
      reference: CASE,
    }),
  );
  expect(created.code).toBe(EXIT.ok);
  return { work, dir };
}

describe('amparo person add', () => {
  it('takes the identity from stdin only, and refuses bad JSON without repeating it', async () => {
    const { dir } = await vaultWithCase();
    const identity = { legalName: 'Ana María López Quintero', phones: ['951 123 4567'] };
    const added = await addPerson(dir, 'A.L.Q.', JSON.stringify(identity));
    expect(added.stderr).toBe('');
    expect(added.code).toBe(EXIT.ok);
    const personId = added.stdout.trim();
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.stdout + added.stderr).not.toContain('López');

    // In the vault: a reveal through the same core shows the identity as given.
    await inApp(dir, async (core) => {
      const shown = (await core.dispatch('people:reveal', { personId, reason: 'Comprobar el alta' })) as {
        value: { identity: { legalName: string; phones: string[] } };
      };
      expect(shown.value.identity).toMatchObject(identity);
    });

    const bad = await addPerson(dir, 'B.', '{"legalName": "Beatriz Secreta",');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).not.toContain('Beatriz');
    const unknown = await addPerson(dir, 'B.', '{"nombre": "Beatriz Secreta"}');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('nombre');
    expect(unknown.stderr).not.toContain('Beatriz');
    const role = await addPerson(dir, 'B.', undefined, 'jefa');
    expect(role.code).toBe(EXIT.usage);
  });
});

describe('amparo filing', () => {
  it('drafts, checks, and refuses to generate while a protected value is in the text', async () => {
    const { work, dir } = await vaultWithCase();
    const person = await addPerson(
      dir,
      'A.L.Q.',
      JSON.stringify({ legalName: 'Ana María López Quintero', idNumbers: ['LOQA-850312-MOC'] }),
    );
    expect(person.code).toBe(EXIT.ok);

    const draft = await filing('draft', dir, '--kind', 'precautionary_request');
    expect(draft.code).toBe(EXIT.ok);
    const draftId = draft.stdout.trim();

    const check = await filing('check', dir, '--draft', draftId);
    expect(check.code).toBe(EXIT.checkFailed);
    const lines = check.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines[0]).toEqual([
      'met',
      'Personas propuestas como beneficiarias',
      'Arts. 25.4.a y 25.6.b Reglamento CIDH',
      'answers.beneficiaryIds',
      '',
    ]);
    expect(lines.find((l) => l[3] === 'answers.seriousness')?.[0]).toBe('missing');
    const json = await filing('check', dir, '--draft', draftId, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'precautionary_request', met: 1 });

    // The lawyer typed the legal name and the ID number into the draft (in the app).
    await inApp(dir, async (core) => {
      const got = (await core.dispatch('filings:get', { id: draftId })) as {
        value: { revision: number; answers: object };
      };
      const r = await core.dispatch('filings:update', {
        id: draftId,
        revision: got.value.revision,
        fields: {
          answers: { ...got.value.answers, urgency: 'Ana López recibió amenazas; CURP LOQA850312MOC.' },
        },
      });
      expect(r.ok).toBe(true);
    });

    const out = join(work, 'solicitud.pdf');
    const refused = await filing(
      'generate',
      dir,
      ...['--draft', draftId, '--profile', 'commission', '--format', 'pdf', '--out', out],
    );
    expect(refused.code).toBe(EXIT.leakGuard);
    expect(refused.code).toBe(9);
    expect(refused.stderr).toContain('LEAK_GUARD: 2 protected value(s) found; nothing was written');
    expect(refused.stderr).toMatch(/answers\.urgency {2}A\.L\.Q\.: part of the legal name/);
    expect(refused.stderr).toMatch(/answers\.urgency {2}A\.L\.Q\.: ID number/);
    expect(refused.stderr + refused.stdout).not.toMatch(/López|LOQA|850312/);
    await expect(access(out)).rejects.toThrow();

    const other = await filing('check', dir, '--draft', '00000000-0000-4000-8000-000000000000');
    expect(other.code).toBe(EXIT.notFound);
    const kind = await filing('draft', dir, '--kind', 'amparo');
    expect(kind.code).toBe(EXIT.usage);
  });
});
