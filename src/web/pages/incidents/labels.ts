import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** A label from a key prefix and a value the server sends ('incidents.type' + 'violence'). */
export const label = (t: Translate, prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);
