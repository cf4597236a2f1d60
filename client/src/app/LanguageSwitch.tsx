import { LOCALES, useLocale } from '../i18n/i18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <div className="lang" role="group" aria-label={t.lang.label}>
      {LOCALES.map((l) => (
        <button key={l} type="button" className="lang__btn" aria-pressed={locale === l} lang={l} onClick={() => setLocale(l)}>
          {l === 'vi' ? 'VI' : 'EN'}
          <span className="sr-only"> {t.lang[l]}</span>
        </button>
      ))}
    </div>
  );
}
