import { createTheme, Modal } from '@mantine/core';

// Contrast first: the default primary shade on white fails WCAG AA for small text.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Mantine's close button is an icon with no name; axe (critical: button-name) and screen readers need one.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});
