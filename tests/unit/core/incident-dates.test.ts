// Approximate dates of facts, through the same dispatch the renderer uses, against a real vault file:
// precision and qualifier are kept, the unknown part of the date is dropped, and the order is sensible.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

type Ok<T> = { ok: true; value: T };
type Fact = {
  id: string;
  title: string;
  occurredOn: string;
  occurredPrecision: string;
  occurredQualifier: string;
};

async function setup() {
  const core = await createCore({
    configDir: await tempDir(),
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
    logError: (where, error) => console.error(where, error),
  });
  const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input);
  await call('vault:create', {
    path: join(await tempDir(), 'boveda'),
    passphrase: 'frase larga y segura 2023',
  });
  const matter = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
  const fact = async (title: string, occurredOn: string, extra: Record<string, string> = {}) =>
    (
      (await call('incidents:create', {
        matterId: matter.value.id,
        occurredOn,
        kind: 'threat',
        title,
        description: '',
        place: '',
        source: '',
        classification: 'restricted',
        personIds: [],
        tags: [],
        ...extra,
      })) as Ok<Fact>
    ).value;
  const list = async (order: 'asc' | 'desc') =>
    ((await call('incidents:list', { matterId: matter.value.id, order })) as Ok<{ items: Fact[] }>).value
      .items;
  return { call, fact, list };
}

describe('approximate dates of facts', () => {
  it('keep their precision and qualifier, store only the known part, and default to an exact day', async () => {
    const { fact, call } = await setup();
    const since = await fact('Vigilancia frente a la casa', '2022-07-19', {
      occurredPrecision: 'year',
      occurredQualifier: 'since',
    });
    expect(since).toMatchObject({
      occurredOn: '2022-01-01',
      occurredPrecision: 'year',
      occurredQualifier: 'since',
    });
    const march = await fact('Amenaza por teléfono', '2023-03-27', { occurredPrecision: 'month' });
    expect(march).toMatchObject({
      occurredOn: '2023-03-01',
      occurredPrecision: 'month',
      occurredQualifier: 'exact',
    });
    // A caller that knows nothing of precision (older renderer, import) gets an exact day.
    const plain = await fact('Hackeo de la cuenta', '2023-05-02');
    expect(plain).toMatchObject({
      occurredOn: '2023-05-02',
      occurredPrecision: 'day',
      occurredQualifier: 'exact',
    });

    const updated = (await call('incidents:update', {
      id: plain.id,
      revision: 1,
      fields: {
        occurredOn: '2023-06-15',
        occurredPrecision: 'day',
        occurredQualifier: 'about',
        kind: 'threat',
        title: 'Hackeo de la cuenta',
        description: '',
        place: '',
        source: '',
        classification: 'restricted',
        personIds: [],
        tags: [],
      },
    })) as Ok<Fact>;
    expect(updated.value).toMatchObject({ occurredOn: '2023-06-15', occurredQualifier: 'about' });
  });

  it('refuse a precision or qualifier that is not one of the known ones', async () => {
    const { call } = await setup();
    const result = (await call('incidents:create', {
      matterId: 'x',
      occurredOn: '2023-01-01',
      occurredPrecision: 'week',
      kind: 'threat',
      title: 'x',
      description: '',
      place: '',
      source: '',
      classification: 'restricted',
      personIds: [],
      tags: [],
    })) as { ok: boolean };
    expect(result.ok).toBe(false);
  });

  it('sort coarse dates first on the same first day: a year, then its month, then the day', async () => {
    const { fact, list } = await setup();
    await fact('El día', '2022-01-01');
    await fact('Desde 2022', '2022-05-05', { occurredPrecision: 'year', occurredQualifier: 'since' });
    await fact('Enero de 2022', '2022-01-20', { occurredPrecision: 'month' });
    await fact('Antes', '2021-12-31');
    expect((await list('asc')).map((f) => f.title)).toEqual([
      'Antes',
      'Desde 2022',
      'Enero de 2022',
      'El día',
    ]);
    expect((await list('desc')).map((f) => f.title)).toEqual([
      'El día',
      'Enero de 2022',
      'Desde 2022',
      'Antes',
    ]);
  });
});
