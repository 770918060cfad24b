// A spreadsheet file as tables of cells: one table for a CSV file, one per sheet of a workbook. The first
// row holds the headers; empty headers are named after their column letter and repeated ones numbered, so
// a mapping can name every column.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { AmparoError } from '../../../shared/errors';
import { decodeSpreadsheetText } from './decode';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface Spreadsheet {
  fileName: string;
  /** SHA-256 of the bytes read: the dry run the user saw and the import must be of the same file. */
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  tables: Table[];
}

/** Spreadsheets bigger than this are refused rather than read into memory. */
export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function namedHeaders(raw: Cell[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, index) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    const base = text || `(${columnLetter(index)})`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

const isBlank = (cell: Cell) =>
  cell === null || cell === undefined || (typeof cell === 'string' && !cell.trim());

function toTable(name: string, grid: Cell[][]): Table {
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  const [head = [], ...body] = grid;
  const padded = [...head, ...Array<Cell>(Math.max(0, width - head.length)).fill(null)];
  return {
    name,
    headers: namedHeaders(padded),
    // Trailing empty rows are what spreadsheets leave behind, not data.
    rows: body
      .map((row) => row.map((c) => (c === undefined ? null : c)))
      .filter((row) => !row.every(isBlank)),
  };
}

function readCsv(fileName: string, bytes: Uint8Array): Omit<Spreadsheet, 'sha256'> {
  const { text, encoding } = decodeSpreadsheetText(bytes);
  // Papa Parse guesses the delimiter (`;` from Excel in Spanish, `,`, tab, `|`) from the first rows.
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t', '|'],
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new AmparoError('FILE_UNREADABLE', `Unbalanced quotes near row ${(fatal.row ?? 0) + 1}`);
  return {
    fileName,
    format: 'csv',
    encoding,
    delimiter: parsed.meta.delimiter,
    tables: [toTable(basename(fileName, extname(fileName)), parsed.data)],
  };
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<Omit<Spreadsheet, 'sha256'>> {
  let sheets;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new AmparoError('FILE_UNREADABLE', 'Not a readable XLSX workbook', { cause: error });
  }
  return {
    fileName,
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    tables: sheets
      .map((sheet) => toTable(sheet.sheet, sheet.data as Cell[][]))
      .filter((t) => t.rows.length > 0 || t.headers.length > 0),
  };
}

export async function readSpreadsheet(path: string): Promise<Spreadsheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AmparoError('FILE_UNREADABLE', 'The spreadsheet cannot be read', { cause: error });
  }
  if (bytes.length > MAX_SPREADSHEET_BYTES)
    throw new AmparoError('FILE_UNREADABLE', 'The spreadsheet is larger than 50 MB');
  const fileName = basename(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // A workbook is a ZIP archive whatever its name says.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return { ...(await readXlsx(fileName, bytes)), sha256 };
  if (/\.xls[xm]?$/i.test(fileName))
    throw new AmparoError(
      'FILE_UNREADABLE',
      'Only XLSX workbooks can be read (save older .xls files as .xlsx)',
    );
  return { ...readCsv(fileName, bytes), sha256 };
}
