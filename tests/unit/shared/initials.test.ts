import { describe, expect, it } from 'vitest';
import { initialsFromName } from '../../../shared/text/initials';

describe('initialsFromName', () => {
  it.each([
    ['Ana López Quintero', 'A.L.Q.'],
    ['Ángela Aurora Quintero Ortiz', 'A.A.Q.O.'],
    ['María de la Luz Hernández y Pérez', 'M.L.H.P.'],
    ['  josé   maría  ', 'J.M.'],
    ['Juan Pablo Martínez-Ruiz', 'J.P.M.R.'],
    ["Ñandú O'Connor", 'N.O.'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(initialsFromName(name)).toBe(expected);
  });
});
