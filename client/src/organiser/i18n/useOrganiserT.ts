import { useLocale, type Locale } from '../../i18n/i18n';
import { en } from './en';
import { vi, type OrganiserMessages } from './vi';

const CATALOGUES: Record<Locale, OrganiserMessages> = { vi, en };

/** The organiser's words in the language chosen with the shared switch (remembered on the device). */
export function useOrganiserT(): OrganiserMessages {
  return CATALOGUES[useLocale().locale];
}

export function organiserMessages(locale: Locale): OrganiserMessages {
  return CATALOGUES[locale];
}
