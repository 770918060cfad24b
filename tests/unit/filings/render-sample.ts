// A precautionary-measures request as composition hands it to the writers: Spanish with accents, ñ, ¿¡,
// «», dashes and curly quotes, footnotes, a chronology, an exhibit index with SHA-256 values, a chart,
// and enough text for several pages. Built by hand so the tests do not depend on the composer.
import type { RenderBlock, RenderableDocument } from '../../../shared/schemas/filing-render';

export const HASHES = [
  '3f786850e387550fdab836ed7e6dc881de23001b6c1e5d2d7f2d3f2b4a1c9e01',
  'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3c2f1e0d9b8a7f6e5d4c3b2a1',
  '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
];

/** A value the redaction left out: it must not appear anywhere in the file. */
export const PROTECTED_NAME = 'Guadalupe Ximena Ortíz Bañuelos';

export const ACCENTED = 'Niñez, señalización, ¿Qué ocurrió? ¡Urgente! «Anexo 3» — “comillas” acción';

function filler(n: number): string {
  return (
    `Párrafo ${n}: la beneficiaria «Azucena» denunció ante la Fiscalía General del Estado de Guerrero ` +
    'los hechos de hostigamiento, sin que las autoridades adoptaran medidas de protección eficaces; ' +
    'la situación de riesgo persiste y se agrava con cada día que transcurre sin respuesta.'
  );
}

export function sampleDocument(
  options: { paragraphs?: number; rows?: number; toc?: boolean; headingsEvery?: number } = {},
): RenderableDocument {
  const paragraphs = options.paragraphs ?? 24;
  const rows = options.rows ?? 3;
  const blocks: RenderBlock[] = [
    { type: 'heading', level: 1, content: [{ text: 'I. Beneficiarios propuestos' }] },
    {
      type: 'paragraph',
      number: '1.',
      content: [
        { text: 'Se solicita proteger a ' },
        { text: 'Azucena', bold: true },
        { text: ' y a su núcleo familiar' },
        { footnote: [{ text: 'Véase el Anexo 1, acta de la denuncia presentada el 3 de febrero de 2025.' }] },
        { text: '. ' },
        { text: ACCENTED, italic: true },
        { text: ' Texto subrayado.', underline: true },
      ],
    },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ text: 'Azucena, defensora del territorio.' }],
        [{ text: 'Su hijo, «Colibrí», de 12 años de edad.' }],
      ],
    },
    { type: 'heading', level: 1, content: [{ text: 'II. Cronología del riesgo' }] },
    {
      type: 'table',
      columns: [
        { title: 'Fecha', width: 1 },
        { title: 'Hecho', width: 4 },
      ],
      rows: [
        ['3 de febrero de 2025', 'Amenazas de muerte por teléfono; se presentó denuncia.'],
        ['14 de marzo de 2025', 'Vigilancia del domicilio por personas armadas.'],
      ],
    },
    {
      type: 'quote',
      content: [
        { text: 'Toda persona tiene derecho a que se respete su integridad física, psíquica y moral.' },
      ],
      source: 'Convención Americana sobre Derechos Humanos, art. 5.1',
    },
    { type: 'heading', level: 2, content: [{ text: 'Gravedad, urgencia e irreparabilidad' }] },
  ];
  for (let i = 2; i < paragraphs + 2; i++) {
    const content: RenderBlock & { type: 'paragraph' } = {
      type: 'paragraph',
      number: `${i}.`,
      content: [{ text: filler(i) }],
    };
    if (i === 5)
      content.content.push({ footnote: [{ text: 'Segunda nota: informe de riesgo del Mecanismo.' }] });
    if (options.headingsEvery && i % options.headingsEvery === 0) {
      blocks.push({ type: 'heading', level: 3, content: [{ text: `Sección ${i}` }] });
    }
    blocks.push(content);
  }
  blocks.push({
    type: 'chart',
    title: 'Incidentes por mes',
    series: ['ene 2025', 'feb 2025', 'mar 2025', 'abr 2025', 'may 2025', 'jun 2025'].map((label, i) => ({
      label,
      value: [1, 4, 2, 7, 0, 3][i] ?? 0,
    })),
  });
  blocks.push({ type: 'pageBreak' });
  blocks.push({ type: 'heading', level: 1, content: [{ text: 'III. Índice de anexos' }] });
  blocks.push({
    type: 'table',
    columns: [
      { title: 'Núm.', width: 0.6 },
      { title: 'Título', width: 3 },
      { title: 'Fecha', width: 1.6 },
      { title: 'SHA-256', width: 2.6 },
    ],
    monospace: [3],
    rows: Array.from({ length: rows }, (_, i) => [
      `Anexo ${i + 1}`,
      `Documento probatorio número ${i + 1} — acta de señalamiento`,
      '3 de febrero de 2025',
      HASHES[i % HASHES.length] ?? '',
    ]),
  });
  blocks.push({ type: 'heading', level: 1, content: [{ text: 'IV. Medidas solicitadas' }] });
  blocks.push({
    type: 'list',
    ordered: true,
    items: [[{ text: 'Adoptar medidas de protección para Azucena.' }], [{ text: 'Investigar los hechos.' }]],
  });
  return {
    lang: 'es',
    title: 'Solicitud de medidas cautelares',
    heading: [
      'Comisión Interamericana de Derechos Humanos',
      'Secretaría Ejecutiva',
      'Asunto: solicitud de medidas cautelares',
      'Ref.: MC-123-25 — México',
      'Ciudad de México, a 1 de diciembre de 2026',
    ],
    tableOfContents: options.toc ?? true,
    blocks,
    footer: 'MC-123-25',
    labels: { page: 'Página {page} de {pages}', contents: 'Índice' },
  };
}
