import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useSchoolId } from '../../components/RequireSchool.tsx';
import { t } from '../../i18n.ts';
import { trainingApi, trainingKeys } from '../../training/endpoints.ts';

/** Training counts for the governors' report: by course and by post, and the needs audit. No names. */
export function TrainingCounts() {
  const schoolId = useSchoolId();
  const summary = useQuery({
    queryKey: trainingKeys.summary(schoolId),
    queryFn: () => trainingApi.summary(schoolId),
  });
  const title = t('web.training.countsTitle');
  if (summary.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={summary.error} retry={() => void summary.refetch()} />
      </Page>
    );
  if (!summary.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const s = summary.data;
  return (
    <Page title={title}>
      <p>{t('web.training.countsIntro', { today: s.today })}</p>
      <DataTable
        caption={t('web.training.countsCaption')}
        columns={[
          { key: 'course', header: t('web.training.course'), cell: (r) => r.title, rowHeader: true },
          { key: 'required', header: t('web.training.required'), cell: (r) => r.required },
          { key: 'done', header: t('web.training.state.done'), cell: (r) => r.done },
          { key: 'soon', header: t('web.training.state.due-soon'), cell: (r) => r.dueSoon },
          { key: 'overdue', header: t('web.training.state.overdue'), cell: (r) => r.overdue },
        ]}
        rows={s.byCourse}
        rowKey={(r) => r.courseId}
        empty={t('web.training.none')}
      />
      <DataTable
        caption={t('web.training.byPostCaption')}
        columns={[
          { key: 'post', header: t('web.training.post'), cell: (r) => r.title, rowHeader: true },
          { key: 'people', header: t('web.training.people'), cell: (r) => r.people },
          { key: 'soon', header: t('web.training.state.due-soon'), cell: (r) => r.dueSoon },
          { key: 'overdue', header: t('web.training.state.overdue'), cell: (r) => r.overdue },
        ]}
        rows={s.byPost}
        rowKey={(r) => r.roleId}
        empty={t('web.training.none')}
      />
      <p>{t('web.training.auditsIntro', { done: s.needsAudit.completed, staff: s.needsAudit.staff })}</p>
    </Page>
  );
}
