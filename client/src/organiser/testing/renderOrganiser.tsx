import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LocaleProvider, type Locale } from '../../i18n/i18n';
import { ApiContext } from '../api/apiContext';
import type { ApiResult } from '../api/http';
import type { OrganiserApi } from '../api/organiserApi';

const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call to api.${name}`));

/** An API stand-in: the calls a test expects are given, any other call fails the test. */
export function fakeApi(calls: Partial<OrganiserApi> = {}): OrganiserApi {
  const names: Array<keyof OrganiserApi> = ['list', 'create', 'update', 'state', 'joinCodes', 'reissue', 'revoke', 'organiserSession', 'parseDraft', 'parsePoints', 'proposeRevision', 'confirmRevision', 'adminToken'];
  return Object.fromEntries(names.map((n) => [n, calls[n] ?? unexpected(n)])) as OrganiserApi;
}

export const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });

/** Renders a piece of the organiser workspace in Vietnamese (or English) with a fake API. */
export function renderOrganiser(ui: ReactElement, opts: { api?: OrganiserApi; locale?: Locale } = {}) {
  return render(
    <LocaleProvider initial={opts.locale ?? 'vi'}>
      <ApiContext.Provider value={opts.api ?? fakeApi()}>{ui}</ApiContext.Provider>
    </LocaleProvider>,
  );
}
