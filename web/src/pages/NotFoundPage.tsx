import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Page title="Not found">
      <Text>There is no such {what} in your newsroom. It may have been mistyped, or it belongs to another newsroom.</Text>
      <Anchor component={Link} to="/requests">
        Go to your requests
      </Anchor>
    </Page>
  );
}

export default NotFoundPage;
