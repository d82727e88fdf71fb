import type { agreements } from '@haven/core';

/**
 * The signer's copy of a signed agreement: the exact text of the version signed (its items, form
 * and declarations), the answers given, and the record — who signed, for whom, when, from where,
 * and the SHA-256 of the text — so the copy can be matched to the school's record. Standard PDF
 * fonts only, as the evidential PDF, so nothing is fetched.
 */

export interface SignedCopyInput {
  school: string;
  agreement: agreements.AgreementTemplate;
  version: number;
  textHash: string;
  signatureId: string;
  signedAt: string;
  signedBy: string;
  signedFor: string;
  relation: 'self' | 'parent';
  ip: string | null;
  userAgent: string | null;
  answers: agreements.SignatureAnswers;
  approval: { at: string; by: string; fields: Record<string, string | string[]> } | null;
  withdrawnAt: string | null;
}

/** The standard fonts cover Windows-1252; anything outside it would print as nonsense. */
const printable = (s: string) => s.replace(/✓/g, 'tick').replace(/[^\n -~\u00a0-\u00ff‘’“”–—…•€]/g, '?');

export async function renderSignedCopy(d: SignedCopyInput): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const a = d.agreement;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: printable(`${d.school}: ${a.title}`), Author: 'Haven', Subject: 'Signed agreement' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(printable(text)).moveDown(0.3);
  const para = (text: string) => doc.font('Helvetica').fontSize(10).text(printable(text)).moveDown(0.2);
  const line = (label: string, value: string) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${printable(label)}: `, { continued: true })
      .font('Helvetica')
      .text(printable(value));

  doc.font('Helvetica-Bold').fontSize(16).text(printable(a.title));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(printable(`${d.school}, version ${d.version}`))
    .moveDown(0.5);
  para(a.intro);
  const ticked = new Set(d.answers.ticks ?? []);
  for (const s of a.sections) {
    heading(s.title);
    for (const item of s.items) {
      const mark =
        a.form.kind === 'ticks'
          ? ticked.has(item.id)
            ? '[ticked] '
            : '[not ticked] '
          : item.permission
            ? d.answers.permissions?.[item.id]
              ? '[yes] '
              : '[no] '
            : '- ';
      para(`${mark}${item.label ? `${item.label}: ` : ''}${item.text}`);
    }
  }
  for (const n of a.notices) para(n.text);
  heading(a.form.heading?.label ?? 'Signature');
  for (const decl of a.form.declarations) para(decl.text);
  for (const f of a.form.fields) {
    const v = d.answers.fields[f.id];
    line(f.label, v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v);
  }
  if (a.form.approval) {
    heading(a.form.approval.heading.label);
    para(a.form.approval.statement.text);
    if (d.approval) {
      for (const f of a.form.approval.fields) {
        const v = d.approval.fields[f.id];
        line(f.label, v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v);
      }
      line('Approved at', d.approval.at);
    } else para('Awaiting approval.');
  }
  heading('The record');
  line('Signed for', d.signedFor);
  line('Signed by', `${d.signedBy} (${d.relation === 'parent' ? 'parent or carer' : 'themselves'})`);
  line('Signed at (UTC)', d.signedAt);
  line('From', [d.ip, d.userAgent].filter(Boolean).join(', ') || 'not recorded');
  line('Text SHA-256', d.textHash);
  line('Record', d.signatureId);
  if (d.withdrawnAt) line('Withdrawn at (UTC)', d.withdrawnAt);
  doc.end();
  return done;
}
