// The slack every path that records a time allows, named once so an event
// posted through the API, a filing and an agency email agree on it.

/** How far ahead of the server's clock a time may be and still be a fast clock rather than a claim. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * How long before the filing an agency's answer may still be dated (zones,
 * a reply the same day). Earlier than that it is refused when posted, and an
 * agency email's Date header that claims it is not believed.
 */
export const SUBMISSION_SLACK_MS = 24 * 3600 * 1000;

/** Logged more than this after it happened: allowed, and shown as backdated. */
export const BACKDATED_AFTER_MS = 24 * 3600 * 1000;
