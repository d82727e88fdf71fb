import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormProblem } from '../../components/ErrorSummary.tsx';
import { CHECK_FIELDS, CheckForm } from '../../components/filter/CheckForm.tsx';
import { CheckResult } from '../../components/filter/CheckResult.tsx';
import { useFilter } from '../../components/filter/FilterLayout.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { filterApi } from '../../filter/endpoints.ts';
import { apiProblems } from '../../filter/field-errors.ts';
import { useFilterGroups } from '../../filter/queries.ts';
import type { ExplainRequest } from '../../filter/types.ts';
import { t } from '../../i18n.ts';

/**
 * "What happens to this site for this group at this time, and why": what a teacher uses between
 * lessons to preview a site before showing it. Asking changes nothing.
 */
export function FilterCheck() {
  const schoolId = useSchoolId();
  const { view, timeZone, groupName } = useFilter();
  // Only for the categories' plain names; the answer stands without them.
  const groups = useFilterGroups(schoolId);
  const [serverProblems, setServerProblems] = useState<FormProblem[]>([]);
  const check = useMutation({
    mutationFn: (body: ExplainRequest) => filterApi.explain(schoolId, body),
    onMutate: () => setServerProblems([]),
    onError: (error) => setServerProblems(apiProblems(error, (p) => CHECK_FIELDS[p])),
  });

  return (
    <Page title={t('web.filter.check.title')}>
      <p>{t('web.filter.check.intro')}</p>
      <CheckForm
        groups={view.settings.groups}
        timeZone={timeZone}
        busy={check.isPending}
        serverProblems={serverProblems}
        onCheck={(body) => check.mutate(body)}
      />
      <div aria-live="polite">
        {check.data && !check.isPending ? (
          <CheckResult
            result={check.data}
            categories={groups.data?.categories}
            timeZone={timeZone}
            groupName={groupName}
          />
        ) : null}
      </div>
    </Page>
  );
}
