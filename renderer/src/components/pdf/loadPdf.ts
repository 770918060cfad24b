// pdf.js for the renderer: loaded only when a PDF is shown, fed bytes already in memory. No eval, no
// WebAssembly, no network: the worker and the image decoders come from the app's own bundle.

/** The few pdf.js calls the previews use (its own types pull in DOM-wide declarations we do not need). */
export interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: {
    canvas: HTMLCanvasElement;
    canvasContext: CanvasRenderingContext2D;
    viewport: unknown;
  }): { promise: Promise<void>; cancel(): void };
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

/**
 * Where pdf.js imports its JBIG2 / CCITT fax and JPEG 2000 decoders from: the plain-JavaScript builds
 * that electron.vite.config.ts copies next to the bundle (same origin, so the CSP's script-src 'self'
 * covers them). Without them the images of most scanned documents stay blank.
 */
const PDFJS_DECODERS_URL = new URL('pdfjs/', document.baseURI).href;

/** Opens a PDF from its bytes. pdf.js takes ownership of the buffer it is given, so it gets a copy. */
export async function loadPdf(data: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await import('pdfjs-dist');
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const doc = await pdfjs.getDocument({
    data: data.slice(),
    // pdf.js 5 has no eval path. WebAssembly stays off (the CSP allows no wasm compilation): the image
    // decoders are their JavaScript builds, and ICC colour profiles fall back to the device colours.
    useWasm: false,
    wasmUrl: PDFJS_DECODERS_URL,
    enableXfa: false,
    verbosity: 0,
    stopAtErrors: false,
  }).promise;
  return doc as unknown as PdfDocument;
}

/** The decrypted bytes behind a media URL (amparo-media:// in Electron, the bridge's media origin in tests). */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(String(response.status));
  return new Uint8Array(await response.arrayBuffer());
}
