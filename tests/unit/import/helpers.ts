/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// A real vault behind the same dispatch the renderer uses, and the spreadsheets a team brings.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { createCore, type Core } from '../../support/contract-check';
import { openVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

export const PASS = 'frase de contraseña larga y segura';
export const LEGAL_NAME = 'Ana Aurora Quintero Ortiz';
export const CURP = 'QUOA870412MGRPNN09';
export const PHONE = '+52 744 555 0199';
export const STREET = 'Calle Morelos 12';

export interface Setup {
  core: Core;
  vaultDir: string;
  dir: string;
  call(channel: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: any }>;
}

export async function setup(): Promise<Setup> {
  const dir = await tempDir('amparo-import-');
  const vaultDir = join(dir, 'boveda');
  const core = await createCore({
    configDir: null,
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: vaultDir }) },
    logError: (where, error) => console.error(where, error),
  });
  await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
  const call = (channel: string, input: unknown) => core.dispatch(channel, input) as Promise<any>;
  return { core, vaultDir, dir, call };
}

/** Reads the database directly while the core is locked (counts, leaks), then unlocks again. */
export async function inVault<T>(s: Setup, work: (db: any) => T): Promise<T> {
  await s.call('vault:lock', {});
  const vault = await openVault(s.vaultDir, PASS, { kdfCost: TEST_KDF });
  try {
    return work(vault.db);
  } finally {
    vault.close();
    await s.call('vault:unlock', { path: s.vaultDir, passphrase: PASS });
  }
}

export const TABLES = [
  'matters',
  'people',
  'protected_identities',
  'matter_parties',
  'matter_status_history',
  'incidents',
  'incident_people',
  'audit_log',
  'search_index',
];

export function rowCounts(db: any): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, Number(db.prepare(`SELECT count(*) AS n FROM ${t}`).get().n)]),
  );
}

/** Excel's "CSV (delimitado por comas)" on Spanish Windows: Windows-1252 text, `;` between cells. */
export async function latin1Cases(dir: string): Promise<string> {
  const lines = [
    'Referencia;Título;Tipo de caso;Fecha de apertura;Estado;Resumen',
    'MC-101-23;Defensora de la Montaña;Medidas cautelares;05/02/2023;Otorgado;Agresión en Tlapa, Guerrero',
    'MC-102-23;Periodista de Oaxaca;Solicitud;31/02/2023;;Amenazas',
    'MC-103-23;;Petición;01/03/2023;;',
    'mc-101-23;Otra defensora;Petición;01/03/2023;;',
    'MC-104-23;Comunidad desplazada;Amparo indirecto;01/03/2023;;',
    'MC-105-23;Niñas y niños de Ayutla;Petición;2023-04-20;En estudio;',
  ];
  const path = join(dir, 'casos.csv');
  await writeFile(path, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
  return path;
}

/** A UTF-8 export with a byte-order mark and commas (Google Sheets, LibreOffice). */
export async function bomPeople(dir: string): Promise<string> {
  const lines = [
    'Seudónimo,Nombre completo,CURP,Teléfono,Domicilio,Caso,Rol',
    `A.A.Q.O.,${LEGAL_NAME},${CURP},${PHONE},"${STREET}, Tlapa",MC-101-23,Beneficiaria`,
    'J.P.M.,Juan Pérez Méndez,,,,MC-999-99,Testigo',
  ];
  const path = join(dir, 'personas.csv');
  await writeFile(path, `\uFEFF${lines.join('\n')}\n`, 'utf8');
  return path;
}

/** A workbook with three sheets: cases, people and facts, with a date cell and a serial in a General cell. */
export async function workbook(dir: string, { failingTitle = '' } = {}): Promise<string> {
  const path = join(dir, 'expedientes.xlsx');
  const header = (names: string[]) => names.map((value) => ({ value, fontWeight: 'bold' as const }));
  await writeXlsxFile([
    {
      sheet: 'Casos',
      data: [
        header(['Referencia', 'Título', 'Tipo', 'Fecha de apertura', 'Clasificación']),
        [
          'MC-201-24',
          'Periodistas de Veracruz',
          'Solicitud de medidas cautelares',
          { value: new Date(Date.UTC(2024, 0, 15)), type: Date, format: 'dd/mm/yyyy' },
          'Reservada',
        ],
        ['MC-202-24', 'Defensores del agua', 'precautionary_request', 45000, 'Confidencial'],
      ],
    },
    {
      sheet: 'Personas',
      data: [header(['Seudónimo', 'Nombre', 'Caso']), ['R.G.T.', 'Rosa García Torres', 'MC-201-24']],
    },
    {
      sheet: 'Hechos',
      data: [
        header(['Caso', 'Fecha', 'Tipo', 'Título', 'Lugar', 'Personas']),
        ['MC-201-24', '12/01/2024', 'Amenaza', 'Mensajes intimidatorios', 'Xalapa', 'R.G.T.'],
        ['MC-999-99', '13/01/2024', 'Vigilancia', 'Auto frente a la casa', 'Xalapa', ''],
        ['MC-202-24', '32/01/2024', 'Agresión', 'Golpes en la marcha', 'Coatepec', ''],
        ['MC-202-24', '20/01/2024', 'Otro', failingTitle || 'Denuncia ante la fiscalía', 'Xalapa', ''],
      ],
    },
  ]).toFile(path);
  return path;
}
