import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function SettingsPage() {
  return <Page title="SettingsPage">{null}</Page>;
}
