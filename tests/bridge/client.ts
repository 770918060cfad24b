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

const transport: Transport = {
  async invoke(channel, input) {
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
