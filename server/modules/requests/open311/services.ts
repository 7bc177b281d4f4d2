// The Open311 services: the 15 request categories (data/requests/categories.json) with stable ASCII
// service codes, so that a client's stored codes survive a re-ordering or renaming of the file.
import { shippedCategories } from '../classifier/training.ts';

const CODES: Record<string, { code: string; group: string }> = {
  城乡建设: { code: 'urban-construction', group: '城市环境' },
  环境保护: { code: 'environment', group: '城市环境' },
  交通运输: { code: 'transport', group: '城市环境' },
  水电气热: { code: 'utilities', group: '城市环境' },
  教育文体: { code: 'education-culture', group: '民生保障' },
  劳动和社会保障: { code: 'labour-social-security', group: '民生保障' },
  卫生健康: { code: 'health', group: '民生保障' },
  民政服务: { code: 'civil-affairs', group: '民生保障' },
  住房保障与物业: { code: 'housing-property', group: '民生保障' },
  农业农村: { code: 'agriculture-rural', group: '民生保障' },
  商贸旅游: { code: 'commerce-tourism', group: '经济与市场' },
  市场监管: { code: 'market-regulation', group: '经济与市场' },
  财税金融: { code: 'tax-finance', group: '经济与市场' },
  公共安全: { code: 'public-safety', group: '平安与政务' },
  政务服务: { code: 'government-services', group: '平安与政务' },
};

/** One service of GeoReport v2 `GET services`, field names as the specification spells them. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** The terms of a category's definition ("市政道路与设施（路灯、井盖…）、市容环境卫生…"), as keywords. */
function keywordsOf(definition: string): string {
  const terms = definition.split(/[、，,。；;（）()和与及等\s]+/u).map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 10);
  return [...new Set(terms)].slice(0, 12).join(',');
}

export function open311Services(): Open311Service[] {
  return shippedCategories().map((c) => ({
    service_code: CODES[c.name]?.code ?? c.name,
    service_name: c.name,
    description: c.definition,
    metadata: false,
    type: 'realtime' as const,
    keywords: keywordsOf(c.definition),
    group: CODES[c.name]?.group ?? '其他',
  }));
}

/** service_code → category name and back (unknown → undefined). */
export function serviceCatalogue() {
  const services = open311Services();
  const byCode = new Map(services.map((s) => [s.service_code, s]));
  const byName = new Map(services.map((s) => [s.service_name, s]));
  return {
    services,
    categoryOf: (code: string) => byCode.get(code)?.service_name,
    codeOf: (category: string) => byName.get(category)?.service_code ?? category,
  };
}
