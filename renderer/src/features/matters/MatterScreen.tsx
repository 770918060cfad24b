import { CorrespondenceTab } from '../communications/CorrespondenceTab';
import { Alert, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { DeadlinesTab } from '../deadlines/DeadlinesTab';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealRecord } from '../search/useRevealRecord';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import type { Matter, MatterFields } from '../../../../shared/schemas/matter';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EvidenceTab } from '../evidence/EvidenceTab';
import type { EvidenceFocus } from '../evidence/text/useHitHighlights';
import { TimelineTab } from '../incidents/TimelineTab';
import { NotesTab } from '../notes/NotesTab';
import { PartiesTab } from '../parties/PartiesTab';
import { RiskTab } from '../risk/RiskTab';
import { FilingsTab } from '../filings/FilingsTab';
import { formatTimestamp } from '../../app/format';
import { MatterDetails } from './MatterDetails';
import { MatterForm } from './MatterForm';
import { StatusHistory } from './StatusHistory';
import { MatterHeader } from './MatterHeader';
import { ExportBundleButton } from '../bundles/ExportBundleButton';
import { NextSteps } from './NextSteps';
import { DraftScreenProvider, useDraftPlace } from '../drafts/DraftContext';
import { MeasuresTab } from '../measures/MeasuresTab';
import { FollowupTab } from '../followup/FollowupTab';
import { HearingsTab } from '../hearings/HearingsTab';

function fieldsOf(matter: Matter): MatterFields {
  const { title, matterType, forum, reference, status, openedOn, summary, classification, state } = matter;
  return { title, matterType, forum, reference, status, openedOn, summary, classification, state };
}

/** The case view's tabs; `evidence` is mounted by features/evidence. */
export type MatterTab =
  | 'overview'
  | 'people'
  | 'timeline'
  | 'risk'
  | 'notes'
  | 'evidence'
  // follow-up: correspondence, deadlines, protection measures and the follow-up timeline
  | 'correspondence'
  | 'deadlines'
  | 'measures'
  | 'followup'
  // filings
  | 'filings'
  // hearings
  | 'hearings';

/** Where in a case to land when opening it (e.g. from a search hit): a tab, and on Evidence an item. */
export interface MatterPlace {
  tab: MatterTab;
  evidenceId?: string;
  /** With `evidenceId`: a page of the document found by search, to show with the searched words marked. */
  evidenceFocus?: EvidenceFocus;
  /** A fact or note to scroll to and highlight on that tab. */
  recordId?: string;
  /** On Deadlines, the deadline to open (a clicked reminder). */
  deadlineId?: string;
  /** On Hearings, the hearing open for planning (back after a lock). */
  hearingId?: string;
}

