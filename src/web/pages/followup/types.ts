// Follow-up statistics: the API contract's shape (docs/API.md, Activities and the way out).

export type Recidivism = {
  released: number;
  followedUp: number;
  returned: number;
  rate: number | null;
  group?: string;
};

export type FollowupStatistics = {
  from: string;
  to: string;
  activity: { on: string; inmates: number; active: number; share: number | null };
  participation: { recorded: number; present: number; share: number | null };
  checklists: {
    checklists: number;
    complete: number;
    completeShare: number | null;
    items: number;
    settled: number;
    settledShare: number | null;
  };
  recidivism: {
    years: number;
    total: Recidivism;
    byAgeGroup: Recidivism[];
    byGender: Recidivism[];
    byLength: Recidivism[];
    byFacilityKind: Recidivism[];
  };
  plans: {
    withinDays: number;
    admitted: number;
    plannedInTime: number;
    plannedShare: number | null;
    agreed: number;
    agreedShare: number | null;
  };
  goalsAtRelease: {
    released: number;
    withPlan: number;
    withPlanShare: number | null;
    goals: number;
    reached: number;
    reachedShare: number | null;
  };
};

export type StatRow = {
  key:
    | 'activity'
    | 'participation'
    | 'checklists'
    | 'items'
    | 'planned'
    | 'agreed'
    | 'releasedWithPlan'
    | 'goalsReached';
  count: number;
  of: number;
  share: number | null;
};

/** The headline figures as rows: a count, what it is counted of, and the share. */
export function STAT_FIELDS(s: FollowupStatistics): StatRow[] {
  return [
    { key: 'activity', count: s.activity.active, of: s.activity.inmates, share: s.activity.share },
    {
      key: 'participation',
      count: s.participation.present,
      of: s.participation.recorded,
      share: s.participation.share,
    },
    {
      key: 'checklists',
      count: s.checklists.complete,
      of: s.checklists.checklists,
      share: s.checklists.completeShare,
    },
    { key: 'items', count: s.checklists.settled, of: s.checklists.items, share: s.checklists.settledShare },
    { key: 'planned', count: s.plans.plannedInTime, of: s.plans.admitted, share: s.plans.plannedShare },
    { key: 'agreed', count: s.plans.agreed, of: s.plans.admitted, share: s.plans.agreedShare },
    {
      key: 'releasedWithPlan',
      count: s.goalsAtRelease.withPlan,
      of: s.goalsAtRelease.released,
      share: s.goalsAtRelease.withPlanShare,
    },
    {
      key: 'goalsReached',
      count: s.goalsAtRelease.reached,
      of: s.goalsAtRelease.goals,
      share: s.goalsAtRelease.reachedShare,
    },
  ];
}
