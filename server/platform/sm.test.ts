import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHash, getCiphers, getHashes, randomBytes } from 'node:crypto';
import { sm2, sm4 } from 'sm-crypto-v2';
import {
  SM2_DEFAULT_USER_ID,
  isSm2PublicKey,
  sm2GenerateKeyPair,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm3Hex,
  sm4DecryptKey,
  sm4EncryptKey,
  sm4GenerateKey,
} from './sm.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const flipHexDigit = (h: string, i: number) => h.slice(0, i) + (h[i] === '0' ? '1' : '0') + h.slice(i + 1);

describe('SM3', () => {
  test('GB/T 32905 example 1: "abc"', () => {
    assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  test('GB/T 32905 example 2: "abcd" × 16 (64 bytes)', () => {
    assert.equal(sm3Hex('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  test('strings are hashed as UTF-8, bytes as given', () => {
    assert.equal(sm3Hex('安澜市'), sm3Hex(new TextEncoder().encode('安澜市')));
  });

  test('agrees with OpenSSL (node:crypto) on random bytes and on text beyond the BMP', { skip: !getHashes().includes('sm3') }, () => {
    for (let len = 0; len < 200; len += 7) {
      const data = randomBytes(len);
      assert.equal(sm3Hex(data), createHash('sm3').update(data).digest('hex'));
    }
    // U+2A6A5 (CJK Ext B), U+1F600, U+E0041 (tag letter; sm-crypto-v2's own UTF-8 encoder gets it wrong).
    for (const text of ['营业执照 𪚥', '😀', 'a\u{E0041}b']) {
      assert.equal(sm3Hex(text), createHash('sm3').update(text, 'utf8').digest('hex'), text);
    }
  });
});

describe('SM4 (the primitive under the key wrapping)', () => {
  test('GB/T 32907 example: one block in ECB', () => {
    const key = '0123456789abcdeffedcba9876543210';
    const out = sm4.encrypt(Buffer.from(key, 'hex'), key, { padding: 'none', mode: 'ecb' });
    assert.equal(out, '681edf34d206965e86b3e94f536e4246');
  });

  test('RFC 8998 A.1: SM4-GCM', () => {
    const { output, tag } = sm4.encrypt(
      Buffer.from('AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA', 'hex'),
      '0123456789ABCDEFFEDCBA9876543210',
      { mode: 'gcm', iv: '00001234567800000000ABCD', associatedData: 'FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2', outputTag: true },
    );
    assert.equal(output, '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d');
    assert.equal(tag, '83de3541e4c2b58177e065a9bf7b62ec');
  });

  test('agrees with OpenSSL (node:crypto) SM4-ECB on random blocks', { skip: !getCiphers().includes('sm4-ecb') }, () => {
    for (let i = 0; i < 20; i++) {
      const key = randomBytes(16);
      const data = randomBytes(64);
      const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
      const expected = Buffer.concat([c.update(data), c.final()]).toString('hex');
      assert.equal(sm4.encrypt(data, key, { padding: 'none' }), expected);
    }
  });
});

describe('SM4 key wrapping (sm4gcm:v1)', () => {
  const master = sm4GenerateKey();
  const secret = sm2GenerateKeyPair().privateKey;

  test('round trip, versioned format, fresh IV every time', () => {
    const a = sm4EncryptKey(secret, master, 'kid-1');
    const b = sm4EncryptKey(secret, master, 'kid-1');
    assert.match(a, /^sm4gcm:v1:[0-9a-f]{24}:[0-9a-f]{64}:[0-9a-f]{32}$/);
    assert.notEqual(a, b);
    assert.equal(sm4DecryptKey(a, master, 'kid-1'), secret);
    assert.equal(sm4DecryptKey(b, master, 'kid-1'), secret);
    assert.equal(sm4DecryptKey(sm4EncryptKey('00ff', master), master), '00ff');
    assert.match(sm4GenerateKey(), /^[0-9a-f]{32}$/);
  });

  test('a wrong master key or context is detected', () => {
    const w = sm4EncryptKey(secret, master, 'kid-1');
    assert.throws(() => sm4DecryptKey(w, sm4GenerateKey(), 'kid-1'), /authentication failed/);
    assert.throws(() => sm4DecryptKey(w, master, 'kid-2'), /authentication failed/);
    assert.throws(() => sm4DecryptKey(w, master), /authentication failed/);
  });

  test('changing any hex digit of IV, ciphertext or tag is detected', () => {
    const w = sm4EncryptKey(secret, master, 'kid-1');
    const start = 'sm4gcm:v1:'.length;
    for (let i = start; i < w.length; i++) {
      if (w[i] === ':') continue;
      assert.throws(() => sm4DecryptKey(flipHexDigit(w, i), master, 'kid-1'), /authentication failed/, `position ${i}`);
    }
  });

  test('truncated, stripped or re-labelled values are refused', () => {
    const w = sm4EncryptKey(secret, master, 'kid-1');
    const [p, v, iv, ct, tag] = w.split(':') as [string, string, string, string, string];
    const bad = [
      [p, v, iv, ct, tag.slice(0, 30)].join(':'),
      [p, v, iv, ct, ''].join(':'),
      [p, v, iv, ct].join(':'),
      [p, 'v2', iv, ct, tag].join(':'),
      ['sm4cbc', v, iv, ct, tag].join(':'),
      [p, v, iv.slice(2), ct, tag].join(':'),
      [p, v, iv, ct.slice(0, -2), tag].join(':'),
      w.toUpperCase(),
    ];
    for (const b of bad) assert.throws(() => sm4DecryptKey(b, master, 'kid-1'), /not an sm4gcm:v1 wrapped key|authentication failed/, b);
  });

  test('bad inputs are refused before encrypting', () => {
    assert.throws(() => sm4EncryptKey('', master), /hex/);
    assert.throws(() => sm4EncryptKey('abc', master), /hex/);
    assert.throws(() => sm4EncryptKey('zz', master), /hex/);
    assert.throws(() => sm4EncryptKey(secret, master.slice(2)), /master key/);
    assert.throws(() => sm4DecryptKey(sm4EncryptKey(secret, master), 'xyz'), /master key/);
  });
});

describe('SM2 signatures', () => {
  // GM/T 0003.5-2012 / GB/T 32918.5-2017 Annex A, signature example on the recommended curve, as used in
  // the test suites of OpenSSL (test/sm2_internal_test.c), GmSSL and others: message "message digest",
  // user id 1234567812345678, fixed random k.
  const KAT = {
    privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    publicKey:
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
      'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    message: 'message digest',
    z: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
    e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
    k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
    signature:
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
      'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  };

  test('known answer (GB/T 32918.5 Annex A): key, Z_A, e, and the published signature verifies', () => {
    assert.equal(sm2PublicKeyFromPrivate(KAT.privateKey), KAT.publicKey);
    assert.equal(hex(sm2.getZ(KAT.publicKey, SM2_DEFAULT_USER_ID)), KAT.z);
    assert.equal(sm2.getHash(Buffer.from(KAT.message).toString('hex'), KAT.publicKey, SM2_DEFAULT_USER_ID), KAT.e);
    assert.equal(sm2Verify(KAT.message, KAT.signature, KAT.publicKey), true);
    assert.equal(sm2Verify(KAT.message, KAT.signature.toUpperCase(), KAT.publicKey.toUpperCase()), true);
    assert.equal(sm2Verify('message digesT', KAT.signature, KAT.publicKey), false);
  });

  test('known answer: signing with the published k gives the published r || s', () => {
    // sm2Sign never takes k; this drives the same library call with a one-point pool holding k and x1 of kG.
    const kG = sm2.getPublicKeyFromPrivateKey(KAT.k);
    const sig = sm2.doSignature(new TextEncoder().encode(KAT.message), KAT.privateKey, {
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
      pointPool: [{ k: BigInt('0x' + KAT.k), x1: BigInt('0x' + kG.slice(2, 66)) }],
    });
    assert.equal(sig, KAT.signature);
  });

  const pair = sm2GenerateKeyPair();
  const message = '{"holder":"张三","type":"结婚证","no":"2025-0001"}';
  const signature = sm2Sign(message, pair.privateKey);

  test('key pairs and signatures have the documented formats', () => {
    assert.match(pair.publicKey, /^04[0-9a-f]{128}$/);
    assert.match(pair.privateKey, /^[0-9a-f]{64}$/);
    assert.equal(sm2PublicKeyFromPrivate(pair.privateKey), pair.publicKey);
    assert.ok(isSm2PublicKey(pair.publicKey));
    assert.match(signature, /^[0-9a-f]{128}$/);
  });

  test('round trip: text and its UTF-8 bytes verify alike; signatures are randomised', () => {
    assert.equal(sm2Verify(message, signature, pair.publicKey), true);
    assert.equal(sm2Verify(new TextEncoder().encode(message), signature, pair.publicKey), true);
    const bytes = randomBytes(300);
    assert.equal(sm2Verify(bytes, sm2Sign(bytes, pair.privateKey), pair.publicKey), true);
    assert.notEqual(sm2Sign(message, pair.privateKey), signature);
  });

  test('changing one byte of the message fails', () => {
    const bytes = new TextEncoder().encode(message);
    for (let i = 0; i < bytes.length; i++) {
      const changed = Uint8Array.from(bytes);
      changed[i]! ^= 0x01;
      assert.equal(sm2Verify(changed, signature, pair.publicKey), false, `byte ${i}`);
    }
    assert.equal(sm2Verify(message + ' ', signature, pair.publicKey), false);
  });

  test('changing any hex digit of the signature fails', () => {
    for (let i = 0; i < signature.length; i++) {
      assert.equal(sm2Verify(message, flipHexDigit(signature, i), pair.publicKey), false, `digit ${i}`);
    }
  });

  test('changing the public key fails, without throwing', () => {
    for (const i of [2, 40, 66, 100, 129]) {
      assert.equal(sm2Verify(message, signature, flipHexDigit(pair.publicKey, i)), false, `digit ${i}`);
    }
    assert.equal(sm2Verify(message, signature, sm2GenerateKeyPair().publicKey), false);
  });

  test('a signature made with another user id does not verify with the default, and vice versa', () => {
    const other = sm2Sign(message, pair.privateKey, { userId: 'ALICE123@YAHOO.COM' });
    assert.equal(sm2Verify(message, other, pair.publicKey), false);
    assert.equal(sm2Verify(message, other, pair.publicKey, { userId: 'ALICE123@YAHOO.COM' }), true);
    assert.equal(sm2Verify(message, signature, pair.publicKey, { userId: 'ALICE123@YAHOO.COM' }), false);
  });

  test('malformed signatures and keys give false, never an exception', () => {
    const n = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
    const zero = '0'.repeat(64);
    const r = signature.slice(0, 64);
    const s = signature.slice(64);
    for (const bad of ['', signature.slice(2), signature + '00', 'zz' + signature.slice(2), zero + s, r + zero, n + s, r + n, 'f'.repeat(128)]) {
      assert.equal(sm2Verify(message, bad, pair.publicKey), false, bad);
    }
    for (const bad of ['', '04', pair.publicKey.slice(0, 66), '02' + pair.publicKey.slice(2), '04' + '0'.repeat(128), 'not hex']) {
      assert.equal(sm2Verify(message, signature, bad), false, bad);
      assert.equal(isSm2PublicKey(bad), false, bad);
    }
  });

  test('bad private keys are refused when signing', () => {
    assert.throws(() => sm2Sign(message, 'abc'), /64 hex/);
    assert.throws(() => sm2Sign(message, '0'.repeat(64)), /range/);
    assert.throws(() => sm2Sign(message, 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122'), /range/);
  });
});
