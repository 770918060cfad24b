// Documents made by the tests themselves, each with a distinctive word (nowhere else in the suite) on a
// known page, so a search hit proves that page's text was taken.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Per fixture: the word to look for, the page it is on, and the method its text is taken with. */
export const WORDS = {
  pdf: { word: 'cuarzolita', page: 2, method: 'text_layer' },
  eml: { word: 'zafirondo', page: 1, method: 'email' },
  docx: { word: 'turmalinero', page: 1, method: 'docx' },
  odt: { word: 'obsidianal', page: 1, method: 'odt' },
  chat: { word: 'malaquitoso', page: 1, method: 'chat' },
} as const;
/** With an accent in the PDF; searched without it. */
export const ACCENTED = { written: 'Petición', typed: 'peticion' };

export async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 18, size: 12, font }));
  }
  return doc.save();
}

export async function writeFixtures(dir: string): Promise<Record<keyof typeof WORDS, string>> {
  const pdf = join(dir, 'informe-estado.pdf');
  await writeFile(
    pdf,
    await textPdf([
      ['Informe del Estado mexicano', 'Primera hoja sin la palabra buscada.'],
      [
        `${ACCENTED.written} de medidas cautelares.`,
        `El expediente menciona ${WORDS.pdf.word} en la segunda hoja.`,
      ],
    ]),
  );
  const eml = join(dir, 'correo.eml');
  await writeFile(
    eml,
    [
      'From: Defensa <defensa@example.org>',
      'To: Comision <cidh@example.org>',
      'Subject: Seguimiento del caso',
      'Date: Tue, 3 Mar 2026 17:45:10 -0500',
      'Message-ID: <seguimiento-1@example.org>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `La patrulla no llegó; el vecino habló de ${WORDS.eml.word} ayer.`,
      '',
    ].join('\r\n'),
  );
  const docx = join(dir, 'denuncia.docx');
  const word = new Document({
    sections: [
      {
        children: [
          new Paragraph('Denuncia ante la Fiscalía'),
          new Paragraph(`Se presentó la queja por ${WORDS.docx.word} en Chilpancingo.`),
        ],
      },
    ],
  });
  await writeFile(docx, await Packer.toBuffer(word));
  const odt = join(dir, 'acta.odt');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">Acta de hechos</text:h>
<text:p>Testigos: <text:span>declararon</text:span> sobre ${WORDS.odt.word}<text:s/>&amp; la amenaza.</text:p>
</office:text></office:body></office:document-content>`;
  await writeFile(
    odt,
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(content),
    }),
  );
  const chat = join(dir, 'WhatsApp Chat con Rosa.txt');
  await writeFile(
    chat,
    Buffer.from(
      `\ufeff12/03/2024, 10:15 - Rosa: Ya llegaron otra vez\n12/03/2024, 10:16 - Rosa: Eran dos camionetas\n12/03/2024, 10:20 - Luis: Anota lo de ${WORDS.chat.word}\n`,
      'utf8',
    ),
  );
  return { pdf, eml, docx, odt, chat };
}

/** A PDF encrypted with a user password, made by Ghostscript from a text PDF; null without Ghostscript. */
export async function encryptedPdf(dir: string): Promise<string | null> {
  if (!existsSync('/usr/bin/gs')) return null;
  const plain = join(dir, 'plano.pdf');
  await writeFile(plain, await textPdf([['Documento con clave']]));
  const out = join(dir, 'con-clave.pdf');
  execFileSync('/usr/bin/gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-sDEVICE=pdfwrite',
    '-sOwnerPassword=propietario',
    '-sUserPassword=usuario',
    '-dEncryptionR=3',
    '-dKeyLength=128',
    `-sOutputFile=${out}`,
    plain,
  ]);
  return out;
}
