import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../App';
import { theme } from '../theme';
import { AppealEditor } from './FollowUps';

// The API client takes `fetch` when it is created, so the stub is in place before any import.
const sent = vi.hoisted(() => {
  const requests: Array<{ method: string; url: string; key: string | null; body: unknown }> = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      key: request.headers.get('Idempotency-Key'),
      body: request.method === 'GET' ? null : await request.json(),
    });
    return new Response(JSON.stringify({ draft: null, request: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return requests;
});

const ID = '3f7e7f52-8c1c-4a4e-9a51-1f7a3c8b2d10';
const DRAFT = { subject: 'Appeal: Freedom of Information Act request: the email', body: 'I appeal the denial.\n' };

describe('AppealEditor', () => {
  it('sends the appeal as edited: the subject and text in the boxes, not the draft', async () => {
    render(
      <MantineProvider theme={theme}>
        <QueryClientProvider client={makeQueryClient()}>
          <AppealEditor requestId={ID} draft={DRAFT} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    const user = userEvent.setup();
    const subject = screen.getByLabelText('Email subject');
    await user.clear(subject);
    await user.type(subject, 'FOIA appeal: the all-employee email');
    await user.type(screen.getByLabelText('Appeal'), 'We also ask for a Vaughn index.');
    await user.click(screen.getByRole('button', { name: 'Send the appeal by email' }));
    await screen.findByText('Appeal sent');

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      body: {
        action: 'send',
        subject: 'FOIA appeal: the all-employee email',
        body: 'I appeal the denial.\nWe also ask for a Vaughn index.',
      },
    });
    expect(new URL(sent[0]!.url).pathname).toBe(`/v1/requests/${ID}/appeal`);
    expect(sent[0]!.key).toMatch(new RegExp(`^appeal-${ID}-[0-9a-f]+$`));
  });
});
