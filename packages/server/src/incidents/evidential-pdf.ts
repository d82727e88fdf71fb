/**
 * The evidential PDF of an incident, for the police or children's social care: what was
 * reported, every chronology entry in order, the steps of the flowchart with who and when, and
 * each piece of evidence with its SHA-256 and its chain of custody. Files themselves are not
 * embedded (they are handed over separately, and their hashes prove they are the same); suspected
 * abuse imagery is never in Haven to begin with. Standard PDF fonts only, so nothing is fetched.
 */

export interface EvidentialPdfInput {
  school: string;
  number: number;
  exportedAt: string;
  exportedBy: string;
  status: string;
  path: string | null;
  submittedAt: string;
  reporter: string;
  report: [string, string][];
  steps: { label: string; required: boolean; done: { at: string; by: string } | null }[];
  chronology: { seq: number; at: string; by: string; kind: string; text: string }[];
  evidence: {
    kind: string;
    filename: string | null;
    size: number | null;
    sha256: string | null;
    addedAt: string;
    addedBy: string;
    details: string;
    custody: { at: string; by: string; action: string }[];
  }[];
}

export async function renderEvidentialPdf(d: EvidentialPdfInput): Promise<Buffer> {
  // Loaded when a PDF is made: pdfkit and its font tables are large, and most processes
  // (the CLI, a gateway) never make one.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${d.school}: incident ${d.number}`,
      Author: 'Haven',
      Subject: 'Evidential record of an incident',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
  const line = (label: string, value: string) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value || '—');

  doc.font('Helvetica-Bold').fontSize(18).text(`${d.school}: incident ${d.number}`);
  doc.font('Helvetica').fontSize(10).fillColor('#333333');
  doc.text(
    `Evidential record exported ${d.exportedAt} by ${d.exportedBy}. The export is recorded in each item's chain of custody.`,
  );
  doc.fillColor('black');
  line('Status', d.status);
  line('Path of the flowchart', d.path ?? 'not decided');
  line('Reported', `${d.submittedAt} by ${d.reporter}`);

  heading('The report');
  for (const [k, v] of d.report) line(k, v);

  heading('Steps of the procedure');
  for (const s of d.steps)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(
        `${s.done ? '[done]' : s.required ? '[required, not done]' : '[not recorded]'} ${s.label}${s.done ? ` (${s.done.by}, ${s.done.at})` : ''}`,
      );

  heading('Chronology (entries are never changed; corrections are entries of their own)');
  for (const e of d.chronology) {
    doc.font('Helvetica-Bold').fontSize(10).text(`${e.seq}. ${e.kind}, ${e.at}, ${e.by}`);
    if (e.text) doc.font('Helvetica').text(e.text, { indent: 12 });
  }

  heading('Evidence and chain of custody');
  if (d.evidence.length === 0) doc.font('Helvetica').fontSize(10).text('No evidence was added.');
  d.evidence.forEach((e, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${i + 1}. ${e.kind}${e.filename ? `: ${e.filename}` : ''}`);
    doc.font('Helvetica');
    if (e.sha256)
      doc.font('Courier').text(`SHA-256 ${e.sha256}  (${e.size} bytes)`, { indent: 12 }).font('Helvetica');
    doc.text(e.details, { indent: 12 });
    doc.text(`Added ${e.addedAt} by ${e.addedBy}`, { indent: 12 });
    for (const c of e.custody) doc.text(`${c.action} ${c.at} by ${c.by}`, { indent: 24 });
  });

  doc.end();
  return done;
}
