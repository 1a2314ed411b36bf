import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { makeQueryClient } from '../App';
import { SessionProvider } from '../api/session';
import { theme } from '../theme';

/** Renders a page at a URL inside the app's providers, with the API answered by `fetch` stubs the test installs. */
export function renderAt(path: string, routes: Array<{ path: string; element: ReactElement }>) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={makeQueryClient()}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
