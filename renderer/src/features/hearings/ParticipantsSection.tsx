import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions, type Option } from '../../components/options';
import { PartRowActions } from './PartRowActions';
import {
  PARTICIPANT_SIDES,
  PRESENCES,
  type Hearing,
  type HearingParticipant,
  type ParticipantSide,
  type Presence,
} from '../../../../shared/schemas/hearings';

function fieldsOf(p: HearingParticipant) {
  return { side: p.side, personId: p.personId, name: p.name, role: p.role, presence: p.presence };
}

/** Adds one participant: for our side a person of the case (by pseudonym), otherwise a name and a post. */
function AddParticipant({
  hearingId,
  people,
  onAdded,
}: {
  hearingId: string;
  people: Option[];
  onAdded: (hearing: Hearing) => void;
}) {
  const { t } = useTranslation();
  const sides = useEnumOptions('hearingsUi.side', PARTICIPANT_SIDES);
  const presences = useEnumOptions('hearingsUi.presence', PRESENCES);
  const [side, setSide] = useState<ParticipantSide>('ours');
  const [personId, setPersonId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [presence, setPresence] = useState<Presence>('on_camera');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ours = side === 'ours';
  const ready = ours ? personId !== null || name.trim() !== '' : name.trim() !== '';

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const fields = {
        side,
        personId: ours ? personId : null,
        name: ours && personId ? '' : name,
        role,
        presence,
      };
      onAdded(await client.hearings.addParticipant({ hearingId, fields }));
      setPersonId(null);
      setName('');
      setRole('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs" role="group" aria-label={t('hearingsUi.participants.add')}>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm">
          <Select
            label={t('hearingsUi.participants.side')}
            data={sides}
            value={side}
            onChange={(v) => v && setSide(v as ParticipantSide)}
            allowDeselect={false}
          />
          {ours && (
            <Select
              label={t('hearingsUi.participants.person')}
              data={people}
              value={personId}
              onChange={setPersonId}
              searchable
              clearable
              nothingFoundMessage={t('parties.nobodyFound')}
            />
          )}
          {(!ours || personId === null) && (
            <TextInput
              label={ours ? t('hearingsUi.participants.nameOurs') : t('hearingsUi.participants.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('hearingsUi.participants.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          <Select
            label={t('hearingsUi.participants.presence')}
            data={presences}
            value={presence}
            onChange={(v) => v && setPresence(v as Presence)}
            allowDeselect={false}
          />
        </SimpleGrid>
        {ours && (
          <Text size="xs" c="dimmed">
            {t('hearingsUi.participants.oursHint')}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={() => void add()} disabled={!ready} loading={busy}>
            {t('hearingsUi.participants.addButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Who takes part: our speakers (by pseudonym, with how they appear), the State's delegation, the bench. */
export function ParticipantsSection({
  hearing,
  people,
  onChanged,
}: {
  hearing: Hearing;
  people: Option[];
  onChanged: (hearing: Hearing) => void;
}) {
  const { t } = useTranslation();
  const presences = useEnumOptions('hearingsUi.presence', PRESENCES);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<Hearing>) => {
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="hearing-participants-title">
      <Title order={4} id="hearing-participants-title">
        {t('hearingsUi.participants.title')}
      </Title>
      {hearing.participants.length === 0 ? (
        <Text c="dimmed">{t('hearingsUi.participants.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table aria-label={t('hearingsUi.participants.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hearingsUi.participants.side')}</Table.Th>
                <Table.Th>{t('hearingsUi.participants.who')}</Table.Th>
                <Table.Th>{t('hearingsUi.participants.role')}</Table.Th>
                <Table.Th>{t('hearingsUi.participants.presence')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hearing.participants.map((p) => (
                <Table.Tr key={p.id} data-testid="participant-row">
                  <Table.Td>{t(`hearingsUi.side.${p.side}`)}</Table.Td>
                  <Table.Td>{p.label}</Table.Td>
                  <Table.Td>{p.role || '—'}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('hearingsUi.participants.presenceOf', { name: p.label })}
                      data={presences}
                      value={p.presence}
                      allowDeselect={false}
                      size="xs"
                      w={190}
                      onChange={(v) =>
                        v &&
                        void run(() =>
                          client.hearings.updateParticipant({
                            id: p.id,
                            revision: p.revision,
                            fields: { ...fieldsOf(p), presence: v as Presence },
                          }),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <PartRowActions
                      name={p.label}
                      removeLabel={t('hearingsUi.participants.removeFor', { name: p.label })}
                      onRemove={() => void run(() => client.hearings.removeParticipant({ id: p.id }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ErrorAlert error={error} />
      <AddParticipant hearingId={hearing.id} people={people} onAdded={onChanged} />
    </Stack>
  );
}
