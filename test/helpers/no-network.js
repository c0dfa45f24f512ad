// A Node preload (`node --require test/helpers/no-network.js …`) that takes
// the network away: every function that opens a connection or resolves a
// name (net, tls, http, https, http2, dns, dgram, fetch) is replaced by one
// that records the attempt and throws. Records go, one JSON line each, to
// the file named by BD_NET_LOG, written synchronously so none is lost when
// the process ends; each process (worker threads included) first writes a
// `loaded` line, so a test can tell the preload was really in place.
'use strict';
const fs = require('fs');

const LOG = process.env.BD_NET_LOG;
const { isMainThread, threadId } = require('worker_threads');

function record(entry) {
  if (!LOG) return;
  try {
    fs.appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, thread: isMainThread ? 0 : threadId, ...entry })}\n`);
  } catch {
    // The log is best effort; the throw below is what matters.
  }
}

function blocked(name) {
  return function () {
    let where = '';
    try {
      where = JSON.stringify([...arguments].filter((a) => typeof a !== 'function').slice(0, 2)).slice(0, 200);
    } catch {
      where = '?';
    }
    record({ attempt: name, args: where, stack: new Error().stack.split('\n').slice(2, 6).join(' | ') });
    throw new Error(`network access blocked in tests: ${name}`);
  };
}

function patch(mod, names, prefix) {
  for (const n of names) if (typeof mod[n] === 'function') mod[n] = blocked(`${prefix}.${n}`);
}

const net = require('net');
patch(net, ['connect', 'createConnection', 'createServer'], 'net');
net.Socket.prototype.connect = blocked('net.Socket.connect');
patch(require('tls'), ['connect', 'createServer'], 'tls');
patch(require('http'), ['request', 'get', 'createServer'], 'http');
patch(require('https'), ['request', 'get', 'createServer'], 'https');
patch(require('http2'), ['connect', 'createServer', 'createSecureServer'], 'http2');
patch(require('dgram'), ['createSocket'], 'dgram');
const dns = require('dns');
const DNS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'reverse'];
patch(dns, DNS, 'dns');
patch(dns.promises, DNS, 'dns.promises');
if (typeof globalThis.fetch === 'function') globalThis.fetch = blocked('fetch');

record({ loaded: true, argv: process.argv.slice(1, 3).map((a) => a.split(/[\\/]/).pop()) });
