import { useEffect } from 'react';

let marked = false;

/**
 * Marks the moment a page first shows data from the API (`first-data` in the
 * Performance API), once per page load: what bench/web.bench.ts reads as the
 * time a reader waits after navigating.
 */
export function useFirstDataMark(ready: boolean): void {
  useEffect(() => {
    if (!ready || marked || typeof performance === 'undefined') return;
    marked = true;
    performance.mark('first-data');
  }, [ready]);
}
