/**
 * Links the product sends to people (reminders, digests, notices, calendar
 * events) open the web app's page, which signs the person in first; links
 * for scripts (the API, the calendar feed itself) stay under /v1.
 */
export function requestPageUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl}/requests/${encodeURIComponent(requestId)}`;
}
