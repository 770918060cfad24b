import type { Migration } from './migration';

// A fact's date can be approximate: "since 2022", "March 2023", "around 15 June". `occurred_on` keeps the
// first day of what is known (2022-01-01 for a year); the precision says how much of it to print and the
// qualifier how sure it is. Existing facts are exact days.
export const incidentDatePrecision: Migration = {
  version: 7,
  name: 'incident-date-precision',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN occurred_precision TEXT NOT NULL DEFAULT 'day'
        CHECK (occurred_precision IN ('day', 'month', 'year'));
      ALTER TABLE incidents ADD COLUMN occurred_qualifier TEXT NOT NULL DEFAULT 'exact'
        CHECK (occurred_qualifier IN ('exact', 'about', 'since'));
    `);
  },
};
