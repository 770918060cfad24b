import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSummary, ConflictChoice, ImportBundleResult } from '../../../../shared/schemas/bundles';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseInput } from '../../components/PassphraseInput';

const show = (value: unknown) =>
  value === null || value === undefined
    ? '—'
    : String(typeof value === 'object' ? JSON.stringify(value) : value);

/** Import a bundle: verify first (summary, signer), then import; conflicts side by side with three choices. */
export function ImportBundleSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [summary, setSummary] = useState<BundleSummary | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<ImportBundleResult | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = passphrase ? { passphrase } : {};

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const verify = () =>
    act(async () => {
      setResult(null);
      setSummary(await client.bundles.verify({ file, key }));
    });
  const importNow = (resolutions: Record<string, ConflictChoice> = {}) =>
    act(async () => {
      const input = {
        file,
        key,
        resolutions,
        ...(summary && !summary.signerKnown && confirmed ? { confirmSigner: summary.signerFingerprint } : {}),
      };
      const answer = Object.keys(resolutions).length
        ? await client.bundles.resolve(input)
        : await client.bundles.import(input);
      setResult(answer);
      if (answer.status === 'conflicts')
        setChoices(Object.fromEntries(answer.conflicts.map((c) => [c.id, 'mine'])));
    });

  return (
    <Stack gap="sm">
      <Title order={3}>{t('bundles.import.title')}</Title>
      <Text size="sm">{t('bundles.import.description')}</Text>
      <TextInput
        label={t('bundles.import.file')}
        value={file}
        onChange={(e) => setFile(e.currentTarget.value)}
      />
      <PassphraseInput
        label={t('bundles.import.passphrase')}
        description={t('bundles.import.passphraseHint')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void verify()} loading={busy} disabled={!file}>
          {t('bundles.import.verify')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {summary && (
        <Stack gap="xs" data-testid="bundle-summary">
          <Text size="sm">
            {t('bundles.import.cases', { cases: summary.cases.map((c) => c.reference || c.id).join(', ') })}
          </Text>
          {summary.counts.map((c) => (
            <Text size="sm" key={c.kind}>
              {t('bundles.import.count', { kind: c.kind, count: c.count })}
            </Text>
          ))}
          <Text size="sm">{t('bundles.import.attachments', { count: summary.attachments })}</Text>
          {summary.redaction.leftOut.map((l) => (
            <Text size="sm" key={l.kind}>
              {t('bundles.leftOut', { count: l.count, kind: l.kind })}
            </Text>
          ))}
          <Text size="sm" ff="monospace">
            {summary.signerFingerprint.match(/.{1,4}/g)!.join(' ')}
          </Text>
          {summary.signerKnown ? (
            <Alert color="teal" variant="light">
              {t('bundles.import.signerKnown')}
            </Alert>
          ) : (
            <Checkbox
              label={t('bundles.import.confirmSigner')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          )}
          <Group>
            <Button
              onClick={() => void importNow()}
              loading={busy}
              disabled={!summary.signerKnown && !confirmed}
            >
              {t('bundles.import.submit')}
            </Button>
          </Group>
        </Stack>
      )}
      {result?.status === 'imported' && (
        <Alert color="teal" variant="light" role="status">
          {t('bundles.import.done', {
            added: result.added,
            updated: result.updated,
            attachments: result.attachments,
          })}
        </Alert>
      )}
      {result?.status === 'conflicts' && (
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            {t('bundles.import.conflicts', { count: result.conflicts.length })}
          </Alert>
          {result.conflicts.map((c) => (
            <Stack key={c.id} gap={4}>
              <Text size="sm" fw={600}>
                {c.table}
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('bundles.import.field')}</Table.Th>
                    <Table.Th>{t('bundles.import.mine')}</Table.Th>
                    <Table.Th>{t('bundles.import.theirs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.fields.map((f) => (
                    <Table.Tr key={f.name}>
                      <Table.Td>{f.name}</Table.Td>
                      <Table.Td>{show(f.mine)}</Table.Td>
                      <Table.Td>{show(f.theirs)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <SegmentedControl
                value={choices[c.id] ?? 'mine'}
                onChange={(v) => setChoices({ ...choices, [c.id]: v as ConflictChoice })}
                data={[
                  { value: 'mine', label: t('bundles.import.keepMine') },
                  { value: 'theirs', label: t('bundles.import.takeTheirs') },
                  { value: 'both', label: t('bundles.import.keepBoth') },
                ]}
              />
            </Stack>
          ))}
          <Group>
            <Button onClick={() => void importNow(choices)} loading={busy}>
              {t('bundles.import.resolve')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
