import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { joinPath } from '../../components/generatedFile';
import { useProfileOptions } from './profiles/useProfileOptions';

export type DocumentFormat = 'pdf' | 'docx';

/**
 * What a panel that makes a document through a redaction profile keeps: the profile (the safest by
 * default), the format, which button is running, and why the last run failed.
 */
export function useGeneration<K extends string>() {
  const profiles = useProfileOptions();
  const [profile, setProfile] = useState<string | null>(null);
  const chosen = profile ?? profiles.options[0]?.value ?? null;
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Runs one generation with the profile chosen; nothing happens while no profile is. */
  const run = async (kind: K, work: (profile: string) => Promise<void>) => {
    if (!chosen) return;
    setError(null);
    setBusy(kind);
    try {
      await work(chosen);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return { profiles, chosen, setProfile, format, setFormat, busy, error, run };
}

/** Asks for a folder and names the file in it; null when the lawyer cancelled. */
export async function chooseOutPath(fileName: string): Promise<string | null> {
  const folder = await client.dialog.chooseFolder({ purpose: 'export' });
  return folder.path ? joinPath(folder.path, fileName) : null;
}

/** The redaction profile and the PDF/DOCX switch, side by side. */
export function ProfileFormatFields({
  generation,
  profileHint,
  formatLabel,
  formatLabelId,
}: {
  generation: Pick<
    ReturnType<typeof useGeneration>,
    'profiles' | 'chosen' | 'setProfile' | 'format' | 'setFormat'
  >;
  profileHint: string;
  formatLabel: string;
  formatLabelId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end">
      <Select
        label={t('filings.generate.profile')}
        description={profileHint}
        data={generation.profiles.options}
        value={generation.chosen}
        onChange={generation.setProfile}
        allowDeselect={false}
        w={280}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={formatLabelId}>
          {formatLabel}
        </Text>
        <SegmentedControl
          aria-labelledby={formatLabelId}
          value={generation.format}
          onChange={(v) => generation.setFormat(v as DocumentFormat)}
          data={[
            { value: 'pdf', label: 'PDF' },
            { value: 'docx', label: 'DOCX' },
          ]}
        />
      </Stack>
    </Group>
  );
}

/** Preview first (filled), the others plain; each shows its own spinner while it runs. */
export function GenerateButtons<K extends string>({
  buttons,
  busy,
  disabled,
  onGenerate,
}: {
  buttons: { kind: K; label: string }[];
  busy: K | null;
  disabled: boolean;
  onGenerate: (kind: K) => void;
}) {
  return (
    <Group gap="xs">
      {buttons.map((b, i) => (
        <Button
          key={b.kind}
          variant={i === 0 ? undefined : 'default'}
          onClick={() => onGenerate(b.kind)}
          disabled={disabled}
          loading={busy === b.kind}
        >
          {b.label}
        </Button>
      ))}
    </Group>
  );
}

/** While it runs, a status line; then the failure, or what was recorded (its SHA-256 and a detail line). */
export function GenerationOutcome({
  busy,
  progress,
  error,
  recorded,
}: {
  busy: boolean;
  progress: string;
  error: unknown;
  recorded: { testId: string; summary: ReactNode; sha256: string; detail: ReactNode } | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {busy && (
        <Text size="sm" role="status">
          {progress}
        </Text>
      )}
      <ErrorAlert error={error} title={t('filings.generate.failed')} />
      {recorded && (
        <Alert color="teal" variant="light" role="status" data-testid={recorded.testId}>
          <Stack gap={2}>
            <Text size="sm">{recorded.summary}</Text>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              SHA-256 {recorded.sha256}
            </Text>
            <Text size="xs">{recorded.detail}</Text>
          </Stack>
        </Alert>
      )}
    </>
  );
}
