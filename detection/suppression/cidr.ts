/** An IPv4 or IPv6 address as a big integer and its width in bits, or undefined when it is not one. */
const parseAddress = (text: string): { value: bigint; bits: number } | undefined => {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    return { value: parts.reduce((sum, part) => (sum << 8n) | BigInt(part), 0n), bits: 32 };
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(':')) return undefined;
  const [head = '', tail, ...rest] = text.split('::');
  if (rest.length) return undefined;
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  if (groups.some((group) => group.length > 4)) return undefined;
  return {
    value: groups.reduce((sum, group) => (sum << 16n) | BigInt(parseInt(group || '0', 16)), 0n),
    bits: 128,
  };
};

/** Whether `address` lies in `block` (`198.51.100.0/24`, `2001:db8::/32`); false for names such as "AWS Internal". */
const inCidr = (address: string, block: string): boolean => {
  const [base = '', prefixText = ''] = block.split('/');
  const ip = parseAddress(address);
  const network = parseAddress(base);
  const prefix = Number(prefixText);
  if (!ip || !network || ip.bits !== network.bits || !(prefix >= 0 && prefix <= ip.bits)) return false;
  const shift = BigInt(ip.bits - prefix);
  return ip.value >> shift === network.value >> shift;
};

export { inCidr, parseAddress };
