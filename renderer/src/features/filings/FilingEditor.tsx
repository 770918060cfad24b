import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { formatTime } from '../../app/format';
import {
  FilingFields,
  type CompletenessReport,
  type Filing,
  type LeakHit,
  type LeakReport,
} from '../../../../shared/schemas/filings';
import type { Party } from '../../../../shared/schemas/parties';
import type { Incident } from '../../../../shared/schemas/incidents';
import type { EvidenceSummary } from '../../../../shared/schemas/evidence';
import type { ProtectionMeasure } from '../../../../shared/schemas/protection-measures';
import type { CommunicationSummary } from '../../../../shared/schemas/communications';
import { DraftRestoredNotice } from '../drafts/DraftRestoredNotice';
import { useDraft } from '../drafts/useDraft';
import { isLocking } from '../drafts/pending';
import { AnswerField, type CaseOptions } from './AnswerField';
import { CompletenessPanel } from './CompletenessPanel';
import { exhibitOrder } from './doc-convert';
import { GeneratePanel } from './GeneratePanel';
import { LeakReview } from './LeakReview';
import { FilingRefsContext, type FilingRefs } from './refs';
import { RichSection } from './RichSection';
import { focusTarget, STEPS, stepCount, stepOf, textStepIndex } from './steps';
import { fieldsOf, useFilingAutosave } from './useFilingAutosave';
import { VersionsDrawer } from './VersionsDrawer';
import { filingDraftKey } from './draft-key';

interface CaseFile {
  filing: Filing;
  parties: Party[];
  incidents: Incident[];
  evidence: EvidenceSummary[];
  measures: ProtectionMeasure[];
  communications: CommunicationSummary[];
}

