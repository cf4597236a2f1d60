import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { vi } from './vi';

export type Messages = typeof vi;
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Messages> = { vi, en };
const LOCALE_KEY = 'diemcau.locale';

function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    return saved === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface LocaleContextValue {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue>({ locale: 'vi', t: vi, setLocale: () => undefined });

/** Vietnamese by default; the choice is remembered on the device. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocale] = useState<Locale>(() => initial ?? storedLocale());
  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // private mode: the choice just is not remembered
    }
  }, [locale]);
  const value = useMemo(() => ({ locale, t: CATALOGUES[locale], setLocale }), [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useT(): Messages {
  return useContext(LocaleContext).t;
}

export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
