import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure, useOs } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/schemas/settings';
import type { VaultStatus } from '../../../shared/schemas/vault';
import { MatterListScreen, type MatterListQuery } from '../features/matters/MatterListScreen';
import { MatterScreen, type MatterPlace } from '../features/matters/MatterScreen';
import { NewMatterScreen } from '../features/matters/NewMatterScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { EMPTY_SEARCH, SearchScreen, type SearchMemory } from '../features/search/SearchScreen';
import { QuickSwitcher, quickSwitcher } from '../features/switcher/QuickSwitcher';
import { TrashScreen } from '../features/trash/TrashScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { useActivityReporter } from './useActivityReporter';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import type { DeadlineOpeners } from '../features/dashboard/DeadlineSection';
import { CalendarScreen } from '../features/calendar/CalendarScreen';
import { DraftPlaceProvider, type DraftScreen } from '../features/drafts/DraftContext';
import { useRestoredDrafts } from '../features/drafts/useRestoredDrafts';
import { ShortcutsHelp } from './keyboard/ShortcutsHelp';
import { useShortcut } from './keyboard/shortcuts';
import { useShortcutKeys } from './keyboard/useShortcutKeys';
import { MAIN_ID, SkipLink } from './keyboard/SkipLink';
import { followOpenRequests } from '../features/deadlines/openRequests';

type Screen =
  | { name: 'dashboard' }
  | { name: 'calendar' }
  | { name: 'cases' }
  | { name: 'newCase' }
  | { name: 'case'; id: string; place?: MatterPlace; from?: 'search' }
  | { name: 'people' }
  | { name: 'search' }
  | { name: 'import' }
  | { name: 'trash' }
  | { name: 'audit' }
  | { name: 'settings' };

/** Top-level places in the navigation; the case screens count as "cases". */
const NAV_ITEMS = [
  'dashboard',
  'calendar',
  'cases',
  'people',
  'search',
  'import',
  'trash',
  'audit',
  'settings',
] as const;
type NavItem = (typeof NAV_ITEMS)[number];

/** Where to return after unlock: a screen saved with a draft, if it is one this workspace knows. */
function isScreen(value: DraftScreen): boolean {
  // A form the user left for another screen is not where they were when the vault locked.
  if (value.away === true) return false;
  if (value.name === 'case') return typeof value.id === 'string';
  return value.name === 'newCase' || (NAV_ITEMS as readonly unknown[]).includes(value.name);
}

interface WorkspaceProps {
  status: VaultStatus;
  /** Where the user was when this vault locked (in this run): shown first instead of the dashboard. */
  returnTo?: DraftScreen;
  settings: Settings;
  onSettingsChange: (settings: Settings) => void;
  onLock: () => void;
}

/**
 * Everything shown while the vault is open. All case data lives in state below this component, so
 * unmounting it (on lock) drops it from memory and from the DOM.
 */
