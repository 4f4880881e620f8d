import { useTranslation } from 'react-i18next';
import { fieldOfParam, type FieldKey } from './draft.ts';
import type { QueuedRegistration } from './queue.ts';

export interface ShownError {
  field: FieldKey | null;
  message: string;
  /** 'en' when the server's own (English) words are shown, for want of a translation. */
  lang?: 'en' | undefined;
}

/** The server's reasons for refusing a registration, in the reader's language where known. */
export function useServerMessages(): (item: QueuedRegistration) => ShownError[] {
  const { t, i18n } = useTranslation();
  return (item) => {
    if (item.errors.length > 0)
      return item.errors.map((p) => {
        const field = fieldOfParam(p);
        const key = `controls.serverError.${field ?? 'other'}.${p.code}`;
        return i18n.exists(key)
          ? { field, message: t(key) }
          : { field, message: p.reason, lang: 'en' as const };
      });
    if (item.status === 403) return [{ field: null, message: t('controls.queue.refused403') }];
    if (item.status === 409) return [{ field: null, message: t('controls.queue.refused409') }];
    return [
      item.message
        ? { field: null, message: item.message, lang: 'en' as const }
        : { field: null, message: t('controls.queue.refusedOther') },
    ];
  };
}
