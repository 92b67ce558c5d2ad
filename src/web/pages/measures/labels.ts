import type { MessageKey, Translate } from '../../i18n/index.tsx';

export const typeLabel = (t: Translate, type: string) => t(`measures.type.${type}` as MessageKey);
export const levelLabel = (t: Translate, level: string | null) =>
  level ? t(`measures.level.${level}` as MessageKey) : t('measures.noLevel');
