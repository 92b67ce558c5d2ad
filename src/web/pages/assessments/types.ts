import type { MessageKey, Translate } from '../../i18n/index.tsx';

export const NEED_AREAS = [
  'housing',
  'education',
  'work',
  'finances',
  'health',
  'substance_use',
  'network',
  'family_children',
] as const;
export const NEED_LEVELS = ['none', 'some', 'significant'] as const;
export const PURPOSES = ['placement', 'leave', 'transport', 'visits', 'release'] as const;
export const OCCASIONS = ['intake', 'scheduled', 'event'] as const;
export const SECURITY_LEVELS = ['halfway_house', 'lower', 'high', 'special_high'] as const;
export const SEPARATION_LEVELS = ['cell', 'department', 'facility'] as const;
export const SEPARATION_REASONS = ['co_defendant', 'victim_perpetrator', 'gang_conflict', 'other'] as const;
/** The catalogue of measures per purpose, least restrictive first (as the server's domain/risk.ts). */
export const KINDS: Record<(typeof PURPOSES)[number], string[]> = {
  placement: ['limited_association', 'exclusion_from_company'],
  leave: ['leave_conditions', 'leave_escorted_only', 'no_leave'],
  transport: ['escort_two_officers', 'escort_restraints', 'escort_police'],
  visits: ['controlled_visits', 'visits_glass_wall', 'no_visits'],
  release: ['release_conditions', 'release_police_notice'],
};

export type Rating = {
  purpose: string;
  probability: number;
  consequence: number;
  score: number;
  level: 'low' | 'moderate' | 'high';
  basis: string;
  proposals: string[];
};

export type Assessment = {
  id: string;
  personId: string;
  number: number;
  status: 'current' | 'superseded';
  occasion: string;
  eventDescription: string | null;
  assessedOn: string;
  reviewDate: string;
  reviewDue: boolean;
  informationSources: string;
  needs: { area: string; level: string; note: string }[];
  resources: string;
  ratings: Rating[];
  securityLevel: string | null;
  securityBasis: string | null;
  organisedCriteria: number[];
  networkCrime: boolean;
  mentalIllnessRisk: boolean;
  interpreterLanguage: string | null;
  infoflyt: boolean;
  createdBy: string;
  createdAt: string;
};

export type Flag = {
  code: string;
  basis: 'computed' | 'recorded';
  explanation: { nb: string; en: string };
  source: string;
};

export type Restriction = {
  id: string;
  version: number;
  kind: string;
  purpose: string;
  rank: number;
  assessmentId: string;
  assessmentNumber: number | null;
  justification: string;
  moreRestrictive: boolean;
  necessityJustification: string | null;
  validFrom: string;
  createdBy: string;
  inForce: boolean;
  lifted: { on: string; justification: string; by: string } | null;
};

export type Separation = {
  id: string;
  version: number;
  other: { id: string; name: string | null };
  level: string;
  reason: string;
  note: string;
  createdBy: string;
  endedOn: string | null;
};

export type Overview = {
  person: { id: string; name: string; birthDate: string };
  today: string;
  current: Assessment | null;
  history: {
    id: string;
    number: number;
    status: string;
    occasion: string;
    assessedOn: string;
    reviewDate: string;
    createdBy: string;
  }[];
  flags: Flag[];
  restrictions: Restriction[];
  nonAssociations: Separation[];
};

/** A label from a key prefix and a value the server sends ('assess.kind' + 'no_leave'). */
export const label = (t: Translate, prefix: string, value: string | number) =>
  t(`${prefix}.${value}` as MessageKey);
