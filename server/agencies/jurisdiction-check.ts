// Interim check until the deadline engine's rule sets land; replaced by its
// isJurisdictionCode so there is one list of jurisdictions.
const STATES = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');
const CODES = new Set(['US', ...STATES.map((s) => `US-${s}`)]);

export function isKnownJurisdiction(code: string): boolean {
  return CODES.has(code);
}
