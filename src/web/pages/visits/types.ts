// The shapes of the visits API, as the pages read them.
export type RoomKind =
  | 'ordinary'
  | 'supervised'
  | 'glass_wall'
  | 'child_friendly'
  | 'video'
  | 'official'
  | 'media';
export type Outcome = 'grant' | 'grant_with_conditions' | 'video_instead' | 'refuse';
export type Condition = 'glass_wall' | 'distance';
export type FacilityRef = { id: string; code: string; name: string };

export type Slot = {
  roomId: string;
  roomName: string;
  roomKind: RoomKind;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  free: number;
  closed: boolean;
  closedReason: string | null;
};
export type Slots = { facility: FacilityRef; date: string; slots: Slot[] };

export type Template = { id: string; weekday: number; startTime: string; endTime: string; capacity: number };
export type Room = {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  active: boolean;
  templates: Template[];
};
export type Closure = {
  id: string;
  roomId: string | null;
  roomName: string | null;
  fromDate: string;
  toDate: string;
  reason: string;
  createdBy: string;
};
export type Rooms = { facility: FacilityRef; rooms: Room[]; closures: Closure[]; manageable: boolean };

export type Visitor = {
  id: string;
  version: number;
  name: string;
  relation: string;
  closeFamily: boolean;
  birthDate: string | null;
  minor: boolean;
  homeMunicipality: string;
  publicTransport: boolean;
  policeCheck: string;
  policeCheckDate: string | null;
  status: 'applied' | 'approved' | 'refused' | 'withdrawn';
  decisionReason: string | null;
  decidedBy: string | null;
};
export type Visitors = {
  visitors: Visitor[];
  placesUsed: number;
  maxPlaces: number;
  restriction: { kind: string; reason: string; validFrom: string; validTo: string | null } | null;
  facility: FacilityRef | null;
};

export type Factor = {
  code: string;
  points: number;
  value: Record<string, string | number | boolean | null>;
  source: string;
};
export type Assessment = {
  refusal: { code: string; field: string; message: string } | null;
  factors: Factor[];
  score: number;
  recommendation: {
    outcome: Outcome;
    conditions: Condition[];
    reasons: { code: string; text: string; source: string }[];
  };
  videoOffers: Slot[];
  legalReference: string;
};

export type Visit = {
  id: string;
  version: number;
  kind: string;
  status: 'booked' | 'completed' | 'cancelled' | 'refused' | 'no_show';
  room: { id: string; name: string; kind: RoomKind };
  date: string;
  startTime: string;
  endTime: string;
  visitors: { id: string; name: string }[];
  externalVisitor: string | null;
  recommendation: Outcome | null;
  outcome: Outcome | null;
  conditions: string[];
  justification: string | null;
  cancelReason: string | null;
  facility: FacilityRef;
  review: VisitReview;
};

/** A change since the assessment a visit rested on, in plain words. */
export type VisitChange = { code: string; before: string; after: string; text: { nb: string; en: string } };
export type ReviewAction = 'keep' | 'conditions' | 'video' | 'cancel';
export type VisitReview = {
  pending: {
    changes: VisitChange[];
    recommendationNow: Outcome;
    block: { code: string; message: { nb: string; en: string } } | null;
  } | null;
  last: {
    action: ReviewAction;
    outcome: Outcome;
    conditions: string[];
    justification: string | null;
    by: string;
    at: string;
    changes: VisitChange[];
    from: { date: string; startTime: string; endTime: string; room: string };
  } | null;
};

export type PersonRef = { id: string; givenName: string; familyName: string };
export type ReviewItem = {
  visit: Visit;
  person: PersonRef;
  booked: { recommendation: Outcome | null; conditions: Condition[]; factors: Factor[] };
  now: {
    recommendation: Outcome;
    conditions: Condition[];
    factors: Factor[];
    reasons: { code: string; text: string; source: string }[];
    block: { code: string; message: { nb: string; en: string } } | null;
  };
  changes: VisitChange[];
  stricter: boolean;
  recommended: Outcome;
  videoAvailable: boolean;
};
export type ReviewList = {
  facility: FacilityRef;
  today: string;
  items: ReviewItem[];
  reviewed: { visit: Visit; person: PersonRef }[];
};

export type NoticeText = {
  title: string;
  paragraphs: string[];
  changesHeading: string;
  changes: string[];
  legal: string;
};
export type VisitNotice = {
  visit: Visit;
  person: { id: string; name: string };
  notice: { nb: NoticeText; en: NoticeText } | null;
};
