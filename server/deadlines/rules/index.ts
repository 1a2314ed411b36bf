import { z } from 'zod';

import type { JurisdictionRules } from '../rule-types';
import { jurisdictionSchema } from './rule-schema';

import US from './US.json';
import US_AK from './US-AK.json';
import US_AL from './US-AL.json';
import US_AR from './US-AR.json';
import US_AZ from './US-AZ.json';
import US_CA from './US-CA.json';
import US_CO from './US-CO.json';
import US_CT from './US-CT.json';
import US_DC from './US-DC.json';
import US_DE from './US-DE.json';
import US_FL from './US-FL.json';
import US_GA from './US-GA.json';
import US_HI from './US-HI.json';
import US_IA from './US-IA.json';
import US_ID from './US-ID.json';
import US_IL from './US-IL.json';
import US_IN from './US-IN.json';
import US_KS from './US-KS.json';
import US_KY from './US-KY.json';
import US_LA from './US-LA.json';
import US_MA from './US-MA.json';
import US_MD from './US-MD.json';
import US_ME from './US-ME.json';
import US_MI from './US-MI.json';
import US_MN from './US-MN.json';
import US_MO from './US-MO.json';
import US_MS from './US-MS.json';
import US_MT from './US-MT.json';
import US_NC from './US-NC.json';
import US_ND from './US-ND.json';
import US_NE from './US-NE.json';
import US_NH from './US-NH.json';
import US_NJ from './US-NJ.json';
import US_NM from './US-NM.json';
import US_NV from './US-NV.json';
import US_NY from './US-NY.json';
import US_OH from './US-OH.json';
import US_OK from './US-OK.json';
import US_OR from './US-OR.json';
import US_PA from './US-PA.json';
import US_RI from './US-RI.json';
import US_SC from './US-SC.json';
import US_SD from './US-SD.json';
import US_TN from './US-TN.json';
import US_TX from './US-TX.json';
import US_UT from './US-UT.json';
import US_VA from './US-VA.json';
import US_VT from './US-VT.json';
import US_WA from './US-WA.json';
import US_WI from './US-WI.json';
import US_WV from './US-WV.json';
import US_WY from './US-WY.json';

/**
 * The reviewed rule files, imported statically so they ship with the code and
 * are validated once, at module load: a bad data file stops the process at
 * start-up instead of producing a wrong date later.
 */
const RAW_RULES: Record<string, unknown> = {
  US: US,
  'US-AK': US_AK,
  'US-AL': US_AL,
  'US-AR': US_AR,
  'US-AZ': US_AZ,
  'US-CA': US_CA,
  'US-CO': US_CO,
  'US-CT': US_CT,
  'US-DC': US_DC,
  'US-DE': US_DE,
  'US-FL': US_FL,
  'US-GA': US_GA,
  'US-HI': US_HI,
  'US-IA': US_IA,
  'US-ID': US_ID,
  'US-IL': US_IL,
  'US-IN': US_IN,
  'US-KS': US_KS,
  'US-KY': US_KY,
  'US-LA': US_LA,
  'US-MA': US_MA,
  'US-MD': US_MD,
  'US-ME': US_ME,
  'US-MI': US_MI,
  'US-MN': US_MN,
  'US-MO': US_MO,
  'US-MS': US_MS,
  'US-MT': US_MT,
  'US-NC': US_NC,
  'US-ND': US_ND,
  'US-NE': US_NE,
  'US-NH': US_NH,
  'US-NJ': US_NJ,
  'US-NM': US_NM,
  'US-NV': US_NV,
  'US-NY': US_NY,
  'US-OH': US_OH,
  'US-OK': US_OK,
  'US-OR': US_OR,
  'US-PA': US_PA,
  'US-RI': US_RI,
  'US-SC': US_SC,
  'US-SD': US_SD,
  'US-TN': US_TN,
  'US-TX': US_TX,
  'US-UT': US_UT,
  'US-VA': US_VA,
  'US-VT': US_VT,
  'US-WA': US_WA,
  'US-WI': US_WI,
  'US-WV': US_WV,
  'US-WY': US_WY,
};

export class RuleDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleDataError';
  }
}

function loadRules(): ReadonlyMap<string, JurisdictionRules> {
  const loaded = new Map<string, JurisdictionRules>();
  for (const [code, raw] of Object.entries(RAW_RULES)) {
    const parsed = jurisdictionSchema.safeParse(raw);
    if (!parsed.success) {
      throw new RuleDataError(`${code}.json is invalid:\n${z.prettifyError(parsed.error)}`);
    }
    if (parsed.data.code !== code) {
      throw new RuleDataError(`${code}.json declares code ${parsed.data.code}`);
    }
    loaded.set(code, parsed.data);
  }
  return loaded;
}

export const RULES: ReadonlyMap<string, JurisdictionRules> = loadRules();

/** Exposed for tests that check a deliberately broken file is rejected. */
export function validateRuleFile(raw: unknown): JurisdictionRules {
  return jurisdictionSchema.parse(raw);
}
