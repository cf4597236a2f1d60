import { createContext, useContext } from 'react';
import type { ApiError } from './http';
import type { OrganiserApi } from './organiserApi';

export const ApiContext = createContext<OrganiserApi | null>(null);

export function useApi(): OrganiserApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside the organiser workspace');
  return api;
}

/** The hub's Vietnamese message, or the catalogue's network sentence when nothing answered. */
export function errorMessage(error: ApiError, network: string): string {
  return error.code === 'NETWORK' ? network : error.message;
}
