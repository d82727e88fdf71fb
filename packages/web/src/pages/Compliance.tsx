import { can } from '@haven/core/access';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import {
  COMPLIANCE_VIEWS,
  type ComplianceFilters,
  type ComplianceRow,
  type ComplianceSummary,
  type ComplianceView,
  complianceApi,
  complianceKeys,
} from '../compliance/endpoints.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useSchoolId } from '../components/RequireSchool.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { t, tOr } from '../i18n.ts';
import { paths } from '../paths.ts';
import { useAccount } from '../session.tsx';

const kindLabel = (kind: string) => tOr(`web.compliance.kind.${kind}`, kind);
const stateLabel = (state: string) => tOr(`web.compliance.state.${state}`, state);

/**
 * Compliance: who has not signed, which pupils have no consent recorded (or only assumed), who is
 * overdue on training, with the counts for the governors' report. The view and the filters live in
 * the URL so a list can be bookmarked and shared. Governors see the counts only.
 */
export function Compliance() {
  const schoolId = useSchoolId();
  const mayList = can(useAccount().grants, 'compliance', 'read');
  const summary = useQuery({
    queryKey: complianceKeys.summary(schoolId),
    queryFn: () => complianceApi.summary(schoolId),
  });
  return (
    <Page title={t('web.compliance.title')}>
      <p>{mayList ? t('web.compliance.intro') : t('web.compliance.introSummary')}</p>
      {mayList ? <Lists schoolId={schoolId} /> : null}
      <h2>{t('web.compliance.summaryHeading')}</h2>
      {summary.isError ? (
        <ErrorMessage error={summary.error} retry={() => void summary.refetch()} />
      ) : summary.data ? (
        <Summary s={summary.data} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function Lists({ schoolId }: { schoolId: string }) {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('view');
  const view: ComplianceView = (COMPLIANCE_VIEWS as readonly string[]).includes(asked ?? '')
    ? (asked as ComplianceView)
    : 'agreements';
  const filters: ComplianceFilters = {
    role: search.get('role') || undefined,
    yearGroup: search.get('yearGroup') || undefined,
    className: search.get('className') || undefined,
  };
  const list = useQuery({
    queryKey: complianceKeys.list(schoolId, view, filters),
    queryFn: () => complianceApi.list(schoolId, view, filters),
  });
  const linkTo = (v: ComplianceView, f: ComplianceFilters) => {
    const next = new URLSearchParams({ view: v });
    for (const [k, value] of Object.entries(f)) if (value) next.set(k, value);
    return `${paths.compliance}?${next.toString()}`;
  };
  const setFilter = (key: keyof ComplianceFilters, value: string) => {
    const next = new URLSearchParams(search);
    next.set('view', view);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
  };
  const options = list.data?.options;
  const any = { value: '', label: t('web.compliance.any') };
  return (
    <>
      <nav className="subnav" aria-label={t('web.compliance.viewsLabel')}>
        <ul>
          {COMPLIANCE_VIEWS.map((v) => (
            <li key={v}>
              <Link to={linkTo(v, filters)} aria-current={v === view ? 'page' : undefined}>
                {t(`web.compliance.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`web.compliance.view.${view}`)}</h2>
      <div className="compliance-filters">
        <SelectField
          id="compliance-role"
          label={t('web.compliance.role')}
          value={filters.role ?? ''}
          onChange={(e) => setFilter('role', e.target.value)}
          options={[
            any,
            ...(options?.roles ?? []).map((r) => ({
              value: r.id,
              label: tOr(`web.compliance.kind.${r.id}`, r.title),
            })),
          ]}
        />
        <SelectField
          id="compliance-year"
          label={t('web.compliance.yearGroup')}
          value={filters.yearGroup ?? ''}
          onChange={(e) => setFilter('yearGroup', e.target.value)}
          options={[any, ...(options?.yearGroups ?? []).map((y) => ({ value: y, label: y }))]}
        />
        <SelectField
          id="compliance-class"
          label={t('web.compliance.className')}
          value={filters.className ?? ''}
          onChange={(e) => setFilter('className', e.target.value)}
          options={[any, ...(options?.classes ?? []).map((c) => ({ value: c, label: c }))]}
        />
      </div>
      {list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <p>
            {t(`web.compliance.count.${view}`, { listed: list.data.listed, people: list.data.people })}{' '}
            <a href={complianceApi.csvUrl(schoolId, view, filters)} download>
              {t('web.compliance.download')}
            </a>
          </p>
          <DataTable<ComplianceRow>
            caption={t(`web.compliance.caption.${view}`)}
            columns={[
              { key: 'name', header: t('web.compliance.name'), cell: (r) => r.name, rowHeader: true },
              { key: 'kind', header: t('web.compliance.kind'), cell: (r) => kindLabel(r.kind) },
              {
                key: 'group',
                header: t('web.compliance.group'),
                cell: (r) => [r.yearGroup, r.className, ...r.roles].filter(Boolean).join(' · '),
              },
              {
                key: 'items',
                header: t(`web.compliance.items.${view}`),
                cell: (r) => (
                  <ul className="compliance-items">
                    {r.items.map((i) => (
                      <li key={i.id}>
                        {i.title}: {stateLabel(i.state)}
                        {i.dueOn ? ` (${t('web.compliance.dueOn', { date: i.dueOn })})` : ''}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
            rows={list.data.rows}
            rowKey={(r) => r.personId}
            empty={<p>{t('web.compliance.none')}</p>}
          />
        </>
      )}
    </>
  );
}

function Summary({ s }: { s: ComplianceSummary }) {
  const totals = [
    { id: 'agreements', label: t('web.compliance.view.agreements'), ...s.agreements },
    { id: 'consents', label: t('web.compliance.view.consents'), ...s.consents },
    { id: 'training', label: t('web.compliance.view.training'), ...s.training },
  ];
  return (
    <>
      <p>{t('web.compliance.summaryIntro', { today: s.today, people: s.people })}</p>
      <DataTable
        caption={t('web.compliance.totalsCaption')}
        columns={[
          { key: 'area', header: t('web.compliance.area'), cell: (r) => r.label, rowHeader: true },
          { key: 'people', header: t('web.compliance.people'), cell: (r) => r.people },
          { key: 'outstanding', header: t('web.compliance.outstanding'), cell: (r) => r.outstanding },
        ]}
        rows={totals}
        rowKey={(r) => r.id}
        empty={null}
      />
      <DataTable
        caption={t('web.compliance.byAgreementCaption')}
        columns={[
          {
            key: 'title',
            header: t('web.compliance.items.agreements'),
            cell: (r) => r.title,
            rowHeader: true,
          },
          { key: 'required', header: t('web.compliance.required'), cell: (r) => r.required },
          { key: 'signed', header: t('web.compliance.state.signed'), cell: (r) => r.signed },
          { key: 'unsigned', header: t('web.compliance.state.unsigned'), cell: (r) => r.unsigned },
          {
            key: 'awaiting',
            header: t('web.compliance.state.awaiting-approval'),
            cell: (r) => r['awaiting-approval'],
          },
          { key: 'lapsed', header: t('web.compliance.state.lapsed'), cell: (r) => r.lapsed },
        ]}
        rows={s.agreements.byAgreement}
        rowKey={(r) => r.agreement}
        empty={<p>{t('web.compliance.none')}</p>}
      />
      <DataTable
        caption={t('web.compliance.byPurposeCaption')}
        columns={[
          { key: 'title', header: t('web.compliance.items.consents'), cell: (r) => r.title, rowHeader: true },
          { key: 'pupils', header: t('web.compliance.pupils'), cell: (r) => r.pupils },
          { key: 'given', header: t('web.compliance.state.given'), cell: (r) => r.given },
          { key: 'refused', header: t('web.compliance.state.refused'), cell: (r) => r.refused + r.withdrawn },
          { key: 'assumed', header: t('web.compliance.state.assumed'), cell: (r) => r.assumed },
          { key: 'none', header: t('web.compliance.state.none'), cell: (r) => r.none },
        ]}
        rows={s.consents.byPurpose}
        rowKey={(r) => r.purpose}
        empty={<p>{t('web.compliance.none')}</p>}
      />
      <DataTable
        caption={t('web.compliance.byCourseCaption')}
        columns={[
          { key: 'title', header: t('web.compliance.items.training'), cell: (r) => r.title, rowHeader: true },
          { key: 'required', header: t('web.compliance.required'), cell: (r) => r.required },
          { key: 'done', header: t('web.compliance.done'), cell: (r) => r.done },
          { key: 'overdue', header: t('web.compliance.state.overdue'), cell: (r) => r.overdue },
        ]}
        rows={s.training.byCourse.filter((c) => c.required > 0)}
        rowKey={(r) => r.courseId}
        empty={<p>{t('web.compliance.none')}</p>}
      />
      <DataTable
        caption={t('web.compliance.byYearCaption')}
        columns={[
          { key: 'group', header: t('web.compliance.yearGroup'), cell: (r) => r.group, rowHeader: true },
          { key: 'people', header: t('web.compliance.pupils'), cell: (r) => r.people },
          { key: 'agreements', header: t('web.compliance.view.agreements'), cell: (r) => r.agreements },
          { key: 'consents', header: t('web.compliance.view.consents'), cell: (r) => r.consents },
        ]}
        rows={s.agreements.byYearGroup.map((g) => ({
          group: g.group,
          people: g.people,
          agreements: g.outstanding,
          consents: s.consents.byYearGroup.find((c) => c.group === g.group)?.outstanding ?? 0,
        }))}
        rowKey={(r) => r.group}
        empty={<p>{t('web.compliance.none')}</p>}
      />
    </>
  );
}
