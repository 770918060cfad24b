// A PDF written by hand (not by the library under test) the way word processors leave them: two pages of
// text, an Info dictionary naming the author and the program, an XMP packet in the catalogue, and an
// incremental update whose newer Info replaces an older one that still sits in the file.
export const PDF_AUTHOR = 'Lic. Rosa Elena Martínez';
export const PDF_OLD_AUTHOR = 'Juan Pérez Ramírez';
export const PDF_TITLE = 'Denuncia ante la Fiscalía de Oaxaca';
export const PDF_PAGE_TEXT = ['Hechos del 14 de marzo de 2023', 'Peticiones a la Comision'];

export function pdfWithMetadata(): Buffer {
  const xmp =
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ' +
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">' +
    `<dc:creator><rdf:Seq><rdf:li>${PDF_AUTHOR}</rdf:li></rdf:Seq></dc:creator>` +
    '<pdf:Producer>Microsoft Word para Microsoft 365</pdf:Producer></rdf:Description></rdf:RDF>' +
    '</x:xmpmeta><?xpacket end="w"?>';
  const content = (text: string) => `BT /F1 18 Tf 50 740 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Metadata 8 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    `<< /Length ${content(PDF_PAGE_TEXT[0]!).length} >>\nstream\n${content(PDF_PAGE_TEXT[0]!)}\nendstream`,
    `<< /Length ${content(PDF_PAGE_TEXT[1]!).length} >>\nstream\n${content(PDF_PAGE_TEXT[1]!)}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(xmp)} >>\nstream\n${xmp}\nendstream`,
    `<< /Author (${PDF_OLD_AUTHOR}) /Creator (Microsoft Word) /Producer (Microsoft Word) >>`,
  ];
  let body = '%PDF-1.6\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  const write = (n: number, obj: string) => {
    offsets[n] = Buffer.byteLength(body, 'latin1');
    body += `${n} 0 obj\n${obj}\nendobj\n`;
  };
  objects.forEach((obj, i) => write(i + 1, obj));
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= objects.length; n++) body += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 9 0 R /ID [<0011AABB><0011AABB>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  // The incremental update: a new Info (object 10); object 9 stays in the file, unreferenced.
  write(
    10,
    `<< /Author (${PDF_AUTHOR}) /Title (${PDF_TITLE.replace('í', '\\355')}) /Creator (Microsoft Word) ` +
      "/Producer (Microsoft Word para Microsoft 365) /CreationDate (D:20230314101500-06'00') >>",
  );
  const xref2 = Buffer.byteLength(body, 'latin1');
  body += `xref\n10 1\n${String(offsets[10]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size 11 /Root 1 0 R /Info 10 0 R /Prev ${xref} /ID [<0011AABB><0011AABB>] >>\n`;
  body += `startxref\n${xref2}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
