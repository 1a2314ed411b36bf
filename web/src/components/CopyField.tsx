import { Button, CopyButton, TextInput } from '@mantine/core';

/** A value to copy (a secret shown once, a feed URL): read-only text with a copy button. */
export function CopyField({ label, value, description }: { label: string; value: string; description?: string }) {
  // No tooltip: it would pull floating-ui's hover interactions into the first bundle; the button says "Copied" itself.
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      onFocus={(e) => e.currentTarget.select()}
      styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
      rightSectionWidth={84}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              onClick={copy}
              aria-label={copied ? `${label} copied` : `Copy ${label.toLowerCase()}`}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      }
    />
  );
}
