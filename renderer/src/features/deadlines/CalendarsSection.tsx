import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { formatIsoDate } from '../../app/format';

/** Settings → Calendars: the vault's extra closed days and recess periods, for one rule or for all. */
export function CalendarsSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const edits = useLoad(() => client.deadlines.calendarEdits({}), []);
  const rules = useLoad(() => client.deadlines.rules({}), []);
  const [kind, setKind] = useState<'closure' | 'recess'>('closure');
  const [ruleId, setRuleId] = useState<string>('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ruleName = (id: string | null) =>
    id ? (rules.data?.find((r) => r.id === id)?.name[lang] ?? id) : t('deadlines.calendars.allRules');

  const add = async () => {
    if (!from) return;
    setError(null);
    try {
      await client.deadlines.addCalendarEdit({ ruleId: ruleId || null, kind, from, to: to ?? from, name });
      setFrom(null);
      setTo(null);
      setName('');
      edits.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await client.deadlines.removeCalendarEdit({ id });
      edits.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="calendars-title">
      <Title order={3} id="calendars-title">
        {t('deadlines.calendars.title')}
      </Title>
      <Text size="sm">{t('deadlines.calendars.intro')}</Text>
      <form
        noValidate
        aria-label={t('deadlines.calendars.add')}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('deadlines.calendars.kind')}
              value={kind}
              onChange={(v) => v && setKind(v as 'closure' | 'recess')}
              allowDeselect={false}
              data={[
                { value: 'closure', label: t('deadlines.calendars.closure') },
                { value: 'recess', label: t('deadlines.calendars.recess') },
              ]}
            />
            <Select
              label={t('deadlines.calendars.rule')}
              value={ruleId}
              onChange={(v) => setRuleId(v ?? '')}
              allowDeselect={false}
              data={[
                { value: '', label: t('deadlines.calendars.allRules') },
                ...(rules.data ?? []).map((r) => ({ value: r.id, label: r.name[lang] })),
              ]}
            />
            <DateField label={t('deadlines.calendars.from')} value={from} onChange={setFrom} withAsterisk />
            <DateField label={t('deadlines.calendars.to')} value={to} onChange={setTo} />
          </SimpleGrid>
          <TextInput
            label={t('deadlines.calendars.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" disabled={!from}>
              {t('deadlines.calendars.add')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorAlert error={error ?? edits.error} />
      {edits.data && edits.data.length === 0 && <Text size="sm">{t('deadlines.calendars.empty')}</Text>}
      {edits.data && edits.data.length > 0 && (
        <Table aria-label={t('deadlines.calendars.title')}>
          <Table.Tbody>
            {edits.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{t(`deadlines.calendars.${e.kind}`)}</Table.Td>
                <Table.Td>
                  {formatIsoDate(e.from, i18n.language)}
                  {e.to !== e.from ? ` – ${formatIsoDate(e.to, i18n.language)}` : ''}
                </Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>{ruleName(e.ruleId)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => void remove(e.id)}>
                    {t('deadlines.calendars.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