/** Opens one draft: loads it with what its fields pick from (people, incidents, evidence of the case). */
export function FilingEditor({
  filingId,
  matterId,
  onClose,
}: {
  filingId: string;
  matterId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loaded = useLoad(async (): Promise<CaseFile> => {
    const [filing, parties, incidents, evidence, measures, communications] = await Promise.all([
      client.filings.get({ id: filingId }),
      client.parties.list({ matterId }),
      client.incidents.list({ matterId }),
      client.evidence.list({ matterId }),
      client.measures.list({ matterId }),
      client.communications.list({ matterId }),
    ]);
    return {
      filing,
      parties,
      incidents: incidents.items,
      evidence: evidence.items,
      measures: measures.items,
      communications: communications.items,
    };
  }, [filingId, matterId]);
  if (!loaded.data) {
    return (
      <Stack gap="sm" align="flex-start">
        {loaded.error ? <ErrorAlert error={loaded.error} /> : <Loader aria-label={t('common.loading')} />}
        <Button variant="default" onClick={onClose}>
          {t('filings.editor.back')}
        </Button>
      </Stack>
    );
  }
  return <LoadedEditor caseFile={loaded.data} onClose={onClose} />;
}

function LoadedEditor({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { filing: initial } = caseFile;
  const kind = initial.kind;
  const form = useForm<FilingFields>({
    // The document's recursive lists defeat the resolver's type inference; the schema is the same.
    resolver: zodResolver(FilingFields) as unknown as Resolver<FilingFields>,
    defaultValues: fieldsOf(initial),
  });
  const autosave = useFilingAutosave(initial, form);
  const { saved, flush, apply } = autosave;

  // Leaving with everything in the vault: no draft is kept (runs before the draft hook's own cleanup).
  const draftRef = useRef<ReturnType<typeof useDraft> | null>(null);
  const { pending } = autosave;
  useEffect(
    () => () => {
      // Locked away, the draft is where the user returns; left for another screen with nothing pending, none.
      if (!pending() && !isLocking()) draftRef.current?.discard();
    },
    [pending],
  );
  // What is typed but not yet autosaved survives a lock as a draft of this form.
  const draft = useDraft(filingDraftKey(initial.matterId, initial.id), initial.matterId, form);
  useEffect(() => {
    draftRef.current = draft;
  });
  const { discard } = draft;
  useEffect(() => {
    if (autosave.savedAt) discard({ keepDrafting: true });
  }, [autosave.savedAt, discard]);

  const [active, setActive] = useState(0);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [report, setReport] = useState<CompletenessReport | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const [leaks, setLeaks] = useState<LeakReport | null>(null);
  const [leaksError, setLeaksError] = useState<unknown>(null);
  const [focusPath, setFocusPath] = useState<string | null>(null);

  // The completeness panel follows every save.
  useEffect(() => {
    let live = true;
    client.filings.check({ id: saved.id }).then(
      (r) => live && (setReport(r), setReportError(null)),
      (err: unknown) => live && setReportError(err),
    );
    return () => {
      live = false;
    };
  }, [saved.id, saved.revision]);

  const reviewStep = stepCount(kind) - 1;
  const loadLeaks = useCallback(async () => {
    try {
      const current = await flush();
      setLeaks(await client.filings.leaks({ id: current.id }));
      setLeaksError(null);
    } catch (err) {
      setLeaksError(err);
    }
  }, [flush]);
  // Arriving at the review runs the leak guard on what was just saved.
  const goTo = (step: number) => {
    setActive(step);
    if (step === reviewStep) void loadLeaks();
  };

  const sections = useWatch({ control: form.control, name: 'document.sections' });
  const title = useWatch({ control: form.control, name: 'title' });
  const lang = useWatch({ control: form.control, name: 'lang' });

  const options: CaseOptions = useMemo(() => {
    const people = caseFile.parties
      .filter((p) => p.personId)
      .map((p) => ({ value: p.personId!, label: `${p.displayName} (${t(`partyRole.${p.role}`)})` }));
    const organisations = caseFile.parties
      .filter((p) => p.organisationId)
      .map((p) => ({ value: p.organisationId!, label: p.displayName }));
    const incidents = caseFile.incidents.map((i) => ({ value: i.id, label: `${i.occurredOn} — ${i.title}` }));
    const mechanismMeasures = caseFile.measures.map((m) => ({
      value: m.id,
      label: [m.agreedOn, t(`measureKind.${m.kind}`), m.authority].filter(Boolean).join(' — '),
    }));
    const communications = caseFile.communications.map((c) => ({
      value: c.id,
      label: [c.occurredOn, c.reference, c.subject].filter(Boolean).join(' — '),
    }));
    return {
      people: dedupe(people),
      organisations: dedupe(organisations),
      incidents,
      measures: new Map(mechanismMeasures.map((m) => [m.value, m.label])),
      mechanismMeasures,
      communications,
    };
  }, [caseFile, t]);

  const order = useMemo(() => exhibitOrder((sections ?? []).map((s) => s.doc)), [sections]);
  const refs: FilingRefs = useMemo(() => {
    const evidence = new Map(caseFile.evidence.map((e) => [e.id, e.title]));
    const people = new Map(
      caseFile.parties.filter((p) => p.personId).map((p) => [p.personId!, p.displayName]),
    );
    return {
      exhibitLabel: (id) => {
        const title = evidence.get(id);
        const n = order.indexOf(id) + 1;
        return title === undefined ? null : `${t('filings.editor.exhibit', { n })} · ${title}`;
      },
      personLabel: (id) => people.get(id) ?? null,
    };
  }, [caseFile, order, t]);
  const exhibits = caseFile.evidence.map((e) => ({ id: e.id, label: e.title }));
  const people = caseFile.parties
    .filter((p) => p.personId)
    .map((p) => ({ id: p.personId!, label: p.displayName }));

  // A completeness link or a leak hit: to its step, then its field.
  const go = (path: string) => {
    goTo(stepOf(kind, path));
    setFocusPath(path);
  };
  useEffect(() => {
    if (!focusPath) return;
    const id = focusTarget(
      kind,
      focusPath,
      (sections ?? []).map((s) => s.key),
    );
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(id);
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
      setFocusPath(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusPath, active, kind, sections]);

  const resolved = (result: { filing: Filing; leaks: LeakReport }) => {
    apply(result.filing);
    setLeaks(result.leaks);
  };
  const replace = async (hit: LeakHit) => {
    const current = await flush();
    resolved(
      await client.filings.resolveLeak({
        action: 'replace',
        filingId: current.id,
        revision: current.revision,
        hitId: hit.id,
      }),
    );
  };
  const keep = async (hit: LeakHit, reason: string) => {
    const current = await flush();
    resolved(
      await client.filings.resolveLeak({
        action: 'keep',
        filingId: current.id,
        revision: current.revision,
        hitId: hit.id,
        reason,
      }),
    );
  };

  const unresolved = leaks?.unresolved ?? 0;
  const blocked = !leaks
    ? t('filings.generate.blockedUnchecked')
    : unresolved > 0
      ? t('filings.generate.blockedByLeaks', { count: unresolved })
      : null;

  const steps = STEPS[kind];
  const textStep = textStepIndex(kind);
  return (
    <FilingRefsContext.Provider value={refs}>
      <Stack gap="md" data-testid="filing-editor">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3}>{title || t(`filings.kind.${kind}`)}</Title>
            <Text size="sm" c="dimmed">
              {t(`filings.kind.${kind}`)} · {t(`filings.lang.${lang}`)}
            </Text>
          </Stack>
          <Group gap="xs">
            <SaveStatus autosave={autosave} language={i18n.language} />
            <Button variant="default" size="xs" onClick={() => void flush(true).catch(() => undefined)}>
              {t('filings.editor.saveVersion')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setVersionsOpen(true)}>
              {t('filings.versions.open')}
            </Button>
            <Button variant="default" size="xs" onClick={onClose}>
              {t('filings.editor.back')}
            </Button>
          </Group>
        </Group>
        <DraftRestoredNotice
          at={draft.restoredAt}
          onDiscard={() => {
            draft.discard({ keepDrafting: true });
            apply(saved);
          }}
        />
        {autosave.conflict ? (
          <Alert color="orange" variant="light" title={t('filings.editor.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('filings.editor.conflictBody')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={async () => apply(await client.filings.get({ id: saved.id }))}
              >
                {t('common.reloadLatest')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={autosave.error} title={t('filings.editor.saveFailed')} />
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stepper active={active} onStepClick={goTo} size="sm" allowNextStepsSelect wrap>
              {steps.map((step) => (
                <Stepper.Step key={step.key} label={t(`filings.steps.${step.key}`)}>
                  <Stack gap="sm" pt="sm">
                    {step.key === steps[0]!.key && (
                      <Group align="flex-end" grow>
                        <TextInput
                          {...form.register('title')}
                          id="filing-title"
                          label={t('filings.fields.title')}
                        />
                        <Controller
                          control={form.control}
                          name="lang"
                          render={({ field }) => (
                            <Stack gap={4} style={{ flexGrow: 0 }}>
                              <Text size="sm" fw={500} id="filing-lang-label">
                                {t('filings.new.lang')}
                              </Text>
                              <SegmentedControl
                                aria-labelledby="filing-lang-label"
                                value={field.value}
                                onChange={field.onChange}
                                data={[
                                  { value: 'es', label: t('filings.lang.es') },
                                  { value: 'en', label: t('filings.lang.en') },
                                ]}
                              />
                            </Stack>
                          )}
                        />
                      </Group>
                    )}
                    {step.fields.map((spec) => (
                      <AnswerField key={spec.path} spec={spec} control={form.control} options={options} />
                    ))}
                  </Stack>
                </Stepper.Step>
              ))}
              <Stepper.Step label={t('filings.steps.text')}>
                <Stack gap="md" pt="sm">
                  {(sections ?? []).map((section, i) => (
                    <RichSection
                      key={section.key}
                      id={`filing-document-sections-${i}-doc`}
                      label={section.title || t('filings.editor.section', { n: i + 1 })}
                      value={section.doc}
                      onChange={(doc) =>
                        form.setValue(`document.sections.${i}.doc`, doc, { shouldDirty: true })
                      }
                      exhibits={exhibits}
                      people={people}
                    />
                  ))}
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('filings.steps.review')}>
                <Stack gap="md" pt="sm">
                  <LeakReview report={leaks} error={leaksError} onReplace={replace} onKeep={keep} onGo={go} />
                  <GeneratePanel
                    filingId={saved.id}
                    title={title}
                    blocked={blocked}
                    beforeGenerate={async () => void (await flush())}
                  />
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between" mt="md">
              <Button variant="default" disabled={active === 0} onClick={() => goTo(active - 1)}>
                {t('filings.editor.previous')}
              </Button>
              {active < stepCount(kind) - 1 && (
                <Button onClick={() => goTo(active + 1)}>
                  {active === textStep ? t('filings.editor.toReview') : t('filings.editor.next')}
                </Button>
              )}
            </Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CompletenessPanel report={report} error={reportError} onGo={go} />
          </Grid.Col>
        </Grid>
        <VersionsDrawer
          opened={versionsOpen}
          filingId={saved.id}
          current={saved.version}
          refreshKey={saved.revision}
          onClose={() => setVersionsOpen(false)}
          onRestore={async (v) => {
            const current = await flush();
            apply(
              await client.filings.restoreVersion({
                filingId: current.id,
                version: v.version,
                revision: current.revision,
              }),
            );
          }}
        />
      </Stack>
    </FilingRefsContext.Provider>
  );
}

function SaveStatus({
  autosave,
  language,
}: {
  autosave: ReturnType<typeof useFilingAutosave>;
  language: string;
}) {
  const { t } = useTranslation();
  const text = autosave.saving
    ? t('filings.editor.saving')
    : autosave.savedAt
      ? t('filings.editor.savedAt', { time: formatTime(autosave.savedAt, language) })
      : t('filings.editor.savedAt', { time: formatTime(autosave.saved.updatedAt, language) });
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="filing-save-status">
      {text}
    </Text>
  );
}

function dedupe<T extends { value: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.value) && (seen.add(i.value), true));
}
