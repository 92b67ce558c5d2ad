// Partners and referrals: the API contract's shapes (docs/API.md, Activities and the way out).

export const PARTNER_KINDS = ['nav', 'health', 'municipality', 'school', 'ngo', 'user_organisation'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const NEED_AREAS = [
  'housing',
  'income_work',
  'health',
  'debt',
  'id_papers',
  'network',
  'education',
  'substance_use',
] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

export const REFERRAL_STATUSES = ['sent', 'received', 'accepted', 'declined', 'done'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses a referral may move to from each status (the server checks the same). */
export const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['received', 'accepted', 'declined'],
  received: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};

export type Contact = { id: string; name: string; role: string; phone: string; email: string };

export type Partner = {
  id: string;
  name: string;
  kind: PartnerKind;
  municipality: string;
  contacts: Contact[];
};

export type Referral = {
  id: string;
  person: { id: string; name: string };
  partner: { id: string; name: string; kind: PartnerKind };
  contact: string | null;
  needArea: NeedArea;
  text: string;
  /** The plan goal the referral serves, as the plan's latest version words it. */
  goal: { planId: string; key: string; needArea: string; description: string } | null;
  status: ReferralStatus;
  answer: string | null;
  sentOn: string;
  answeredOn: string | null;
  createdBy: string;
  version: number;
};
