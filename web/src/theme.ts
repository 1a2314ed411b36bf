import { createTheme } from '@mantine/core';

// Contrast first: the default primary shade on white fails WCAG AA for small text.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
});
