import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function AccountPage() {
  return <Page title="AccountPage">{null}</Page>;
}
