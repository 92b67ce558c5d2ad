import { Pagination, Paragraph } from '@digdir/designsystemet-react';
import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label?: string;
};

/** Page numbers to show: the first, the last, and a window around the current page. */
export function pageWindow(current: number, last: number, width = 5): (number | null)[] {
  if (last <= width + 2) return Array.from({ length: last }, (_, i) => i + 1);
  const half = Math.floor(width / 2);
  const start = Math.max(2, Math.min(current - half, last - width));
  const end = Math.min(last - 1, start + width - 1);
  const pages: (number | null)[] = [1];
  if (start > 2) pages.push(null);
  for (let p = start; p <= end; p++) pages.push(p);
  if (end < last - 1) pages.push(null);
  pages.push(last);
  return pages;
}

export function Pager({ page, pageSize, total, onChange, label }: Props) {
  const { t, locale } = useI18n();
  const last = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  return (
    <div className="pager">
      <Paragraph data-size="sm">
        {t('pager.showing', {
          from: formatNumber(from, locale),
          to: formatNumber(to, locale),
          total: formatNumber(total, locale),
        })}
      </Paragraph>
      {last > 1 && (
        <Pagination aria-label={label ?? t('pager.label')}>
          <Pagination.List>
            <Pagination.Item>
              <Pagination.Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
                {t('pager.previous')}
              </Pagination.Button>
            </Pagination.Item>
            {pageWindow(page, last).map((p, index) =>
              p === null ? (
                // An empty item is drawn as an ellipsis by the designsystem.
                // biome-ignore lint/suspicious/noArrayIndexKey: the gaps have no identity of their own
                <Pagination.Item key={`gap-${index}`} />
              ) : (
                <Pagination.Item key={p}>
                  <Pagination.Button
                    aria-label={t('pager.page', { n: p })}
                    aria-current={p === page ? 'true' : undefined}
                    variant="tertiary"
                    onClick={() => onChange(p)}
                  >
                    {p}
                  </Pagination.Button>
                </Pagination.Item>
              ),
            )}
            <Pagination.Item>
              <Pagination.Button disabled={page >= last} onClick={() => onChange(page + 1)}>
                {t('pager.next')}
              </Pagination.Button>
            </Pagination.Item>
          </Pagination.List>
        </Pagination>
      )}
    </div>
  );
}
