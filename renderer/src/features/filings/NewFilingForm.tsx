import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  FILING_KINDS,
  type Filing,
  type FilingKind,
  type FilingLang,
} from '../../../../shared/schemas/filings';

/** Starts a draft pre-filled from the case file: its kind and the language of the document (not of the UI). */
export function NewFilingForm({
  matterId,
  onCreated,
  onCancel,
}: {
  matterId: string;
  onCreated: (filing: Filing) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<FilingKind>('precautionary_request');
  const [lang, setLang] = useState<FilingLang>(i18n.language.startsWith('en') ? 'en' : 'es');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await client.filings.create({ matterId, kind, lang }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-filing-title">
      <Stack gap="sm">
        <Title order={4} id="new-filing-title">
          {t('filings.new.title')}
        </Title>
        <Select
          label={t('filings.new.kind')}
          data={FILING_KINDS.map((k) => ({ value: k, label: t(`filings.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as FilingKind)}
          allowDeselect={false}
          maw={420}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="new-filing-lang">
            {t('filings.new.lang')}
          </Text>
          <SegmentedControl
            aria-labelledby="new-filing-lang"
            value={lang}
            onChange={(v) => setLang(v as FilingLang)}
            data={[
              { value: 'es', label: t('filings.lang.es') },
              { value: 'en', label: t('filings.lang.en') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="xs" c="dimmed">
            {t('filings.new.langHint')}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed">
          {t('filings.new.prefillHint')}
        </Text>
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={() => void create()} loading={busy}>
            {t('filings.new.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
