import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { RowActions } from '../../components/RowActions';
import { useCallback, useMemo, useState } from 'react';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListScaffold } from '../../components/ListScaffold';
import { PrintButton } from '../../components/PrintButton';
import { useLoad, type Loaded } from '../../components/useLoad';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useUndoableDelete } from '../../components/undoableDelete';
import { useEnumOptions, type Option } from '../../components/options';
import { INCIDENT_KINDS, type Incident, type IncidentKind } from '../../../../shared/schemas/incidents';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { IncidentForm } from './IncidentForm';
import { incidentDate } from './labels';
import { useDraftPlace } from '../drafts/DraftContext';

interface Filters {
  kind: IncidentKind | null;
  from: string;
  to: string;
  personId: string | null;
  order: 'asc' | 'desc';
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Pseudonyms of the case's people (and everyone else listed), for pickers and for showing ids. */
function usePeopleOptions(matterId: string): Loaded<Option[]> {
  return useLoad(
    () =>
      Promise.all([client.parties.list({ matterId }), client.people.list({})]).then(([parties, people]) => {
        const map = new Map<string, string>();
        for (const party of parties) if (party.personId) map.set(party.personId, party.displayName);
        for (const person of people.items) if (!map.has(person.id)) map.set(person.id, person.pseudonym);
        return [...map].map(([value, label]) => ({ value, label }));
      }),
    [matterId],
  );
}

/** The facts of the risk in order: filterable, sortable and printable (only the timeline is printed). */
export function TimelineTab({ matterId, matterTitle }: { matterId: string; matterTitle: string }) {
  const { t, i18n } = useTranslation();
  const kinds = useEnumOptions('incidentKind', INCIDENT_KINDS);
  const [filters, setFilters] = useState<Filters>({
    kind: null,
    from: '',
    to: '',
    personId: null,
    order: 'asc',
  });
  const incidents = useLoad(
    () =>
      client.incidents.list({
        matterId,
        order: filters.order,
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(isDate(filters.from) ? { from: filters.from } : {}),
        ...(isDate(filters.to) ? { to: filters.to } : {}),
        ...(filters.personId ? { personId: filters.personId } : {}),
      }),
    [matterId, filters],
  );
  const { setError } = incidents;
  const { waiting } = useDraftPlace();
  const [editing, setEditing] = useState<Incident | 'new' | null>(() =>
    waiting.has(`incident:new:${matterId}`) ? 'new' : null,
  );
  // A draft of an existing fact waits for that fact to load.
  const waitingEdit = incidents.data?.items.find((incident) => waiting.has(`incident:${incident.id}`));
  if (editing === null && waitingEdit) setEditing(waitingEdit);
  const [deleting, setDeleting] = useState<string | null>(null);
  const peopleLoad = usePeopleOptions(matterId);
  const people = useMemo(() => peopleLoad.data ?? [], [peopleLoad.data]);
  const names = useMemo(() => new Map(people.map((p) => [p.value, p.label])), [people]);
  const reloadIncidents = incidents.reload;
  const reloadPeople = peopleLoad.reload;
  const refresh = useCallback(() => {
    reloadIncidents();
    reloadPeople();
  }, [reloadIncidents, reloadPeople]);

  const removeUndoably = useUndoableDelete();
  const remove = async (incident: Incident) => {
    setDeleting(incident.id);
    setError(null);
    try {
      await removeUndoably(
        'incident',
        incident.id,
        t('undo.incidentDeleted', { title: incident.title }),
        refresh,
      );
    } catch (err) {
      setError(err);
    } finally {
      setDeleting(null);
    }
  };

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((prev) => ({ ...prev, [key]: value }));

  return (
    <Stack gap="md" className="amparo-print-area">
      <Group justify="space-between">
        <Title order={3}>
          <span className="amparo-print-only">{matterTitle} — </span>
          {t('incidents.title')}
        </Title>
        <Group gap="xs" className="amparo-no-print">
          <PrintButton label={t('incidents.print')} />
          {editing === null && <Button onClick={() => setEditing('new')}>{t('incidents.new')}</Button>}
        </Group>
      </Group>
      <Group
        align="flex-end"
        gap="sm"
        wrap="wrap"
        className="amparo-no-print"
        role="group"
        aria-label={t('incidents.filters')}
      >
        <Select
          label={t('incidents.filterKind')}
          placeholder={t('incidents.allKinds')}
          data={kinds}
          value={filters.kind}
          onChange={(value) => set('kind', value as IncidentKind | null)}
          clearable
          w={220}
        />
        <DateField
          label={t('incidents.filterFrom')}
          value={filters.from}
          onChange={(value) => set('from', value ?? '')}
          clearable
          w={170}
        />
        <DateField
          label={t('incidents.filterTo')}
          value={filters.to}
          onChange={(value) => set('to', value ?? '')}
          clearable
          w={170}
        />
        <Select
          label={t('incidents.filterPerson')}
          placeholder={t('incidents.anyone')}
          data={people}
          value={filters.personId}
          onChange={(value) => set('personId', value)}
          clearable
          searchable
          w={200}
        />
        <SegmentedControl
          aria-label={t('incidents.order')}
          value={filters.order}
          onChange={(value) => set('order', value === 'desc' ? 'desc' : 'asc')}
          data={[
            { value: 'asc', label: t('incidents.oldestFirst') },
            { value: 'desc', label: t('incidents.newestFirst') },
          ]}
        />
      </Group>
      {editing !== null && (
        <IncidentForm
          key={editing === 'new' ? 'new' : editing.id}
          matterId={matterId}
          incident={editing === 'new' ? undefined : editing}
          people={people}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ErrorAlert error={peopleLoad.error} onClose={() => peopleLoad.setError(null)} />
      <ListScaffold
        load={incidents}
        items={(list) => list.items}
        hiddenConfidential={{ count: (list) => list.hiddenConfidential, matterId }}
        emptyText={t('incidents.empty')}
      >
        {(list) => (
          <Stack
            component="ol"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('incidents.title')}
          >
            {list.items.map((incident) => (
              <Paper
                component="li"
                key={incident.id}
                withBorder
                p="md"
                className="amparo-print-item"
                data-record-id={incident.id}
              >
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={4}>
                      <Group gap="xs">
                        <Text fw={700} size="sm">
                          {incidentDate(t, incident, i18n.language)}
                        </Text>
                        <Badge variant="light">{t(`incidentKind.${incident.kind}`)}</Badge>
                        <ClassificationBadge value={incident.classification} />
                      </Group>
                      <Title order={4}>{incident.title}</Title>
                    </Stack>
                    <RowActions
                      className="amparo-no-print"
                      editLabel={t('incidents.editFor', { title: incident.title })}
                      deleteLabel={t('incidents.deleteFor', { title: incident.title })}
                      onEdit={() => setEditing(incident)}
                      onDelete={() => void remove(incident)}
                      deleting={deleting === incident.id}
                    />
                  </Group>
                  {(incident.place || incident.source) && (
                    <Text size="sm">
                      {[
                        incident.place && t('incidents.placeValue', { place: incident.place }),
                        incident.source && t('incidents.sourceValue', { source: incident.source }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                  {incident.personIds.length > 0 && (
                    <Text size="sm">
                      {t('incidents.affected', {
                        names: incident.personIds.map((id) => names.get(id) ?? '—').join(', '),
                      })}
                    </Text>
                  )}
                  {incident.description && (
                    <Text size="sm" className="amparo-prewrap">
                      {incident.description}
                    </Text>
                  )}
                  {incident.tags.length > 0 && (
                    <Group gap={4} aria-label={t('tags.label')}>
                      {incident.tags.map((tag) => (
                        <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                          #{tag}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </ListScaffold>
    </Stack>
  );
}
