import { ActionIcon, CopyButton, TextInput, Tooltip } from '@mantine/core';

/** A value to copy (a secret shown once, a feed URL): read-only text with a copy button. */
export function CopyField({ label, value, description }: { label: string; value: string; description?: string }) {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      onFocus={(e) => e.currentTarget.select()}
      styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
      rightSectionWidth={72}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon variant="light" onClick={copy} aria-label={copied ? `${label} copied` : `Copy ${label.toLowerCase()}`} w={60}>
                {copied ? 'Copied' : 'Copy'}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}
