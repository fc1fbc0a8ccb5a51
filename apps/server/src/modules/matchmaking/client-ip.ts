import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) is the IPv4 address. */
function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function trustList(trusted: string[]): BlockList {
  const list = new BlockList();
  for (const entry of trusted) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) continue;
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/**
 * The client address of a Socket.IO handshake, with the same trust rule as the HTTP side
 * (`TRUST_PROXY`): X-Forwarded-For is read right to left, only through hops that are trusted
 * proxies, so a client cannot choose its own address by sending the header.
 */
export function clientIpResolver(trusted: false | string[]): (request: IncomingMessage) => string {
  const list = trusted ? trustList(trusted) : null;
  const isTrusted = (address: string) => {
    const type = isIP(address);
    return list !== null && type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4');
  };
  return (request) => {
    let address = normalize(request.socket.remoteAddress ?? '');
    if (!isTrusted(address)) return address;
    const header = request.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map(normalize)
      .filter(Boolean);
    for (let index = hops.length - 1; index >= 0; index--) {
      address = hops[index] ?? address;
      if (!isTrusted(address)) return address;
    }
    return address;
  };
}
