/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
/* global require */
// Preloaded with `node --require` into the process that runs OCR in the network test, and inherited by
// every worker thread it starts: each way out to the network (sockets, TLS, HTTP(S), fetch, DNS)
// writes one line to stderr and throws, so an attempt is both recorded and stopped.
'use strict';
const fs = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');

function attempt(what) {
  fs.writeSync(2, `NETWORK-ATTEMPT ${isMainThread ? 'main' : `worker-${threadId}`} ${what}\n`);
  throw new Error(`network access blocked in this test: ${what}`);
}

function block(moduleName, names) {
  const mod = require(moduleName);
  for (const name of names) {
    if (typeof mod[name] !== 'function') continue;
    mod[name] = function blocked() {
      return attempt(`${moduleName}.${name}`);
    };
  }
  return mod;
}

/** A Unix socket or Windows pipe given by path: local IPC (tsx talks to its parent so), not the network. */
function localPipe(args) {
  const first = args[0];
  if (typeof first === 'string' && Number.isNaN(Number(first))) return first;
  if (first && typeof first === 'object' && typeof first.path === 'string') return first.path;
  if (Array.isArray(first)) return localPipe(first);
  return undefined;
}

const net = require('node:net');
const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const pipe = localPipe(args);
  if (pipe === undefined) return attempt(`net.Socket.connect ${JSON.stringify(args[0])}`);
  fs.writeSync(2, `LOCAL-PIPE ${pipe}\n`);
  return socketConnect.apply(this, args);
};
// net.connect and net.createConnection create a Socket and call its connect: guarded above.
block('node:tls', ['connect']);
block('node:http', ['request', 'get']);
block('node:https', ['request', 'get']);
block('node:http2', ['connect']);
const dnsNames = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'];
block('node:dns', dnsNames);
block('node:dns/promises', dnsNames);
const dgram = require('node:dgram');
dgram.Socket.prototype.send = function blocked() {
  return attempt('dgram.send');
};
globalThis.fetch = function blocked(input) {
  return Promise.resolve().then(() => attempt(`fetch ${String(input && input.url ? input.url : input)}`));
};
if (globalThis.WebSocket) {
  globalThis.WebSocket = function blocked() {
    return attempt('WebSocket');
  };
}
// ES module imports of the built-ins see the replacements too.
require('node:module').syncBuiltinESMExports();
fs.writeSync(2, `NETWORK-HOOK ${isMainThread ? 'main' : `worker-${threadId}`}\n`);
