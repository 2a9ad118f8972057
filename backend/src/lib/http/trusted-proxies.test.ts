import { parseAddressRange, proxyTrust } from './trusted-proxies';

const trust = (list: string[]) => proxyTrust(list.map((s) => parseAddressRange(s)!));

describe('proxyTrust', () => {
  test('when no outer proxy is listed, then only the first hop (nginx) is trusted', () => {
    const t = trust([]);
    expect(t('172.18.0.3', 0)).toBe(true);
    expect(t('10.0.0.1', 1)).toBe(false);
  });

  test('when ranges are listed, then hops inside them are trusted, IPv4 on a dual-stack socket included', () => {
    const t = trust(['10.0.0.0/8', '2001:db8::/32']);
    expect(t('10.1.2.3', 1)).toBe(true);
    expect(t('::ffff:10.1.2.3', 2)).toBe(true);
    expect(t('2001:db8::5', 1)).toBe(true);
    expect(t('11.0.0.1', 1)).toBe(false);
    expect(t('not an address', 1)).toBe(false);
  });
});
