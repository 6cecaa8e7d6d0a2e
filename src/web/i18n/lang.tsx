import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bilingual } from '../../common/enums';
import { dict, type DictKey } from './dict';

export type Lang = 'zh' | 'en';
export const LANG_STORAGE_KEY = 'ecosteward.lang';

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return 'zh';
}

type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A UI string from the dictionary, with `{name}` placeholders filled. */
  t: (key: DictKey, vars?: Vars) => string;
  /** Like `t`, but placeholders may be React nodes (e.g. a number in its own testable element). */
  tNode: (key: DictKey, vars: Record<string, ReactNode>) => ReactNode;
  /** The label of an enum value (ROLE, SOURCE_TYPE, ...) in the current language. */
  label: <K extends string>(e: { labels: Record<K, Bilingual> }, value: K) => string;
  /** A bilingual text (e.g. an API error message) in the current language. */
  pick: (text: Bilingual) => string;
  /** An ISO timestamp as YYYY-MM-DD HH:mm in Asia/Shanghai. */
  formatTime: (iso: string) => string;
  locale: string;
}

const I18nContext = createContext<I18n | null>(null);

function fill(text: string, vars?: Vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

const timeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatShanghai(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(timeFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // ignore: the choice then lasts for this page only
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${dict['app.name'][lang]}${lang === 'zh' ? ' · EcoSteward' : ' · 环保管家平台'}`;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fill(dict[key][lang], vars),
      tNode: (key, vars) =>
        dict[key][lang].split(/(\{\w+\})/).map((part, i) => {
          const m = /^\{(\w+)\}$/.exec(part);
          return <Fragment key={i}>{m && m[1] in vars ? vars[m[1]] : part}</Fragment>;
        }),
      label: (e, v) => e.labels[v]?.[lang] ?? String(v),
      pick: (text) => text[lang],
      formatTime: formatShanghai,
      locale: lang === 'zh' ? 'zh-CN' : 'en',
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside LangProvider');
  return ctx;
}
