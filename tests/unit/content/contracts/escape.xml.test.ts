import { describe, expect, it } from 'vitest';
import { escapeXml, removeXmlInvalid } from '../../../../content/contracts/escape.ts';

describe('XML text', () => {
  it('escapes XML', () => {
    expect(escapeXml('a < b & "c" \'d\' >')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;');
    expect(escapeXml('bell\u0007')).toBe('bell');
  });

  it('drops the characters XML 1.0 forbids and keeps tabs, newlines and Chinese text', () => {
    expect(removeXmlInvalid('信息\u0000公开\u001F\uFFFE')).toBe('信息公开');
    expect(removeXmlInvalid('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });
});
