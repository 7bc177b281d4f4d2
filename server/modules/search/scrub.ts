// Search logs keep no personal data: ID numbers, phone numbers and other long digit runs people
// sometimes type into a search box are replaced before anything is stored.
export function scrubQuery(query: string): string {
  return query
    .replace(/\d{17}[\dXx]|\d{15}/g, '[身份证号]')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[手机号]')
    .replace(/\d{6,}/g, '[数字]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[邮箱]')
    .slice(0, 200);
}
