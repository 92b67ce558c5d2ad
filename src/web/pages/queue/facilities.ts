import { api } from '../../api.ts';
import type { FacilityKind, FacilitySummary, Page } from '../../types.ts';

const PAGE_SIZE = 100;

/** Every facility of the given kinds, all pages, sorted by name. */
export async function fetchFacilities(
  kinds: FacilityKind[],
  signal: AbortSignal,
): Promise<FacilitySummary[]> {
  const lists = await Promise.all(kinds.map((kind) => fetchKind(kind, signal)));
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

async function fetchKind(kind: FacilityKind, signal: AbortSignal): Promise<FacilitySummary[]> {
  const all: FacilitySummary[] = [];
  for (let page = 1; ; page++) {
    const result = await api.get<Page<FacilitySummary>>(
      '/facilities',
      { kind, page, pageSize: PAGE_SIZE },
      signal,
    );
    all.push(...result.items);
    if (result.items.length === 0 || all.length >= result.total) return all;
  }
}
