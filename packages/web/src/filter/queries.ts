import { useQuery } from '@tanstack/react-query';
import { filterApi, filterKeys } from './endpoints.ts';

/** Each group's compiled rules, and every category's plain name (several pages need those). */
export function useFilterGroups(schoolId: string) {
  return useQuery({ queryKey: filterKeys.groups(schoolId), queryFn: () => filterApi.groups(schoolId) });
}

/** How many test runs are listed: well over a decade of annual tests, and any reruns. */
export const TEST_RUNS_SHOWN = 50;

/** The stored runs of the filter test, newest first. */
export function useTestRuns(schoolId: string) {
  return useQuery({
    queryKey: filterKeys.tests(schoolId),
    queryFn: () => filterApi.tests(schoolId, TEST_RUNS_SHOWN),
  });
}
