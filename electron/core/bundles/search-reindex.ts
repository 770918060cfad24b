// Imported records enter the full-text index as the services would have put them there.
import type { Classification } from '../../../shared/schemas/classification';
import { indexForSearch, markMatterInSearch } from '../services/search-index';
import type { Database } from '../vault/database';

type Row = Record<string, unknown>;
const s = (value: unknown) => (typeof value === 'string' ? value : '');

function tagsOf(db: Database, entityType: string, id: string): string {
  return db
    .prepare('SELECT tag FROM tags WHERE entity_type = $entityType AND entity_id = $id ORDER BY tag')
    .all<{ tag: string }>({ entityType, id })
    .map((r) => r.tag)
    .join(' ');
}

export function reindex(db: Database, table: string, row: Row): void {
  const id = s(row.id);
  const classification = s(row.classification) as Classification;
  switch (table) {
    case 'matters':
      indexForSearch(db, {
        entityType: 'matter',
        entityId: id,
        matterId: id,
        classification,
        title: s(row.title),
        body: `${s(row.reference)} ${s(row.summary)}`,
      });
      markMatterInSearch(db, id);
      return;
    case 'incidents':
      indexForSearch(db, {
        entityType: 'incident',
        entityId: id,
        matterId: s(row.matter_id),
        classification,
        title: s(row.title),
        body: [s(row.description), s(row.place), s(row.source), tagsOf(db, 'incident', id)].join('\n'),
      });
      return;
    case 'notes':
      indexForSearch(db, {
        entityType: 'note',
        entityId: id,
        matterId: s(row.matter_id),
        classification,
        title: s(row.title),
        body: `${s(row.body)}\n${tagsOf(db, 'note', id)}`,
      });
      return;
    case 'people':
      indexForSearch(db, {
        entityType: 'person',
        entityId: id,
        matterId: null,
        classification,
        title: s(row.pseudonym),
        body: '',
      });
      return;
    case 'organisations':
      indexForSearch(db, {
        entityType: 'organisation',
        entityId: id,
        matterId: null,
        classification,
        title: s(row.name),
        body: s(row.notes),
      });
      return;
    case 'evidence_items':
      indexForSearch(db, {
        entityType: 'evidence',
        entityId: id,
        matterId: s(row.matter_id),
        classification,
        title: s(row.title),
        body: [s(row.description), s(row.source), s(row.original_name), tagsOf(db, 'evidence', id)].join(
          '\n',
        ),
      });
      return;
    case 'protected_identities': {
      const list = (value: unknown): string[] => {
        try {
          const parsed: unknown = JSON.parse(s(value) || '[]');
          return Array.isArray(parsed) ? parsed.map(String) : [];
        } catch {
          return [];
        }
      };
      const body = [
        s(row.legal_name),
        ...list(row.aliases),
        s(row.date_of_birth),
        ...list(row.id_numbers),
        ...list(row.phones),
        ...list(row.addresses),
        s(row.notes),
      ].join(' \n ');
      db.prepare('DELETE FROM protected_search WHERE person_id = $id').run({ id: s(row.person_id) });
      db.prepare('INSERT INTO protected_search (person_id, body) VALUES ($id, $body)').run({
        id: s(row.person_id),
        body,
      });
      return;
    }
    default:
  }
}
