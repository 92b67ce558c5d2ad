import type { ReactNode } from 'react';

export type Fact = { label: string; value: ReactNode };

/** Label–value pairs as a description list. */
export function Facts({ items, className }: { items: Fact[]; className?: string }) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'}>
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