/** One case: tabs (overview with Edit, Archive/Restore and the status history; people; timeline; risk; notes), or its edit form. */
export function MatterScreen({
  id,
  place,
  onBack,
  backLabel,
}: {
  id: string;
  /** What the back button says (where it leads); "Back to cases" otherwise. */
  backLabel?: string;
  /** The tab (and evidence item) to open first; the Overview otherwise. */
  place?: MatterPlace;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => client.matters.get({ id }), [id]);
  const { data: matter, error: loadError, replace: setMatter } = loaded;
  const { waiting } = useDraftPlace();
  // An edit left unsaved at a lock reopens with its draft.
  const [editing, setEditing] = useState(() => waiting.has(`matter:${id}`));
  const [archiving, setArchiving] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [tab, setTab] = useState<MatterTab>(place?.tab ?? 'overview');
  // An evidence item opened from elsewhere in the case (a communication's attachment).
  const [evidenceToOpen, setEvidenceToOpen] = useState<string | undefined>(undefined);
  const [deleting, setDeleting] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownId = matter && !editing ? matter.id : null;
  // The record to highlight: the one opened from outside, or one picked on the follow-up timeline.
  const [found, setFound] = useState<string | undefined>(place?.recordId);
  useRevealRecord(shownId ? found : undefined);

  // Keyboard and screen-reader users land on the case they opened (and come back to it after editing).
  useEffect(() => {
    if (shownId) titleRef.current?.focus();
  }, [shownId]);

  if (!matter) {
    return (
      <Stack gap="md" align="flex-start">
        {loadError ? <ErrorAlert error={loadError} /> : <Loader aria-label={t('common.loading')} />}
        <Button variant="default" onClick={onBack}>
          {backLabel ?? t('matters.view.back')}
        </Button>
      </Stack>
    );
  }

  if (editing) {
    return (
      <Stack gap="md">
        <Title order={2}>{t('matters.form.editTitle')}</Title>
        <MatterForm
          // A reload after a conflict brings a new revision: start the form over from it.
          key={matter.revision}
          mode="edit"
          initial={fieldsOf(matter)}
          draft={{ key: `matter:${matter.id}`, matterId: matter.id }}
          onSubmit={async ({ statusOn: _unused, ...fields }) => {
            const saved = await client.matters.update({ id: matter.id, revision: matter.revision, fields });
            setMatter(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          onReload={async () => setMatter(await client.matters.get({ id: matter.id }))}
        />
      </Stack>
    );
  }

  const archived = matter.archivedAt !== null;
  const toggleArchived = async () => {
    setArchiving(true);
    setActionError(null);
    try {
      setMatter(await client.matters.setArchived({ id: matter.id, archived: !archived }));
    } catch (error) {
      setActionError(error);
    } finally {
      setArchiving(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <MatterHeader matter={matter} ref={titleRef} refreshKey={tab} />
        <ExportBundleButton matterId={matter.id} />
        <Button variant="default" onClick={onBack}>
          {backLabel ?? t('matters.view.back')}
        </Button>
      </Group>
      <DraftScreenProvider screen={{ name: 'case', id: matter.id, place: { tab } }}>
        <Tabs value={tab} onChange={(value) => value && setTab(value as MatterTab)} keepMounted={false}>
          <Tabs.List aria-label={t('matters.tabs.label')} className="amparo-no-print">
            <Tabs.Tab value="overview">{t('matters.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="people">{t('matters.tabs.people')}</Tabs.Tab>
            <Tabs.Tab value="timeline">{t('matters.tabs.timeline')}</Tabs.Tab>
            <Tabs.Tab value="risk">{t('matters.tabs.risk')}</Tabs.Tab>
            <Tabs.Tab value="notes">{t('matters.tabs.notes')}</Tabs.Tab>
            <Tabs.Tab value="evidence">{t('matters.tabs.evidence')}</Tabs.Tab>
            <Tabs.Tab value="correspondence">{t('matters.tabs.correspondence')}</Tabs.Tab>
            <Tabs.Tab value="deadlines">{t('deadlines.tab')}</Tabs.Tab>
            <Tabs.Tab value="measures">{t('matters.tabs.measures')}</Tabs.Tab>
            <Tabs.Tab value="followup">{t('matters.tabs.followup')}</Tabs.Tab>
            <Tabs.Tab value="filings">{t('filings.tab')}</Tabs.Tab>
            <Tabs.Tab value="hearings">{t('hearingsUi.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Stack gap="md">
              {archived && matter.archivedAt && (
                <Alert color="gray" variant="light" role="note" maw={880}>
                  {t('matters.view.archivedNote', {
                    date: formatTimestamp(matter.archivedAt, i18n.language),
                  })}
                </Alert>
              )}
              <NextSteps matter={matter} onOpenTimeline={() => setTab('timeline')} onOpenTab={setTab} />
              <MatterDetails matter={matter} />
              <ErrorAlert error={actionError} />
              <Group>
                <Button onClick={() => setEditing(true)}>{t('matters.view.edit')}</Button>
                <Button variant="default" onClick={() => void toggleArchived()} loading={archiving}>
                  {archived ? t('matters.view.restore') : t('matters.view.archive')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                  {t('matters.view.delete')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {archived ? t('matters.view.restoreHint') : t('matters.view.archiveHint')}
              </Text>
              <StatusHistory matter={matter} onChanged={setMatter} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="people" pt="md">
            <PartiesTab matterId={matter.id} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineTab matterId={matter.id} matterTitle={matter.title} />
          </Tabs.Panel>
          <Tabs.Panel value="risk" pt="md">
            <RiskTab matterId={matter.id} />
          </Tabs.Panel>
          <Tabs.Panel value="notes" pt="md">
            <NotesTab matterId={matter.id} />
          </Tabs.Panel>
          <Tabs.Panel value="measures" pt="md">
            <MeasuresTab
              matterId={matter.id}
              matterTitle={matter.title}
              openId={tab === 'measures' ? found : undefined}
            />
          </Tabs.Panel>
          <Tabs.Panel value="followup" pt="md">
            <FollowupTab
              matterId={matter.id}
              matterTitle={matter.title}
              onOpen={(target) => {
                setFound(target.recordId);
                setTab(target.tab as MatterTab);
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="evidence" pt="md">
            <EvidenceTab
              matterId={matter.id}
              initialOpenId={evidenceToOpen ?? (place?.tab === 'evidence' ? place.evidenceId : undefined)}
              initialFocus={!evidenceToOpen && place?.tab === 'evidence' ? place.evidenceFocus : undefined}
            />
          </Tabs.Panel>
          <Tabs.Panel value="correspondence" pt="md">
            <CorrespondenceTab
              matterId={matter.id}
              initialOpenId={tab === 'correspondence' ? found : undefined}
              onOpenEvidence={(evidenceId) => {
                setEvidenceToOpen(evidenceId);
                setTab('evidence');
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="deadlines" pt="md">
            <DeadlinesTab
              matterId={id}
              openDeadlineId={place?.deadlineId ?? (tab === 'deadlines' ? found : undefined)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="filings" pt="md">
            <FilingsTab matterId={matter.id} />
          </Tabs.Panel>
          <Tabs.Panel value="hearings" pt="md">
            <HearingsTab
              matterId={matter.id}
              {...(place?.tab === 'hearings' && place.hearingId ? { openId: place.hearingId } : {})}
            />
          </Tabs.Panel>
        </Tabs>
      </DraftScreenProvider>
      <ConfirmDialog
        opened={deleting}
        title={t('matters.delete.title')}
        confirmLabel={t('matters.delete.confirm')}
        danger
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await client.trash.delete({ entityType: 'matter', entityId: matter.id });
          setDeleting(false);
          onBack();
        }}
      >
        <Text size="sm">{t('matters.delete.body', { title: matter.title })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
