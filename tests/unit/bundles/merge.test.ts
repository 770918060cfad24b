/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// Two laptops keep a case in step through bundles: a record changed on one side only is taken; changed on
// both, it is a conflict the user resolves (keep mine / take theirs / keep both), each choice audited;
// an incremental bundle carries only what changed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PASS, richCase, side, type Side } from './helpers';

async function note(s: Side, matterId: string, title: string): Promise<any> {
  const list = await s.ok('notes:list', { matterId });
  return list.items.find((n: any) => n.title === title);
}

async function edit(s: Side, n: any, title: string): Promise<void> {
  await s.ok('notes:update', {
    id: n.id,
    revision: n.revision,
    fields: { title, body: n.body, classification: n.classification, tags: n.tags },
  });
}

async function send(
  from: Side,
  to: Side,
  matterId: string,
  name: string,
  extra: Record<string, unknown> = {},
) {
  const out = join(from.dir, `${name}.amparo`);
  const exported = await from.ok('bundles:export', {
    matterIds: [matterId],
    out,
    seal: { passphrase: BUNDLE_PASS },
    ...extra,
  });
  const summary = await to.ok('bundles:verify', { file: out, key: { passphrase: BUNDLE_PASS } });
  const input = { file: out, key: { passphrase: BUNDLE_PASS }, confirmSigner: summary.signerFingerprint };
  return { out, exported, input, result: await to.ok('bundles:import', input) };
}

describe('merging bundles', () => {
  it('takes one-sided changes, asks about two-sided ones and records each choice', async () => {
    const a = await side('a');
    const b = await side('b');
    const rich = await richCase(a, [3]);
    const m = rich.matterId;
    await a.ok('notes:create', {
      matterId: m,
      title: 'Segunda',
      body: 'x',
      classification: 'restricted',
      tags: [],
    });
    await a.ok('notes:create', {
      matterId: m,
      title: 'Tercera',
      body: 'y',
      classification: 'restricted',
      tags: [],
    });
    const first = await send(a, b, m, 'uno');
    expect(first.result.status).toBe('imported');

    // One side: b renames a note; a takes it.
    await edit(b, await note(b, m, 'Estrategia'), 'Estrategia (revisada en B)');
    const back = await send(b, a, m, 'dos');
    expect(back.result).toMatchObject({ status: 'imported', updated: 1 });
    expect(await note(a, m, 'Estrategia (revisada en B)')).toBeTruthy();

    // Both sides: three notes changed on each laptop.
    for (const [title, mine, theirs] of [
      ['Estrategia (revisada en B)', 'Estrategia A', 'Estrategia B'],
      ['Segunda', 'Segunda A', 'Segunda B'],
      ['Tercera', 'Tercera A', 'Tercera B'],
    ] as const) {
      await edit(a, await note(a, m, title), mine);
      await edit(b, await note(b, m, title), theirs);
    }
    const out = join(b.dir, 'tres.amparo');
    const incremental = await b.ok('bundles:export', {
      matterIds: [m],
      out,
      seal: { passphrase: BUNDLE_PASS },
      since: back.exported.bundleId,
    });
    // Only what changed after the last bundle: the three notes (and their audit entries).
    expect(incremental.records).toBeLessThan(first.exported.records);
    const input = { file: out, key: { passphrase: BUNDLE_PASS } };
    const asked = await a.ok('bundles:import', input);
    expect(asked.status).toBe('conflicts');
    expect(asked.conflicts).toHaveLength(3);
    expect(await note(a, m, 'Estrategia A')).toBeTruthy(); // nothing written yet
    const byTitle = (t: string) =>
      asked.conflicts.find((c: any) => c.fields.some((f: any) => f.name === 'title' && f.mine === t));
    expect(byTitle('Segunda A').fields.find((f: any) => f.name === 'title')).toEqual({
      name: 'title',
      mine: 'Segunda A',
      theirs: 'Segunda B',
    });
    const resolved = await a.ok('bundles:resolve', {
      ...input,
      resolutions: {
        [byTitle('Estrategia A').id]: 'mine',
        [byTitle('Segunda A').id]: 'theirs',
        [byTitle('Tercera A').id]: 'both',
      },
    });
    expect(resolved.status).toBe('imported');
    const titles = (await a.ok('notes:list', { matterId: m })).items.map((n: any) => n.title).sort();
    expect(titles).toEqual(['Estrategia A', 'Segunda B', 'Tercera A', 'Tercera B']);
    const choices = await a.ok('audit:list', { action: 'bundle.choice' });
    expect(choices.items.map((e: any) => e.details.choice).sort()).toEqual(['both', 'mine', 'theirs']);

    // The same bundle again changes nothing and asks nothing.
    const again = await a.ok('bundles:import', input);
    expect(again).toMatchObject({ status: 'imported', added: 0, updated: 0, conflicts: [] });
  });
});
