import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function InboxPage() {
  return <Page title="InboxPage">{null}</Page>;
}
