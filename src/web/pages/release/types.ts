// The release checklist: the API contract's shapes (docs/API.md, Activities and the way out).

export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'not_needed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type ChecklistItem = {
  id: string;
  area: string;
  status: ItemStatus;
  owner: string;
  dueDate: string | null;
  note: string;
  updatedBy: string | null;
  flag: 'open_near_release' | 'released_open' | 'overdue' | null;
  version: number;
};

export type Checklist = {
  id: string;
  person: { id: string; name: string };
  facility: { id: string; name: string };
  releaseDate: string;
  createdOn: string;
  sentenceId: string;
  /** A release decision is made on the sentence. */
  decided: boolean;
  daysToRelease: number;
  openItems: number;
  flagged: number;
  items: ChecklistItem[];
};

export type Checklists = {
  horizonDays: number;
  upcoming: Checklist[];
  withoutChecklist: {
    person: { id: string; name: string };
    facility: { id: string; name: string };
    releaseDate: string;
    daysToRelease: number;
  }[];
  releasedWithOpenItems: Checklist[];
};
