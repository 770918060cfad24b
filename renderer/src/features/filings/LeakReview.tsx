import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Mark,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeakHit, LeakReport } from '../../../../shared/schemas/filings';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The leak guard's hits before generating: each protected value found in what the user wrote, in its
 * context (shown only here), to be replaced by the pseudonym or kept with a reason (logged without the value).
 */
export function LeakReview({
  report,
  error,
  onReplace,
  onKeep,
  onGo,
}: {
  report: LeakReport | null;
  error: unknown;
  onReplace: (hit: LeakHit) => Promise<void>;
  onKeep: (hit: LeakHit, reason: string) => Promise<void>;
  onGo: (path: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="filing-leaks-title"
      data-testid="filing-leaks"
    >
      <Stack gap="xs">
        <Title order={4} id="filing-leaks-title">
          {t('filings.leaks.title')}
        </Title>
        <ErrorAlert error={error} />
        {!report ? (
          !error && <Loader size="sm" aria-label={t('common.loading')} />
        ) : report.hits.length === 0 ? (
          <Text size="sm" c="green.8" role="status">
            {t('filings.leaks.none')}
          </Text>
        ) : (
          <>
            <Text size="sm" role="status">
              {t('filings.leaks.summary', { count: report.hits.length, unresolved: report.unresolved })}
            </Text>
            {report.hits.map((hit) => (
              <HitRow key={hit.id} hit={hit} onReplace={onReplace} onKeep={onKeep} onGo={onGo} />
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function HitRow({
  hit,
  onReplace,
  onKeep,
  onGo,
}: {
  hit: LeakHit;
  onReplace: (hit: LeakHit) => Promise<void>;
  onKeep: (hit: LeakHit, reason: string) => Promise<void>;
  onGo: (path: string) => void;
}) {
  const { t } = useTranslation();
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="xs" data-testid="leak-hit" data-kept={hit.kept ? 'true' : 'false'}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={hit.kept ? 'gray' : 'red'} variant="light" size="sm">
            {hit.kept ? t('filings.leaks.kept') : t('filings.leaks.unresolved')}
          </Badge>
          <Text size="sm">
            {t('filings.leaks.hitOf', {
              kind: t(`filings.leaks.kind.${hit.valueKind}`),
              pseudonym: hit.pseudonym,
            })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onGo(hit.where.path)}>
            {t('filings.leaks.show')}
          </Button>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="leak-context">
          …{hit.context.before}
          <Mark color="red">{hit.context.match}</Mark>
          {hit.context.after}…
        </Text>
        {hit.kept ? (
          <Text size="xs" c="dimmed">
            {t('filings.leaks.keptReason', { reason: hit.keptReason ?? '' })}
          </Text>
        ) : keeping ? (
          <Group align="flex-end">
            <TextInput
              label={t('filings.leaks.reason')}
              description={t('filings.leaks.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoFocus
            />
            <Button
              size="xs"
              disabled={reason.trim().length < 3}
              loading={busy}
              onClick={() => void run(() => onKeep(hit, reason.trim()))}
            >
              {t('filings.leaks.confirmKeep')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setKeeping(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs">
            <Button size="xs" loading={busy} onClick={() => void run(() => onReplace(hit))}>
              {t('filings.leaks.replace', { pseudonym: hit.pseudonym })}
            </Button>
            <Button size="xs" variant="default" onClick={() => setKeeping(true)}>
              {t('filings.leaks.keep')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

/** Why generation is disabled, said beside the button. */
export function LeakBlockNotice({ unresolved }: { unresolved: number }) {
  const { t } = useTranslation();
  if (unresolved === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {t('filings.generate.blockedByLeaks', { count: unresolved })}
    </Alert>
  );
}
