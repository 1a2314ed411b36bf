import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function CalendarPage() {
  return <Page title="CalendarPage">{null}</Page>;
}