export function Workspace({ status, returnTo, settings, onSettingsChange, onLock }: WorkspaceProps) {
  const { t } = useTranslation();
  const os = useOs();
  // The dashboard first: what is overdue and due soon is what a team must see after unlock. A kept draft
  // then brings the user back to its form, or else (after a lock in this run) the screen they were on.
  const [screen, setScreen] = useState<Screen>({ name: 'dashboard' });
  const [listState, setListState] = useState<MatterListQuery>({ archived: false, query: '', page: 1 });
  // The last search, kept in memory for this unlocked session only (it is case text): back from a hit.
  const [searchMemory, setSearchMemory] = useState<SearchMemory>(EMPTY_SEARCH);
  const shortcut = os === 'macos' ? '⌘L' : 'Ctrl+L';
  const [navOpen, nav] = useDisclosure(true);
  const [helpOpen, help] = useDisclosure(false);
  const drafts = useRestoredDrafts(
    screen as unknown as DraftScreen,
    (next) => setScreen(next as unknown as Screen),
    isScreen,
    returnTo,
  );

  useShortcutKeys();
  useShortcut('lock', onLock);
  useShortcut('help', help.open);
  useShortcut(
    'newCase',
    useCallback(() => setScreen({ name: 'newCase' }), []),
  );
  useShortcut(
    'search',
    useCallback(() => setScreen({ name: 'search' }), []),
  );
  useActivityReporter();
  // A clicked deadline reminder opens that deadline in its case.
  useEffect(
    () =>
      followOpenRequests(({ matterId, deadlineId }) =>
        setScreen({ name: 'case', id: matterId, place: { tab: 'deadlines', deadlineId } }),
      ),
    [],
  );

  const openers: DeadlineOpeners = {
    onOpenCase: (id) => setScreen({ name: 'case', id }),
    onOpenDeadline: (id, recordId) => setScreen({ name: 'case', id, place: { tab: 'deadlines', recordId } }),
    onOpenCommunication: (id, recordId) =>
      setScreen({ name: 'case', id, place: { tab: 'correspondence', recordId } }),
  };

  const current: NavItem =
    screen.name === 'newCase' || screen.name === 'case' ? 'cases' : (screen.name as NavItem);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpen, desktop: !navOpen } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              size="sm"
              aria-label={navOpen ? t('shell.hideNavigation') : t('shell.showNavigation')}
              aria-expanded={navOpen}
              aria-controls="amparo-navbar"
            />
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" truncate="start" title={status.path ?? ''} data-testid="current-vault">
              {t('shell.vault', { path: status.path ?? '' })}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={quickSwitcher.open} aria-keyshortcuts="Control+K Meta+K">
              {t('finding.switcher.button', { shortcut: os === 'macos' ? '⌘K' : 'Ctrl+K' })}
            </Button>
            <Tooltip label={t('keyboard.open')} withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={help.open}
                aria-label={t('keyboard.open')}
                aria-keyshortcuts="?"
              >
                ?
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('shell.lockTooltip', { shortcut })} withArrow>
              <Button variant="filled" color="dark" onClick={onLock} aria-keyshortcuts="Control+L Meta+L">
                {t('shell.lockNow')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        component="nav"
        id="amparo-navbar"
        aria-label={t('shell.navigation')}
        // Folded away: out of the tab order and of what screen readers read, not just slid off screen.
        style={navOpen ? undefined : { visibility: 'hidden' }}
      >
        <Stack gap={4}>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item}
              component="button"
              label={
                item === 'import'
                  ? t('import.nav')
                  : item === 'dashboard' || item === 'calendar'
                    ? t(`dashboard.nav.${item}`)
                    : t(`shell.${item}`)
              }
              active={current === item}
              aria-current={current === item ? 'page' : undefined}
              onClick={() => {
                setScreen({ name: item } as Screen);
                // Where the navigation covers the screen (narrow windows), choosing closes it.
                if (window.matchMedia('(max-width: 48em)').matches) nav.close();
              }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className="amparo-main">
        <DraftPlaceProvider value={drafts}>
          {screen.name === 'dashboard' && (
            <DashboardScreen
              openers={openers}
              onOpenCalendar={() => setScreen({ name: 'calendar' })}
              onOpenSettings={() => setScreen({ name: 'settings' })}
            />
          )}
          {screen.name === 'calendar' && <CalendarScreen onOpenDeadline={openers.onOpenDeadline} />}
          {screen.name === 'cases' && (
            <MatterListScreen
              state={listState}
              onStateChange={setListState}
              onOpen={(id) => setScreen({ name: 'case', id })}
              onNew={() => setScreen({ name: 'newCase' })}
            />
          )}
          {screen.name === 'newCase' && (
            <NewMatterScreen
              onCreated={(id) => setScreen({ name: 'case', id })}
              onCancel={() => setScreen({ name: 'cases' })}
            />
          )}
          {screen.name === 'case' && (
            <MatterScreen
              key={`${screen.id}/${screen.place?.deadlineId ?? ''}`}
              id={screen.id}
              place={screen.place}
              onBack={() => setScreen(screen.from === 'search' ? { name: 'search' } : { name: 'cases' })}
              {...(screen.from === 'search' ? { backLabel: t('finding.search.back') } : {})}
            />
          )}
          {screen.name === 'people' && <PeopleScreen />}
          {screen.name === 'search' && (
            <SearchScreen
              memory={searchMemory}
              onMemoryChange={setSearchMemory}
              onOpenMatter={(id, place) => setScreen({ name: 'case', id, place, from: 'search' })}
              onOpenPeople={() => setScreen({ name: 'people' })}
            />
          )}
          {screen.name === 'import' && (
            <ImportScreen onOpenMatter={(id) => setScreen({ name: 'case', id })} />
          )}
          {screen.name === 'trash' && <TrashScreen />}
          {screen.name === 'audit' && (
            <AuditScreen
              onOpenMatter={(id, place) => setScreen({ name: 'case', id, place })}
              onOpenPeople={() => setScreen({ name: 'people' })}
            />
          )}
          {screen.name === 'settings' && (
            <SettingsScreen settings={settings} onSettingsChange={onSettingsChange} />
          )}
        </DraftPlaceProvider>
      </AppShell.Main>
      <QuickSwitcher onOpen={(id) => setScreen({ name: 'case', id })} />
      <ShortcutsHelp opened={helpOpen} onClose={help.close} />
    </AppShell>
  );
}
