import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function HistoryPage() {
  return <Page title="HistoryPage">{null}</Page>;
}
