// Importing saved e-mails into a real vault: headers, body as text, attachments as evidence items whose
// hashes match `sha256sum` of the decoded parts, the raw .eml kept with its own hash, duplicates, and each
// kind of bad input failing on its own while the other files go on.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { open, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Communication,
  CommunicationList,
  ImportEmailsResult,
} from '../../../shared/schemas/communications';
import type { EvidenceItem } from '../../../shared/schemas/evidence';
import { blobsDir } from '../../../electron/core/evidence/store';
import { call, setupEvidence, type EvidenceSetup } from '../evidence/evidence-setup';
import { base64Lines, commissionEmail, PDF_NAME, PHOTO_NAME, rfc2231, simpleEmail, SUBJECT } from './eml';

const sha256sum = (path: string): string =>
  execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0]!;

let s: EvidenceSetup;
beforeEach(async () => {
  s = await setupEvidence();
});
afterEach(async () => {
  await s.core.dispose();
});

const importEmails = (paths: string[], extra: Record<string, unknown> = {}) =>
  call<ImportEmailsResult>(s.core, 'communications:importEmails', { matterId: s.matterId, paths, ...extra });

async function counts() {
  const evidence = await call<{ items: unknown[] }>(s.core, 'evidence:list', { matterId: s.matterId });
  const comms = await call<CommunicationList>(s.core, 'communications:list', { matterId: s.matterId });
  const entries = await readdir(blobsDir(s.vaultDir), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const blobs = entries.filter((e) => e.isFile()).length;
  return { evidence: evidence.items.length, communications: comms.items.length, blobs };
}

describe('communications:importEmails', () => {
  it('imports a real-world-shaped message: headers, text, two attachments hashed like sha256sum, the raw .eml', async () => {
    const { eml, pdf, photo } = commissionEmail();
    const emlPath = join(s.work, 'solicitud.eml');
    await writeFile(emlPath, eml);
    // The decoded parts, written by the test itself and hashed by coreutils.
    await writeFile(join(s.work, 'part-pdf'), pdf);
    await writeFile(join(s.work, 'part-photo'), photo);

    const result = await importEmails([emlPath]);
    expect(result.cancelled).toBe(false);
    expect(result.results).toHaveLength(1);
    const [one] = result.results;
    expect(one).toMatchObject({ status: 'imported', attachments: 2, subject: SUBJECT, code: null });

    const c = await call<Communication>(s.core, 'communications:get', { id: one!.communicationId });
    expect(c.subject).toBe(SUBJECT);
    expect(c.direction).toBe('received');
    expect(c.channel).toBe('email');
    expect(c.origin).toBe('eml');
    expect(c.counterpart).toBe('commission');
    expect(c.kind).toBe('request_for_information');
    expect(c.counterpartName).toBe('Secretaría Ejecutiva CIDH');
    expect(c.reference).toBe('MC-1008-19');
    expect(c.noteNumber).toBe('CIDH/SE/Art.25/MC-1008-19/123');
    // 17:45 at -05:00 on 3 March 2026 is New York's standard time (DST starts on 8 March).
    expect([c.occurredOn, c.occurredTime, c.zone]).toEqual(['2026-03-03', '17:45', 'America/New_York']);
    expect(c.body).toContain('en un plazo de 10 días');
    expect(c.email).toEqual({
      from: [{ name: 'Secretaría Ejecutiva CIDH', address: 'cidhdenuncias@oas.org' }],
      to: [{ name: 'Defensa', address: 'defensa@example.org' }],
      cc: [{ name: 'Co-representante', address: 'otra@example.org' }],
      date: 'Tue, 3 Mar 2026 17:45:10 -0500',
      messageId: '<20260303174510.MC100819@oas.org>',
      inReplyTo: null,
      subject: SUBJECT,
    });

    expect(c.attachments.map((a) => a.originalName)).toEqual([PDF_NAME, PHOTO_NAME]);
    expect(c.attachments[0]!.sha256).toBe(sha256sum(join(s.work, 'part-pdf')));
    expect(c.attachments[1]!.sha256).toBe(sha256sum(join(s.work, 'part-photo')));
    expect(c.attachments.map((a) => a.size)).toEqual([pdf.length, photo.length]);
    expect(c.rawSha256).toBe(sha256sum(emlPath));

    // Each attachment and the original are evidence items with a custody entry naming the sender.
    const raw = await call<EvidenceItem>(s.core, 'evidence:get', { id: c.rawEvidenceId });
    expect(raw.sha256).toBe(sha256sum(emlPath));
    expect(raw.originalName).toBe('solicitud.eml');
    const item = await call<EvidenceItem>(s.core, 'evidence:get', { id: c.attachments[0]!.evidenceId });
    expect(item.custody[0]).toMatchObject({
      action: 'acquired',
      sha256: sha256sum(join(s.work, 'part-pdf')),
    });
    expect(item.custody[0]!.note).toContain(
      'Received by e-mail from Secretaría Ejecutiva CIDH <cidhdenuncias@oas.org> on 2026-03-03 17:45',
    );
    // Evidence integrity applies to them like to any item.
    const verified = await call<{ status: string }>(s.core, 'evidence:verify', { id: item.id });
    expect(verified.status).toBe('ok');

    // Searchable by the words of the body.
    const found = await call<{ hits: { entityType: string; entityId: string }[] }>(s.core, 'search:query', {
      query: 'plazo',
    });
    expect(found.hits).toContainEqual(
      expect.objectContaining({ entityType: 'communication', entityId: c.id }),
    );
  });

  it('reports the same message imported again as a duplicate, by Message-ID or by its bytes', async () => {
    const first = commissionEmail();
    const a = join(s.work, 'a.eml');
    await writeFile(a, first.eml);
    const copy = join(s.work, 'copia.eml');
    await writeFile(copy, first.eml);
    // Re-saved by another program: other bytes, same Message-ID.
    const resaved = join(s.work, 'reguardado.eml');
    await writeFile(resaved, commissionEmail().eml);
    const imported = await importEmails([a]);
    const before = await counts();
    const again = await importEmails([copy, resaved]);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.results.every((r) => r.communicationId === imported.results[0]!.communicationId)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('takes HTML-only mail as text: no tags, no script, no style', async () => {
    const html =
      '<html><head><style>.x{color:red}</style><script>document.title="pwned"</script></head>' +
      '<body><h1>Respuesta</h1><p>El Estado informa sobre las <b>medidas</b>.</p><img src="cid:logo"></body></html>';
    const path = join(s.work, 'html.eml');
    await writeFile(
      path,
      simpleEmail(
        [
          'Subject: Informe del Estado',
          'Content-Type: text/html; charset=UTF-8',
          'Content-Transfer-Encoding: base64',
        ],
        [base64Lines(Buffer.from(html, 'utf8'))],
      ),
    );
    const [r] = (await importEmails([path])).results;
    const c = await call<Communication>(s.core, 'communications:get', { id: r!.communicationId });
    expect(c.body).toContain('El Estado informa sobre las medidas.');
    expect(c.body).not.toMatch(/[<>]/);
    expect(c.body).not.toContain('pwned');
    expect(c.body).not.toContain('color:red');
    expect(c.counterpart).toBe('state');
    expect([c.occurredOn, c.occurredTime, c.zone]).toEqual(['2026-03-16', '10:00', 'America/Mexico_City']);
  });

  it('keeps a zip as it is, names with path separators made safe, inline images and a forwarded message', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
    const inner = simpleEmail(
      ['Subject: Original reenviado', 'Message-ID: <inner@example.org>'],
      ['Texto del original.'],
    );
    const path = join(s.work, 'varios.eml');
    await writeFile(
      path,
      simpleEmail(
        ['Subject: Anexos', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"'],
        [
          '--b1',
          'Content-Type: multipart/related; boundary="b2"',
          '',
          '--b2',
          'Content-Type: text/html; charset=UTF-8',
          '',
          '<p>Ver imagen <img src="cid:logo@x"></p>',
          '--b2',
          'Content-Type: image/png',
          'Content-ID: <logo@x>',
          'Content-Disposition: inline; filename="logo.png"',
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(png),
          '--b2--',
          '--b1',
          'Content-Type: application/zip',
          'Content-Disposition: attachment; filename="../../etc/expediente.zip"',
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(zip),
          '--b1',
          'Content-Type: application/octet-stream',
          `Content-Disposition: attachment; filename*=${rfc2231('..\\..\\Windows\\evil.exe')}`,
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(Buffer.from('MZ')),
          '--b1',
          'Content-Type: message/rfc822',
          '',
          inner.toString('utf8'),
          '--b1--',
        ],
      ),
    );
    await writeFile(join(s.work, 'zip'), zip);
    const [r] = (await importEmails([path])).results;
    expect(r).toMatchObject({ status: 'imported', attachments: 4 });
    const c = await call<Communication>(s.core, 'communications:get', { id: r!.communicationId });
    const names = c.attachments.map((a) => a.originalName);
    for (const name of names) expect(name).not.toMatch(/[/\\]/);
    expect(names).toContain('_.._etc_expediente.zip');
    expect(names).toContain('_.._Windows_evil.exe');
    const zipItem = c.attachments.find((a) => a.originalName.endsWith('.zip'))!;
    expect(zipItem.sha256).toBe(sha256sum(join(s.work, 'zip')));
    expect(zipItem.inline).toBe(false);
    expect(c.attachments.find((a) => a.originalName === 'logo.png')!.inline).toBe(true);
    // The forwarded message stays a message of its own (the parser gives it with LF line ends; the exact
    // bytes are those of the outer .eml, kept as its own item).
    const forwarded = c.attachments.find((a) => a.originalName.endsWith('.eml'))!;
    expect(forwarded.mediaType).toMatch(/^message\/rfc822|^text\/plain|^application\/octet-stream/);
    expect(forwarded.size).toBe(inner.toString('utf8').replace(/\r\n/g, '\n').length + 1);
  });

  it('fails each bad file on its own with a clear message, leaves nothing of it, and imports the others', async () => {
    const good = join(s.work, 'buena.eml');
    await writeFile(good, commissionEmail().eml);
    const noHeaders = join(s.work, 'sin-encabezados.eml');
    await writeFile(noHeaders, 'Esto no es un correo.\nSolo texto.\n');
    const broken = join(s.work, 'frontera-rota.eml');
    await writeFile(
      broken,
      simpleEmail(
        ['Subject: Roto', 'Content-Type: multipart/mixed; boundary="nunca-aparece"'],
        ['--otra-frontera', 'Content-Type: text/plain', '', 'texto'],
      ),
    );
    // 151 MiB, sparse: refused from its size before a byte is read.
    const huge = join(s.work, 'enorme.eml');
    const handle = await open(huge, 'w');
    await handle.truncate(151 * 1024 * 1024);
    await handle.close();
    const missing = join(s.work, 'no-existe.eml');

    const before = await counts();
    const result = await importEmails([noHeaders, broken, huge, missing, good]);
    expect(result.results.map((r) => [r.name, r.status, r.code])).toEqual([
      ['sin-encabezados.eml', 'failed', 'EMAIL_INVALID'],
      ['frontera-rota.eml', 'failed', 'EMAIL_INVALID'],
      ['enorme.eml', 'failed', 'FILE_TOO_LARGE'],
      ['no-existe.eml', 'failed', 'FILE_UNREADABLE'],
      ['buena.eml', 'imported', null],
    ]);
    expect(result.results[0]!.message).toContain('not an e-mail message');
    expect(result.results[1]!.message).toContain('boundary');
    expect(result.results[2]!.message).toContain('150 MiB');
    const after = await counts();
    // Only the good message: one communication, its original and two attachments (items and blobs).
    expect(after).toEqual({
      evidence: before.evidence + 3,
      communications: before.communications + 1,
      blobs: before.blobs + 3,
    });
  });

  it('reports progress per file and stops when cancelled', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const path = join(s.work, `m${i}.eml`);
      await writeFile(path, commissionEmail({ messageId: `<m${i}@oas.org>` }).eml);
      paths.push(path);
    }
    const operationId = randomUUID();
    const steps: string[] = [];
    const stop = s.core.onEvent('communications:progress', (p) => {
      steps.push(`${p.fileIndex}/${p.fileCount}:${p.step}`);
      if (p.fileIndex === 1 && p.step === 'parsing')
        void s.core.dispatch('communications:cancel', { operationId });
    });
    const result = await importEmails(paths, { operationId });
    stop();
    expect(steps.slice(0, 2)).toEqual(['0/3:reading', '0/3:parsing']);
    expect(steps).toContain('0/3:done');
    expect(result.cancelled).toBe(true);
    expect(result.results.map((r) => r.status)).toEqual(['imported']);
    expect((await counts()).communications).toBe(1);
  });
});
