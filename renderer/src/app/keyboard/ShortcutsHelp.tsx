import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { displayKeys, hasShortcut, SHORTCUTS, useShortcutsVersion } from './shortcuts';

/** The panel opened with `?` (or from the header): every keyboard shortcut that works right now. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const macos = useOs() === 'macos';
  useShortcutsVersion();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('keyboard.helpTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('keyboard.action')}</Table.Th>
            <Table.Th>{t('keyboard.keys')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.filter((s) => hasShortcut(s.id)).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{t(`keyboard.shortcut.${s.id}`)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {displayKeys(s.keys, macos, t('keyboard.ctrl')).map((key, i) => (
                    <Kbd key={i}>{key}</Kbd>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        {t('keyboard.tabHint')}
      </Text>
    </Modal>
  );
}
