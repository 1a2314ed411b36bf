import { Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen. The scrolling region is named and
 * focusable, so keyboard users can scroll it even when its rows hold no link or button.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: CSSProperties['minWidth']; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}
