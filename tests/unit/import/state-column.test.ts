/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// A spreadsheet's "País" column on a real vault: a code or a Spanish or English name becomes the State a
// case is against; an empty cell leaves Mexico; a name of no State refuses the row.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

describe('spreadsheet import: the State column', () => {
  it('maps País to the State, by code or name, and refuses an unknown State', async () => {
    const s = await setup();
    const path = join(s.dir, 'casos.csv');
    const lines = [
      'Referencia,Título,Tipo de caso,Fecha de apertura,País',
      'P-1-26,Comunidad en Alta Verapaz,Petición,2026-01-05,Guatemala',
      'P-2-26,Periodistas en Lima,Petición,2026-01-06,PE',
      'P-3-26,Defensores en Tegucigalpa,Petición,2026-01-07,Honduras',
      'P-4-26,Defensora en Guerrero,Petición,2026-01-08,',
      'P-5-26,Caso imaginario,Petición,2026-01-09,Narnia',
    ];
    await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
    const preview = await s.call('import:preview', { path });
    expect(preview.ok).toBe(true);
    const [table] = preview.value.tables;
    expect(table.mapping.columns['País']).toBe('state');
    const mapping = { tables: [table.mapping] };

    const dry = await s.call('import:dryRun', { path, mapping });
    expect(dry.value.counts.cases).toEqual({ accepted: 4, refused: 1 });
    expect(dry.value.refusals[0]).toMatchObject({ row: 6 });
    expect(dry.value.refusals[0].problems[0]).toMatchObject({ field: 'state', code: 'unknownValue' });

    const run = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
      expectedSha256: dry.value.sha256,
    });
    expect(run.ok, JSON.stringify(run.error)).toBe(true);
    const listed = await s.call('matters:list', { sort: 'reference', direction: 'asc' });
    expect(listed.value.items.map((m: any) => `${m.reference}:${m.state}`)).toEqual([
      'P-1-26:GT',
      'P-2-26:PE',
      'P-3-26:HN',
      'P-4-26:MX',
    ]);
    await s.core.dispose();
  });
});
