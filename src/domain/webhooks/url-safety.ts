// Webhook URLs are chosen by the registrant and fetched by the server: without a check they would
// let anyone with a liaison account make the server call its own network (SSRF). Loopback,
// private, link-local and other non-public addresses are refused, at registration and again at
// every delivery (a name may resolve elsewhere later), unless WEBHOOK_ALLOW_PRIVATE=1.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../errors';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** True for an address no public receiver has (IPv4-mapped IPv6 judged by its IPv4). */
function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Parses and checks a webhook URL as far as can be done without the network. */
export function checkWebhookUrl(raw: unknown, allowPrivate: boolean): URL {
  let url: URL;
  try {
    if (typeof raw !== 'string' || raw.length > 2000) throw new Error();
    url = new URL(raw);
  } catch {
    throw new AppError('UNPROCESSABLE', '请填写有效的网址 / Give a valid absolute URL.', { fields: { url: 'invalid' } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('UNPROCESSABLE', '网址须以 https:// 或 http:// 开头 / The URL must be http or https.', { fields: { url: 'scheme' } });
  }
  if (url.username || url.password) throw new AppError('UNPROCESSABLE', '网址不能包含用户名或密码 / The URL may not carry credentials.', { fields: { url: 'credentials' } });
  const host = hostOf(url).toLowerCase();
  if (!allowPrivate && (isIP(host) ? isPrivateAddress(host) : host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
    throw new AppError('UNPROCESSABLE', '不能使用本机或内网地址 / Loopback and private network addresses are refused.', { fields: { url: 'private' } });
  }
  return url;
}

/** dns.lookup for http.request that refuses private answers, so the checked address is the one used. */
export function safeLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        return callback(new Error(`${hostname} resolves to a private address`), '', 4);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Checks a literal IP host at delivery time (http.request does not look those up). */
export function literalHostRefused(url: URL, allowPrivate: boolean): boolean {
  const host = hostOf(url);
  return !allowPrivate && isIP(host) !== 0 && isPrivateAddress(host);
}
