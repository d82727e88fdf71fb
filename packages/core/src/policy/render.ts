import { matricesOf, matrixView } from './matrix-view.ts';
import type { PolicyDocument, Provenance } from './schema.ts';

/**
 * The policy as one readable, self-contained HTML document: roles, bodies, review schedule,
 * each matrix as a table with its legend, and the rules the policy states in prose. Pure: the
 * caller writes it to a file or an HTTP response.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const h = escapeHtml;

function cite(source: Provenance | undefined): string {
  if (!source) return '';
  const where = [source.seed ?? 'school text', source.section, source.line ? `line ${source.line}` : '']
    .filter(Boolean)
    .join(', ');
  return `<span class="cite">${h(where)}</span>`;
}

function list(items: string[]): string {
  return items.length === 0
    ? '<p class="none">None recorded.</p>'
    : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function formatDate(iso: string | null): string {
  if (!iso) return 'not recorded';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function renderRoles(policy: PolicyDocument): string {
  if (policy.roles.length === 0) return '<p class="none">No roles recorded.</p>';
  const rows = policy.roles.map((r) => {
    const holders = r.holders.map((p) => h(p.name)).join(', ') || '<em>Vacant</em>';
    const deputies = r.deputies.map((p) => h(p.name)).join(', ');
    return `<tr><th scope="row">${h(r.title)}</th><td>${holders}</td><td>${deputies}</td><td>${list(
      r.responsibilities.map(h),
    )}</td></tr>`;
  });
  return `<table><caption>Roles and responsibilities</caption><thead><tr><th scope="col">Role</th><th scope="col">Held by</th><th scope="col">Deputies</th><th scope="col">Responsibilities</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function renderReview(policy: PolicyDocument): string {
  const r = policy.review;
  const approvals = r.approvals.map(
    (a) =>
      `${h(a.body)}: ${a.on ? formatDate(a.on) : a.asWritten ? h(a.asWritten) : '<em>date not recorded</em>'}`,
  );
  const facts: [string, string][] = [
    ['Approved', approvals.length ? approvals.join('<br>') : '<em>not recorded</em>'],
    [
      'Review interval',
      r.intervalMonths ? `${r.intervalMonths} months` : h(r.intervalAsWritten ?? 'not stated'),
    ],
    [
      'Next review',
      r.nextReviewAsWritten
        ? `${h(r.nextReviewAsWritten)} (${formatDate(r.nextReview)})`
        : formatDate(r.nextReview),
    ],
    ['Implementation monitored by', h(r.monitoredBy ?? 'not stated')],
    ['Monitoring interval', h(r.monitoringInterval ?? 'not stated')],
    ['Report to governors', h(r.governorsReport ?? 'not stated')],
  ];
  return `<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${
    r.triggers.length ? `<h3>Reviewed sooner when</h3>${list(r.triggers.map(h))}` : ''
  }`;
}

function renderMatrices(policy: PolicyDocument): string {
  return matricesOf(policy)
    .map((name) => {
      const view = matrixView(policy, name);
      if (!view) return '';
      const head = view.columns.map((c) => `<th scope="col">${h(view.columnLabels[c] ?? c)}</th>`).join('');
      const body = view.rows
        .map((row) => {
          const cells = view.columns
            .map((c) => {
              const v = row.cells[c];
              if (v === true) return '<td class="mark">✓<span class="sr">Yes</span></td>';
              if ((v === null || v === undefined) && row.inherited) {
                const meaning = view.legend[row.inherited] ?? row.inherited;
                return `<td class="inherited">— <span class="meaning">(as the heading above: ${h(meaning)})</span></td>`;
              }
              if (v === false || v === null || v === undefined) return '<td><span class="sr">—</span></td>';
              const meaning = view.legend[v];
              return `<td>${h(String(v))}${meaning && meaning !== v ? ` <span class="meaning">(${h(meaning)})</span>` : ''}</td>`;
            })
            .join('');
          return `<tr><th scope="row">${row.group ? `<span class="group">${h(row.group)}</span> ` : ''}${h(row.label)}</th>${cells}</tr>`;
        })
        .join('');
      const legend = Object.entries(view.legend);
      return `<section><h3>${h(view.title)}</h3><table><caption>${h(view.title)}</caption><thead><tr><th scope="col"></th>${head}</tr></thead><tbody>${body}</tbody></table>${
        legend.length
          ? `<p class="legend">${legend.map(([k, v]) => `<b>${h(k)}</b> = ${h(v)}`).join('; ')}</p>`
          : ''
      }</section>`;
    })
    .join('');
}

function renderProseRules(policy: PolicyDocument): string {
  if (policy.proseRules.length === 0) return '';
  const items = policy.proseRules.map(
    (r) =>
      `${h(r.statement)} <span class="value">${h(r.audience)}: ${h(r.value)}</span>${r.except ? ` — except ${h(r.except)}` : ''} ${cite(r.source)}`,
  );
  return `<h2>Rules stated in the policy text</h2>${list(items)}`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #767676;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#eef}caption{text-align:left;font-weight:600;padding:.25rem 0}.cite{color:#555;font-size:.85em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.mark{text-align:center}.none{color:#555}
.meaning,.group{color:#555;font-size:.85em}dt{font-weight:600}dd{margin:0 0 .5rem}`;

export function renderPolicyHtml(
  policy: PolicyDocument,
  meta: { version?: number; status?: string } = {},
): string {
  const s = policy.school;
  const committees = policy.committees.map(
    (c) =>
      `<h3>${h(c.name)}</h3>${c.members.length ? `<p>Members: ${c.members.map(h).join(', ')}</p>` : ''}${list(c.duties.map(h))}`,
  );
  const simple = (items: { text: string }[]) => list(items.map((i) => h(i.text)));
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(policy.title)} — ${h(s.name)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${h(policy.title)}</h1>
<p>${h(s.name)}${s.trust ? ` (${h(s.trust.name)})` : ''}${meta.version ? ` · version ${meta.version}` : ''}${meta.status ? ` · ${h(meta.status)}` : ''}</p>
${policy.scope ? `<p>${h(policy.scope)}</p>` : ''}
<h2>Review schedule</h2>${renderReview(policy)}
<h2>Roles</h2>${renderRoles(policy)}
${committees.length ? `<h2>Groups and committees</h2>${committees.join('')}` : ''}
${policy.matrices && matricesOf(policy).length ? `<h2>Matrices</h2>${renderMatrices(policy)}` : ''}
${renderProseRules(policy)}
${policy.policeReportable.length ? `<h2>Content that must be reported to the police</h2>${simple(policy.policeReportable)}` : ''}
${policy.prohibitedUses.length ? `<h2>Prohibited uses</h2>${simple(policy.prohibitedUses)}` : ''}
${policy.externalAgencies.length ? `<h2>External agencies for serious incidents</h2>${list(policy.externalAgencies.map((a) => h(a.name)))}` : ''}
${policy.impactMonitoring.length ? `<h2>How the school monitors the policy's impact</h2>${list(policy.impactMonitoring.map((m) => h(m.method)))}` : ''}
${policy.linkedPolicies.length ? `<h2>Linked policies</h2>${list(policy.linkedPolicies.map((l) => h(l.title)))}` : ''}
${policy.readings.length ? `<h2>How Haven read this policy</h2>${list(policy.readings.map((r) => `<b>${h(r.where)}</b>: ${h(r.reading)}`))}` : ''}
</main></body></html>
`;
}
