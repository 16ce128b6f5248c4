// Loaded with `node --import` into a deckhand run: records (and refuses) every attempt to reach the
// network, in the file named by DECKHAND_NETWORK_LOG. A build must never fetch anything.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const log = process.env.DECKHAND_NETWORK_LOG;
const record = (what) => {
  if (log) appendFileSync(log, `${what}\n`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its normalised [options, callback] pair as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  // Local IPC (a pipe path) is not the network.
  if (!target.path) {
    record(`connect ${target.host ?? 'localhost'}:${target.port}`);
    throw new Error('deckhand test: network access refused');
  }
  return connect.apply(this, args);
};
for (const api of [dns, dns.promises]) {
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
    const original = api[name];
    api[name] = function (host, ...rest) {
      record(`dns ${name} ${host}`);
      return original.call(this, 'invalid.invalid', ...rest);
    };
  }
}
