/**
 * Deadlines that bind the requester, not the agency. When one lapses nobody is
 * late: it drops out of overdue counts, lists and reminders (it is still shown
 * while it runs, because missing an appeal window loses the appeal).
 */
export const REQUESTER_WINDOWS = ['appeal', 'further_review'] as const;
/** For SQL text: the same list as a literal, from constants only. */
export const REQUESTER_WINDOWS_SQL = `(${REQUESTER_WINDOWS.map((k) => `'${k}'`).join(', ')})`;
