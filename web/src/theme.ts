import { createTheme } from '@mantine/core';

// Contrast first: the default primary shade on white fails WCAG AA for small text.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Mantine's close button is an icon with no name; axe (critical: button-name) and screen readers need one.
    // A plain object rather than Modal.extend, so the entry chunk does not import Modal for the pages that use it.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});
