// Browser side of the test bridge: the same `window.amparo` the preload builds, over loopback HTTP.
import { buildApi, type Transport } from '../../shared/api';
import type { WireResult } from '../../shared/errors';

const fromUrl = new URLSearchParams(location.search).get('bridgeToken');
if (fromUrl) {
  sessionStorage.setItem('amparoBridgeToken', fromUrl);
  history.replaceState(null, '', location.pathname);
}
const token = sessionStorage.getItem('amparoBridgeToken') ?? '';

let source: EventSource | null = null;

/** Dialogs that open the dev chooser window (`npm run dev:browser -- --files DIR`). */
function opensChooser(channel: string, input: unknown): boolean {
  if (!(window as unknown as { __amparoBridgeChooser?: boolean }).__amparoBridgeChooser) return false;
  if (channel === 'dialog:chooseFiles' || channel === 'communications:chooseEmails') return true;
  return channel === 'dialog:chooseFolder' && (input as { purpose?: string })?.purpose === 'export';
}

const transport: Transport = {
  async invoke(channel, input) {
    // Opened before the call, still inside the click that asked for it (browsers block later pop-ups).
    if (opensChooser(channel, input)) {
      const chooser = window.open(
        `/__bridge/chooser?token=${encodeURIComponent(token)}`,
        'amparo-chooser',
        'popup,width=640,height=560',
      );
      if (!chooser) console.warn('[bridge] allow pop-ups for this page to choose files');
    }
    const response = await fetch(`/__bridge/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amparo-bridge-token': token },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as WireResult<unknown>;
  },
  subscribe(event, listener) {
    source ??= new EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`);
    const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    source.addEventListener(event, handler);
    return () => source?.removeEventListener(event, handler);
  },
};

(window as unknown as { amparo: unknown }).amparo = buildApi(transport);
