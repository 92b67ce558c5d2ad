import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api.ts';
import type { Locale } from '../types.ts';
import { en } from './en.ts';
import { type MessageKey, type Messages, nb } from './nb.ts';

export type { MessageKey } from './nb.ts';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Locale, Messages> = { nb, en };
const STORAGE_KEY = 'varde.locale';

type I18n = {
  locale: Locale;
  t: Translate;
  /** The user's explicit choice: remembered in this browser. */
  choose: (locale: Locale) => void;
  /** A language from the user's profile, used unless the user has chosen one in this browser. */
  adopt: (locale: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}

/** The language chosen in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? 'nb');

  // Set before children render, so the first requests already carry the right Accept-Language.
  setApiLanguage(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const choose = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage disabled: the choice then lasts for this page only.
    }
    setLocale(next);
  }, []);

  const adopt = useCallback((next: Locale) => {
    if (!storedLocale()) setLocale(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[locale];
    const t: Translate = (key, vars) => interpolate(messages[key] ?? key, vars);
    return { locale, t, choose, adopt };
  }, [locale, choose, adopt]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside I18nProvider');
  return context;
}

export function useT(): Translate {
  return useI18n().t;
}
