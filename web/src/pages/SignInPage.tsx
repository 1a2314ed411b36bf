import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, fieldErrors, unwrap } from '../api/client';
import { SESSION_KEY, type Session, useSession } from '../api/session';
import { ProblemAlert } from '../components/Page';

const NEXT_KEY = 'rt.sign-in.next';

/** Only a path of this app: a sign-in link must never bounce the reader to another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const next = safeNext(params.get('next'));
  const { session, loading } = useSession();
  useEffect(() => {
    document.title = 'Sign in · Records tracker';
  }, []);
  if (!token && !loading && session) return <Navigate to={next} replace />;
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" w="100%" maw={440}>
        {token ? <UseLink token={token} next={next} /> : <AskForLink next={next} />}
      </Paper>
    </Center>
  );
}

function AskForLink({ next }: { next: string }) {
  const [email, setEmail] = useState('');
  const ask = useMutation({
    mutationFn: (address: string) => {
      // The emailed link opens a new tab without this page's state; it picks up where the reader was going from here.
      localStorage.setItem(NEXT_KEY, next);
      return unwrap(api.POST('/v1/auth/sign-in-links', { body: { email: address } }));
    },
  });
  const errors = fieldErrors(ask.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    ask.mutate(email.trim());
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          Sign in
        </Title>
        <Text size="sm">We email you a link that signs you in. It works once, for 15 minutes.</Text>
        {ask.isSuccess ? (
          <Alert color="green" title="Check your email" role="status">
            If {email} belongs to someone in a newsroom here, a sign-in link is on its way. Open it on this device.
          </Alert>
        ) : (
          <>
            <TextInput
              label="Work email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              data-autofocus
            />
            {<ProblemAlert error={ask.error} />}
            <Button type="submit" loading={ask.isPending}>
              Email me a sign-in link
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}

function UseLink({ token, next }: { token: string; next: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const use = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/auth/sessions', { body: { token } })),
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_KEY, session as Session);
      const saved = safeNext(localStorage.getItem(NEXT_KEY));
      localStorage.removeItem(NEXT_KEY);
      navigate(next !== '/' ? next : saved, { replace: true });
    },
  });
  // A button rather than signing in on load: mail scanners open links, and must not use up a single-use one.
  return (
    <Stack>
      <Title order={1} size="h2">
        Sign in
      </Title>
      <Text size="sm">This link signs you in to the records tracker on this device.</Text>
      <ProblemAlert error={use.error} title="This link cannot sign you in" />
      {use.error ? (
        <Button component="a" href="/sign-in" variant="default">
          Ask for a new link
        </Button>
      ) : (
        <Button onClick={() => use.mutate()} loading={use.isPending}>
          Continue
        </Button>
      )}
    </Stack>
  );
}
