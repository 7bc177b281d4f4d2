// A realistic sample licence for looking at the PDF layout and timing the renderer:
//   npx tsx server/modules/licences/render/sample.ts /tmp/x.pdf [--status 撤销] [--bench 50]
// then e.g. `pdftoppm -r 80 -png /tmp/x.pdf /tmp/x`. The tests use sampleModel() and sampleSigner() too.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { canonicalJson } from '../../../../domain/licence-canonical.ts';
import { base64url } from '../../../../domain/licence-document.ts';
import { sm2GenerateKeyPair, sm2Sign, sm3Hex, type Sm2KeyPair } from '../../../platform/sm.ts';
import { pdfRenderer } from './pdf.ts';
import type { FileSigner, LicenceRenderModel } from './types.ts';

export function sampleSigner(keys: Sm2KeyPair = sm2GenerateKeyPair(), kid = 'scjg-2025-01'): FileSigner & { publicKey: string } {
  return { kid, publicKey: keys.publicKey, sign: (bytes) => sm2Sign(bytes, keys.privateKey) };
}

/** A 营业执照 of a fictional company, with a QR payload of realistic length (claims + SM2 signature). */
export function sampleModel(signer: FileSigner, overrides: Partial<LicenceRenderModel> = {}): LicenceRenderModel {
  const identifier = '1.2.156.3005.2.11100000000013127X001.11341100MB1957382T.20250301000017.001.K';
  const fields = [
    { label: '名称', value: '安澜市示范区青禾智能科技有限公司' },
    { label: '统一社会信用代码', value: '91341100MA2T8XK45J' },
    { label: '类型', value: '有限责任公司（自然人投资或控股）' },
    { label: '法定代表人', value: '林晓岚' },
    { label: '注册资本', value: '人民币壹佰万元整' },
    { label: '成立日期', value: '2025年03月01日' },
    { label: '住所', value: '安澜市示范区东城街道创新大道 88 号科创园 3 号楼 1205 室' },
    {
      label: '经营范围',
      value:
        '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；人工智能应用软件开发；信息系统集成服务；' +
        '计算机软硬件及辅助设备零售；会议及展览服务（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。',
    },
  ];
  const document = { identifier, number: 'SFQ2025030100017', type: '营业执照', holder: fields[0]!.value, fields };
  const digest = sm3Hex(canonicalJson(document, 'document'));
  const claims = base64url(
    canonicalJson({ v: 1, id: identifier, kid: signer.kid, iss: 'scjg', typ: '营业执照', num: document.number, iat: '2025-03-01', exp: null, dg: digest }, 'claims'),
  );
  const signature = signer.sign(new TextEncoder().encode(claims));
  return {
    typeName: '营业执照',
    number: document.number,
    identifier,
    holderName: fields[0]!.value,
    fields,
    issuerName: '示范区市场监督管理局',
    issuedOn: '2025-03-01',
    expiresOn: null,
    statusLabel: '有效',
    version: 1,
    seal: { id: 'seal-scjg-1', name: '示范区市场监督管理局' },
    qr: `http://localhost:3000/verify#TBL1.${claims}.${Buffer.from(signature, 'hex').toString('base64url')}`,
    signedJson: JSON.stringify({ document, digest, signature, kid: signer.kid }),
    ...overrides,
  };
}

async function main(argv: string[]) {
  const out = argv.find((a) => !a.startsWith('--')) ?? '/tmp/licence-sample.pdf';
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const signer = sampleSigner();
  const model = sampleModel(signer, flag('--status') ? { statusLabel: flag('--status')! } : {});
  const bytes = await pdfRenderer.render(model, signer);
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes (${(bytes.length / 1024).toFixed(1)} KB)`);
  const runs = Number(flag('--bench') ?? 0);
  if (runs > 0) {
    // Wall time, and CPU time of this process (which shows how much of the wall time was other load).
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await pdfRenderer.render(model, signer);
      const used = process.cpuUsage(c);
      ms.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    const pick = (xs: number[], q: number) => Number([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!.toFixed(1));
    console.log(JSON.stringify({ runs, p50Ms: pick(ms, 0.5), p99Ms: pick(ms, 0.99), cpuP50Ms: pick(cpu, 0.5), cpuP99Ms: pick(cpu, 0.99), bytes: bytes.length }));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
