export type Figure = { value: number; previous: number; change: number };

export type FigureKey =
  | 'inmateCases'
  | 'staffCases'
  | 'inmateQuarantine'
  | 'staffQuarantine'
  | 'inmateSuspected'
  | 'staffSuspected'
  | 'beds'
  | 'capacity'
  | 'occupied'
  | 'free'
  | 'queueAffected'
  | 'visitsCancelled'
  | 'visitsStopped'
  | 'leaveRestricted'
  | 'singleOccupancy'
  | 'outbreak';

export type Figures = Record<FigureKey, Figure>;
export type MeasureLevel = 'none' | 'low' | 'moderate' | 'high' | 'severe';

export type FacilityRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  measures: {
    visits: string | null;
    solitary: string | null;
    singleOccupancy: boolean;
    leaveRestricted: boolean;
    level: MeasureLevel;
    previousLevel: MeasureLevel;
  };
  figures: Figures;
};

export type CrisisDashboard = {
  date: string;
  previousDate: string;
  generatedAt: string;
  scope: { kind: 'national' | 'units' | 'facilities'; names: string[] };
  totals: Figures;
  regions: { id: string; name: string; totals: Figures; facilities: FacilityRow[] }[];
};

export type SeriesPoint = {
  date: string;
  inmateCases: number;
  staffCases: number;
  inmateQuarantine: number;
  staffQuarantine: number;
};
export type Series = { name: string; points: SeriesPoint[] };
export type SeriesResponse = { from: string; to: string; all: Series; selected: Series | null };
