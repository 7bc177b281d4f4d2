// The departments and the request form metadata change rarely: load them once per page visit and share them
// between the components that need them.
import { useEffect, useState } from 'react';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { requestsApi, type RequestMeta } from './api.ts';

function cached<T>(load: () => Promise<T>) {
  let pending: Promise<T> | null = null;
  return () => {
    // A failed load is not kept, so the next component tries again.
    pending ??= load().catch((e) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}

const loadDepartments = cached(requestsApi.departments);
const loadMeta = cached(requestsApi.meta);

function useCached<T>(load: () => Promise<T>): { data: T | undefined; error: unknown } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setState({ data, error: null }))
      .catch((error) => live && setState({ data: undefined, error }));
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

/** All departments and streets (GET /api/departments). */
export function useDepartments(): { departments: DepartmentInfo[] | undefined; error: unknown } {
  const { data, error } = useCached(loadDepartments);
  return { departments: data, error };
}

/** Types, categories, places and time limits (GET /api/requests/meta). */
export function useRequestMeta(): { meta: RequestMeta | undefined; error: unknown } {
  const { data, error } = useCached(loadMeta);
  return { meta: data, error };
}
