// Unit classification: the API contract's shapes (docs/API.md, Security classification).
export const LEVELS = ['halfway_house', 'lower', 'high', 'special_high'] as const;
export type Level = (typeof LEVELS)[number];

export type Criteria = {
  static: {
    perimeter: 'none' | 'fence' | 'wall';
    cameras: 'none' | 'partial' | 'full';
    alarms: boolean;
    searches: 'on_suspicion' | 'routine' | 'systematic';
    entryControl: boolean;
  };
  dynamic: {
    staffPresence: 'occasional' | 'regular' | 'constant';
    contactOfficers: boolean;
    activities: 'few' | 'daily' | 'full';
  };
  organisational: {
    staffingPlan: boolean;
    localInstructions: boolean;
    trainedPercent: number;
    incidentHandling: boolean;
    crisisPlans: boolean;
  };
};

export type Scores = { static: number; dynamic: number; organisational: number };

export type Classification = {
  id: string;
  facilityId: string;
  department: { id: string; code: string; name: string } | null;
  validFrom: string;
  criteria: Criteria;
  scores: Scores;
  level: Level;
  justification: string;
  classifiedBy: string;
  classifiedAt: string;
};

export type UnitLevels = {
  facility: { id: string; code: string; name: string; kind: string };
  on: string;
  level: Level | null;
  current: Classification | null;
  departments: {
    id: string;
    code: string;
    name: string;
    level: Level | null;
    inherited: boolean;
    validFrom: string | null;
    classificationId: string | null;
    match: string | null;
  }[];
  need: Level | null;
  suggestions: { departmentId: string; level: Level; match: string }[] | null;
  history: Classification[];
  classifiable: boolean;
};

export type Overview = {
  on: string;
  items: {
    facility: { id: string; code: string; name: string; kind: string };
    level: Level | null;
    validFrom: string | null;
    departments: number;
    departmentsClassified: number;
    classifiable: boolean;
  }[];
};

export type LevelResult = {
  level: Level;
  scores: Scores;
  limitedBy: ('static' | 'dynamic' | 'organisational')[];
  source: string;
};
