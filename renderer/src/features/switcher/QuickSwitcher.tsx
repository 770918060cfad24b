import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useLoad } from '../../components/useLoad';

/** The switcher's own store, so the workspace (and only it) can open it from a button or a shortcut. */
export const [switcherStore, quickSwitcher] = createSpotlight();

/**
 * Ctrl+K (⌘K): jump to a case by reference, title or a beneficiary's pseudonym. The core never matches
 * protected names; a confidential case shows its reference only until it is revealed.
 */
export function QuickSwitcher({ onOpen }: { onOpen: (matterId: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const found = useLoad(opened ? () => client.matters.quickFind({ query: debounced, limit: 20 }) : null, [
    opened,
    debounced,
  ]);
  const hits = found.data ?? [];

  // Enter opens the best match at once, as in other switchers (Mantine selects nothing until an arrow key).
  useEffect(() => {
    if (!found.data || found.data.length === 0) return;
    const list = document.getElementById(switcherStore.getState().listId);
    const first = list?.querySelector('[data-action]');
    if (!list || !first) return;
    list.querySelector('[data-selected]')?.removeAttribute('data-selected');
    first.setAttribute('data-selected', 'true');
    switcherStore.updateState((state) => ({ ...state, selected: 0 }));
  }, [found.data]);

  return (
    <Spotlight.Root
      store={switcherStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Also from inside a form field: jumping is harmless, and typing stays where it was.
      tagsToIgnore={[]}
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
      scrollable
      maxHeight={420}
    >
      <Spotlight.Search
        placeholder={t('finding.switcher.placeholder')}
        aria-label={t('finding.switcher.placeholder')}
      />
      <Spotlight.ActionsList aria-label={t('finding.switcher.results')}>
        {hits.map((hit) => (
          <Spotlight.Action key={hit.id} onClick={() => onOpen(hit.id)} data-testid="switcher-hit">
            <Group wrap="nowrap" gap="sm" w="100%" justify="space-between">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {hit.reference || t('finding.search.noReference')}
                  {hit.title !== null ? ` · ${hit.title}` : ''}
                </Text>
                {hit.pseudonym && (
                  <Text size="xs" c="dimmed">
                    {t('finding.switcher.beneficiary', { pseudonym: hit.pseudonym })}
                  </Text>
                )}
              </div>
              <Group gap={4} wrap="nowrap">
                {hit.title === null && (
                  <Badge color="red" variant="light" size="sm">
                    {t('classification.confidential')}
                  </Badge>
                )}
                {hit.archived && (
                  <Badge color="gray" variant="light" size="sm">
                    {t('finding.switcher.archived')}
                  </Badge>
                )}
                <Badge color="gray" variant="outline" size="sm">
                  {t(`matterStatus.${hit.status}`)}
                </Badge>
              </Group>
            </Group>
          </Spotlight.Action>
        ))}
        {found.data && hits.length === 0 && <Spotlight.Empty>{t('finding.switcher.empty')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
